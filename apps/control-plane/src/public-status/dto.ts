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

export class StatusCoreMaintenance {
  @ApiProperty({ example: 'mnt_7h2k9d0q3m1x8v4b' }) id!: string;
  @ApiProperty({ example: 'Database upgrade' }) title!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ enum: ['scheduled', 'in_progress', 'completed', 'cancelled'] }) status!: string;
  @ApiProperty({ type: [String], example: ['website'], description: "The affected monitors' slugs (of this page)" }) monitor_ids!: string[];
  @ApiProperty({ format: 'date-time' }) starts_at!: string;
  @ApiProperty({ format: 'date-time' }) ends_at!: string;
  @ApiProperty({ type: () => [StatusCoreIncidentUpdate], description: 'Newest first' }) updates!: StatusCoreIncidentUpdate[];
}

export class StatusCoreDocumentView {
  @ApiProperty({ example: 'Your Company' }) company_name!: string;
  @ApiProperty({ type: [StatusCoreMonitor] }) monitors!: StatusCoreMonitor[];
  @ApiProperty({ type: [StatusCoreIncident], description: 'Open incidents and those of the last 14 days' }) incidents!: StatusCoreIncident[];
  @ApiProperty({ type: [StatusCoreMaintenance], description: 'In progress, upcoming, and finished in the last 14 days (an addition to the reference)' }) maintenance!: StatusCoreMaintenance[];
}

export class PublicErrorView {
  @ApiProperty({ type: Object, nullable: true, example: null }) data!: null;
  @ApiProperty({ example: 'status page not found' }) error!: string;
  @ApiProperty({ example: 'not_found' }) code!: string;
}

export class ValtrogenEventView {
  @ApiProperty({ example: 'upd_4k2m9x0q7d1v8b3n' }) id!: string;
  @ApiProperty({ example: 1710000000000, description: 'ms since the epoch' }) timestamp!: number;
  @ApiProperty({ example: 'In progress' }) label!: string;
  @ApiProperty({ example: 'Maintenance started.' }) content!: string;
}

export class ValtrogenMaintenanceLogView {
  @ApiProperty({ example: 'mnt_7h2k9d0q3m1x8v4b' }) id!: string;
  @ApiProperty({ example: 'Database Migration – EU Region' }) title!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ enum: ['scheduled', 'in_progress', 'completed', 'cancelled'] }) status!: string;
  @ApiProperty({ type: [String], example: ['eu-api'], description: "Affected monitors' slugs (of this page)" }) affectedMonitors!: string[];
  @ApiProperty({ example: 1710000000000 }) startTime!: number;
  @ApiProperty({ example: 1710007200000 }) endTime!: number;
  @ApiProperty({ type: [ValtrogenEventView], description: 'The timeline, oldest first' }) events!: ValtrogenEventView[];
  @ApiProperty({ example: 1710000000000 }) createdAt!: number;
  @ApiProperty({ example: 1710007200000 }) updatedAt!: number;
}

export class ValtrogenLogsView {
  @ApiProperty({ enum: [true] }) success!: boolean;
  @ApiProperty({ type: [ValtrogenMaintenanceLogView] }) logs!: ValtrogenMaintenanceLogView[];
}

export class ValtrogenMonitorDetailView {
  @ApiProperty({ example: 'EU API Gateway' }) name!: string;
  @ApiProperty({ example: 'up', enum: ['pending', 'up', 'degraded', 'down', 'warn', 'paused', 'maintenance'] }) status!: string;
  @ApiProperty({ example: 99.95, description: 'uptime of the last 90 days, %' }) overallUptime!: number;
  @ApiProperty({ type: Number, nullable: true, example: 1710007200000 }) lastChecked!: number | null;
}

export class ValtrogenLogDetailView {
  @ApiProperty({ enum: [true] }) success!: boolean;
  @ApiProperty({ type: ValtrogenMaintenanceLogView }) log!: ValtrogenMaintenanceLogView;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/ValtrogenMonitorDetailView' }, description: 'By monitor slug' })
  monitorDetails!: Record<string, ValtrogenMonitorDetailView>;
}

export class ValtrogenErrorView {
  @ApiProperty({ enum: [false] }) success!: boolean;
  @ApiProperty({ example: 'maintenance log not found' }) error!: string;
}
