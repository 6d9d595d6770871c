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
export function detectAnomalies(
  series: readonly SeriesPoint[],
  metric: AnomalyMetric,
  o: DetectorOptions = DEFAULT_OPTIONS[metric],
): DetectedAnomaly[] {
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

export const ANOMALY_METRICS: readonly AnomalyMetric[] = ['p50_ms', 'p95_ms', 'error_rate'];

/** One hourly rollup row of one region, as the sweep reads it. */
export interface HourlyWindow {
  region: string;
  at: number;
  checks: number;
  failures: number;
  /** Response-time percentiles of the window (null without timed results). */
  p50: number | null;
  p95: number | null;
}

/** The three series of each region (sorted by time): p50, p95 and failures / checks of each hour. */
export function seriesByRegion(windows: readonly HourlyWindow[]): Map<string, Record<AnomalyMetric, SeriesPoint[]>> {
  const out = new Map<string, Record<AnomalyMetric, SeriesPoint[]>>();
  for (const w of [...windows].sort((a, b) => a.at - b.at)) {
    let s = out.get(w.region);
    if (!s) out.set(w.region, (s = { p50_ms: [], p95_ms: [], error_rate: [] }));
    s.p50_ms.push({ at: w.at, value: w.p50 });
    s.p95_ms.push({ at: w.at, value: w.p95 });
    s.error_rate.push({ at: w.at, value: w.checks > 0 ? w.failures / w.checks : null });
  }
  return out;
}

/** A stored anomaly, as reconcile sees it. */
export interface StoredAnomaly {
  id: string;
  region: string;
  metric: AnomalyMetric;
  startedAt: number;
  endedAt: number | null;
  observed: number;
}

export type AnomalyChange =
  | { kind: 'open'; region: string; anomaly: DetectedAnomaly }
  | { kind: 'close'; id: string; endedAt: number; observed: number }
  | { kind: 'observed'; id: string; observed: number };

/**
 * What the sweep writes, from what is stored and what the detector finds now (pure).
 * Detections that ended before `horizon` are history and left alone. A detection matches
 * the stored anomaly of its region and metric whose span overlaps its own:
 * - no match: it opens (stored with `ended_at` when it already closed);
 * - an open match: closed when the detection has ended, else its furthest value updated;
 * - a closed match: nothing (a closed anomaly is never reopened; a new one starts later).
 * A stored open anomaly that no detection matches any more (its history changed) closes at
 * `closeAt` (the end of the last judged window).
 */
export function reconcile(
  stored: readonly StoredAnomaly[],
  detected: readonly { region: string; anomaly: DetectedAnomaly }[],
  horizon: number,
  closeAt: number,
): AnomalyChange[] {
  const changes: AnomalyChange[] = [];
  const matched = new Set<string>();
  const overlaps = (s: StoredAnomaly, d: DetectedAnomaly) =>
    s.startedAt < (d.ended_at ?? Infinity) && d.started_at < (s.endedAt ?? Infinity);
  for (const { region, anomaly: d } of detected) {
    if (d.ended_at !== null && d.ended_at < horizon) continue;
    const s = stored.find((x) => x.region === region && x.metric === d.metric && !matched.has(x.id) && overlaps(x, d));
    if (!s) {
      changes.push({ kind: 'open', region, anomaly: d });
      continue;
    }
    matched.add(s.id);
    if (s.endedAt !== null) continue;
    if (d.ended_at !== null) changes.push({ kind: 'close', id: s.id, endedAt: d.ended_at, observed: d.observed });
    else if (d.observed !== s.observed) changes.push({ kind: 'observed', id: s.id, observed: d.observed });
  }
  for (const s of stored)
    if (s.endedAt === null && !matched.has(s.id))
      changes.push({ kind: 'close', id: s.id, endedAt: closeAt, observed: s.observed });
  return changes;
}
