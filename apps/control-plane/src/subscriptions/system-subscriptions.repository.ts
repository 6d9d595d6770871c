import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Not, Repository } from 'typeorm';
import type { Tx } from '../database/transaction';
import { SubscriberEntity } from './subscriber.entity';

/**
 * Subscribers for background work (not on behalf of a request): the outbox rows written in a
 * decision's or a timeline change's transaction, and the dispatcher rendering a delivery.
 * Never used by controllers or request-scoped services (eslint `no-restricted-imports`);
 * the owner API uses `SubscriptionsRepository`, whose owner methods take the `AccountId`.
 */
@Injectable()
export class SystemSubscriptionsRepository {
  constructor(@InjectRepository(SubscriberEntity) private readonly repo: Repository<SubscriberEntity>) {}

  /** Subscribers to notify on these pages: confirmed emails and webhooks. */
  notifiable(tx: Tx, pageIds: string[]): Promise<SubscriberEntity[]> {
    if (pageIds.length === 0) return Promise.resolve([]);
    return tx.getRepository(SubscriberEntity).find({
      where: [
        { statusPageId: In(pageIds), type: 'webhook' },
        { statusPageId: In(pageIds), type: 'email', confirmedAt: Not(IsNull()) },
      ],
    });
  }

  /** The subscriber a delivery goes to (its destination names it), or null once it is gone. */
  forDelivery(id: string): Promise<SubscriberEntity | null> {
    return this.repo.findOne({ where: { id } });
  }
}
