import { Inject, Injectable } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { encode, natsNames, type PresenceV1 } from '@parallax/contracts';
import { PROBE_CONFIG, type ProbeConfig } from './config';
import { JobRunner } from './job.runner';
import { NatsService } from './nats.service';
import { ProbeClock } from './probe-clock';

/**
 * Announces the probe on `<prefix>.presence.<region>` (core NATS): once when it starts
 * taking jobs, every PRESENCE_INTERVAL_MS, and a last time with `leaving: true` on shutdown.
 */
@Injectable()
export class PresenceAnnouncer {
  private readonly subject: string;
  private readonly startedAt: string;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(PROBE_CONFIG) private readonly config: ProbeConfig,
    private readonly nats: NatsService,
    private readonly runner: JobRunner,
    @InjectPinoLogger('presence') private readonly log: PinoLogger,
    private readonly clock: ProbeClock,
  ) {
    this.startedAt = new Date(clock.nowMs()).toISOString();
    this.subject = natsNames(config.natsPrefix).presence(config.region);
  }

  start(): void {
    if (this.timer) return;
    this.announce(false);
    this.timer = setInterval(() => this.announce(false), this.config.presenceIntervalMs);
    this.timer.unref();
  }

  /** Stops the interval and sends the final `leaving` announcement. */
  async leave(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (!this.nats.isConnected) return;
    const nc = await this.nats.connection();
    try {
      nc.publish(this.subject, encode(this.message(true)));
      await nc.flush();
    } catch (e) {
      this.log.warn({ err: (e as Error).message }, 'leaving presence not sent');
    }
  }

  message(leaving: boolean): PresenceV1 {
    const m: PresenceV1 = {
      v: 1,
      region: this.config.region,
      probe_id: this.config.probeId,
      version: this.config.version,
      in_flight: this.runner.inFlight,
      queued: this.runner.queued,
      capacity: this.runner.capacity,
      started_at: this.startedAt,
      sent_at: new Date(this.clock.nowMs()).toISOString(),
    };
    if (leaving) m.leaving = true;
    const skew = this.clock.reportedSkewMs;
    if (skew !== undefined) m.clock_skew_ms = skew;
    return m;
  }

  private announce(leaving: boolean): void {
    if (!this.nats.isConnected) return;
    void this.nats.connection().then((nc) => {
      try {
        nc.publish(this.subject, encode(this.message(leaving)));
      } catch (e) {
        this.log.warn({ err: (e as Error).message }, 'presence not sent');
      }
    });
  }
}
