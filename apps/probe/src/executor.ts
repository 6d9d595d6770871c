/**
 * Bounded executor: at most `concurrency` items run at once, the rest wait in a FIFO per
 * key (the job's account), served round-robin between keys.
 *
 * - Fair between keys: waiting items start key by key in turn, and one key never holds
 *   more than `concurrency − reserve` slots (`reserve`, default ⌊concurrency / 8⌋), so
 *   an account whose targets hang fills only its own share: another account's item finds
 *   a slot at once. (One key alone may use every slot but the reserve.)
 *
 * - When the FIFO reaches `queueLimit` the executor asks its producer to pause
 *   (`onBackpressure(true)`: the probe reports its queue full; it stays in its region's
 *   queue group, so its share of the region's jobs stays steady) and signals again once
 *   the FIFO has drained below half of the limit (`onBackpressure(false)`).
 * - Items already on their way while the producer pauses are still accepted, up to a
 *   hard cap (`hardQueueLimit`, 2 × queueLimit by default); beyond it they are dropped
 *   with reason `overload`.
 * - An item whose deadline has passed when it would start is dropped (`deadline`), never run.
 *
 * Pure logic with no NATS or Nest dependency, so it is unit-tested with fake work.
 */

export type DropReason = 'deadline' | 'overload' | 'shutdown';
export type SubmitOutcome = 'started' | 'queued' | 'dropped';

export interface ExecutorOptions<T> {
  concurrency: number;
  queueLimit: number;
  hardQueueLimit?: number;
  /** Slots no single key may take (kept for the other keys); default ⌊concurrency / 8⌋. */
  reserve?: number;
  /** The fairness key of an item (its account); default: one key for all. */
  keyOf?: (item: T) => string;
  /** Epoch milliseconds after which the item must not start. */
  deadlineOf: (item: T) => number;
  /** The work; a rejection is reported to `onError` and does not stop the executor. */
  run: (item: T) => Promise<unknown>;
  now?: () => number;
  onDrop?: (item: T, reason: DropReason) => void;
  onBackpressure?: (paused: boolean) => void;
  onError?: (item: T, error: unknown) => void;
}

export class BoundedExecutor<T> {
  private readonly concurrency: number;
  private readonly queueLimit: number;
  private readonly hardQueueLimit: number;
  private readonly now: () => number;
  private readonly perKeyCap: number;
  private readonly keyOf: (item: T) => string;
  /** Waiting items by key, in the order keys are served (round-robin: a served key moves last). */
  private readonly queues = new Map<string, { items: T[]; head: number }>();
  private waiting = 0;
  private readonly runningByKey = new Map<string, number>();
  private running = 0;
  private paused = false;
  private stopped = false;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly opts: ExecutorOptions<T>) {
    if (!Number.isInteger(opts.concurrency) || opts.concurrency < 1)
      throw new Error('concurrency must be a positive integer');
    if (!Number.isInteger(opts.queueLimit) || opts.queueLimit < 1)
      throw new Error('queueLimit must be a positive integer');
    this.concurrency = opts.concurrency;
    this.queueLimit = opts.queueLimit;
    this.hardQueueLimit = Math.max(opts.hardQueueLimit ?? 2 * opts.queueLimit, opts.queueLimit);
    this.now = opts.now ?? Date.now;
    const reserve = opts.reserve ?? Math.floor(opts.concurrency / 8);
    if (!Number.isInteger(reserve) || reserve < 0) throw new Error('reserve must be a non-negative integer');
    this.perKeyCap = Math.max(1, opts.concurrency - reserve);
    this.keyOf = opts.keyOf ?? (() => '');
  }

  /** Slots held by one key (tests, metrics). */
  runningFor(key: string): number {
    return this.runningByKey.get(key) ?? 0;
  }

  get inFlight(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting;
  }

  /** True while the executor has asked its producer to stop delivering. */
  get isPaused(): boolean {
    return this.paused;
  }

  get capacity(): number {
    return this.concurrency;
  }

  submit(item: T): SubmitOutcome {
    if (this.stopped) {
      this.drop(item, 'shutdown');
      return 'dropped';
    }
    if (this.now() > this.opts.deadlineOf(item)) {
      this.drop(item, 'deadline');
      return 'dropped';
    }
    const key = this.keyOf(item);
    if (this.running < this.concurrency && this.runningFor(key) < this.perKeyCap && !this.queues.has(key)) {
      this.start(item, key);
      return 'started';
    }
    if (this.queued >= this.hardQueueLimit) {
      this.drop(item, 'overload');
      return 'dropped';
    }
    const q = this.queues.get(key);
    if (q) q.items.push(item);
    else this.queues.set(key, { items: [item], head: 0 });
    this.waiting++;
    if (!this.paused && this.queued >= this.queueLimit) {
      this.paused = true;
      this.opts.onBackpressure?.(true);
    }
    return 'queued';
  }

  /** Resolves once nothing runs and nothing waits. Items submitted meanwhile are awaited too. */
  whenIdle(): Promise<void> {
    if (this.running === 0 && this.queued === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Refuses further items (dropped with reason `shutdown`); queued and running ones continue. */
  stop(): void {
    this.stopped = true;
  }

  private start(item: T, key: string): void {
    this.running++;
    this.runningByKey.set(key, this.runningFor(key) + 1);
    let p: Promise<unknown>;
    try {
      p = this.opts.run(item);
    } catch (e) {
      p = Promise.reject(e);
    }
    p.then(
      () => this.finish(key),
      (e) => {
        this.opts.onError?.(item, e);
        this.finish(key);
      },
    );
  }

  private finish(key: string): void {
    this.running--;
    const n = this.runningFor(key) - 1;
    if (n > 0) this.runningByKey.set(key, n);
    else this.runningByKey.delete(key);
    this.pump();
    if (this.running === 0 && this.queued === 0 && this.idleWaiters.length > 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
  }

  private pump(): void {
    while (this.running < this.concurrency && this.queued > 0) {
      const next = this.next();
      if (!next) break; // every waiting key is at its cap
      if (this.now() > this.opts.deadlineOf(next.item)) {
        this.drop(next.item, 'deadline');
        continue;
      }
      this.start(next.item, next.key);
    }
    if (this.paused && this.queued < this.queueLimit / 2) {
      this.paused = false;
      if (!this.stopped) this.opts.onBackpressure?.(false);
    }
  }

  /** The first waiting item of the first key (in serving order) under its cap; that key is then served last. */
  private next(): { item: T; key: string } | null {
    for (const [key, q] of this.queues) {
      if (this.runningFor(key) >= this.perKeyCap) continue;
      const item = q.items[q.head];
      q.items[q.head] = undefined as unknown as T;
      q.head++;
      this.waiting--;
      this.queues.delete(key);
      if (q.head < q.items.length) {
        if (q.head >= 1024 && q.head * 2 >= q.items.length) {
          q.items = q.items.slice(q.head);
          q.head = 0;
        }
        this.queues.set(key, q); // re-inserted: served again after every other waiting key
      }
      return { item, key };
    }
    return null;
  }

  private drop(item: T, reason: DropReason): void {
    this.opts.onDrop?.(item, reason);
  }
}
