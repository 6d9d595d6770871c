import { Inject, Injectable } from '@nestjs/common';
import { CustomTransportStrategy, MessageHandler, NatsContext, Server } from '@nestjs/microservices';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import type { Msg, NatsConnection, NatsError, Subscription } from 'nats';
import { natsNames, parseJob, type JobV1, type ParseOutcome } from '@parallax/contracts';
import { PROBE_CONFIG, type ProbeConfig } from './config';
import { JobRunner } from './job.runner';
import { ProbeMetrics } from './metrics';
import { NatsService } from './nats.service';
import { localDeadline } from './clock-skew';
import { ProbeClock } from './probe-clock';

/** The event pattern the jobs controller listens to; the transport maps the region's subject onto it. */
export const JOB_EVENT = 'parallax.job.v1';

/**
 * Custom Nest transport for the probe's job intake.
 *
 * It subscribes to `<prefix>.jobs.<region>` in the region's queue group (so each job
 * runs on one probe of the region), validates every message with `parseJob`, counts and
 * drops malformed ones, and dispatches valid jobs of this region to the
 * `@EventPattern(JOB_EVENT)` handler. At capacity it stays in the queue group and keeps
 * its steady share of the region's jobs (no leave/rejoin cycle): the executor drops what
 * cannot start before its deadline, or beyond its hard cap, with a metric.
 *
 * It reuses the probe's own NATS connection instead of the stock NATS transport
 * because the stock one wraps payloads in Nest's `{pattern, data}` envelope, subscribes
 * per pattern with a fixed subject, and cannot pause a queue subscription.
 */
@Injectable()
export class JobsServer extends Server implements CustomTransportStrategy {
  private readonly subject: string;
  private readonly queue: string;
  private nc: NatsConnection | null = null;
  private sub: Subscription | null = null;
  private draining: Promise<void> = Promise.resolve();
  private accepting = false;
  private readonly regionLabel: { region: string };

  constructor(
    @Inject(PROBE_CONFIG) private readonly config: ProbeConfig,
    private readonly runner: JobRunner,
    private readonly metrics: ProbeMetrics,
    private readonly nats: NatsService,
    @InjectPinoLogger('jobs.server') private readonly log: PinoLogger,
    private readonly clock: ProbeClock,
  ) {
    super();
    const names = natsNames(config.natsPrefix);
    this.subject = names.jobs(config.region);
    this.queue = names.jobsQueue(config.region);
    this.regionLabel = { region: config.region };
  }

  /** Called by `app.startAllMicroservices()`: waits for NATS, then joins the queue group. */
  async listen(callback: (...optionalParams: unknown[]) => void): Promise<void> {
    try {
      this.nc = await this.nats.connection();
      this.accepting = true;
      this.subscribe();
      await this.nc.flush(); // the server has the subscription before we report ready
      this.log.info({ subject: this.subject, queue: this.queue }, 'taking jobs');
      callback();
    } catch (e) {
      callback(e);
    }
  }

  /** Leaves the queue group; messages already delivered to this probe are still handled. */
  async stopIntake(): Promise<void> {
    this.accepting = false;
    this.unsubscribe();
    await this.draining;
  }

  async close(): Promise<void> {
    await this.stopIntake();
  }

  on(): void {
    // No transport events to expose: connection status is handled by NatsService.
  }

  unwrap<T>(): T {
    if (!this.nc) throw new Error('JobsServer is not listening');
    return this.nc as T;
  }

  /**
   * The base class parses every incoming pattern as JSON first (a thrown SyntaxError
   * per message for a plain string pattern); our one pattern is looked up directly.
   */
  override getHandlerByPattern(pattern: string): MessageHandler | null {
    if (pattern === JOB_EVENT) return this.messageHandlers.get(JOB_EVENT) ?? null;
    return super.getHandlerByPattern(pattern);
  }

  private subscribe(): void {
    if (!this.nc || this.nc.isClosed()) return;
    this.sub = this.nc.subscribe(this.subject, {
      queue: this.queue,
      callback: (err, msg) => this.onMessage(err, msg),
    });
  }

  private unsubscribe(): void {
    const sub = this.sub;
    if (!sub) return;
    this.sub = null;
    const previous = this.draining;
    const done = sub
      .drain()
      .catch((e: Error) => this.log.warn({ err: e.message }, 'could not drain the jobs subscription'));
    this.draining = Promise.all([previous, done]).then(() => undefined);
  }

  private onMessage(err: NatsError | null, msg: Msg): void {
    if (err) {
      this.log.error({ err: err.message }, 'jobs subscription error');
      return;
    }
    const parsed = decodeJob(msg.data);
    if (!parsed.ok) {
      const reason = parsed.error.startsWith('not JSON') ? 'json' : 'schema';
      this.metrics.malformed.inc({ ...this.regionLabel, reason });
      this.log.warn(
        { subject: msg.subject, reason, error: parsed.error, bytes: msg.data.length },
        'malformed job message dropped',
      );
      return;
    }
    const receivedAt = this.clock.nowMs();
    if (parsed.value.sent_at !== undefined) this.clock.observeJob(parsed.value.sent_at, receivedAt);
    // From here on the job's deadline is on this probe's clock: counted from arrival
    // (`ttl_ms`), or the control plane's deadline moved by the estimated skew.
    const job: JobV1 = { ...parsed.value, deadline: localDeadline(parsed.value, receivedAt, this.clock.skewMs) };
    if (job.region !== this.config.region) {
      this.runner.reject(job, 'wrong_region');
      return;
    }
    this.handleEvent(JOB_EVENT, { pattern: JOB_EVENT, data: job }, new NatsContext([msg.subject, msg.headers])).catch(
      (e: Error) => this.log.error({ err: e.message, job_id: job.job_id }, 'job handler failed'),
    );
  }
}

/**
 * `parseJob`, also accepting Nest's ClientProxy envelope `{"pattern": …, "data": <job>}`
 * in case a publisher uses `ClientNats.emit`.
 */
export function decodeJob(payload: Uint8Array): ParseOutcome<JobV1> {
  const direct = parseJob(payload);
  if (direct.ok || direct.error.startsWith('not JSON')) return direct;
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(payload).toString('utf8'));
  } catch {
    return direct;
  }
  if (raw !== null && typeof raw === 'object' && 'pattern' in raw && 'data' in raw) {
    const inner = parseJob(JSON.stringify((raw as { data: unknown }).data));
    if (inner.ok) return inner;
  }
  return direct;
}
