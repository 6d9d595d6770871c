/**
 * Rendered public answers reused for `ttlMs` per replica (the page is the same for every
 * reader and clients may cache it 30 s anyway). Concurrent misses of one key share one
 * render, so a burst costs one set of queries. Size-bounded; 0 disables it. A failed render,
 * or an answer `keep` refuses (a 500), is not kept.
 */
export class AnswerCache<T = string | null> {
  private readonly entries = new Map<string, { until: number; value: Promise<T> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly max = 1000,
    private readonly now: () => number = Date.now,
    private readonly keep: (value: T) => boolean = () => true,
  ) {}

  get(key: string, render: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return render();
    const t = this.now();
    const hit = this.entries.get(key);
    if (hit && hit.until > t) return hit.value;
    if (this.entries.size >= this.max) this.entries.clear();
    const value = render();
    const entry = { until: t + this.ttlMs, value };
    this.entries.set(key, entry);
    const forget = () => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    };
    value.then((v) => {
      if (!this.keep(v)) forget();
    }, forget);
    return value;
  }
}

/**
 * The parameters an answer depends on, for its cache key: the others (a client's cache-buster
 * `_=…`, tracking parameters) do not change it and must not split the cache.
 */
export function pick(q: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(names.filter((n) => q[n] !== undefined).map((n) => [n, q[n]]));
}
