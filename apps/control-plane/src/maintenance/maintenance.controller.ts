import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Paged } from '../common/envelope.interceptor';
import { ApiEnvelope, ApiEnvelopeList, ApiErrors, READ_ERRORS, WRITE_ERRORS } from '../common/openapi';
import { CurrentPrincipal, Principal } from '../common/principal';
import {
  CreateMaintenanceDto,
  CreateMaintenanceUpdateDto,
  DeletedMaintenanceView,
  MaintenanceMetaView,
  MaintenanceView,
  UpdateMaintenanceDto,
} from './dto';
import { MAINTENANCE_STATUSES, MaintenanceStatus } from './maintenance.entity';
import { MaintenanceService } from './maintenance.service';
import { MaintenanceListQuery } from './maintenance.query';

@ApiTags('maintenance')
@ApiSecurity('api_key')
@ApiBearerAuth()
@Controller('maintenance')
export class MaintenanceController {
  constructor(private readonly maintenance: MaintenanceService) {}

  @Post()
  @ApiOperation({
    summary:
      'Schedule maintenance (title, description, monitor_ids, starts_at, ends_at): scheduled → in_progress → completed by the clock',
  })
  @ApiEnvelope(MaintenanceView, { status: 201 })
  @ApiErrors(400, 401, 403, 422, 429)
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateMaintenanceDto) {
    return this.maintenance.create(p, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Your maintenance, latest start first' })
  @ApiEnvelopeList(MaintenanceView, { meta: MaintenanceMetaView })
  @ApiErrors(...READ_ERRORS)
  async list(@CurrentPrincipal() p: Principal, @Query() q: MaintenanceListQuery) {
    const { status, monitor_id: monitorId, limit } = q;
    const offset = q.offset ?? 0;
    const st =
      typeof status === 'string' && (MAINTENANCE_STATUSES as readonly string[]).includes(status)
        ? (status as MaintenanceStatus)
        : undefined;
    const { items, total } = await this.maintenance.list(p, {
      status: st,
      monitorId: typeof monitorId === 'string' ? monitorId : undefined,
      limit,
      offset,
    });
    return new Paged(items, { total, limit, offset });
  }

  @Get(':id')
  @ApiOperation({ summary: 'A maintenance with its timeline' })
  @ApiParam({ name: 'id', example: 'mnt_7h2k9d0q3m1x8v4b' })
  @ApiEnvelope(MaintenanceView)
  @ApiErrors(...READ_ERRORS)
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.maintenance.get(p, id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a maintenance not yet finished, or cancel it (status: cancelled); finished ones: 409',
  })
  @ApiParam({ name: 'id', example: 'mnt_7h2k9d0q3m1x8v4b' })
  @ApiEnvelope(MaintenanceView)
  @ApiErrors(400, 401, 403, 404, 409, 422, 429)
  patch(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: UpdateMaintenanceDto) {
    return this.maintenance.patch(p, id, dto);
  }

  @Post(':id/updates')
  @ApiOperation({ summary: 'Add an entry to the timeline of a maintenance' })
  @ApiParam({ name: 'id', example: 'mnt_7h2k9d0q3m1x8v4b' })
  @ApiEnvelope(MaintenanceView, { status: 201 })
  @ApiErrors(...WRITE_ERRORS)
  addUpdate(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: CreateMaintenanceUpdateDto) {
    return this.maintenance.addUpdate(p, id, dto);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a maintenance and its timeline' })
  @ApiParam({ name: 'id', example: 'mnt_7h2k9d0q3m1x8v4b' })
  @ApiEnvelope(DeletedMaintenanceView)
  @ApiErrors(401, 403, 404, 429)
  delete(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.maintenance.delete(p, id);
  }
}
