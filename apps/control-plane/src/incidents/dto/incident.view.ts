import { ApiProperty } from '@nestjs/swagger';
import { MONITOR_TYPES } from '../../monitors/monitor.entity';

import { IMPACTS, MANUAL_STATUSES } from '../incident.entity';

/** Automatic incidents are `open` or `resolved`; manual ones move through MANUAL_STATUSES. As a filter `open` means not resolved. */
export const INCIDENT_STATUSES = ['open', 'resolved', 'investigating', 'identified', 'monitoring'] as const;
export const INCIDENT_TYPES = ['automatic', 'manual', 'regional'] as const;

export class IncidentUpdateView {
  @ApiProperty({ example: 'upd_4k2m9x0q7d1v8b3n' }) id!: string;
  @ApiProperty({ example: 'Identified' }) label!: string;
  @ApiProperty({ example: 'A faulty deploy; rolling back.' }) content!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: MANUAL_STATUSES,
    description: 'The status the incident moved to with this update',
  })
  status!: string | null;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
}

export class IncidentRegionResultView {
  @ApiProperty({ example: 'eu-west' }) region!: string;
  @ApiProperty({ type: Boolean, nullable: true }) is_up!: boolean | null;
  @ApiProperty({ type: Number, nullable: true, example: 503 }) status_code!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 812.3 }) response_ms!: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'expected status 200, got 503' }) error!: string | null;
}

/** StatusRooster's incident document plus StatusPool's `affected_regions`. */
export class IncidentView {
  @ApiProperty({ example: 'inc_7h2k9d0q3m1x8v4b' }) id!: string;
  @ApiProperty({
    enum: INCIDENT_TYPES,
    description:
      'automatic: an outage, opened and resolved by the checks; regional: one region failing for regional_incident_rounds rounds while the monitor is up or degraded (affected_regions), resolved when they recover or superseded by an outage; manual: POST /incidents',
  })
  type!: string;
  @ApiProperty({ example: 'My Website is down' }) title!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ enum: IMPACTS }) impact!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'mon_3k9x0q2m7d1v8b4n',
    description: 'The (first) affected monitor; null for a manual incident without monitors',
  })
  monitor_id!: string | null;
  @ApiProperty({ type: [String], example: ['mon_3k9x0q2m7d1v8b4n'] }) monitor_ids!: string[];
  @ApiProperty({ type: String, nullable: true, example: 'My Website' }) monitor_name!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'https://example.com/health' }) monitor_url!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: MONITOR_TYPES }) monitor_type!: string | null;
  @ApiProperty({ enum: INCIDENT_STATUSES }) status!: string;
  @ApiProperty({ type: Number, nullable: true, example: 503 }) status_code!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 812.3 }) response_ms!: number | null;
  @ApiProperty({ format: 'date-time' }) started_at!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolved_at!: string | null;
  @ApiProperty({ format: 'date-time', description: 'The newest change (update, status, resolution)' })
  updated_at!: string;
  @ApiProperty({ type: Number, nullable: true, example: 300 }) duration_seconds!: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'expected status 200, got 503' }) failure_error_message!:
    string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    nullable: true,
    example: { 'content-type': 'text/html' },
  })
  failure_response_headers!: Record<string, string> | null;
  @ApiProperty({ type: String, nullable: true, description: 'at most 2048 characters' }) failure_response_body!:
    string | null;
  @ApiProperty({ type: Number, nullable: true, example: 3 }) regions_checked!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 1 }) regions_up!: number | null;
  @ApiProperty({ type: [IncidentRegionResultView], nullable: true }) region_results!: IncidentRegionResultView[] | null;
  @ApiProperty({ type: [String], example: ['eu-west', 'us-east'] }) affected_regions!: string[];
  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description:
      'the open incident of a monitor this one depends on (depends_on) when this one opened; its notifications were suppressed meanwhile',
  })
  caused_by_incident_id!: string | null;
  @ApiProperty({ type: [IncidentUpdateView], description: 'The timeline, oldest first' })
  updates!: IncidentUpdateView[];
}

export class IncidentsMetaView {
  @ApiProperty({ example: 3 }) total!: number;
  @ApiProperty({ example: 50 }) limit!: number;
  @ApiProperty({ example: 0 }) offset!: number;
  @ApiProperty({ example: 720 }) hours!: number;
}
