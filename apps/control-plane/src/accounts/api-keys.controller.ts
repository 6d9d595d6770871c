import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { Paged } from '../common/envelope.interceptor';
import { CurrentPrincipal, Principal } from '../common/principal';
import { AccountsService } from './accounts.service';
import { CreateApiKeyDto } from './dto/create-api-key.dto';
import { ApiKeyView, CreatedApiKeyView, DeletedView } from './dto/views';
import { ApiEnvelope, ApiEnvelopeList, ApiErrors } from '../common/openapi';
import { ApiKeyListQuery } from './api-keys.query';

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
  @ApiEnvelopeList(ApiKeyView)
  @ApiErrors(401, 429)
  list(@CurrentPrincipal() principal: Principal, @Query() q: ApiKeyListQuery): Promise<Paged<ApiKeyView>> {
    return this.accounts.listApiKeys(principal, { limit: q.limit, offset: q.offset ?? 0 });
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete (revoke) an API key; the key in use may delete itself' })
  @ApiEnvelope(DeletedView)
  @ApiErrors(401, 403, 404, 429)
  remove(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<DeletedView> {
    return this.accounts.deleteApiKey(principal, id);
  }
}
