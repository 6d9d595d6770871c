import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import {
  AckPolicy,
  connect,
  credsAuthenticator,
  DeliverPolicy,
  DiscardPolicy,
  JetStreamClient,
  JetStreamManager,
  NatsConnection,
  nanos,
  RetentionPolicy,
  StorageType,
  type StreamConfig,
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

  /** Between a disconnect and the reconnect that follows. */
  private disconnected = false;

  get isConnected(): boolean {
    return !!this.connection && !this.connection.isClosed() && !this.disconnected;
  }

  /** Connects and makes sure every region's results stream and its durable consumer exist. */
  async connect(): Promise<void> {
    const { url, user, pass, credsFile, tlsCaFile } = this.config.nats;
    this.connection = await connect({
      servers: url.split(','),
      name: 'parallax-control-plane',
      user,
      pass,
      authenticator: credsFile ? credsAuthenticator(readFileSync(credsFile)) : undefined,
      ...(tlsCaFile ? { tls: { caFile: tlsCaFile } } : {}),
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      timeout: 5000,
    });
    void (async () => {
      for await (const s of this.connection!.status()) {
        if (s.type === 'disconnect' || s.type === 'reconnect')
          this.logger.warn({ nats: s.type, data: s.data }, `NATS ${s.type}`);
        if (s.type === 'disconnect') this.disconnected = true;
        if (s.type === 'reconnect') this.disconnected = false;
      }
    })();
    this.jsClient = this.connection.jetstream();
    await this.prepareResultStreams();
  }

  /** Every region's results stream, in configuration order. */
  get regionStreams(): string[] {
    return this.config.regions.map((r) => this.names.regionResultsStream(r));
  }

  /**
   * Makes sure the results streams exist with their limits, each with the shared durable
   * consumer; the old single stream, if any, is moved off the results subjects first (so
   * the region streams can take them) and kept while its consumer still has results.
   * Returns the streams ingestion consumes.
   */
  async prepareResultStreams(): Promise<string[]> {
    const jsm = await this.nc.jetstreamManager();
    const legacy = await this.prepareLegacy(jsm);
    for (const region of this.config.regions) await this.ensureRegionStream(region, jsm);
    return legacy ? [...this.regionStreams, this.names.resultsStream] : this.regionStreams;
  }

  /** (Re)creates one results stream and its consumer: a region's, or (if it still exists) the old single stream's consumer. */
  async ensureResultStream(stream: string): Promise<void> {
    const jsm = await this.nc.jetstreamManager();
    const region = this.config.regions.find((r) => this.names.regionResultsStream(r) === stream);
    if (region) return this.ensureRegionStream(region, jsm);
    if (stream === this.names.resultsStream) await this.prepareLegacy(jsm);
  }

  /**
   * On a NATS cluster, replicas starting together create the same replicated stream and
   * consumer at once; JetStream may then leave a request unanswered (TIMEOUT) or refuse
   * the second create as already in use. Both are retried (a few times, with jitter)
   * from the top: the next pass finds what the other replica created.
   */
  private async ensureRegionStream(region: string, jsm: JetStreamManager): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.ensureRegionStreamOnce(region, jsm);
      } catch (e) {
        const err = e as Error & { code?: string };
        const retriable = err.code === 'TIMEOUT' || /already in use|timeout/i.test(err.message);
        if (!retriable || attempt >= 6) throw e;
        this.logger.warn(
          { region, attempt, reason: err.message },
          'results stream or consumer not ready yet; retrying',
        );
        await new Promise((r) => setTimeout(r, 250 * attempt + Math.floor(Math.random() * 500)));
      }
    }
  }

  private async ensureRegionStreamOnce(region: string, jsm: JetStreamManager): Promise<void> {
    const name = this.names.regionResultsStream(region);
    const config: Partial<StreamConfig> & { name: string } = {
      name,
      subjects: [this.names.results(region)],
      storage: StorageType.File,
      // A work queue: a result leaves the stream once stored (acked), so the limit bounds
      // the backlog, not history.
      retention: RetentionPolicy.Workqueue,
      max_age: nanos(this.config.resultsMaxAgeHours * 3600_000),
      duplicate_window: nanos(10 * 60_000),
      // Bounded across the trust boundary: a result is a few KiB (schema bounds), so a
      // message above 256 KiB is refused at publish, never stored; a region's stream holds
      // at most RESULTS_STREAM_MAX_BYTES, and when it is full that region's publishes are
      // refused (its probes keep results in their bounded outbox) while every other
      // region's stream keeps accepting.
      max_msg_size: RESULT_MAX_MSG_BYTES,
      max_bytes: this.config.resultsStreamMaxBytes,
      discard: DiscardPolicy.New,
      // On a NATS cluster (RESULTS_STREAM_REPLICAS=3), a result is acknowledged to the probe
      // once a majority of the nodes hold it, so losing one node loses no result.
      num_replicas: this.config.resultsStreamReplicas,
    };
    try {
      await jsm.streams.info(name);
      await jsm.streams.update(name, config);
    } catch (e) {
      if (!/stream not found/i.test((e as Error).message)) throw e;
      await jsm.streams.add(config);
    }
    await this.ensureConsumer(jsm, name);
  }

  private async ensureConsumer(jsm: JetStreamManager, stream: string): Promise<void> {
    const durable = this.names.resultsConsumer;
    try {
      const info = await jsm.consumers.info(stream, durable);
      if (info.config.ack_wait !== nanos(RESULT_ACK_WAIT_MS))
        await jsm.consumers.update(stream, durable, { ack_wait: nanos(RESULT_ACK_WAIT_MS) });
    } catch (e) {
      if (!/consumer not found/i.test((e as Error).message)) throw e;
      await jsm.consumers.add(stream, {
        durable_name: durable,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        ack_wait: nanos(RESULT_ACK_WAIT_MS),
        max_deliver: -1,
        max_ack_pending: 2000,
      });
    }
  }

  /**
   * The old single results stream (every region's subject, one duplicate window): moved to
   * a subject nothing publishes on, then deleted once its consumer holds nothing. True
   * while it still has results to deliver.
   */
  private async prepareLegacy(jsm: JetStreamManager): Promise<boolean> {
    const name = this.names.resultsStream;
    let info;
    try {
      info = await jsm.streams.info(name);
    } catch (e) {
      if (/stream not found/i.test((e as Error).message)) return false;
      throw e;
    }
    if (info.config.subjects?.length !== 1 || info.config.subjects[0] !== this.names.legacyResultsSubject) {
      await jsm.streams.update(name, { subjects: [this.names.legacyResultsSubject] });
      this.logger.warn({ stream: name }, 'moved the old single results stream off the results subjects; draining it');
    }
    return !(await this.deleteLegacyIfDrained(jsm));
  }

  /** Deletes the old single stream once its consumer has delivered and seen acknowledged every result; true when it is gone. */
  async deleteLegacyIfDrained(jsm?: JetStreamManager): Promise<boolean> {
    jsm ??= await this.nc.jetstreamManager();
    const name = this.names.resultsStream;
    try {
      const c = await jsm.consumers.info(name, this.names.resultsConsumer).catch((e: Error) => {
        if (/consumer not found/i.test(e.message)) return null;
        throw e;
      });
      if (c && (c.num_pending > 0 || c.num_ack_pending > 0)) return false;
      await jsm.streams.delete(name);
      this.logger.warn({ stream: name }, 'old single results stream drained and deleted');
      return true;
    } catch (e) {
      if (/stream not found/i.test((e as Error).message)) return true;
      throw e;
    }
  }

  /** Streams whose results ingestion is consuming right now (set by ingestion). */
  private readonly consuming = new Set<string>();

  setConsuming(stream: string, ok: boolean): void {
    if (ok) this.consuming.add(stream);
    else this.consuming.delete(stream);
  }

  /** Every region's results are being consumed (for /health/ready). */
  get resultsConsumable(): boolean {
    return this.regionStreams.every((s) => this.consuming.has(s));
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.connection && !this.connection.isClosed()) {
      await this.connection.drain().catch(() => undefined);
    }
  }
}
