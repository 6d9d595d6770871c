import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountEntity } from '../accounts/account.entity';
import { StatusPageEntity } from '../status-pages/status-page.entity';

/**
 * A subscriber of a status page: an email address (double opt-in: notified only once
 * `confirmedAt` is set) or a webhook endpoint the page's owner added (signed with its own
 * Standard Webhooks secret). Unsubscribing deletes the row. Tokens are not stored: they
 * are MACs of the id (and `confirmNonce`) under a key derived from the server secret.
 */
@Entity('status_page_subscribers')
@Index('status_page_subscribers_email_uq', ['statusPageId', 'email'], { unique: true, where: 'email IS NOT NULL' })
@Index('status_page_subscribers_page_idx', ['statusPageId', 'createdAt'])
export class SubscriberEntity {
  @PrimaryColumn('text') id!: string;
  @Column('text') accountId!: string;
  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'status_page_subscribers_account_fk' })
  account?: AccountEntity;
  /** The status page (`sp_…`). */
  @Column('text') statusPageId!: string;
  @ManyToOne(() => StatusPageEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'status_page_id', foreignKeyConstraintName: 'status_page_subscribers_page_fk' })
  statusPage?: StatusPageEntity;
  @Column('text') type!: 'email' | 'webhook';
  @Column('text', { nullable: true }) email!: string | null;
  @Column('text', { nullable: true }) url!: string | null;
  /** `whsec_…` of a webhook subscriber; needed in clear to sign, answered once at creation. */
  @Column('text', { nullable: true }) secret!: string | null;
  /** Changes with every confirmation sent: only the newest link confirms. */
  @Column('text', { nullable: true }) confirmNonce!: string | null;
  @Column('timestamptz', { nullable: true }) confirmationSentAt!: Date | null;
  @Column('timestamptz', { nullable: true }) confirmedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

/** Fixed-window counters of subscribe attempts (per client IP, per address hash): the rate limit, shared by every replica. */
@Entity('subscription_attempts')
@Index('subscription_attempts_window_idx', ['windowStart'])
export class SubscriptionAttemptEntity {
  @PrimaryColumn('text') key!: string;
  @PrimaryColumn('timestamptz') windowStart!: Date;
  @Column('int') count!: number;
}
