import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { clampInt } from '../common/clamp';
import { Paged } from '../common/envelope.interceptor';
import { CurrentPrincipal, Principal } from '../common/principal';
import { CreateWebhookDto, UpdateWebhookDto } from './dto/webhook.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('webhooks')
@ApiSecurity('api_key')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly notifications: NotificationsService) {}

  @Post()
  @ApiOperation({ summary: 'Register a webhook endpoint; the whsec_ secret is answered only here' })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateWebhookDto) {
    return this.notifications.createWebhook(p, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Your webhook endpoints (secrets masked)' })
  @ApiQuery({ name: 'active', required: false, enum: ['true', 'false'] })
  @ApiQuery({ name: 'limit', required: false, description: '1–100, default 50 (clamped)' })
  @ApiQuery({ name: 'offset', required: false })
  async list(@CurrentPrincipal() p: Principal, @Query('active') active?: string, @Query('limit') limitRaw?: string, @Query('offset') offsetRaw?: string) {
    const limit = clampInt(limitRaw, 1, 100, 50);
    const offset = clampInt(offsetRaw, 0, 10_000_000, 0);
    const { items, total } = await this.notifications.listWebhooks(p, active === 'true' ? true : active === 'false' ? false : undefined, limit, offset);
    return new Paged(items, { total, limit, offset });
  }

  @Get(':id')
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.notifications.getWebhook(p, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change url, events, description or active (true re-enables an endpoint disabled by 410 Gone)' })
  update(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: UpdateWebhookDto) {
    return this.notifications.updateWebhook(p, id, dto);
  }

  @Delete(':id')
  remove(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.notifications.deleteWebhook(p, id);
  }

  @Post(':id/test')
  @HttpCode(202)
  @ApiOperation({ summary: 'Queue a signed `test` event to this endpoint; see its deliveries for the outcome' })
  test(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.notifications.sendTest(p, id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'Deliveries to this endpoint, newest first, each with its attempt log' })
  @ApiQuery({ name: 'limit', required: false, description: '1–100, default 50 (clamped)' })
  @ApiQuery({ name: 'offset', required: false })
  async deliveries(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query('limit') limitRaw?: string, @Query('offset') offsetRaw?: string) {
    const limit = clampInt(limitRaw, 1, 100, 50);
    const offset = clampInt(offsetRaw, 0, 10_000_000, 0);
    const { items, total } = await this.notifications.listDeliveries(p, id, limit, offset);
    return new Paged(items, { total, limit, offset });
  }

  @Post(':id/deliveries/:deliveryId/retry')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a delivery again now, with a fresh retry schedule (re-enables an endpoint disabled by 410)' })
  retry(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Param('deliveryId') deliveryId: string) {
    return this.notifications.retryDelivery(p, id, deliveryId);
  }
}
