import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { bigintNumber } from '../database/bigint.transformer';
import { MonitorEntity } from '../monitors/monitor.entity';

/**
 * A monitor's schedule cursor (one row per monitor, created with it), written by the
 * scheduler context only: the scheduler's and the heartbeat sweep's claims advance it, and the
 * monitors context (create, re-time, pause, resume) and decisions (a confirmation round due at
 * once) ask `MonitorSchedules` (scheduler/monitor-schedules.service.ts) to move it.
 */
@Entity('monitor_schedule')
@Index('monitor_schedule_due_idx', ['nextDueAt'], { where: 'next_due_at IS NOT NULL' })
export class MonitorScheduleEntity {
  @PrimaryColumn('text') monitorId!: string;
  @OneToOne(() => MonitorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'monitor_id', foreignKeyConstraintName: 'monitor_schedule_monitor_fk' })
  monitor?: MonitorEntity;
  /** Stable offset of this monitor's rounds inside its interval, in ms. */
  @Column('int') phaseMs!: number;
  @Column('bigint', { transformer: bigintNumber }) nextRound!: number;
  /** When the next round is due; null while the monitor is paused (outside the due index, never claimed). */
  @Column('timestamptz', { nullable: true }) nextDueAt!: Date | null;
}
