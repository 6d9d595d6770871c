import { Body, Controller, Delete, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Paged } from '../common/envelope.interceptor';
import { ApiEnvelope, ApiEnvelopeList, ApiErrors, READ_ERRORS } from '../common/openapi';
import { CurrentPrincipal, Principal } from '../common/principal';
import { CreateStatusPageDto, DeletedStatusPageView, StatusPageView, UpdateStatusPageDto } from './dto/status-page.dto';
import { StatusPagesService } from './status-pages.service';
import { StatusPageListQuery } from './status-pages.query';

@ApiTags('status-pages')
@ApiSecurity('api_key')
@Controller('status-pages')
export class StatusPagesController {
  constructor(private readonly pages: StatusPagesService) {}

  @Post()
  @ApiOperation({ summary: 'Create a public status page (served at /s/{slug} and / on its custom domain)' })
  @ApiEnvelope(StatusPageView, { status: 201 })
  @ApiErrors(400, 401, 403, 409, 422, 429)
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateStatusPageDto) {
    return this.pages.create(p, dto);
  }

  @Get()
  @ApiOperation({ summary: "The account's status pages, oldest first" })
  @ApiEnvelopeList(StatusPageView)
  @ApiErrors(401, 429)
  async list(@CurrentPrincipal() p: Principal, @Query() q: StatusPageListQuery) {
    const { limit } = q;
    const offset = q.offset ?? 0;
    const { items, total } = await this.pages.list(p, limit, offset);
    return new Paged(items, { total, limit, offset });
  }

  @Get(':id')
  @ApiOperation({ summary: 'One status page (another account’s id: 404)' })
  @ApiParam({ name: 'id', example: 'sp_3k9x0q2m7d1v8b4n' })
  @ApiEnvelope(StatusPageView)
  @ApiErrors(...READ_ERRORS)
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.pages.get(p, id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Partial update: omitted fields are kept; groups / monitor_ids, when given, replace those lists',
  })
  @ApiParam({ name: 'id' })
  @ApiEnvelope(StatusPageView)
  @ApiErrors(400, 401, 403, 404, 409, 422, 429)
  patch(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: UpdateStatusPageDto) {
    return this.pages.update(p, id, dto, false);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Replace the page: omitted fields get their defaults' })
  @ApiParam({ name: 'id' })
  @ApiEnvelope(StatusPageView)
  @ApiErrors(400, 401, 403, 404, 409, 422, 429)
  put(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: CreateStatusPageDto) {
    return this.pages.update(p, id, dto, true);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a status page' })
  @ApiParam({ name: 'id' })
  @ApiEnvelope(DeletedStatusPageView)
  @ApiErrors(401, 403, 404, 429)
  remove(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.pages.remove(p, id);
  }
}
