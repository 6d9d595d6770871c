import {
  AckPolicy,
  connect,
  DiscardPolicy,
  JetStreamManager,
  NatsConnection,
  nanos,
  RetentionPolicy,
  StorageType,
} from 'nats';
import { natsNames } from '@parallax/contracts';
import { deleteNatsPrefix, TEST_NATS_URL, uniqueName } from '@parallax/testing';
import { loadConfig } from '../config/config';
import { NatsService, RESULT_MAX_MSG_BYTES } from './nats.service';

jest.setTimeout(60_000);

/** JetStream's reason for refusing a publish. */
const description = (e: unknown) =>
  String((e as { api_error?: { description?: string } }).api_error?.description ?? (e as Error).message);

const REGIONS = ['eu-west', 'us-east'];
const MIB = 1024 * 1024;

function service(prefix: string): NatsService {
  return new NatsService(
    loadConfig({
      DATABASE_URL: 'postgres://unused@127.0.0.1/unused',
      NATS_URL: TEST_NATS_URL,
      NATS_PREFIX: prefix,
      JWT_SECRET: 'test-secret-test-secret',
      REGIONS: REGIONS.join(','),
      RESULTS_STREAM_MAX_BYTES: String(MIB),
    }),
  );
}

/** The results streams against the real NATS server: one per region, bounded, and the old single stream drained away. */
describe('results streams', () => {
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  const prefixes: string[] = [];
  const services: NatsService[] = [];
  const fresh = () => {
    const p = uniqueName('t_rs');
    prefixes.push(p);
    return p;
  };
  const start = async (prefix: string) => {
    const s = service(prefix);
    services.push(s);
    await s.connect();
    return s;
  };

  beforeAll(async () => {
    nc = await connect({ servers: TEST_NATS_URL });
    jsm = await nc.jetstreamManager();
  });
  afterAll(async () => {
    for (const s of services) await s.onApplicationShutdown();
    for (const p of prefixes) await deleteNatsPrefix(p);
    await nc.close();
  });

  it('gives each region its own bounded stream that only its subject feeds', async () => {
    const prefix = fresh();
    const n = natsNames(prefix);
    const s = await start(prefix);
    expect(s.regionStreams).toEqual(REGIONS.map((r) => n.regionResultsStream(r)));
    for (const region of REGIONS) {
      const { config } = await jsm.streams.info(n.regionResultsStream(region));
      expect(config).toMatchObject({
        subjects: [n.results(region)],
        max_bytes: MIB,
        max_msg_size: RESULT_MAX_MSG_BYTES,
        discard: DiscardPolicy.New,
        retention: RetentionPolicy.Workqueue,
      });
      const consumer = await jsm.consumers.info(n.regionResultsStream(region), n.resultsConsumer);
      expect(consumer.config.ack_policy).toBe(AckPolicy.Explicit);
    }
    await expect(jsm.streams.info(n.resultsStream)).rejects.toThrow(/stream not found/);
  });

  it('lets a region that floods fill only its own stream: the other region keeps publishing', async () => {
    const prefix = fresh();
    const n = natsNames(prefix);
    await start(prefix);
    const js = nc.jetstream();
    const [flooder, other] = REGIONS;
    const chunk = Buffer.alloc(100 * 1024, 0x61);
    let refused: string | null = null;
    let accepted = 0;
    for (let i = 0; i < 30 && !refused; i++) {
      try {
        await js.publish(n.results(flooder), chunk, { msgID: `flood-${i}` });
        accepted++;
      } catch (e) {
        refused = description(e);
      }
    }
    expect(refused).toMatch(/maximum bytes exceeded/i);
    expect(accepted).toBeGreaterThan(5);
    expect(accepted).toBeLessThan(11); // 1 MiB / 100 KiB
    // Nothing of the flood reached the other region's stream, which accepts as usual.
    const ack = await js.publish(n.results(other), chunk, { msgID: 'other-1' });
    expect(ack.stream).toBe(n.regionResultsStream(other));
    expect((await jsm.streams.info(n.regionResultsStream(other))).state.messages).toBe(1);
    // A message above the size limit is refused whatever the region.
    const big = await js
      .publish(n.results(other), Buffer.alloc(RESULT_MAX_MSG_BYTES + 1), { msgID: 'other-2' })
      .catch(description);
    expect(big).toMatch(/message size exceeds maximum/i);
  });

  it('moves the old single stream aside, keeps it while its consumer has results, then deletes it', async () => {
    const prefix = fresh();
    const n = natsNames(prefix);
    // The single stream of every region, with two results nobody has consumed yet.
    await jsm.streams.add({
      name: n.resultsStream,
      subjects: [n.resultsWildcard],
      storage: StorageType.File,
      max_age: nanos(3600_000),
    });
    await jsm.consumers.add(n.resultsStream, { durable_name: n.resultsConsumer, ack_policy: AckPolicy.Explicit });
    const js = nc.jetstream();
    await js.publish(n.results('eu-west'), Buffer.from('{"old":1}'), { msgID: 'old-1' });
    await js.publish(n.results('us-east'), Buffer.from('{"old":2}'), { msgID: 'old-2' });

    const s = await start(prefix);
    expect(await s.prepareResultStreams()).toEqual([...s.regionStreams, n.resultsStream]);
    expect((await jsm.streams.info(n.resultsStream)).config.subjects).toEqual([n.legacyResultsSubject]);
    // New results go to the region streams now.
    expect((await js.publish(n.results('eu-west'), Buffer.from('{"new":1}'), { msgID: 'new-1' })).stream).toBe(
      n.regionResultsStream('eu-west'),
    );
    expect(await s.deleteLegacyIfDrained()).toBe(false);

    const consumer = await js.consumers.get(n.resultsStream, n.resultsConsumer);
    for (let i = 0; i < 2; i++) {
      const m = await consumer.next({ expires: 5000 });
      expect(m).not.toBeNull();
      await m!.ackAck();
    }
    expect(await s.deleteLegacyIfDrained()).toBe(true);
    await expect(jsm.streams.info(n.resultsStream)).rejects.toThrow(/stream not found/);
    expect(await s.prepareResultStreams()).toEqual(s.regionStreams);
  });
});
