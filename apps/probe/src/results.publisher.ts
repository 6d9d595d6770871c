import { Inject, Injectable } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import type { JetStreamClient } from 'nats';
import type { Counter } from 'prom-client';
import { encode, natsNames, resultMsgId, type ResultV1 } from '@parallax/contracts';
import { PROBE_CONFIG, type ProbeConfig } from './config';
import { ProbeMetrics } from './metrics';
import { NatsService } from './nats.service';

interface Entry {
  msgId: string;
  payload: Uint8Array;
  /** When the first attempt was made (epoch ms); the entry expires RETRY_WINDOW_MS later. */
  firstAt: number;
}

const bytesOf = (entries: Entry[]) => entries.reduce((n, e) => n + e.payload.byteLength, 0);

/** How long a result is retried before it is given up on. */
export const RETRY_WINDOW_MS = 5 * 60_000;
/** Results kept for retry at most; beyond this the oldest is dropped (and counted). */
export const OUTBOX_LIMIT = 50_000;
/** Bytes of results kept for retry at most (a few large failure bodies cannot exhaust memory); beyond, the oldest go. */
export const OUTBOX_BYTES_LIMIT = 64 * 1024 * 1024;
const BACKOFF_MIN_MS = 250;
const BACKOFF_MAX_MS = 5_000;
/** Publishes a retry round sends concurrently. */
const RETRY_BATCH = 256;
const PUBLISH_TIMEOUT_MS = 5_000;

/**
 * Publishes results to the region's JetStream subject with `Nats-Msg-Id = <job id>.<region>`.
 *
 * Publishes run concurrently (never one awaited ack at a time), and those of one
 * event-loop turn leave in one socket write. A failed publish (NATS down, stream
 * missing, ack timeout) moves the result to a bounded in-memory outbox that is retried
 * with exponential backoff (250 ms .. 5 s) for up to 5 minutes; while the outbox holds
 * anything, or NATS is disconnected, new results queue behind it. The msg id makes every
 * retry idempotent within the stream's duplicate window. The probe never creates the
 * stream: the control plane owns it.
 */
@Injectable()
export class ResultsPublisher {
  private readonly subject: string;
  private js: JetStreamClient | null = null;
  private outbox: Entry[] = [];
  /** Payload bytes in the outbox (kept with every change of it). */
  private outboxBytes = 0;
  private batch: Entry[] = [];
  /** Being published now; close() counts what is left here as lost, and a late answer to it is ignored. */
  private readonly sending = new Set<Entry>();
  private retrying = false;
  private backoffMs = BACKOFF_MIN_MS;
  private retryTimer: NodeJS.Timeout | null = null;
  private idleWaiters: Array<() => void> = [];
  private closed = false;
  private readonly published: Counter.Internal;

  constructor(
    @Inject(PROBE_CONFIG) private readonly config: ProbeConfig,
    private readonly nats: NatsService,
    private readonly metrics: ProbeMetrics,
    @InjectPinoLogger('results') private readonly log: PinoLogger,
  ) {
    this.subject = natsNames(config.natsPrefix).results(config.region);
    this.published = metrics.resultsPublished.labels({ region: config.region });
    metrics.sample(metrics.resultsPending, () => this.pending);
    void nats.jetstream().then(
      (js) => (this.js = js),
      () => undefined,
    );
  }

  /** Results not yet acknowledged: about to be sent, publishing now or waiting in the outbox. */
  get pending(): number {
    return this.batch.length + this.sending.size + this.outbox.length;
  }

  /** Hands a result over with its job's result tag (see `resultMsgId`); never throws. Delivery continues in the background. */
  publish(result: ResultV1, tag?: string): void {
    const entry: Entry = {
      msgId: resultMsgId(result.job_id, this.config.region, tag),
      payload: encode(result),
      firstAt: Date.now(),
    };
    if (this.closed) {
      this.lose([entry], 'shutdown');
      return;
    }
    if (this.js === null || this.outbox.length > 0 || this.retrying || !this.nats.isConnected) {
      this.enqueue(entry);
      return;
    }
    // Publishes of one event-loop turn are sent together: one socket write for the lot.
    this.batch.push(entry);
    if (this.batch.length === 1) setImmediate(this.sendBatch);
  }

  private readonly sendBatch = (): void => {
    const batch = this.batch;
    this.batch = [];
    const js = this.js;
    for (const entry of batch) {
      if (js === null || this.outbox.length > 0 || this.retrying || this.closed || !this.nats.isConnected) {
        this.enqueue(entry);
        continue;
      }
      this.sending.add(entry);
      this.send(js, entry).then((ok) => {
        if (!this.sending.delete(entry)) return; // closed meanwhile: already counted
        if (!ok) this.enqueue(entry);
        this.notifyIfIdle();
      });
    }
  };

  /**
   * Waits until every result is acknowledged or `timeoutMs` passed; returns how many are
   * still pending. Used on shutdown.
   */
  async flush(timeoutMs: number): Promise<number> {
    if (this.pending === 0) return 0;
    // Retry now rather than after the current backoff.
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
      this.backoffMs = BACKOFF_MIN_MS;
      void this.retryRound();
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
    return this.pending;
  }

  /** Gives up on whatever is still pending (after `flush`), counting it as lost. */
  close(): void {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const left = [...this.batch.splice(0), ...this.sending, ...this.outbox.splice(0)];
    this.sending.clear();
    this.outboxBytes = 0;
    if (left.length > 0) this.lose(left, 'shutdown');
  }

  private async send(js: JetStreamClient, entry: Entry): Promise<boolean> {
    try {
      await js.publish(this.subject, entry.payload, { msgID: entry.msgId, timeout: PUBLISH_TIMEOUT_MS });
      this.published.inc();
      return true;
    } catch (e) {
      this.metrics.publishFailures.inc({ region: this.config.region });
      this.log.debug({ err: (e as Error).message, msg_id: entry.msgId }, 'result publish failed; will retry');
      return false;
    }
  }

  private enqueue(entry: Entry): void {
    if (this.closed) {
      this.lose([entry], 'shutdown');
      return;
    }
    let drop = 0;
    let bytes = this.outboxBytes + entry.payload.byteLength;
    while (drop < this.outbox.length && (this.outbox.length - drop >= OUTBOX_LIMIT || bytes > OUTBOX_BYTES_LIMIT))
      bytes -= this.outbox[drop++].payload.byteLength;
    if (drop) this.lose(this.outbox.splice(0, drop), 'outbox_full');
    this.outbox.push(entry);
    this.outboxBytes = bytes;
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.retrying || this.retryTimer || this.closed) return;
    const delay = this.js === null ? BACKOFF_MIN_MS : this.backoffMs;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.retryRound();
    }, delay);
    this.retryTimer.unref?.();
  }

  /** Sends the outbox head in concurrent batches until it is empty or a send fails. */
  private async retryRound(): Promise<void> {
    if (this.retrying || this.closed) return;
    this.retrying = true;
    try {
      while (this.outbox.length > 0 && !this.closed) {
        this.expire();
        const js = this.js;
        // While disconnected, publishes would only pile up in the client's reconnect buffer.
        if (js === null || this.outbox.length === 0 || !this.nats.isConnected) break;
        const batch = this.outbox.splice(0, RETRY_BATCH);
        this.outboxBytes -= bytesOf(batch);
        for (const e of batch) this.sending.add(e);
        const results = await Promise.all(batch.map((e) => this.send(js, e)));
        const mine = batch.map((e) => this.sending.delete(e));
        if (this.closed) break; // close() counted the ones still being sent
        const failed = batch.filter((_, i) => mine[i] && !results[i]);
        if (failed.length > 0) {
          this.outbox.unshift(...failed);
          this.outboxBytes += bytesOf(failed);
          this.log.warn(
            { pending: this.pending, retry_in_ms: this.backoffMs },
            'cannot publish results to JetStream; keeping them for retry',
          );
          this.backoffMs = Math.min(BACKOFF_MAX_MS, this.backoffMs * 2);
          break;
        }
        this.backoffMs = BACKOFF_MIN_MS;
      }
    } finally {
      this.retrying = false;
    }
    if (this.outbox.length > 0) this.scheduleRetry();
    this.notifyIfIdle();
  }

  private expire(): void {
    const limit = Date.now() - RETRY_WINDOW_MS;
    if (!this.outbox.some((e) => e.firstAt < limit)) return;
    this.lose(
      this.outbox.filter((e) => e.firstAt < limit),
      'expired',
    );
    this.outbox = this.outbox.filter((e) => e.firstAt >= limit);
    this.outboxBytes = bytesOf(this.outbox);
  }

  private lose(entries: Entry[], reason: 'expired' | 'outbox_full' | 'shutdown'): void {
    if (entries.length === 0) return;
    this.metrics.resultsLost.inc({ region: this.config.region, reason }, entries.length);
    this.log.error({ count: entries.length, reason, first_msg_id: entries[0].msgId }, 'results given up');
  }

  private notifyIfIdle(): void {
    if (this.pending !== 0 || this.idleWaiters.length === 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}
