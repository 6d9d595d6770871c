/**
 * Anomaly detection rules (pure; SPEC 3.7b, issue 19 step 5). One series is one monitor ×
 * region × metric (`p50_ms`, `p95_ms`, `error_rate`) of hourly windows from the hourly rollups.
 *
 * Baseline of the window at `t` (robust, from the series' own history):
 * - **expected** = the median of the same hour of the week 1–4 weeks back (at least 2 of
 *   them: a series is judged from its third week on): daily and weekly seasonality are part
 *   of the expectation, never an anomaly;
 * - **spread** = 1.4826 × MAD of the same hour of the day 1–7 days back (the recent noise;
 *   a slow drift over weeks moves `expected` by more than this), at least
 *   `relFloor` × expected and `absFloor`;
 * - the band is expected ± `k` × spread (error rate: only the upper side counts; at least
 *   `minSamples` recent samples are needed, else the window is not judged).
 *
 * An anomaly opens when `openAfter` consecutive judged windows are outside the band
 * (started at the first of them) and closes at the first of `closeAfter` consecutive windows
 * back inside (ended there); windows without data neither open nor close one.
 */
export type AnomalyMetric = 'p50_ms' | 'p95_ms' | 'error_rate';

export interface SeriesPoint {
  /** Start of the hourly window, epoch ms (a whole UTC hour). */
  at: number;
  value: number | null;
}

export interface DetectorOptions {
  k: number;
  openAfter: number;
  closeAfter: number;
  minSamples: number;
  relFloor: number;
  absFloor: number;
  /** true: only values above the band count (error rate). */
  upperOnly: boolean;
}

export const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const WEEK_MS = 7 * DAY_MS;

export const DEFAULT_OPTIONS: Readonly<Record<AnomalyMetric, DetectorOptions>> = {
  p50_ms: { k: 3, openAfter: 3, closeAfter: 2, minSamples: 5, relFloor: 0.05, absFloor: 5, upperOnly: false },
  p95_ms: { k: 3, openAfter: 3, closeAfter: 2, minSamples: 5, relFloor: 0.05, absFloor: 5, upperOnly: false },
  error_rate: { k: 4, openAfter: 3, closeAfter: 2, minSamples: 5, relFloor: 0, absFloor: 0.05, upperOnly: true },
};

export interface Band {
  expected: number;
  lower: number;
  upper: number;
}

export interface DetectedAnomaly {
  metric: AnomalyMetric;
  started_at: number;
  /** null while still open at the end of the series. */
  ended_at: number | null;
  /** The value furthest outside the band while open. */
  observed: number;
  /** The band at the window that opened it. */
  expected: Band;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function mad(xs: readonly number[]): number {
  const m = median(xs);
  return median(xs.map((x) => Math.abs(x - m)));
}

/** The band of the window at `at`, from the values before it (`byTime`: window start → value); null when too little history. */
export function baselineAt(byTime: ReadonlyMap<number, number>, at: number, o: DetectorOptions): Band | null {
  const pick = (step: number, n: number) => {
    const out: number[] = [];
    for (let i = 1; i <= n; i++) {
      const v = byTime.get(at - i * step);
      if (v !== undefined) out.push(v);
    }
    return out;
  };
  const recent = pick(DAY_MS, 7);
  if (recent.length < o.minSamples) return null;
  const weekly = pick(WEEK_MS, 4);
  if (weekly.length < 2) return null;
  const expected = median(weekly);
  const spread = Math.max(1.4826 * mad(recent), o.relFloor * Math.abs(expected), o.absFloor);
  return { expected, lower: expected - o.k * spread, upper: expected + o.k * spread };
}

/** Every anomaly of one series, in order (pure). */
export function detectAnomalies(series: readonly SeriesPoint[], metric: AnomalyMetric, o: DetectorOptions = DEFAULT_OPTIONS[metric]): DetectedAnomaly[] {
  const byTime = new Map<number, number>();
  for (const p of series) if (p.value !== null && Number.isFinite(p.value)) byTime.set(p.at, p.value);
  const out: DetectedAnomaly[] = [];
  let open: DetectedAnomaly | null = null;
  let outside: { at: number; value: number; band: Band }[] = [];
  let inside: number[] = [];
  for (const p of [...series].sort((a, b) => a.at - b.at)) {
    if (p.value === null || !Number.isFinite(p.value)) continue;
    const band = baselineAt(byTime, p.at, o);
    if (!band) continue;
    const isOutside = p.value > band.upper || (!o.upperOnly && p.value < band.lower);
    const distance = (v: number, b: Band) => (v > b.upper ? v - b.upper : b.lower - v);
    if (open) {
      if (isOutside) {
        inside = [];
        if (distance(p.value, band) > distance(open.observed, open.expected)) open.observed = p.value;
      } else {
        inside.push(p.at);
        if (inside.length >= o.closeAfter) {
          open.ended_at = inside[0];
          out.push(open);
          open = null;
          inside = [];
        }
      }
      continue;
    }
    if (!isOutside) {
      outside = [];
      continue;
    }
    outside.push({ at: p.at, value: p.value, band });
    if (outside.length >= o.openAfter) {
      const furthest = outside.reduce((a, b) => (distance(b.value, b.band) > distance(a.value, a.band) ? b : a));
      open = { metric, started_at: outside[0].at, ended_at: null, observed: furthest.value, expected: outside[0].band };
      outside = [];
      inside = [];
    }
  }
  if (open) out.push(open);
  return out;
}
