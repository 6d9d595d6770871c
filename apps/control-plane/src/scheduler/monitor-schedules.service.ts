import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/transaction';
import type { MonitorEntity } from '../monitors/monitor.entity';
import { RoundsRepository, ScheduleAdvance } from './rounds.repository';

/**
 * The scheduler context's answer to other contexts that move a monitor's schedule, inside
 * their transactions (they hold the monitor's lock): the monitors context places it (create,
 * re-time, pause, resume), the heartbeat sweep advances it as it claims, decisions bring a
 * confirmation round forward. `monitor_schedule` keeps one writing context.
 */
@Injectable()
export class MonitorSchedules {
  constructor(private readonly rounds: RoundsRepository) {}

  /** Stores these monitors' `schedule` (paused ones: no due time). */
  async place(tx: Tx, monitors: MonitorEntity[]): Promise<void> {
    const rows = monitors.flatMap((m) =>
      m.schedule ? [{ ...m.schedule, monitorId: m.id, nextDueAt: m.paused ? null : m.schedule.nextDueAt }] : [],
    );
    await this.rounds.placeSchedules(tx, rows);
  }

  /** Claimed monitors' cursors (the heartbeat sweep; the scheduler's own claims write them directly). */
  async advance(tx: Tx, rows: ScheduleAdvance[]): Promise<void> {
    await this.rounds.advanceSchedules(tx, rows);
  }

  /** A confirmation round due at once (decisions/confirmation.ts): the next round no later than `at`. */
  async dueBy(tx: Tx, at: ReadonlyMap<string, Date>): Promise<void> {
    await this.rounds.dueBy(tx, at);
  }
}
