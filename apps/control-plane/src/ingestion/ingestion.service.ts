import { Inject, Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import type { ConsumerMessages, JetStreamClient, JsMsg } from 'nats';
import { parseResult, ResultV1 } from '@parallax/contracts';
import { APP_CONFIG, AppConfig } from '../config/config';
import { TransactionRunner } from '../database/transaction';
import { DecisionService } from '../decisions/decision.service';
import { IngestionProgress } from '../decisions/ingestion-progress';
import { ResultsRepository } from './results.repository';
import { MetricsService, RefusalReason } from '../metrics/metrics.service';
import { NatsService } from '../nats/nats.service';
import { RoundsRepository } from '../scheduler/rounds.repository';

/** Results processed at once by one replica; a round's rows are serialised by their locks. */
const CONCURRENCY = 8;

/**
 * Consumes probe results from the JetStream stream through the durable consumer
 * that all replicas share. A message is acked only after its transaction commits;
 * a failure naks it for redelivery, and a redelivered result is recognised by its
 * identity (monitor, round, region) and ignored.
 */
@Injectable()
export class IngestionService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(IngestionService.name);
  private messages?: ConsumerMessages;
  private loop?: Promise<void>;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly nats: NatsService,
    private readonly tx: TransactionRunner,
    private readonly results: ResultsRepository,
    private readonly rounds: RoundsRepository,
    private readonly decisions: DecisionService,
    private readonly metrics: MetricsService,
    private readonly progress: IngestionProgress,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { resultsStream, resultsConsumer } = this.nats.names;
    const consumer = await this.nats.js.consumers.get(resultsStream, resultsConsumer);
    this.messages = await consumer.consume({ max_messages: 64 });
    this.loop = this.run(this.messages);
    void this.watchBacklog(consumer);
  }

  /** Marks ingestion caught up once the shared consumer has nothing pending (or after 60 s). */
  private async watchBacklog(consumer: Awaited<ReturnType<JetStreamClient['consumers']['get']>>): Promise<void> {
    const giveUpAt = Date.now() + 60_000;
    while (Date.now() < giveUpAt) {
      const info = await consumer.info().catch(() => null);
      if (info && info.num_pending === 0 && info.num_ack_pending === 0 && this.inFlight.size === 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    this.progress.markCaughtUp();
  }

  /** Stops pulling, then waits for the results being processed (drain). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.messages?.close();
    await this.loop;
    await Promise.all(this.inFlight);
  }

  private async run(messages: ConsumerMessages): Promise<void> {
    for await (const m of messages) {
      const p = this.handle(m).finally(() => this.inFlight.delete(p));
      this.inFlight.add(p);
      if (this.inFlight.size >= CONCURRENCY) await Promise.race(this.inFlight);
    }
  }

  /** Public for tests: processes one message and acks, naks or terminates it. */
  async handle(m: JsMsg): Promise<void> {
    const subjectRegion = this.nats.names.regionOf(m.subject);
    const parsed = parseResult(m.data);
    if (!parsed.ok) {
      this.metrics.malformedMessages.inc({ kind: 'result' });
      this.refuse(m, 'malformed', { subject: m.subject, region: subjectRegion, error: parsed.error }, 'dropping malformed result');
      return;
    }
    const result = parsed.value;
    const ids = { monitor_id: result.monitor_id, round: result.round, region: result.region, probe_id: result.probe_id };
    if (result.region !== subjectRegion) {
      this.refuse(m, 'region_mismatch', { ...ids, subject: m.subject }, 'dropping result whose region does not match its subject');
      return;
    }
    if (!this.config.regions.includes(result.region)) {
      // A probe started with a region this control plane does not know is never trusted.
      this.refuse(m, 'unknown_region', { ...ids, configured_regions: this.config.regions }, 'dropping result from a region this control plane does not know');
      return;
    }
    try {
      const outcome = await this.store(result);
      if (outcome === 'not_dispatched') {
        this.refuse(m, 'not_dispatched', ids, 'dropping result from a region that got no job for this round');
        return;
      }
      this.metrics.resultsIngested.inc({ region: result.region, outcome });
      if (outcome === 'stored' || outcome === 'late') {
        this.metrics.ingestionLag.observe(Math.max(0, Date.now() - Date.parse(result.started_at)) / 1000);
      }
      if (outcome === 'late' || outcome === 'orphan') this.logger.debug({ ...ids, outcome }, 'result stored without counting');
      m.ack();
    } catch (err) {
      this.logger.error({ err, ...ids }, 'storing result failed; will be redelivered');
      m.nak(1000);
    }
  }

  /** Counts, logs and terminates a result that is not stored (never redelivered). */
  private refuse(m: JsMsg, reason: RefusalReason, fields: Record<string, unknown>, message: string): void {
    this.metrics.resultsRefused.inc({ reason });
    this.logger.warn({ ...fields, reason }, message);
    m.term();
  }

  private store(result: ResultV1) {
    return this.tx.run(async (tx) => {
      // Lock the round first: a result and the deadline decision of its round are
      // serialised, so a result is either counted by the decision or stored as late.
      const round = await this.rounds.lockRound(tx, result.monitor_id, result.round);
      // Only the regions the round sent a job to may answer it (not one it skipped, nor
      // one the monitor does not use): anything else is not stored, so never counted.
      if (round && !round.regions.includes(result.region)) return 'not_dispatched' as const;
      const outcome = await this.results.insert(tx, result);
      if (outcome !== 'stored') return outcome;
      if (round && !round.decidedAt) {
        const onTime = await this.results.onTime(tx, round.monitorId, round.round);
        const answered = new Set(onTime.map((r) => r.region));
        if (round.regions.every((r) => answered.has(r))) await this.decisions.decideLocked(tx, round);
      }
      return outcome;
    });
  }
}
