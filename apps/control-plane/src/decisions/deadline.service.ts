import { Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { Clock } from '../common/clock';
import { PeriodicTask } from '../common/periodic-task';
import { RESULT_ACK_WAIT_MS } from '../nats/nats.service';
import { BackgroundTransactionRunner } from '../database/transaction';
import { RoundsRepository } from '../scheduler/rounds.repository';
import { SystemMonitorsRepository } from '../monitors/system-monitors.repository';
import { DecisionService } from './decision.service';
import { IngestionProgress } from './ingestion-progress';

const SWEEP_MS = 250;
const BATCH = 200;
/** Past a deadline, how long to wait for results redelivered from a replica that died: ack_wait plus a margin for the pull. */
const REDELIVERY_WAIT_MS = RESULT_ACK_WAIT_MS + 2_000;

/**
 * Decides rounds whose deadline passed before every region answered. Replicas share
 * the work (SKIP LOCKED). Starts once ingestion has caught up with the stream, and
 * waits REDELIVERY_WAIT_MS past each deadline: a result held by a replica that died
 * is redelivered within that time and still counts. While a results stream has a backlog,
 * a deadline counts as passed only once results published after it have been received
 * (IngestionProgress.horizon).
 */
@Injectable()
export class DeadlineService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeadlineService.name);
  private readonly task = new PeriodicTask(
    this.logger,
    'deadline sweep',
    SWEEP_MS,
    async () => (await this.sweep()) >= BATCH,
  );

  constructor(
    private readonly rounds: RoundsRepository,
    private readonly monitors: SystemMonitorsRepository,
    private readonly decisions: DecisionService,
    private readonly tx: BackgroundTransactionRunner,
    private readonly progress: IngestionProgress,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    void this.progress.caughtUp.then(() => this.task.start());
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  async sweep(): Promise<number> {
    return this.tx.run(async (tx) => {
      // Lock order as in ingestion: monitors (in id order, skipping those another
      // transaction holds), then their rounds.
      // Deadlines are judged against the time up to which results have been received: while
      // a results stream has a backlog, a round's results may still wait in it.
      const now = new Date(this.progress.horizon(this.clock.nowMs()));
      const candidates = await this.rounds.monitorsWithExpired(tx, BATCH, REDELIVERY_WAIT_MS, now);
      const locked = await this.monitors.lockForResults(tx, candidates, true);
      const expired = await this.rounds.lockExpired(
        tx,
        locked.map((m) => m.id),
        BATCH,
        REDELIVERY_WAIT_MS,
        now,
      );
      await this.decisions.decideMany(tx, expired);
      return expired.length;
    });
  }
}
