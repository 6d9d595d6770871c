import { createServer, type Server, type Socket } from 'node:net';
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

jest.setTimeout(120_000);

const REGION = 'eu-west';

/** A TCP tarpit: accepts every connection and never answers (checks to it hang until their timeout). */
async function startTarpit(): Promise<{ url: string; accepted: () => number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server: Server = createServer((s) => {
    accepted++;
    sockets.add(s);
    s.on('error', () => undefined);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    accepted: () => accepted,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/**
 * Issue 16 item 4: 128 monitors of one account point at a TCP tarpit; one monitor of
 * another account is checked in every round all the same (built probe, real NATS, real
 * loopback servers). Each job of the other account may start only within a few seconds
 * (its deadline), which it cannot if the tarpit's checks hold every slot.
 */
describe('probe fairness between accounts (built, real NATS)', () => {
  let bus: Bus;
  let target: Target;
  let tarpit: Awaited<ReturnType<typeof startTarpit>>;
  let probe: ProbeProcess;

  beforeAll(async () => {
    bus = await startBus();
    target = await startTarget();
    tarpit = await startTarpit();
    probe = await spawnProbe({
      REGION,
      NATS_PREFIX: bus.prefix,
      PROBE_ID: 'probe-fair',
      PRESENCE_INTERVAL_MS: '500',
      PROBE_CONCURRENCY: '16',
      PROBE_WORKERS: '0',
      PROBE_QUEUE_LIMIT: '1000',
    });
    // (A queue that holds every tarpit job, so none is dropped as overload before its round.)
  });

  afterAll(async () => {
    await tarpit?.close(); // the hanging checks fail at once, so the probe stops quickly
    await probe?.stop();
    await bus?.close();
    await target?.close();
  });

  it("checks the other account's monitor in every round while 128 of one account hang", async () => {
    const rounds = 3;
    const other: string[] = [];
    for (let r = 1; r <= rounds; r++) {
      // A round: 128 hanging checks (30 s timeout) of acc_slow, then the other account's one.
      for (let i = 0; i < 128; i++) {
        await bus.publishJob(
          makeJob(REGION, `${tarpit.url}/hang/${i}`, {
            monitor_id: `mon_slow${String(i).padStart(3, '0')}`,
            round: r,
            account_id: 'acc_slow',
            deadline: Date.now() + 60_000,
            check: { timeout_ms: 30_000 },
          }),
        );
      }
      const job = makeJob(REGION, `${target.url}/ok/other-${r}`, {
        monitor_id: 'mon_other',
        round: r,
        account_id: 'acc_other',
        deadline: Date.now() + 3_000,
      });
      await bus.publishJob(job);
      other.push(job.job_id);
      const got = await waitFor(
        `round ${r} of the other account`,
        () => bus.results.find((x) => x.result.job_id === job.job_id),
        20_000,
      );
      expect(got.result).toMatchObject({ monitor_id: 'mon_other', round: r, is_up: true, status_code: 200 });
    }
    // The tarpit did hold the slow account's share meanwhile.
    expect(tarpit.accepted()).toBeGreaterThanOrEqual(14);
    expect(bus.results.filter((x) => other.includes(x.result.job_id))).toHaveLength(rounds);
    expect(bus.results.some((x) => x.result.monitor_id.startsWith('mon_slow'))).toBe(false);
  });
});
