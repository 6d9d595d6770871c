import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Tx } from '../database/transaction';
import { AttemptEntity, DeliveryEntity, WebhookEntity } from './notification.entity';
import type { AccountId } from '../common/account-id';

export interface AttemptRecord {
  deliveryId: string;
  attempt: number;
  attemptedAt: Date;
  responseStatus: number | null;
  durationMs: number;
  error: string | null;
  /** What the delivery becomes. */
  status: DeliveryEntity['status'];
  nextRetryAt: Date | null;
  webhookId: string | null;
}

/**
 * An account's webhooks and their delivery log (the API), the account's active webhooks
 * for the outbox writer, and the test event: methods by account take its `AccountId`. The
 * outbox itself (enqueue, sequences, SLA state, the dispatcher's claims and attempts) is
 * `SystemOutboxRepository`.
 */
@Injectable()
export class NotificationsRepository {
  constructor(
    @InjectRepository(WebhookEntity) private readonly webhooks: Repository<WebhookEntity>,
    @InjectRepository(DeliveryEntity) private readonly deliveries: Repository<DeliveryEntity>,
    @InjectRepository(AttemptEntity) private readonly attempts: Repository<AttemptEntity>,
  ) {}

  // --- webhooks (API)

  insertWebhook(w: WebhookEntity): Promise<WebhookEntity> {
    return this.webhooks.save(w);
  }

  saveWebhook(w: WebhookEntity): Promise<WebhookEntity> {
    return this.webhooks.save(w);
  }

  listWebhooks(
    accountId: AccountId,
    active: boolean | undefined,
    limit: number,
    offset: number,
  ): Promise<[WebhookEntity[], number]> {
    return this.webhooks.findAndCount({
      where: active === undefined ? { accountId } : { accountId, active },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: limit,
      skip: offset,
    });
  }

  countWebhooks(accountId: AccountId): Promise<number> {
    return this.webhooks.count({ where: { accountId } });
  }

  findWebhook(accountId: AccountId, id: string): Promise<WebhookEntity | null> {
    return this.webhooks.findOne({ where: { accountId, id } });
  }

  async deleteWebhook(accountId: AccountId, id: string): Promise<boolean> {
    return ((await this.webhooks.delete({ accountId, id })).affected ?? 0) > 0;
  }

  async setWebhookActive(accountId: AccountId, id: string, active: boolean): Promise<void> {
    await this.webhooks.update({ accountId, id }, { active, disabledReason: null });
  }

  // --- enqueue (inside the state change's transaction)

  activeWebhooks(tx: Tx, accountId: AccountId): Promise<WebhookEntity[]> {
    return tx.getRepository(WebhookEntity).find({ where: { accountId, active: true } });
  }

  async insertDelivery(row: Partial<DeliveryEntity>): Promise<void> {
    await this.deliveries.insert(row as QueryDeepPartialEntity<DeliveryEntity>);
  }

  // --- delivery log (API)

  async listDeliveries(
    accountId: AccountId,
    webhookId: string,
    limit: number,
    offset: number,
  ): Promise<{ items: DeliveryEntity[]; attempts: AttemptEntity[]; total: number }> {
    const [items, total] = await this.deliveries.findAndCount({
      where: { accountId, webhookId },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: limit,
      skip: offset,
    });
    const attempts = items.length
      ? await this.attempts.find({
          where: { deliveryId: In(items.map((i) => i.id)) },
          order: { attemptedAt: 'ASC', id: 'ASC' },
        })
      : [];
    return { items, attempts, total };
  }

  findDelivery(accountId: AccountId, webhookId: string, id: string): Promise<DeliveryEntity | null> {
    return this.deliveries.findOne({ where: { accountId, webhookId, id } });
  }

  /** A manual retry: the delivery is due now with a fresh retry schedule (its attempts stay in the log). */
  async requeue(accountId: AccountId, id: string, now: Date): Promise<void> {
    await this.deliveries.update(
      { accountId, id },
      { status: 'pending', attempts: 0, nextAttemptAt: now, lockedUntil: null, deliveredAt: null },
    );
  }
}
