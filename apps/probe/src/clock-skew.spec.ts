import { localDeadline, reportedSkew, SkewEstimator, toControlPlaneTime } from './clock-skew';

describe('SkewEstimator', () => {
  it('knows nothing before the first job', () => {
    expect(new SkewEstimator().skewMs).toBeNull();
  });

  it('takes the smallest arrival − sent of the window: transit and stalls only add to a sample', () => {
    const e = new SkewEstimator(4);
    e.observe(1_000, 11_030); // 10 s ahead, 30 ms transit
    e.observe(2_000, 12_005); // 5 ms transit
    e.observe(3_000, 18_000); // the probe was stopped for 5 s
    expect(e.skewMs).toBe(10_005);
  });

  it('estimates a clock that is behind (negative skew)', () => {
    const e = new SkewEstimator();
    e.observe(10_000, 7_010);
    e.observe(11_000, 8_002);
    expect(e.skewMs).toBe(-2_998);
  });

  it('follows a clock step within one window', () => {
    const e = new SkewEstimator(3);
    for (let i = 0; i < 3; i++) e.observe(i * 1000, i * 1000 + 10_000);
    expect(e.skewMs).toBe(10_000);
    for (let i = 3; i < 5; i++) e.observe(i * 1000, i * 1000 + 50);
    expect(e.skewMs).toBe(50); // smaller samples win at once
    e.observe(6_000, 6_000 + 20_000);
    e.observe(7_000, 7_000 + 20_000);
    expect(e.skewMs).toBe(50);
    e.observe(8_000, 8_000 + 20_000); // the window now holds only the new clock
    expect(e.skewMs).toBe(20_000);
  });

  it('ignores times that are not numbers (an unparsable sent_at)', () => {
    const e = new SkewEstimator();
    e.observe(Number.NaN, 1_000);
    e.observe(1_000, Number.POSITIVE_INFINITY);
    expect(e.skewMs).toBeNull();
    e.observe(1_000, 1_200);
    expect(e.skewMs).toBe(200);
  });

  it('rounds to whole milliseconds (performance-based clocks have fractions)', () => {
    const e = new SkewEstimator();
    e.observe(1_000.2, 1_100.9);
    expect(e.skewMs).toBe(101);
  });

  it('refuses a window that is not a positive integer', () => {
    expect(() => new SkewEstimator(0)).toThrow(RangeError);
    expect(() => new SkewEstimator(1.5)).toThrow(RangeError);
  });
});

describe('reportedSkew', () => {
  it('reports only beyond the threshold, either way', () => {
    expect(reportedSkew(null, 2000)).toBeUndefined();
    expect(reportedSkew(2000, 2000)).toBeUndefined();
    expect(reportedSkew(-2000, 2000)).toBeUndefined();
    expect(reportedSkew(2001, 2000)).toBe(2001);
    expect(reportedSkew(-10_000, 2000)).toBe(-10_000);
  });
});

describe('localDeadline', () => {
  it('counts ttl_ms from arrival on the probe clock, whatever the absolute deadline says', () => {
    expect(localDeadline({ deadline: 5_000, ttl_ms: 3_000 }, 100_000, 95_000)).toBe(103_000);
    expect(localDeadline({ deadline: 5_000, ttl_ms: 0 }, 100_000, null)).toBe(100_000);
  });

  it('moves an older control plane’s absolute deadline by the estimated skew', () => {
    expect(localDeadline({ deadline: 5_000 }, 1, 10_000)).toBe(15_000);
    expect(localDeadline({ deadline: 5_000 }, 1, -2_000)).toBe(3_000);
  });

  it('keeps the absolute deadline while the skew is unknown', () => {
    expect(localDeadline({ deadline: 5_000 }, 1, null)).toBe(5_000);
  });
});

describe('toControlPlaneTime', () => {
  it('corrects by the skew only beyond the threshold', () => {
    expect(toControlPlaneTime(100_000, 10_000, 2000)).toBe(90_000);
    expect(toControlPlaneTime(100_000, -3_000, 2000)).toBe(103_000);
    expect(toControlPlaneTime(100_000, 1_500, 2000)).toBe(100_000);
    expect(toControlPlaneTime(100_000, null, 2000)).toBe(100_000);
  });
});
