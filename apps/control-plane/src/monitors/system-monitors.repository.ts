import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Tx } from '../database/transaction';
import { RollupFoldEntity } from '../timeseries/rollup-fold.entity';
import { foldedThroughSql } from '../timeseries/rollup-sql';
import { MonitorStateEntity } from '../decisions/monitor-state.entity';
import { MonitorEntity } from './monitor.entity';

/**
 * The monitors table for background work, across accounts (not on behalf of a request):
 * ingestion and decisions lock monitors (and read them with their decision read model,
 * `monitor_state`, which decisions write), the dispatcher clears an alert target that
 * answered 410 Gone. Never
 * used by controllers or request-scoped services (eslint `no-restricted-imports`); they use
 * `MonitorsRepository`, whose methods take the account id.
 */
@Injectable()
export class SystemMonitorsRepository {
  constructor(@InjectRepository(MonitorEntity) private readonly repo: Repository<MonitorEntity>) {}

  /**
   * Locks monitors for ingestion and decisions, always in id order and always FOR NO KEY
   * UPDATE (which does not conflict with the key-share locks that inserting rounds or
   * results takes through their foreign keys). Every transaction that locks a monitor and
   * its rounds takes the monitor first, so they cannot deadlock. `skipLocked` for sweeps.
   * Returns the monitors that exist (and were not skipped).
   */
  async lockForResults(
    tx: Tx,
    ids: string[],
    skipLocked = false,
  ): Promise<{ id: string; accountId: string; rollupsFoldedThrough: string }[]> {
    if (!ids.length) return [];
    const locked: { id: string; account_id: string }[] = await tx.query(
      `SELECT id, account_id FROM monitors WHERE id = ANY($1::text[]) ORDER BY id FOR NO KEY UPDATE${skipLocked ? ' SKIP LOCKED' : ''}`,
      [[...new Set(ids)].sort()],
    );
    if (!locked.length) return [];
    // The fold watermark (rollup_folds, timeseries) is read by a statement that starts once the
    // locks are held, never in the locking one: that statement's snapshot may predate a fold that
    // committed while it waited (PostgreSQL re-reads only the locked rows then), and its result
    // would be counted twice or not at all. The fold holds the same monitor lock while it moves it.
    const folds: { id: string; folded: string }[] = await tx.query(
      `SELECT m.id, ${foldedThroughSql('m', 'f')}::text AS folded FROM monitors m LEFT JOIN rollup_folds f ON f.monitor_id = m.id WHERE m.id = ANY($1::text[])`,
      [locked.map((r) => r.id)],
    );
    const folded = new Map(folds.map((r) => [r.id, r.folded]));
    return locked.map((r) => ({ id: r.id, accountId: r.account_id, rollupsFoldedThrough: folded.get(r.id)! }));
  }

  /**
   * Monitors (whole rows) locked FOR NO KEY UPDATE in id order (the callers of decisions already
   * hold them: lockForResults), with their fold watermark and their decision read model
   * (`monitor_state`, decisions') joined, read in a statement of their own once the locks are
   * held: a locking statement's snapshot may predate a write committed while it waited. The
   * state row itself is not locked: its only writer (decisions) always holds the monitor's lock.
   */
  async lockForDecisions(tx: Tx, ids: string[]): Promise<MonitorEntity[]> {
    if (!ids.length) return [];
    const sorted = [...new Set(ids)].sort();
    await tx.query(`SELECT id FROM monitors WHERE id = ANY($1::text[]) ORDER BY id FOR NO KEY UPDATE`, [sorted]);
    return tx
      .getRepository(MonitorEntity)
      .createQueryBuilder('m')
      .leftJoinAndMapOne('m.fold', RollupFoldEntity, 'fold', 'fold.monitor_id = m.id')
      .leftJoinAndMapOne('m.state', MonitorStateEntity, 'st', 'st.monitor_id = m.id')
      .where('m.id IN (:...ids)', { ids: sorted })
      .orderBy('m.id', 'ASC')
      .getMany();
  }

  /** Clears one of a monitor's alert targets if it still is `value` (its endpoint answered 410 Gone). */
  async clearAlertTarget(
    monitorId: string,
    field: 'webhookUrl' | 'alertSlackWebhook' | 'alertDiscordWebhook',
    value: string,
  ): Promise<void> {
    await this.repo.update({ id: monitorId, [field]: value }, { [field]: '' });
  }
}
