import { Controller, Get, Header, Inject, Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { CHECK_TYPES } from '@parallax/contracts';
import { PROBE_CONFIG, type ProbeConfig } from './config';

/**
 * The probe's Prometheus metrics. Labels are bounded sets only (region, check type,
 * outcome, reason): never a URL, a monitor id or a job id.
 */
@Injectable()
export class ProbeMetrics {
  readonly registry = new Registry();
  private readonly readers = new Map<string, () => number>();
  private readonly region: string;

  readonly checks = new Counter({
    name: 'probe_checks_total',
    help: 'Checks run, by region, check type and outcome (up|down)',
    labelNames: ['region', 'type', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly checkDuration = new Histogram({
    name: 'probe_check_duration_seconds',
    help: 'Wall-clock duration of a check run',
    labelNames: ['region', 'type'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    registers: [this.registry],
  });

  readonly jobsReceived = new Counter({
    name: 'probe_jobs_received_total',
    help: 'Valid jobs received for this region',
    labelNames: ['region'] as const,
    registers: [this.registry],
  });

  readonly jobsDropped = new Counter({
    name: 'probe_jobs_dropped_total',
    help: 'Jobs dropped without running: deadline (past its deadline), overload (queue hard cap), shutdown, wrong_region',
    labelNames: ['region', 'reason'] as const,
    registers: [this.registry],
  });

  readonly malformed = new Counter({
    name: 'probe_messages_malformed_total',
    help: 'NATS messages on the jobs subject that failed validation, by reason (json|schema)',
    labelNames: ['region', 'reason'] as const,
    registers: [this.registry],
  });

  readonly inFlight = this.sampledGauge('probe_in_flight', 'Checks running now');

  readonly queueDepth = this.sampledGauge('probe_queue_depth', 'Jobs waiting for a free check slot');

  readonly paused = this.sampledGauge(
    'probe_queue_full',
    '1 while the queue is full (the probe keeps its share of the region; jobs that cannot start by their deadline are dropped)',
  );

  readonly publishFailures = new Counter({
    name: 'probe_results_publish_failures_total',
    help: 'Failed JetStream publish attempts of results (each is retried)',
    labelNames: ['region'] as const,
    registers: [this.registry],
  });

  readonly resultsPublished = new Counter({
    name: 'probe_results_published_total',
    help: 'Results acknowledged by JetStream (duplicates included)',
    labelNames: ['region'] as const,
    registers: [this.registry],
  });

  readonly resultsLost = new Counter({
    name: 'probe_results_lost_total',
    help: 'Results given up on: expired (retried past the retry window), outbox_full, shutdown',
    labelNames: ['region', 'reason'] as const,
    registers: [this.registry],
  });

  readonly resultsPending = this.sampledGauge(
    'probe_results_pending',
    'Results not yet acknowledged by JetStream (in flight or waiting for a retry)',
  );

  readonly natsConnected = this.sampledGauge('probe_nats_connected', '1 while the NATS connection is up');

  readonly info = new Gauge({
    name: 'probe_info',
    help: 'Constant 1, labelled with the probe version and region',
    labelNames: ['region', 'version'] as const,
    registers: [this.registry],
  });

  constructor(@Inject(PROBE_CONFIG) config: ProbeConfig) {
    this.region = config.region;
    collectDefaultMetrics({ register: this.registry });
    this.info.set({ region: config.region, version: config.version }, 1);
    const r = { region: config.region };
    // Touch every labelled series once so dashboards see zeros, not gaps.
    for (const type of CHECK_TYPES) for (const outcome of ['up', 'down']) this.checks.inc({ ...r, type, outcome }, 0);
    for (const reason of ['deadline', 'overload', 'shutdown', 'wrong_region'])
      this.jobsDropped.inc({ ...r, reason }, 0);
    for (const reason of ['json', 'schema']) this.malformed.inc({ ...r, reason }, 0);
    for (const reason of ['expired', 'outbox_full', 'shutdown']) this.resultsLost.inc({ ...r, reason }, 0);
    this.jobsReceived.inc(r, 0);
    this.publishFailures.inc(r, 0);
    this.resultsPublished.inc(r, 0);
  }

  /** Registers how a sampled gauge reads its current value at scrape time. */
  sample(gauge: Gauge<'region'>, read: () => number): void {
    this.readers.set((gauge as unknown as { name: string }).name, read);
  }

  private sampledGauge(name: string, help: string): Gauge<'region'> {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self = this;
    return new Gauge({
      name,
      help,
      labelNames: ['region'] as const,
      registers: [this.registry],
      collect() {
        const read = self.readers.get(name);
        this.set({ region: self.region }, read ? read() : 0);
      },
    });
  }
}

@Controller()
export class MetricsController {
  constructor(private readonly metrics: ProbeMetrics) {}

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  async scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
