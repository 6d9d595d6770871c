import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/config';
import { dampen, DampedEvent, DampingState, EMPTY_DAMPING, sameDamping } from './alert-damping';
import { RateCounter, rateLimit, RateRequest } from './rate-limit';
import { AccountsService } from '../accounts/accounts.service';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import type { Tx } from '../database/transaction';
import type { IncidentEntity } from '../incidents/incident.entity';
import { MetricsService } from '../metrics/metrics.service';
import type { MonitorEntity, MonitorStatus } from '../monitors/monitor.entity';
import { AnomalyPayload, EventName, NotificationPayload, RegionResultPayload } from './events';
import { fanOut, heldNotification, raisedEvents } from './fan-out';
import { regionalEvents } from './regional-events';
import { MonitorIncidentEvent, NotificationExtensions, TimelineEvent } from './extensions';
import { inMaintenance } from './maintenance';
import { DeliveryEntity } from './notification.entity';
import { NotificationsRepository } from './notifications.repository';
import { SystemOutboxRepository } from './system-outbox.repository';
import { SlaEvaluator } from './sla-evaluator.service';
import { NotificationTransport } from './transport';
import { asAccountId } from '../common/account-id';

/** What a decision did to a monitor, as the notifications see it. */
export interface StatusChange {
  /** The monitor as it was before the decision (its `status` is the previous status). */
  monitor: MonitorEntity;
  /** The status after the decision (equal to the previous one when it did not change). */
  to: MonitorStatus;
  /** When the decision was taken (the injected clock): maintenance windows are evaluated at this instant. */
  at: Date;
  /** The monitor is in maintenance (a recurring window or a scheduled maintenance in progress); absent: its windows at `at` say. */
  maintenance?: boolean;
  decision: { regions_checked: number; regions_up: number; quorum: number } | null;
  regionResults: RegionResultPayload[];
  /** The round's outcome, for the SLA (rounds without data are never passed). */
  outcome?: 'up' | 'degraded' | 'down' | 'warn';
  incidentOpened?: IncidentEntity | null;
  incidentResolved?: IncidentEntity | null;
  /** Latency-degraded: the slow regions when the decision is `degraded` by slowness alone. */
  slow?: { regions: string[]; threshold_ms: number } | null;
  /** The batch's alert state (`alertBatch`), written back by the caller (`saveAlertBatch`); absent: loaded and written for this change alone. */
  alerts?: AlertBatch;
  /** A monitor this one depends on is down (decisions/dependencies.ts): every row is recorded as `suppressed`, none is sent. */
  suppressedBy?: { monitorId: string; incidentId: string } | null;
}

/**
 * Alert state of a batch of decisions (flap damping, reminders, rate limits): read once
 * for the batch's monitors, changed in memory by each decision, written back set-based in
 * the decision's transaction (`saveAlertBatch`).
 */
export interface AlertBatch {
  states: Map<string, DampingState>;
  changedStates: Set<string>;
  /** Rate-limit counters read so far (locked), by key; a key read and absent is in `loadedKeys`. */
  rates: Map<string, RateCounter>;
  loadedKeys: Set<string>;
  changedRates: Set<string>;
}

/** A regional incident opened or resolved, as the notifications see it. */
export interface RegionalChange {
  monitor: MonitorEntity;
  incident: IncidentEntity;
  state: 'open' | 'resolved';
  reason?: 'recovered' | 'superseded' | 'disabled';
  /** The monitor's status after the decision. */
  status: MonitorStatus;
  /** `regional_incident_rounds`. */
  rounds: number;
  at: Date;
  maintenance: boolean;
  decision: { regions_checked: number; regions_up: number; quorum: number } | null;
  regionResults: RegionResultPayload[];
}

/**
 * The outbox writer: every notification is written here, in the transaction of the change
 * that raises it (status changes, incidents, SLA breaches, timeline events of other
 * contexts). The SLA rule is `SlaEvaluator` (sla-evaluator.service.ts), the account webhooks
 * API `WebhooksService` (webhooks.service.ts), the sending `DispatcherService`.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly repo: NotificationsRepository,
    private readonly outbox: SystemOutboxRepository,
    private readonly transport: NotificationTransport,
    private readonly metrics: MetricsService,
    private readonly accounts: AccountsService,
    private readonly sla: SlaEvaluator,
    private readonly extensions: NotificationExtensions,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The alert state of the monitors of a batch of decisions (one query). */
  async alertBatch(tx: Tx, monitorIds: string[]): Promise<AlertBatch> {
    return {
      states: await this.outbox.alertStates(tx, monitorIds),
      changedStates: new Set(),
      rates: new Map(),
      loadedKeys: new Set(),
      changedRates: new Set(),
    };
  }

  /** Writes what the batch's decisions changed: alert states and rate counters, one upsert each. */
  async saveAlertBatch(tx: Tx, b: AlertBatch): Promise<void> {
    await this.outbox.saveAlertStates(tx, new Map([...b.changedStates].map((id) => [id, b.states.get(id)!])));
    await this.outbox.saveRateCounters(tx, new Map([...b.changedRates].map((k) => [k, b.rates.get(k)!])));
  }

  /**
   * THE one way a state change is notified: call it inside the transaction that applies a
   * decision to a monitor (round decisions, heartbeats, …), once per applied decision. It
   * writes the outbox rows (status event when the status changed, incident events, SLA
   * breach) in that same transaction, so a notification exists if and only if the change
   * committed. During maintenance nothing is written: suppressed, never queued. A status
   * change made in maintenance is held (`monitor.heldStatus`: the status last notified) and,
   * when it still holds at the first decision after the maintenance, notified then to every
   * channel, from the status last notified (`heldNotification`).
   */
  async enqueueStatusChange(tx: Tx, c: StatusChange): Promise<{ enqueued: number; suppressed: boolean }> {
    const m = c.monitor;
    const maintenance = c.maintenance ?? inMaintenance(m.maintenanceWindows, c.at);
    // A dependency down holds the status last notified like a maintenance window does (rows are recorded as suppressed meanwhile):
    // a dependant still down once its dependency is up is notified then, "down (was up)".
    const held = heldNotification(m.status, m.heldStatus ?? null, c.to, maintenance || !!c.suppressedBy);
    m.heldStatus = held.heldStatus;
    const sla =
      !maintenance && m.slaTarget !== null && m.slaTarget !== undefined && c.outcome
        ? await this.sla.evaluate(tx, m, c.outcome === 'down', c.at)
        : null;
    const raised = raisedEvents({
      previous: held.previous,
      to: c.to,
      incidentOpened: !!c.incidentOpened,
      incidentResolved: !!c.incidentResolved,
      slaBreached: !!sla,
      slow: !!c.slow,
    });
    if (maintenance) {
      for (const e of raised) this.metrics.notificationsSuppressed.inc({ event: e });
      return { enqueued: 0, suppressed: raised.length > 0 };
    }
    // Flap damping and reminders (alert-damping.ts), against the batch's alert state.
    const batch = c.alerts ?? (await this.alertBatch(tx, [m.id]));
    const state = batch.states.get(m.id) ?? EMPTY_DAMPING;
    const damped = dampen({
      state,
      config: {
        flapThreshold: m.flapThreshold ?? 0,
        flapWindowSeconds: m.flapWindowSeconds ?? 3600,
        reminderIntervalSeconds: m.reminderIntervalSeconds ?? 0,
      },
      previous: held.previous,
      to: c.to,
      events: raised,
      at: c.at.getTime(),
    });
    if (!sameDamping(state, damped.state)) {
      batch.states.set(m.id, damped.state);
      batch.changedStates.add(m.id);
    }
    if (damped.collapsed.length)
      this.metrics.notificationsCollapsed.inc({ reason: 'flapping' }, damped.collapsed.length);
    const result = await this.writeEvents(tx, c, held.previous, damped.events, sla, batch);
    if (!c.alerts) await this.saveAlertBatch(tx, batch);
    return result;
  }

  /** Writes the outbox rows of a decision's events (after damping), rate-limited per monitor and destination and per email address. */
  private async writeEvents(
    tx: Tx,
    c: StatusChange,
    previous: MonitorStatus,
    damped: DampedEvent[],
    sla: NotificationPayload['sla'] | null,
    batch: AlertBatch,
  ): Promise<{ enqueued: number; suppressed: boolean }> {
    const m = c.monitor;
    if (damped.length === 0) return { enqueued: 0, suppressed: false };
    const names = damped.map((d) => d.event);
    const extras: Partial<Record<EventName, Partial<NotificationPayload>>> = {
      'incident.created': c.incidentOpened ? { incident: incidentPayload(c.incidentOpened) } : {},
      'incident.resolved': c.incidentResolved ? { incident: incidentPayload(c.incidentResolved) } : {},
      'sla.breach': sla ? { sla } : {},
      'monitor.slow': c.slow ? { slow: c.slow } : {},
    };
    const events = damped.map((d) => ({
      event: d.event,
      extra: {
        ...(extras[d.event] ?? {}),
        ...(d.flapping ? { flapping: d.flapping } : {}),
        ...(d.reminder ? { reminder: d.reminder } : {}),
      } as Partial<NotificationPayload>,
      previous: d.reminder ? ('down' as const) : previous,
    }));

    // The decision's own monitor row: its account is the one to notify.
    const account = asAccountId(m.accountId);
    const webhooks = await this.repo.activeWebhooks(tx, account);
    const email = this.transport.emailEnabled
      ? m.alertEmail || (await this.accounts.defaultAlertEmail(tx, account))
      : null;
    const first = await this.outbox.nextSequences(tx, m.id, events.length);
    const payloads = events.map(({ event, extra, previous: was }, i): NotificationPayload => ({
      event,
      sequence: first + i,
      timestamp: c.at.toISOString(),
      monitor: { id: m.id, name: m.name, type: m.monitorType, url: m.url },
      status: c.to,
      previous_status: was,
      decision: c.decision,
      region_results: c.regionResults,
      ...extra,
    }));
    const fanned = fanOut(names, webhooks, {
      monitorId: m.id,
      webhookUrl: m.webhookUrl,
      slack: m.alertSlackWebhook,
      discord: m.alertDiscordWebhook,
      email,
    });
    // Rate limits (rate-limit.ts): per monitor and destination, and per email address across monitors.
    const requests: RateRequest[] = fanned.map((r) => ({
      keys: [
        { key: `${r.destination}|${m.id}`, limit: this.config.notify.rateLimitPerHour },
        ...(r.channel === 'email'
          ? [{ key: `address:${r.target.toLowerCase()}`, limit: this.config.notify.emailRateLimitPerHour }]
          : []),
      ],
    }));
    const keys = [...new Set(requests.flatMap((r) => r.keys.map((k) => k.key)))];
    const missing = keys.filter((k) => !batch.loadedKeys.has(k));
    if (missing.length) {
      for (const [k, v] of await this.outbox.lockRateCounters(tx, missing)) batch.rates.set(k, v);
      for (const k of missing) batch.loadedKeys.add(k);
    }
    const limited = rateLimit(batch.rates, requests, c.at.getTime());
    for (const [k, v] of limited.counters) {
      batch.rates.set(k, v);
      batch.changedRates.add(k);
    }
    const refused = limited.verdicts.filter((v) => !v.allowed).length;
    const suppressed = c.suppressedBy
      ? `suppressed: depends on ${c.suppressedBy.monitorId}, which is down (incident ${c.suppressedBy.incidentId})`
      : null;
    if (refused) this.metrics.notificationsCollapsed.inc({ reason: 'rate_limit' }, refused);
    const rows: Partial<DeliveryEntity>[] = fanned.flatMap((r, i) => {
      const v = limited.verdicts[i];
      if (!v.allowed) return [];
      const payload: NotificationPayload =
        v.collapsedBefore > 0
          ? { ...payloads[r.eventIndex], rate_limited: { collapsed: v.collapsedBefore } }
          : payloads[r.eventIndex];
      return [
        {
          id: newId('msg'),
          accountId: m.accountId,
          monitorId: m.id,
          event: r.event,
          sequence: first + r.eventIndex,
          payload: payload as unknown as Record<string, unknown>,
          nextAttemptAt: c.at,
          channel: r.channel,
          destination: r.destination,
          webhookId: r.webhookId,
          target: r.target,
          ...(suppressed ? { status: 'suppressed' as const, lastError: suppressed } : {}),
        },
      ];
    });
    // Status page subscribers of the monitor's pages (subscriptions/), in the same transaction.
    const incidentEvents: MonitorIncidentEvent[] = [];
    events.forEach(({ event }, i) => {
      const incident =
        event === 'incident.created' ? c.incidentOpened : event === 'incident.resolved' ? c.incidentResolved : null;
      if (incident)
        incidentEvents.push({
          event: event as MonitorIncidentEvent['event'],
          sequence: first + i,
          monitor: m,
          incident,
          at: c.at,
        });
    });
    // A dependant's incidents are its dependency's: its page subscribers are not told (the dependency's are).
    if (!suppressed) rows.push(...(await this.extensions.incidentRows(tx, incidentEvents)));
    await this.outbox.insertDeliveries(tx, rows);
    for (const e of events)
      (suppressed ? this.metrics.notificationsSuppressed : this.metrics.notificationsEnqueued).inc({ event: e.event });
    return { enqueued: suppressed ? 0 : rows.length, suppressed: !!suppressed };
  }

  /**
   * A regional incident opened or resolved (decisions/regional-incident.ts), in the decision's
   * transaction, after the status change's own events: opening raises `monitor.degraded`
   * (every channel; never `monitor.down`) and `incident.created`, resolving
   * `incident.resolved` (account webhooks), each with the `regional` block. Not told to status
   * page subscribers (their messages are about outages). Suppressed in maintenance.
   */
  async enqueueRegional(tx: Tx, c: RegionalChange): Promise<number> {
    const m = c.monitor;
    const names = regionalEvents(c.state);
    if (c.maintenance) {
      for (const e of names) this.metrics.notificationsSuppressed.inc({ event: e });
      return 0;
    }
    const account = asAccountId(m.accountId);
    const webhooks = await this.repo.activeWebhooks(tx, account);
    const email = this.transport.emailEnabled
      ? m.alertEmail || (await this.accounts.defaultAlertEmail(tx, account))
      : null;
    const first = await this.outbox.nextSequences(tx, m.id, names.length);
    const regional = {
      incident_id: c.incident.id,
      state: c.state,
      affected_regions: c.incident.affectedRegions,
      rounds: c.rounds,
      ...(c.reason ? { reason: c.reason } : {}),
    };
    const payloads = names.map((event, i): NotificationPayload => ({
      event,
      sequence: first + i,
      timestamp: c.at.toISOString(),
      monitor: { id: m.id, name: m.name, type: m.monitorType, url: m.url },
      status: c.status,
      previous_status: c.status,
      decision: c.decision,
      region_results: c.regionResults,
      incident: { ...incidentPayload(c.incident), type: 'regional' },
      regional,
    }));
    const rows: Partial<DeliveryEntity>[] = fanOut(names, webhooks, {
      monitorId: m.id,
      webhookUrl: m.webhookUrl,
      slack: m.alertSlackWebhook,
      discord: m.alertDiscordWebhook,
      email,
    }).map((r) => ({
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
    await this.enqueueRows(tx, rows);
    return rows.length;
  }

  /**
   * `monitor.anomaly` events of one monitor (opened, closed), in the anomaly sweep's
   * transaction: to the account webhooks that opted in to the event (never through `*`, never
   * the monitor's own channels); suppressed during a maintenance window.
   */
  async enqueueAnomalies(tx: Tx, m: MonitorEntity, anomalies: AnomalyPayload[], at: Date): Promise<number> {
    if (!anomalies.length) return 0;
    if (inMaintenance(m.maintenanceWindows, at)) {
      this.metrics.notificationsSuppressed.inc({ event: 'monitor.anomaly' }, anomalies.length);
      return 0;
    }
    const webhooks = (await this.repo.activeWebhooks(tx, asAccountId(m.accountId))).filter((w) =>
      w.events.includes('monitor.anomaly'),
    );
    if (!webhooks.length) return 0;
    const names: EventName[] = anomalies.map(() => 'monitor.anomaly');
    const first = await this.outbox.nextSequences(tx, m.id, names.length);
    const payloads = anomalies.map((anomaly, i): NotificationPayload => ({
      event: 'monitor.anomaly',
      sequence: first + i,
      timestamp: at.toISOString(),
      monitor: { id: m.id, name: m.name, type: m.monitorType, url: m.url },
      status: null,
      previous_status: null,
      decision: null,
      region_results: [],
      anomaly,
    }));
    const rows: Partial<DeliveryEntity>[] = fanOut(names, webhooks, {
      monitorId: m.id,
      webhookUrl: null,
      slack: null,
      discord: null,
      email: null,
    }).map((r) => ({
      id: newId('msg'),
      accountId: m.accountId,
      monitorId: m.id,
      event: r.event,
      sequence: first + r.eventIndex,
      payload: payloads[r.eventIndex] as unknown as Record<string, unknown>,
      nextAttemptAt: at,
      channel: r.channel,
      destination: r.destination,
      webhookId: r.webhookId,
      target: r.target,
    }));
    await this.enqueueRows(tx, rows);
    return rows.length;
  }

  /** Rows of another context's channels (status page subscribers), written in its transaction. */
  /** Timeline events (manual incidents, updates, maintenance) to the extensions' subscribers, in the caller's transaction. */
  async enqueueTimeline(tx: Tx, events: TimelineEvent[]): Promise<number> {
    const rows = await this.extensions.timelineRows(tx, events);
    if (rows.length) await this.enqueueRows(tx, rows);
    return rows.length;
  }

  async enqueueRows(tx: Tx, rows: Partial<DeliveryEntity>[]): Promise<void> {
    await this.outbox.insertDeliveries(tx, rows);
    for (const r of rows) this.metrics.notificationsEnqueued.inc({ event: r.event ?? 'unknown' });
  }

  /** For the scrape-time gauges: outbox depth and how long the oldest due delivery has waited. */
  outboxStats(): Promise<{ pending: number; oldestDueSeconds: number }> {
    return this.outbox.outboxStats(this.clock.now());
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
