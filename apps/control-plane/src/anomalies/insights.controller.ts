import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiEnvelope, ApiErrors, READ_ERRORS } from '../common/openapi';
import { InsightsQuery } from './insights.query';
import { CurrentPrincipal, Principal } from '../common/principal';
import { InsightsView } from './dto/insights.view';
import { InsightsService } from './insights.service';

@ApiTags('monitors')
@ApiSecurity('api_key')
@ApiBearerAuth()
@Controller('monitors')
export class InsightsController {
  constructor(private readonly insights: InsightsService) {}

  @Get(':id/insights')
  @ApiOperation({
    summary:
      'Recent incidents and anomalies; per region p50/p95 and uptime now vs the previous period, the slowest region, error classes',
  })
  @ApiParam({ name: 'id', example: 'mon_3k9x0q2m7d1v8b4n' })
  @ApiEnvelope(InsightsView)
  @ApiErrors(...READ_ERRORS)
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() q: InsightsQuery) {
    return this.insights.insights(p, id, q.hours);
  }
}
