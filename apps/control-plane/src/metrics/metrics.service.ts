import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

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
    help: 'Probe results consumed from JetStream, by region and outcome (stored, duplicate, late, orphan)',
    labelNames: ['region', 'outcome'],
    registers: [this.registry],
  });
  readonly resultsRefused = new Counter({
    name: 'parallax_results_refused_total',
    help: 'Results dropped: malformed, or region not matching the subject',
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
    help: 'Probes seen within the presence TTL, by configured region',
    labelNames: ['region'],
    registers: [this.registry],
  });
  readonly malformedMessages = new Counter({
    name: 'parallax_messages_malformed_total',
    help: 'NATS messages that failed validation and were dropped, by kind',
    labelNames: ['kind'],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
