import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiQuery, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CreateIncidentDto, CreateIncidentUpdateDto, UpdateIncidentDto } from './dto/incident-write.dto';
import { clampInt } from '../common/clamp';
import { Clock } from '../common/clock';
import { Paged } from '../common/envelope.interceptor';
import { CurrentPrincipal, Principal } from '../common/principal';
import { IncidentsService } from './incidents.service';
import { ApiEnvelope, ApiEnvelopeList, ApiErrors, intQuery, READ_ERRORS, WRITE_ERRORS } from '../common/openapi';
import { MONITOR_TYPES } from '../monitors/monitor.entity';
import { IncidentView, IncidentsMetaView, INCIDENT_STATUSES, INCIDENT_TYPES } from './dto/incident.view';
import { listOffset, MAX_OFFSET } from '../common/paging';

@ApiTags('incidents')
@ApiSecurity('api_key')
@ApiBearerAuth()
@Controller('incidents')
export class IncidentsController {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly clock: Clock,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a manual incident (title, description, monitor_ids or StatusPool monitor_id, status, impact); its first update is written with it' })
  @ApiEnvelope(IncidentView, { status: 201 })
  @ApiErrors(400, 401, 403, 422, 429)
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateIncidentDto) {
    return this.incidents.create(p, dto);
  }

  @Patch(':id')
  @ApiOperation({ summary: "A manual incident's title, description, impact, monitors or status (a status change adds an update); automatic incidents: 409" })
  @ApiParam({ name: 'id', example: 'inc_7h2k9d0q3m1x8v4b' })
  @ApiEnvelope(IncidentView)
  @ApiErrors(400, 401, 403, 404, 409, 422, 429)
  patch(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: UpdateIncidentDto) {
    return this.incidents.patch(p, id, dto);
  }

  @Post(':id/updates')
  @ApiOperation({ summary: 'Add an update to the timeline of a manual or automatic incident (status: manual incidents only)' })
  @ApiParam({ name: 'id', example: 'inc_7h2k9d0q3m1x8v4b' })
  @ApiEnvelope(IncidentView, { status: 201 })
  @ApiErrors(...WRITE_ERRORS)
  addUpdate(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: CreateIncidentUpdateDto) {
    return this.incidents.addUpdate(p, id, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Incidents across your monitors, newest first' })
  @ApiQuery({ name: 'status', required: false, enum: INCIDENT_STATUSES })
  @ApiQuery({ name: 'resolved', required: false, enum: ['true', 'false'], description: "StatusPool's filter: true = status resolved, false = open (status wins when both are given)" })
  @ApiQuery({ name: 'type', required: false, enum: INCIDENT_TYPES })
  @ApiQuery({ name: 'monitor_id', required: false, example: 'mon_3k9x0q2m7d1v8b4n' })
  @ApiQuery({ name: 'monitor_type', required: false, enum: MONITOR_TYPES })
  @ApiQuery(intQuery('hours', 1, 8760, 720))
  @ApiQuery(intQuery('limit', 1, 500, 50))
  @ApiQuery(intQuery('offset', 0, MAX_OFFSET, 0, `0–${MAX_OFFSET}; beyond, 422`))
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
    @Query('type') typeRaw?: string,
  ) {
    const hours = clampInt(hoursRaw, 1, 8760, 720);
    const limit = clampInt(limitRaw, 1, 500, 50);
    const offset = listOffset(offsetRaw, limit);
    const byResolved = resolved === 'true' ? 'resolved' : resolved === 'false' ? 'open' : undefined;
    const st = typeof status === 'string' && (INCIDENT_STATUSES as readonly string[]).includes(status) ? status : byResolved;
    const type = typeRaw && (INCIDENT_TYPES as readonly string[]).includes(typeRaw) ? (typeRaw as (typeof INCIDENT_TYPES)[number]) : undefined;
    const since = new Date(this.clock.nowMs() - hours * 3600_000);
    const { items, total } = await this.incidents.list(p, { status: st, type, monitorId, monitorType, since, limit, offset });
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
