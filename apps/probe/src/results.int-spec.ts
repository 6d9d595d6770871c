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

const REGION = 'eu-central';

describe('result delivery', () => {
  let bus: Bus;
  let target: Target;
  let probe: ProbeProcess;

  beforeAll(async () => {
    bus = await startBus({ stream: false });
    target = await startTarget();
    probe = await spawnProbe({ REGION, NATS_PREFIX: bus.prefix, PROBE_ID: 'rd-1' });
  });

  afterAll(async () => {
    await probe?.stop();
    await bus?.close();
    await target?.close();
  });

  it('keeps results while the stream is unavailable and delivers them once it exists, without creating it', async () => {
    const jobs = Array.from({ length: 5 }, (_, i) => makeJob(REGION, `${target.url}/ok/outbox-${i}`));
    for (const job of jobs) await bus.publishJob(job);

    await waitFor(
      'failed publishes',
      async () => (await probe.metric('probe_results_publish_failures_total', { region: REGION })) >= 1,
    );
    await waitFor(
      'the results to wait in the outbox',
      async () => (await probe.metric('probe_results_pending', { region: REGION })) === 5,
    );
    // The probe never creates the stream itself.
    const jsm = await bus.nc.jetstreamManager();
    await expect(jsm.streams.info(bus.names.resultsStream)).rejects.toThrow(/stream not found/);

    await bus.createStream();
    const ids = new Set(jobs.map((j) => j.job_id));
    await waitFor(
      'the retried results',
      () => bus.results.filter((r) => ids.has(r.result.job_id)).length === 5,
      30_000,
    );
    expect(new Set(bus.results.map((r) => r.msgId))).toEqual(new Set(jobs.map((j) => `${j.job_id}.${REGION}`)));
    await waitFor(
      'the outbox to empty',
      async () => (await probe.metric('probe_results_pending', { region: REGION })) === 0,
    );
    expect(await probe.metric('probe_results_lost_total', { region: REGION, reason: 'expired' })).toBe(0);
  });
});
