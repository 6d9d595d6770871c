import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Tx } from '../database/transaction';
import { IncidentEntity } from './incident.entity';

export interface IncidentFilter {
  status?: 'open' | 'resolved';
  monitorId?: string;
  monitorType?: string;
  since: Date;
  limit: number;
  offset: number;
}

@Injectable()
export class IncidentsRepository {
  constructor(@InjectRepository(IncidentEntity) private readonly repo: Repository<IncidentEntity>) {}

  /** Opens an incident unless one is already open for the monitor (partial unique index). */
  async open(tx: Tx, incident: IncidentEntity): Promise<boolean> {
    const res = await tx.getRepository(IncidentEntity).createQueryBuilder().insert().values(incident).orIgnore().execute();
    return (res.raw as unknown[]).length > 0;
  }

  findOpen(tx: Tx, monitorId: string): Promise<IncidentEntity | null> {
    return tx.getRepository(IncidentEntity).createQueryBuilder('i').setLock('pessimistic_write').where("i.monitor_id = :monitorId AND i.status = 'open'", { monitorId }).getOne();
  }

  async update(tx: Tx, id: string, fields: Partial<IncidentEntity>): Promise<void> {
    await tx.getRepository(IncidentEntity).update({ id }, fields);
  }

  findOne(accountId: string, id: string): Promise<IncidentEntity | null> {
    return this.repo.findOne({ where: { accountId, id } });
  }

  async list(accountId: string, f: IncidentFilter): Promise<{ items: IncidentEntity[]; total: number }> {
    const q = this.repo
      .createQueryBuilder('i')
      .where('i.account_id = :accountId', { accountId })
      .andWhere('(i.started_at >= :since OR i.status = :open)', { since: f.since, open: 'open' });
    if (f.status) q.andWhere('i.status = :status', { status: f.status });
    if (f.monitorId) q.andWhere('i.monitor_id = :monitorId', { monitorId: f.monitorId });
    if (f.monitorType) q.andWhere('i.monitor_type = :monitorType', { monitorType: f.monitorType });
    const [items, total] = await q.orderBy('i.started_at', 'DESC').addOrderBy('i.id', 'DESC').skip(f.offset).take(f.limit).getManyAndCount();
    return { items, total };
  }

  /** Status pages: incidents of some of the account's monitors that are open or started since `since`, newest first (one query). */
  forMonitors(accountId: string, monitorIds: string[], since: Date, limit: number): Promise<IncidentEntity[]> {
    if (!monitorIds.length) return Promise.resolve([]);
    return this.repo
      .createQueryBuilder('i')
      .where('i.account_id = :accountId AND i.monitor_id IN (:...ids)', { accountId, ids: monitorIds })
      .andWhere('(i.started_at >= :since OR i.status = :open)', { since, open: 'open' })
      .orderBy('i.started_at', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .take(limit)
      .getMany();
  }

  countOpen(): Promise<number> {
    return this.repo.count({ where: { status: 'open' } });
  }

  /** The public feed of a page: the newest incidents of these monitors by update time (resolution, else start). */
  recentForMonitors(accountId: string, monitorIds: string[], limit: number): Promise<IncidentEntity[]> {
    if (monitorIds.length === 0) return Promise.resolve([]);
    return this.repo
      .createQueryBuilder('i')
      .where('i.account_id = :accountId AND i.monitor_id IN (:...monitorIds)', { accountId, monitorIds })
      .orderBy('COALESCE(i.resolved_at, i.started_at)', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .limit(limit)
      .getMany();
  }
}
