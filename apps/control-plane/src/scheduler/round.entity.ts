import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, JoinColumn, ManyToOne } from 'typeorm';
import { MonitorEntity } from '../monitors/monitor.entity';
import { bigintNumber } from '../database/bigint.transformer';

/** `warn`: ssl only, no region fails but one sees the certificate within its threshold. */
export type RoundOutcome = 'up' | 'degraded' | 'down' | 'warn' | 'no_data';

/**
 * One scheduled slot of a monitor: one job per region. The row is written when the
 * round is claimed (the dispatch outbox: `dispatched_at` null until its jobs are
 * published) and completed by the decision (the check record of `GET /checks`).
 *
 * The table is partitioned by day on `scheduled_at` like `check_results` (partitions
 * `rounds_pYYYYMMDD`, created ahead and dropped after the retention by PartitionsService),
 * so every unique key carries `scheduled_at`: the primary key is (id, scheduled_at) and
 * (monitor, scheduled_at, round) is unique. A monitor's round numbers are not reused: a
 * resumed monitor keeps its next round when its interval is unchanged (schedule.ts
 * firstRound), and inserting a round whose number the monitor used in the last two days
 * is skipped (`(monitor_id, round)` index), which covers an interval changed and changed
 * back within one slot. Every statement that reaches rounds by id or by (monitor, round) also
 * names their scheduled times, so it touches only their days' partitions.
 */
@Entity('rounds')
@Index('rounds_monitor_time_round_uq', ['monitorId', 'scheduledAt', 'round'], { unique: true })
@Index('rounds_undecided_idx', ['deadlineAt'], { where: 'decided_at IS NULL' })
@Index('rounds_undispatched_idx', ['createdAt'], { where: 'dispatched_at IS NULL' })
@Index('rounds_no_data_idx', ['monitorId'], { where: "outcome = 'no_data'" })
@Index('rounds_monitor_round_idx', ['monitorId', 'round'])
export class RoundEntity {
  @PrimaryColumn('text') id!: string;
  @Column('text') monitorId!: string;
  @ManyToOne(() => MonitorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'monitor_id', foreignKeyConstraintName: 'rounds_monitor_fk' })
  monitor?: MonitorEntity;
  @Column('text') accountId!: string;
  @Column('bigint', { transformer: bigintNumber }) round!: number;
  @PrimaryColumn('timestamptz') scheduledAt!: Date;
  @Column('timestamptz') deadlineAt!: Date;
  /** The regions that got a job for this round (the regions the decision counts). */
  @Column('text', { array: true }) regions!: string[];
  /**
   * The monitor's regions that got no job: no probe online for longer than the grace
   * period when the round was claimed. Unknown in the decision, never failing.
   */
  @Column('text', { array: true, default: () => "'{}'" }) skippedRegions!: string[];
  @Column('int') quorum!: number;
  @Column('timestamptz', { nullable: true }) dispatchedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) decidedAt!: Date | null;
  @Column('text', { nullable: true }) outcome!: RoundOutcome | null;
  @Column('int', { nullable: true }) regionsChecked!: number | null;
  @Column('int', { nullable: true }) regionsUp!: number | null;
  @Column('double precision', { nullable: true }) responseMs!: number | null;
  @Column('int', { nullable: true }) statusCode!: number | null;
  /** Decided while the monitor was in maintenance (scheduled or recurring): left out of uptime and SLA. */
  @Column('boolean', { default: false }) inMaintenance!: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
