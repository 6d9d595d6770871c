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
@Index('incidents_one_open_per_monitor_uq', ['monitorId'], {
  unique: true,
  where: "status = 'open' AND type = 'automatic'",
})
@Index('incidents_one_open_regional_per_monitor_uq', ['monitorId'], {
  unique: true,
  where: "status = 'open' AND type = 'regional'",
})
@Index('incidents_account_started_idx', ['accountId', 'startedAt'])
export class IncidentEntity {
  @PrimaryColumn('text') id!: string;
  @Column('text') accountId!: string;
  /** The monitor of an automatic incident; NULL for a manual one (its monitors are `monitorIds`). */
  @Index() @Column('text', { nullable: true }) monitorId!: string | null;
  @ManyToOne(() => MonitorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'monitor_id', foreignKeyConstraintName: 'incidents_monitor_fk' })
  monitor?: MonitorEntity;
  @Column('text') monitorName!: string;
  @Column('text') monitorUrl!: string;
  @Column('text') monitorType!: string;
  /** Automatic: `open` | `resolved`; manual: `investigating` | `identified` | `monitoring` | `resolved`. */
  @Column('text') status!: IncidentStatus;
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
  @Column('text', { nullable: true }) openedByRound!: string | null;
  /** Dependencies (decisions/dependencies.ts): the open incident of a monitor this one depends on, when it opened while that was down. */
  @Column('text', { nullable: true }) causedByIncidentId!: string | null;
  @Column('text', { nullable: true }) resolvedByRound!: string | null;
  /** `automatic` (an outage, opened by a decision), `regional` (one region failing, opened by a decision) or `manual` (POST /incidents). */
  @Column('text', { default: 'automatic' }) type!: IncidentType;
  @Column('text', { nullable: true }) title!: string | null;
  @Column('text', { nullable: true }) description!: string | null;
  @Column('text', { nullable: true }) impact!: IncidentImpact | null;
  /** Affected monitors of a manual incident (automatic ones: `monitorId`). */
  @Column('text', { array: true, default: () => "'{}'" }) monitorIds!: string[];
  @Column('timestamptz', { nullable: true }) updatedAt!: Date | null;
}

/** `regional`: one region failing for `regional_incident_rounds` rounds while the monitor is not down (decisions/regional-incident.ts). */
export type IncidentType = 'automatic' | 'manual' | 'regional';
export const MANUAL_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export type ManualStatus = (typeof MANUAL_STATUSES)[number];
export type IncidentStatus = 'open' | ManualStatus;
export const IMPACTS = ['none', 'minor', 'major', 'critical'] as const;
export type IncidentImpact = (typeof IMPACTS)[number];

/** One entry of an incident's timeline (Valtrogen `events`): written by the decision (detected / resolved) or posted by the owner. */
@Entity('incident_updates')
@Index('incident_updates_incident_idx', ['incidentId', 'createdAt'])
export class IncidentUpdateEntity {
  @PrimaryColumn('text') id!: string;
  @Column('text') incidentId!: string;
  @ManyToOne(() => IncidentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id', foreignKeyConstraintName: 'incident_updates_incident_fk' })
  incident?: IncidentEntity;
  @Column('text') accountId!: string;
  @Column('text') label!: string;
  @Column('text') content!: string;
  /** The status the incident moved to with this update, if it moved. */
  @Column('text', { nullable: true }) status!: string | null;
  @Column('timestamptz') createdAt!: Date;
}
