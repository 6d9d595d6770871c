import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { clampInt } from '../common/clamp';
import { Paged } from '../common/envelope.interceptor';
import { CurrentPrincipal, Principal } from '../common/principal';
import { IncidentsService } from './incidents.service';

@ApiTags('incidents')
@ApiSecurity('api_key')
@Controller('incidents')
export class IncidentsController {
  constructor(private readonly incidents: IncidentsService) {}

  @Get()
  @ApiOperation({ summary: 'Incidents across your monitors, newest first' })
  @ApiQuery({ name: 'status', required: false, enum: ['open', 'resolved'] })
  @ApiQuery({ name: 'monitor_id', required: false })
  @ApiQuery({ name: 'monitor_type', required: false })
  @ApiQuery({ name: 'hours', required: false, description: '1–8760, default 720 (clamped)' })
  @ApiQuery({ name: 'limit', required: false, description: '1–500, default 50 (clamped)' })
  @ApiQuery({ name: 'offset', required: false })
  async list(
    @CurrentPrincipal() p: Principal,
    @Query('status') status?: string,
    @Query('monitor_id') monitorId?: string,
    @Query('monitor_type') monitorType?: string,
    @Query('hours') hoursRaw?: string,
    @Query('limit') limitRaw?: string,
    @Query('offset') offsetRaw?: string,
  ) {
    const hours = clampInt(hoursRaw, 1, 8760, 720);
    const limit = clampInt(limitRaw, 1, 500, 50);
    const offset = clampInt(offsetRaw, 0, 10_000_000, 0);
    const st = status === 'open' || status === 'resolved' ? status : undefined;
    const since = new Date(Date.now() - hours * 3600_000);
    const { items, total } = await this.incidents.list(p, { status: st, monitorId, monitorType, since, limit, offset });
    return new Paged(items, { total, limit, offset, hours });
  }

  @Get(':id')
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.incidents.get(p, id);
  }
}
