import { baselineAt, DEFAULT_OPTIONS, detectAnomalies, HOUR_MS, mad, median, type SeriesPoint } from './anomaly-rules';

/** Deterministic noise (mulberry32 + Box-Muller), so every history is the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function gaussian(r: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}

const START = Date.UTC(2026, 0, 5); // a Monday, 00:00 UTC
const WEEKS = 8;
const HOURS = WEEKS * 7 * 24;
/** An hourly history of `HOURS` windows: `shape(hour index)` times (1 + relative noise). */
function history(shape: (h: number) => number, noise: number, seed: number): SeriesPoint[] {
  const r = rng(seed);
  return Array.from({ length: HOURS }, (_, h) => ({ at: START + h * HOUR_MS, value: Math.max(0, shape(h) * (1 + noise * gaussian(r))) }));
}
const hourAt = (h: number) => START + h * HOUR_MS;

describe('median and MAD', () => {
  it('are robust to an outlier', () => {
    expect(median([1, 2, 3, 4, 1000])).toBe(3);
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(mad([1, 2, 3, 4, 1000])).toBe(1);
  });
});

describe('detectAnomalies on generated histories', () => {
  it('stays quiet on noise', () => {
    for (const seed of [1, 2, 3, 12, 13, 14, 15, 16, 17, 18]) expect(detectAnomalies(history(() => 120, 0.05, seed), 'p50_ms')).toEqual([]);
  });

  it('stays quiet on daily seasonality (busy afternoons) with weekends slower, and noise', () => {
    const shape = (h: number) => {
      const hourOfDay = h % 24;
      const weekend = Math.floor(h / 24) % 7 >= 5;
      return (200 + 120 * Math.sin((2 * Math.PI * (hourOfDay - 8)) / 24)) * (weekend ? 0.7 : 1);
    };
    for (const seed of [4, 5, 19, 20, 21, 22]) {
      expect(detectAnomalies(history(shape, 0.03, seed), 'p95_ms')).toEqual([]);
    }
  });

  it('finds a step change at the hour it starts, and closes it when the value returns', () => {
    const stepAt = 6 * 168 + 30;
    const back = stepAt + 12;
    const found = detectAnomalies(history((h) => (h >= stepAt && h < back ? 400 : 120), 0.03, 6), 'p50_ms');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ metric: 'p50_ms', started_at: hourAt(stepAt), ended_at: hourAt(back) });
    expect(found[0].observed).toBeGreaterThan(350);
    expect(found[0].expected.expected).toBeGreaterThan(110);
    expect(found[0].expected.expected).toBeLessThan(130);
    expect(found[0].expected.upper).toBeLessThan(350);
  });

  it('keeps a lasting step open at the end of the series', () => {
    const stepAt = 7 * 168;
    const found = detectAnomalies(history((h) => (h >= stepAt ? 300 : 120), 0.03, 7), 'p50_ms');
    expect(found[0]).toMatchObject({ started_at: hourAt(stepAt) });
  });

  it('finds a slow drift (+1.5 ms a day, 3% noise) once it has moved the value past its weeks-old baseline', () => {
    const found = detectAnomalies(history((h) => 100 + (1.5 * h) / 24, 0.03, 8), 'p50_ms');
    expect(found.length).toBeGreaterThanOrEqual(1);
    // Not before two weeks of history (the baseline needs them), then flagged.
    expect(found[0].started_at).toBeGreaterThanOrEqual(hourAt(2 * 168));
    expect(found[0].observed).toBeGreaterThan(found[0].expected.upper);
  });

  it('error rate: a 6-hour burst of failures opens one; two bad hours do not (several windows needed)', () => {
    const r = rng(9);
    const base = () => (r() < 0.05 ? 0.02 : 0);
    const burst = 7 * 168 + 3;
    const series = Array.from({ length: HOURS }, (_, h) => ({ at: hourAt(h), value: h >= burst && h < burst + 6 ? 0.4 : h >= 6 * 168 + 50 && h < 6 * 168 + 52 ? 0.5 : base() }));
    const found = detectAnomalies(series, 'error_rate');
    expect(found.map((a) => [a.started_at, a.ended_at])).toEqual([[hourAt(burst), hourAt(burst + 6)]]);
    // Fewer failures than usual is not an anomaly.
    expect(detectAnomalies(series.map((p) => ({ ...p, value: 0 })), 'error_rate')).toEqual([]);
  });

  it('judges nothing without enough history, and skips windows without data', () => {
    const short = history(() => 100, 0.03, 10).slice(0, 24 * 13);
    expect(detectAnomalies(short.map((p, i) => (i > 24 * 10 ? { ...p, value: 900 } : p)), 'p50_ms')).toEqual([]);
    const byTime = new Map(short.map((p) => [p.at, p.value!]));
    expect(baselineAt(byTime, hourAt(24 * 13), DEFAULT_OPTIONS.p50_ms)).toBeNull();
    const gaps = history(() => 100, 0.03, 11).map((p, i) => (i % 5 === 0 ? { ...p, value: null } : p));
    expect(detectAnomalies(gaps, 'p50_ms')).toEqual([]);
  });
});
