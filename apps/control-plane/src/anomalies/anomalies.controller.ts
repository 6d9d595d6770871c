import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiQuery, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { clampInt } from '../common/clamp';
import { Paged } from '../common/envelope.interceptor';
import { ApiEnvelope, ApiEnvelopeList, ApiErrors, intQuery, READ_ERRORS, WRITE_ERRORS } from '../common/openapi';
import { CurrentPrincipal, Principal } from '../common/principal';
import { AnomaliesService } from './anomalies.service';
import type { AnomalyMetric } from './anomaly-rules';
import { ANOMALY_METRIC_VALUES, AnomalyView } from './dto/anomaly.view';

const oneOf = <T extends string>(v: unknown, values: readonly T[]): T | undefined => (typeof v === 'string' && (values as readonly string[]).includes(v) ? (v as T) : undefined);

/** Registered before MonitorsController (AppModule), so `/monitors/anomalies` is not taken for `/monitors/:id`. */
@ApiTags('monitors')
@ApiSecurity('api_key')
@ApiBearerAuth()
@Controller('monitors/anomalies')
export class AnomaliesController {
  constructor(private readonly anomalies: AnomaliesService) {}

  @Get()
  @ApiOperation({ summary: 'Anomalies across your monitors, newest first (default: the unacknowledged ones, as StatusCore)' })
  @ApiQuery({ name: 'acknowledged', required: false, enum: ['true', 'false', 'all'], description: 'default false' })
  @ApiQuery({ name: 'status', required: false, enum: ['open', 'closed'] })
  @ApiQuery({ name: 'monitor_id', required: false, example: 'mon_3k9x0q2m7d1v8b4n' })
  @ApiQuery({ name: 'region', required: false, example: 'eu-west' })
  @ApiQuery({ name: 'metric', required: false, enum: ANOMALY_METRIC_VALUES })
  @ApiQuery(intQuery('limit', 1, 500, 50))
  @ApiQuery(intQuery('offset', 0, 10_000_000, 0))
  @ApiEnvelopeList(AnomalyView)
  @ApiErrors(401, 429)
  async list(
    @CurrentPrincipal() p: Principal,
    @Query('acknowledged') ackRaw?: string,
    @Query('status') statusRaw?: string,
    @Query('monitor_id') monitorId?: string,
    @Query('region') region?: string,
    @Query('metric') metricRaw?: string,
    @Query('limit') limitRaw?: string,
    @Query('offset') offsetRaw?: string,
  ) {
    const limit = clampInt(limitRaw, 1, 500, 50);
    const offset = clampInt(offsetRaw, 0, 10_000_000, 0);
    const acknowledged = ackRaw === 'all' ? undefined : ackRaw === 'true';
    const { items, total } = await this.anomalies.list(p, {
      acknowledged,
      status: oneOf(statusRaw, ['open', 'closed'] as const),
      monitorId: typeof monitorId === 'string' ? monitorId : undefined,
      region: typeof region === 'string' ? region : undefined,
      metric: oneOf<AnomalyMetric>(metricRaw, ANOMALY_METRIC_VALUES),
      limit,
      offset,
    });
    return new Paged(items, { total, limit, offset });
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @ApiOperation({ summary: 'Acknowledge an anomaly (it leaves the default list; idempotent)' })
  @ApiParam({ name: 'id', example: 'ano_4k2m9x0q7d1v8b3n' })
  @ApiEnvelope(AnomalyView)
  @ApiErrors(...WRITE_ERRORS.filter((s) => s !== 422), ...READ_ERRORS.filter((s) => s === 404))
  acknowledge(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.anomalies.acknowledge(p, id);
  }
}
