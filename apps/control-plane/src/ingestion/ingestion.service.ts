import { Inject, Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { Clock, monotonicMs } from '../common/clock';
import type { ConsumerMessages, JsMsg } from 'nats';
import { QueryFailedError } from 'typeorm';
import { cleanText, jobId, parseStorableResult, ResultV1 } from '@parallax/contracts';
import { DeadLettersRepository } from './dead-letters.repository';
import { APP_CONFIG, AppConfig } from '../config/config';
import { BackgroundTransactionRunner, Tx } from '../database/transaction';
import { DecisionService } from '../decisions/decision.service';
import { IngestionProgress } from '../decisions/ingestion-progress';
import type { RegionResult } from '../decisions/round-summary';
import { InsertOutcome, ResultRow, ResultsRepository } from './results.repository';
import { ResultBuffer } from './result-buffer';
import { classifyResults, roundComplete, roundKey, storedOutcome } from './result-classification';
import { MetricsService, RefusalReason } from '../metrics/metrics.service';
import { SystemMonitorsRepository } from '../monitors/system-monitors.repository';
import { NatsService, RESULT_ACK_WAIT_MS } from '../nats/nats.service';
import { ResultRoundKey, RoundsRepository } from '../scheduler/rounds.repository';
import { PartitionsService } from '../timeseries/partitions.service';
import { Observation } from '../timeseries/rollups.repository';
import { RollupWriter } from '../timeseries/rollup-writer.service';

/** Batches stored at once by one replica (on disjoint monitors); monitors are locked in id order, so replicas never deadlock. */
const WORKERS = 4;
/** How long a pull waits for messages; heartbeats come at half of it, so a deleted consumer is noticed within seconds. */
const PULL_EXPIRES_MS = 5_000;
/** How often the drained old single stream is looked for. */
const MAINTENANCE_MS = 5_000;

type Outcome = InsertOutcome | 'expired' | 'not_dispatched';
type Valid = { m: JsMsg; result: ResultV1 };

/**
 * An error of the statements themselves (PostgreSQL answered and refused them), as opposed
 * to the database being unreachable, out of resources or shutting down (SQLSTATE classes
 * 08, 53, 57), in which case every result would fail alike.
 */
/** What a log line says of a database error: its message and SQLSTATE, never the query's parameters (the payloads). */
/** What an ingestion failure logs: ids go beside it, never the payload; a database error only its class and code (PostgreSQL echoes values in its message). */
function errInfo(err: unknown): { message: string; code?: string } {
  const code = (err as { driverError?: { code?: string } })?.driverError?.code;
  if (err instanceof QueryFailedError || code)
    return { message: (err as Error).name ?? 'QueryFailedError', ...(code ? { code } : {}) };
  return { message: cleanText(String((err as Error)?.message ?? err)).slice(0, 500), ...(code ? { code } : {}) };
}

function isStatementError(err: unknown): boolean {
  if (!(err instanceof QueryFailedError)) return false;
  const code = String((err.driverError as { code?: string } | undefined)?.code ?? '');
  return !/^(08|53|57)/.test(code);
}

/** Thrown inside a batch's transaction when a result's day has no partition yet; the batch is retried after creating it. */
class MissingPartitions extends Error {
  constructor(readonly times: Date[]) {
    super('missing result partitions');
  }
}

/**
 * Consumes probe results from the JetStream stream through the durable consumer that
 * all replicas share, and stores them in batches: whatever has arrived while the
 * previous batch was being written (up to INGEST_BATCH_SIZE) goes into one transaction
 * with one multi-row insert, the rollup upserts, and the decisions of the rounds every
 * region has now answered. Messages are acked only after the commit. Every result is
 * cleaned field by field on receipt (`parseStorableResult`); a failed batch is bisected
 * so one bad result cannot hold back the others, and a result that fails alone is
 * redelivered with backoff, then dead-lettered after INGEST_MAX_DELIVER deliveries. A redelivered result is recognised by its identity
 * (monitor, round, region) and ignored.
 *
 * Lock order (no deadlocks): monitors in id order (FOR NO KEY UPDATE), then rounds in
 * (monitor, round) order, then rollup rows in key order. The deadline sweep and the
 * scheduler also take a monitor before its rounds.
 */
@Injectable()
export class IngestionService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(IngestionService.name);
  /** The consumer of each results stream being consumed. */
  private readonly sources = new Map<string, ConsumerMessages>();
  private pumps: Promise<void>[] = [];
  private maintenance?: NodeJS.Timeout;
  private inProgress?: NodeJS.Timeout;
  private stopping = false;
  private readonly onStop: (() => void)[] = [];
  /** Valid results received and not yet taken by a worker; a monitor is held by one batch at a time. */
  private readonly buffer = new ResultBuffer<Valid>();
  private active = 0;
  private waiting: (() => void)[] = [];
  private drained: (() => void)[] = [];
  private closing = false;
  private workers: Promise<void>[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly nats: NatsService,
    private readonly tx: BackgroundTransactionRunner,
    private readonly results: ResultsRepository,
    private readonly rounds: RoundsRepository,
    private readonly monitors: SystemMonitorsRepository,
    private readonly rollups: RollupWriter,
    private readonly partitions: PartitionsService,
    private readonly decisions: DecisionService,
    private readonly metrics: MetricsService,
    private readonly progress: IngestionProgress,
    private readonly deadLetters: DeadLettersRepository,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const streams = await this.nats.prepareResultStreams();
    this.workers = Array.from({ length: WORKERS }, () => this.work());
    this.pumps = streams.map((stream) => this.pump(stream));
    void this.watchBacklog(streams);
    this.maintenance = setInterval(() => void this.maintain(), MAINTENANCE_MS);
    // Received results wait in the buffer for a worker (behind a backlog, for seconds): they too
    // are reported in progress every half ack_wait, or JetStream redelivers them as duplicates.
    this.inProgress = setInterval(() => {
      for (const v of this.buffer.waiting()) v.m.working();
    }, RESULT_ACK_WAIT_MS / 2);
  }

  /**
   * Consumes one results stream for as long as the application runs. Self-healing: when the
   * stream or its consumer disappears (deleted, or NATS lost its JetStream store), the
   * consumer stops with an error, and this recreates both and consumes again, without a
   * restart; meanwhile the stream counts as not consumed (`/health/ready` is false).
   */
  private async pump(stream: string): Promise<void> {
    const legacy = stream === this.nats.names.resultsStream;
    for (let attempt = 0; !this.stopping; attempt++) {
      try {
        if (attempt > 0) {
          if (legacy) return; // the old single stream is never recreated
          await this.nats.ensureResultStream(stream);
        }
        const consumer = await this.nats.js.consumers.get(stream, this.nats.names.resultsConsumer);
        const messages = await consumer.consume({
          max_messages: Math.max(64, this.config.ingestBatchSize * 2),
          // Pulls expire (and heartbeats come) often, so a lost consumer is noticed within seconds.
          expires: PULL_EXPIRES_MS,
          abort_on_missing_resource: true,
        });
        this.sources.set(stream, messages);
        if (this.stopping) await messages.close();
        else {
          this.nats.setConsuming(stream, true);
          if (attempt > 0) this.logger.warn({ stream }, 'results stream and consumer recreated; consuming again');
        }
        await this.run(stream, messages);
        if (this.stopping || legacy) return;
        throw new Error('the consumer stopped');
      } catch (err) {
        this.nats.setConsuming(stream, false);
        this.sources.delete(stream);
        this.progress.forget(stream);
        if (this.stopping) return;
        this.metrics.resultsConsumerRestarts.inc();
        this.logger.error({ err: errInfo(err), stream }, 'results consumer lost; recreating stream and consumer');
        await new Promise<void>((r) => {
          const t = setTimeout(r, Math.min(5_000, 250 * 2 ** Math.min(attempt, 5)));
          this.onStop.push(() => (clearTimeout(t), r()));
        });
      }
    }
  }

  /** Deletes the old single stream once drained (its pump then ends). */
  private async maintain(): Promise<void> {
    const legacy = this.nats.names.resultsStream;
    const messages = this.sources.get(legacy);
    if (!messages || this.stopping) return;
    if (await this.nats.deleteLegacyIfDrained().catch(() => false)) await messages.close().catch(() => undefined);
  }

  /** Marks ingestion caught up once the shared consumers have nothing pending (or after 60 s). */
  private async watchBacklog(streams: string[]): Promise<void> {
    const giveUpAt = monotonicMs() + 60_000;
    while (monotonicMs() < giveUpAt && !this.stopping) {
      const infos = await Promise.all(
        streams.map((s) =>
          this.nats.js.consumers
            .get(s, this.nats.names.resultsConsumer)
            .then((c) => c.info())
            .catch(() => null),
        ),
      );
      if (
        infos.every((i) => i && i.num_pending === 0 && i.num_ack_pending === 0) &&
        this.buffer.size === 0 &&
        this.active === 0
      )
        break;
      await new Promise((r) => setTimeout(r, 200));
    }
    this.progress.markCaughtUp();
  }

  /** Stops pulling, then stores what was already received (drain). */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.maintenance);
    clearInterval(this.inProgress);
    for (const stop of this.onStop.splice(0)) stop();
    await Promise.all([...this.sources.values()].map((m) => m.close().catch(() => undefined)));
    await Promise.all(this.pumps);
    this.closing = true;
    this.wake();
    await Promise.all(this.workers);
  }

  private async run(stream: string, messages: ConsumerMessages): Promise<void> {
    for await (const m of messages) {
      this.progress.delivered(stream, Math.floor(m.info.timestampNanos / 1e6), m.info.pending, this.clock.nowMs());
      const result = this.validate(m);
      if (!result) continue;
      this.buffer.push(result.monitor_id, { m, result });
      this.wake();
      // Backpressure: stop reading while two batches are waiting.
      if (this.buffer.size >= this.config.ingestBatchSize * 2) await new Promise<void>((r) => this.drained.push(r));
    }
  }

  /** Wakes the idle workers. */
  private wake(): void {
    const w = this.waiting;
    this.waiting = [];
    for (const r of w) r();
  }

  private async work(): Promise<void> {
    for (;;) {
      const { items: batch, monitors } = this.buffer.size
        ? this.buffer.take(this.config.ingestBatchSize)
        : { items: [], monitors: [] };
      if (!batch.length) {
        if (this.closing && !this.buffer.size) return;
        await new Promise<void>((r) => this.waiting.push(r));
        continue;
      }
      if (this.buffer.size < this.config.ingestBatchSize) {
        for (const r of this.drained.splice(0)) r();
      }
      if (this.buffer.size) this.wake();
      this.active++;
      // A slow database must not start a redelivery storm: while the batch is held, its
      // messages are reported in progress (working()) every half ack_wait.
      const heartbeat = setInterval(() => {
        for (const v of batch) v.m.working();
      }, RESULT_ACK_WAIT_MS / 2);
      try {
        await this.storeBatch(batch);
      } finally {
        clearInterval(heartbeat);
        this.active--;
        this.buffer.release(monitors);
        this.wake();
      }
    }
  }

  /** Public for tests: processes one message and acks, naks or terminates it. */
  handle(m: JsMsg): Promise<void> {
    return this.handleBatch([m]);
  }

  /** Validates messages, stores the valid ones in one transaction, then acks, naks or terminates each. */
  async handleBatch(batch: JsMsg[]): Promise<void> {
    const valid: Valid[] = [];
    for (const m of batch) {
      const result = this.validate(m);
      if (result) valid.push({ m, result });
    }
    await this.storeBatch(valid);
  }

  private async storeBatch(valid: Valid[]): Promise<void> {
    if (!valid.length) return;
    this.metrics.ingestBatchSize.observe(valid.length);
    let outcomes: Outcome[];
    try {
      outcomes = await this.storeRetryingPartitions(valid.map((v) => v.result));
    } catch (err) {
      if (!isStatementError(err)) {
        // PostgreSQL unreachable (or shutting down): nothing here is poison; hand the whole
        // batch back with backoff, never to the dead-letter table.
        this.logger.error(
          { err: errInfo(err), results: valid.length },
          'storing results failed (database unavailable); will be redelivered',
        );
        for (const v of valid) this.retryLater(v.m);
        return;
      }
      if (valid.length === 1) return this.failedAlone(valid[0], err);
      // Bisect: each half in its own transaction, so a result that cannot be stored is
      // isolated in about log2(n) transactions and the rest still go in batches.
      this.logger.warn(
        { err: errInfo(err), results: valid.length },
        'storing a batch failed; storing its halves apart',
      );
      const mid = valid.length >> 1;
      await this.storeBatch(valid.slice(0, mid));
      await this.storeBatch(valid.slice(mid));
      return;
    }
    valid.forEach(({ m, result }, i) => this.settle(m, result, outcomes[i]));
  }

  /** Naks with exponential backoff (INGEST_RETRY_BACKOFF_MS doubled per delivery, at most 30 s). */
  private retryLater(m: JsMsg): void {
    this.metrics.resultsRetried.inc();
    const deliveries = Math.max(1, m.info.redeliveryCount);
    m.nak(Math.min(30_000, this.config.ingestRetryBackoffMs * 2 ** Math.min(deliveries - 1, 16)));
  }

  /**
   * A result that failed alone. Redelivered with backoff until its INGEST_MAX_DELIVER-th
   * delivery, then kept in the dead-letter table with the reason, counted and terminated,
   * so it never occupies the consumer's ack-pending window for ever. If even the dead
   * letter cannot be written, it is redelivered (nothing is dropped unrecorded).
   */
  private async failedAlone(v: Valid, err: unknown): Promise<void> {
    const r = v.result;
    const ids = { monitor_id: r.monitor_id, round: r.round, region: r.region };
    const deliveries = Math.max(1, v.m.info.redeliveryCount);
    if (deliveries < this.config.ingestMaxDeliver) {
      this.logger.warn({ err: errInfo(err), ...ids, deliveries }, 'storing result failed; will be redelivered');
      return this.retryLater(v.m);
    }
    try {
      await this.tx.run((tx) =>
        this.deadLetters.insert(tx, {
          subject: v.m.subject,
          msgId: v.m.headers?.get('Nats-Msg-Id') ? cleanText(v.m.headers.get('Nats-Msg-Id')).slice(0, 300) : null,
          region: r.region,
          monitorId: r.monitor_id,
          round: r.round,
          deliveries,
          reason: cleanText((err as Error)?.message ?? String(err)),
          payload: v.m.data,
        }),
      );
    } catch (e) {
      this.logger.error({ err: errInfo(e), ...ids }, 'writing a dead letter failed; the result will be redelivered');
      return this.retryLater(v.m);
    }
    this.metrics.resultsDeadLettered.inc();
    this.logger.error(
      { err: errInfo(err), ...ids, deliveries },
      'result could not be stored: kept in dead_letter_results and terminated',
    );
    v.m.term();
  }

  private validate(m: JsMsg): ResultV1 | null {
    const subjectRegion = this.nats.names.regionOf(m.subject);
    const parsed = parseStorableResult(m.data, this.clock.now());
    if (!parsed.ok) {
      this.metrics.malformedMessages.inc({ kind: 'result' });
      this.refuse(
        m,
        'malformed',
        { subject: m.subject, region: subjectRegion, error: parsed.error },
        'dropping malformed result',
      );
      return null;
    }
    const result = parsed.value;
    const ids = {
      monitor_id: result.monitor_id,
      round: result.round,
      region: result.region,
      probe_id: result.probe_id,
    };
    if (result.region !== subjectRegion) {
      this.refuse(
        m,
        'region_mismatch',
        { ...ids, subject: m.subject },
        'dropping result whose region does not match its subject',
      );
      return null;
    }
    // The id the stream de-duplicated it by must be the one its job asked for, of the
    // subject's region: a region cannot have another's results dropped as duplicates, nor
    // can an id and a payload describe different results.
    const msgId = m.headers?.get('Nats-Msg-Id') || undefined;
    if (
      result.job_id !== jobId(result.monitor_id, result.round) ||
      !this.nats.resultIdMatches(msgId, result.job_id, subjectRegion)
    ) {
      this.refuse(
        m,
        'msg_id_mismatch',
        { ...ids, subject: m.subject, msg_id: msgId?.slice(0, 300) },
        'dropping result whose message id does not match its job and region',
      );
      return null;
    }
    if (!this.config.regions.includes(result.region)) {
      // A probe started with a region this control plane does not know is never trusted.
      this.refuse(
        m,
        'unknown_region',
        { ...ids, configured_regions: this.config.regions },
        'dropping result from a region this control plane does not know',
      );
      return null;
    }
    return result;
  }

  private settle(m: JsMsg, result: ResultV1, outcome: Outcome): void {
    const ids = {
      monitor_id: result.monitor_id,
      round: result.round,
      region: result.region,
      probe_id: result.probe_id,
    };
    if (outcome === 'not_dispatched') {
      this.refuse(m, 'not_dispatched', ids, 'dropping result from a region that got no job for this round');
      return;
    }
    this.metrics.resultsIngested.inc({ region: result.region, outcome });
    if (outcome === 'stored' || outcome === 'late') {
      this.metrics.ingestionLag.observe(Math.max(0, this.clock.nowMs() - Date.parse(result.started_at)) / 1000);
    }
    if (outcome !== 'stored' && outcome !== 'duplicate') this.logger.debug({ ...ids, outcome }, 'result not counted');
    m.ack();
  }

  /** Counts, logs and terminates a result that is not stored (never redelivered). */
  private refuse(m: JsMsg, reason: RefusalReason, fields: Record<string, unknown>, message: string): void {
    this.metrics.resultsRefused.inc({ reason });
    this.logger.warn({ ...fields, reason }, message);
    m.term();
  }

  private async storeRetryingPartitions(results: ResultV1[]): Promise<Outcome[]> {
    try {
      return await this.tx.run((tx) => this.store(tx, results));
    } catch (err) {
      if (!(err instanceof MissingPartitions)) throw err;
      // Partition DDL runs outside the batch's transaction (it locks the parent table).
      await this.partitions.ensureFor(err.times);
      return this.tx.run((tx) => this.store(tx, results));
    }
  }

  /** Stores a batch in one transaction; returns each result's outcome (same order). */
  private async store(tx: Tx, results: ResultV1[]): Promise<Outcome[]> {
    const outcomes: Outcome[] = new Array(results.length);
    const monitors = new Map(
      (
        await this.monitors.lockForResults(
          tx,
          results.map((r) => r.monitor_id),
        )
      ).map((m) => [m.id, m]),
    );
    const wanted = new Map<string, ResultRoundKey>();
    for (const r of results) {
      if (!monitors.has(r.monitor_id)) continue;
      const key = {
        monitorId: r.monitor_id,
        round: r.round,
        scheduledAt: r.scheduled_at ? new Date(r.scheduled_at) : null,
        startedAt: new Date(r.started_at),
      };
      const k = `${r.monitor_id}|${r.round}`;
      const seen = wanted.get(k);
      // A result without the scheduled time (older probe), or results of one round that
      // disagree on it, make the round's lookup the loose one (by its number near its start).
      if (!seen) wanted.set(k, key);
      else if (seen.scheduledAt && seen.scheduledAt.getTime() !== key.scheduledAt?.getTime()) seen.scheduledAt = null;
    }
    const rounds = new Map(
      (await this.rounds.lockForResults(tx, [...wanted.values()])).map((rd) => [`${rd.monitorId}|${rd.round}`, rd]),
    );
    const cutoff = this.partitions.cutoff().getTime();
    const rows: { index: number; row: ResultRow }[] = [];
    const classes = classifyResults(
      results.map((r) => ({ monitorId: r.monitor_id, round: r.round, region: r.region })),
      (id) => monitors.has(id),
      (id, n) => {
        const round = rounds.get(roundKey(id, n));
        return (
          round && { regions: round.regions, scheduledAtMs: round.scheduledAt.getTime(), decided: !!round.decidedAt }
        );
      },
      cutoff,
    );
    classes.forEach((c, i) => {
      if (c.kind !== 'store') return void (outcomes[i] = c.kind);
      const r = results[i];
      const round = rounds.get(roundKey(r.monitor_id, r.round))!;
      rows.push({
        index: i,
        row: {
          result: r,
          accountId: monitors.get(r.monitor_id)!.accountId,
          scheduledAt: round.scheduledAt,
          late: c.late,
        },
      });
    });
    const missing = rows.map((x) => x.row.scheduledAt).filter((t) => !this.partitions.has(t));
    if (missing.length) throw new MissingPartitions(missing);

    const inserted = await this.results.insertMany(
      tx,
      rows.map((x) => x.row),
    );
    const stored: ResultRow[] = [];
    for (const { index, row } of rows) {
      outcomes[index] = storedOutcome(inserted.has(ResultsRepository.identity(row.result)), row.late);
      if (outcomes[index] !== 'duplicate') stored.push(row);
    }
    const observations: Observation[] = stored.map((s) => ({
      monitorId: s.result.monitor_id,
      accountId: s.accountId,
      region: s.result.region,
      at: s.scheduledAt,
      ok: s.result.is_up,
      responseMs: s.result.response_ms,
      foldedThrough: monitors.get(s.result.monitor_id)!.rollupsFoldedThrough,
    }));

    // Decide the rounds every region has now answered (in lock order). A round whose
    // regions all answered in this batch is decided from the batch; the others read the
    // results stored before (one query for all of them).
    const inBatch = new Map<string, RegionResult[]>();
    for (const s of stored) {
      if (s.late) continue;
      const k = `${s.result.monitor_id}|${s.result.round}`;
      const list = inBatch.get(k) ?? [];
      if (!list.length) inBatch.set(k, list);
      list.push(ResultsRepository.regionResult(s.result));
    }
    if (inBatch.size) {
      const touched = [...inBatch.keys()].map((k) => rounds.get(k)!);
      const partial = touched.filter(
        (round) => inBatch.get(`${round.monitorId}|${round.round}`)!.length < round.regions.length,
      );
      const onTime = await this.results.onTimeMany(tx, partial);
      for (const [k, list] of inBatch)
        if (!onTime.has(k))
          onTime.set(
            k,
            list.sort((a, b) => (a.region < b.region ? -1 : a.region > b.region ? 1 : 0)),
          );
      const complete = touched.filter((round) =>
        roundComplete(
          round.regions,
          (onTime.get(roundKey(round.monitorId, round.round)) ?? []).map((r) => r.region),
        ),
      );
      await this.decisions.decideMany(tx, complete, { results: onTime, rollups: observations });
    }
    // The results' and the decided rounds' rollups in one upsert per table.
    await this.rollups.add(tx, observations);
    return outcomes;
  }
}
