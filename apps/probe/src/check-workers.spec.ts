import { EventEmitter } from 'node:events';
import { httpCheckSpec } from '@parallax/contracts';
import type { CheckOutcome } from '@parallax/checks';
import {
  CheckWorkerPool,
  LostCheck,
  type FromWorker,
  type ToWorker,
  type WorkerCheckContext,
  type WorkerLike,
} from './check-workers';

/** A worker that records what it is sent; the test answers, crashes or exits it by hand. */
class FakeWorker extends EventEmitter implements WorkerLike {
  readonly sent: ToWorker[] = [];
  terminated = false;

  constructor(readonly ctx: WorkerCheckContext) {
    super();
  }

  postMessage(message: ToWorker): void {
    this.sent.push(message);
  }

  terminate(): Promise<number> {
    this.terminated = true;
    return Promise.resolve(1);
  }

  get runs(): Array<Extract<ToWorker, { t: 'run' }>> {
    return this.sent.filter((m): m is Extract<ToWorker, { t: 'run' }> => m.t === 'run');
  }

  reply(m: FromWorker): void {
    this.emit('message', m);
  }

  answer(id: number, outcome: CheckOutcome = okOutcome): void {
    this.reply({ t: 'done', id, outcome });
  }

  crash(message: string): void {
    this.emit('error', new Error(message));
    this.emit('exit', 1);
  }
}

const ctx: WorkerCheckContext = {
  region: 'eu-west',
  userAgent: 'Parallax/1.0.0 (region=eu-west)',
  allowPrivateTargets: false,
  maxBodyBytes: 1024,
  childPath: '/usr/bin:/bin',
};
const spec = httpCheckSpec('http://example.com/');
const okOutcome: CheckOutcome = {
  is_up: true,
  status_code: 200,
  response_ms: 12,
  error: null,
  phases: { dns: 1, connect: 2, tls: null, first_byte: 10, total: 12 },
  response_headers: null,
  response_body: null,
};

function makePool(size: number, onCrash?: jest.Mock) {
  const workers: FakeWorker[] = [];
  const pool = new CheckWorkerPool({
    size,
    ctx,
    onCrash,
    factory: (c) => {
      const w = new FakeWorker(c);
      workers.push(w);
      return w;
    },
  });
  return { pool, workers };
}

describe('CheckWorkerPool', () => {
  it('starts `size` workers with the check context, and is ready once each has said so', async () => {
    const { pool, workers } = makePool(2);
    expect(workers).toHaveLength(2);
    expect(workers[0].ctx).toEqual(ctx);
    let ready = false;
    const p = pool.ready().then(() => (ready = true));
    workers[0].reply({ t: 'ready' });
    await Promise.resolve();
    expect(ready).toBe(false);
    workers[1].reply({ t: 'ready' });
    await p;
    expect(ready).toBe(true);
  });

  it('fails the start when a worker dies while loading', async () => {
    const { pool, workers } = makePool(2);
    const p = pool.ready();
    workers[0].reply({ t: 'ready' });
    workers[1].crash('Cannot find module');
    await expect(p).rejects.toThrow('check worker crashed: Cannot find module');
  });

  it('sends {t, id, spec} to the least busy worker and resolves the outcome by id', async () => {
    const { pool, workers } = makePool(2);
    const a = pool.run(spec);
    const b = pool.run(spec);
    const c = pool.run(spec);
    expect(workers[0].runs.map((m) => m.id)).toEqual([1, 3]);
    expect(workers[1].runs.map((m) => m.id)).toEqual([2]);
    expect(workers[0].runs[0]).toEqual({ t: 'run', id: 1, spec });
    expect(pool.inFlight).toBe(3);

    const down = { ...okOutcome, is_up: false, status_code: 503 };
    workers[0].answer(3, down);
    workers[1].answer(2);
    await expect(c).resolves.toEqual(down);
    await expect(b).resolves.toEqual(okOutcome);
    expect(pool.inFlight).toBe(1);

    // worker 1 is idle now, worker 0 still runs check 1
    const d = pool.run(spec);
    expect(workers[1].runs.map((m) => m.id)).toEqual([2, 4]);
    workers[0].answer(1);
    workers[1].answer(4);
    await expect(a).resolves.toEqual(okOutcome);
    await expect(d).resolves.toEqual(okOutcome);
    expect(pool.inFlight).toBe(0);
  });

  it('ignores an answer for an unknown id', async () => {
    const { pool, workers } = makePool(1);
    const a = pool.run(spec);
    workers[0].answer(99);
    expect(pool.inFlight).toBe(1);
    workers[0].answer(1);
    await expect(a).resolves.toEqual(okOutcome);
  });

  it('replaces a crashed worker; its running checks resolve as lost (never published as down), the others are untouched', async () => {
    const onCrash = jest.fn();
    const { pool, workers } = makePool(2, onCrash);
    const a = pool.run(spec); // worker 0
    const b = pool.run(spec); // worker 1
    const c = pool.run(spec); // worker 0

    workers[0].crash('boom');
    const failed = await a;
    expect(failed).toBeInstanceOf(LostCheck);
    expect(failed).toEqual(new LostCheck('check worker crashed: boom'));
    await expect(c).resolves.toEqual(new LostCheck('check worker crashed: boom'));
    expect(onCrash).toHaveBeenCalledWith({ worker: 0, error: 'check worker crashed: boom', failedChecks: 2 });

    expect(workers).toHaveLength(3); // the replacement
    expect(pool.inFlight).toBe(1);
    const d = pool.run(spec); // the replacement is the least busy
    expect(workers[2].runs.map((m) => m.id)).toEqual([4]);
    workers[2].answer(4);
    workers[1].answer(2);
    await expect(d).resolves.toEqual(okOutcome);
    await expect(b).resolves.toEqual(okOutcome);
    expect(pool.inFlight).toBe(0);
  });

  it('reports an exit without an error by its code', async () => {
    const onCrash = jest.fn();
    const { pool, workers } = makePool(1, onCrash);
    const a = pool.run(spec);
    workers[0].emit('exit', 7);
    await expect(a).resolves.toEqual(new LostCheck('check worker exited unexpectedly (code 7)'));
    expect(onCrash).toHaveBeenCalledWith({
      worker: 0,
      error: 'check worker exited unexpectedly (code 7)',
      failedChecks: 1,
    });
    expect(workers).toHaveLength(2);
  });

  it('abort() reaches every worker once, and a replacement started afterwards', () => {
    const { pool, workers } = makePool(2);
    pool.run(spec);
    pool.abort();
    pool.abort();
    expect(workers.map((w) => w.sent.filter((m) => m.t === 'abort').length)).toEqual([1, 1]);
    workers[1].crash('late');
    expect(workers[2].sent).toEqual([{ t: 'abort' }]);
  });

  it('close() waits for the running checks, then terminates the workers', async () => {
    const { pool, workers } = makePool(2);
    const a = pool.run(spec);
    let closed: number | undefined;
    const p = pool.close(10_000).then((n) => (closed = n));
    await new Promise((r) => setImmediate(r));
    expect(closed).toBeUndefined();
    expect(workers.some((w) => w.terminated)).toBe(false);

    workers[0].answer(1);
    await expect(a).resolves.toEqual(okOutcome);
    await p;
    expect(closed).toBe(0);
    expect(workers.every((w) => w.terminated)).toBe(true);
    // exits during close are expected: no replacement, no crash report
    workers[0].emit('exit', 1);
    expect(workers).toHaveLength(2);
    // and nothing runs any more
    await expect(pool.run(spec)).resolves.toEqual(new LostCheck('check not run: the probe is shutting down'));
  });

  it('close() resolves checks still unanswered after the grace period as failed', async () => {
    const { pool, workers } = makePool(1);
    const a = pool.run(spec);
    await expect(pool.close(20)).resolves.toBe(1);
    await expect(a).resolves.toEqual(new LostCheck('check worker terminated at shutdown'));
    expect(workers[0].terminated).toBe(true);
    expect(pool.inFlight).toBe(0);
  });

  it('refuses a size below 1', () => {
    expect(() => new CheckWorkerPool({ size: 0, ctx, factory: (c) => new FakeWorker(c) })).toThrow(
      'size must be a positive integer',
    );
  });
});
