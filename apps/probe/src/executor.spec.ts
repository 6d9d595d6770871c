import { BoundedExecutor, type DropReason } from './executor';

interface Item {
  id: number;
  deadline: number;
}

/** Work that finishes only when the test says so. */
class ManualWork {
  started: number[] = [];
  private pending = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();

  run = (item: Item): Promise<void> => {
    this.started.push(item.id);
    return new Promise<void>((resolve, reject) => this.pending.set(item.id, { resolve, reject }));
  };

  finish(id: number): Promise<void> {
    const p = this.pending.get(id);
    if (!p) throw new Error(`item ${id} is not running`);
    this.pending.delete(id);
    p.resolve();
    return flush();
  }

  fail(id: number): Promise<void> {
    const p = this.pending.get(id);
    if (!p) throw new Error(`item ${id} is not running`);
    this.pending.delete(id);
    p.reject(new Error('boom'));
    return flush();
  }

  get running(): number[] {
    return [...this.pending.keys()];
  }
}

const flush = () => new Promise<void>((r) => setImmediate(r));

function setup(opts: { concurrency: number; queueLimit: number; hardQueueLimit?: number }) {
  let now = 1_000_000;
  const work = new ManualWork();
  const drops: Array<[number, DropReason]> = [];
  const pauses: boolean[] = [];
  const errors: number[] = [];
  const ex = new BoundedExecutor<Item>({
    ...opts,
    deadlineOf: (i) => i.deadline,
    run: work.run,
    now: () => now,
    onDrop: (i, reason) => drops.push([i.id, reason]),
    onBackpressure: (p) => pauses.push(p),
    onError: (i) => errors.push(i.id),
  });
  const item = (id: number, ttl = 60_000): Item => ({ id, deadline: now + ttl });
  return { ex, work, drops, pauses, errors, item, advance: (ms: number) => (now += ms) };
}

describe('BoundedExecutor', () => {
  it('runs at most `concurrency` items and queues the rest in FIFO order', async () => {
    const { ex, work, item } = setup({ concurrency: 2, queueLimit: 10 });
    expect(ex.submit(item(1))).toBe('started');
    expect(ex.submit(item(2))).toBe('started');
    expect(ex.submit(item(3))).toBe('queued');
    expect(ex.submit(item(4))).toBe('queued');
    expect(ex.inFlight).toBe(2);
    expect(ex.queued).toBe(2);
    expect(work.started).toEqual([1, 2]);

    await work.finish(2);
    expect(work.started).toEqual([1, 2, 3]);
    await work.finish(1);
    expect(work.started).toEqual([1, 2, 3, 4]);
    expect(ex.queued).toBe(0);
    expect(ex.inFlight).toBe(2);
  });

  it('drops an item already past its deadline on submit, without running it', () => {
    const { ex, work, drops, item } = setup({ concurrency: 2, queueLimit: 10 });
    expect(ex.submit(item(1, -1))).toBe('dropped');
    expect(drops).toEqual([[1, 'deadline']]);
    expect(work.started).toEqual([]);
  });

  it('drops a queued item whose deadline passed while it waited', async () => {
    const { ex, work, drops, item, advance } = setup({ concurrency: 1, queueLimit: 10 });
    ex.submit(item(1));
    ex.submit(item(2, 1000)); // expires
    ex.submit(item(3, 60_000)); // still valid
    advance(5000);
    await work.finish(1);
    expect(drops).toEqual([[2, 'deadline']]);
    expect(work.started).toEqual([1, 3]);
  });

  it('signals backpressure when the queue is full and releases it below half', async () => {
    const { ex, work, pauses, item } = setup({ concurrency: 1, queueLimit: 4 });
    ex.submit(item(0));
    for (let i = 1; i <= 3; i++) ex.submit(item(i));
    expect(pauses).toEqual([]);
    ex.submit(item(4));
    expect(ex.queued).toBe(4);
    expect(ex.isPaused).toBe(true);
    expect(pauses).toEqual([true]);

    await work.finish(0); // queue 3
    expect(pauses).toEqual([true]);
    await work.finish(1); // queue 2 = half, not below
    expect(pauses).toEqual([true]);
    await work.finish(2); // queue 1 < 2
    expect(pauses).toEqual([true, false]);
    expect(ex.isPaused).toBe(false);
  });

  it('accepts items still arriving while paused up to the hard cap, then drops them as overload', () => {
    const { ex, drops, pauses, item } = setup({ concurrency: 1, queueLimit: 2, hardQueueLimit: 3 });
    ex.submit(item(0));
    expect(ex.submit(item(1))).toBe('queued');
    expect(ex.submit(item(2))).toBe('queued');
    expect(pauses).toEqual([true]);
    expect(ex.submit(item(3))).toBe('queued');
    expect(ex.submit(item(4))).toBe('dropped');
    expect(drops).toEqual([[4, 'overload']]);
    expect(pauses).toEqual([true]);
  });

  it('keeps going when the work rejects', async () => {
    const { ex, work, errors, item } = setup({ concurrency: 1, queueLimit: 4 });
    ex.submit(item(1));
    ex.submit(item(2));
    await work.fail(1);
    expect(errors).toEqual([1]);
    expect(work.started).toEqual([1, 2]);
  });

  it('whenIdle waits for running and queued items; stop() refuses new ones', async () => {
    const { ex, work, drops, item } = setup({ concurrency: 1, queueLimit: 4 });
    ex.submit(item(1));
    ex.submit(item(2));
    let idle = false;
    const done = ex.whenIdle().then(() => (idle = true));
    ex.stop();
    expect(ex.submit(item(3))).toBe('dropped');
    expect(drops).toEqual([[3, 'shutdown']]);
    await work.finish(1);
    expect(idle).toBe(false);
    await work.finish(2);
    await done;
    expect(idle).toBe(true);
    expect(work.started).toEqual([1, 2]);
  });

  it('whenIdle resolves at once when nothing runs', async () => {
    const { ex } = setup({ concurrency: 1, queueLimit: 1 });
    await expect(ex.whenIdle()).resolves.toBeUndefined();
  });

  it('whenIdle resolves when the last queued items expire instead of running', async () => {
    const { ex, work, drops, item, advance } = setup({ concurrency: 1, queueLimit: 4 });
    ex.submit(item(1));
    ex.submit(item(2, 10));
    const done = ex.whenIdle();
    advance(100);
    await work.finish(1);
    await done;
    expect(drops).toEqual([[2, 'deadline']]);
  });

  it('handles a long FIFO (compaction) in order', async () => {
    const { ex, work, item } = setup({ concurrency: 1, queueLimit: 10_000 });
    for (let i = 0; i < 5000; i++) ex.submit(item(i));
    for (let i = 0; i < 5000; i++) {
      expect(work.running).toEqual([i]);
      await work.finish(i);
    }
    expect(work.started).toEqual(Array.from({ length: 5000 }, (_, i) => i));
  });

  it('rejects invalid limits', () => {
    expect(() => setup({ concurrency: 0, queueLimit: 1 })).toThrow(/concurrency/);
    expect(() => setup({ concurrency: 1, queueLimit: 0 })).toThrow(/queueLimit/);
  });
});

describe('BoundedExecutor fairness between keys (accounts)', () => {
  interface Job {
    id: number;
    account: string;
  }
  const setup = (concurrency: number, reserve?: number) => {
    const started: number[] = [];
    const pending = new Map<number, () => void>();
    const dropped: number[] = [];
    const ex = new BoundedExecutor<Job>({
      concurrency,
      queueLimit: 10_000,
      reserve,
      keyOf: (j) => j.account,
      deadlineOf: () => Number.MAX_SAFE_INTEGER,
      run: (j) => {
        started.push(j.id);
        return new Promise<void>((r) => pending.set(j.id, r));
      },
      onDrop: (j) => dropped.push(j.id),
    });
    const finish = async (id: number) => {
      pending.get(id)!();
      pending.delete(id);
      await flush();
    };
    return { ex, started, pending, finish, dropped };
  };

  it('keeps the reserve for other accounts: a hanging account never holds every slot', () => {
    const { ex, started } = setup(16);
    for (let i = 0; i < 128; i++) ex.submit({ id: i, account: 'acc_slow' });
    expect(ex.runningFor('acc_slow')).toBe(14); // 16 − ⌊16 / 8⌋
    expect(ex.queued).toBe(114);
    expect(ex.submit({ id: 1000, account: 'acc_other' })).toBe('started');
    expect(ex.submit({ id: 1001, account: 'acc_other' })).toBe('started');
    expect(started.slice(-2)).toEqual([1000, 1001]);
    expect(ex.inFlight).toBe(16);
  });

  it('serves waiting accounts in turn, not in arrival order', async () => {
    const { ex, started, finish } = setup(2, 0);
    ex.submit({ id: 1, account: 'a' });
    ex.submit({ id: 2, account: 'a' });
    for (let i = 3; i <= 6; i++) ex.submit({ id: i, account: 'a' });
    ex.submit({ id: 7, account: 'b' });
    ex.submit({ id: 8, account: 'b' });
    ex.submit({ id: 9, account: 'c' });
    await finish(1);
    await finish(2);
    await finish(3);
    await finish(7);
    await finish(9);
    expect(started).toEqual([1, 2, 3, 7, 9, 4, 8]);
  });

  it('lets one account alone use every slot but the reserve, and all of them with no reserve', () => {
    const a = setup(64);
    for (let i = 0; i < 100; i++) a.ex.submit({ id: i, account: 'only' });
    expect(a.ex.inFlight).toBe(56);
    const b = setup(4, 0);
    for (let i = 0; i < 10; i++) b.ex.submit({ id: i, account: 'only' });
    expect(b.ex.inFlight).toBe(4);
    expect(() => setup(4, -1)).toThrow(/reserve/);
  });

  it('skips an account at its cap and starts the next one below it', async () => {
    const { ex, started, finish } = setup(4, 1);
    for (let i = 1; i <= 5; i++) ex.submit({ id: i, account: 'a' }); // 3 run (cap 3), 2 wait
    ex.submit({ id: 10, account: 'b' }); // the reserve slot
    expect(started).toEqual([1, 2, 3, 10]);
    ex.submit({ id: 11, account: 'b' }); // waits: every slot is taken
    await finish(10); // the freed slot: a is at its cap, so b
    expect(started).toEqual([1, 2, 3, 10, 11]);
    await finish(1);
    expect(started).toEqual([1, 2, 3, 10, 11, 4]);
    expect(ex.runningFor('a')).toBe(3);
    expect(ex.runningFor('b')).toBe(1);
  });
});
