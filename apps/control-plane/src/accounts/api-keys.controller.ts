import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { Paged } from '../common/envelope.interceptor';
import { CurrentPrincipal, Principal } from '../common/principal';
import { AccountsService } from './accounts.service';
import { CreateApiKeyDto } from './dto/create-api-key.dto';
import { ApiKeyView, CreatedApiKeyView, DeletedView } from './dto/views';
import { ApiEnvelope, ApiEnvelopeList, ApiErrors, intQuery } from '../common/openapi';
import { MAX_OFFSET } from '../common/paging';

@ApiTags('api-keys')
@ApiBearerAuth()
@ApiSecurity('api_key')
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly accounts: AccountsService) {}

  @Post()
  @ApiOperation({ summary: 'Create an API key; the full key is returned once, in this answer only' })
  @ApiEnvelope(CreatedApiKeyView, { status: 201 })
  @ApiErrors(400, 401, 403, 422, 429)
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateApiKeyDto): Promise<CreatedApiKeyView> {
    return this.accounts.createApiKey(principal, dto);
  }

  @Get()
  @ApiOperation({ summary: "List the account's API keys (never the keys themselves)" })
  @ApiQuery(intQuery('limit', 1, 500, 500))
  @ApiQuery(intQuery('offset', 0, MAX_OFFSET, 0, `0–${MAX_OFFSET}; beyond, 422`))
  @ApiEnvelopeList(ApiKeyView)
  @ApiErrors(401, 429)
  list(
    @CurrentPrincipal() principal: Principal,
    @Query('limit') limit?: string,
    @Query('offset') offset?: string,
  ): Promise<Paged<ApiKeyView>> {
    return this.accounts.listApiKeys(principal, { limit, offset });
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete (revoke) an API key; the key in use may delete itself' })
  @ApiEnvelope(DeletedView)
  @ApiErrors(401, 403, 404, 429)
  remove(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<DeletedView> {
    return this.accounts.deleteApiKey(principal, id);
  }
}
