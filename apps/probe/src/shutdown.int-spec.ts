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

const REGION = 'sa-east';

describe('probe shutdown', () => {
  let bus: Bus;
  let target: Target;
  let probe: ProbeProcess | undefined;
  let presenceSub: Subscription;
  const presence: PresenceV1[] = [];

  beforeAll(async () => {
    bus = await startBus();
    target = await startTarget();
    presenceSub = collectPresence(bus.nc, bus.names.presence(REGION), presence);
  });

  afterAll(async () => {
    await probe?.stop('SIGKILL');
    presenceSub?.unsubscribe();
    await bus?.close();
    await target?.close();
  });

  it('on SIGTERM finishes the in-flight check, publishes its result, says goodbye and exits 0', async () => {
    probe = await spawnProbe({ REGION, NATS_PREFIX: bus.prefix, PROBE_ID: 'sd-1', PRESENCE_INTERVAL_MS: '60000' });
    const job = makeJob(REGION, `${target.url}/slow/1500`);
    await bus.publishJob(job);
    await waitFor(
      'the target to receive the check',
      () => target.seen.some((r) => r.path === '/slow/1500'),
      15_000,
      50,
    );

    const code = await probe.stop('SIGTERM');
    expect(code).toBe(0);

    const got = await waitFor('the slow result', () => bus.results.find((r) => r.result.job_id === job.job_id));
    expect(got.result.is_up).toBe(true);
    expect(got.result.response_ms).toBeGreaterThanOrEqual(1000);
    expect(got.msgId).toBe(`${job.job_id}.${REGION}`);

    const mine = await waitFor('the leaving announcement', () => {
      const m = presence.filter((p) => p.probe_id === 'sd-1');
      return m.length >= 2 && m;
    });
    expect(mine[0].leaving).toBeUndefined();
    expect(mine[mine.length - 1].leaving).toBe(true);
    expect(probe.logs.some((l) => l.msg === 'probe stopped' && l.code === 0)).toBe(true);
  });

  it('exits 1 with one line per invalid setting', async () => {
    await expect(
      spawnProbe({ REGION: 'Not A Region', NATS_PREFIX: bus.prefix, PROBE_CONCURRENCY: '100000' }),
    ).rejects.toThrow(/REGION: must match[\s\S]*PROBE_CONCURRENCY: must be between 1 and 4096/);
  });
});
