import { seededRandom } from '@parallax/testing';
import {
  baselineAt,
  DEFAULT_OPTIONS,
  detectAnomalies,
  HOUR_MS,
  mad,
  median,
  reconcile,
  seriesByRegion,
  type DetectedAnomaly,
  type SeriesPoint,
  type StoredAnomaly,
} from './anomaly-rules';

const rng = seededRandom;
function gaussian(r: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}

const START = Date.UTC(2026, 0, 5); // a Monday, 00:00 UTC
const WEEKS = 8;
const HOURS = WEEKS * 7 * 24;
/** An hourly history of `HOURS` windows: `shape(hour index)` times (1 + relative noise). */
function history(shape: (h: number) => number, noise: number, seed: number): SeriesPoint[] {
  const r = rng(seed);
  return Array.from({ length: HOURS }, (_, h) => ({
    at: START + h * HOUR_MS,
    value: Math.max(0, shape(h) * (1 + noise * gaussian(r))),
  }));
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
    for (const seed of [1, 2, 3, 12, 13, 14, 15, 16, 17, 18])
      expect(
        detectAnomalies(
          history(() => 120, 0.05, seed),
          'p50_ms',
        ),
      ).toEqual([]);
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
    const found = detectAnomalies(
      history((h) => (h >= stepAt && h < back ? 400 : 120), 0.03, 6),
      'p50_ms',
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ metric: 'p50_ms', started_at: hourAt(stepAt), ended_at: hourAt(back) });
    expect(found[0].observed).toBeGreaterThan(350);
    expect(found[0].expected.expected).toBeGreaterThan(110);
    expect(found[0].expected.expected).toBeLessThan(130);
    expect(found[0].expected.upper).toBeLessThan(350);
  });

  it('keeps a lasting step open at the end of the series', () => {
    const stepAt = 7 * 168;
    const found = detectAnomalies(
      history((h) => (h >= stepAt ? 300 : 120), 0.03, 7),
      'p50_ms',
    );
    expect(found[0]).toMatchObject({ started_at: hourAt(stepAt) });
  });

  it('finds a slow drift (+1.5 ms a day, 3% noise) once it has moved the value past its weeks-old baseline', () => {
    const found = detectAnomalies(
      history((h) => 100 + (1.5 * h) / 24, 0.03, 8),
      'p50_ms',
    );
    expect(found.length).toBeGreaterThanOrEqual(1);
    // Not before two weeks of history (the baseline needs them), then flagged.
    expect(found[0].started_at).toBeGreaterThanOrEqual(hourAt(2 * 168));
    expect(found[0].observed).toBeGreaterThan(found[0].expected.upper);
  });

  it('error rate: a 6-hour burst of failures opens one; two bad hours do not (several windows needed)', () => {
    const r = rng(9);
    const base = () => (r() < 0.05 ? 0.02 : 0);
    const burst = 7 * 168 + 3;
    const series = Array.from({ length: HOURS }, (_, h) => ({
      at: hourAt(h),
      value: h >= burst && h < burst + 6 ? 0.4 : h >= 6 * 168 + 50 && h < 6 * 168 + 52 ? 0.5 : base(),
    }));
    const found = detectAnomalies(series, 'error_rate');
    expect(found.map((a) => [a.started_at, a.ended_at])).toEqual([[hourAt(burst), hourAt(burst + 6)]]);
    // Fewer failures than usual is not an anomaly.
    expect(
      detectAnomalies(
        series.map((p) => ({ ...p, value: 0 })),
        'error_rate',
      ),
    ).toEqual([]);
  });

  it('judges nothing without enough history, and skips windows without data', () => {
    const short = history(() => 100, 0.03, 10).slice(0, 24 * 13);
    expect(
      detectAnomalies(
        short.map((p, i) => (i > 24 * 10 ? { ...p, value: 900 } : p)),
        'p50_ms',
      ),
    ).toEqual([]);
    const byTime = new Map(short.map((p) => [p.at, p.value!]));
    expect(baselineAt(byTime, hourAt(24 * 13), DEFAULT_OPTIONS.p50_ms)).toBeNull();
    const gaps = history(() => 100, 0.03, 11).map((p, i) => (i % 5 === 0 ? { ...p, value: null } : p));
    expect(detectAnomalies(gaps, 'p50_ms')).toEqual([]);
  });
});

describe('seriesByRegion', () => {
  it('splits windows into per-region p50, p95 and error-rate series in time order', () => {
    const s = seriesByRegion([
      { region: 'eu', at: hourAt(1), checks: 4, failures: 1, p50: 12, p95: 30 },
      { region: 'eu', at: hourAt(0), checks: 0, failures: 0, p50: null, p95: null },
      { region: 'us', at: hourAt(0), checks: 2, failures: 0, p50: 5, p95: 6 },
    ]);
    expect(s.get('eu')).toEqual({
      p50_ms: [
        { at: hourAt(0), value: null },
        { at: hourAt(1), value: 12 },
      ],
      p95_ms: [
        { at: hourAt(0), value: null },
        { at: hourAt(1), value: 30 },
      ],
      error_rate: [
        { at: hourAt(0), value: null },
        { at: hourAt(1), value: 0.25 },
      ],
    });
    expect(s.get('us')!.error_rate).toEqual([{ at: hourAt(0), value: 0 }]);
  });
});

describe('reconcile', () => {
  const band = { expected: 100, lower: 80, upper: 120 };
  const det = (started: number, ended: number | null, observed = 300): DetectedAnomaly => ({
    metric: 'p50_ms',
    started_at: hourAt(started),
    ended_at: ended === null ? null : hourAt(ended),
    observed,
    expected: band,
  });
  const stored = (id: string, started: number, ended: number | null, observed = 300, region = 'eu'): StoredAnomaly => ({
    id,
    region,
    metric: 'p50_ms',
    startedAt: hourAt(started),
    endedAt: ended === null ? null : hourAt(ended),
    observed,
  });
  const horizon = hourAt(100);
  const closeAt = hourAt(200);

  it('opens a new detection, closed or not; leaves history before the horizon alone', () => {
    expect(
      reconcile(
        [],
        [
          { region: 'eu', anomaly: det(150, null) },
          { region: 'eu', anomaly: det(120, 130) },
          { region: 'eu', anomaly: det(10, 20) },
        ],
        horizon,
        closeAt,
      ),
    ).toEqual([
      { kind: 'open', region: 'eu', anomaly: det(150, null) },
      { kind: 'open', region: 'eu', anomaly: det(120, 130) },
    ]);
  });

  it('changes nothing when the same anomaly is detected again', () => {
    expect(reconcile([stored('a', 150, null)], [{ region: 'eu', anomaly: det(150, null) }], horizon, closeAt)).toEqual(
      [],
    );
    expect(reconcile([stored('a', 120, 130)], [{ region: 'eu', anomaly: det(120, 130) }], horizon, closeAt)).toEqual(
      [],
    );
  });

  it('closes an open one when its detection ended, and follows its furthest value while open', () => {
    expect(
      reconcile([stored('a', 150, null)], [{ region: 'eu', anomaly: det(150, 160, 350) }], horizon, closeAt),
    ).toEqual([{ kind: 'close', id: 'a', endedAt: hourAt(160), observed: 350 }]);
    expect(
      reconcile([stored('a', 150, null)], [{ region: 'eu', anomaly: det(150, null, 500) }], horizon, closeAt),
    ).toEqual([{ kind: 'observed', id: 'a', observed: 500 }]);
  });

  it('matches by overlap (a start shifted by new history) within the same region and metric only', () => {
    expect(reconcile([stored('a', 150, null)], [{ region: 'eu', anomaly: det(149, null) }], horizon, closeAt)).toEqual(
      [],
    );
    const changes = reconcile(
      [stored('a', 150, null, 300, 'us')],
      [{ region: 'eu', anomaly: det(150, null) }],
      horizon,
      closeAt,
    );
    expect(changes).toEqual([
      { kind: 'open', region: 'eu', anomaly: det(150, null) },
      { kind: 'close', id: 'a', endedAt: closeAt, observed: 300 },
    ]);
  });

  it('never reopens a closed one, and closes an open one nothing detects any more', () => {
    expect(reconcile([stored('a', 120, 130)], [{ region: 'eu', anomaly: det(120, null) }], horizon, closeAt)).toEqual(
      [],
    );
    expect(reconcile([stored('a', 150, null)], [], horizon, closeAt)).toEqual([
      { kind: 'close', id: 'a', endedAt: closeAt, observed: 300 },
    ]);
  });
});
