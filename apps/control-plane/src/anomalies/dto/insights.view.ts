import { ApiProperty } from '@nestjs/swagger';
import { IncidentView } from '../../incidents/dto/incident.view';
import { ERROR_CLASSES } from '../insights-rules';
import { AnomalyView } from './anomaly.view';

export class InsightsPeriodView {
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
}

export class InsightsStatsView {
  @ApiProperty({ type: Number, nullable: true, example: 58.3 }) p50!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 97.5 }) p95!: number | null;
  @ApiProperty({ example: 1440 }) checks!: number;
  @ApiProperty({ example: 3 }) failures!: number;
  @ApiProperty({ type: Number, nullable: true, example: 99.7917 }) uptime!: number | null;
}

export class InsightsRegionView {
  @ApiProperty({ example: 'eu-west' }) region!: string;
  @ApiProperty({ type: InsightsStatsView }) now!: InsightsStatsView;
  @ApiProperty({ type: InsightsStatsView }) previous!: InsightsStatsView;
  @ApiProperty({ type: Number, nullable: true, example: 12.5, description: 'percent' }) p50_change_percent!:
    number | null;
  @ApiProperty({ type: Number, nullable: true, example: -3.1, description: 'percent' }) p95_change_percent!:
    number | null;
  @ApiProperty({ type: Number, nullable: true, example: -0.2083, description: 'percentage points' }) uptime_change!:
    number | null;
}

export class ErrorClassView {
  @ApiProperty({ enum: ERROR_CLASSES }) class!: string;
  @ApiProperty({ example: 7 }) count!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { 'eu-west': 4, 'us-east': 3 } })
  by_region!: Record<string, number>;
  @ApiProperty({ type: String, nullable: true, example: 'expected status 200, got 503' }) example!: string | null;
}

export class InsightsUptimeView {
  @ApiProperty({ type: Number, nullable: true, example: 99.93 }) now!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 100 }) previous!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: -0.07, description: 'percentage points' }) change!:
    number | null;
}

export class InsightsView {
  @ApiProperty({ example: 'mon_3k9x0q2m7d1v8b4n' }) monitor_id!: string;
  @ApiProperty({ example: 24 }) hours!: number;
  @ApiProperty({ type: InsightsPeriodView }) period!: InsightsPeriodView;
  @ApiProperty({ type: InsightsPeriodView }) previous_period!: InsightsPeriodView;
  @ApiProperty({ type: [IncidentView], description: 'Incidents of the last 7 days, newest first (10 at most)' })
  incidents!: IncidentView[];
  @ApiProperty({
    type: [AnomalyView],
    description: 'Anomalies open or ended in the last 7 days, newest first (20 at most)',
  })
  anomalies!: AnomalyView[];
  @ApiProperty({ type: [InsightsRegionView] }) regions!: InsightsRegionView[];
  @ApiProperty({ type: String, nullable: true, example: 'ap-south', description: 'Highest p95 in the period' })
  slowest_region!: string | null;
  @ApiProperty({ type: [ErrorClassView], description: 'Failed results of the period by class, most frequent first' })
  error_classes!: ErrorClassView[];
  @ApiProperty({ type: InsightsUptimeView, description: 'The whole monitor (its rounds)' }) uptime!: InsightsUptimeView;
}
