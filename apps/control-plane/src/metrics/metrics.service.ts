import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Why a result is refused (`parallax_results_refused_total{reason}`). */
export const REFUSAL_REASONS = [
  'malformed',
  'region_mismatch',
  'msg_id_mismatch',
  'unknown_region',
  'not_dispatched',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/**
 * The control plane's Prometheus metrics. Labels take few values (region, outcome,
 * decision); never a monitor id or URL. One registry per app instance, so tests
 * can run several apps in one process.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly jobsDispatched = new Counter({
    name: 'parallax_jobs_dispatched_total',
    help: 'Check jobs published to probes, by region',
    labelNames: ['region'],
    registers: [this.registry],
  });
  readonly roundsClaimed = new Counter({
    name: 'parallax_rounds_claimed_total',
    help: 'Rounds claimed by this replica',
    registers: [this.registry],
  });
  readonly roundsSkipped = new Counter({
    name: 'parallax_rounds_skipped_total',
    help: 'Due rounds skipped after an outage longer than an interval (no burst)',
    registers: [this.registry],
  });
  readonly roundsRedispatched = new Counter({
    name: 'parallax_rounds_redispatched_total',
    help: 'Rounds whose jobs were published by the recovery loop after a replica died mid-dispatch',
    registers: [this.registry],
  });
  readonly schedulerLag = new Histogram({
    name: 'parallax_scheduler_lag_seconds',
    help: 'Delay between a round being due and its dispatch',
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
    registers: [this.registry],
  });
  readonly resultsIngested = new Counter({
    name: 'parallax_results_ingested_total',
    help: 'Probe results consumed from JetStream, by region and outcome (stored, duplicate, late, orphan, expired)',
    labelNames: ['region', 'outcome'],
    registers: [this.registry],
  });
  readonly resultsRefused = new Counter({
    name: 'parallax_results_refused_total',
    help: 'Results refused (not stored): malformed, region_mismatch (region not matching the subject), msg_id_mismatch (Nats-Msg-Id not the one its job and region call for), unknown_region (a region this control plane does not know), not_dispatched (no job was sent to that region for the round)',
    labelNames: ['reason'],
    registers: [this.registry],
  });
  readonly ingestionLag = new Histogram({
    name: 'parallax_ingestion_lag_seconds',
    help: 'Delay between a check starting on a probe and its result being committed',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60],
    registers: [this.registry],
  });
  readonly decisions = new Counter({
    name: 'parallax_decisions_total',
    help: 'Round decisions by outcome',
    labelNames: ['decision'],
    registers: [this.registry],
  });
  readonly openIncidents = new Gauge({
    name: 'parallax_open_incidents',
    help: 'Incidents currently open',
    registers: [this.registry],
  });
  readonly probesOnline = new Gauge({
    name: 'parallax_probes_online',
    help: 'Probes seen within the presence TTL (not leaving), by configured region',
    labelNames: ['region'],
    registers: [this.registry],
  });
  readonly probeInfo = new Gauge({
    name: 'parallax_probe_info',
    help: 'Constant 1 per probe online (operators only: GET /regions shows tenants counts, not ids), at most 1000 series',
    labelNames: ['region', 'probe_id', 'version'],
    registers: [this.registry],
  });
  readonly probeClockSkew = new Gauge({
    name: 'parallax_probe_clock_skew_seconds',
    help: 'Per region, the probe clock − control plane clock of largest size that an online probe reports (0: none beyond PROBE_CLOCK_SKEW_THRESHOLD_MS)',
    labelNames: ['region'],
    registers: [this.registry],
  });
  readonly regionHealthy = new Gauge({
    name: 'parallax_region_healthy',
    help: '1 while the region has at least one probe online, else 0, by configured region',
    labelNames: ['region'],
    registers: [this.registry],
  });
  readonly regionReceivingJobs = new Gauge({
    name: 'parallax_region_receiving_jobs',
    help: '1 while the scheduler sends the region jobs (healthy, or unhealthy for less than REGION_GRACE_SECONDS), else 0',
    labelNames: ['region'],
    registers: [this.registry],
  });
  readonly jobsSkipped = new Counter({
    name: 'parallax_jobs_skipped_total',
    help: 'Jobs not published because their region had no probe online for longer than the grace period (the region is unknown in that round)',
    labelNames: ['region'],
    registers: [this.registry],
  });
  readonly unknownRegionProbes = new Gauge({
    name: 'parallax_unknown_region_probes',
    help: 'Probes online that announce a region this control plane does not know (not trusted)',
    registers: [this.registry],
  });
  readonly resultsDeadLettered = new Counter({
    name: 'parallax_results_dead_lettered_total',
    help: 'Results that could not be stored after INGEST_MAX_DELIVER deliveries: kept in dead_letter_results and terminated',
    registers: [this.registry],
  });
  readonly resultsConsumerRestarts = new Counter({
    name: 'parallax_results_consumer_restarts_total',
    help: 'Times a results stream or its consumer was found missing (deleted, NATS lost its store) and recreated',
    registers: [this.registry],
  });
  readonly resultsRetried = new Counter({
    name: 'parallax_results_store_retries_total',
    help: 'Results whose storing failed and were handed back to JetStream for a later redelivery (with backoff)',
    registers: [this.registry],
  });
  readonly malformedMessages = new Counter({
    name: 'parallax_messages_malformed_total',
    help: 'NATS messages that failed validation and were dropped, by kind',
    labelNames: ['kind'],
    registers: [this.registry],
  });
  readonly notificationsEnqueued = new Counter({
    name: 'parallax_notifications_enqueued_total',
    help: 'Notification events written to the outbox (one per event, whatever the number of destinations), by event',
    labelNames: ['event'],
    registers: [this.registry],
  });
  readonly maintenanceTransitions = new Counter({
    name: 'parallax_maintenance_transitions_total',
    help: 'Scheduled maintenance moved by the clock or cancelled, by the status it moved to',
    labelNames: ['to'],
    registers: [this.registry],
  });
  readonly anomaliesChanged = new Counter({
    name: 'parallax_anomalies_total',
    help: 'Anomalies opened or closed by the anomaly sweep, by metric (p50_ms, p95_ms, error_rate) and change (opened, closed)',
    labelNames: ['metric', 'change'],
    registers: [this.registry],
  });
  readonly anomalySweepMonitors = new Counter({
    name: 'parallax_anomaly_sweep_monitors_total',
    help: 'Monitors swept for anomalies (once per closed hour each)',
    registers: [this.registry],
  });
  readonly notificationsSuppressed = new Counter({
    name: 'parallax_notifications_suppressed_total',
    help: 'Notification events not sent: the monitor was in a maintenance window (not written) or a monitor it depends on was down (recorded as suppressed), by event',
    labelNames: ['event'],
    registers: [this.registry],
  });
  readonly notificationsCollapsed = new Counter({
    name: 'parallax_notifications_collapsed_total',
    help: 'Notifications not written because the monitor was flapping or a rate limit was reached (counted per event or per delivery), by reason',
    labelNames: ['reason'],
    registers: [this.registry],
  });
  readonly notificationDeliveries = new Counter({
    name: 'parallax_notification_deliveries_total',
    help: 'Delivery attempts by channel (webhook, monitor_webhook, slack, discord, email) and outcome (delivered, retry, failed: retries exhausted, disabled: 410 Gone)',
    labelNames: ['channel', 'outcome'],
    registers: [this.registry],
  });
  readonly notificationOutboxPending = new Gauge({
    name: 'parallax_notification_outbox_pending',
    help: 'Deliveries waiting in the outbox (due now or scheduled for a retry), read at scrape time',
    registers: [this.registry],
  });
  readonly notificationOutboxOldestDue = new Gauge({
    name: 'parallax_notification_outbox_oldest_due_seconds',
    help: 'How long the oldest due delivery has been waiting to be sent (0 when none is due): the dispatch backlog, read at scrape time',
    registers: [this.registry],
  });
  readonly notificationDeliverySeconds = new Histogram({
    name: 'parallax_notification_delivery_seconds',
    help: 'Duration of one delivery attempt, by channel',
    labelNames: ['channel'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly ingestBatchSize = new Histogram({
    name: 'parallax_ingest_batch_size',
    help: 'Results handled per ingestion transaction',
    buckets: [1, 5, 20, 50, 100, 200, 500, 1000, 2000, 5000],
    registers: [this.registry],
  });
  readonly resultPartitions = new Gauge({
    name: 'parallax_result_partitions',
    help: 'Daily partitions of the per-region results table',
    registers: [this.registry],
  });
  readonly rollupFoldLag = new Gauge({
    name: 'parallax_rollup_fold_lag_seconds',
    help: 'How long ago the oldest closed day whose daily rollups are not yet built from hourly ones ended (0: all built)',
    registers: [this.registry],
  });
  readonly rollupFoldDuration = new Histogram({
    name: 'parallax_rollup_fold_duration_seconds',
    help: 'Duration of one rollup fold transaction (up to 100 monitors)',
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [this.registry],
  });
  readonly rollupFoldMonitors = new Counter({
    name: 'parallax_rollup_fold_monitors_total',
    help: 'Monitors whose closed days were folded from hourly into daily rollups',
    registers: [this.registry],
  });
  readonly partitionsDropped = new Counter({
    name: 'parallax_result_partitions_dropped_total',
    help: 'Daily result partitions dropped by the retention',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    // Series that dashboards and alerts read as rates: present from the start, at zero.
    for (const reason of REFUSAL_REASONS) this.resultsRefused.inc({ reason }, 0);
    for (const decision of ['up', 'degraded', 'down', 'warn', 'no_data']) this.decisions.inc({ decision }, 0);
    this.unknownRegionProbes.set(0);
    this.resultsRetried.inc(0);
    this.resultsConsumerRestarts.inc(0);
    this.resultsDeadLettered.inc(0);
    for (const outcome of ['delivered', 'retry', 'failed', 'disabled'])
      this.notificationDeliveries.inc({ channel: 'webhook', outcome }, 0);
  }
}
