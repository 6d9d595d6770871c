import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { asAccountId } from '../common/account-id';
import { resolveAndGuard, TargetRefusedError } from '@parallax/checks';
import { randomBytes } from 'node:crypto';
import { Clock } from '../common/clock';
import { DomainError, FieldError, notFound, validationFailed } from '../common/errors';
import { newId } from '../common/ids';
import type { Principal } from '../common/principal';
import { sha256Hex } from '../common/secret-hash';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Tx, TransactionRunner } from '../database/transaction';
import { checkHttpUrl } from '../monitors/monitor-types';
import { MonitorsRepository } from '../monitors/monitors.repository';
import {
  MonitorIncidentEvent,
  NotificationExtensions,
  RenderedMessage,
  TimelineEvent,
} from '../notifications/extensions';
import type { DeliveryEntity } from '../notifications/notification.entity';
import { NotificationsService } from '../notifications/notifications.service';
import { newWebhookSecret, signedHeaders } from '../notifications/signing';
import { StatusPageDirectory, SubscribablePage } from './page-directory';
import { SubscriberEntity } from './subscriber.entity';
import {
  automaticUpdate,
  CONFIRM_TTL_MS,
  confirmationEmail,
  eventEmail,
  makeToken,
  maskEmail,
  normaliseEmail,
  PAGE_EVENTS,
  PageEvent,
  PageEventPayload,
  RATE_LIMITS,
  tokenKey,
  tokenSubscriber,
  verifyToken,
  windowStart,
} from './subscription-rules';
import { SubscriptionsRepository } from './subscriptions.repository';
import { SystemSubscriptionsRepository } from './system-subscriptions.repository';

const MAX_WEBHOOKS_PER_PAGE = 20;
const UNSUBSCRIBE_NONCE = 'unsubscribe';

export interface SubscriberView {
  id: string;
  type: 'email' | 'webhook';
  /** Masked (`a***@e******.com`). */
  email: string | null;
  url: string | null;
  status: 'pending' | 'confirmed';
  created_at: string;
  confirmed_at: string | null;
}

export type SubscribeResult = { outcome: 'accepted' } | { outcome: 'rate_limited'; retryAfterSeconds: number };

/**
 * Subscriptions to a status page. Email: `subscribe` sends a confirmation (double opt-in,
 * rate-limited per IP and per address in PostgreSQL), `confirm` and `unsubscribe` take the
 * token of the link; the answer never tells whether an address was subscribed already.
 * Webhooks: added by the page's owner, signed with their own secret. Incident events reach
 * both through the outbox, in the transaction of the decision that opened or resolved the
 * incident (registered as an incident listener of the notifications context); timeline
 * events (manual incidents, updates of any incident, maintenance scheduled / started /
 * completed / cancelled) in the transaction of their change (a timeline listener).
 */
@Injectable()
export class SubscriptionsService implements OnModuleInit {
  private readonly key: Buffer;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: SubscriptionsRepository,
    private readonly system: SystemSubscriptionsRepository,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly pages: StatusPageDirectory,
    private readonly notifications: NotificationsService,
    private readonly extensions: NotificationExtensions,
    private readonly monitors: MonitorsRepository,
  ) {
    this.key = tokenKey(config.jwtSecret);
  }

  onModuleInit(): void {
    this.extensions.registerChannel('page_email', (d) => this.renderEmail(d));
    this.extensions.registerChannel('page_webhook', (d) => this.renderWebhook(d));
    this.extensions.onIncident((tx, events) => this.incidentRows(tx, events));
    this.extensions.onTimeline((tx, events) => this.timelineRows(tx, events));
  }

  // --- public (no credentials)

  async subscribe(slug: string, rawEmail: unknown, ip: string): Promise<SubscribeResult> {
    const email = normaliseEmail(rawEmail);
    if (!email)
      throw validationFailed([{ field: 'email', message: 'email must be an email address (at most 254 characters)' }]);
    if (!this.config.notify.smtpUrl)
      throw new DomainError('bad_request', 'email subscriptions are not available: this server has no SMTP_URL');
    const page = await this.pages.bySlug(slug);
    if (!page) throw notFound('status page', slug);
    const now = this.clock.now();
    return this.tx.run(async (tx) => {
      const ws = windowStart(now);
      const [perIp, perAddress] = await this.repo.countAttempt(tx, [`ip:${ip}`, `email:${sha256Hex(email)}`], ws);
      if (Math.random() < 0.05) await this.repo.pruneAttempts(tx, new Date(ws.getTime() - RATE_LIMITS.windowMs));
      if (perIp > RATE_LIMITS.perIp || perAddress > RATE_LIMITS.perAddress) {
        return {
          outcome: 'rate_limited' as const,
          retryAfterSeconds: Math.max(1, Math.ceil((ws.getTime() + RATE_LIMITS.windowMs - now.getTime()) / 1000)),
        };
      }
      let sub = await this.repo.findEmailForUpdate(tx, page.id, email);
      if (sub?.confirmedAt) return { outcome: 'accepted' as const }; // already subscribed: the same answer, no email
      if (!sub) {
        sub = Object.assign(new SubscriberEntity(), {
          id: newId('sub'),
          accountId: page.accountId,
          statusPageId: page.id,
          type: 'email' as const,
          email,
          url: null,
          secret: null,
          confirmedAt: null,
          createdAt: now,
        });
      }
      sub.confirmNonce = randomBytes(16).toString('base64url'); // a new link: the previous one stops working
      sub.confirmationSentAt = now;
      await this.repo.save(tx, sub);
      await this.notifications.enqueueRows(tx, [
        this.row(page, sub, 'subscription.confirm', basePayload(page, 'subscription.confirm', now), null, null, now),
      ]);
      return { outcome: 'accepted' as const };
    });
  }

  /** The confirmation link: 'confirmed' the first time, 'already' after, 'invalid' for a bad, old or expired link. */
  async confirm(slug: string, token: unknown): Promise<'confirmed' | 'already' | 'invalid'> {
    const id = tokenSubscriber(token);
    if (!id) return 'invalid';
    const page = await this.pages.bySlug(slug);
    if (!page) return 'invalid';
    const now = this.clock.now();
    return this.tx.run(async (tx) => {
      const sub = await this.repo.findById(id, tx);
      if (!sub || sub.statusPageId !== page.id || sub.type !== 'email') return 'invalid';
      if (sub.confirmedAt) return 'already';
      if (!sub.confirmNonce || !verifyToken(this.key, 'confirm', token as string, sub.confirmNonce)) return 'invalid';
      if (!sub.confirmationSentAt || now.getTime() - sub.confirmationSentAt.getTime() > CONFIRM_TTL_MS)
        return 'invalid';
      sub.confirmedAt = now;
      sub.confirmNonce = null;
      await this.repo.save(tx, sub);
      return 'confirmed';
    });
  }

  /** Checks an unsubscribe link without acting (the page that asks to confirm). */
  async unsubscribeLinkValid(slug: string, token: unknown): Promise<boolean> {
    const page = await this.pages.bySlug(slug);
    return !!page && typeof token === 'string' && verifyToken(this.key, 'unsubscribe', token, UNSUBSCRIBE_NONCE);
  }

  /** The unsubscribe link (also RFC 8058 one-click): deletes the subscriber; idempotent. */
  async unsubscribe(slug: string, token: unknown): Promise<'unsubscribed' | 'invalid'> {
    const id = tokenSubscriber(token);
    if (!id || !verifyToken(this.key, 'unsubscribe', token as string, UNSUBSCRIBE_NONCE)) return 'invalid';
    const page = await this.pages.bySlug(slug);
    if (!page) return 'invalid';
    const sub = await this.repo.findById(id);
    if (sub && sub.statusPageId === page.id) await this.repo.deleteById(id);
    return 'unsubscribed';
  }

  // --- owner API

  async list(
    p: Principal,
    pageId: string,
    limit: number,
    offset: number,
  ): Promise<{ items: SubscriberView[]; total: number }> {
    await this.ownPage(p, pageId);
    const [items, total] = await this.repo.list(p.accountId, pageId, limit, offset);
    return { items: items.map(view), total };
  }

  async addWebhook(
    p: Principal,
    pageId: string,
    dto: { type: string; url: string },
  ): Promise<SubscriberView & { secret: string }> {
    const page = await this.ownPage(p, pageId);
    const errors: FieldError[] = [];
    if (dto.type !== 'webhook')
      errors.push({
        field: 'type',
        message:
          'type must be "webhook": email subscribers subscribe themselves (POST /s/{slug}/subscribe) and confirm by email',
      });
    const u = checkHttpUrl('url', String(dto.url ?? '').trim(), errors);
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
    if ((await this.repo.countOnPage(p.accountId, page.id, 'webhook')) >= MAX_WEBHOOKS_PER_PAGE)
      throw new DomainError('plan_limit', `at most ${MAX_WEBHOOKS_PER_PAGE} webhook subscribers per status page`);
    const secret = newWebhookSecret();
    const now = this.clock.now();
    const saved = await this.repo.insertWebhook(
      Object.assign(new SubscriberEntity(), {
        id: newId('sub'),
        accountId: p.accountId,
        statusPageId: page.id,
        type: 'webhook' as const,
        email: null,
        url: u!.toString(),
        secret,
        confirmNonce: null,
        confirmationSentAt: null,
        confirmedAt: now,
        createdAt: now,
      }),
    );
    return { ...view(saved), secret }; // the secret is answered once, here
  }

  async remove(p: Principal, pageId: string, subscriberId: string): Promise<{ deleted: true; subscriber_id: string }> {
    await this.ownPage(p, pageId);
    if (!(await this.repo.deleteOwned(p.accountId, pageId, subscriberId))) throw notFound('subscriber', subscriberId);
    return { deleted: true, subscriber_id: subscriberId };
  }

  private async ownPage(p: Principal, pageId: string): Promise<SubscribablePage> {
    const page = await this.pages.byId(p.accountId, pageId);
    if (!page) throw notFound('status page', pageId);
    return page;
  }

  // --- outbox

  /** Incident events of monitors shown on pages → one row per (page, notifiable subscriber), ordered per monitor. */
  async incidentRows(tx: Tx, events: MonitorIncidentEvent[]): Promise<Partial<DeliveryEntity>[]> {
    const rows: Partial<DeliveryEntity>[] = [];
    for (const e of events) {
      const pages = await this.pages.listing(tx, e.monitor.accountId, e.monitor.id);
      if (pages.length === 0) continue;
      const subs = await this.system.notifiable(
        tx,
        pages.map((pg) => pg.id),
      );
      for (const page of pages) {
        const payload: PageEventPayload = {
          ...basePayload(page, e.event, e.at),
          subject: {
            kind: 'incident',
            id: e.incident.id,
            title: `${e.monitor.name} is down`,
            status: e.event === 'incident.resolved' ? 'resolved' : 'investigating',
            url: `${page.url}/incidents/${encodeURIComponent(e.incident.id)}`,
          },
          affected_monitors: [e.monitor.name],
          update: automaticUpdate(
            e.event,
            e.monitor.name,
            e.incident.affectedRegions ?? [],
            e.incident.durationSeconds,
          ),
        };
        for (const s of subs.filter((x) => x.statusPageId === page.id))
          rows.push(this.row(page, s, e.event, payload, e.monitor.id, e.sequence, e.at));
      }
    }
    return rows;
  }

  /**
   * Timeline events → one row per (page showing one of the event's monitors, notifiable
   * subscriber). Only the page's own public monitors are named. Events subscribers do not
   * get (a maintenance rescheduled or updated) are skipped.
   */
  async timelineRows(tx: Tx, events: TimelineEvent[]): Promise<Partial<DeliveryEntity>[]> {
    const rows: Partial<DeliveryEntity>[] = [];
    for (const e of events) {
      if (!(PAGE_EVENTS as readonly string[]).includes(e.event)) continue;
      const pages = new Map<string, { page: SubscribablePage; monitorIds: string[] }>();
      for (const monitorId of new Set(e.monitorIds)) {
        for (const page of await this.pages.listing(tx, e.accountId, monitorId)) {
          const entry = pages.get(page.id) ?? { page, monitorIds: [] };
          entry.monitorIds.push(monitorId);
          pages.set(page.id, entry);
        }
      }
      if (pages.size === 0) continue;
      const subs = await this.system.notifiable(tx, [...pages.keys()]);
      if (subs.length === 0) continue;
      const names = await this.monitors.briefs(asAccountId(e.accountId), e.monitorIds, tx);
      for (const { page, monitorIds } of pages.values()) {
        const payload: PageEventPayload = {
          ...basePayload(page, e.event as PageEvent, e.at),
          subject: {
            kind: e.kind,
            id: e.id,
            title: e.title,
            status: e.status,
            url: `${page.url}/${e.kind === 'incident' ? 'incidents' : 'maintenance'}/${encodeURIComponent(e.id)}`,
          },
          affected_monitors: monitorIds.map((id) => names.get(id)?.name).filter((n): n is string => !!n),
          update: e.update,
        };
        for (const s of subs.filter((x) => x.statusPageId === page.id))
          rows.push(this.row(page, s, e.event, payload, null, null, e.at));
      }
    }
    return rows;
  }

  private row(
    page: SubscribablePage,
    s: SubscriberEntity,
    event: string,
    payload: PageEventPayload,
    monitorId: string | null,
    sequence: number | null,
    at: Date,
  ): Partial<DeliveryEntity> {
    const channel = s.type === 'email' ? ('page_email' as const) : ('page_webhook' as const);
    return {
      id: newId('msg'),
      accountId: page.accountId,
      monitorId,
      webhookId: null,
      channel,
      destination: `${channel}:${s.id}`,
      target: s.email ?? s.url ?? '',
      event,
      sequence,
      payload: payload as unknown as Record<string, unknown>,
      nextAttemptAt: at,
    };
  }

  private subscriberOf(d: DeliveryEntity): Promise<SubscriberEntity | null> {
    const id = d.destination.slice(d.destination.indexOf(':') + 1);
    return this.system.forDelivery(id);
  }

  private link(slug: string, action: 'confirm' | 'unsubscribe', token: string): string {
    return `${this.config.publicUrl}/s/${encodeURIComponent(slug)}/${action}?token=${encodeURIComponent(token)}`;
  }

  /** At send time: the subscriber still exists (and is confirmed for events); its links are derived now. */
  async renderEmail(d: DeliveryEntity): Promise<RenderedMessage | null> {
    const s = await this.subscriberOf(d);
    if (!s || !s.email) return null;
    const p = d.payload as unknown as PageEventPayload;
    if (p.event === 'subscription.confirm') {
      if (s.confirmedAt || !s.confirmNonce) return null; // confirmed meanwhile, or superseded
      const m = confirmationEmail(
        p,
        this.link(p.page.slug, 'confirm', makeToken(this.key, 'confirm', s.id, s.confirmNonce)),
      );
      return { kind: 'email', to: s.email, ...m };
    }
    if (!s.confirmedAt) return null;
    const m = eventEmail(
      p,
      this.link(p.page.slug, 'unsubscribe', makeToken(this.key, 'unsubscribe', s.id, UNSUBSCRIBE_NONCE)),
    );
    return { kind: 'email', to: s.email, ...m };
  }

  async renderWebhook(d: DeliveryEntity): Promise<RenderedMessage | null> {
    const s = await this.subscriberOf(d);
    if (!s || !s.url || !s.secret) return null;
    const body = JSON.stringify(d.payload);
    return {
      kind: 'webhook',
      url: s.url,
      body,
      headers: signedHeaders(s.secret, d.id, Math.floor(this.clock.nowMs() / 1000), body),
    };
  }
}

function basePayload(page: SubscribablePage, event: PageEventPayload['event'], at: Date): PageEventPayload {
  return {
    event,
    timestamp: at.toISOString(),
    page: { id: page.id, slug: page.slug, title: page.title, url: page.url },
    affected_monitors: [],
    update: null,
  };
}

function view(s: SubscriberEntity): SubscriberView {
  return {
    id: s.id,
    type: s.type,
    email: s.email ? maskEmail(s.email) : null,
    url: s.url,
    status: s.confirmedAt ? 'confirmed' : 'pending',
    created_at: s.createdAt.toISOString(),
    confirmed_at: s.confirmedAt?.toISOString() ?? null,
  };
}
