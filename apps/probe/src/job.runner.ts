import { setMaxListeners } from 'node:events';
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import type { Counter, Histogram } from 'prom-client';
import { runCheck, runWithRetries } from '@parallax/checks';
import type { CheckContext, CheckOutcome } from '@parallax/checks';
import {
  cleanDeep,
  cleanText,
  cutText,
  RESULT_HEADER_CHARS,
  RESULT_MAX_HEADERS,
  RESULT_TEXT_CHARS,
} from '@parallax/contracts';
import type { AttemptV1, CheckSpec, JobV1, ResultV1 } from '@parallax/contracts';
import { CheckWorkerPool, LostCheck } from './check-workers';
import { PROBE_CONFIG, type ProbeConfig } from './config';
import { BoundedExecutor, type DropReason, type SubmitOutcome } from './executor';
import { ProbeMetrics } from './metrics';
import { ProbeClock } from './probe-clock';
import { ResultsPublisher } from './results.publisher';

/** On close, longest wait for checks still running in the workers (they were aborted by then). */
const WORKERS_CLOSE_GRACE_MS = 5_000;

interface CheckSeries {
  up: Counter.Internal;
  down: Counter.Internal;
  duration: Histogram.Internal<string>;
}

/**
 * Runs the region's jobs through the bounded executor: one check per job, then its
 * result is handed to the publisher. Emits backpressure changes to the job intake.
 */
@Injectable()
export class JobRunner implements OnModuleInit, OnApplicationShutdown {
  private readonly executor: BoundedExecutor<JobV1>;
  private readonly ctx: CheckContext;
  /** The check worker threads (`PROBE_WORKERS`); null runs the checks on the main thread. */
  private readonly pool: CheckWorkerPool | null;
  /** Runs one check on a worker thread, or on this thread when PROBE_WORKERS=0. */
  private readonly runCheck: (spec: CheckSpec) => Promise<CheckOutcome | LostCheck>;
  private readonly backpressureListeners: Array<(paused: boolean) => void> = [];
  private readonly series = new Map<string, CheckSeries>();
  private readonly received: Counter.Internal;
  /** Aborts running checks when the shutdown grace period runs out. */
  private readonly abort = new AbortController();

  constructor(
    @Inject(PROBE_CONFIG) private readonly config: ProbeConfig,
    private readonly publisher: ResultsPublisher,
    private readonly metrics: ProbeMetrics,
    @InjectPinoLogger('jobs') private readonly log: PinoLogger,
    private readonly clock: ProbeClock,
  ) {
    // Every running check listens on this one signal.
    setMaxListeners(0, this.abort.signal);
    this.ctx = Object.freeze({
      region: config.region,
      userAgent: config.userAgent,
      allowPrivateTargets: config.allowPrivateTargets,
      maxBodyBytes: config.maxBodyBytes,
      childPath: config.childPath,
      signal: this.abort.signal,
    });
    this.pool =
      config.workers > 0
        ? new CheckWorkerPool({
            size: config.workers,
            ctx: {
              region: config.region,
              userAgent: config.userAgent,
              allowPrivateTargets: config.allowPrivateTargets,
              maxBodyBytes: config.maxBodyBytes,
              childPath: config.childPath,
            },
            onCrash: ({ worker, error, failedChecks }) =>
              this.log.error({ worker, err: error, failed_checks: failedChecks }, 'check worker died: replaced'),
          })
        : null;
    this.runCheck = this.pool ? (spec) => this.pool!.run(spec) : (spec) => runCheck(spec, this.ctx);
    this.executor = new BoundedExecutor<JobV1>({
      concurrency: config.concurrency,
      queueLimit: config.queueLimit,
      // Fair between accounts (a hanging target costs its own account's share); jobs of an
      // older control plane carry no account: fair between monitors then.
      keyOf: (job) => job.account_id ?? job.monitor_id,
      // JobsServer put the deadline on this probe's clock.
      deadlineOf: (job) => job.deadline,
      now: () => clock.nowMs(),
      run: (job) => this.run(job),
      onDrop: (job, reason) => this.dropped(job, reason),
      onBackpressure: (paused) => {
        this.log.warn(
          { paused, queued: this.executor.queued, in_flight: this.executor.inFlight },
          paused ? 'queue full: jobs that cannot start by their deadline are dropped' : 'queue below half',
        );
        for (const l of this.backpressureListeners) l(paused);
      },
      onError: (job, e) =>
        this.log.error({ err: (e as Error)?.message, job_id: job.job_id }, 'job failed unexpectedly'),
    });
    this.received = metrics.jobsReceived.labels({ region: config.region });
    metrics.sample(metrics.inFlight, () => this.executor.inFlight);
    metrics.sample(metrics.queueDepth, () => this.executor.queued);
    metrics.sample(metrics.paused, () => (this.executor.isPaused ? 1 : 0));
  }

  /** Waits for the check workers to load: a worker that cannot start fails the probe's start. */
  async onModuleInit(): Promise<void> {
    if (!this.pool) return;
    await this.pool.ready();
    this.log.info({ workers: this.pool.size }, 'check workers ready');
  }

  /** After the drain (app.close()): stops the check workers. */
  async onApplicationShutdown(): Promise<void> {
    if (!this.pool) return;
    const unfinished = await this.pool.close(WORKERS_CLOSE_GRACE_MS);
    this.log.info({ workers: this.pool.size, unfinished }, 'check workers stopped');
  }

  get inFlight(): number {
    return this.executor.inFlight;
  }

  get queued(): number {
    return this.executor.queued;
  }

  get capacity(): number {
    return this.executor.capacity;
  }

  get isPaused(): boolean {
    return this.executor.isPaused;
  }

  onBackpressure(listener: (paused: boolean) => void): void {
    this.backpressureListeners.push(listener);
  }

  /** Accepts a validated job of this region. */
  submit(job: JobV1): SubmitOutcome {
    this.received.inc();
    return this.executor.submit(job);
  }

  /** Counts a job that was not accepted before reaching the executor. */
  reject(job: Pick<JobV1, 'job_id' | 'region' | 'monitor_id' | 'round'>, reason: DropReason | 'wrong_region'): void {
    this.metrics.jobsDropped.inc({ region: this.config.region, reason });
    this.log.warn(
      { job_id: job.job_id, monitor_id: job.monitor_id, round: job.round, job_region: job.region, reason },
      'job dropped',
    );
  }

  /**
   * Stops accepting jobs and waits for running and queued ones (queued jobs still
   * respect their deadlines). Returns false when `timeoutMs` passed first; the running
   * checks are then aborted and their results not published.
   */
  async drain(timeoutMs: number): Promise<boolean> {
    this.executor.stop();
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      this.executor.whenIdle().then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
    ]);
    clearTimeout(timer);
    if (!finished) {
      this.abort.abort();
      this.pool?.abort();
    }
    return finished;
  }

  private async run(job: JobV1): Promise<void> {
    // On the control plane's clock when this probe's is off by more than the threshold.
    const startedAt = new Date(this.clock.controlPlaneNowMs());
    const t0 = performance.now();
    // In-region retries (libs/checks retry.ts): every attempt ends before the round's deadline,
    // the job's start-by time plus the check's timeout (both on this probe's clock).
    const budgetMs = job.deadline + job.check.timeout_ms - this.clock.nowMs();
    const { outcome, attempts } = await runWithRetries(job.check, job.retries ?? 0, budgetMs, {
      run: (spec) => this.runCheck(spec),
      sleep: (ms) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref()),
      now: () => performance.now(),
      aborted: () => this.abort.signal.aborted,
    });
    const seconds = (performance.now() - t0) / 1000;
    if (this.abort.signal.aborted) return; // an aborted check says nothing about the target
    if (outcome instanceof LostCheck) {
      // Nor does a check whose worker died: no result, so the region is unknown for this round.
      this.metrics.jobsDropped.inc({ region: this.config.region, reason: 'worker_lost' });
      this.log.warn(
        { job_id: job.job_id, monitor_id: job.monitor_id, round: job.round, reason: outcome.reason },
        'check lost',
      );
      return;
    }
    const series = this.seriesOf(job.check.type);
    (outcome.is_up ? series.up : series.down).inc();
    series.duration.observe(seconds);
    this.publisher.publish(this.toResult(job, startedAt, outcome, attempts), job.result_tag);
  }

  /** The labelled series of one check type, resolved once (labels are hashed on every call otherwise). */
  private seriesOf(type: string): CheckSeries {
    let s = this.series.get(type);
    if (!s) {
      const region = this.config.region;
      s = {
        up: this.metrics.checks.labels({ region, type, outcome: 'up' }),
        down: this.metrics.checks.labels({ region, type, outcome: 'down' }),
        duration: this.metrics.checkDuration.labels({ region, type }),
      };
      this.series.set(type, s);
    }
    return s;
  }

  private toResult(job: JobV1, startedAt: Date, o: CheckOutcome, attempts: AttemptV1[] | null = null): ResultV1 {
    const result: ResultV1 = {
      v: 1,
      job_id: job.job_id,
      monitor_id: job.monitor_id,
      round: job.round,
      region: this.config.region,
      probe_id: this.config.probeId,
      probe_version: this.config.version,
      scheduled_at: job.scheduled_at,
      started_at: startedAt.toISOString(),
      is_up: o.is_up,
      status_code: o.status_code,
      response_ms: o.response_ms,
      // Every string a target sent is made well-formed and cut on code-point boundaries:
      // half an emoji (a lone surrogate) is JSON that PostgreSQL's jsonb refuses.
      error: o.error === null ? null : cutText(cleanText(o.error), RESULT_TEXT_CHARS),
      phases: o.phases,
      response_headers: o.response_headers === null ? null : cleanHeaders(o.response_headers),
      response_body: o.response_body === null ? null : cutText(cleanText(o.response_body), RESULT_TEXT_CHARS),
    };
    if (o.ssl_expiry !== undefined) result.ssl_expiry = o.ssl_expiry;
    if (o.ssl_issuer !== undefined)
      result.ssl_issuer = o.ssl_issuer === null ? null : cutText(cleanText(o.ssl_issuer), 512);
    if (o.warn !== undefined) result.warn = o.warn;
    if (o.details !== undefined) result.details = o.details === null ? null : cleanDeep(o.details);
    if (attempts) result.attempts = attempts;
    return result;
  }

  private dropped(job: JobV1, reason: DropReason): void {
    this.metrics.jobsDropped.inc({ region: this.config.region, reason });
    this.log.warn(
      {
        job_id: job.job_id,
        monitor_id: job.monitor_id,
        round: job.round,
        reason,
        deadline: new Date(job.deadline).toISOString(),
      },
      'job dropped',
    );
  }
}

/** Response headers as a result carries them: at most RESULT_MAX_HEADERS, names and values well-formed and bounded. */
export function cleanHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers).slice(0, RESULT_MAX_HEADERS))
    out[cutText(cleanText(k), 256)] = cutText(cleanText(v), RESULT_HEADER_CHARS);
  return out;
}
