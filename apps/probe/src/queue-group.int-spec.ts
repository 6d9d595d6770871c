import {
  makeJob,
  spawnProbe,
  startBus,
  startTarget,
  waitFor,
  type Bus,
  type ProbeProcess,
  type Target,
} from './testing/harness';

jest.setTimeout(90_000);

const REGION = 'ap-south';

describe('probes of one region share its jobs (queue group)', () => {
  let bus: Bus;
  let target: Target;
  const probes: ProbeProcess[] = [];

  beforeAll(async () => {
    bus = await startBus();
    target = await startTarget();
  });

  afterAll(async () => {
    await Promise.all(probes.map((p) => p.stop()));
    await bus?.close();
    await target?.close();
  });

  it('runs each job exactly once across two probes', async () => {
    probes.push(await spawnProbe({ REGION, NATS_PREFIX: bus.prefix, PROBE_ID: 'qg-1' }));
    probes.push(await spawnProbe({ REGION, NATS_PREFIX: bus.prefix, PROBE_ID: 'qg-2' }));
    const jobs = Array.from({ length: 60 }, (_, i) => makeJob(REGION, `${target.url}/ok/qg-${i}`));
    for (const job of jobs) await bus.publishJob(job);

    const ids = new Set(jobs.map((j) => j.job_id));
    await waitFor('all 60 results', () => bus.results.filter((r) => ids.has(r.result.job_id)).length === 60);

    // The stream would hide a duplicate (same Nats-Msg-Id): count at the target instead.
    for (let i = 0; i < 60; i++) {
      expect(target.seen.filter((r) => r.path === `/ok/qg-${i}`)).toHaveLength(1);
    }
    const byProbe = new Map<string, number>();
    for (const r of bus.results.filter((x) => ids.has(x.result.job_id)))
      byProbe.set(r.result.probe_id, (byProbe.get(r.result.probe_id) ?? 0) + 1);
    expect(byProbe.get('qg-1')).toBeGreaterThan(0);
    expect(byProbe.get('qg-2')).toBeGreaterThan(0);
    const received =
      (await probes[0].metric('probe_jobs_received_total', { region: REGION })) +
      (await probes[1].metric('probe_jobs_received_total', { region: REGION }));
    expect(received).toBe(60);
    await Promise.all(probes.splice(0).map((p) => p.stop()));
  });

  it('keeps its share of the region at a full queue (no leave/rejoin) and drops what cannot start by its deadline', async () => {
    // One slot and a queue of two: three slow jobs (4 s each) fill it for ~8 s.
    const busy = await spawnProbe({
      REGION,
      NATS_PREFIX: bus.prefix,
      PROBE_ID: 'bp-busy',
      PROBE_CONCURRENCY: '1',
      PROBE_QUEUE_LIMIT: '2',
    });
    probes.push(busy);
    const slow = Array.from({ length: 3 }, (_, i) =>
      makeJob(REGION, `${target.url}/slow/4000?bp=${i}`, { check: { timeout_ms: 20_000 } }),
    );
    for (const job of slow) await bus.publishJob(job);
    await waitFor(
      'the busy probe to report its queue full',
      async () => (await busy.metric('probe_queue_full', { region: REGION })) === 1,
    );
    expect(await busy.metric('probe_queue_depth', { region: REGION })).toBe(2);

    const spare = await spawnProbe({ REGION, NATS_PREFIX: bus.prefix, PROBE_ID: 'bp-spare' });
    probes.push(spare);
    // Jobs that must start within 2 s: the busy probe cannot start its share of them in time.
    const fast = Array.from({ length: 20 }, (_, i) =>
      makeJob(REGION, `${target.url}/ok/bp-fast-${i}`, { deadline: Date.now() + 2_000 }),
    );
    for (const job of fast) await bus.publishJob(job);
    const fastIds = new Set(fast.map((j) => j.job_id));
    const received = async (p: typeof busy) => p.metric('probe_jobs_received_total', { region: REGION });
    const dropped = async (p: typeof busy) =>
      (await p.metric('probe_jobs_dropped_total', { region: REGION, reason: 'deadline' })) +
      (await p.metric('probe_jobs_dropped_total', { region: REGION, reason: 'overload' }));
    // Still in the queue group: the busy probe received part of the new jobs...
    await waitFor(
      'both probes to receive all the fast jobs',
      async () => (await received(busy)) - 3 + (await received(spare)) === 20,
    );
    const busyShare = (await received(busy)) - 3;
    expect(busyShare).toBeGreaterThan(0);
    // ...and drops each of them (deadline or hard cap), while the spare runs its own share.
    await waitFor('the busy probe to drop its share', async () => (await dropped(busy)) === busyShare, 30_000);
    await waitFor(
      'the spare results',
      () => bus.results.filter((r) => fastIds.has(r.result.job_id)).length === 20 - busyShare,
    );
    expect(bus.results.filter((r) => fastIds.has(r.result.job_id)).every((r) => r.result.probe_id === 'bp-spare')).toBe(
      true,
    );

    const slowIds = new Set(slow.map((j) => j.job_id));
    await waitFor(
      'the slow results',
      () => bus.results.filter((r) => slowIds.has(r.result.job_id)).length === 3,
      30_000,
    );
    await waitFor(
      'the queue no longer full',
      async () => (await busy.metric('probe_queue_full', { region: REGION })) === 0,
    );
    expect(busy.logs.some((l) => /queue group/.test(String(l.msg)))).toBe(false);
  });
});
