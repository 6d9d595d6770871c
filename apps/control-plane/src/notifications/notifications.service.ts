import { Inject, Injectable, Logger } from '@nestjs/common';
import { resolveAndGuard, TargetRefusedError } from '@parallax/checks';
import { AccountsService } from '../accounts/accounts.service';
import { Clock } from '../common/clock';
import { DomainError, FieldError, notFound, validationFailed } from '../common/errors';
import { newId } from '../common/ids';
import type { Principal } from '../common/principal';
import { APP_CONFIG, AppConfig } from '../config/config';
import type { Tx } from '../database/transaction';
import type { IncidentEntity } from '../incidents/incident.entity';
import { MetricsService } from '../metrics/metrics.service';
import { checkHttpUrl } from '../monitors/monitor-types';
import { RoundsRepository } from '../scheduler/rounds.repository';
import type { MonitorEntity, MonitorStatus } from '../monitors/monitor.entity';
import { CreateWebhookDto, UpdateWebhookDto } from './dto/webhook.dto';
import { EVENT_ALIASES, EventName, NotificationPayload, normaliseEvents, RegionResultPayload, SUBSCRIBABLE } from './events';
import { fanOut, raisedEvents } from './fan-out';
import { MonitorIncidentEvent, NotificationExtensions, TimelineEvent } from './extensions';
import { inMaintenance } from './maintenance';
import { DeliveryEntity, WebhookEntity } from './notification.entity';
import { DeliveryResponse, toDeliveryResponse, toWebhookResponse, WebhookResponse } from './notification.mapper';
import { NotificationsRepository } from './notifications.repository';
import { newWebhookSecret, secretKey } from './signing';
import { NotificationTransport } from './transport';

/** What a decision did to a monitor, as the notifications see it. */
export interface StatusChange {
  /** The monitor as it was before the decision (its `status` is the previous status). */
  monitor: MonitorEntity;
  /** The status after the decision (equal to the previous one when it did not change). */
  to: MonitorStatus;
  /** When the decision was taken (the injected clock): maintenance windows are evaluated at this instant. */
  at: Date;
  decision: { regions_checked: number; regions_up: number; quorum: number } | null;
  regionResults: RegionResultPayload[];
  /** The round's outcome, for the SLA (rounds without data are never passed). */
  outcome?: 'up' | 'degraded' | 'down' | 'warn';
  incidentOpened?: IncidentEntity | null;
  incidentResolved?: IncidentEntity | null;
  /** Latency-degraded: the slow regions when the decision is `degraded` by slowness alone. */
  slow?: { regions: string[]; threshold_ms: number } | null;
}

const MAX_WEBHOOKS_PER_ACCOUNT = 20;

@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: NotificationsRepository,
    private readonly transport: NotificationTransport,
    private readonly metrics: MetricsService,
    private readonly accounts: AccountsService,
    private readonly rounds: RoundsRepository,
    private readonly extensions: NotificationExtensions,
    private readonly clock: Clock,
  ) {}

  /**
   * THE one way a state change is notified: call it inside the transaction that applies a
   * decision to a monitor (round decisions, heartbeats, …), once per applied decision. It
   * writes the outbox rows (status event when the status changed, incident events, SLA
   * breach) in that same transaction, so a notification exists if and only if the change
   * committed. During a maintenance window nothing is written: suppressed, never queued.
   */
  async enqueueStatusChange(tx: Tx, c: StatusChange): Promise<{ enqueued: number; suppressed: boolean }> {
    const m = c.monitor;
    const maintenance = inMaintenance(m.maintenanceWindows, c.at);
    const sla = !maintenance && m.slaTarget !== null && m.slaTarget !== undefined && c.outcome ? await this.evaluateSla(tx, m, c.outcome === 'down', c.at) : null;
    const names = raisedEvents({ previous: m.status, to: c.to, incidentOpened: !!c.incidentOpened, incidentResolved: !!c.incidentResolved, slaBreached: !!sla, slow: !!c.slow });
    const extras: Partial<Record<EventName, Partial<NotificationPayload>>> = {
      'incident.created': c.incidentOpened ? { incident: incidentPayload(c.incidentOpened) } : {},
      'incident.resolved': c.incidentResolved ? { incident: incidentPayload(c.incidentResolved) } : {},
      'sla.breach': sla ? { sla } : {},
      'monitor.slow': c.slow ? { slow: c.slow } : {},
    };
    const events = names.map((event) => ({ event, extra: extras[event] ?? {} }));
    if (events.length === 0) return { enqueued: 0, suppressed: false };
    if (maintenance) {
      for (const e of events) this.metrics.notificationsSuppressed.inc({ event: e.event });
      return { enqueued: 0, suppressed: true };
    }

    const webhooks = await this.repo.activeWebhooks(tx, m.accountId);
    const email = this.transport.emailEnabled ? m.alertEmail || (await this.accounts.defaultAlertEmail(tx, m.accountId)) : null;
    const first = await this.repo.nextSequences(tx, m.id, events.length);
    const payloads = events.map(({ event, extra }, i): NotificationPayload => ({
      event,
      sequence: first + i,
      timestamp: c.at.toISOString(),
      monitor: { id: m.id, name: m.name, type: m.monitorType, url: m.url },
      status: c.to,
      previous_status: m.status,
      decision: c.decision,
      region_results: c.regionResults,
      ...extra,
    }));
    const rows: Partial<DeliveryEntity>[] = fanOut(names, webhooks, { monitorId: m.id, webhookUrl: m.webhookUrl, slack: m.alertSlackWebhook, discord: m.alertDiscordWebhook, email }).map((r) => ({
      id: newId('msg'),
      accountId: m.accountId,
      monitorId: m.id,
      event: r.event,
      sequence: first + r.eventIndex,
      payload: payloads[r.eventIndex] as unknown as Record<string, unknown>,
      nextAttemptAt: c.at,
      channel: r.channel,
      destination: r.destination,
      webhookId: r.webhookId,
      target: r.target,
    }));
    // Status page subscribers of the monitor's pages (subscriptions/), in the same transaction.
    const incidentEvents: MonitorIncidentEvent[] = [];
    events.forEach(({ event }, i) => {
      const incident = event === 'incident.created' ? c.incidentOpened : event === 'incident.resolved' ? c.incidentResolved : null;
      if (incident) incidentEvents.push({ event: event as MonitorIncidentEvent['event'], sequence: first + i, monitor: m, incident, at: c.at });
    });
    rows.push(...(await this.extensions.incidentRows(tx, incidentEvents)));
    await this.repo.insertDeliveries(tx, rows);
    for (const e of events) this.metrics.notificationsEnqueued.inc({ event: e.event });
    return { enqueued: rows.length, suppressed: false };
  }

  /**
   * SLA: uptime over the monitor's window from round outcomes (down rounds fail, rounds
   * without data do not count). Fires once when uptime falls below the target; re-arms
   * when it is back at or above it. Only down rounds can breach, so the window query runs
   * on a down round while not breached, or on any other round while breached.
   */
  private async evaluateSla(tx: Tx, m: MonitorEntity, down: boolean, at: Date): Promise<NotificationPayload['sla'] | null> {
    const breached = await this.repo.slaBreached(tx, m.id);
    if (down === breached) return null;
    const since = new Date(at.getTime() - m.slaWindowDays * 86_400_000);
    const { total, down: failed } = await this.rounds.outcomeCounts(tx, m.id, since);
    const uptime = total === 0 ? 100 : ((total - failed) / total) * 100;
    const now = uptime < m.slaTarget!;
    if (now === breached) return null;
    await this.repo.setSlaBreached(tx, m.id, now);
    return now ? { target_percent: m.slaTarget!, window_days: m.slaWindowDays, uptime_percent: Math.round(uptime * 1000) / 1000 } : null;
  }

  /** Rows of another context's channels (status page subscribers), written in its transaction. */
  /** Timeline events (manual incidents, updates, maintenance) to the extensions' subscribers, in the caller's transaction. */
  async enqueueTimeline(tx: Tx, events: TimelineEvent[]): Promise<number> {
    const rows = await this.extensions.timelineRows(tx, events);
    if (rows.length) await this.enqueueRows(tx, rows);
    return rows.length;
  }

  async enqueueRows(tx: Tx, rows: Partial<DeliveryEntity>[]): Promise<void> {
    await this.repo.insertDeliveries(tx, rows);
    for (const r of rows) this.metrics.notificationsEnqueued.inc({ event: r.event ?? 'unknown' });
  }

  /** For the scrape-time gauges: outbox depth and how long the oldest due delivery has waited. */
  outboxStats(): Promise<{ pending: number; oldestDueSeconds: number }> {
    return this.repo.outboxStats(this.clock.now());
  }

  // --- account webhooks API

  async createWebhook(p: Principal, dto: CreateWebhookDto): Promise<WebhookResponse & { webhook_id: string; secret: string }> {
    const errors: FieldError[] = [];
    if (dto.secret !== undefined && !secretKey(dto.secret)) {
      errors.push({ field: 'secret', message: 'secret must be "whsec_" followed by base64 of 24 to 64 random bytes (omit it to have one generated)' });
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
    if (dto.active !== undefined) Object.assign(w, { active: dto.active, disabledReason: dto.active ? null : w.disabledReason });
    return toWebhookResponse(await this.repo.saveWebhook(w));
  }

  /** URL (syntax and SSRF guard) and event names of an endpoint; throws 422 with every problem. */
  private async checkEndpoint(rawUrl: string, rawEvents: string[], errors: FieldError[]): Promise<{ url: string; events: EventName[] }> {
    const u = checkHttpUrl('url', rawUrl.trim(), errors);
    const { events, unknown } = normaliseEvents(rawEvents);
    if (unknown.length) errors.push({ field: 'events', message: `unknown events: ${unknown.join(', ')}; known: *, ${[...SUBSCRIBABLE, ...Object.keys(EVENT_ALIASES)].join(', ')}` });
    else if (events.length === 0) errors.push({ field: 'events', message: 'events must name at least one event' });
    if (errors.length) throw validationFailed(errors);
    if (!this.config.allowPrivateTargets) {
      try {
        await resolveAndGuard(u!.hostname, false);
      } catch (e) {
        throw validationFailed([{ field: 'url', message: e instanceof TargetRefusedError ? e.message : `url host "${u!.hostname}" could not be resolved` }]);
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
    if (!w.active) throw new DomainError('conflict', `webhook ${id} is disabled${w.disabledReason ? ` (${w.disabledReason})` : ''}; PATCH it with "active": true to enable it`);
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
    return { items: items.map((d) => toDeliveryResponse(d, attempts.filter((a) => a.deliveryId === d.id))), total };
  }

  /** `POST /webhooks/{id}/deliveries/{d}/retry`: due now, with a fresh retry schedule. */
  async retryDelivery(p: Principal, id: string, deliveryId: string): Promise<DeliveryResponse> {
    const w = await this.requireWebhook(p, id);
    const d = await this.repo.findDelivery(p.accountId, id, deliveryId);
    if (!d) throw notFound('delivery', deliveryId);
    if (d.status === 'pending') throw new DomainError('conflict', `delivery ${deliveryId} is already pending (next attempt ${d.nextAttemptAt.toISOString()})`);
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

function incidentPayload(i: IncidentEntity): NonNullable<NotificationPayload['incident']> {
  return {
    id: i.id,
    started_at: i.startedAt.toISOString(),
    resolved_at: i.resolvedAt ? i.resolvedAt.toISOString() : null,
    duration_seconds: i.durationSeconds,
    affected_regions: i.affectedRegions,
  };
}
