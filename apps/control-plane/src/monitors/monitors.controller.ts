import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { clampInt } from '../common/clamp';
import { Paged } from '../common/envelope.interceptor';
import { CurrentPrincipal, Principal } from '../common/principal';
import { CreateMonitorDto, PublicMonitorDto, ToggleMonitorDto, UpdateMonitorDto } from './dto/monitor.dto';
import { MonitorsService } from './monitors.service';
import { ApiEnvelope, ApiEnvelopeList, ApiErrors, intQuery, READ_ERRORS, WRITE_ERRORS } from '../common/openapi';
import { DeletedMonitorView, MonitorView } from './dto/monitor.view';
import { MONITOR_TYPES } from './monitor.entity';

@ApiTags('monitors')
@ApiSecurity('api_key')
@ApiBearerAuth()
@Controller('monitors')
export class MonitorsController {
  constructor(private readonly monitors: MonitorsService) {}

  @Post()
  @ApiOperation({ summary: 'Create a monitor; it starts checking at once from its regions' })
  @ApiEnvelope(MonitorView, { status: 201 })
  @ApiErrors(400, 401, 403, 409, 422, 429)
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateMonitorDto) {
    return this.monitors.create(p, dto);
  }

  @Get()
  @ApiOperation({ summary: 'List monitors (default page 500)' })
  @ApiQuery({ name: 'status', required: false, enum: ['pending', 'up', 'degraded', 'down', 'warn', 'paused'] })
  @ApiQuery({ name: 'group', required: false })
  @ApiQuery({ name: 'tags', required: false, description: 'comma-separated; any of', example: 'production,api' })
  @ApiQuery({ name: 'monitor_type', required: false, enum: MONITOR_TYPES })
  @ApiQuery(intQuery('limit', 1, 1000, 500))
  @ApiQuery(intQuery('offset', 0, 10_000_000, 0))
  @ApiQuery(intQuery('page', 1, 1_000_000, 1, '1-based; used when offset is absent (clamped)'))
  @ApiEnvelopeList(MonitorView)
  @ApiErrors(...READ_ERRORS)
  async list(
    @CurrentPrincipal() p: Principal,
    @Query('status') status?: string,
    @Query('group') group?: string,
    @Query('tags') tags?: string,
    @Query('monitor_type') monitorType?: string,
    @Query('limit') limitRaw?: string,
    @Query('offset') offsetRaw?: string,
    @Query('page') pageRaw?: string,
  ) {
    const limit = clampInt(limitRaw, 1, 1000, 500);
    const page = clampInt(pageRaw, 1, 1_000_000, 1);
    const offset = offsetRaw !== undefined ? clampInt(offsetRaw, 0, 10_000_000, 0) : (page - 1) * limit;
    const tagList = tags ? tags.split(',').map((t) => t.trim()).filter(Boolean) : undefined;
    const { items, total } = await this.monitors.list(p, { status, group, tags: tagList, monitorType, limit, offset });
    return new Paged(items, { total, limit, offset, page: Math.floor(offset / limit) + 1 });
  }

  @Get(':id')
  @ApiOperation({ summary: 'A monitor with its status and per-region read model' })
  @ApiEnvelope(MonitorView)
  @ApiErrors(...READ_ERRORS)
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.monitors.get(p, id);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Partial update (same as PATCH): omitted fields are kept' })
  @ApiEnvelope(MonitorView)
  @ApiErrors(...WRITE_ERRORS, 409)
  put(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: UpdateMonitorDto) {
    return this.monitors.update(p, id, dto);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Partial update: omitted fields are kept' })
  @ApiEnvelope(MonitorView)
  @ApiErrors(...WRITE_ERRORS, 409)
  patch(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: UpdateMonitorDto) {
    return this.monitors.update(p, id, dto);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a monitor with its history' })
  @ApiEnvelope(DeletedMonitorView)
  @ApiErrors(401, 403, 404, 429)
  remove(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.monitors.remove(p, id);
  }

  @Patch(':id/toggle')
  @HttpCode(200)
  @ApiOperation({ summary: 'Enable (is_active: true) or disable (false) a monitor' })
  @ApiEnvelope(MonitorView)
  @ApiErrors(...WRITE_ERRORS)
  toggle(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: ToggleMonitorDto) {
    return this.monitors.toggle(p, id, dto.is_active);
  }

  @Patch(':id/public')
  @ApiOperation({ summary: 'Show or hide the monitor on the public status page' })
  @ApiEnvelope(MonitorView)
  @ApiErrors(...WRITE_ERRORS)
  setPublic(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: PublicMonitorDto) {
    return this.monitors.setPublic(p, id, dto.public_status);
  }
}
