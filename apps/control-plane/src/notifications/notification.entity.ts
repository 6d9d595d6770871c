import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { AccountEntity } from '../accounts/account.entity';
import { bigintNumber } from '../database/bigint.transformer';
import { MonitorEntity } from '../monitors/monitor.entity';

/** An account webhook endpoint (`/webhooks`): signed Standard Webhooks deliveries of the events it subscribes to. */
@Entity('webhooks')
@Index('webhooks_account_created_idx', ['accountId', 'createdAt'])
export class WebhookEntity {
  @PrimaryColumn('text') id!: string;
  @Column('text') accountId!: string;
  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'webhooks_account_fk' })
  account?: AccountEntity;
  @Column('text') url!: string;
  /** Event names (`monitor.down`, …); the reference's `status_change`, `incident_created`, `sla_breach` are expanded on input. */
  @Column('text', { array: true }) events!: string[];
  /** `whsec_<base64>`; needed in clear to sign, never answered after creation. */
  @Column('text') secret!: string;
  @Column('text', { default: '' }) description!: string;
  @Column('boolean', { default: true }) active!: boolean;
  /** Why the endpoint was disabled (e.g. it answered 410 Gone). */
  @Column('text', { nullable: true }) disabledReason!: string | null;
  @Column('timestamptz', { nullable: true }) lastTriggeredAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

/** `page_email`, `page_webhook`: status page subscribers (subscriptions/), rendered by their registered renderer. */
export type DeliveryChannel =
  'webhook' | 'monitor_webhook' | 'slack' | 'discord' | 'email' | 'page_email' | 'page_webhook';
/** `suppressed`: recorded, never sent (a monitor it depends on was down: decisions/dependencies.ts). */
export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'disabled' | 'suppressed';

/**
 * The outbox: one row per (event, destination), written in the transaction of the state
 * change that caused it and sent by the dispatcher. `destination` is the ordering key
 * (a webhook id, or `<channel>:<monitor id>` for a monitor's own channels): rows of one
 * monitor to one destination are sent in `sequence` order.
 */
@Entity('notification_deliveries')
@Index('notification_deliveries_due_idx', ['nextAttemptAt'], { where: "status = 'pending'" })
@Index('notification_deliveries_order_idx', ['destination', 'monitorId', 'sequence'], { where: "status = 'pending'" })
@Index('notification_deliveries_webhook_idx', ['webhookId', 'createdAt'])
export class DeliveryEntity {
  @PrimaryColumn('text') id!: string;
  @Column('text') accountId!: string;
  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'notification_deliveries_account_fk' })
  account?: AccountEntity;
  @Column('text', { nullable: true }) monitorId!: string | null;
  @Column('text', { nullable: true }) webhookId!: string | null;
  @ManyToOne(() => WebhookEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'webhook_id', foreignKeyConstraintName: 'notification_deliveries_webhook_fk' })
  webhook?: WebhookEntity;
  @Column('text') channel!: DeliveryChannel;
  @Column('text') destination!: string;
  /** URL or email address. */
  @Column('text') target!: string;
  @Column('text') event!: string;
  @Column('bigint', { nullable: true, transformer: bigintNumber }) sequence!: number | null;
  @Column('jsonb') payload!: Record<string, unknown>;
  @Column('text', { default: 'pending' }) status!: DeliveryStatus;
  @Column('int', { default: 0 }) attempts!: number;
  @Column('timestamptz') nextAttemptAt!: Date;
  /** Claim lease of the replica sending it; expired leases are claimed again (a replica died mid-send). */
  @Column('timestamptz', { nullable: true }) lockedUntil!: Date | null;
  @Column('int', { nullable: true }) lastResponseStatus!: number | null;
  @Column('text', { nullable: true }) lastError!: string | null;
  @Column('timestamptz', { nullable: true }) deliveredAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

/** One attempt of a delivery: the delivery log. */
@Entity('notification_attempts')
@Index('notification_attempts_delivery_idx', ['deliveryId', 'attemptedAt'])
export class AttemptEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id!: string;
  @Column('text') deliveryId!: string;
  @ManyToOne(() => DeliveryEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'delivery_id', foreignKeyConstraintName: 'notification_attempts_delivery_fk' })
  delivery?: DeliveryEntity;
  @Column('int') attempt!: number;
  @Column('timestamptz') attemptedAt!: Date;
  @Column('int', { nullable: true }) responseStatus!: number | null;
  @Column('double precision') durationMs!: number;
  @Column('text', { nullable: true }) error!: string | null;
  @Column('timestamptz', { nullable: true }) nextRetryAt!: Date | null;
}

/** Per-monitor notification state: the event sequence and whether the SLA is currently breached. */
@Entity('monitor_notification_state')
export class MonitorNotificationStateEntity {
  @PrimaryColumn('text') monitorId!: string;
  @ManyToOne(() => MonitorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'monitor_id', foreignKeyConstraintName: 'monitor_notification_state_monitor_fk' })
  monitor?: MonitorEntity;
  @Column('bigint', { default: 0, transformer: bigintNumber }) sequence!: number;
  @Column('boolean', { default: false }) slaBreached!: boolean;
}
