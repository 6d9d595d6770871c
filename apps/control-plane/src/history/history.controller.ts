import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Paged } from '../common/envelope.interceptor';
import { CurrentPrincipal, Principal } from '../common/principal';
import { HistoryService } from './history.service';
import { ApiEnvelopeList, ApiErrors, READ_ERRORS } from '../common/openapi';
import { CheckView, ChecksMetaView } from './dto/check.view';
import { ChecksQuery } from './history.query';

@ApiTags('monitors')
@ApiSecurity('api_key')
@ApiBearerAuth()
@Controller('monitors')
export class HistoryController {
  constructor(private readonly history: HistoryService) {}

  @Get(':id/checks')
  @ApiOperation({ summary: 'Check history, newest first: one entry per round with every region’s result' })
  @ApiEnvelopeList(CheckView, { meta: ChecksMetaView })
  @ApiErrors(...READ_ERRORS)
  async checks(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() q: ChecksQuery) {
    const { limit } = q;
    const { items, total } = await this.history.checks(p, id, limit);
    return new Paged(items, { monitor_id: id, total, limit });
  }
}
