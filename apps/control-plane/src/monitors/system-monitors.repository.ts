import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Tx } from '../database/transaction';
import { RollupFoldEntity } from '../timeseries/rollup-fold.entity';
import { foldedThroughSql } from '../timeseries/rollup-sql';
import { MonitorEntity } from './monitor.entity';

/**
 * The monitors table for background work, across accounts (not on behalf of a request):
 * ingestion and decisions lock monitors and write the decision read model, the dispatcher
 * clears an alert target that answered 410 Gone. Never
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
  async lockForResults(tx: Tx, ids: string[], skipLocked = false): Promise<{ id: string; accountId: string; rollupsFoldedThrough: string }[]> {
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

  /** Monitors (whole rows) locked FOR NO KEY UPDATE in id order: the callers of decisions already hold them (lockForResults). */
  lockForDecisions(tx: Tx, ids: string[]): Promise<MonitorEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    return tx.getRepository(MonitorEntity)
      .createQueryBuilder('m')
      .leftJoinAndMapOne('m.fold', RollupFoldEntity, 'fold', 'fold.monitor_id = m.id')
      .setLock('for_no_key_update', undefined, ['m'])
      .where('m.id IN (:...ids)', { ids: [...new Set(ids)] })
      .orderBy('m.id', 'ASC')
      .getMany();
  }

  /**
   * Writes the decisions' read model. (A confirmation round due at once moves the schedule:
   * `MonitorSchedules.dueBy`, the scheduler context's.)
   */
  async saveDecisions(tx: Tx, ms: MonitorEntity[]): Promise<void> {
    if (!ms.length) return;
    const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
    await tx.query(
      `UPDATE monitors m SET checks_total = v.checks_total, checks_failed = v.checks_failed, last_round_at = v.last_round_at,
              last_checked = v.last_checked, last_status_code = v.last_status_code, last_response_ms = v.last_response_ms,
              last_response_by_region = v.last_response_by_region, location_status = v.location_status, status = v.status,
              status_changed_at = v.status_changed_at, ssl_expiry = v.ssl_expiry, ssl_issuer = v.ssl_issuer,
              domain_expiry = v.domain_expiry, domain_registrar = v.domain_registrar,
              domain_status = ARRAY(SELECT jsonb_array_elements_text(v.domain_status)), held_status = v.held_status,
              pending_status = v.pending_status, pending_rounds = v.pending_rounds, pending_since = v.pending_since,
              updated_at = now()
         FROM unnest($1::text[], $2::int[], $3::int[], $4::timestamptz[], $5::timestamptz[], $6::int[], $7::float8[], $8::jsonb[], $9::jsonb[],
                     $10::text[], $11::timestamptz[], $12::timestamptz[], $13::text[], $14::timestamptz[], $15::text[], $16::jsonb[], $17::text[],
                     $18::text[], $19::int[], $20::timestamptz[])
           AS v(id, checks_total, checks_failed, last_round_at, last_checked, last_status_code, last_response_ms, last_response_by_region,
                location_status, status, status_changed_at, ssl_expiry, ssl_issuer, domain_expiry, domain_registrar, domain_status, held_status,
                pending_status, pending_rounds, pending_since)
        WHERE m.id = v.id`,
      [
        ms.map((m) => m.id),
        ms.map((m) => m.checksTotal),
        ms.map((m) => m.checksFailed),
        ms.map((m) => iso(m.lastRoundAt)),
        ms.map((m) => iso(m.lastChecked)),
        ms.map((m) => m.lastStatusCode),
        ms.map((m) => m.lastResponseMs),
        ms.map((m) => (m.lastResponseByRegion ? JSON.stringify(m.lastResponseByRegion) : null)),
        ms.map((m) => (m.locationStatus ? JSON.stringify(m.locationStatus) : null)),
        ms.map((m) => m.status),
        ms.map((m) => iso(m.statusChangedAt)),
        ms.map((m) => iso(m.sslExpiry)),
        ms.map((m) => m.sslIssuer),
        ms.map((m) => iso(m.domainExpiry)),
        ms.map((m) => m.domainRegistrar),
        ms.map((m) => JSON.stringify(m.domainStatus ?? [])),
        ms.map((m) => m.heldStatus ?? null),
        ms.map((m) => m.pendingStatus ?? null),
        ms.map((m) => m.pendingRounds ?? 0),
        ms.map((m) => iso(m.pendingSince)),
      ],
    );
  }

  /** Clears one of a monitor's alert targets if it still is `value` (its endpoint answered 410 Gone). */
  async clearAlertTarget(monitorId: string, field: 'webhookUrl' | 'alertSlackWebhook' | 'alertDiscordWebhook', value: string): Promise<void> {
    await this.repo.update({ id: monitorId, [field]: value }, { [field]: '' });
  }
}
