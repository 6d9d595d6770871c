import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import {
  AckPolicy,
  connect,
  credsAuthenticator,
  DeliverPolicy,
  JetStreamClient,
  JetStreamManager,
  NatsConnection,
  nanos,
  RetentionPolicy,
  StorageType,
} from 'nats';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { natsNames, NatsNames, resultMsgId } from '@parallax/contracts';
import { APP_CONFIG, AppConfig } from '../config/config';

/**
 * How long a result handed to a replica may stay unacknowledged before JetStream gives it
 * to another replica. Storing a result takes milliseconds; this only matters when a replica
 * dies holding results, and the deadline sweep waits this long past a round's deadline so
 * that such results are redelivered and counted, not decided without.
 */
export const RESULT_ACK_WAIT_MS = 5_000;

/** Largest result message the stream accepts (a valid result is well below: text fields are bounded). */
export const RESULT_MAX_MSG_BYTES = 256 * 1024;

/**
 * The control plane's NATS connection. It owns the results stream and the durable
 * consumer that every replica shares; probes only publish to it.
 */
@Injectable()
export class NatsService implements OnApplicationShutdown {
  private readonly logger = new Logger(NatsService.name);
  readonly names: NatsNames;
  private connection?: NatsConnection;
  private jsClient?: JetStreamClient;

  /** Key of the result id tags, derived from JWT_SECRET (every replica computes the same tags). */
  private readonly tagKey: Buffer;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.names = natsNames(config.nats.prefix);
    this.tagKey = createHmac('sha256', config.jwtSecret).update('parallax result id tags v1').digest();
  }

  /** The `result_tag` of a region's job (see `resultMsgId`): 128 bits of HMAC-SHA256(job id, region). */
  resultTag(job: string, region: string): string {
    return createHmac('sha256', this.tagKey).update(`${job}\n${region}`).digest('base64url').slice(0, 22);
  }

  /**
   * Whether a result's `Nats-Msg-Id` is the one its job asked for: built from the result's
   * own job id and the region of the subject it came on, with that region's tag (or, from a
   * probe older than tags, without one).
   */
  resultIdMatches(msgId: string | undefined, job: string, subjectRegion: string): boolean {
    if (!msgId) return false;
    if (msgId === resultMsgId(job, subjectRegion)) return true;
    const expected = Buffer.from(resultMsgId(job, subjectRegion, this.resultTag(job, subjectRegion)));
    const got = Buffer.from(msgId);
    return got.length === expected.length && timingSafeEqual(got, expected);
  }

  get nc(): NatsConnection {
    if (!this.connection) throw new Error('NATS is not connected yet');
    return this.connection;
  }

  get js(): JetStreamClient {
    if (!this.jsClient) throw new Error('NATS is not connected yet');
    return this.jsClient;
  }

  get isConnected(): boolean {
    return !!this.connection && !this.connection.isClosed();
  }

  /** Connects and makes sure the results stream and the durable consumer exist. */
  async connect(): Promise<void> {
    const { url, user, pass, credsFile } = this.config.nats;
    this.connection = await connect({
      servers: url.split(','),
      name: 'parallax-control-plane',
      user,
      pass,
      authenticator: credsFile ? credsAuthenticator(readFileSync(credsFile)) : undefined,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      timeout: 5000,
    });
    void (async () => {
      for await (const s of this.connection!.status()) {
        if (s.type === 'disconnect' || s.type === 'reconnect') this.logger.warn({ nats: s.type, data: s.data }, `NATS ${s.type}`);
      }
    })();
    const jsm = await this.connection.jetstreamManager();
    await this.ensureStream(jsm);
    this.jsClient = this.connection.jetstream();
  }

  private async ensureStream(jsm: JetStreamManager): Promise<void> {
    const n = this.names;
    const config = {
      name: n.resultsStream,
      subjects: [n.resultsWildcard],
      storage: StorageType.File,
      retention: RetentionPolicy.Limits,
      max_age: nanos(this.config.resultsMaxAgeHours * 3600_000),
      duplicate_window: nanos(10 * 60_000),
      // Bounded across the trust boundary: a result is a few KiB (schema bounds), so a
      // message above 256 KiB is refused at publish, never stored.
      max_msg_size: RESULT_MAX_MSG_BYTES,
    };
    try {
      await jsm.streams.info(n.resultsStream);
      await jsm.streams.update(n.resultsStream, config);
    } catch (e) {
      if (!/stream not found/i.test((e as Error).message)) throw e;
      await jsm.streams.add(config);
    }
    try {
      const info = await jsm.consumers.info(n.resultsStream, n.resultsConsumer);
      if (info.config.ack_wait !== nanos(RESULT_ACK_WAIT_MS)) {
        await jsm.consumers.update(n.resultsStream, n.resultsConsumer, { ack_wait: nanos(RESULT_ACK_WAIT_MS) });
      }
    } catch (e) {
      if (!/consumer not found/i.test((e as Error).message)) throw e;
      await jsm.consumers.add(n.resultsStream, {
        durable_name: n.resultsConsumer,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        ack_wait: nanos(RESULT_ACK_WAIT_MS),
        max_deliver: -1,
        max_ack_pending: 2000,
      });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.connection && !this.connection.isClosed()) {
      await this.connection.drain().catch(() => undefined);
    }
  }
}
