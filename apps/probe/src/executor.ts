/**
 * Bounded executor: at most `concurrency` items run at once, the rest wait in a FIFO.
 *
 * - When the FIFO reaches `queueLimit` the executor asks its producer to pause
 *   (`onBackpressure(true)`: the probe leaves its region's queue group so NATS routes
 *   the region's jobs to the other replicas) and to resume once the FIFO has drained
 *   below half of the limit (`onBackpressure(false)`).
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
  private items: T[] = [];
  private head = 0;
  private running = 0;
  private paused = false;
  private stopped = false;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly opts: ExecutorOptions<T>) {
    if (!Number.isInteger(opts.concurrency) || opts.concurrency < 1) throw new Error('concurrency must be a positive integer');
    if (!Number.isInteger(opts.queueLimit) || opts.queueLimit < 1) throw new Error('queueLimit must be a positive integer');
    this.concurrency = opts.concurrency;
    this.queueLimit = opts.queueLimit;
    this.hardQueueLimit = Math.max(opts.hardQueueLimit ?? 2 * opts.queueLimit, opts.queueLimit);
    this.now = opts.now ?? Date.now;
  }

  get inFlight(): number {
    return this.running;
  }

  get queued(): number {
    return this.items.length - this.head;
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
    if (this.running < this.concurrency && this.queued === 0) {
      this.start(item);
      return 'started';
    }
    if (this.queued >= this.hardQueueLimit) {
      this.drop(item, 'overload');
      return 'dropped';
    }
    this.items.push(item);
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

  private start(item: T): void {
    this.running++;
    let p: Promise<unknown>;
    try {
      p = this.opts.run(item);
    } catch (e) {
      p = Promise.reject(e);
    }
    p.then(
      () => this.finish(),
      (e) => {
        this.opts.onError?.(item, e);
        this.finish();
      },
    );
  }

  private finish(): void {
    this.running--;
    this.pump();
    if (this.running === 0 && this.queued === 0 && this.idleWaiters.length > 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
  }

  private pump(): void {
    while (this.running < this.concurrency && this.queued > 0) {
      const item = this.shift();
      if (this.now() > this.opts.deadlineOf(item)) {
        this.drop(item, 'deadline');
        continue;
      }
      this.start(item);
    }
    if (this.paused && this.queued < this.queueLimit / 2) {
      this.paused = false;
      if (!this.stopped) this.opts.onBackpressure?.(false);
    }
  }

  private shift(): T {
    const item = this.items[this.head];
    this.items[this.head] = undefined as unknown as T;
    this.head++;
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    } else if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  private drop(item: T, reason: DropReason): void {
    this.opts.onDrop?.(item, reason);
  }
}
