import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CheckOutcome } from '@parallax/checks';
import type { CheckSpec } from '@parallax/contracts';

/**
 * A check that did not complete because its worker died or was terminated. It says
 * nothing about the target: the probe does not publish it (the region is unknown for
 * that round, never failing), it counts it as dropped.
 */
export class LostCheck {
  constructor(readonly reason: string) {}
}

/**
 * A pool of worker threads that run checks (`PROBE_WORKERS`), so that one probe process
 * uses more than one core. The main thread keeps everything else: NATS intake, the
 * bounded executor, metrics, result publishing, presence and shutdown.
 *
 * - A check goes to the worker with the fewest checks in flight, as `{ t: 'run', id, spec }`
 *   (a plain object, structured-cloned); the worker answers `{ id, outcome }`.
 * - The check context (region, User-Agent, SSRF switch, body limit) is sent once, as the
 *   worker's `workerData`, not with every check.
 * - `abort()` (shutdown timeout) aborts every running check: the workers abort the one
 *   signal all their checks listen on, as the main thread does when it runs the checks.
 * - A worker that dies (uncaught exception, exit) is replaced at once; the checks it was
 *   running resolve as LostCheck (not published: the region is unknown, never failing), never hang.
 *
 * The pool logic takes a worker factory, so it is unit-tested with fake workers.
 */

/** The check context fields a worker needs; everything else of `CheckContext` stays unset. */
export interface WorkerCheckContext {
  region: string;
  userAgent: string;
  allowPrivateTargets: boolean;
  maxBodyBytes: number;
  /** `PATH` of the programs checks run (the probe's config). */
  childPath: string;
}

/** Main thread → worker. */
export type ToWorker = { t: 'run'; id: number; spec: CheckSpec } | { t: 'abort' };

/** Worker → main thread: the worker is ready, or the outcome of check `id`. */
export type FromWorker = { t: 'ready' } | { t: 'done'; id: number; outcome: CheckOutcome };

/** The part of `node:worker_threads` `Worker` the pool uses. */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  on(event: 'message', listener: (message: FromWorker) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  terminate(): Promise<number>;
}

export type WorkerFactory = (ctx: WorkerCheckContext) => WorkerLike;

/** The compiled worker entry, next to this file in dist. */
export const CHECK_WORKER_FILE = join(__dirname, 'check.worker.js');

export const threadWorkerFactory: WorkerFactory = (ctx) => new Worker(CHECK_WORKER_FILE, { workerData: ctx });

export interface CheckWorkerPoolOptions {
  size: number;
  ctx: WorkerCheckContext;
  factory?: WorkerFactory;
  /** Called when a worker died unexpectedly (before it is replaced). */
  onCrash?: (info: { worker: number; error: string; failedChecks: number }) => void;
}

/** How long `ready()` waits for the workers to load. */
const READY_TIMEOUT_MS = 30_000;

interface Slot {
  readonly index: number;
  worker: WorkerLike;
  /** Checks sent to `worker` and not answered yet, by id. */
  pending: Map<number, (outcome: CheckOutcome | LostCheck) => void>;
  ready: boolean;
}

export class CheckWorkerPool {
  private readonly slots: Slot[] = [];
  private readonly factory: WorkerFactory;
  private nextId = 0;
  private aborted = false;
  private closing = false;
  private readyWaiters: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];
  private idleWaiters: Array<() => void> = [];
  private running = 0;

  constructor(private readonly opts: CheckWorkerPoolOptions) {
    if (!Number.isInteger(opts.size) || opts.size < 1) throw new Error('size must be a positive integer');
    this.factory = opts.factory ?? threadWorkerFactory;
    for (let i = 0; i < opts.size; i++) {
      const slot: Slot = { index: i, worker: undefined as unknown as WorkerLike, pending: new Map(), ready: false };
      this.slots.push(slot);
      this.spawn(slot);
    }
  }

  get size(): number {
    return this.slots.length;
  }

  /** Checks sent to a worker and not answered yet. */
  get inFlight(): number {
    return this.running;
  }

  /** Resolves once every worker has loaded the checks; rejects when one dies first or after 30 s. */
  ready(timeoutMs: number = READY_TIMEOUT_MS): Promise<void> {
    if (this.slots.every((s) => s.ready)) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`check workers not ready after ${timeoutMs} ms`)), timeoutMs);
      timer.unref?.();
      this.readyWaiters.push({
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
    });
  }

  /** Runs one check on the least busy worker. Never rejects; a check its worker could not finish is a LostCheck. */
  run(spec: CheckSpec): Promise<CheckOutcome | LostCheck> {
    if (this.closing) return Promise.resolve(new LostCheck('check not run: the probe is shutting down'));
    let slot = this.slots[0];
    for (let i = 1; i < this.slots.length; i++)
      if (this.slots[i].pending.size < slot.pending.size) slot = this.slots[i];
    const id = ++this.nextId;
    const pending = slot.pending;
    this.running++;
    return new Promise<CheckOutcome | LostCheck>((resolve) => {
      pending.set(id, resolve);
      slot.worker.postMessage({ t: 'run', id, spec });
    });
  }

  /** Aborts every running check (and any started afterwards): they finish at once as aborted. */
  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    for (const s of this.slots) s.worker.postMessage({ t: 'abort' });
  }

  /**
   * Waits (at most `graceMs`) for the running checks, then terminates the workers. A check
   * still unanswered then resolves as a LostCheck. Returns how many were left unanswered.
   */
  async close(graceMs: number): Promise<number> {
    this.closing = true;
    if (this.running > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => this.idleWaiters.push(resolve)),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs))),
      ]);
      clearTimeout(timer);
    }
    const left = this.running;
    await Promise.all(
      this.slots.map((s) => {
        this.failPending(s.pending, 'check worker terminated at shutdown');
        return s.worker.terminate().catch(() => 0);
      }),
    );
    return left;
  }

  private spawn(slot: Slot): void {
    const worker = this.factory(this.opts.ctx);
    const pending = slot.pending;
    let lastError: Error | null = null;
    slot.worker = worker;
    slot.ready = false;
    worker.on('message', (m: FromWorker) => {
      if (m.t === 'done') {
        const resolve = pending.get(m.id);
        if (resolve === undefined) return;
        pending.delete(m.id);
        this.settled();
        resolve(m.outcome);
      } else if (m.t === 'ready') {
        slot.ready = true;
        if (this.readyWaiters.length > 0 && this.slots.every((s) => s.ready)) {
          for (const w of this.readyWaiters.splice(0)) w.resolve();
        }
      }
    });
    worker.on('error', (e: Error) => (lastError = e));
    worker.on('exit', (code: number) => {
      if (this.closing) return;
      const error = lastError
        ? `check worker crashed: ${lastError.message}`
        : `check worker exited unexpectedly (code ${code})`;
      const failedChecks = pending.size;
      this.opts.onCrash?.({ worker: slot.index, error, failedChecks });
      if (!slot.ready && this.readyWaiters.length > 0) {
        // Died while loading: a broken build or install, not a bad check. Fail the start.
        for (const w of this.readyWaiters.splice(0)) w.reject(new Error(error));
      }
      slot.pending = new Map();
      this.spawn(slot);
      if (this.aborted) slot.worker.postMessage({ t: 'abort' });
      this.failPending(pending, error);
    });
  }

  private failPending(pending: Map<number, (outcome: CheckOutcome | LostCheck) => void>, error: string): void {
    if (pending.size === 0) return;
    const resolvers = [...pending.values()];
    pending.clear();
    for (const resolve of resolvers) {
      this.settled();
      resolve(new LostCheck(error));
    }
  }

  private settled(): void {
    this.running--;
    if (this.running === 0 && this.idleWaiters.length > 0) for (const w of this.idleWaiters.splice(0)) w();
  }
}
