import { Inject, Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { Clock } from '../common/clock';
import type { Subscription } from 'nats';
import { cleanText, parsePresence, storableTime, type PresenceV1 } from '@parallax/contracts';
import { APP_CONFIG, AppConfig } from '../config/config';
import { MetricsService } from '../metrics/metrics.service';
import { NatsService } from '../nats/nats.service';
import { clockSkewSummary } from './clock-skew';
import { FleetHealthService } from './fleet-health.service';
import { regionUtilisation } from './fleet-health';
import { ProbesRepository } from './probes.repository';

/** How often received presence is written (one upsert for all of it). */
const PRESENCE_FLUSH_MS = 250;
/** Distinct probes whose announcements may wait for one flush. */
const MAX_PENDING = 10_000;

/** Listens to probe presence (stored in the probes table) and lists the regions' health. */
@Injectable()
export class RegionsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RegionsService.name);
  private sub?: Subscription;
  private done?: Promise<void>;
  /** Announcements received since the last flush, the latest per (region, probe id). */
  private pending = new Map<string, PresenceV1>();
  private flushTimer?: NodeJS.Timeout;
  private flushing?: Promise<void>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly probes: ProbesRepository,
    private readonly nats: NatsService,
    private readonly metrics: MetricsService,
    private readonly fleet: FleetHealthService,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    const names = this.nats.names;
    this.sub = this.nats.nc.subscribe(names.presenceWildcard);
    this.done = (async () => {
      for await (const m of this.sub!) {
        const parsed = parsePresence(m.data);
        if (!parsed.ok || parsed.value.region !== names.regionOf(m.subject)) {
          this.metrics.malformedMessages.inc({ kind: 'presence' });
          this.logger.warn(
            { subject: m.subject, error: parsed.ok ? 'region does not match subject' : parsed.error },
            'dropping presence message',
          );
          continue;
        }
        this.accept(parsed.value);
      }
    })();
    this.flushTimer = setInterval(() => void this.flush(), PRESENCE_FLUSH_MS);
  }

  /**
   * Queues an announcement for the next batched upsert (one statement per PRESENCE_FLUSH_MS
   * whatever the rate: a flood of presence cannot back up the event loop or the pool). At
   * most MAX_PENDING distinct probes wait; announcements of further new probes are dropped
   * until the next flush (counted as malformed presence).
   */
  private accept(p: PresenceV1): void {
    const k = `${p.region}\n${p.probe_id}`;
    if (!this.pending.has(k) && this.pending.size >= MAX_PENDING) {
      this.metrics.malformedMessages.inc({ kind: 'presence' });
      return;
    }
    this.pending.set(k, {
      ...p,
      probe_id: cleanText(p.probe_id),
      version: cleanText(p.version),
      started_at: storableTime(p.started_at) ?? this.clock.now().toISOString(),
    });
  }

  private async flush(): Promise<void> {
    if (this.flushing || !this.pending.size) return this.flushing;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    this.flushing = this.probes
      .upsertMany(batch, this.clock.now())
      .catch((err) =>
        this.logger.error({ err: (err as Error).message, probes: batch.length }, 'storing presence failed'),
      )
      .finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.sub?.unsubscribe();
    await this.done;
    clearInterval(this.flushTimer);
    await this.flushing;
    await this.flush();
  }

  /**
   * Each configured region with its health and what its online probes add up to (count,
   * versions, load); probes of unknown regions apart. Probe ids are infrastructure detail
   * and never shown to tenants: operators find them in `/metrics` (`parallax_probe_info`).
   */
  async list() {
    const health = await this.fleet.read();
    const ttl = this.config.presenceTtlSeconds * 1000;
    const probes = await this.probes.seenSince(new Date(this.clock.nowMs() - ttl));
    const online = probes.filter((p) => !p.leaving);
    const summary = (mine: typeof online) => {
      const load = {
        in_flight: mine.reduce((n, p) => n + p.inFlight, 0),
        queued: mine.reduce((n, p) => n + p.queued, 0),
        capacity: mine.reduce((n, p) => n + p.capacity, 0),
      };
      return {
        versions: [...new Set(mine.map((p) => p.version))].sort(),
        ...load,
        utilisation: regionUtilisation(load.in_flight, load.queued, load.capacity),
        clock_skew: clockSkewSummary(mine.map((p) => p.clockSkewMs)),
      };
    };
    const regions = health.regions.map((h) => ({
      id: h.region,
      healthy: h.healthy,
      unhealthy_since: h.unhealthySince?.toISOString() ?? null,
      receiving_jobs: h.receivingJobs,
      probes_online: h.probesOnline,
      ...summary(online.filter((p) => p.region === h.region)),
    }));
    const strangers = online.filter((p) => !this.config.regions.includes(p.region));
    const unknown = [...new Set(strangers.map((p) => p.region))].sort().map((region) => {
      const mine = strangers.filter((p) => p.region === region);
      return { region, probes_online: mine.length, ...summary(mine) };
    });
    return { regions, unknown_region_probes: unknown };
  }
}
