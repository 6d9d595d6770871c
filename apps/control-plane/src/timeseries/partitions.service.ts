import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleInit,
} from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Clock } from '../common/clock';
import { PeriodicTask } from '../common/periodic-task';
import { MetricsService } from '../metrics/metrics.service';
import { dayOf, planPartitions, retentionCutoff } from './partitions';
import { PARTITIONED_TABLES, PartitionsRepository } from './partitions.repository';
import { RollupsRepository } from './rollups.repository';

const MAINTAIN_EVERY_MS = 15 * 60_000;

/**
 * Keeps the daily partitions of the results and rounds tables: at start (before ingestion consumes
 * anything) and every 15 minutes it creates yesterday's, today's and the next
 * PARTITIONS_AHEAD_DAYS days' partitions, and drops whole partitions older than
 * RETENTION_DAYS (with the rollups of those days). Ingestion asks for the partition
 * of an older day when a late result needs it.
 */
@Injectable()
export class PartitionsService implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(PartitionsService.name);
  private readonly known = new Set<string>();
  private readonly task = new PeriodicTask(this.logger, 'partition maintenance', MAINTAIN_EVERY_MS, async () => {
    await this.maintain();
    return false;
  });

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly partitions: PartitionsRepository,
    private readonly rollups: RollupsRepository,
    private readonly metrics: MetricsService,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.maintain();
  }

  onApplicationBootstrap(): void {
    this.task.start(MAINTAIN_EVERY_MS);
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** One maintenance pass at `now`; returns what it created and dropped. */
  async maintain(now = this.clock.nowMs()): Promise<{ created: string[]; dropped: string[] }> {
    const existing = await this.partitions.list();
    // A day counts as existing when every partitioned table has it (else it is created, IF NOT EXISTS);
    // a day any table still has is dropped from all once it is past the retention.
    const complete = [...existing]
      .filter(([, tables]) => tables.size === PARTITIONED_TABLES.length)
      .map(([day]) => day);
    const create = planPartitions(complete, now, this.config.retentionDays, this.config.partitionsAheadDays).create;
    const drop = planPartitions(
      [...existing.keys()],
      now,
      this.config.retentionDays,
      this.config.partitionsAheadDays,
    ).drop;
    await this.partitions.apply(create, drop);
    if (drop.length) await this.rollups.deleteBefore(new Date(retentionCutoff(now, this.config.retentionDays)));
    this.known.clear();
    for (const d of [...complete.filter((d) => !drop.includes(d)), ...create]) this.known.add(d);
    this.metrics.resultPartitions.set(this.known.size);
    if (drop.length) this.metrics.partitionsDropped.inc(drop.length);
    if (create.length || drop.length)
      this.logger.log({ created: create, dropped: drop }, 'result and round partitions maintained');
    return { created: create, dropped: drop };
  }

  /** The first day kept, as a time: older results are past the retention and not stored. */
  cutoff(now = this.clock.nowMs()): Date {
    return new Date(retentionCutoff(now, this.config.retentionDays));
  }

  /** Whether the partition of this time is known to exist. */
  has(t: Date): boolean {
    return this.known.has(dayOf(t));
  }

  /** Makes sure the partitions of these times exist (a late result of an older day, rounds written for a past day, or a clock ahead). */
  async ensureFor(times: Date[]): Promise<void> {
    const missing = [...new Set(times.map(dayOf))].filter((d) => !this.known.has(d));
    if (!missing.length) return;
    const existing = await this.partitions.list();
    await this.partitions.apply(
      missing.filter((d) => existing.get(d)?.size !== PARTITIONED_TABLES.length),
      [],
    );
    for (const d of missing) this.known.add(d);
    this.metrics.resultPartitions.set(this.known.size);
  }
}
