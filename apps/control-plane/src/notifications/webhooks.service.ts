import { Inject, Injectable, Logger } from '@nestjs/common';
import { resolveAndGuard, TargetRefusedError } from '@parallax/checks';
import { Clock } from '../common/clock';
import { DomainError, FieldError, notFound, validationFailed } from '../common/errors';
import { newId } from '../common/ids';
import type { Principal } from '../common/principal';
import { APP_CONFIG, AppConfig } from '../config/config';
import { MetricsService } from '../metrics/metrics.service';
import { checkHttpUrl } from '../monitors/monitor-types';
import { CreateWebhookDto, UpdateWebhookDto } from './dto/webhook.dto';
import { EVENT_ALIASES, EventName, NotificationPayload, normaliseEvents, SUBSCRIBABLE } from './events';
import { DeliveryEntity, WebhookEntity } from './notification.entity';
import { DeliveryResponse, toDeliveryResponse, toWebhookResponse, WebhookResponse } from './notification.mapper';
import { NotificationsRepository } from './notifications.repository';
import { newWebhookSecret, secretKey } from './signing';

const MAX_WEBHOOKS_PER_ACCOUNT = 20;

/** The account webhooks API (`/webhooks`): CRUD, test events, delivery log and manual retry. */
@Injectable()
export class WebhooksService {
  private readonly logger = new Logger(WebhooksService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: NotificationsRepository,
    private readonly metrics: MetricsService,
    private readonly clock: Clock,
  ) {}

  async createWebhook(
    p: Principal,
    dto: CreateWebhookDto,
  ): Promise<WebhookResponse & { webhook_id: string; secret: string }> {
    const errors: FieldError[] = [];
    if (dto.secret !== undefined && !secretKey(dto.secret)) {
      errors.push({
        field: 'secret',
        message: 'secret must be "whsec_" followed by base64 of 24 to 64 random bytes (omit it to have one generated)',
      });
    }
    const { url, events } = await this.checkEndpoint(dto.url, dto.events ?? ['*'], errors);
    if ((await this.repo.countWebhooks(p.accountId)) >= MAX_WEBHOOKS_PER_ACCOUNT) {
      throw new DomainError('plan_limit', `at most ${MAX_WEBHOOKS_PER_ACCOUNT} webhooks per account`);
    }
    const secret = dto.secret ?? newWebhookSecret();
    const w = Object.assign(new WebhookEntity(), {
      id: newId('whk'),
      accountId: p.accountId,
      url,
      events,
      secret,
      description: dto.description ?? '',
      active: dto.active ?? true,
      disabledReason: null,
      lastTriggeredAt: null,
    });
    const saved = await this.repo.insertWebhook(w);
    // The secret is answered once, here; never again.
    return { ...toWebhookResponse(saved), webhook_id: saved.id, secret };
  }

  /** `PATCH /webhooks/{id}`: pending deliveries follow a new URL; `active: true` re-enables a disabled endpoint. */
  async updateWebhook(p: Principal, id: string, dto: UpdateWebhookDto): Promise<WebhookResponse> {
    const w = await this.requireWebhook(p, id);
    const checked = await this.checkEndpoint(dto.url ?? w.url, dto.events ?? w.events, []);
    Object.assign(w, checked);
    if (dto.description !== undefined) w.description = dto.description;
    if (dto.active !== undefined)
      Object.assign(w, { active: dto.active, disabledReason: dto.active ? null : w.disabledReason });
    return toWebhookResponse(await this.repo.saveWebhook(w));
  }

  /** URL (syntax and SSRF guard) and event names of an endpoint; throws 422 with every problem. */
  private async checkEndpoint(
    rawUrl: string,
    rawEvents: string[],
    errors: FieldError[],
  ): Promise<{ url: string; events: EventName[] }> {
    const u = checkHttpUrl('url', rawUrl.trim(), errors);
    const { events, unknown } = normaliseEvents(rawEvents);
    if (unknown.length)
      errors.push({
        field: 'events',
        message: `unknown events: ${unknown.join(', ')}; known: *, ${[...SUBSCRIBABLE, ...Object.keys(EVENT_ALIASES)].join(', ')}`,
      });
    else if (events.length === 0) errors.push({ field: 'events', message: 'events must name at least one event' });
    if (errors.length) throw validationFailed(errors);
    if (!this.config.allowPrivateTargets) {
      try {
        await resolveAndGuard(u!.hostname, false);
      } catch (e) {
        throw validationFailed([
          {
            field: 'url',
            message: e instanceof TargetRefusedError ? e.message : `url host "${u!.hostname}" could not be resolved`,
          },
        ]);
      }
    }
    return { url: u!.toString(), events };
  }

  async listWebhooks(p: Principal, active: boolean | undefined, limit: number, offset: number) {
    const [items, total] = await this.repo.listWebhooks(p.accountId, active, limit, offset);
    return { items: items.map(toWebhookResponse), total };
  }

  async getWebhook(p: Principal, id: string): Promise<WebhookResponse> {
    return toWebhookResponse(await this.requireWebhook(p, id));
  }

  async deleteWebhook(p: Principal, id: string): Promise<{ deleted: true; webhook_id: string }> {
    if (!(await this.repo.deleteWebhook(p.accountId, id))) throw notFound('webhook', id);
    return { deleted: true, webhook_id: id };
  }

  /** `POST /webhooks/{id}/test`: a `test` event through the outbox (signed, retried, logged like any other). */
  async sendTest(p: Principal, id: string): Promise<DeliveryResponse> {
    const w = await this.requireWebhook(p, id);
    if (!w.active)
      throw new DomainError(
        'conflict',
        `webhook ${id} is disabled${w.disabledReason ? ` (${w.disabledReason})` : ''}; PATCH it with "active": true to enable it`,
      );
    const now = this.clock.now();
    const payload: NotificationPayload = {
      event: 'test',
      sequence: null,
      timestamp: now.toISOString(),
      monitor: null,
      status: null,
      previous_status: null,
      decision: null,
      region_results: [],
      message: 'Parallax test notification: your endpoint receives signed webhooks.',
    };
    const row = Object.assign(new DeliveryEntity(), {
      id: newId('msg'),
      accountId: p.accountId,
      monitorId: null,
      webhookId: w.id,
      channel: 'webhook' as const,
      destination: w.id,
      target: w.url,
      event: 'test',
      sequence: null,
      payload: payload as unknown as Record<string, unknown>,
      status: 'pending' as const,
      attempts: 0,
      nextAttemptAt: now,
      lockedUntil: null,
      lastResponseStatus: null,
      lastError: null,
      deliveredAt: null,
      createdAt: now,
    });
    await this.repo.insertDelivery(row);
    this.metrics.notificationsEnqueued.inc({ event: 'test' });
    return toDeliveryResponse(row, []);
  }

  async listDeliveries(p: Principal, id: string, limit: number, offset: number) {
    await this.requireWebhook(p, id);
    const { items, attempts, total } = await this.repo.listDeliveries(p.accountId, id, limit, offset);
    return {
      items: items.map((d) =>
        toDeliveryResponse(
          d,
          attempts.filter((a) => a.deliveryId === d.id),
        ),
      ),
      total,
    };
  }

  /** `POST /webhooks/{id}/deliveries/{d}/retry`: due now, with a fresh retry schedule. */
  async retryDelivery(p: Principal, id: string, deliveryId: string): Promise<DeliveryResponse> {
    const w = await this.requireWebhook(p, id);
    const d = await this.repo.findDelivery(p.accountId, id, deliveryId);
    if (!d) throw notFound('delivery', deliveryId);
    if (d.status === 'pending')
      throw new DomainError(
        'conflict',
        `delivery ${deliveryId} is already pending (next attempt ${d.nextAttemptAt.toISOString()})`,
      );
    if (!w.active) await this.repo.setWebhookActive(p.accountId, id, true); // retrying a disabled endpoint's delivery re-enables it
    await this.repo.requeue(p.accountId, deliveryId, this.clock.now());
    const again = await this.repo.findDelivery(p.accountId, id, deliveryId);
    this.logger.log({ webhook_id: id, delivery_id: deliveryId }, 'delivery requeued by hand');
    return toDeliveryResponse(again!, []);
  }

  private async requireWebhook(p: Principal, id: string): Promise<WebhookEntity> {
    const w = await this.repo.findWebhook(p.accountId, id);
    if (!w) throw notFound('webhook', id);
    return w;
  }
}
