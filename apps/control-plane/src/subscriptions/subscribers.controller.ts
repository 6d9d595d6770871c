import { applyDecorators, Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Type } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiExtraModels, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiSecurity, ApiTags, ApiUnprocessableEntityResponse, getSchemaPath } from '@nestjs/swagger';
import { clampInt } from '../common/clamp';
import { ApiErrors, intQuery } from '../common/openapi';
import { Paged } from '../common/envelope.interceptor';
import { CurrentPrincipal, Principal } from '../common/principal';
import { CreatedSubscriberDto, CreateSubscriberDto, DeletedSubscriberDto, SubscriberDto } from './dto';
import { SubscriptionsService } from './subscriptions.service';

const ERROR = { type: 'object', properties: { data: { type: 'null' }, error: { type: 'string' } } };

/** `{data: T, error: null}` (or `data: T[]` with `meta`) in the OpenAPI document. */
function Envelope(status: 200 | 201, model: Type<unknown>, list = false) {
  const data = list ? { type: 'array', items: { $ref: getSchemaPath(model) } } : { $ref: getSchemaPath(model) };
  const schema = { type: 'object', properties: { data, error: { type: 'null' }, ...(list ? { meta: { type: 'object', properties: { total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' } } } } : {}) } };
  return applyDecorators(ApiExtraModels(model), status === 201 ? ApiCreatedResponse({ schema }) : ApiOkResponse({ schema }));
}

/** The page owner's view of its subscribers (`/api/v1/status-pages/{id}/subscribers`): emails masked, webhook secrets answered once. */
@ApiTags('status-pages')
@ApiSecurity('api_key')
@ApiErrors(401, 429)
@Controller('status-pages')
export class SubscribersController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Get(':id/subscribers')
  @ApiOperation({ summary: "List the page's subscribers (emails masked; pending ones are not notified until confirmed)" })
  @ApiQuery(intQuery('limit', 1, 200, 50))
  @ApiQuery(intQuery('offset', 0, 10_000_000, 0))
  @Envelope(200, SubscriberDto, true)
  @ApiNotFoundResponse({ description: 'no such status page in the account', schema: ERROR })
  async list(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query('limit') limitRaw?: string, @Query('offset') offsetRaw?: string) {
    const limit = clampInt(limitRaw, 1, 200, 50);
    const offset = clampInt(offsetRaw, 0, 10_000_000, 0);
    const { items, total } = await this.subscriptions.list(p, id, limit, offset);
    return new Paged(items, { total, limit, offset });
  }

  @Post(':id/subscribers')
  @ApiOperation({ summary: 'Add a webhook subscriber: incident and maintenance events, signed with Standard Webhooks (the secret is answered once)' })
  @Envelope(201, CreatedSubscriberDto)
  @ApiUnprocessableEntityResponse({ description: 'type is not webhook, or the URL is invalid or refused (SSRF guard)', schema: ERROR })
  @ApiNotFoundResponse({ description: 'no such status page in the account', schema: ERROR })
  @ApiBadRequestResponse({ description: 'malformed body', schema: ERROR })
  add(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: CreateSubscriberDto) {
    return this.subscriptions.addWebhook(p, id, dto);
  }

  @Delete(':id/subscribers/:subscriberId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Remove a subscriber (pending deliveries to it are dropped)' })
  @Envelope(200, DeletedSubscriberDto)
  @ApiNotFoundResponse({ description: 'no such page or subscriber in the account', schema: ERROR })
  remove(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Param('subscriberId') subscriberId: string) {
    return this.subscriptions.remove(p, id, subscriberId);
  }
}
