import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Paged } from '../common/envelope.interceptor';
import { CurrentPrincipal, Principal } from '../common/principal';
import { CreateWebhookDto, UpdateWebhookDto } from './dto/webhook.dto';
import { WebhooksService } from './webhooks.service';
import { ApiEnvelope, ApiEnvelopeList, ApiErrors, READ_ERRORS, WRITE_ERRORS } from '../common/openapi';
import { CreatedWebhookView, DeletedWebhookView, DeliveryView, WebhookView } from './dto/webhook.view';
import { DeliveryListQuery, WebhookListQuery } from './webhooks.query';

@ApiTags('webhooks')
@ApiSecurity('api_key')
@ApiBearerAuth()
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @ApiOperation({ summary: 'Register a webhook endpoint; the whsec_ secret is answered only here' })
  @ApiEnvelope(CreatedWebhookView, { status: 201 })
  @ApiErrors(400, 401, 403, 422, 429)
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateWebhookDto) {
    return this.webhooks.createWebhook(p, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Your webhook endpoints (secrets masked)' })
  @ApiEnvelopeList(WebhookView)
  @ApiErrors(401, 429)
  async list(@CurrentPrincipal() p: Principal, @Query() q: WebhookListQuery) {
    const { active, limit } = q;
    const offset = q.offset ?? 0;
    const { items, total } = await this.webhooks.listWebhooks(
      p,
      active === 'true' ? true : active === 'false' ? false : undefined,
      limit,
      offset,
    );
    return new Paged(items, { total, limit, offset });
  }

  @Get(':id')
  @ApiOperation({ summary: 'A webhook endpoint (secret masked)' })
  @ApiEnvelope(WebhookView)
  @ApiErrors(...READ_ERRORS)
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.webhooks.getWebhook(p, id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change url, events, description or active (true re-enables an endpoint disabled by 410 Gone)',
  })
  @ApiEnvelope(WebhookView)
  @ApiErrors(...WRITE_ERRORS)
  update(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: UpdateWebhookDto) {
    return this.webhooks.updateWebhook(p, id, dto);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a webhook endpoint and its pending deliveries' })
  @ApiEnvelope(DeletedWebhookView)
  @ApiErrors(401, 403, 404, 429)
  remove(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.webhooks.deleteWebhook(p, id);
  }

  @Post(':id/test')
  @HttpCode(202)
  @ApiOperation({ summary: 'Queue a signed `test` event to this endpoint; see its deliveries for the outcome' })
  @ApiEnvelope(DeliveryView, { status: 202 })
  @ApiErrors(401, 403, 404, 409, 429)
  test(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.webhooks.sendTest(p, id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'Deliveries to this endpoint, newest first, each with its attempt log' })
  @ApiEnvelopeList(DeliveryView)
  @ApiErrors(...READ_ERRORS)
  async deliveries(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() q: DeliveryListQuery) {
    const { limit } = q;
    const offset = q.offset ?? 0;
    const { items, total } = await this.webhooks.listDeliveries(p, id, limit, offset);
    return new Paged(items, { total, limit, offset });
  }

  @Post(':id/deliveries/:deliveryId/retry')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Send a delivery again now, with a fresh retry schedule (re-enables an endpoint disabled by 410)',
  })
  @ApiEnvelope(DeliveryView, { status: 202 })
  @ApiErrors(401, 403, 404, 409, 429)
  retry(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Param('deliveryId') deliveryId: string) {
    return this.webhooks.retryDelivery(p, id, deliveryId);
  }
}
