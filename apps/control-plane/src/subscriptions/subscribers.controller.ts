import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Paged } from '../common/envelope.interceptor';
import { ApiEnvelope, ApiEnvelopeList, ApiErrors, READ_ERRORS, WRITE_ERRORS } from '../common/openapi';
import { CurrentPrincipal, Principal } from '../common/principal';
import {
  CreatedSubscriberDto,
  CreateSubscriberDto,
  DeletedSubscriberDto,
  SubscriberDto,
  SubscriberListQuery,
} from './dto';
import { SubscriptionsService } from './subscriptions.service';

/** The page owner's view of its subscribers (`/api/v1/status-pages/{id}/subscribers`): emails masked, webhook secrets answered once. */
@ApiTags('status-pages')
@ApiSecurity('api_key')
@Controller('status-pages')
export class SubscribersController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Get(':id/subscribers')
  @ApiOperation({
    summary: "List the page's subscribers (emails masked; pending ones are not notified until confirmed)",
  })
  @ApiEnvelopeList(SubscriberDto)
  @ApiErrors(...READ_ERRORS)
  async list(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() q: SubscriberListQuery) {
    const { limit } = q;
    const offset = q.offset ?? 0;
    const { items, total } = await this.subscriptions.list(p, id, limit, offset);
    return new Paged(items, { total, limit, offset });
  }

  @Post(':id/subscribers')
  @ApiOperation({
    summary:
      'Add a webhook subscriber: incident and maintenance events, signed with Standard Webhooks (the secret is answered once)',
  })
  @ApiEnvelope(CreatedSubscriberDto, {
    status: 201,
    description: 'created; 422 when type is not webhook or the URL is invalid or refused (SSRF guard)',
  })
  @ApiErrors(...WRITE_ERRORS)
  add(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: CreateSubscriberDto) {
    return this.subscriptions.addWebhook(p, id, dto);
  }

  @Delete(':id/subscribers/:subscriberId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Remove a subscriber (pending deliveries to it are dropped)' })
  @ApiEnvelope(DeletedSubscriberDto)
  @ApiErrors(...WRITE_ERRORS)
  remove(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Param('subscriberId') subscriberId: string) {
    return this.subscriptions.remove(p, id, subscriberId);
  }
}
