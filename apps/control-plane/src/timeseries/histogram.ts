/**
 * A mergeable response-time distribution: fixed log-scale buckets, stored sparse
 * (`{bucket index: count}`), so rollups of any hours, days and regions merge by adding
 * counts.
 *
 * Bucket 0 holds [0, 1) ms; bucket i ≥ 1 holds [γ^(i-1), γ^i) ms with γ = 1.02. A
 * percentile is read as the geometric middle of its bucket, γ^(i-½), clamped to the
 * window's exact min and max. Error bound: for a true nearest-rank percentile v ≥ 1 ms
 * the answer r satisfies |r − v| ≤ (√γ − 1)·v < 1 % of v; below 1 ms, |r − v| ≤ 0.5 ms.
 */
export const GAMMA = 1.02;
const LN_GAMMA = Math.log(GAMMA);
/** Relative error bound of a percentile read from a histogram (values ≥ 1 ms). */
export const RELATIVE_ERROR = Math.sqrt(GAMMA) - 1;
/** Absolute error bound below 1 ms. */
export const ABSOLUTE_ERROR_BELOW_1MS = 0.5;

/** A histogram as stored in rollups: sparse, `{bucket index: count}`. */
export type Histogram = Record<string, number>;

/** Buckets kept; values from 1.02^718 ms (about 24 minutes) up share the last one. */
export const BUCKETS = 720;

export function bucketOf(ms: number): number {
  if (!(ms >= 1)) return 0;
  // Nudge by a relative epsilon so that exact powers of γ land in the bucket they start.
  return Math.min(BUCKETS - 1, Math.floor(Math.log(ms) / LN_GAMMA + 1e-9) + 1);
}

/** The value a bucket stands for (geometric middle). */
export function representative(bucket: number): number {
  return bucket === 0 ? 0.5 : Math.pow(GAMMA, bucket - 0.5);
}

/**
 * A histogram being merged or read: dense counts with the range of buckets in use, so
 * merging and reading percentiles are plain loops over a few hundred numbers at most.
 */
export class Hist {
  readonly counts = new Uint32Array(BUCKETS);
  lo = BUCKETS;
  hi = -1;

  static fromSparse(h: Histogram | null | undefined): Hist {
    return new Hist().addSparse(h);
  }

  add(bucket: number, n = 1): this {
    this.counts[bucket] += n;
    if (bucket < this.lo) this.lo = bucket;
    if (bucket > this.hi) this.hi = bucket;
    return this;
  }

  addValue(ms: number): this {
    return this.add(bucketOf(ms));
  }

  addSparse(h: Histogram | null | undefined): this {
    if (h) for (const k in h) this.add(Number(k), h[k]);
    return this;
  }

  merge(o: Hist): this {
    if (o.hi < 0) return this;
    for (let i = o.lo; i <= o.hi; i++) this.counts[i] += o.counts[i];
    if (o.lo < this.lo) this.lo = o.lo;
    if (o.hi > this.hi) this.hi = o.hi;
    return this;
  }

  toSparse(): Histogram {
    const out: Histogram = {};
    for (let i = this.lo; i <= this.hi; i++) if (this.counts[i]) out[i] = this.counts[i];
    return out;
  }

  /**
   * Nearest-rank percentiles (ascending `qs`) of `count` values, each read as its bucket's
   * representative clamped to [min, max]; nulls when there are no values.
   */
  quantiles(count: number, qs: number[], min: number, max: number): (number | null)[] {
    if (count <= 0) return qs.map(() => null);
    const out: number[] = [];
    let seen = 0;
    let j = 0;
    for (let i = this.lo; i <= this.hi && j < qs.length; i++) {
      seen += this.counts[i];
      while (j < qs.length && seen >= Math.max(1, Math.ceil(qs[j] * count))) out[j++] = Math.min(max, Math.max(min, representative(i)));
    }
    while (j < qs.length) out[j++] = max;
    return out;
  }
}

/**
 * `Hist.fromSparse(h).quantiles(…)` without the dense array: the same answers, read from
 * the stored form of one histogram (a handful of buckets), for readers that take
 * percentiles of thousands of rows one by one (the anomaly sweep).
 */
export function sparseQuantiles(h: Histogram | null | undefined, count: number, qs: number[], min: number, max: number): (number | null)[] {
  if (count <= 0) return qs.map(() => null);
  const buckets: number[] = [];
  if (h) for (const k in h) if (h[k]) buckets.push(Number(k));
  buckets.sort((a, b) => a - b);
  const out: number[] = [];
  let seen = 0;
  let j = 0;
  for (let b = 0; b < buckets.length && j < qs.length; b++) {
    seen += h![buckets[b]];
    while (j < qs.length && seen >= Math.max(1, Math.ceil(qs[j] * count))) out[j++] = Math.min(max, Math.max(min, representative(buckets[b])));
  }
  while (j < qs.length) out[j++] = max;
  return out;
}

/** Exact nearest-rank percentile of raw values (what the histogram approximates). */
export function exactQuantile(sorted: number[], q: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1];
}
