import { ApiProperty } from '@nestjs/swagger';

export const ANOMALY_METRIC_VALUES = ['p50_ms', 'p95_ms', 'error_rate'] as const;

export class AnomalyBandView {
  @ApiProperty({ example: 120.4, description: 'Median of the same hour of the week 1–4 weeks back' }) value!: number;
  @ApiProperty({ example: 96.1 }) lower!: number;
  @ApiProperty({ example: 144.7 }) upper!: number;
}

export class AnomalyView {
  @ApiProperty({ example: 'ano_4k2m9x0q7d1v8b3n' }) id!: string;
  @ApiProperty({ example: 'mon_3k9x0q2m7d1v8b4n' }) monitor_id!: string;
  @ApiProperty({ example: 'eu-west' }) region!: string;
  @ApiProperty({
    enum: ANOMALY_METRIC_VALUES,
    description: 'Response-time p50 or p95 of the hour (ms), or failures / checks of the hour',
  })
  metric!: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status!: string;
  @ApiProperty({ example: 412.5, description: 'The value furthest outside the band while open' }) observed!: number;
  @ApiProperty({ type: AnomalyBandView, description: 'The expected band at the window that opened it' })
  expected!: AnomalyBandView;
  @ApiProperty({ format: 'date-time', description: 'Start of the first hourly window outside the band' })
  started_at!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'Start of the first window back inside; null while open',
  })
  ended_at!: string | null;
  @ApiProperty() acknowledged!: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) acknowledged_at!: string | null;
}
