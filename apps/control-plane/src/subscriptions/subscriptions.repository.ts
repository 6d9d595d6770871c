import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { AccountId } from '../common/account-id';
import type { Tx } from '../database/transaction';
import { SubscriberEntity } from './subscriber.entity';

/**
 * The only place (with `SystemSubscriptionsRepository`, for background work) that touches
 * `status_page_subscribers` and `subscription_attempts`. Owner methods (`list`,
 * `countOnPage`, `insertWebhook`, `deleteOwned`) take the principal's `AccountId`; the public
 * subscribe / confirm / unsubscribe flows are keyed by the page found by slug, the address
 * and the signed token's subscriber id.
 */
@Injectable()
export class SubscriptionsRepository {
  constructor(@InjectRepository(SubscriberEntity) private readonly repo: Repository<SubscriberEntity>) {}

  /** Counts one attempt for each key in the window starting at `windowStart`; returns each key's count so far. */
  async countAttempt(tx: Tx, keys: string[], windowStart: Date): Promise<number[]> {
    const rows: { key: string; count: number }[] = await tx.query(
      `INSERT INTO subscription_attempts (key, window_start, count) SELECT k, $2, 1 FROM unnest($1::text[]) AS k
       ON CONFLICT (key, window_start) DO UPDATE SET count = subscription_attempts.count + 1
       RETURNING key, count`,
      [keys, windowStart],
    );
    return keys.map((k) => rows.find((r) => r.key === k)?.count ?? 0);
  }

  async pruneAttempts(tx: Tx, before: Date): Promise<void> {
    await tx.query('DELETE FROM subscription_attempts WHERE window_start < $1', [before]);
  }

  /** The address's row on the page, locked for the rest of the transaction. */
  findEmailForUpdate(tx: Tx, pageId: string, email: string): Promise<SubscriberEntity | null> {
    return tx
      .getRepository(SubscriberEntity)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.status_page_id = :pageId AND s.email = :email', { pageId, email })
      .getOne();
  }

  /** Inserts unless the address is already on the page (a concurrent subscribe); returns whether it was inserted. */
  async insert(tx: Tx, s: SubscriberEntity): Promise<boolean> {
    const res = await tx.getRepository(SubscriberEntity).createQueryBuilder().insert().values(s).orIgnore().execute();
    return (res.raw as unknown[]).length > 0;
  }

  async save(tx: Tx, s: SubscriberEntity): Promise<void> {
    await tx.getRepository(SubscriberEntity).save(s);
  }

  findById(id: string, tx?: Tx): Promise<SubscriberEntity | null> {
    return (tx ? tx.getRepository(SubscriberEntity) : this.repo).findOne({ where: { id } });
  }

  async deleteById(id: string): Promise<boolean> {
    return ((await this.repo.delete({ id })).affected ?? 0) > 0;
  }

  list(accountId: AccountId, pageId: string, limit: number, offset: number): Promise<[SubscriberEntity[], number]> {
    return this.repo.findAndCount({
      where: { accountId, statusPageId: pageId },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: limit,
      skip: offset,
    });
  }

  countOnPage(accountId: AccountId, pageId: string, type: SubscriberEntity['type']): Promise<number> {
    return this.repo.count({ where: { accountId, statusPageId: pageId, type } });
  }

  async insertWebhook(s: SubscriberEntity): Promise<SubscriberEntity> {
    return this.repo.save(s);
  }

  async deleteOwned(accountId: AccountId, pageId: string, id: string): Promise<boolean> {
    return ((await this.repo.delete({ accountId, statusPageId: pageId, id })).affected ?? 0) > 0;
  }
}
