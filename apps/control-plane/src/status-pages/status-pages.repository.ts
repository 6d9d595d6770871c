import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { AccountId } from '../common/account-id';
import { DomainError } from '../common/errors';
import type { Tx } from '../database/transaction';
import type { LayoutGroup, LayoutMember } from './status-page-rules';
import { StatusPageEntity, StatusPageGroupEntity, StatusPageMonitorEntity } from './status-page.entity';

export interface PageLayout {
  groups: StatusPageGroupEntity[];
  members: StatusPageMonitorEntity[];
}

/**
 * The only place (with `SystemStatusPagesRepository`, for background work) that touches
 * status_pages, status_page_groups and status_page_monitors. Owner methods take the
 * principal's `AccountId`. Not by account, by design: the public lookups (`findBySlug`,
 * `findByDomain`: the slug or host is the handle), slug and domain uniqueness (global), and
 * the layout rows of pages the caller already holds (`layouts`, `replaceLayout`).
 */
@Injectable()
export class StatusPagesRepository {
  constructor(@InjectRepository(StatusPageEntity) private readonly repo: Repository<StatusPageEntity>) {}

  private r(tx?: Tx): Repository<StatusPageEntity> {
    return tx ? tx.getRepository(StatusPageEntity) : this.repo;
  }

  findOne(accountId: AccountId, id: string, tx?: Tx): Promise<StatusPageEntity | null> {
    return this.r(tx).findOne({ where: { accountId, id } });
  }

  lockOne(accountId: AccountId, id: string, tx: Tx): Promise<StatusPageEntity | null> {
    return this.r(tx)
      .createQueryBuilder('p')
      .setLock('pessimistic_write')
      .where('p.account_id = :accountId AND p.id = :id', { accountId, id })
      .getOne();
  }

  async list(
    accountId: AccountId,
    limit: number,
    offset: number,
  ): Promise<{ items: StatusPageEntity[]; total: number }> {
    const [items, total] = await this.repo.findAndCount({
      where: { accountId },
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: offset,
      take: limit,
    });
    return { items, total };
  }

  /** Public: the page served at `/s/{slug}` (any account). */
  findBySlug(slug: string): Promise<StatusPageEntity | null> {
    return this.repo.findOne({ where: { slug } });
  }

  /** Public: the page whose custom domain is `host` (lowercase, no port). */
  findByDomain(host: string): Promise<StatusPageEntity | null> {
    return this.repo.findOne({ where: { customDomain: host } });
  }

  /** Groups and listed monitors of several pages, in display order (two queries). */
  async layouts(pageIds: string[], tx?: Tx): Promise<Map<string, PageLayout>> {
    const out = new Map<string, PageLayout>(pageIds.map((id) => [id, { groups: [], members: [] }]));
    if (!pageIds.length) return out;
    const m = tx ?? this.repo.manager;
    const [groups, members] = await Promise.all([
      m
        .getRepository(StatusPageGroupEntity)
        .createQueryBuilder('g')
        .where('g.page_id IN (:...ids)', { ids: pageIds })
        .orderBy('g.page_id')
        .addOrderBy('g.position')
        .getMany(),
      m
        .getRepository(StatusPageMonitorEntity)
        .createQueryBuilder('m')
        .where('m.page_id IN (:...ids)', { ids: pageIds })
        .orderBy('m.page_id')
        .addOrderBy('m.position')
        .getMany(),
    ]);
    for (const g of groups) out.get(g.pageId)!.groups.push(g);
    for (const x of members) out.get(x.pageId)!.members.push(x);
    return out;
  }

  async slugTaken(slug: string, exceptId: string | null, tx: Tx): Promise<boolean> {
    const q = this.r(tx).createQueryBuilder('p').where('p.slug = :slug', { slug });
    if (exceptId) q.andWhere('p.id <> :id', { id: exceptId });
    return (await q.getCount()) > 0;
  }

  async domainTaken(domain: string, exceptId: string | null, tx: Tx): Promise<boolean> {
    const q = this.r(tx).createQueryBuilder('p').where('p.custom_domain = :domain', { domain });
    if (exceptId) q.andWhere('p.id <> :id', { id: exceptId });
    return (await q.getCount()) > 0;
  }

  /** Inserts or updates; a slug or domain taken by a concurrent write is a 409 (unique index). */
  async save(page: StatusPageEntity, tx: Tx): Promise<StatusPageEntity> {
    try {
      return await this.r(tx).save(page);
    } catch (e) {
      const err = e as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
      const code = err.code ?? err.driverError?.code;
      const constraint = err.constraint ?? err.driverError?.constraint;
      if (code === '23505' && constraint === 'status_pages_slug_uq')
        throw new DomainError('conflict', `slug "${page.slug}" is already taken`);
      if (code === '23505' && constraint === 'status_pages_custom_domain_uq')
        throw new DomainError('conflict', `custom_domain "${page.customDomain}" is already used by another page`);
      throw e;
    }
  }

  /** Replaces a page's groups and monitor rows (inside the caller's transaction). */
  async replaceLayout(tx: Tx, pageId: string, groups: LayoutGroup[], members: LayoutMember[]): Promise<void> {
    await tx.getRepository(StatusPageMonitorEntity).delete({ pageId });
    await tx.getRepository(StatusPageGroupEntity).delete({ pageId });
    if (groups.length)
      await tx
        .getRepository(StatusPageGroupEntity)
        .insert(groups.map((g) => ({ pageId, slug: g.slug, name: g.name, position: g.position })));
    if (members.length)
      await tx
        .getRepository(StatusPageMonitorEntity)
        .insert(members.map((x) => ({ pageId, monitorId: x.monitorId, groupSlug: x.groupSlug, position: x.position })));
  }

  async delete(accountId: AccountId, id: string): Promise<boolean> {
    const res = await this.repo.delete({ accountId, id });
    return (res.affected ?? 0) > 0;
  }
}
