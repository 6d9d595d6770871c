import { Inject, Injectable, type INestApplication } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { PROBE_CONFIG, type ProbeConfig } from './config';
import { Lifecycle } from './health';
import { JobRunner } from './job.runner';
import { JobsServer } from './jobs.server';
import { NatsService } from './nats.service';
import { PresenceAnnouncer } from './presence';
import { ResultsPublisher } from './results.publisher';

/** Longest wait for pending result publishes once the checks are done. */
const FLUSH_TIMEOUT_MS = 30_000;

/**
 * Graceful shutdown on SIGTERM/SIGINT: leave the queue group, finish in-flight and
 * still-valid queued checks, wait (bounded) for their results to be acknowledged, send
 * the `leaving` presence, close NATS and the HTTP server, exit 0.
 */
@Injectable()
export class ShutdownService {
  private started: Promise<number> | null = null;

  constructor(
    @Inject(PROBE_CONFIG) private readonly config: ProbeConfig,
    private readonly lifecycle: Lifecycle,
    private readonly jobs: JobsServer,
    private readonly runner: JobRunner,
    private readonly publisher: ResultsPublisher,
    private readonly presence: PresenceAnnouncer,
    private readonly nats: NatsService,
    @InjectPinoLogger('shutdown') private readonly log: PinoLogger,
  ) {}

  /** Installs the signal handlers; the process exits when the shutdown is done. */
  install(app: INestApplication): void {
    const onSignal = (signal: NodeJS.Signals) => {
      if (this.started) {
        this.log.warn({ signal }, 'already shutting down');
        return;
      }
      void this.shutdown(app, signal).then((code) => process.exit(code));
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  }

  shutdown(app: INestApplication, reason: string): Promise<number> {
    this.started ??= this.run(app, reason);
    return this.started;
  }

  private async run(app: INestApplication, reason: string): Promise<number> {
    const t0 = Date.now();
    const deadline = t0 + this.config.shutdownTimeoutMs;
    this.lifecycle.shuttingDown = true;
    this.log.info(
      { reason, in_flight: this.runner.inFlight, queued: this.runner.queued },
      'shutting down: no new jobs',
    );
    let code = 0;
    try {
      await this.jobs.stopIntake();
      const finished = await this.runner.drain(Math.max(1000, deadline - Date.now() - 5000));
      if (!finished)
        this.log.error(
          { timeout_ms: this.config.shutdownTimeoutMs },
          'checks still running at the shutdown timeout were aborted',
        );
      const left = await this.publisher.flush(Math.min(FLUSH_TIMEOUT_MS, Math.max(1000, deadline - Date.now())));
      this.publisher.close();
      if (left > 0) this.log.error({ pending: left }, 'results not acknowledged before shutdown');
      await this.presence.leave();
      await this.nats.close();
      await app.close();
    } catch (e) {
      this.log.error({ err: (e as Error).message }, 'shutdown failed');
      code = 1;
    }
    this.log.info({ duration_ms: Date.now() - t0, code }, 'probe stopped');
    return code;
  }
}
