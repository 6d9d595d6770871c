import { RegionResult, summariseRound } from './round-summary';

const up = (region: string, responseMs = 20): RegionResult => ({
  region,
  isUp: true,
  statusCode: 200,
  responseMs,
  error: null,
});
const down = (region: string): RegionResult => ({
  region,
  isUp: false,
  statusCode: 503,
  responseMs: 40,
  error: 'expected status 200, got 503',
});

describe('summariseRound with skipped regions (no probe online: no job sent)', () => {
  it('counts a skipped region as unknown, never failing', () => {
    const s = summariseRound(['eu-west', 'us-east'], 2, [up('eu-west'), up('us-east')], ['ap-south']);
    expect(s).toMatchObject({
      decision: 'up',
      reported: ['eu-west', 'us-east'],
      unknown: ['ap-south'],
      regionsChecked: 2,
      regionsUp: 2,
    });
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

describe('summariseRound: ssl warn and certificate expiry', () => {
  const d = (iso: string) => new Date(iso);
  const sslUp = (region: string, warn: boolean, expiry: string, issuer = 'CA'): RegionResult => ({
    ...up(region),
    statusCode: null,
    warn,
    sslExpiry: d(expiry),
    sslIssuer: issuer,
  });

  it('is warn when no region fails and one sees the threshold crossed', () => {
    const s = summariseRound(['eu-west', 'us-east'], 2, [
      sslUp('eu-west', false, '2026-06-01T00:00:00Z'),
      sslUp('us-east', true, '2026-06-01T00:00:00Z'),
    ]);
    expect(s.decision).toBe('warn');
    expect(s.locationStatus).toEqual({ 'eu-west': 'up', 'us-east': 'up' });
  });

  it('stays degraded or down when a region fails, whatever the others warn', () => {
    const failing: RegionResult = { ...down('eu-west'), statusCode: null, error: 'certificate expired on …' };
    expect(
      summariseRound(['eu-west', 'us-east', 'ap-south'], 2, [
        failing,
        sslUp('us-east', true, '2026-06-01T00:00:00Z'),
        sslUp('ap-south', true, '2026-06-01T00:00:00Z'),
      ]).decision,
    ).toBe('degraded');
    expect(
      summariseRound(['eu-west', 'us-east'], 1, [failing, sslUp('us-east', true, '2026-06-01T00:00:00Z')]).decision,
    ).toBe('down');
  });

  it('ignores warn from a region that is not counted (skipped)', () => {
    expect(
      summariseRound(
        ['eu-west'],
        1,
        [sslUp('eu-west', false, '2026-06-01T00:00:00Z'), sslUp('ap-south', true, '2026-06-01T00:00:00Z')],
        ['ap-south'],
      ).decision,
    ).toBe('up');
  });

  it('reports the soonest expiry the reporting regions saw, with its issuer; none without certificates', () => {
    const s = summariseRound(['eu-west', 'us-east'], 2, [
      sslUp('eu-west', false, '2026-06-01T00:00:00Z', 'A'),
      sslUp('us-east', false, '2026-05-01T00:00:00Z', 'B'),
    ]);
    expect(s.ssl).toEqual({ expiry: d('2026-05-01T00:00:00Z'), issuer: 'B' });
    expect(summariseRound(['eu-west'], 1, [up('eu-west')]).ssl).toBeNull();
  });
});
