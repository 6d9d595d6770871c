import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { MonitorEntity, type MonitorStatus } from '../monitors/monitor.entity';

/**
 * A monitor's decision read model (one row per monitor that has been decided), written by the
 * decisions context only (`MonitorStateRepository`, an upsert in the decision transaction): the
 * monitors context never creates the row. A monitor without one reads as `emptyReadModel`
 * (pending, nothing counted). Readers join it onto the monitor as `m.state`; the monitor
 * entity copies it into its read-model fields when loaded (`MonitorEntity.applyState`).
 */
@Entity('monitor_state')
@Index('monitor_state_status_idx', ['status'])
export class MonitorStateEntity {
  @PrimaryColumn('text') monitorId!: string;
  @OneToOne(() => MonitorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'monitor_id', foreignKeyConstraintName: 'monitor_state_monitor_fk' })
  monitor?: MonitorEntity;
  @Column('text', { default: 'pending' }) status!: MonitorStatus;
  /** A status change waiting for its confirmation rounds (confirmation.ts); null: none. */
  @Column('text', { nullable: true }) pendingStatus!: MonitorStatus | null;
  @Column('int', { default: 0 }) pendingRounds!: number;
  @Column('timestamptz', { nullable: true }) pendingSince!: Date | null;
  @Column('timestamptz', { nullable: true }) statusChangedAt!: Date | null;
  /** The status last notified, while a change made in maintenance waits to be notified after it (null: none held). */
  @Column('text', { nullable: true }) heldStatus!: MonitorStatus | null;
  @Column('timestamptz', { nullable: true }) lastChecked!: Date | null;
  @Column('int', { nullable: true }) lastStatusCode!: number | null;
  @Column('double precision', { nullable: true }) lastResponseMs!: number | null;
  @Column('jsonb', { nullable: true }) lastResponseByRegion!: Record<string, number | null> | null;
  @Column('jsonb', { nullable: true }) locationStatus!: Record<string, string> | null;
  @Column('int', { default: 0 }) checksTotal!: number;
  @Column('int', { default: 0 }) checksFailed!: number;
  @Column('timestamptz', { nullable: true }) sslExpiry!: Date | null;
  @Column('text', { nullable: true }) sslIssuer!: string | null;
  /** scheduled_at of the newest round whose decision was applied to the status. */
  @Column('timestamptz', { nullable: true }) lastRoundAt!: Date | null;
  @Column('timestamptz', { nullable: true }) domainExpiry!: Date | null;
  @Column('text', { nullable: true }) domainRegistrar!: string | null;
  @Column('text', { array: true, default: () => "'{}'" }) domainStatus!: string[];
  /** When decisions last wrote the row (the API's `updated_at` of the monitor is the later of this and its own). */
  @Column('timestamptz', { default: () => 'now()' }) updatedAt!: Date;
}
