import { Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction';
import { RoundsRepository } from '../scheduler/rounds.repository';
import { DecisionService } from './decision.service';
import { IngestionProgress } from './ingestion-progress';

const SWEEP_MS = 250;
const BATCH = 200;

/**
 * Decides rounds whose deadline passed before every region answered. Replicas share
 * the work (SKIP LOCKED). Starts once ingestion has caught up with the stream.
 */
@Injectable()
export class DeadlineService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeadlineService.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly rounds: RoundsRepository,
    private readonly decisions: DecisionService,
    private readonly tx: TransactionRunner,
    private readonly progress: IngestionProgress,
  ) {}

  onApplicationBootstrap(): void {
    void this.progress.caughtUp.then(() => this.loop(0));
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private loop(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.sweep()
        .then((n) => this.loop(n >= BATCH ? 0 : SWEEP_MS))
        .catch((err) => {
          this.logger.error({ err }, 'deadline sweep failed');
          this.loop(SWEEP_MS);
        });
    }, delay);
  }

  async sweep(): Promise<number> {
    return this.tx.run(async (tx) => {
      const expired = await this.rounds.lockExpired(tx, BATCH);
      for (const round of expired) await this.decisions.decideLocked(tx, round);
      return expired.length;
    });
  }
}
