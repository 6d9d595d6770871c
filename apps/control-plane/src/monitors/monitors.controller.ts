import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Paged } from '../common/envelope.interceptor';
import { CurrentPrincipal, Principal } from '../common/principal';
import {
  BulkCreateMonitorsDto,
  CreateMonitorDto,
  PublicMonitorDto,
  ToggleMonitorDto,
  UpdateMonitorDto,
} from './dto/monitor.dto';
import { validationFailed } from '../common/errors';
import { decodeCursor, listOffset } from '../common/paging';
import { MonitorsService } from './monitors.service';
import { ApiEnvelope, ApiEnvelopeList, ApiErrors, READ_ERRORS, WRITE_ERRORS } from '../common/openapi';
import { BulkMetaView, DeletedMonitorView, MonitorListMetaView, MonitorView } from './dto/monitor.view';
import { MonitorListQuery } from './monitors.query';

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

  @Post('bulk')
  @ApiOperation({
    summary: 'Create up to 1,000 monitors in one call, all or none',
    description:
      "Each item is checked as POST /monitors checks its body; any problem answers 422 with every item's problems as `monitors[i].field` in `details`, and nothing is created. The answer lists the new monitors in the order given.",
  })
  @ApiEnvelopeList(MonitorView, { status: 201, meta: BulkMetaView })
  @ApiErrors(400, 401, 403, 422, 429)
  async bulk(@CurrentPrincipal() p: Principal, @Body() dto: BulkCreateMonitorsDto) {
    const items = await this.monitors.bulkCreate(p, dto.monitors);
    return new Paged(items, { total: items.length });
  }

  @Get()
  @ApiOperation({
    summary: 'List monitors (default page 500)',
    description:
      'Pages by `cursor` (keyset: pass `meta.next_cursor` of the previous page; any depth) or by `offset`/`page` (offsets beyond 10,000 answer 422).',
  })
  @ApiEnvelopeList(MonitorView, { meta: MonitorListMetaView })
  @ApiErrors(...READ_ERRORS)
  async list(@CurrentPrincipal() p: Principal, @Query() q: MonitorListQuery) {
    const { status, group, tags, monitor_type: monitorType, limit, cursor: cursorRaw } = q;
    const tagList = tags
      ? tags
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean)
      : undefined;
    const filter = { status, group, tags: tagList, monitorType, limit };
    if (cursorRaw !== undefined && cursorRaw !== '') {
      const after = typeof cursorRaw === 'string' ? decodeCursor(cursorRaw) : null;
      if (!after)
        throw validationFailed([
          { field: 'cursor', message: 'cursor is not one this API gave (use meta.next_cursor of the previous page)' },
        ]);
      const { items, total, nextCursor } = await this.monitors.list(p, { ...filter, offset: 0, after });
      return new Paged(items, { total, limit, next_cursor: nextCursor });
    }
    // The offset itself is bounded by the DTO; a page is, once multiplied by the limit (422 on `page`).
    const offset = listOffset(q.offset, limit, q.page, 'page with cursor (meta.next_cursor) instead');
    const { items, total, nextCursor } = await this.monitors.list(p, { ...filter, offset });
    return new Paged(items, { total, limit, offset, page: Math.floor(offset / limit) + 1, next_cursor: nextCursor });
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
