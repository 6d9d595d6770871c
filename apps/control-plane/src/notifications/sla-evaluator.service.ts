import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/transaction';
import type { MonitorEntity } from '../monitors/monitor.entity';
import { RoundsRepository } from '../scheduler/rounds.repository';
import type { NotificationPayload } from './events';
import { NotificationsRepository } from './notifications.repository';

/** The SLA of a monitor, evaluated by the outbox writer on each decided round (SPEC 3.5). */
@Injectable()
export class SlaEvaluator {
  constructor(
    private readonly repo: NotificationsRepository,
    private readonly rounds: RoundsRepository,
  ) {}

  /**
   * SLA: uptime over the monitor's window from round outcomes (down rounds fail, rounds
   * without data do not count). Fires once when uptime falls below the target; re-arms
   * when it is back at or above it. Only down rounds can breach, so the window query runs
   * on a down round while not breached, or on any other round while breached.
   */
  async evaluate(tx: Tx, m: MonitorEntity, down: boolean, at: Date): Promise<NotificationPayload['sla'] | null> {
    const breached = await this.repo.slaBreached(tx, m.id);
    if (down === breached) return null;
    const since = new Date(at.getTime() - m.slaWindowDays * 86_400_000);
    const { total, down: failed } = await this.rounds.outcomeCounts(tx, m.id, since);
    const uptime = total === 0 ? 100 : ((total - failed) / total) * 100;
    const now = uptime < m.slaTarget!;
    if (now === breached) return null;
    await this.repo.setSlaBreached(tx, m.id, now);
    return now ? { target_percent: m.slaTarget!, window_days: m.slaWindowDays, uptime_percent: Math.round(uptime * 1000) / 1000 } : null;
  }
}
