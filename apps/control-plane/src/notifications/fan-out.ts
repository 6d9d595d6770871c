import type { DeliveryChannel } from './notification.entity';
import { EventName, NotifiedStatus, statusEvent } from './events';

/**
 * The notification fan-out, pure: which events an applied decision raises, and which
 * destinations get each of them.
 *
 * Events, in this order (their sequence numbers follow it):
 * 1. the status event (`monitor.<to>`) when the status changed, except to `pending`
 *    (`monitor.slow` for `degraded` by slowness alone: latency-degraded);
 * 2. `incident.created` when an incident opened, `incident.resolved` when one resolved;
 * 3. `sla.breach` when the SLA was breached by this decision.
 *
 * Destinations of each event:
 * - every active account webhook subscribed to it (destination: the webhook id);
 * - the monitor's own channels (`webhook_url`, Slack, Discord, email; destination
 *   `<channel>:<monitor id>`) for the `monitor.*` events and `sla.breach` only, each when set.
 *   Email goes only to an address the caller resolved (SMTP configured; the monitor's
 *   `alert_email` or the account's address).
 */
export interface RaisedEvents {
  previous: NotifiedStatus;
  to: NotifiedStatus;
  incidentOpened: boolean;
  incidentResolved: boolean;
  slaBreached: boolean;
  /** The change to `degraded` is latency-degraded (slow regions, none failing). */
  slow?: boolean;
}

export function raisedEvents(r: RaisedEvents): EventName[] {
  const events: EventName[] = [];
  const status = r.to !== r.previous ? statusEvent(r.to, r.slow === true) : null;
  if (status) events.push(status);
  if (r.incidentOpened) events.push('incident.created');
  if (r.incidentResolved) events.push('incident.resolved');
  if (r.slaBreached) events.push('sla.breach');
  return events;
}

/**
 * Status changes made in maintenance (SPEC 3.4, 3.7a; issue 15 item 9), pure: in maintenance
 * nothing is notified and the status last notified is held (`heldStatus`, kept from the
 * first change; cleared when the monitor is back at it). Out of maintenance the change is
 * notified from the held status, so a monitor that went down in the window and is still
 * down after it is notified "down" then, and its later recovery "up (was down)".
 * `current`: the status before this decision; `to`: after it.
 */
export function heldNotification<S extends NotifiedStatus>(
  current: S,
  heldStatus: S | null,
  to: S,
  maintenance: boolean,
): { previous: S; heldStatus: S | null } {
  if (maintenance) {
    const kept = heldStatus ?? (to !== current ? current : null);
    return { previous: current, heldStatus: kept === to ? null : kept };
  }
  return { previous: heldStatus ?? current, heldStatus: null };
}

/** Events the monitor's own channels (webhook_url, Slack, Discord, email) get; account webhooks choose theirs. */
export const MONITOR_CHANNEL_EVENTS: ReadonlySet<EventName> = new Set([
  'monitor.down',
  'monitor.up',
  'monitor.degraded',
  'monitor.slow',
  'monitor.warn',
  'monitor.flapping',
  'monitor.stable',
  'sla.breach',
]);

const STATUS_EVENT_NAMES: readonly string[] = [
  'monitor.down',
  'monitor.up',
  'monitor.degraded',
  'monitor.slow',
  'monitor.warn',
];

/**
 * Whether a webhook gets an event: it names it; `monitor.flapping` and `monitor.stable` also
 * go to every webhook that names a status event (they stand for the status events a flapping
 * monitor collapses, so a subscriber never loses them by a list made before they existed).
 */
export function subscribes(events: readonly string[], event: EventName): boolean {
  if (events.includes(event)) return true;
  return (
    (event === 'monitor.flapping' || event === 'monitor.stable') && events.some((e) => STATUS_EVENT_NAMES.includes(e))
  );
}

export interface WebhookTarget {
  id: string;
  url: string;
  /** The events it subscribes to. */
  events: readonly string[];
}

export interface OwnChannels {
  monitorId: string;
  webhookUrl: string | null;
  slack: string | null;
  discord: string | null;
  /** The resolved address, or null when no email is sent. */
  email: string | null;
}

export interface FanOutRow {
  /** Index into the events given. */
  eventIndex: number;
  event: EventName;
  channel: DeliveryChannel;
  destination: string;
  webhookId: string | null;
  target: string;
}

export function fanOut(
  events: readonly EventName[],
  webhooks: readonly WebhookTarget[],
  own: OwnChannels,
): FanOutRow[] {
  const rows: FanOutRow[] = [];
  events.forEach((event, eventIndex) => {
    for (const w of webhooks) {
      if (subscribes(w.events, event))
        rows.push({ eventIndex, event, channel: 'webhook', destination: w.id, webhookId: w.id, target: w.url });
    }
    if (!MONITOR_CHANNEL_EVENTS.has(event)) return;
    const channels: [DeliveryChannel, string | null][] = [
      ['monitor_webhook', own.webhookUrl],
      ['slack', own.slack],
      ['discord', own.discord],
      ['email', own.email],
    ];
    for (const [channel, target] of channels) {
      if (target)
        rows.push({ eventIndex, event, channel, destination: `${channel}:${own.monitorId}`, webhookId: null, target });
    }
  });
  return rows;
}
