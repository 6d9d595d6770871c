import { Column, Entity, PrimaryColumn, JoinColumn, ManyToOne } from 'typeorm';
import { MonitorEntity } from '../monitors/monitor.entity';
import type { AttemptV1, TimingPhases } from '@parallax/contracts';
import { bigintNumber } from '../database/bigint.transformer';

/**
 * One region's result for one round. Identity = monitor + round + region: the same
 * key as the JetStream `Nats-Msg-Id`, so a redelivered result is ignored. The table is
 * partitioned by day on `scheduled_at` (the round's scheduled time, fixed by the round),
 * so the primary key is (monitor_id, scheduled_at, round, region): the partition key is
 * part of it, and it is the index for "one monitor, one window". Partitions are created
 * ahead and dropped after the retention by PartitionsService (timeseries/).
 */
@Entity('check_results')
export class CheckResultEntity {
  @PrimaryColumn('text') monitorId!: string;
  @PrimaryColumn('timestamptz') scheduledAt!: Date;
  @PrimaryColumn('bigint', { transformer: bigintNumber }) round!: number;
  @PrimaryColumn('text') region!: string;
  @ManyToOne(() => MonitorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'monitor_id', foreignKeyConstraintName: 'check_results_monitor_fk' })
  monitor?: MonitorEntity;
  @Column('text') accountId!: string;
  @Column('text') probeId!: string;
  @Column('boolean') isUp!: boolean;
  @Column('int', { nullable: true }) statusCode!: number | null;
  @Column('double precision', { nullable: true }) responseMs!: number | null;
  @Column('text', { nullable: true }) error!: string | null;
  @Column('jsonb') phases!: TimingPhases;
  @Column('jsonb', { nullable: true }) responseHeaders!: Record<string, string> | null;
  @Column('text', { nullable: true }) responseBody!: string | null;
  /** ssl: up, but the certificate expires within the threshold. */
  @Column('boolean', { default: false }) warn!: boolean;
  @Column('timestamptz', { nullable: true }) sslExpiry!: Date | null;
  @Column('text', { nullable: true }) sslIssuer!: string | null;
  /** Type-specific findings (certificate, protocols, DNS answer and rcode, TCP reply). */
  @Column('jsonb', { nullable: true }) details!: Record<string, unknown> | null;
  /** In-region retries: every attempt of the job (AttemptV1), null when the job had no retries (or an older probe ran it). */
  @Column('jsonb', { nullable: true }) attempts!: AttemptV1[] | null;
  @Column('timestamptz') checkedAt!: Date;
  @Column('timestamptz', { default: () => 'now()' }) receivedAt!: Date;
  /** Arrived after its round's deadline: stored, not counted in the decision. */
  @Column('boolean', { default: false }) late!: boolean;
}
