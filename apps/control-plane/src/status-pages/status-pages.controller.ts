import { Body, Controller, Delete, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiSecurity, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { clampInt } from '../common/clamp';
import { ApiErrors, intQuery } from '../common/openapi';
import { Paged } from '../common/envelope.interceptor';
import { CurrentPrincipal, Principal } from '../common/principal';
import {
  CreateStatusPageDto,
  DeletedStatusPageEnvelope,
  ErrorEnvelope,
  StatusPageEnvelope,
  StatusPageListEnvelope,
  UpdateStatusPageDto,
} from './dto/status-page.dto';
import { StatusPagesService } from './status-pages.service';

@ApiTags('status-pages')
@ApiSecurity('api_key')
@ApiErrors(401, 429)
@Controller('status-pages')
export class StatusPagesController {
  constructor(private readonly pages: StatusPagesService) {}

  @Post()
  @ApiOperation({ summary: 'Create a public status page (served at /s/{slug} and / on its custom domain)' })
  @ApiCreatedResponse({ type: StatusPageEnvelope })
  @ApiBadRequestResponse({ type: ErrorEnvelope, description: 'Malformed JSON' })
  @ApiConflictResponse({ type: ErrorEnvelope, description: 'slug or custom_domain taken' })
  @ApiUnprocessableEntityResponse({ type: ErrorEnvelope, description: 'Validation failed; details name the fields' })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateStatusPageDto) {
    return this.pages.create(p, dto);
  }

  @Get()
  @ApiOperation({ summary: "The account's status pages, oldest first" })
  @ApiQuery(intQuery('limit', 1, 500, 100))
  @ApiQuery(intQuery('offset', 0, 10_000_000, 0))
  @ApiOkResponse({ type: StatusPageListEnvelope })
  async list(@CurrentPrincipal() p: Principal, @Query('limit') limitRaw?: string, @Query('offset') offsetRaw?: string) {
    const limit = clampInt(limitRaw, 1, 500, 100);
    const offset = clampInt(offsetRaw, 0, 10_000_000, 0);
    const { items, total } = await this.pages.list(p, limit, offset);
    return new Paged(items, { total, limit, offset });
  }

  @Get(':id')
  @ApiParam({ name: 'id', example: 'sp_3k9x0q2m7d1v8b4n' })
  @ApiOkResponse({ type: StatusPageEnvelope })
  @ApiNotFoundResponse({ type: ErrorEnvelope, description: 'Unknown id, or a page of another account' })
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.pages.get(p, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Partial update: omitted fields are kept; groups / monitor_ids, when given, replace those lists' })
  @ApiParam({ name: 'id' })
  @ApiOkResponse({ type: StatusPageEnvelope })
  @ApiNotFoundResponse({ type: ErrorEnvelope })
  @ApiConflictResponse({ type: ErrorEnvelope })
  @ApiUnprocessableEntityResponse({ type: ErrorEnvelope })
  patch(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: UpdateStatusPageDto) {
    return this.pages.update(p, id, dto, false);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Replace the page: omitted fields get their defaults' })
  @ApiParam({ name: 'id' })
  @ApiOkResponse({ type: StatusPageEnvelope })
  @ApiNotFoundResponse({ type: ErrorEnvelope })
  @ApiConflictResponse({ type: ErrorEnvelope })
  @ApiUnprocessableEntityResponse({ type: ErrorEnvelope })
  put(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: CreateStatusPageDto) {
    return this.pages.update(p, id, dto, true);
  }

  @Delete(':id')
  @ApiParam({ name: 'id' })
  @ApiOkResponse({ type: DeletedStatusPageEnvelope })
  @ApiNotFoundResponse({ type: ErrorEnvelope })
  remove(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.pages.remove(p, id);
  }
}
