import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { AccountEntity } from '../accounts/account.entity';
import { MonitorEntity } from '../monitors/monitor.entity';

export const PAGE_THEMES = ['auto', 'light', 'dark'] as const;
export type PageTheme = (typeof PAGE_THEMES)[number];

/** A public status page (SPEC 3.7): what it shows lives in its groups and monitor rows. */
@Entity('status_pages')
@Index('status_pages_account_created_idx', ['accountId', 'createdAt'])
export class StatusPageEntity {
  @PrimaryColumn('text') id!: string;
  @Column('text') accountId!: string;
  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'status_pages_account_fk' })
  account?: AccountEntity;
  /** Unique across the install (`/s/{slug}`). */
  @Index('status_pages_slug_uq', { unique: true }) @Column('text') slug!: string;
  @Column('text') title!: string;
  @Column('text', { default: '' }) description!: string;
  @Column('text', { default: '' }) companyName!: string;
  /** Lowercase hostname; requests whose Host is it are served this page at `/`. */
  @Index('status_pages_custom_domain_uq', { unique: true, where: 'custom_domain IS NOT NULL' })
  @Column('text', { nullable: true })
  customDomain!: string | null;
  @Column('text', { default: 'auto' }) theme!: PageTheme;
  /** `#rrggbb`, or null for the default accent. */
  @Column('text', { nullable: true }) accentColor!: string | null;
  @Column('boolean', { default: true }) showRegions!: boolean;
  @Column('boolean', { default: false }) showTargetUrls!: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

/** A page's ordered group of monitors; its slug is the group's public id. */
@Entity('status_page_groups')
export class StatusPageGroupEntity {
  @PrimaryColumn('text') pageId!: string;
  @PrimaryColumn('text') slug!: string;
  @ManyToOne(() => StatusPageEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'page_id', foreignKeyConstraintName: 'status_page_groups_page_fk' })
  page?: StatusPageEntity;
  @Column('text') name!: string;
  @Column('int') position!: number;
}

/**
 * A monitor listed on a page, in a group (`groupSlug`) or ungrouped (null), at `position`
 * within it. Deleting the monitor deletes the row (foreign key, cascade).
 */
@Entity('status_page_monitors')
@Index('status_page_monitors_monitor_idx', ['monitorId'])
export class StatusPageMonitorEntity {
  @PrimaryColumn('text') pageId!: string;
  @PrimaryColumn('text') monitorId!: string;
  @ManyToOne(() => StatusPageEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'page_id', foreignKeyConstraintName: 'status_page_monitors_page_fk' })
  page?: StatusPageEntity;
  @ManyToOne(() => MonitorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'monitor_id', foreignKeyConstraintName: 'status_page_monitors_monitor_fk' })
  monitor?: MonitorEntity;
  @Column('text', { nullable: true }) groupSlug!: string | null;
  @Column('int') position!: number;
}
