/**
 * Rendered public answers reused for `ttlMs` per replica (the page is the same for every
 * reader and clients may cache it 30 s anyway). Concurrent misses of one key share one
 * render, so a burst costs one set of queries. Size-bounded; 0 disables it.
 */
export class AnswerCache {
  private readonly entries = new Map<string, { until: number; value: Promise<string | null> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly max = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string, render: () => Promise<string | null>): Promise<string | null> {
    if (this.ttlMs <= 0) return render();
    const t = this.now();
    const hit = this.entries.get(key);
    if (hit && hit.until > t) return hit.value;
    if (this.entries.size >= this.max) this.entries.clear();
    const value = render();
    this.entries.set(key, { until: t + this.ttlMs, value });
    value.catch(() => this.entries.delete(key));
    return value;
  }
}
