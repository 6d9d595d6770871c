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

jest.setTimeout(60_000);

const REGION = 'ap-south';

/** The check worker threads (PROBE_WORKERS) of the built probe. */
describe('probe check workers (built, real NATS, real HTTP target)', () => {
  let bus: Bus;
  let target: Target;
  let probe: ProbeProcess | undefined;

  beforeAll(async () => {
    bus = await startBus();
    target = await startTarget();
  });

  afterEach(async () => {
    await probe?.stop('SIGKILL');
    probe = undefined;
  });

  afterAll(async () => {
    await bus?.close();
    await target?.close();
  });

  const resultOf = (jobId: string) =>
    waitFor(`the result of ${jobId}`, () => bus.results.find((r) => r.result.job_id === jobId));

  it('with PROBE_WORKERS=2 runs the checks on two worker threads: results, phases, metrics and its User-Agent', async () => {
    probe = await spawnProbe({
      REGION,
      NATS_PREFIX: bus.prefix,
      PROBE_ID: 'wk-1',
      PROBE_WORKERS: '2',
      PROBE_CONCURRENCY: '8',
    });
    expect(probe.logs.find((l) => l.msg === 'check workers ready')).toMatchObject({ workers: 2 });

    const jobs = [
      ...Array.from({ length: 6 }, (_, i) => makeJob(REGION, `${target.url}/ok/wk-${i}`)),
      makeJob(REGION, `${target.url}/status/503`),
    ];
    for (const job of jobs) await bus.publishJob(job);
    const got = await Promise.all(jobs.map((j) => resultOf(j.job_id)));

    for (const g of got.slice(0, 6)) {
      expect(g.result).toMatchObject({ region: REGION, probe_id: 'wk-1', is_up: true, status_code: 200, error: null });
      expect(g.result.phases.connect).toEqual(expect.any(Number));
      expect(g.result.phases.first_byte).toEqual(expect.any(Number));
      expect(g.result.phases.total).toEqual(expect.any(Number));
    }
    expect(got[6].result).toMatchObject({ is_up: false, status_code: 503 });
    expect(got[6].result.error).toEqual(expect.any(String));

    const req = target.seen.find((r) => r.path === '/ok/wk-0');
    expect(req?.headers['user-agent']).toBe(`Parallax/${got[0].result.probe_version} (region=${REGION})`);

    await waitFor(
      'the check counters',
      async () => (await probe!.metric('probe_checks_total', { region: REGION, type: 'http', outcome: 'up' })) === 6,
    );
    expect(await probe.metric('probe_checks_total', { region: REGION, type: 'http', outcome: 'down' })).toBe(1);
    expect(await probe.metric('probe_check_duration_seconds_count', { region: REGION, type: 'http' })).toBe(7);
    expect(await probe.metric('probe_in_flight', { region: REGION })).toBe(0);
    expect(probe.logs.some((l) => l.msg === 'check worker died: replaced')).toBe(false);
  });

  it('at the shutdown timeout the abort reaches the workers: the slow check stops, nothing is published, the workers stop, exit 0', async () => {
    probe = await spawnProbe({
      REGION,
      NATS_PREFIX: bus.prefix,
      PROBE_ID: 'wk-2',
      PROBE_WORKERS: '2',
      PROBE_SHUTDOWN_TIMEOUT_MS: '1000',
    });
    // Answers after 30 s: far beyond the drain (1 s) plus the workers' close grace (5 s).
    const job = makeJob(REGION, `${target.url}/slow/30000`, { check: { timeout_ms: 60_000 } });
    await bus.publishJob(job);
    await waitFor(
      'the target to receive the check',
      () => target.seen.some((r) => r.path === '/slow/30000'),
      15_000,
      50,
    );

    expect(await probe.stop('SIGTERM')).toBe(0);
    expect(probe.logs.some((l) => l.msg === 'checks still running at the shutdown timeout were aborted')).toBe(true);
    // Without the abort the check would still run when the workers are terminated (unfinished: 1).
    expect(probe.logs.find((l) => l.msg === 'check workers stopped')).toMatchObject({ workers: 2, unfinished: 0 });
    expect(bus.results.find((r) => r.result.job_id === job.job_id)).toBeUndefined();
  });

  it('with PROBE_WORKERS=0 runs the checks on the main thread', async () => {
    probe = await spawnProbe({ REGION, NATS_PREFIX: bus.prefix, PROBE_ID: 'wk-3', PROBE_WORKERS: '0' });
    const job = makeJob(REGION, `${target.url}/ok/main-thread`);
    await bus.publishJob(job);
    const got = await resultOf(job.job_id);
    expect(got.result).toMatchObject({ probe_id: 'wk-3', is_up: true, status_code: 200 });
    expect(got.result.phases.total).toEqual(expect.any(Number));
    expect(probe.logs.find((l) => l.msg === 'metrics and health listening')).toMatchObject({ workers: 0 });
    expect(probe.logs.some((l) => l.msg === 'check workers ready')).toBe(false);
    expect(await probe.stop('SIGTERM')).toBe(0);
  });
});
