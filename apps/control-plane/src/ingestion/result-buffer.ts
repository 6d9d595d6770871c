/**
 * Results received and not yet taken by an ingestion worker, queued per monitor (pure).
 *
 * `take` hands a worker up to `max` results of monitors no other worker holds, each
 * monitor's results in arrival order, and holds those monitors until `release`: the
 * workers of one replica never wait on each other's monitor locks, and a monitor's
 * results are never stored out of order by two batches at once. Monitors are visited in
 * the order their oldest waiting result arrived, so taking is linear in the monitors
 * visited, not in the results waiting.
 */
export class ResultBuffer<T> {
  private readonly queues = new Map<string, T[]>();
  private readonly held = new Set<string>();
  private count = 0;

  /** Results waiting (not taken). */
  get size(): number {
    return this.count;
  }

  /** Every item waiting, not yet taken (in no particular order). */
  *waiting(): IterableIterator<T> {
    for (const q of this.queues.values()) yield* q;
  }

  push(monitorId: string, item: T): void {
    const q = this.queues.get(monitorId);
    if (q) q.push(item);
    else this.queues.set(monitorId, [item]);
    this.count++;
  }

  /** Takes up to `max` results of monitors not held, and holds their monitors. */
  take(max: number): { items: T[]; monitors: string[] } {
    const items: T[] = [];
    const monitors: string[] = [];
    for (const [id, q] of this.queues) {
      if (items.length >= max) break;
      if (this.held.has(id)) continue;
      const n = Math.min(q.length, max - items.length);
      for (let i = 0; i < n; i++) items.push(q[i]);
      if (n === q.length) this.queues.delete(id);
      else q.splice(0, n);
      this.held.add(id);
      monitors.push(id);
    }
    this.count -= items.length;
    return { items, monitors };
  }

  /** Releases monitors taken by `take` (their batch is stored or given up). */
  release(monitors: readonly string[]): void {
    for (const id of monitors) this.held.delete(id);
  }
}
