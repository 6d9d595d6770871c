import { clockSkewSummary } from './clock-skew';

describe('clockSkewSummary', () => {
  it('is all zero without probes', () => {
    expect(clockSkewSummary([])).toEqual({ max_ms: 0, typical_ms: 0, probes_skewed: 0 });
  });

  it('counts probes within their threshold (or too old to report) as 0', () => {
    expect(clockSkewSummary([null, null])).toEqual({ max_ms: 0, typical_ms: 0, probes_skewed: 0 });
    expect(clockSkewSummary([null, 10_000, null])).toEqual({ max_ms: 10_000, typical_ms: 0, probes_skewed: 1 });
  });

  it('shows the skew of largest size with its sign', () => {
    expect(clockSkewSummary([3_000, -12_000, 5_000])).toEqual({ max_ms: -12_000, typical_ms: 3_000, probes_skewed: 3 });
  });

  it('takes the median, halfway (rounded) for an even count', () => {
    expect(clockSkewSummary([10_000, 3_001])).toEqual({ max_ms: 10_000, typical_ms: 6_501, probes_skewed: 2 });
    expect(clockSkewSummary([4_000, null, null, 9_000])).toMatchObject({ typical_ms: 2_000 }); // 0, 0, 4000, 9000
  });

  it('treats a non-finite value as none', () => {
    expect(clockSkewSummary([Number.NaN, 2_500])).toEqual({ max_ms: 2_500, typical_ms: 1_250, probes_skewed: 1 });
  });
});
