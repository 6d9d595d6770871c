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

  /** Writes the decision's read-model columns only (never the scheduling columns). */
  async updateReadModel(tx: Tx, id: string, fields: Partial<MonitorEntity>): Promise<void> {
    await this.r(tx).update({ id }, fields);
  }
}
