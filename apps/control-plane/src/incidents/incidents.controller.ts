import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { clampInt } from '../common/clamp';
import { Clock } from '../common/clock';
import { Paged } from '../common/envelope.interceptor';
import { CurrentPrincipal, Principal } from '../common/principal';
import { IncidentsService } from './incidents.service';
import { ApiEnvelope, ApiEnvelopeList, ApiErrors, intQuery, READ_ERRORS } from '../common/openapi';
import { MONITOR_TYPES } from '../monitors/monitor.entity';
import { IncidentView, IncidentsMetaView, INCIDENT_STATUSES } from './dto/incident.view';

@ApiTags('incidents')
@ApiSecurity('api_key')
@ApiBearerAuth()
@Controller('incidents')
export class IncidentsController {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Incidents across your monitors, newest first' })
  @ApiQuery({ name: 'status', required: false, enum: INCIDENT_STATUSES })
  @ApiQuery({ name: 'resolved', required: false, enum: ['true', 'false'], description: "StatusPool's filter: true = status resolved, false = open (status wins when both are given)" })
  @ApiQuery({ name: 'monitor_id', required: false, example: 'mon_3k9x0q2m7d1v8b4n' })
  @ApiQuery({ name: 'monitor_type', required: false, enum: MONITOR_TYPES })
  @ApiQuery(intQuery('hours', 1, 8760, 720))
  @ApiQuery(intQuery('limit', 1, 500, 50))
  @ApiQuery(intQuery('offset', 0, 10_000_000, 0))
  @ApiEnvelopeList(IncidentView, { meta: IncidentsMetaView })
  @ApiErrors(...READ_ERRORS)
  async list(
    @CurrentPrincipal() p: Principal,
    @Query('status') status?: string,
    @Query('monitor_id') monitorId?: string,
    @Query('monitor_type') monitorType?: string,
    @Query('hours') hoursRaw?: string,
    @Query('limit') limitRaw?: string,
    @Query('offset') offsetRaw?: string,
    @Query('resolved') resolved?: string,
  ) {
    const hours = clampInt(hoursRaw, 1, 8760, 720);
    const limit = clampInt(limitRaw, 1, 500, 50);
    const offset = clampInt(offsetRaw, 0, 10_000_000, 0);
    const byResolved = resolved === 'true' ? 'resolved' : resolved === 'false' ? 'open' : undefined;
    const st = status === 'open' || status === 'resolved' ? status : byResolved;
    const since = new Date(this.clock.nowMs() - hours * 3600_000);
    const { items, total } = await this.incidents.list(p, { status: st, monitorId, monitorType, since, limit, offset });
    return new Paged(items, { total, limit, offset, hours });
  }

  @Get(':id')
  @ApiOperation({ summary: 'An incident with its failure details and region results' })
  @ApiEnvelope(IncidentView)
  @ApiErrors(...READ_ERRORS)
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.incidents.get(p, id);
  }
}
