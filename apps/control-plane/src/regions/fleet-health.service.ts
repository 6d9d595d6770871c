import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleInit,
} from '@nestjs/common';
import { Clock } from '../common/clock';
import { PeriodicTask } from '../common/periodic-task';
import { APP_CONFIG, AppConfig } from '../config/config';
import { MetricsService } from '../metrics/metrics.service';
import { clockSkewSummary } from './clock-skew';
import { FleetHealth, fleetHealth, RegionHealth } from './fleet-health';
import { ProbesRepository } from './probes.repository';

/** How often each replica re-reads the probes table (every replica writes presence to it). */
export const FLEET_REFRESH_MS = 1_000;
/** Probes not seen for a day are forgotten (a row per probe process start otherwise). */
const PRUNE_EVERY_MS = 3600_000;
const FORGET_AFTER_MS = 86400_000;

/**
 * The fleet's health as this replica last read it from the probes table, refreshed
 * every second: the scheduler asks it (synchronously, from memory) which regions get
 * jobs. Keeps the fleet gauges current and logs each region's transitions.
 */
/** Bound of `parallax_probe_info` series (a region announcing many ids cannot blow up the scrape). */
const MAX_PROBE_SERIES = 1000;

@Injectable()
export class FleetHealthService implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('FleetHealth');
  private readonly bootAt: number;
  private readonly task: PeriodicTask;
  private current?: FleetHealth;
  private byRegion = new Map<string, RegionHealth>();
  private lastPrune = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly probes: ProbesRepository,
    private readonly metrics: MetricsService,
    private readonly clock: Clock,
  ) {
    this.bootAt = clock.nowMs();
    this.task = new PeriodicTask(this.logger, 'fleet health refresh', FLEET_REFRESH_MS, async () => {
      await this.refresh();
      return false;
    });
  }

  /** A first reading before the scheduler starts. */
  async onModuleInit(): Promise<void> {
    await this.refresh().catch((err) => this.logger.error({ err }, 'reading fleet health failed'));
  }

  onApplicationBootstrap(): void {
    this.task.start(FLEET_REFRESH_MS);
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** The last reading (undefined before the first one). */
  get snapshot(): FleetHealth | undefined {
    return this.current;
  }

  /**
   * Whether the scheduler sends this region jobs. A region the control plane does not
   * know never gets any; before the first reading every configured region does.
   */
  receivingJobs(region: string): boolean {
    if (!this.config.regions.includes(region)) return false;
    return this.byRegion.get(region)?.receivingJobs ?? true;
  }

  /** Reads the probes table, updates the cache and the gauges, and logs transitions. */
  async refresh(): Promise<FleetHealth> {
    await this.pruneOccasionally();
    const next = await this.read();
    this.apply(next);
    await this.exportProbes();
    return next;
  }

  /** A fresh reading of the probes table, without side effects (for GET /regions). */
  async read(): Promise<FleetHealth> {
    const now = this.clock.nowMs();
    const ttlMs = this.config.presenceTtlSeconds * 1000;
    const presence = await this.probes.regionPresence(new Date(now - ttlMs));
    return fleetHealth({
      configuredRegions: this.config.regions,
      presence,
      now,
      bootAt: this.bootAt,
      ttlMs,
      graceMs: this.config.regionGraceSeconds * 1000,
    });
  }

  private apply(next: FleetHealth): void {
    const previous = this.current;
    for (const r of next.regions) {
      this.metrics.probesOnline.set({ region: r.region }, r.probesOnline);
      this.metrics.regionHealthy.set({ region: r.region }, r.healthy ? 1 : 0);
      this.metrics.regionReceivingJobs.set({ region: r.region }, r.receivingJobs ? 1 : 0);
      const before = this.byRegion.get(r.region);
      if (!before) {
        // First reading: at boot no presence may have arrived yet; the grace covers that.
        if (!r.receivingJobs)
          this.logger.warn(
            { region: r.region, unhealthy_since: r.unhealthySince?.toISOString() },
            'region has no probe online: not receiving jobs',
          );
        continue;
      }
      if (before.healthy && !r.healthy)
        this.logger.warn(
          {
            region: r.region,
            unhealthy_since: r.unhealthySince?.toISOString(),
            grace_seconds: this.config.regionGraceSeconds,
          },
          'region has no probe online',
        );
      if (before.receivingJobs && !r.receivingJobs)
        this.logger.warn(
          { region: r.region, unhealthy_since: r.unhealthySince?.toISOString() },
          'region stopped receiving jobs: its rounds count it as unknown',
        );
      if (!before.healthy && r.healthy)
        this.logger.log(
          { region: r.region, probes_online: r.probesOnline, unhealthy_since: before.unhealthySince?.toISOString() },
          'region healthy again: receiving jobs',
        );
    }
    this.metrics.unknownRegionProbes.set(next.unknownRegionProbes);
    const known = new Set(previous?.unknownRegions ?? []);
    for (const region of next.unknownRegions) {
      if (!known.has(region))
        this.logger.warn(
          { region, configured_regions: this.config.regions },
          'probe announces a region this control plane does not know: not trusted, its results are refused',
        );
    }
    this.current = next;
    this.byRegion = new Map(next.regions.map((r) => [r.region, r]));
  }

  /** The operators' view of the fleet: one `parallax_probe_info` series per probe online. */
  private async exportProbes(): Promise<void> {
    const probes = await this.probes.seenSince(new Date(this.clock.nowMs() - this.config.presenceTtlSeconds * 1000));
    this.metrics.probeInfo.reset();
    for (const p of probes.filter((x) => !x.leaving).slice(0, MAX_PROBE_SERIES))
      this.metrics.probeInfo.set({ region: p.region, probe_id: p.probeId, version: p.version }, 1);
    const online = probes.filter((x) => !x.leaving);
    for (const region of this.config.regions) {
      this.metrics.probeClockSkew.set(
        { region },
        clockSkewSummary(online.filter((p) => p.region === region).map((p) => p.clockSkewMs)).max_ms / 1000,
      );
    }
  }

  private async pruneOccasionally(): Promise<void> {
    const now = this.clock.nowMs();
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    await this.probes.prune(new Date(now - FORGET_AFTER_MS));
  }
}
