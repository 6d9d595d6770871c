/**
 * How a time window [from, to) is answered: whole UTC days from daily rollups, whole
 * hours from hourly rollups, and the cut edges from raw rows, so that every answer is
 * exact at the edges. Pure.
 */
export type Bucket = 'minute' | 'hour' | 'day';
export type Source = 'day' | 'hour' | 'raw';

export interface Range {
  from: Date;
  to: Date;
}

export interface WindowPlan {
  day: Range[];
  hour: Range[];
  raw: Range[];
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export const bucketMs = (b: Bucket): number => (b === 'minute' ? MINUTE_MS : b === 'hour' ? HOUR_MS : DAY_MS);
export const floorTo = (t: number, step: number): number => Math.floor(t / step) * step;
export const ceilTo = (t: number, step: number): number => Math.ceil(t / step) * step;

/** The start of the first day after a monitor's folded days (`rollupsFoldedThrough`, a UTC date). */
export const foldedUntil = (foldedThrough: string): number => Date.parse(`${foldedThrough}T00:00:00Z`) + DAY_MS;

/**
 * A monitor's folded-through day: the fold's watermark (`rollup_folds`) when it has one, else
 * the day before the UTC day it was created (it has no data before). The SQL twin is
 * `foldedThroughSql` (rollup-sql.ts).
 */
export const foldedThroughOf = (m: { createdAt: Date; fold?: { foldedThrough: string } | null }): string =>
  m.fold?.foldedThrough ?? new Date(floorTo(m.createdAt.getTime(), DAY_MS) - DAY_MS).toISOString().slice(0, 10);

function push(list: Range[], from: number, to: number): void {
  if (to > from) list.push({ from: new Date(from), to: new Date(to) });
}

/**
 * Splits [from, to) into aligned pieces. Rollups are never coarser than the series
 * bucket: a `minute` series reads raw rows only, an `hour` series hourly rollups and
 * raw edges, a `day` series daily rollups, hourly rollups and raw edges. Daily rollups
 * are read only for days that end by `foldedUntil` (the start of the first day whose
 * daily rollups are not built yet); later whole days are read from hourly rollups.
 */
export function planWindow(from: Date, to: Date, bucket: Bucket, foldedUntil = Infinity): WindowPlan {
  const plan: WindowPlan = { day: [], hour: [], raw: [] };
  const f = from.getTime();
  const t = to.getTime();
  if (t <= f) return plan;
  if (bucket === 'minute') {
    push(plan.raw, f, t);
    return plan;
  }
  const h1 = ceilTo(f, HOUR_MS);
  const h2 = floorTo(t, HOUR_MS);
  if (h1 >= h2) {
    push(plan.raw, f, t);
    return plan;
  }
  push(plan.raw, f, h1);
  push(plan.raw, h2, t);
  const d1 = ceilTo(h1, DAY_MS);
  const d2 = floorTo(h2, DAY_MS);
  if (bucket === 'day' && d1 < d2) {
    const folded = Math.min(d2, Math.max(d1, floorTo(foldedUntil, DAY_MS)));
    push(plan.hour, h1, d1);
    push(plan.day, d1, folded);
    push(plan.hour, folded, h2);
  } else {
    push(plan.hour, h1, h2);
  }
  return plan;
}

/** The series buckets of a window: starts aligned to the bucket (the first may begin before `from`). */
export function seriesStarts(from: Date, to: Date, bucket: Bucket): number[] {
  const step = bucketMs(bucket);
  const out: number[] = [];
  for (let s = floorTo(from.getTime(), step); s < to.getTime(); s += step) out.push(s);
  return out;
}

/** A default bucket for a window: minutes up to 6 h, hours up to 14 days, days beyond. */
export function defaultBucket(from: Date, to: Date): Bucket {
  const span = to.getTime() - from.getTime();
  if (span <= 6 * HOUR_MS) return 'minute';
  if (span <= 14 * DAY_MS) return 'hour';
  return 'day';
}

/** At most this many series points per region. */
export const MAX_POINTS = 3_000;
