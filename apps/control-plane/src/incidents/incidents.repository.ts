import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Tx } from '../database/transaction';
import { IncidentEntity, IncidentUpdateEntity, IncidentType } from './incident.entity';
import { statusFilter } from './incident-rules';
import type { AccountId } from '../common/account-id';

export interface IncidentFilter {
  status?: string;
  type?: IncidentType;
  monitorId?: string;
  monitorType?: string;
  since: Date;
  limit: number;
  offset: number;
}

/** Newest updates kept per incident in the public answers (the page and its JSON). */
export const PUBLIC_UPDATES_PER_INCIDENT = 50;

/**
 * An account's incidents, for the API and the pages: methods that read by account take its
 * `AccountId`; the others take rows or ids already scoped by one of those reads. The
 * automatic incidents of the decision pipeline (open, find the open one, resolve) are
 * `SystemIncidentsRepository`.
 */
@Injectable()
export class IncidentsRepository {
  constructor(
    @InjectRepository(IncidentEntity) private readonly repo: Repository<IncidentEntity>,
    @InjectRepository(IncidentUpdateEntity) private readonly updates: Repository<IncidentUpdateEntity>,
  ) {}

  findOne(accountId: AccountId, id: string): Promise<IncidentEntity | null> {
    return this.repo.findOne({ where: { accountId, id } });
  }

  /** Locks the account's incident for a change (owner API). */
  lockOwned(tx: Tx, accountId: AccountId, id: string): Promise<IncidentEntity | null> {
    return tx
      .getRepository(IncidentEntity)
      .createQueryBuilder('i')
      .setLock('pessimistic_write')
      .where('i.account_id = :accountId AND i.id = :id', { accountId, id })
      .getOne();
  }

  async insertManual(tx: Tx, incident: IncidentEntity): Promise<void> {
    await tx.getRepository(IncidentEntity).insert(incident);
  }

  async save(tx: Tx, incident: IncidentEntity): Promise<void> {
    const { id, ...fields } = incident;
    await tx.getRepository(IncidentEntity).update({ id }, fields);
  }

  async addUpdate(tx: Tx, u: IncidentUpdateEntity): Promise<void> {
    await tx.getRepository(IncidentUpdateEntity).insert(u);
  }

  countUpdates(tx: Tx, incidentId: string): Promise<number> {
    return tx.getRepository(IncidentUpdateEntity).count({ where: { incidentId } });
  }

  /**
   * The timelines of some incidents (oldest first), at most `perIncident` newest entries
   * each: one query however many incidents.
   */
  async updatesOf(
    incidentIds: string[],
    perIncident = PUBLIC_UPDATES_PER_INCIDENT,
    tx?: Tx,
  ): Promise<Map<string, IncidentUpdateEntity[]>> {
    const out = new Map<string, IncidentUpdateEntity[]>(incidentIds.map((id) => [id, []]));
    if (!incidentIds.length) return out;
    const rows: {
      id: string;
      incident_id: string;
      account_id: string;
      label: string;
      content: string;
      status: string | null;
      created_at: Date;
    }[] = await (tx ?? this.repo.manager).query(
      `SELECT id, incident_id, account_id, label, content, status, created_at FROM (
         SELECT u.*, row_number() OVER (PARTITION BY u.incident_id ORDER BY u.created_at DESC, u.id DESC) AS n
           FROM incident_updates u WHERE u.incident_id = ANY($1::text[])) x
        WHERE n <= $2 ORDER BY created_at ASC, id ASC`,
      [[...new Set(incidentIds)], perIncident],
    );
    for (const r of rows) {
      out.get(r.incident_id)?.push(
        Object.assign(new IncidentUpdateEntity(), {
          id: r.id,
          incidentId: r.incident_id,
          accountId: r.account_id,
          label: r.label,
          content: r.content,
          status: r.status,
          createdAt: new Date(r.created_at),
        }),
      );
    }
    return out;
  }

  async list(accountId: AccountId, f: IncidentFilter): Promise<{ items: IncidentEntity[]; total: number }> {
    const q = this.repo
      .createQueryBuilder('i')
      .where('i.account_id = :accountId', { accountId })
      .andWhere("(i.started_at >= :since OR i.status <> 'resolved')", { since: f.since });
    const st = statusFilter(f.status);
    if (st && 'unresolved' in st) q.andWhere("i.status <> 'resolved'");
    else if (st) q.andWhere('i.status = :status', { status: st.exact });
    if (f.type) q.andWhere('i.type = :type', { type: f.type });
    if (f.monitorId)
      q.andWhere("(i.monitor_id = :monitorId OR (i.type = 'manual' AND :monitorId = ANY(i.monitor_ids)))", {
        monitorId: f.monitorId,
      });
    if (f.monitorType) q.andWhere('i.monitor_type = :monitorType', { monitorType: f.monitorType });
    const [items, total] = await q
      .orderBy('i.started_at', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .skip(f.offset)
      .take(f.limit)
      .getManyAndCount();
    return { items, total };
  }

  /**
   * Status pages: incidents (automatic of one of these monitors, manual affecting one) that
   * are not resolved or started since `since`, newest first (one query).
   */
  forMonitors(accountId: AccountId, monitorIds: string[], since: Date, limit: number): Promise<IncidentEntity[]> {
    if (!monitorIds.length) return Promise.resolve([]);
    return this.repo
      .createQueryBuilder('i')
      .where(
        "i.account_id = :accountId AND (i.monitor_id IN (:...ids) OR (i.type = 'manual' AND i.monitor_ids && CAST(:arr AS text[])))",
        { accountId, ids: monitorIds, arr: monitorIds },
      )
      .andWhere("(i.started_at >= :since OR i.status <> 'resolved')", { since })
      .orderBy('i.started_at', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .take(limit)
      .getMany();
  }

  countOpen(): Promise<number> {
    return this.repo.count({ where: { status: 'open' } });
  }

  /** The public feed of a page: the newest incidents of these monitors by update time (last update, resolution, else start). */
  recentForMonitors(accountId: AccountId, monitorIds: string[], limit: number): Promise<IncidentEntity[]> {
    if (monitorIds.length === 0) return Promise.resolve([]);
    return this.repo
      .createQueryBuilder('i')
      .where(
        "i.account_id = :accountId AND (i.monitor_id IN (:...monitorIds) OR (i.type = 'manual' AND i.monitor_ids && CAST(:arr AS text[])))",
        { accountId, monitorIds, arr: monitorIds },
      )
      .orderBy('COALESCE(i.updated_at, i.resolved_at, i.started_at)', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .limit(limit)
      .getMany();
  }
}
