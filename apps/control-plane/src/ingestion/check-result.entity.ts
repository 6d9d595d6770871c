import { Column, Entity, Index, PrimaryGeneratedColumn, JoinColumn, ManyToOne } from 'typeorm';
import { MonitorEntity } from '../monitors/monitor.entity';
import type { TimingPhases } from '@parallax/contracts';
import { bigintNumber } from '../database/bigint.transformer';

/**
 * One region's result for one round. Identity = monitor + round + region: the same
 * key as the JetStream `Nats-Msg-Id`, so a redelivered result is ignored.
 */
@Entity('check_results')
@Index('check_results_identity_uq', ['monitorId', 'round', 'region'], { unique: true })
@Index('check_results_monitor_time_idx', ['monitorId', 'checkedAt'])
export class CheckResultEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) id!: string;
  @Column('text') monitorId!: string;
  @ManyToOne(() => MonitorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'monitor_id', foreignKeyConstraintName: 'check_results_monitor_fk' })
  monitor?: MonitorEntity;
  @Column('text') accountId!: string;
  @Column('bigint', { transformer: bigintNumber }) round!: number;
  @Column('text') region!: string;
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
  @Column('timestamptz') checkedAt!: Date;
  @Column('timestamptz', { default: () => 'now()' }) receivedAt!: Date;
  /** Arrived after its round's deadline: stored, not counted in the decision. */
  @Column('boolean', { default: false }) late!: boolean;
}
