import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, Repository, SelectQueryBuilder } from 'typeorm';
import type { AccountId } from '../common/account-id';
import type { ListCursor } from '../common/paging';
import type { Tx } from '../database/transaction';
import { HeartbeatStateEntity } from '../heartbeats/heartbeat-state.entity';
import { RollupFoldEntity } from '../timeseries/rollup-fold.entity';
import { MonitorScheduleEntity } from '../scheduler/monitor-schedule.entity';
import { MonitorStateEntity } from '../decisions/monitor-state.entity';
import { MonitorEntity } from './monitor.entity';

/** The monitor's decision read model row, for a status filter (`x`, correlated with `m`). */
const STATE_SQL = 'SELECT 1 FROM monitor_state x WHERE x.monitor_id = m.id';

export interface MonitorFilter {
  status?: string;
  group?: string;
  tags?: string[];
  monitorType?: string;
  limit: number;
  offset: number;
  /** Keyset paging: rows after this (created_at, id) position; `offset` is then 0. */
  after?: ListCursor;
}

/**
 * The monitors of one account, for the API and request-scoped services: every method that
 * reads or writes an account's monitors takes its `AccountId`. Two lookups are not by
 * account, by design: `slugTaken` (slugs are global) and `findPublicById` (public badges:
 * the id is the handle, only public monitors). Background work (ingestion, decisions, the
 * rollup fold, the dispatcher) uses `SystemMonitorsRepository`.
 */
@Injectable()
export class MonitorsRepository {
  constructor(@InjectRepository(MonitorEntity) private readonly repo: Repository<MonitorEntity>) {}

  private r(tx?: Tx): Repository<MonitorEntity> {
    return tx ? tx.getRepository(MonitorEntity) : this.repo;
  }

  /**
   * Monitors with what the API shows of other contexts' state joined (`state`: the decision read
   * model; `heartbeat`: the pings' state; `fold`: the rollup fold watermark; `schedule`: the cursor).
   */
  private q(tx?: Tx): SelectQueryBuilder<MonitorEntity> {
    return this.r(tx)
      .createQueryBuilder('m')
      .leftJoinAndMapOne('m.state', MonitorStateEntity, 'st', 'st.monitor_id = m.id')
      .leftJoinAndMapOne('m.heartbeat', HeartbeatStateEntity, 'hb', 'hb.monitor_id = m.id')
      .leftJoinAndMapOne('m.fold', RollupFoldEntity, 'fold', 'fold.monitor_id = m.id')
      .leftJoinAndMapOne('m.schedule', MonitorScheduleEntity, 'sched', 'sched.monitor_id = m.id');
  }

  findOne(accountId: AccountId, id: string, tx?: Tx): Promise<MonitorEntity | null> {
    return this.q(tx).where('m.account_id = :accountId AND m.id = :id', { accountId, id }).getOne();
  }

  /**
   * Locks the row for the rest of the transaction (per-monitor serialisation), then reads it
   * with the other contexts' state in a statement of its own: the locking statement's snapshot
   * may predate a write to that state committed while it waited.
   */
  async lockOne(accountId: AccountId, id: string, tx: Tx): Promise<MonitorEntity | null> {
    await tx.query('SELECT id FROM monitors WHERE account_id = $1 AND id = $2 FOR UPDATE', [accountId, id]);
    return this.findOne(accountId, id, tx);
  }

  /**
   * A page of the account's monitors in (created_at, id) order, the filtered total, and the
   * cursor after the page's last row (null when the page is the last). Keyset paging
   * (`after`) walks the (account_id, created_at, id) index however deep the page is.
   */
  async list(
    accountId: AccountId,
    f: MonitorFilter,
  ): Promise<{ items: MonitorEntity[]; total: number; next: ListCursor | null }> {
    // A status filter reads the decision read model (`monitor_state`, by the status index); a
    // monitor without a state row is pending. As (NOT) EXISTS, not a filter on the joined row:
    // the planner then estimates it well and walks the keyset index for a page (an OR over the
    // outer join made it sort every pending candidate of the account).
    const filtered = (q: SelectQueryBuilder<MonitorEntity>) => {
      q.where('m.account_id = :accountId', { accountId });
      if (f.status === 'paused') q.andWhere('m.paused = true');
      else if (f.status === 'pending') q.andWhere(`NOT EXISTS (${STATE_SQL} AND x.status <> 'pending')`);
      else if (f.status) q.andWhere(`EXISTS (${STATE_SQL} AND x.status = :status)`, { status: f.status });
      if (f.group !== undefined) q.andWhere('m.group = :group', { group: f.group });
      if (f.monitorType) q.andWhere('m.monitor_type = :type', { type: f.monitorType });
      if (f.tags?.length) q.andWhere(new Brackets((b) => b.where('m.tags && :tags', { tags: f.tags })));
      return q;
    };
    // The filters are on the monitor (and its one state row), so the total counts its rows alone:
    // no joins and a plain COUNT(*), not COUNT(DISTINCT) over the joined state (that was most of a
    // page's time at 30,000 monitors).
    const counted = await filtered(this.r().createQueryBuilder('m'))
      .select('COUNT(*)::int', 'n')
      .getRawOne<{ n: number }>();
    const total = counted?.n ?? 0;
    const q = filtered(this.q());
    if (f.after)
      q.andWhere('(m.created_at, m.id) > (:afterAt::timestamptz, :afterId)', {
        afterAt: f.after.createdAt,
        afterId: f.after.id,
      });
    const { entities, raw } = await q
      .addSelect('m.created_at::text', 'created_exact')
      .orderBy('m.created_at', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .offset(f.offset)
      .limit(f.limit + 1)
      .getRawAndEntities<{ created_exact: string }>();
    const items = entities.slice(0, f.limit);
    const last = items.length ? items[items.length - 1] : null;
    const next =
      entities.length > f.limit && last ? { createdAt: raw[items.length - 1].created_exact, id: last.id } : null;
    return { items, total, next };
  }

  /** Since when each of the account's monitors among `ids` flaps (notifications' `alert_state`, read only); absent: it does not. */
  async flappingSince(accountId: AccountId, ids: string[], tx?: Tx): Promise<Map<string, Date>> {
    if (!ids.length) return new Map();
    const rows: { monitor_id: string; since: Date }[] = await this.r(tx).query(
      `SELECT a.monitor_id, a.flapping_since AS since FROM alert_state a JOIN monitors m ON m.id = a.monitor_id
        WHERE m.account_id = $1 AND a.monitor_id = ANY($2::text[]) AND a.flapping_since IS NOT NULL`,
      [accountId, [...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.monitor_id, new Date(r.since)]));
  }

  /** Which of `ids` belong to the account, and whether each is public (status page validation). */
  async visibility(accountId: AccountId, ids: string[], tx?: Tx): Promise<Map<string, boolean>> {
    if (!ids.length) return new Map();
    const rows: { id: string; public: boolean }[] = await this.r(tx).query(
      `SELECT id, public FROM monitors WHERE account_id = $1 AND id = ANY($2::text[])`,
      [accountId, [...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.id, r.public]));
  }

  /** Name, URL and type of the account's monitors among `ids` (incidents name their monitors; one query). */
  async briefs(
    accountId: AccountId,
    ids: string[],
    tx?: Tx,
  ): Promise<Map<string, { id: string; name: string; url: string; monitorType: string }>> {
    if (!ids.length) return new Map();
    const rows: { id: string; name: string; url: string; monitor_type: string }[] = await this.r(tx).query(
      `SELECT id, name, url, monitor_type FROM monitors WHERE account_id = $1 AND id = ANY($2::text[])`,
      [accountId, [...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, url: r.url, monitorType: r.monitor_type }]));
  }

  /** The account's public monitors among `ids` (status pages; one query). */
  findPublicByIds(accountId: AccountId, ids: string[]): Promise<MonitorEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.q()
      .where('m.account_id = :accountId AND m.public = true AND m.id IN (:...ids)', {
        accountId,
        ids: [...new Set(ids)],
      })
      .getMany();
  }

  /** Like findPublicByIds, with since when each flaps (notifications' `alert_state`, read in the same query; null: it does not). */
  async findPublicByIdsWithFlapping(
    accountId: AccountId,
    ids: string[],
  ): Promise<{ monitor: MonitorEntity; flappingSince: Date | null }[]> {
    if (!ids.length) return [];
    const { entities, raw } = await this.repo
      .createQueryBuilder('m')
      .leftJoinAndMapOne('m.state', MonitorStateEntity, 'st', 'st.monitor_id = m.id')
      .leftJoin('alert_state', 'a', 'a.monitor_id = m.id')
      .addSelect('a.flapping_since', 'flapping_since')
      .where('m.account_id = :accountId AND m.public = true AND m.id IN (:...ids)', {
        accountId,
        ids: [...new Set(ids)],
      })
      .getRawAndEntities<{ m_id: string; flapping_since: Date | null }>();
    const since = new Map(raw.map((r) => [r.m_id, r.flapping_since ? new Date(r.flapping_since) : null]));
    return entities.map((monitor) => ({ monitor, flappingSince: since.get(monitor.id) ?? null }));
  }

  count(accountId: AccountId, tx?: Tx): Promise<number> {
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

  /** Which of `slugs` are taken (one query; bulk create). */
  async slugsTaken(slugs: string[], tx?: Tx): Promise<Set<string>> {
    if (!slugs.length) return new Set();
    const rows: { slug: string }[] = await this.r(tx).query(`SELECT slug FROM monitors WHERE slug = ANY($1::text[])`, [
      [...new Set(slugs)],
    ]);
    return new Set(rows.map((r) => r.slug));
  }

  /** Inserts many monitors in multi-row statements (bulk create) and returns them as stored, in the given order. */
  async insertMany(accountId: AccountId, monitors: MonitorEntity[], tx: Tx): Promise<MonitorEntity[]> {
    const r = this.r(tx);
    for (let i = 0; i < monitors.length; i += 200) await r.insert(monitors.slice(i, i + 200));
    const stored = await this.q(tx)
      .where('m.account_id = :accountId AND m.id IN (:...ids)', { accountId, ids: monitors.map((m) => m.id) })
      .getMany();
    const byId = new Map(stored.map((m) => [m.id, m]));
    return monitors.map((m) => byId.get(m.id)!);
  }

  save(monitor: MonitorEntity, tx: Tx): Promise<MonitorEntity> {
    return this.r(tx).save(monitor);
  }

  /** A heartbeat monitor's ping token (its hash and hint; the token itself is shown once). */
  async setPingToken(accountId: AccountId, id: string, hash: string, hint: string, tx: Tx): Promise<void> {
    await this.r(tx).update({ accountId, id }, { pingTokenHash: hash, pingTokenHint: hint });
  }

  /** Deletes a monitor and takes it out of the account's other monitors' `depends_on`, in one transaction. */
  async delete(accountId: AccountId, id: string): Promise<boolean> {
    return this.repo.manager.transaction(async (tx) => {
      const res = await tx.getRepository(MonitorEntity).delete({ accountId, id });
      if (!res.affected) return false;
      await tx.query(
        `UPDATE monitors SET depends_on = array_remove(depends_on, $2) WHERE account_id = $1 AND depends_on @> ARRAY[$2]::text[]`,
        [accountId, id],
      );
      return true;
    });
  }

  /** The account's monitors and what each depends on (depends_on validation: existence and cycles). */
  async dependencyGraph(accountId: AccountId, tx: Tx): Promise<Map<string, string[]>> {
    const rows: { id: string; depends_on: string[] }[] = await tx.query(
      `SELECT id, depends_on FROM monitors WHERE account_id = $1`,
      [accountId],
    );
    return new Map(rows.map((r) => [r.id, r.depends_on ?? []]));
  }

  /** Serialises monitor creation per account, so two concurrent creates cannot both pass the plan limit. */
  async lockAccount(accountId: AccountId, tx: Tx): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`monitors:${accountId}`]);
  }

  /** The public surface (badges): a monitor by id only if it is public; no account, the id is the handle. */
  findPublicById(id: string): Promise<MonitorEntity | null> {
    return this.q().where('m.id = :id AND m.public = true', { id }).getOne();
  }
}
