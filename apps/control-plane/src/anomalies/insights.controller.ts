import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiQuery, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiEnvelope, ApiErrors, intQuery, READ_ERRORS } from '../common/openapi';
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
  @ApiOperation({ summary: 'Recent incidents and anomalies; per region p50/p95 and uptime now vs the previous period, the slowest region, error classes' })
  @ApiParam({ name: 'id', example: 'mon_3k9x0q2m7d1v8b4n' })
  @ApiQuery(intQuery('hours', 1, 720, 24, 'the period; compared with the same length before it'))
  @ApiEnvelope(InsightsView)
  @ApiErrors(...READ_ERRORS)
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query('hours') hours?: string) {
    return this.insights.insights(p, id, hours);
  }
}
