import { makeJob, spawnProbe, startBus, startTarget, waitFor, type Bus, type ProbeProcess, type Target } from './testing/harness';

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
    for (const r of bus.results.filter((x) => ids.has(x.result.job_id))) byProbe.set(r.result.probe_id, (byProbe.get(r.result.probe_id) ?? 0) + 1);
    expect(byProbe.get('qg-1')).toBeGreaterThan(0);
    expect(byProbe.get('qg-2')).toBeGreaterThan(0);
    const received = (await probes[0].metric('probe_jobs_received_total', { region: REGION })) + (await probes[1].metric('probe_jobs_received_total', { region: REGION }));
    expect(received).toBe(60);
    await Promise.all(probes.splice(0).map((p) => p.stop()));
  });

  it('leaves the queue group when its queue is full so another replica takes the jobs, then rejoins', async () => {
    // One slot and a queue of two: three slow jobs (4 s each) fill it, and it stays full for ~8 s.
    const busy = await spawnProbe({ REGION, NATS_PREFIX: bus.prefix, PROBE_ID: 'bp-busy', PROBE_CONCURRENCY: '1', PROBE_QUEUE_LIMIT: '2' });
    probes.push(busy);
    const slow = Array.from({ length: 3 }, (_, i) =>
      makeJob(REGION, `${target.url}/slow/4000?bp=${i}`, { check: { timeout_ms: 20_000 } }),
    );
    for (const job of slow) await bus.publishJob(job);
    await waitFor('the busy probe to pause its intake', async () => (await busy.metric('probe_intake_paused', { region: REGION })) === 1);
    expect(await busy.metric('probe_queue_depth', { region: REGION })).toBe(2);

    const spare = await spawnProbe({ REGION, NATS_PREFIX: bus.prefix, PROBE_ID: 'bp-spare' });
    probes.push(spare);
    const fast = Array.from({ length: 5 }, (_, i) => makeJob(REGION, `${target.url}/ok/bp-fast-${i}`));
    for (const job of fast) await bus.publishJob(job);
    const fastIds = new Set(fast.map((j) => j.job_id));
    await waitFor('the fast results', () => bus.results.filter((r) => fastIds.has(r.result.job_id)).length === 5);
    // The busy probe was out of the queue group: the spare ran all of them.
    expect(bus.results.filter((r) => fastIds.has(r.result.job_id)).every((r) => r.result.probe_id === 'bp-spare')).toBe(true);

    // The busy probe finishes its own jobs and rejoins.
    const slowIds = new Set(slow.map((j) => j.job_id));
    await waitFor('the slow results', () => bus.results.filter((r) => slowIds.has(r.result.job_id)).length === 3, 30_000);
    expect(bus.results.filter((r) => slowIds.has(r.result.job_id)).every((r) => r.result.probe_id === 'bp-busy')).toBe(true);
    await waitFor('the busy probe to rejoin', async () => (await busy.metric('probe_intake_paused', { region: REGION })) === 0);
    await waitFor('the rejoin log line', () => busy.logs.some((l) => l.msg === 'queue drained: rejoining the queue group'));
  });
});
