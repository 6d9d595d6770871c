import { Inject, Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import type { Subscription } from 'nats';
import { parsePresence } from '@parallax/contracts';
import { APP_CONFIG, AppConfig } from '../config/config';
import { MetricsService } from '../metrics/metrics.service';
import { NatsService } from '../nats/nats.service';
import { FleetHealthService } from './fleet-health.service';
import { ProbesRepository } from './probes.repository';

/** Listens to probe presence (stored in the probes table) and lists the regions' health. */
@Injectable()
export class RegionsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RegionsService.name);
  private sub?: Subscription;
  private done?: Promise<void>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly probes: ProbesRepository,
    private readonly nats: NatsService,
    private readonly metrics: MetricsService,
    private readonly fleet: FleetHealthService,
  ) {}

  onApplicationBootstrap(): void {
    const names = this.nats.names;
    this.sub = this.nats.nc.subscribe(names.presenceWildcard);
    this.done = (async () => {
      for await (const m of this.sub!) {
        const parsed = parsePresence(m.data);
        if (!parsed.ok || parsed.value.region !== names.regionOf(m.subject)) {
          this.metrics.malformedMessages.inc({ kind: 'presence' });
          this.logger.warn({ subject: m.subject, error: parsed.ok ? 'region does not match subject' : parsed.error }, 'dropping presence message');
          continue;
        }
        await this.probes.upsert(parsed.value).catch((err) => this.logger.error({ err, region: parsed.value.region, probe_id: parsed.value.probe_id }, 'storing presence failed'));
      }
    })();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.sub?.unsubscribe();
    await this.done;
  }

  /** Each configured region with its health and online probes; probes of unknown regions apart. */
  async list() {
    const health = await this.fleet.read();
    const ttl = this.config.presenceTtlSeconds * 1000;
    const probes = await this.probes.seenSince(new Date(Date.now() - ttl));
    const online = probes.filter((p) => !p.leaving);
    const view = (p: (typeof probes)[number]) => ({
      id: p.probeId,
      version: p.version,
      last_seen: p.lastSeenAt.toISOString(),
      started_at: p.startedAt.toISOString(),
      in_flight: p.inFlight,
      queued: p.queued,
      capacity: p.capacity,
    });
    const regions = health.regions.map((h) => {
      const mine = online.filter((p) => p.region === h.region);
      return {
        id: h.region,
        healthy: h.healthy,
        unhealthy_since: h.unhealthySince?.toISOString() ?? null,
        receiving_jobs: h.receivingJobs,
        probes_online: h.probesOnline,
        probes: mine.map(view),
      };
    });
    const unknown = online.filter((p) => !this.config.regions.includes(p.region)).map((p) => ({ region: p.region, ...view(p) }));
    return { regions, unknown_region_probes: unknown };
  }
}
