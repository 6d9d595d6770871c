import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { clampInt } from '../common/clamp';
import { Paged } from '../common/envelope.interceptor';
import { CurrentPrincipal, Principal } from '../common/principal';
import { CreateMonitorDto, PublicMonitorDto, ToggleMonitorDto, UpdateMonitorDto } from './dto/monitor.dto';
import { MonitorsService } from './monitors.service';

@ApiTags('monitors')
@ApiSecurity('api_key')
@Controller('monitors')
export class MonitorsController {
  constructor(private readonly monitors: MonitorsService) {}

  @Post()
  @ApiOperation({ summary: 'Create a monitor; it starts checking at once from its regions' })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateMonitorDto) {
    return this.monitors.create(p, dto);
  }

  @Get()
  @ApiOperation({ summary: 'List monitors (default page 500)' })
  @ApiQuery({ name: 'status', required: false, enum: ['pending', 'up', 'degraded', 'down', 'warn', 'paused'] })
  @ApiQuery({ name: 'group', required: false })
  @ApiQuery({ name: 'tags', required: false, description: 'comma-separated; any of' })
  @ApiQuery({ name: 'monitor_type', required: false })
  @ApiQuery({ name: 'limit', required: false, description: '1–1000, default 500' })
  @ApiQuery({ name: 'offset', required: false })
  @ApiQuery({ name: 'page', required: false, description: '1-based; used when offset is absent' })
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
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.monitors.get(p, id);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Partial update (same as PATCH): omitted fields are kept' })
  put(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: UpdateMonitorDto) {
    return this.monitors.update(p, id, dto);
  }

  @Patch(':id')
  patch(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: UpdateMonitorDto) {
    return this.monitors.update(p, id, dto);
  }

  @Delete(':id')
  remove(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.monitors.remove(p, id);
  }

  @Patch(':id/toggle')
  @HttpCode(200)
  @ApiOperation({ summary: 'Enable (is_active: true) or disable (false) a monitor' })
  toggle(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: ToggleMonitorDto) {
    return this.monitors.toggle(p, id, dto.is_active);
  }

  @Patch(':id/public')
  @ApiOperation({ summary: 'Show or hide the monitor on the public status page' })
  setPublic(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: PublicMonitorDto) {
    return this.monitors.setPublic(p, id, dto.public_status);
  }
}
