import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { MonitorEntity } from '../monitors/monitor.entity';

/**
 * What a heartbeat monitor's pings left behind (one row per heartbeat monitor), written only
 * by the heartbeats context: at create and on a resume or a new interval through
 * `HeartbeatStateService` (called by the monitors context in its transaction), and by the
 * pings themselves. The monitor's configuration (interval, grace, token) stays in `monitors`.
 */
@Entity('heartbeat_state')
export class HeartbeatStateEntity {
  @PrimaryColumn('text') monitorId!: string;
  @OneToOne(() => MonitorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'monitor_id', foreignKeyConstraintName: 'heartbeat_state_monitor_fk' })
  monitor?: MonitorEntity;
  /** A ping is expected before this instant (the grace period follows). */
  @Column('timestamptz', { nullable: true }) heartbeatExpectedBy!: Date | null;
  @Column('timestamptz', { nullable: true }) lastPingAt!: Date | null;
  @Column('timestamptz', { nullable: true }) lastFailAt!: Date | null;
  /** Set by `/start`, cleared by the ping that ends the run. */
  @Column('timestamptz', { nullable: true }) runStartedAt!: Date | null;
  /** Duration of the last run between `/start` and its success or `/fail` ping. */
  @Column('double precision', { nullable: true }) lastRunMs!: number | null;
}

/** The state of a heartbeat monitor that has none stored yet (nothing pinged). */
export function emptyHeartbeatState(monitorId: string, expectedBy: Date | null = null): HeartbeatStateEntity {
  return Object.assign(new HeartbeatStateEntity(), {
    monitorId,
    heartbeatExpectedBy: expectedBy,
    lastPingAt: null,
    lastFailAt: null,
    runStartedAt: null,
    lastRunMs: null,
  });
}
