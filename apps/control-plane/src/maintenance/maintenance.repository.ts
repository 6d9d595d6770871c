import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Tx } from '../database/transaction';
import { MaintenanceEntity, MaintenanceStatus, MaintenanceUpdateEntity } from './maintenance.entity';

export interface MaintenanceFilter {
  status?: MaintenanceStatus;
  monitorId?: string;
  limit: number;
  offset: number;
}

/** Rows the sweep moved: the maintenance as it is now and the status it had. */
export interface SweptMaintenance {
  maintenance: MaintenanceEntity;
  from: MaintenanceStatus;
}

type Row = {
  id: string;
  account_id: string;
  title: string;
  description: string | null;
  monitor_ids: string[];
  starts_at: Date;
  ends_at: Date;
  status: MaintenanceStatus;
  created_at: Date;
  updated_at: Date;
};

const toEntity = (r: Row): MaintenanceEntity =>
  Object.assign(new MaintenanceEntity(), {
    id: r.id,
    accountId: r.account_id,
    title: r.title,
    description: r.description,
    monitorIds: r.monitor_ids,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    status: r.status,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });

/** The only writer of `maintenance` and `maintenance_updates`. Tenant methods take the account id. */
@Injectable()
export class MaintenanceRepository {
  constructor(
    @InjectRepository(MaintenanceEntity) private readonly repo: Repository<MaintenanceEntity>,
    @InjectRepository(MaintenanceUpdateEntity) private readonly updates: Repository<MaintenanceUpdateEntity>,
  ) {}

  async insert(tx: Tx, m: MaintenanceEntity): Promise<void> {
    await tx.getRepository(MaintenanceEntity).insert(m);
  }

  async save(tx: Tx, m: MaintenanceEntity): Promise<void> {
    const { id, ...fields } = m;
    await tx.getRepository(MaintenanceEntity).update({ id }, fields);
  }

  async delete(tx: Tx, accountId: string, id: string): Promise<boolean> {
    const res = await tx.getRepository(MaintenanceEntity).delete({ accountId, id });
    return (res.affected ?? 0) > 0;
  }

  findOne(accountId: string, id: string): Promise<MaintenanceEntity | null> {
    return this.repo.findOne({ where: { accountId, id } });
  }

  lockOwned(tx: Tx, accountId: string, id: string): Promise<MaintenanceEntity | null> {
    return tx
      .getRepository(MaintenanceEntity)
      .createQueryBuilder('m')
      .setLock('pessimistic_write')
      .where('m.account_id = :accountId AND m.id = :id', { accountId, id })
      .getOne();
  }

  async list(accountId: string, f: MaintenanceFilter): Promise<{ items: MaintenanceEntity[]; total: number }> {
    const q = this.repo.createQueryBuilder('m').where('m.account_id = :accountId', { accountId });
    if (f.status) q.andWhere('m.status = :status', { status: f.status });
    if (f.monitorId) q.andWhere(':monitorId = ANY(m.monitor_ids)', { monitorId: f.monitorId });
    const [items, total] = await q
      .orderBy('m.starts_at', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .take(f.limit)
      .skip(f.offset)
      .getManyAndCount();
    return { items, total };
  }

  /**
   * A page's maintenance: of `accountId`, affecting one of `monitorIds`; active and upcoming
   * ones always, finished ones that ended after `since`; by start, newest first.
   */
  async forMonitors(
    accountId: string,
    monitorIds: string[],
    since: Date,
    limit: number,
    status?: MaintenanceStatus,
    offset = 0,
  ): Promise<MaintenanceEntity[]> {
    if (!monitorIds.length) return [];
    const rows: Row[] = await this.repo.query(
      `SELECT * FROM maintenance WHERE account_id = $1 AND monitor_ids && $2::text[]
          AND (status IN ('scheduled', 'in_progress') OR ends_at >= $3 OR updated_at >= $3)
          AND ($4::text IS NULL OR status = $4)
        ORDER BY starts_at DESC, id DESC LIMIT $5 OFFSET $6`,
      [accountId, monitorIds, since, status ?? null, limit, offset],
    );
    return rows.map(toEntity);
  }

  /** The newest by update time affecting one of `monitorIds` (feeds). */
  async recentForMonitors(accountId: string, monitorIds: string[], limit: number): Promise<MaintenanceEntity[]> {
    if (!monitorIds.length) return [];
    const rows: Row[] = await this.repo.query(
      `SELECT * FROM maintenance WHERE account_id = $1 AND monitor_ids && $2::text[] ORDER BY updated_at DESC, id DESC LIMIT $3`,
      [accountId, monitorIds, limit],
    );
    return rows.map(toEntity);
  }

  async addUpdate(tx: Tx, u: MaintenanceUpdateEntity): Promise<void> {
    await tx.getRepository(MaintenanceUpdateEntity).insert(u);
  }

  countUpdates(tx: Tx, maintenanceId: string): Promise<number> {
    return tx.getRepository(MaintenanceUpdateEntity).count({ where: { maintenanceId } });
  }

  /** The timelines of some maintenance (oldest first), at most `per` newest entries each, in one query. */
  async updatesOf(ids: string[], per = 50, tx?: Tx): Promise<Map<string, MaintenanceUpdateEntity[]>> {
    const out = new Map<string, MaintenanceUpdateEntity[]>(ids.map((id) => [id, []]));
    if (!ids.length) return out;
    const rows: {
      id: string;
      maintenance_id: string;
      account_id: string;
      label: string;
      content: string;
      status: string | null;
      created_at: Date;
    }[] = await (tx ?? this.updates.manager).query(
      `SELECT id, maintenance_id, account_id, label, content, status, created_at FROM (
         SELECT u.*, row_number() OVER (PARTITION BY u.maintenance_id ORDER BY u.created_at DESC, u.id DESC) AS n
           FROM maintenance_updates u WHERE u.maintenance_id = ANY($1::text[])) x
        WHERE n <= $2 ORDER BY created_at ASC, id ASC`,
      [[...new Set(ids)], per],
    );
    for (const r of rows) {
      out.get(r.maintenance_id)?.push(
        Object.assign(new MaintenanceUpdateEntity(), {
          id: r.id,
          maintenanceId: r.maintenance_id,
          accountId: r.account_id,
          label: r.label,
          content: r.content,
          status: r.status,
          createdAt: r.created_at,
        }),
      );
    }
    return out;
  }

  /**
   * The sweep: moves up to `limit` maintenance whose status the clock has changed
   * (scheduled → in_progress / completed, in_progress → completed) in the caller's
   * transaction. Rows another replica is moving are skipped (SKIP LOCKED) and, once it
   * commits, no longer match: each transition happens once across replicas.
   */
  async sweepDue(tx: Tx, now: Date, limit: number): Promise<SweptMaintenance[]> {
    // TypeORM answers an UPDATE … RETURNING as [rows, affected].
    const [rows] = (await tx.query(
      `WITH due AS (
         SELECT id, status AS old_status FROM maintenance
          WHERE (status = 'scheduled' AND starts_at <= $1) OR (status = 'in_progress' AND ends_at <= $1)
          ORDER BY starts_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
       UPDATE maintenance m SET status = CASE WHEN m.ends_at <= $1 THEN 'completed' ELSE 'in_progress' END, updated_at = $1
         FROM due WHERE m.id = due.id
       RETURNING m.*, due.old_status`,
      [now, limit],
    )) as [(Row & { old_status: MaintenanceStatus })[], number];
    return rows.map((r) => ({ maintenance: toEntity(r), from: r.old_status }));
  }

  /** Of `monitorIds`, those an in-progress maintenance of their account covers (for the decisions, in their transaction). */
  async inProgressFor(tx: Tx, monitors: { id: string; accountId: string }[]): Promise<Set<string>> {
    if (!monitors.length) return new Set();
    const rows: { id: string }[] = await tx.query(
      `SELECT DISTINCT v.id FROM unnest($1::text[], $2::text[]) AS v(id, account_id)
         JOIN maintenance m ON m.status = 'in_progress' AND m.account_id = v.account_id AND v.id = ANY(m.monitor_ids)`,
      [monitors.map((m) => m.id), monitors.map((m) => m.accountId)],
    );
    return new Set(rows.map((r) => r.id));
  }
}
