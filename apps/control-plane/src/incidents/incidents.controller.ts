import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CreateIncidentDto, CreateIncidentUpdateDto, UpdateIncidentDto } from './dto/incident-write.dto';
import { Clock } from '../common/clock';
import { Paged } from '../common/envelope.interceptor';
import { CurrentPrincipal, Principal } from '../common/principal';
import { IncidentsService } from './incidents.service';
import { ApiEnvelope, ApiEnvelopeList, ApiErrors, READ_ERRORS, WRITE_ERRORS } from '../common/openapi';
import { IncidentView, IncidentsMetaView, INCIDENT_STATUSES, INCIDENT_TYPES } from './dto/incident.view';
import { IncidentListQuery } from './incidents.query';

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
  @ApiOperation({
    summary:
      'Create a manual incident (title, description, monitor_ids or StatusPool monitor_id, status, impact); its first update is written with it',
  })
  @ApiEnvelope(IncidentView, { status: 201 })
  @ApiErrors(400, 401, 403, 422, 429)
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateIncidentDto) {
    return this.incidents.create(p, dto);
  }

  @Patch(':id')
  @ApiOperation({
    summary:
      "A manual incident's title, description, impact, monitors or status (a status change adds an update); automatic incidents: 409",
  })
  @ApiParam({ name: 'id', example: 'inc_7h2k9d0q3m1x8v4b' })
  @ApiEnvelope(IncidentView)
  @ApiErrors(400, 401, 403, 404, 409, 422, 429)
  patch(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: UpdateIncidentDto) {
    return this.incidents.patch(p, id, dto);
  }

  @Post(':id/updates')
  @ApiOperation({
    summary: 'Add an update to the timeline of a manual or automatic incident (status: manual incidents only)',
  })
  @ApiParam({ name: 'id', example: 'inc_7h2k9d0q3m1x8v4b' })
  @ApiEnvelope(IncidentView, { status: 201 })
  @ApiErrors(...WRITE_ERRORS)
  addUpdate(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: CreateIncidentUpdateDto) {
    return this.incidents.addUpdate(p, id, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Incidents across your monitors, newest first' })
  @ApiEnvelopeList(IncidentView, { meta: IncidentsMetaView })
  @ApiErrors(...READ_ERRORS)
  async list(@CurrentPrincipal() p: Principal, @Query() q: IncidentListQuery) {
    const { status, resolved, hours, limit, monitor_id: monitorId, monitor_type: monitorType, type: typeRaw } = q;
    const offset = q.offset ?? 0;
    const byResolved = resolved === 'true' ? 'resolved' : resolved === 'false' ? 'open' : undefined;
    const st =
      typeof status === 'string' && (INCIDENT_STATUSES as readonly string[]).includes(status) ? status : byResolved;
    const type =
      typeRaw && (INCIDENT_TYPES as readonly string[]).includes(typeRaw)
        ? (typeRaw as (typeof INCIDENT_TYPES)[number])
        : undefined;
    const since = new Date(this.clock.nowMs() - hours * 3600_000);
    const { items, total } = await this.incidents.list(p, {
      status: st,
      type,
      monitorId,
      monitorType,
      since,
      limit,
      offset,
    });
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
