import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Paged } from '../common/envelope.interceptor';
import { ApiEnvelope, ApiEnvelopeList, ApiErrors, READ_ERRORS, WRITE_ERRORS } from '../common/openapi';
import { CurrentPrincipal, Principal } from '../common/principal';
import { AnomaliesService } from './anomalies.service';
import type { AnomalyMetric } from './anomaly-rules';
import { ANOMALY_METRIC_VALUES, AnomalyView } from './dto/anomaly.view';
import { AnomalyListQuery } from './anomalies.query';

const oneOf = <T extends string>(v: unknown, values: readonly T[]): T | undefined =>
  typeof v === 'string' && (values as readonly string[]).includes(v) ? (v as T) : undefined;

/** Registered before MonitorsController (AppModule), so `/monitors/anomalies` is not taken for `/monitors/:id`. */
@ApiTags('monitors')
@ApiSecurity('api_key')
@ApiBearerAuth()
@Controller('monitors/anomalies')
export class AnomaliesController {
  constructor(private readonly anomalies: AnomaliesService) {}

  @Get()
  @ApiOperation({
    summary: 'Anomalies across your monitors, newest first (default: the unacknowledged ones, as StatusCore)',
  })
  @ApiEnvelopeList(AnomalyView)
  @ApiErrors(401, 429)
  async list(@CurrentPrincipal() p: Principal, @Query() q: AnomalyListQuery) {
    const { acknowledged: ackRaw, status: statusRaw, monitor_id: monitorId, region, metric: metricRaw, limit } = q;
    const offset = q.offset ?? 0;
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
