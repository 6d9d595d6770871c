import type { PinoLogger } from 'nestjs-pino';
import type { JetStreamClient } from 'nats';
import type { ResultV1 } from '@parallax/contracts';
import { loadConfig, type ProbeConfig } from './config';
import { ProbeMetrics } from './metrics';
import type { NatsService } from './nats.service';
import { ResultsPublisher } from './results.publisher';

const quietLog = { debug() {}, info() {}, warn() {}, error() {} } as unknown as PinoLogger;

function config(): ProbeConfig {
  const r = loadConfig({ REGION: 'eu-west', NATS_PREFIX: 'unit' }, '0.0.1');
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.config;
}

function result(jobId: string): ResultV1 {
  return {
    v: 1,
    job_id: jobId,
    monitor_id: 'mon_1',
    round: 1,
    region: 'eu-west',
    probe_id: 'p',
    probe_version: '0.0.1',
    started_at: new Date().toISOString(),
    is_up: true,
    status_code: 200,
    response_ms: 1,
    error: null,
    phases: { dns: null, connect: 1, tls: null, first_byte: 1, total: 1 },
    response_headers: null,
    response_body: null,
  };
}

interface FakeJetStream {
  down: boolean;
  published: Array<{ subject: string; msgID: string | undefined }>;
  attempts: number;
  publish: jest.Mock<
    Promise<{ stream: string; seq: number; duplicate: boolean }>,
    [string, Uint8Array, { msgID?: string }?]
  >;
}

/** A JetStream client whose publish fails while `down` is true. */
function fakeJetStream(): FakeJetStream {
  const fake: FakeJetStream = {
    down: false,
    published: [],
    attempts: 0,
    publish: jest.fn(async (subject: string, _payload: Uint8Array, opts?: { msgID?: string }) => {
      fake.attempts++;
      await new Promise((r) => setImmediate(r));
      if (fake.down) throw new Error('503 no responders');
      fake.published.push({ subject, msgID: opts?.msgID });
      return { stream: 'S', seq: fake.published.length, duplicate: false };
    }),
  };
  return fake;
}

async function setup() {
  const js = fakeJetStream();
  const cfg = config();
  const metrics = new ProbeMetrics(cfg);
  const nats = { jetstream: () => Promise.resolve(js as unknown as JetStreamClient), isConnected: true };
  const publisher = new ResultsPublisher(cfg, nats as unknown as NatsService, metrics, quietLog);
  await new Promise((r) => setImmediate(r));
  return { js, metrics, publisher, nats };
}

const value = async (metrics: ProbeMetrics, name: string, labels: Record<string, string> = {}) => {
  const m = await metrics.registry.getSingleMetric(name)!.get();
  const v = m.values.find((x) => Object.entries(labels).every(([k, val]) => x.labels[k] === val));
  return v?.value ?? NaN;
};

/** Resolves once `done()` holds, checking at every event-loop turn (setImmediate is never faked here). */
async function until(done: () => boolean | Promise<boolean>): Promise<void> {
  for (let turns = 0; !(await done()); turns++) {
    if (turns > 100_000) throw new Error('condition never held');
    await new Promise((r) => setImmediate(r));
  }
}

describe('ResultsPublisher', () => {
  afterEach(() => jest.useRealTimers());

  it('publishes with the region subject and Nats-Msg-Id <job id>.<region>, concurrently', async () => {
    const { js, publisher } = await setup();
    for (let i = 0; i < 10; i++) publisher.publish(result(`mon_1.${i}`));
    expect(publisher.pending).toBe(10);
    expect(js.publish).toHaveBeenCalledTimes(0); // sent together at the end of this event-loop turn
    await new Promise((r) => setImmediate(r));
    expect(js.publish).toHaveBeenCalledTimes(10); // none awaited before the next
    expect(js.published).toHaveLength(0);
    expect(await publisher.flush(1000)).toBe(0);
    expect(js.published[0]).toEqual({ subject: 'unit.results.eu-west', msgID: 'mon_1.0.eu-west' });
    expect(js.published.map((p) => p.msgID)).toEqual(Array.from({ length: 10 }, (_, i) => `mon_1.${i}.eu-west`));
  });

  it('keeps failed results in the outbox and retries them with backoff until they are acknowledged', async () => {
    const { js, metrics, publisher } = await setup();
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
    js.down = true;
    publisher.publish(result('a.1'));
    publisher.publish(result('a.2'));
    await until(async () => (await value(metrics, 'probe_results_publish_failures_total')) >= 2); // both first sends answered
    expect(publisher.pending).toBe(2);
    expect(await value(metrics, 'probe_results_publish_failures_total')).toBe(2);
    publisher.publish(result('a.3')); // queues behind the outbox
    await jest.advanceTimersByTimeAsync(400); // the backoff (250 ms) passes: at least one failed retry round
    await until(() => js.attempts > 2);
    expect(js.attempts).toBeGreaterThan(2);
    expect(publisher.pending).toBe(3);

    js.down = false;
    expect(await publisher.flush(5000)).toBe(0);
    expect(js.published.map((p) => p.msgID)).toEqual(['a.1.eu-west', 'a.2.eu-west', 'a.3.eu-west']);
    expect(await value(metrics, 'probe_results_pending', { region: 'eu-west' })).toBe(0);
    expect(await value(metrics, 'probe_results_published_total')).toBe(3);
  });

  it('holds results while NATS is disconnected instead of piling them into the client buffer', async () => {
    const { js, nats, publisher } = await setup();
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
    nats.isConnected = false;
    publisher.publish(result('c.1'));
    publisher.publish(result('c.2'));
    // Two retry rounds come and go (backoff 250 ms, on the driven clock) while disconnected.
    await jest.advanceTimersByTimeAsync(600);
    expect(js.attempts).toBe(0);
    expect(publisher.pending).toBe(2);
    nats.isConnected = true;
    expect(await publisher.flush(5000)).toBe(0);
    expect(js.published.map((p) => p.msgID)).toEqual(['c.1.eu-west', 'c.2.eu-west']);
  });

  it('bounds the outbox in bytes, not only in count: the oldest results go first', async () => {
    const { js, metrics, nats, publisher } = await setup();
    nats.isConnected = false;
    const big = 'x'.repeat(1024 * 1024); // 1 MiB each: 64 fit in OUTBOX_BYTES_LIMIT
    for (let i = 0; i < 70; i++) publisher.publish({ ...result(`d.${i}`), response_body: big });
    await new Promise((r) => setImmediate(r));
    const kept = publisher.pending;
    expect(kept).toBeLessThan(64);
    expect(kept).toBeGreaterThan(55);
    expect(await value(metrics, 'probe_results_lost_total', { reason: 'outbox_full' })).toBe(70 - kept);
    nats.isConnected = true;
    expect(await publisher.flush(10_000)).toBe(0);
    // The newest were kept, in order.
    expect(js.published.map((p) => p.msgID)).toEqual(
      Array.from({ length: kept }, (_, i) => `d.${70 - kept + i}.eu-west`),
    );
  });

  it('flush gives up after its timeout and close() counts what is left as lost', async () => {
    const { js, metrics, publisher } = await setup();
    js.down = true;
    publisher.publish(result('b.1'));
    expect(await publisher.flush(300)).toBe(1);
    publisher.close();
    expect(publisher.pending).toBe(0);
    expect(await value(metrics, 'probe_results_lost_total', { reason: 'shutdown' })).toBe(1);
  });
});
