import { ApiProperty } from '@nestjs/swagger';

export class StatusCoreHistoryDay {
  @ApiProperty({ example: '2026-11-30' }) date!: string;
  @ApiProperty({ type: String, nullable: true, example: '99.95', description: 'null: no data that day' })
  uptime_percentage!: string | null;
  @ApiProperty({ example: 1440 }) checks!: number;
  @ApiProperty({ example: 1 }) failures!: number;
}

export class StatusCoreMonitor {
  @ApiProperty({ example: 'website', description: "The monitor's slug" }) id!: string;
  @ApiProperty({ example: 'Website' }) name!: string;
  @ApiProperty({ example: 'http' }) type!: string;
  @ApiProperty({ example: 'up', enum: ['pending', 'up', 'degraded', 'down', 'warn', 'paused'] }) status!: string;
  @ApiProperty({ example: '99.95' }) uptime_percentage!: string;
  @ApiProperty({ type: [StatusCoreHistoryDay], description: '90 daily entries, oldest first' })
  history!: StatusCoreHistoryDay[];
}

export class StatusCoreIncident {
  @ApiProperty({ example: 'inc_3k9x0q2m7d1v8b4n' }) id!: string;
  @ApiProperty({ example: 'Website' }) monitor_name!: string;
  @ApiProperty({ format: 'date-time' }) started_at!: string;
  @ApiProperty({ format: 'date-time', type: String, nullable: true }) resolved_at!: string | null;
  @ApiProperty({ enum: ['open', 'resolved'] }) status!: string;
  @ApiProperty({ enum: ['automatic', 'manual', 'regional'] }) type!: string;
  @ApiProperty({ example: 'Website is down' }) title!: string;
  @ApiProperty({ enum: ['none', 'minor', 'major', 'critical'] }) impact!: string;
  @ApiProperty({
    enum: ['investigating', 'identified', 'monitoring', 'resolved'],
    description: 'The timeline status (automatic incidents: investigating until resolved)',
  })
  incident_status!: string;
  @ApiProperty({ type: () => [StatusCoreIncidentUpdate], description: 'Newest first' })
  updates!: StatusCoreIncidentUpdate[];
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
  @ApiProperty({ type: [String], example: ['website'], description: "The affected monitors' slugs (of this page)" })
  monitor_ids!: string[];
  @ApiProperty({ format: 'date-time' }) starts_at!: string;
  @ApiProperty({ format: 'date-time' }) ends_at!: string;
  @ApiProperty({ type: () => [StatusCoreIncidentUpdate], description: 'Newest first' })
  updates!: StatusCoreIncidentUpdate[];
}

export class StatusCoreDocumentView {
  @ApiProperty({ example: 'Your Company' }) company_name!: string;
  @ApiProperty({ type: [StatusCoreMonitor] }) monitors!: StatusCoreMonitor[];
  @ApiProperty({ type: [StatusCoreIncident], description: 'Open incidents and those of the last 14 days' })
  incidents!: StatusCoreIncident[];
  @ApiProperty({
    type: [StatusCoreMaintenance],
    description: 'In progress, upcoming, and finished in the last 14 days (an addition to the reference)',
  })
  maintenance!: StatusCoreMaintenance[];
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
  @ApiProperty({ type: [String], example: ['eu-api'], description: "Affected monitors' slugs (of this page)" })
  affectedMonitors!: string[];
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
  @ApiProperty({ example: 'up', enum: ['pending', 'up', 'degraded', 'down', 'warn', 'paused', 'maintenance'] })
  status!: string;
  @ApiProperty({ example: 99.95, description: 'uptime of the last 90 days, %' }) overallUptime!: number;
  @ApiProperty({ type: Number, nullable: true, example: 1710007200000 }) lastChecked!: number | null;
}

export class ValtrogenLogDetailView {
  @ApiProperty({ enum: [true] }) success!: boolean;
  @ApiProperty({ type: ValtrogenMaintenanceLogView }) log!: ValtrogenMaintenanceLogView;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/ValtrogenMonitorDetailView' },
    description: 'By monitor slug',
  })
  monitorDetails!: Record<string, ValtrogenMonitorDetailView>;
}

export class ValtrogenErrorView {
  @ApiProperty({ enum: [false] }) success!: boolean;
  @ApiProperty({ example: 'maintenance log not found' }) error!: string;
}

export class ValtrogenUptimeView {
  @ApiProperty({ example: 1440 }) totalChecks!: number;
  @ApiProperty({ example: 1438 }) successChecks!: number;
  @ApiProperty({ example: 99.86, description: '%, two decimals (truncated); 100 without checks' }) uptime!: number;
}

export class ValtrogenDailyUptimeView extends ValtrogenUptimeView {
  @ApiProperty({ example: '2025-03-10', description: 'UTC date' }) date!: string;
}

export class ValtrogenHourlyView extends ValtrogenUptimeView {
  @ApiProperty({ example: 0, minimum: 0, maximum: 23 }) hour!: number;
}

export class ValtrogenGroupRefView {
  @ApiProperty({ example: 'europe', description: "The page group's slug" }) id!: string;
  @ApiProperty({ example: 'Europe' }) name!: string;
  @ApiProperty({ example: 1 }) order!: number;
}

const STATUSES = ['pending', 'up', 'degraded', 'down', 'warn', 'paused', 'maintenance'];

export class ValtrogenMonitorItemView {
  @ApiProperty({ example: 'eu-api', description: "The monitor's slug" }) id!: string;
  @ApiProperty({ example: 'EU API Gateway' }) name!: string;
  @ApiProperty({ example: 'http' }) type!: string;
  @ApiProperty({ example: 'up', enum: STATUSES }) status!: string;
  @ApiProperty({ type: Number, nullable: true, example: 1710007200000 }) lastChecked!: number | null;
  @ApiProperty({ example: 99.95, description: 'uptime of the last 90 days, %' }) overallUptime!: number;
  @ApiProperty({ type: Number, nullable: true, example: 142, description: 'last response time, ms' }) responseTime!:
    number | null;
  @ApiProperty({ type: Number, nullable: true, example: 200 }) statusCode!: number | null;
  @ApiProperty({ required: false, description: 'Only when the page has show_target_urls' }) url?: string;
  @ApiProperty({ type: [ValtrogenDailyUptimeView], description: '90 entries, oldest first, ending today (UTC)' })
  dailyUptimes!: ValtrogenDailyUptimeView[];
}

export class ValtrogenMonitorsView {
  @ApiProperty({ enum: [true] }) success!: boolean;
  @ApiProperty({ type: [ValtrogenMonitorItemView] }) monitors!: ValtrogenMonitorItemView[];
  @ApiProperty({ type: [ValtrogenGroupRefView] }) groups!: ValtrogenGroupRefView[];
}

export class ValtrogenHourlyDataView {
  @ApiProperty({ enum: [true] }) success!: boolean;
  @ApiProperty({ type: [ValtrogenHourlyView], description: '24 entries, hour 0 to 23 (UTC)' })
  hourlyData!: ValtrogenHourlyView[];
}

export class ValtrogenMonitorFullView {
  @ApiProperty({ example: 'eu-api' }) id!: string;
  @ApiProperty({ example: 'EU API Gateway' }) name!: string;
  @ApiProperty({ example: 'http' }) type!: string;
  @ApiProperty({ example: 'up', enum: STATUSES }) status!: string;
  @ApiProperty({ example: 99.95 }) overallUptime!: number;
  @ApiProperty({ required: false, description: 'Only when the page has show_target_urls' }) url?: string;
  @ApiProperty({ type: [ValtrogenDailyUptimeView], description: '90 entries, oldest first' })
  history!: ValtrogenDailyUptimeView[];
  @ApiProperty({ type: [ValtrogenDailyUptimeView], description: 'The days with a failed round' })
  outages!: ValtrogenDailyUptimeView[];
}

export class ValtrogenGroupShortView {
  @ApiProperty({ example: 'europe' }) id!: string;
  @ApiProperty({ example: 'Europe' }) name!: string;
}

export class ValtrogenMonitorPageView {
  @ApiProperty({ enum: [true] }) success!: boolean;
  @ApiProperty({ type: ValtrogenMonitorFullView }) monitor!: ValtrogenMonitorFullView;
  @ApiProperty({ type: ValtrogenGroupShortView, nullable: true, description: 'null: ungrouped' })
  group!: ValtrogenGroupShortView | null;
  @ApiProperty({ type: [ValtrogenMaintenanceLogView] }) maintenanceLogs!: ValtrogenMaintenanceLogView[];
}

export class ValtrogenMinuteView {
  @ApiProperty({ example: 1710000000000, description: "the round's scheduled time, ms" }) timestamp!: number;
  @ApiProperty({ example: true }) success!: boolean;
  @ApiProperty({ type: Number, nullable: true, required: false, example: 142, description: 'successful rounds' })
  responseTime?: number | null;
  @ApiProperty({ type: Number, nullable: true, required: false, example: 200, description: 'successful rounds' })
  statusCode?: number | null;
  @ApiProperty({
    required: false,
    example: 'timeout',
    description: 'failed rounds: an error class, never the raw error',
  })
  error?: string;
}

export class ValtrogenMinutesView {
  @ApiProperty({ enum: [true] }) success!: boolean;
  @ApiProperty({ type: [ValtrogenMinuteView], description: 'At most 60, oldest first' })
  records!: ValtrogenMinuteView[];
}

export class ValtrogenGroupMemberView {
  @ApiProperty({ example: 'eu-api' }) id!: string;
  @ApiProperty({ example: 'EU API Gateway' }) name!: string;
  @ApiProperty({ example: 'up', enum: STATUSES }) status!: string;
  @ApiProperty({ example: 99.95 }) overallUptime!: number;
  @ApiProperty({ type: [ValtrogenDailyUptimeView] }) history!: ValtrogenDailyUptimeView[];
}

export class ValtrogenGroupStatsView {
  @ApiProperty({ example: 5 }) total!: number;
  @ApiProperty({ example: 4 }) up!: number;
  @ApiProperty({ example: 1, description: 'degraded or warn' }) degraded!: number;
  @ApiProperty({ example: 0 }) down!: number;
}

export class ValtrogenGroupView {
  @ApiProperty({ enum: [true] }) success!: boolean;
  @ApiProperty({ type: ValtrogenGroupRefView }) group!: ValtrogenGroupRefView;
  @ApiProperty({ type: [ValtrogenGroupMemberView] }) monitors!: ValtrogenGroupMemberView[];
  @ApiProperty({ type: ValtrogenGroupStatsView }) stats!: ValtrogenGroupStatsView;
  @ApiProperty({ type: [ValtrogenMaintenanceLogView] }) maintenanceLogs!: ValtrogenMaintenanceLogView[];
}
