import type { PresenceV1 } from '@parallax/contracts';
import type { Subscription } from 'nats';
import {
  collectPresence,
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

const REGION = 'eu-west';

describe('probe (built, real NATS, real HTTP target)', () => {
  let bus: Bus;
  let target: Target;
  let probe: ProbeProcess;
  let presenceSub: Subscription;
  const presence: PresenceV1[] = [];

  beforeAll(async () => {
    bus = await startBus();
    target = await startTarget();
    presenceSub = collectPresence(bus.nc, bus.names.presenceWildcard, presence);
    probe = await spawnProbe({
      REGION,
      NATS_PREFIX: bus.prefix,
      PROBE_ID: 'probe-a',
      PRESENCE_INTERVAL_MS: '200',
      PROBE_CONCURRENCY: '8',
    });
  });

  afterAll(async () => {
    await probe?.stop();
    presenceSub?.unsubscribe();
    await bus?.close();
    await target?.close();
  });

  const resultOf = (jobId: string) =>
    waitFor(`the result of ${jobId}`, () => bus.results.find((r) => r.result.job_id === jobId));

  it('runs a job of its region and publishes the result with Nats-Msg-Id, phases and its User-Agent', async () => {
    const job = makeJob(REGION, `${target.url}/ok/first`);
    await bus.publishJob(job);
    const got = await resultOf(job.job_id);

    expect(got.msgId).toBe(`${job.job_id}.${REGION}`);
    expect(got.subject).toBe(bus.names.results(REGION));
    expect(got.result).toMatchObject({
      v: 1,
      job_id: job.job_id,
      monitor_id: job.monitor_id,
      round: job.round,
      region: REGION,
      probe_id: 'probe-a',
      is_up: true,
      status_code: 200,
      error: null,
    });
    expect(got.result.probe_version).toMatch(/^\d+\.\d+\.\d+/);
    expect(got.result.response_ms).toEqual(expect.any(Number));
    expect(got.result.phases.total).toEqual(expect.any(Number));
    expect(got.result.phases.first_byte).toEqual(expect.any(Number));
    expect(got.result.phases.connect).toEqual(expect.any(Number));

    const req = target.seen.find((r) => r.path === '/ok/first');
    expect(req?.headers['user-agent']).toBe(`Parallax/${got.result.probe_version} (region=${REGION})`);
  });

  it('reports a failing target as down', async () => {
    const job = makeJob(REGION, `${target.url}/status/503`);
    await bus.publishJob(job);
    const got = await resultOf(job.job_id);
    expect(got.result.is_up).toBe(false);
    expect(got.result.status_code).toBe(503);
    expect(got.result.error).toEqual(expect.any(String));
    await waitFor(
      'the down counter',
      async () => (await probe.metric('probe_checks_total', { region: REGION, type: 'http', outcome: 'down' })) >= 1,
    );
  });

  it("does not take another region's jobs", async () => {
    const foreign = makeJob('us-east', `${target.url}/ok/foreign`);
    await bus.publishJob(foreign); // on parallax.jobs.us-east: nobody of eu-west listens
    const mislabelled = makeJob('us-east', `${target.url}/ok/mislabelled`);
    await bus.publishJob(mislabelled, bus.names.jobs(REGION)); // on our subject, but for us-east
    const after = makeJob(REGION, `${target.url}/ok/after-foreign`);
    await bus.publishJob(after);
    await resultOf(after.job_id);

    expect(bus.results.find((r) => r.result.job_id === foreign.job_id)).toBeUndefined();
    expect(bus.results.find((r) => r.result.job_id === mislabelled.job_id)).toBeUndefined();
    expect(target.seen.find((r) => r.path === '/ok/foreign' || r.path === '/ok/mislabelled')).toBeUndefined();
    expect(await probe.metric('probe_jobs_dropped_total', { region: REGION, reason: 'wrong_region' })).toBe(1);
  });

  it('drops a job past its deadline without running it', async () => {
    const before = await probe.metric('probe_jobs_dropped_total', { region: REGION, reason: 'deadline' });
    const late = makeJob(REGION, `${target.url}/ok/late`, { deadline: Date.now() - 1000 });
    await bus.publishJob(late);
    const after = makeJob(REGION, `${target.url}/ok/after-late`);
    await bus.publishJob(after);
    await resultOf(after.job_id);

    await waitFor(
      'the deadline drop counter',
      async () =>
        (await probe.metric('probe_jobs_dropped_total', { region: REGION, reason: 'deadline' })) === before + 1,
    );
    expect(bus.results.find((r) => r.result.job_id === late.job_id)).toBeUndefined();
    expect(target.seen.find((r) => r.path === '/ok/late')).toBeUndefined();
  });

  it('counts and drops malformed messages and keeps working', async () => {
    const subject = bus.names.jobs(REGION);
    await bus.publishRaw(subject, 'not json at all {');
    await bus.publishRaw(subject, JSON.stringify({ v: 1, job_id: 'x' }));
    await bus.publishRaw(subject, JSON.stringify({ ...makeJob(REGION, `${target.url}/ok/bad`), v: 2 }));
    const after = makeJob(REGION, `${target.url}/ok/after-malformed`);
    await bus.publishJob(after);
    await resultOf(after.job_id);

    expect(await probe.metric('probe_messages_malformed_total', { region: REGION, reason: 'json' })).toBe(1);
    expect(await probe.metric('probe_messages_malformed_total', { region: REGION, reason: 'schema' })).toBe(2);
    await waitFor(
      'three warnings in the log',
      () => probe.logs.filter((l) => l.msg === 'malformed job message dropped').length === 3,
    );
    expect(target.seen.find((r) => r.path === '/ok/bad')).toBeUndefined();
    expect(probe.proc.exitCode).toBeNull();
  });

  it('announces its presence', async () => {
    const mine = await waitFor('two presence messages', () => {
      const m = presence.filter((p) => p.probe_id === 'probe-a');
      return m.length >= 2 && m;
    });
    expect(mine[0]).toMatchObject({ v: 1, region: REGION, probe_id: 'probe-a', capacity: 8 });
    expect(mine[0].version).toMatch(/^\d+\.\d+\.\d+/);
    expect(mine[0].leaving).toBeUndefined();
  });

  it('exposes /metrics and health endpoints', async () => {
    const text = await probe.metrics();
    for (const name of [
      'probe_checks_total',
      'probe_check_duration_seconds_bucket',
      'probe_jobs_received_total',
      'probe_jobs_dropped_total',
      'probe_messages_malformed_total',
      'probe_in_flight',
      'probe_queue_depth',
      'probe_results_publish_failures_total',
      'probe_results_pending',
      'process_cpu_user_seconds_total',
    ]) {
      expect(text).toContain(`${name}`);
    }
    expect(
      await probe.metric('probe_checks_total', { region: REGION, type: 'http', outcome: 'up' }),
    ).toBeGreaterThanOrEqual(4);
    expect(await probe.metric('probe_jobs_received_total', { region: REGION })).toBeGreaterThanOrEqual(6);
    expect(await probe.metric('probe_in_flight', { region: REGION })).toBe(0);
    expect(text).not.toContain('127.0.0.1');
    expect(text).not.toContain('mon_');

    const live = await fetch(`http://127.0.0.1:${probe.metricsPort}/health/live`);
    expect(live.status).toBe(200);
    const ready = await fetch(`http://127.0.0.1:${probe.metricsPort}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ok', info: { nats: { status: 'up' } } });
  });
});
