import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { Paged } from '../common/envelope.interceptor';
import { CurrentPrincipal, Principal } from '../common/principal';
import { AccountsService } from './accounts.service';
import { CreateApiKeyDto } from './dto/create-api-key.dto';
import { ApiKeyView, CreatedApiKeyView, DeletedView } from './dto/views';

@ApiTags('api-keys')
@ApiBearerAuth()
@ApiSecurity('api_key')
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly accounts: AccountsService) {}

  @Post()
  @ApiOperation({ summary: 'Create an API key; the full key is returned once, in this answer only' })
  @ApiCreatedResponse({ type: CreatedApiKeyView })
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateApiKeyDto): Promise<CreatedApiKeyView> {
    return this.accounts.createApiKey(principal, dto);
  }

  @Get()
  @ApiOperation({ summary: "List the account's API keys (never the keys themselves)" })
  @ApiQuery({ name: 'limit', required: false, type: Number, description: '1–500, default 500 (clamped)' })
  @ApiQuery({ name: 'offset', required: false, type: Number, description: 'default 0 (clamped)' })
  @ApiOkResponse({ type: ApiKeyView, isArray: true })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query('limit') limit?: string,
    @Query('offset') offset?: string,
  ): Promise<Paged<ApiKeyView>> {
    return this.accounts.listApiKeys(principal, { limit, offset });
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete (revoke) an API key; the key in use may delete itself' })
  @ApiOkResponse({ type: DeletedView })
  remove(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<DeletedView> {
    return this.accounts.deleteApiKey(principal, id);
  }
}
