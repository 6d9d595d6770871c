import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { ClampedIntQuery } from '../common/query';
import { date, from, region, to } from '../timeseries/timeseries.query';

/** `GET /monitors/{id}/checks`. */
export class ChecksQuery {
  @ClampedIntQuery(1, 500, 100) limit!: number;
}

/** `GET /monitors/{id}/uptime/minutes`: `hour` is required (422 naming it when absent or not 0–23). */
export class MinutesQuery {
  @date() date?: string;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 23, description: '0–23 (UTC)' })
  @IsOptional()
  @IsString()
  hour?: string;
  @region() region?: string;
}

/** `GET /monitors/{id}/logs`. */
export class LogsQuery {
  @from() from?: string;
  @to() to?: string;
  @region() region?: string;
  @ClampedIntQuery(1, 1_000_000, 1, '1-based, default 1 (clamped)') page!: number;
  @ClampedIntQuery(1, 100, 20) limit!: number;
}

/** `GET /monitors/{id}/history`. */
export class HistoryHoursQuery {
  @ClampedIntQuery(1, 168, 24) hours!: number;
}
