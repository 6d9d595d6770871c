import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, Repository } from 'typeorm';
import type { Tx } from '../database/transaction';
import { MonitorEntity } from './monitor.entity';

export interface MonitorFilter {
  status?: string;
  group?: string;
  tags?: string[];
  monitorType?: string;
  limit: number;
  offset: number;
}

/** The only place that touches the monitors table for the API; every method takes the account id. */
@Injectable()
export class MonitorsRepository {
  constructor(@InjectRepository(MonitorEntity) private readonly repo: Repository<MonitorEntity>) {}

  private r(tx?: Tx): Repository<MonitorEntity> {
    return tx ? tx.getRepository(MonitorEntity) : this.repo;
  }

  findOne(accountId: string, id: string, tx?: Tx): Promise<MonitorEntity | null> {
    return this.r(tx).findOne({ where: { accountId, id } });
  }

  /** Locks the row for the rest of the transaction (per-monitor serialisation). */
  lockOne(accountId: string, id: string, tx: Tx): Promise<MonitorEntity | null> {
    return this.r(tx).createQueryBuilder('m').setLock('pessimistic_write').where('m.account_id = :accountId AND m.id = :id', { accountId, id }).getOne();
  }

  /**
   * Locks monitors for ingestion and decisions, always in id order and always FOR NO KEY
   * UPDATE (which does not conflict with the key-share locks that inserting rounds or
   * results takes through their foreign keys). Every transaction that locks a monitor and
   * its rounds takes the monitor first, so they cannot deadlock. `skipLocked` for sweeps.
   * Returns the monitors that exist (and were not skipped).
   */
  async lockForResults(tx: Tx, ids: string[], skipLocked = false): Promise<{ id: string; accountId: string; rollupsFoldedThrough: string }[]> {
    if (!ids.length) return [];
    const rows: { id: string; account_id: string; folded: string }[] = await tx.query(
      `SELECT id, account_id, rollups_folded_through::text AS folded FROM monitors WHERE id = ANY($1::text[]) ORDER BY id FOR NO KEY UPDATE${skipLocked ? ' SKIP LOCKED' : ''}`,
      [[...new Set(ids)].sort()],
    );
    return rows.map((r) => ({ id: r.id, accountId: r.account_id, rollupsFoldedThrough: r.folded }));
  }

  /**
   * System-wide, for the rollup fold: up to `limit` monitors whose daily rollups are built
   * through a day before `through`, locked like lockForResults (id order, FOR NO KEY
   * UPDATE, SKIP LOCKED: replicas fold disjoint monitors).
   */
  async lockDueForFold(tx: Tx, through: string, limit: number): Promise<{ id: string; foldedThrough: string }[]> {
    const rows: { id: string; folded: string }[] = await tx.query(
      `SELECT id, rollups_folded_through::text AS folded FROM monitors WHERE rollups_folded_through < $1::date ORDER BY id LIMIT $2 FOR NO KEY UPDATE SKIP LOCKED`,
      [through, limit],
    );
    return rows.map((r) => ({ id: r.id, foldedThrough: r.folded }));
  }

  /** Records that these (locked) monitors' daily rollups are built through `through`. */
  async markFolded(tx: Tx, ids: string[], through: string): Promise<void> {
    if (ids.length) await tx.query(`UPDATE monitors SET rollups_folded_through = $2::date WHERE id = ANY($1::text[])`, [ids, through]);
  }

  /** System-wide: the oldest day any monitor's daily rollups are built through (null: no monitors). */
  async oldestFoldedThrough(): Promise<string | null> {
    const rows: { d: string | null }[] = await this.repo.query(`SELECT min(rollups_folded_through)::text AS d FROM monitors`);
    return rows[0].d;
  }

  /** Monitors (whole rows) locked FOR NO KEY UPDATE in id order: the callers of decisions already hold them (lockForResults). */
  lockForDecisions(tx: Tx, ids: string[]): Promise<MonitorEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.r(tx)
      .createQueryBuilder('m')
      .setLock('for_no_key_update')
      .where('m.id IN (:...ids)', { ids: [...new Set(ids)] })
      .orderBy('m.id', 'ASC')
      .getMany();
  }

  /**
   * Writes the decisions' read model. `confirmAt`: monitors whose decision asked for a
   * confirmation round (decisions/confirmation.ts): their next round becomes due at that
   * instant (never later than it was), so the scheduler claims one at once, ahead of its
   * slot, and the following rounds stay on the monitor's grid (schedule.ts claimRound).
   */
  async saveDecisions(tx: Tx, ms: MonitorEntity[], confirmAt: ReadonlyMap<string, Date> = new Map()): Promise<void> {
    if (!ms.length) return;
    const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
    await tx.query(
      `UPDATE monitors m SET checks_total = v.checks_total, checks_failed = v.checks_failed, last_round_at = v.last_round_at,
              last_checked = v.last_checked, last_status_code = v.last_status_code, last_response_ms = v.last_response_ms,
              last_response_by_region = v.last_response_by_region, location_status = v.location_status, status = v.status,
              status_changed_at = v.status_changed_at, ssl_expiry = v.ssl_expiry, ssl_issuer = v.ssl_issuer,
              domain_expiry = v.domain_expiry, domain_registrar = v.domain_registrar,
              domain_status = ARRAY(SELECT jsonb_array_elements_text(v.domain_status)),
              pending_status = v.pending_status, pending_rounds = v.pending_rounds, pending_since = v.pending_since,
              next_due_at = CASE WHEN v.confirm_at IS NULL THEN m.next_due_at ELSE LEAST(m.next_due_at, v.confirm_at) END,
              updated_at = now()
         FROM unnest($1::text[], $2::int[], $3::int[], $4::timestamptz[], $5::timestamptz[], $6::int[], $7::float8[], $8::jsonb[], $9::jsonb[],
                     $10::text[], $11::timestamptz[], $12::timestamptz[], $13::text[], $14::timestamptz[], $15::text[], $16::jsonb[],
                     $17::text[], $18::int[], $19::timestamptz[], $20::timestamptz[])
           AS v(id, checks_total, checks_failed, last_round_at, last_checked, last_status_code, last_response_ms, last_response_by_region,
                location_status, status, status_changed_at, ssl_expiry, ssl_issuer, domain_expiry, domain_registrar, domain_status,
                pending_status, pending_rounds, pending_since, confirm_at)
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
        ms.map((m) => m.pendingStatus ?? null),
        ms.map((m) => m.pendingRounds ?? 0),
        ms.map((m) => iso(m.pendingSince)),
        ms.map((m) => iso(confirmAt.get(m.id))),
      ],
    );
  }

  async list(accountId: string, f: MonitorFilter): Promise<{ items: MonitorEntity[]; total: number }> {
    const q = this.repo.createQueryBuilder('m').where('m.account_id = :accountId', { accountId });
    if (f.status === 'paused') q.andWhere('m.paused = true');
    else if (f.status) q.andWhere('m.status = :status', { status: f.status });
    if (f.group !== undefined) q.andWhere('m.group = :group', { group: f.group });
    if (f.monitorType) q.andWhere('m.monitor_type = :type', { type: f.monitorType });
    if (f.tags?.length) q.andWhere(new Brackets((b) => b.where('m.tags && :tags', { tags: f.tags })));
    const [items, total] = await q.orderBy('m.created_at', 'ASC').addOrderBy('m.id', 'ASC').skip(f.offset).take(f.limit).getManyAndCount();
    return { items, total };
  }

  /** Which of `ids` belong to the account, and whether each is public (status page validation). */
  async visibility(accountId: string, ids: string[], tx?: Tx): Promise<Map<string, boolean>> {
    if (!ids.length) return new Map();
    const rows: { id: string; public: boolean }[] = await this.r(tx).query(`SELECT id, public FROM monitors WHERE account_id = $1 AND id = ANY($2::text[])`, [accountId, [...new Set(ids)]]);
    return new Map(rows.map((r) => [r.id, r.public]));
  }

  /** Name, URL and type of the account's monitors among `ids` (incidents name their monitors; one query). */
  async briefs(accountId: string, ids: string[], tx?: Tx): Promise<Map<string, { id: string; name: string; url: string; monitorType: string }>> {
    if (!ids.length) return new Map();
    const rows: { id: string; name: string; url: string; monitor_type: string }[] = await this.r(tx).query(
      `SELECT id, name, url, monitor_type FROM monitors WHERE account_id = $1 AND id = ANY($2::text[])`,
      [accountId, [...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, url: r.url, monitorType: r.monitor_type }]));
  }

  /** The account's public monitors among `ids` (status pages; one query). */
  findPublicByIds(accountId: string, ids: string[]): Promise<MonitorEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.repo.createQueryBuilder('m').where('m.account_id = :accountId AND m.public = true AND m.id IN (:...ids)', { accountId, ids: [...new Set(ids)] }).getMany();
  }

  count(accountId: string, tx?: Tx): Promise<number> {
    return this.r(tx).count({ where: { accountId } });
  }

  async slugTaken(slug: string, exceptId: string | null, tx?: Tx): Promise<boolean> {
    const q = this.r(tx).createQueryBuilder('m').where('m.slug = :slug', { slug });
    if (exceptId) q.andWhere('m.id <> :id', { id: exceptId });
    return (await q.getCount()) > 0;
  }

  insert(monitor: MonitorEntity, tx: Tx): Promise<MonitorEntity> {
    return this.r(tx).save(monitor);
  }

  save(monitor: MonitorEntity, tx: Tx): Promise<MonitorEntity> {
    return this.r(tx).save(monitor);
  }

  async delete(accountId: string, id: string): Promise<boolean> {
    const res = await this.repo.delete({ accountId, id });
    return (res.affected ?? 0) > 0;
  }

  /** Serialises monitor creation per account, so two concurrent creates cannot both pass the plan limit. */
  async lockAccount(accountId: string, tx: Tx): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`monitors:${accountId}`]);
  }

  /** Clears one of a monitor's alert targets if it still is `value` (its endpoint answered 410 Gone). */
  async clearAlertTarget(monitorId: string, field: 'webhookUrl' | 'alertSlackWebhook' | 'alertDiscordWebhook', value: string): Promise<void> {
    await this.repo.update({ id: monitorId, [field]: value }, { [field]: '' });
  }

  /** The public surface (badges): a monitor by id only if it is public; no account, the id is the handle. */
  findPublicById(id: string): Promise<MonitorEntity | null> {
    return this.repo.findOne({ where: { id, public: true } });
  }
}
