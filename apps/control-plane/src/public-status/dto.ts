import { ApiProperty } from '@nestjs/swagger';

export class StatusCoreHistoryDay {
  @ApiProperty({ example: '2026-11-30' }) date!: string;
  @ApiProperty({ type: String, nullable: true, example: '99.95', description: 'null: no data that day' }) uptime_percentage!: string | null;
  @ApiProperty({ example: 1440 }) checks!: number;
  @ApiProperty({ example: 1 }) failures!: number;
}

export class StatusCoreMonitor {
  @ApiProperty({ example: 'website', description: "The monitor's slug" }) id!: string;
  @ApiProperty({ example: 'Website' }) name!: string;
  @ApiProperty({ example: 'http' }) type!: string;
  @ApiProperty({ example: 'up', enum: ['pending', 'up', 'degraded', 'down', 'warn', 'paused'] }) status!: string;
  @ApiProperty({ example: '99.95' }) uptime_percentage!: string;
  @ApiProperty({ type: [StatusCoreHistoryDay], description: '90 daily entries, oldest first' }) history!: StatusCoreHistoryDay[];
}

export class StatusCoreIncident {
  @ApiProperty({ example: 'inc_3k9x0q2m7d1v8b4n' }) id!: string;
  @ApiProperty({ example: 'Website' }) monitor_name!: string;
  @ApiProperty({ format: 'date-time' }) started_at!: string;
  @ApiProperty({ format: 'date-time', type: String, nullable: true }) resolved_at!: string | null;
  @ApiProperty({ enum: ['open', 'resolved'] }) status!: string;
  @ApiProperty({ enum: ['automatic', 'manual'] }) type!: string;
  @ApiProperty({ example: 'Website is down' }) title!: string;
  @ApiProperty({ enum: ['none', 'minor', 'major', 'critical'] }) impact!: string;
  @ApiProperty({ enum: ['investigating', 'identified', 'monitoring', 'resolved'], description: 'The timeline status (automatic incidents: investigating until resolved)' }) incident_status!: string;
  @ApiProperty({ type: () => [StatusCoreIncidentUpdate], description: 'Newest first' }) updates!: StatusCoreIncidentUpdate[];
}

export class StatusCoreIncidentUpdate {
  @ApiProperty({ example: 'upd_4k2m9x0q7d1v8b3n' }) id!: string;
  @ApiProperty({ format: 'date-time' }) timestamp!: string;
  @ApiProperty({ example: 'Identified' }) label!: string;
  @ApiProperty({ example: 'A faulty deploy; rolling back.' }) content!: string;
}

export class StatusCoreDocumentView {
  @ApiProperty({ example: 'Your Company' }) company_name!: string;
  @ApiProperty({ type: [StatusCoreMonitor] }) monitors!: StatusCoreMonitor[];
  @ApiProperty({ type: [StatusCoreIncident], description: 'Open incidents and those of the last 14 days' }) incidents!: StatusCoreIncident[];
}

export class PublicErrorView {
  @ApiProperty({ type: Object, nullable: true, example: null }) data!: null;
  @ApiProperty({ example: 'status page not found' }) error!: string;
  @ApiProperty({ example: 'not_found' }) code!: string;
}
