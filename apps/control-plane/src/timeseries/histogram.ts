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

/** (A plain array of small integers: a series point's few dozen counts stay on the JS heap, unlike a typed array's backing store.) */
const NONE: number[] = [];
/** Scratch space of `addJsonText` (parsed entries, added once the whole text has parsed). */
const scratchKeys: number[] = [];
const scratchCounts: number[] = [];

/**
 * A histogram being merged or read: dense counts over the range of buckets in use only
 * (`lo`..`hi`, grown as buckets are added), so a series point of a few dozen buckets
 * costs a few dozen numbers, and merging and reading percentiles are plain loops.
 */
export class Hist {
  /** Counts of buckets [base, base + c.length). */
  private c: number[] = NONE;
  private base = 0;
  lo = BUCKETS;
  hi = -1;

  static fromSparse(h: Histogram | null | undefined): Hist {
    return new Hist().addSparse(h);
  }

  /** The stored text of a `jsonb` histogram (`{"12": 3, "40": 1}`), parsed without building an object. */
  static fromJsonText(text: string | null | undefined): Hist {
    return new Hist().addJsonText(text);
  }

  /** The count of one bucket. */
  count(bucket: number): number {
    const i = bucket - this.base;
    return i >= 0 && i < this.c.length ? this.c[i] : 0;
  }

  /** Makes room for buckets lo..hi (valid bucket indexes), keeping the counts. */
  private cover(lo: number, hi: number): void {
    if (lo >= this.base && hi < this.base + this.c.length) return;
    const from = Math.max(0, Math.min(lo, this.hi < 0 ? lo : this.lo) - 4);
    const to = Math.min(BUCKETS, Math.max(hi, this.hi) + 5);
    const c = new Array<number>(to - from).fill(0);
    for (let b = this.lo; b <= this.hi; b++) c[b - from] = this.c[b - this.base];
    this.c = c;
    this.base = from;
  }

  add(bucket: number, n = 1): this {
    // Only valid bucket indexes count (a stored key is always one; anything else is ignored).
    if (!(bucket >= 0 && bucket < BUCKETS) || bucket !== Math.floor(bucket)) return this;
    this.cover(bucket, bucket);
    this.c[bucket - this.base] += n;
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

  /**
   * Adds a histogram from its `jsonb` text: `{"<bucket>": <count>, …}` with integer keys and
   * counts. Anything else in the text (it never is) is parsed with JSON.parse instead.
   */
  addJsonText(text: string | null | undefined): this {
    if (!text) return this;
    const n = text.length;
    let count = 0;
    let lo = BUCKETS;
    let hi = -1;
    // ok once the closing brace is reached with every entry well formed.
    let ok = false;
    let i = 1;
    while (i < n && text.charCodeAt(i) === 32) i++;
    if (text.charCodeAt(0) !== 123) {
      // not an object: JSON.parse below
    } else if (text.charCodeAt(i) === 125) {
      i++;
      ok = true; // {}
    } else {
      for (;;) {
        // "<digits>"
        if (text.charCodeAt(i++) !== 34) break;
        let k = 0;
        const ks = i;
        for (let d = text.charCodeAt(i) - 48; d >= 0 && d <= 9; d = text.charCodeAt(++i) - 48) k = k * 10 + d;
        if (i === ks || i - ks > 4 || text.charCodeAt(i++) !== 34) break;
        while (text.charCodeAt(i) === 32) i++;
        if (text.charCodeAt(i++) !== 58) break; // :
        while (text.charCodeAt(i) === 32) i++;
        let v = 0;
        const vs = i;
        for (let d = text.charCodeAt(i) - 48; d >= 0 && d <= 9; d = text.charCodeAt(++i) - 48) v = v * 10 + d;
        if (i === vs || i - vs > 9) break;
        scratchKeys[count] = k;
        scratchCounts[count++] = v;
        if (k < BUCKETS) {
          if (k < lo) lo = k;
          if (k > hi) hi = k;
        }
        while (text.charCodeAt(i) === 32) i++;
        const c = text.charCodeAt(i++);
        if (c === 44) {
          while (text.charCodeAt(i) === 32) i++;
          continue; // ,
        }
        ok = c === 125; // }
        break;
      }
    }
    while (i < n && text.charCodeAt(i) === 32) i++;
    if (!ok || i !== n) return this.addSparse(JSON.parse(text) as Histogram);
    if (hi < 0) return this;
    this.cover(lo, hi);
    for (let j = 0; j < count; j++) {
      const k = scratchKeys[j];
      if (k >= BUCKETS) continue;
      this.c[k - this.base] += scratchCounts[j];
    }
    if (lo < this.lo) this.lo = lo;
    if (hi > this.hi) this.hi = hi;
    return this;
  }

  merge(o: Hist): this {
    if (o.hi < 0) return this;
    this.cover(o.lo, o.hi);
    for (let i = o.lo; i <= o.hi; i++) this.c[i - this.base] += o.c[i - o.base];
    if (o.lo < this.lo) this.lo = o.lo;
    if (o.hi > this.hi) this.hi = o.hi;
    return this;
  }

  toSparse(): Histogram {
    const out: Histogram = {};
    for (let i = this.lo; i <= this.hi; i++) if (this.c[i - this.base]) out[i] = this.c[i - this.base];
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
      seen += this.c[i - this.base];
      while (j < qs.length && seen >= Math.max(1, Math.ceil(qs[j] * count)))
        out[j++] = Math.min(max, Math.max(min, representative(i)));
    }
    while (j < qs.length) out[j++] = max;
    return out;
  }
}

/** Exact nearest-rank percentile of raw values (what the histogram approximates). */
export function exactQuantile(sorted: number[], q: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1];
}
