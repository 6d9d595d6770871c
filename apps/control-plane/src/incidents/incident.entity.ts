import { Column, Entity, Index, PrimaryColumn, JoinColumn, ManyToOne } from 'typeorm';
import { MonitorEntity } from '../monitors/monitor.entity';

export interface IncidentRegionResult {
  region: string;
  is_up: boolean | null;
  status_code: number | null;
  response_ms: number | null;
  error: string | null;
}

@Entity('incidents')
@Index('incidents_one_open_per_monitor_uq', ['monitorId'], { unique: true, where: "status = 'open'" })
@Index('incidents_account_started_idx', ['accountId', 'startedAt'])
export class IncidentEntity {
  @PrimaryColumn('text') id!: string;
  @Column('text') accountId!: string;
  @Index() @Column('text') monitorId!: string;
  @ManyToOne(() => MonitorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'monitor_id', foreignKeyConstraintName: 'incidents_monitor_fk' })
  monitor?: MonitorEntity;
  @Column('text') monitorName!: string;
  @Column('text') monitorUrl!: string;
  @Column('text') monitorType!: string;
  @Column('text') status!: 'open' | 'resolved';
  @Column('int', { nullable: true }) statusCode!: number | null;
  @Column('double precision', { nullable: true }) responseMs!: number | null;
  @Column('timestamptz') startedAt!: Date;
  @Column('timestamptz', { nullable: true }) resolvedAt!: Date | null;
  @Column('int', { nullable: true }) durationSeconds!: number | null;
  @Column('text', { nullable: true }) failureErrorMessage!: string | null;
  @Column('jsonb', { nullable: true }) failureResponseHeaders!: Record<string, string> | null;
  @Column('text', { nullable: true }) failureResponseBody!: string | null;
  @Column('int', { nullable: true }) regionsChecked!: number | null;
  @Column('int', { nullable: true }) regionsUp!: number | null;
  @Column('jsonb', { nullable: true }) regionResults!: IncidentRegionResult[] | null;
  @Column('text', { array: true, default: () => "'{}'" }) affectedRegions!: string[];
  @Column('text') openedByRound!: string;
  @Column('text', { nullable: true }) resolvedByRound!: string | null;
}
