import { LatencyInput, latencyDecision } from './latency';

const regions = ['a', 'b', 'c'];
const r = (region: string, responseMs: number | null, isUp = true) => ({ region, isUp, responseMs });
const base = (over: Partial<LatencyInput>): LatencyInput => ({
  decision: 'up',
  regions,
  quorum: 2,
  results: [r('a', 50), r('b', 50), r('c', 50)],
  thresholdMs: 100,
  ...over,
});

describe('latencyDecision', () => {
  it('without a threshold nothing changes', () => {
    expect(latencyDecision(base({ thresholdMs: null, results: [r('a', 900), r('b', 900), r('c', 900)] }))).toEqual({
      decision: 'up',
      slow: [],
    });
  });
  it('a quorum of slow regions degrades an up round', () => {
    expect(latencyDecision(base({ results: [r('a', 101), r('b', 500), r('c', 50)] }))).toEqual({
      decision: 'degraded',
      slow: ['a', 'b'],
    });
  });
  it('fewer slow regions than the quorum: up, the slow ones listed', () => {
    expect(latencyDecision(base({ results: [r('a', 101), r('b', 50), r('c', 50)] }))).toEqual({
      decision: 'up',
      slow: ['a'],
    });
  });
  it('exactly the threshold is not slow', () => {
    expect(latencyDecision(base({ results: [r('a', 100), r('b', 100), r('c', 100)] }))).toEqual({
      decision: 'up',
      slow: [],
    });
  });
  it('the quorum shrinks to the regions that reported', () => {
    expect(latencyDecision(base({ quorum: 3, results: [r('a', 300)] }))).toEqual({ decision: 'degraded', slow: ['a'] });
  });
  it('a warn round degrades too; failing, down and no_data rounds are left alone (never down from slowness)', () => {
    const slowAll = [r('a', 900), r('b', 900), r('c', 900)];
    expect(latencyDecision(base({ decision: 'warn', results: slowAll }))).toEqual({
      decision: 'degraded',
      slow: ['a', 'b', 'c'],
    });
    for (const d of ['degraded', 'down', 'no_data'] as const)
      expect(latencyDecision(base({ decision: d, results: slowAll }))).toEqual({ decision: d, slow: [] });
  });
  it('ignores regions outside the round, failing regions and missing times; a region reported twice counts once', () => {
    expect(
      latencyDecision(
        base({ results: [r('x', 900), r('y', 900), r('a', 900, false), r('b', null), r('c', 900), r('c', 950)] }),
      ),
    ).toEqual({ decision: 'up', slow: ['c'] });
    expect(latencyDecision(base({ quorum: 1, results: [r('c', 900), r('c', 950)] }))).toEqual({
      decision: 'degraded',
      slow: ['c'],
    });
  });
});
