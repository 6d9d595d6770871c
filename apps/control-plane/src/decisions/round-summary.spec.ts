import { RegionResult, summariseRound } from './round-summary';

const up = (region: string, responseMs = 20): RegionResult => ({ region, isUp: true, statusCode: 200, responseMs, error: null });
const down = (region: string): RegionResult => ({ region, isUp: false, statusCode: 503, responseMs: 40, error: 'expected status 200, got 503' });

describe('summariseRound with skipped regions (no probe online: no job sent)', () => {
  it('counts a skipped region as unknown, never failing', () => {
    const s = summariseRound(['eu-west', 'us-east'], 2, [up('eu-west'), up('us-east')], ['ap-south']);
    expect(s).toMatchObject({ decision: 'up', reported: ['eu-west', 'us-east'], unknown: ['ap-south'], regionsChecked: 2, regionsUp: 2 });
    expect(s.locationStatus).toEqual({ 'eu-west': 'up', 'us-east': 'up', 'ap-south': 'unknown' });
  });

  it('applies the quorum to the regions that reported: one failure of two with quorum 2 is degraded', () => {
    const s = summariseRound(['eu-west', 'us-east'], 2, [down('eu-west'), up('us-east')], ['ap-south']);
    expect(s).toMatchObject({ decision: 'degraded', failing: ['eu-west'], unknown: ['ap-south'] });
  });

  it('ignores a result of a skipped region', () => {
    const s = summariseRound(['eu-west'], 1, [up('eu-west'), down('ap-south')], ['ap-south']);
    expect(s).toMatchObject({ decision: 'up', failing: [], unknown: ['ap-south'] });
    expect(s.locationStatus['ap-south']).toBe('unknown');
  });

  it('a round with every region skipped is no data', () => {
    const s = summariseRound([], 1, [], ['eu-west', 'us-east']);
    expect(s).toMatchObject({ decision: 'no_data', regionsChecked: 0, unknown: ['eu-west', 'us-east'] });
  });
});
