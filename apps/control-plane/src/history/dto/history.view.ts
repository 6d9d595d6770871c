import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MONITOR_STATUSES } from '../../monitors/dto/monitor.view';
import { StatsView } from '../../timeseries/dto/timeseries.view';
import { AttemptView, ROUND_OUTCOMES } from './check.view';

const ms = (example: number | null) => ({ type: Number, nullable: true, example });

export class MinuteRecordView {
  @ApiProperty({ example: 1763902800000, description: 'ms since the epoch' }) timestamp!: number;
  @ApiProperty() success!: boolean;
  @ApiPropertyOptional({ enum: ROUND_OUTCOMES, description: 'rounds (no region given)' }) status?: string;
  @ApiProperty(ms(120.5)) responseTime!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 200 }) statusCode!: number | null;
  @ApiPropertyOptional({ description: 'a region’s failed result' }) error?: string;
}

export class MinutesView {
  @ApiProperty({ example: 'mon_3k9x0q2m7d1v8b4n' }) monitor_id!: string;
  @ApiProperty({ type: String, nullable: true, example: 'eu-west' }) region!: string | null;
  @ApiProperty({ example: '2026-11-23' }) date!: string;
  @ApiProperty({ example: 13 }) hour!: number;
  @ApiProperty({ type: [MinuteRecordView] }) records!: MinuteRecordView[];
}

export class LogEntryView {
  @ApiProperty({ format: 'date-time', description: 'the round’s scheduled time' }) timestamp!: string;
  @ApiProperty({ format: 'date-time' }) checked_at!: string;
  @ApiProperty({ example: 'eu-west' }) region!: string;
  @ApiProperty({ example: 1042 }) round!: number;
  @ApiProperty() is_up!: boolean;
  @ApiProperty({ type: Number, nullable: true, example: 200 }) status_code!: number | null;
  @ApiProperty(ms(120.5)) response_time_ms!: number | null;
  @ApiProperty({ type: String, nullable: true, example: null }) error_message!: string | null;
  @ApiProperty() late!: boolean;
  @ApiProperty({
    type: [AttemptView],
    nullable: true,
    description: 'in-region retries: every attempt of the job (the entry is the last one); null without retries',
  })
  attempts!: AttemptView[] | null;
}

export class LogsMetaView {
  @ApiProperty({ example: 'mon_3k9x0q2m7d1v8b4n' }) monitor_id!: string;
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
  @ApiProperty({ type: String, nullable: true, example: null }) region!: string | null;
  @ApiProperty({ example: 1 }) page!: number;
  @ApiProperty({ example: 20 }) limit!: number;
  @ApiProperty({ example: 4320 }) total!: number;
  @ApiProperty({ example: 216 }) total_pages!: number;
}

export class HistoryMonitorView {
  @ApiProperty({ example: 'mon_3k9x0q2m7d1v8b4n' }) id!: string;
  @ApiProperty({ example: 'My Website' }) name!: string;
  @ApiProperty({ example: 'https://example.com/health' }) url!: string;
  @ApiProperty({ enum: MONITOR_STATUSES }) status!: string;
}

export class HistoryPointView {
  @ApiProperty({ format: 'date-time' }) checked_at!: string;
  @ApiProperty({ enum: ROUND_OUTCOMES }) status!: string;
  @ApiProperty(ms(120.5)) response_time!: number | null;
}

export class MonitorHistoryView {
  @ApiProperty({ type: HistoryMonitorView }) monitor!: HistoryMonitorView;
  @ApiProperty({ example: 24 }) hours!: number;
  @ApiProperty({ type: [HistoryPointView] }) history!: HistoryPointView[];
  @ApiProperty({ type: StatsView }) stats!: StatsView;
}
