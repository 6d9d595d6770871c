import { ApiProperty } from '@nestjs/swagger';
import { MONITOR_STATUSES, REGION_STATUSES } from '../../monitors/dto/monitor.view';

const ms = (example: number | null) => ({ type: Number, nullable: true, example });

/** Response-time summary: count, avg, p50, p95, p99, min, max (ms; null without data). */

export class ResponseSummaryView {
  @ApiProperty({ example: 1440 }) count!: number;
  @ApiProperty(ms(121.4)) avg!: number | null;
  @ApiProperty(ms(110.2)) p50!: number | null;
  @ApiProperty(ms(240.9)) p95!: number | null;
  @ApiProperty(ms(410.3)) p99!: number | null;
  @ApiProperty(ms(80.1)) min!: number | null;
  @ApiProperty(ms(902.7)) max!: number | null;
}

export class SeriesPointView extends ResponseSummaryView {
  @ApiProperty({ format: 'date-time', description: 'bucket start' }) t!: string;
  @ApiProperty({ example: 60 }) checks!: number;
  @ApiProperty({ example: 0 }) failures!: number;
  @ApiProperty({ type: Number, nullable: true, example: 100 }) uptime!: number | null;
}

export class RegionSummaryView extends ResponseSummaryView {
  @ApiProperty({ example: 1440 }) checks!: number;
  @ApiProperty({ example: 1 }) failures!: number;
  @ApiProperty({ type: Number, nullable: true, example: 99.9306 }) uptime!: number | null;
}

export class RegionSeriesView {
  @ApiProperty({ example: 'eu-west' }) region!: string;
  @ApiProperty({ type: RegionSummaryView }) summary!: RegionSummaryView;
  @ApiProperty({ type: [SeriesPointView] }) series!: SeriesPointView[];
}

export class WindowSummaryView extends ResponseSummaryView {
  @ApiProperty({ example: 1440 }) rounds!: number;
  @ApiProperty({ example: 0 }) rounds_down!: number;
  @ApiProperty({ example: 2 }) rounds_degraded!: number;
  @ApiProperty({ type: Number, nullable: true, example: 100 }) uptime!: number | null;
}

export class ResponseTimesView {
  @ApiProperty({ example: 'mon_3k9x0q2m7d1v8b4n' }) monitor_id!: string;
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
  @ApiProperty({ enum: ['minute', 'hour', 'day'] }) bucket!: string;
  @ApiProperty({ type: WindowSummaryView }) summary!: WindowSummaryView;
  @ApiProperty({ type: [RegionSeriesView] }) regions!: RegionSeriesView[];
  @ApiProperty({ description: 'how exact the percentiles are' }) accuracy!: string;
}

export class DailyUptimeEntryView {
  @ApiProperty({ example: '2026-11-23' }) date!: string;
  @ApiProperty({ example: 1440 }) totalChecks!: number;
  @ApiProperty({ example: 1439 }) successChecks!: number;
  @ApiProperty({ type: Number, nullable: true, example: 99.9306 }) uptime!: number | null;
}

export class DailyUptimeView {
  @ApiProperty({ example: 'mon_3k9x0q2m7d1v8b4n' }) monitor_id!: string;
  @ApiProperty({ type: String, nullable: true, example: null }) region!: string | null;
  @ApiProperty({ example: 90 }) days!: number;
  @ApiProperty({ type: Number, nullable: true, example: 99.98 }) overallUptime!: number | null;
  @ApiProperty({ type: [DailyUptimeEntryView] }) history!: DailyUptimeEntryView[];
  @ApiProperty({ type: [DailyUptimeEntryView], description: 'the days with a failure' })
  outages!: DailyUptimeEntryView[];
}

export class HourlyUptimeEntryView {
  @ApiProperty({ example: 13, minimum: 0, maximum: 23 }) hour!: number;
  @ApiProperty({ example: 60 }) totalChecks!: number;
  @ApiProperty({ example: 60 }) successChecks!: number;
  @ApiProperty({ type: Number, nullable: true, example: 100 }) uptime!: number | null;
}

export class HourlyUptimeView {
  @ApiProperty({ example: 'mon_3k9x0q2m7d1v8b4n' }) monitor_id!: string;
  @ApiProperty({ type: String, nullable: true, example: null }) region!: string | null;
  @ApiProperty({ example: '2026-11-23' }) date!: string;
  @ApiProperty({ type: [HourlyUptimeEntryView] }) hourlyData!: HourlyUptimeEntryView[];
}

export class MonitorStatusView {
  @ApiProperty({ enum: [...MONITOR_STATUSES, 'paused'] }) status!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) last_check_at!: string | null;
  @ApiProperty(ms(120.5)) response_time_ms!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 99.98 }) uptime_30d!: number | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', enum: [...REGION_STATUSES] },
    example: { 'eu-west': 'up', 'us-east': 'up' },
  })
  location_status!: Record<string, string>;
}

export class StatsView {
  @ApiProperty(ms(121.4)) avg!: number | null;
  @ApiProperty(ms(80.1)) min!: number | null;
  @ApiProperty(ms(902.7)) max!: number | null;
  @ApiProperty(ms(110.2)) p50!: number | null;
  @ApiProperty(ms(240.9)) p95!: number | null;
  @ApiProperty(ms(410.3)) p99!: number | null;
  @ApiProperty({ example: 1440 }) checks!: number;
  @ApiProperty({ example: 1 }) failures!: number;
  @ApiProperty({ type: Number, nullable: true, example: 99.9306 }) uptime!: number | null;
}

export class MonitorStatsView {
  @ApiProperty({ example: 'mon_3k9x0q2m7d1v8b4n' }) monitor_id!: string;
  @ApiProperty({ example: 30 }) days!: number;
  @ApiProperty({ type: StatsView }) stats!: StatsView;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/StatsView' },
    description: 'per region',
  })
  regions!: Record<string, StatsView>;
  @ApiProperty() accuracy!: string;
}
