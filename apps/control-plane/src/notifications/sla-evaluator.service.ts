import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/transaction';
import type { MonitorEntity } from '../monitors/monitor.entity';
import { RoundsRepository } from '../scheduler/rounds.repository';
import type { NotificationPayload } from './events';
import { SystemOutboxRepository } from './system-outbox.repository';
import { slaNeedsWindow, slaStep } from './sla';

/** The SLA of a monitor, evaluated by the outbox writer on each decided round (SPEC 3.5). */
@Injectable()
export class SlaEvaluator {
  constructor(
    private readonly repo: SystemOutboxRepository,
    private readonly rounds: RoundsRepository,
  ) {}

  /**
   * Evaluates the SLA on a decided round (rules in sla.ts): reads the breach state, reads the
   * window only when the round can change it, stores the new state, and answers the
   * `sla.breach` payload when it fires.
   */
  async evaluate(tx: Tx, m: MonitorEntity, down: boolean, at: Date): Promise<NotificationPayload['sla'] | null> {
    const breached = await this.repo.slaBreached(tx, m.id);
    if (!slaNeedsWindow(breached, down)) return null;
    const since = new Date(at.getTime() - m.slaWindowDays * 86_400_000);
    const { total, down: failed } = await this.rounds.outcomeCounts(tx, m.id, since);
    const step = slaStep(breached, total, failed, m.slaTarget!);
    if (step.kind === 'unchanged') return null;
    await this.repo.setSlaBreached(tx, m.id, step.kind === 'breach');
    return step.kind === 'breach'
      ? { target_percent: m.slaTarget!, window_days: m.slaWindowDays, uptime_percent: step.uptimePercent }
      : null;
  }
}
