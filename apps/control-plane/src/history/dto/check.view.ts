import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ATTEMPT_ERROR_CLASSES } from '@parallax/contracts';
import { ListMetaView } from '../../common/openapi';

export const ROUND_OUTCOMES = ['up', 'degraded', 'down', 'warn', 'no_data'] as const;

export class TimingPhasesView {
  @ApiProperty({ type: Number, nullable: true, example: 12.1 }) dns!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 20.4 }) connect!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 31.9 }) tls!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 88.0 }) first_byte!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 120.5 }) total!: number | null;
}

/** One attempt of a job with in-region retries. */
export class AttemptView {
  @ApiProperty({ example: 1, minimum: 1, maximum: 4 }) attempt!: number;
  @ApiProperty({ example: 0, description: 'ms after the first attempt started' }) offset_ms!: number;
  @ApiProperty({ example: 12.4 }) duration_ms!: number;
  @ApiProperty() is_up!: boolean;
  @ApiProperty({ type: Number, nullable: true, example: 503 }) status_code!: number | null;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ATTEMPT_ERROR_CLASSES,
    example: 'http_5xx',
    description: 'null when the attempt was up',
  })
  error_class!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'expected status 200, got 503' }) error!: string | null;
}

export class RegionResultView {
  @ApiProperty({ example: 'eu-west' }) region!: string;
  @ApiProperty({ description: 'the result arrived before the round’s deadline' }) reported!: boolean;
  @ApiProperty({ type: Boolean, nullable: true }) is_up!: boolean | null;
  @ApiProperty({ type: Number, nullable: true, example: 200 }) status_code!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 120.5 }) response_ms!: number | null;
  @ApiProperty({ type: String, nullable: true, example: null }) error!: string | null;
  @ApiProperty({ type: TimingPhasesView, nullable: true }) phases!: TimingPhasesView | null;
  @ApiProperty({ description: 'arrived after the deadline: recorded, not counted' }) late!: boolean;
  @ApiPropertyOptional({ description: 'no job sent: no probe online in the region' }) skipped?: boolean;
  @ApiPropertyOptional({ description: 'ssl: certificate within the threshold' }) warn?: boolean;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) ssl_expiry?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) ssl_issuer?: string | null;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'type-specific details (dns answers, tls protocols, …)',
  })
  details?: Record<string, unknown> | null;
  @ApiPropertyOptional({
    type: [AttemptView],
    nullable: true,
    description:
      'in-region retries: every attempt of the job, in order (the result is the last one); null without retries',
  })
  attempts?: AttemptView[] | null;
  @ApiPropertyOptional({ example: 'probe-eu-west-7f9c' }) probe_id?: string;
  @ApiPropertyOptional({ format: 'date-time' }) checked_at?: string;
}

/** One round of a monitor: the decision and every region's result. */
export class CheckView {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 1042 }) round!: number;
  @ApiProperty({ format: 'date-time', description: 'the round’s scheduled time' }) timestamp!: string;
  @ApiProperty({ enum: ROUND_OUTCOMES }) status!: string;
  @ApiProperty({ type: Boolean, nullable: true, description: 'null for a round without data' }) is_up!: boolean | null;
  @ApiProperty() warn!: boolean;
  @ApiProperty({ type: Number, nullable: true, example: 200 }) status_code!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 120.5, description: 'median of the regions that answered' })
  response_ms!: number | null;
  @ApiProperty({ type: [String] }) regions!: string[];
  @ApiProperty({ type: [String], description: 'regions without a probe online when the round was claimed' })
  skipped_regions!: string[];
  @ApiProperty({ example: 2 }) quorum!: number;
  @ApiProperty({ type: Number, nullable: true, example: 3 }) regions_checked!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 3 }) regions_up!: number | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number', nullable: true },
    example: { 'eu-west': 120.5, 'us-east': 98.1 },
  })
  response_ms_by_region!: Record<string, number | null>;
  @ApiProperty({ type: [RegionResultView] }) region_results!: RegionResultView[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decided_at!: string | null;
}

export class ChecksMetaView extends ListMetaView {
  @ApiProperty({ example: 'mon_3k9x0q2m7d1v8b4n' }) monitor_id!: string;
}
