import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Clock, monotonicMs } from '../common/clock';
import { PeriodicTask } from '../common/periodic-task';
import { TransactionRunner } from '../database/transaction';
import { MetricsService } from '../metrics/metrics.service';
import { dayOf } from './partitions';
import { RollupsRepository } from './rollups.repository';
import { DAY_MS, foldedUntil } from './window';

const FOLD_EVERY_MS = 60_000;
/** Monitors folded per transaction (their rows stay locked for its length). */
const CHUNK = 100;

/**
 * Builds daily rollups from hourly ones once a day has closed, off the ingestion path:
 * ingestion writes one rollup row per result (hourly) instead of two. Every minute, each
 * replica folds, 100 monitors per transaction (disjoint across replicas: SKIP LOCKED),
 * every monitor whose daily rollups end before yesterday (UTC), and moves its
 * watermark (`rollup_folds`). Until a day is folded, window queries read its hourly rollups,
 * so answers never depend on the fold's progress. `parallax_rollup_fold_lag_seconds`: how
 * long ago the oldest unfolded day closed (0 when every closed day is folded).
 */
@Injectable()
export class RollupFoldService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RollupFoldService.name);
  private readonly task = new PeriodicTask(this.logger, 'rollup fold', FOLD_EVERY_MS, () => this.foldDue());

  constructor(
    private readonly tx: TransactionRunner,
    private readonly rollups: RollupsRepository,
    private readonly metrics: MetricsService,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start(0);
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** Folds one chunk of due monitors through the day before `now`'s; true when there may be more. */
  async foldDue(now = this.clock.nowMs()): Promise<boolean> {
    const through = dayOf(now - DAY_MS);
    const t0 = monotonicMs();
    const { folded, rows } = await this.tx.run(async (tx) => {
      const due = await this.rollups.lockDueForFold(tx, through, CHUNK);
      const written = await this.rollups.fold(tx, due, through);
      await this.rollups.markFolded(
        tx,
        due.map((m) => m.id),
        through,
      );
      return { folded: due.length, rows: written };
    });
    if (folded) {
      this.metrics.rollupFoldMonitors.inc(folded);
      this.metrics.rollupFoldDuration.observe((monotonicMs() - t0) / 1000);
      this.logger.log(
        { monitors: folded, daily_rows: rows, through, duration_ms: monotonicMs() - t0 },
        'daily rollups built from hourly ones',
      );
    }
    const oldest = await this.rollups.oldestFoldedThrough();
    // The oldest unfolded day starts at foldedUntil(oldest) and closes a day later.
    this.metrics.rollupFoldLag.set(oldest ? Math.max(0, now - (foldedUntil(oldest) + DAY_MS)) / 1000 : 0);
    return folded === CHUNK;
  }

  /**
   * Folds every due monitor, waiting for those another transaction holds (a pass skips
   * them: SKIP LOCKED); for tests. Gives up after `timeoutMs`.
   */
  async foldAll(now = this.clock.nowMs(), timeoutMs = 30_000): Promise<void> {
    const through = dayOf(now - DAY_MS);
    const giveUpAt = monotonicMs() + timeoutMs;
    for (;;) {
      if (await this.foldDue(now)) continue;
      const oldest = await this.rollups.oldestFoldedThrough();
      if (!oldest || oldest >= through) return;
      if (monotonicMs() > giveUpAt) throw new Error(`monitors still folded only through ${oldest}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
