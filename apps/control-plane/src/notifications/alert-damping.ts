import type { EventName, NotifiedStatus } from './events';

/**
 * Flap damping and reminders (issue 15 item 5), pure: what a monitor's applied decision
 * notifies, given the events the fan-out raised (`raisedEvents`) and the monitor's alert
 * state (`alert_state`, one row per monitor). Not called in maintenance (nothing is
 * notified there).
 *
 * - **Changes**: a status change that is notified (from a status other than `pending`) is
 *   recorded; only the changes within the last `flapWindowSeconds` are kept (at most
 *   `flapThreshold + 1`).
 * - **Flapping**: more than `flapThreshold` changes within the window (0: never) marks the
 *   monitor flapping: this decision notifies one `monitor.flapping` instead of its status
 *   and incident events; while it flaps, status and incident events are collapsed (counted,
 *   never sent). `sla.breach` and reminders are not status changes: the SLA event still goes,
 *   reminders wait.
 * - **Stable again**: a flapping monitor whose status has not changed for a quarter of the
 *   window (`quietMs`, 15 min by default) notifies one `monitor.stable` (its status then and
 *   how many events were collapsed) and starts counting changes afresh. Turning damping off
 *   (`flapThreshold` 0) while it flaps ends it the same way.
 * - **Reminders**: with `reminderIntervalSeconds` > 0, a monitor that stays `down` (and
 *   does not flap) is notified `monitor.down` again, with `reminder` set, once that long has
 *   passed since its last down notification (the change, the stable message or the previous
 *   reminder). Leaving `down` stops them.
 */
export interface DampingConfig {
  /** More than this many changes within the window is flapping; 0: never. */
  flapThreshold: number;
  flapWindowSeconds: number;
  /** 0: no reminders. */
  reminderIntervalSeconds: number;
}

export interface DampingState {
  /** Epoch ms of the recent notified status changes, oldest first. */
  changes: number[];
  /** Epoch ms the monitor started flapping; null: it does not flap. */
  flappingSince: number | null;
  /** Events collapsed since it started flapping. */
  collapsed: number;
  /** Epoch ms of the last down notification while down (change, stable message or reminder); null: not down, or not notified yet. */
  downNotifiedAt: number | null;
  /** Reminders sent in this down period. */
  reminders: number;
}

export const EMPTY_DAMPING: DampingState = Object.freeze({
  changes: [],
  flappingSince: null,
  collapsed: 0,
  downNotifiedAt: null,
  reminders: 0,
}) as DampingState;

export interface DampingInput {
  state: DampingState;
  config: DampingConfig;
  /** The status last notified before this decision, and the status after it. */
  previous: NotifiedStatus;
  to: NotifiedStatus;
  /** What `raisedEvents` raised for this decision, in order. */
  events: readonly EventName[];
  /** Epoch ms of the decision. */
  at: number;
}

/** One event to write: a raised one, or one the damping adds (`monitor.flapping`, `monitor.stable`, a reminder). */
export interface DampedEvent {
  event: EventName;
  /** `monitor.flapping` / `monitor.stable`: what the payload carries. */
  flapping?: { since: string; changes: number; window_seconds: number; collapsed: number };
  /** A reminder of a monitor that stays down: the how-many-th. */
  reminder?: { count: number };
}

export interface DampingResult {
  events: DampedEvent[];
  /** Raised events not written because the monitor flaps. */
  collapsed: EventName[];
  state: DampingState;
}

const STATUS_EVENTS: ReadonlySet<EventName> = new Set([
  'monitor.up',
  'monitor.down',
  'monitor.degraded',
  'monitor.slow',
  'monitor.warn',
]);
/** What flapping collapses: the status events and the incident events (a flapping monitor opens and resolves incidents too). */
const COLLAPSIBLE: ReadonlySet<EventName> = new Set([...STATUS_EVENTS, 'incident.created', 'incident.resolved']);

/** How long a flapping monitor must hold its status to be stable again: a quarter of the window. */
export const quietMs = (c: DampingConfig) => (c.flapWindowSeconds * 1000) / 4;

export function dampen(i: DampingInput): DampingResult {
  const { config: c, at } = i;
  const changed =
    i.previous !== i.to && i.to !== 'pending' && i.previous !== 'pending' && i.events.some((e) => STATUS_EVENTS.has(e));
  const windowStart = at - c.flapWindowSeconds * 1000;
  let changes = i.state.changes.filter((t) => t > windowStart && t <= at);
  if (changed) changes.push(at);
  if (changes.length > c.flapThreshold + 1) changes = changes.slice(changes.length - (c.flapThreshold + 1));
  let { flappingSince, collapsed, downNotifiedAt, reminders } = i.state;
  const out: DampedEvent[] = [];
  const dropped: EventName[] = [];
  const flapInfo = (since: number, n: number) => ({
    since: new Date(since).toISOString(),
    changes: changes.length,
    window_seconds: c.flapWindowSeconds,
    collapsed: n,
  });

  if (flappingSince === null && c.flapThreshold > 0 && changes.length > c.flapThreshold) {
    // Starts flapping: one message instead of this decision's status and incident events.
    flappingSince = at;
    collapsed = 0;
    for (const e of i.events) {
      if (COLLAPSIBLE.has(e)) dropped.push(e);
    }
    out.push({ event: 'monitor.flapping', flapping: flapInfo(at, 0) });
    for (const e of i.events) if (!COLLAPSIBLE.has(e)) out.push({ event: e });
    downNotifiedAt = null;
    reminders = 0;
  } else if (flappingSince !== null) {
    const last = changes.length ? changes[changes.length - 1] : flappingSince;
    const calm = c.flapThreshold === 0 || (!changed && at - last >= quietMs(c));
    if (calm) {
      // Stable again: one message with the status it settled on.
      out.push({ event: 'monitor.stable', flapping: flapInfo(flappingSince, collapsed) });
      for (const e of i.events) if (!COLLAPSIBLE.has(e)) out.push({ event: e });
      for (const e of i.events) if (COLLAPSIBLE.has(e)) dropped.push(e);
      flappingSince = null;
      collapsed = 0;
      changes = [];
      downNotifiedAt = i.to === 'down' ? at : null;
      reminders = 0;
    } else {
      for (const e of i.events) {
        if (COLLAPSIBLE.has(e)) dropped.push(e);
        else out.push({ event: e });
      }
      collapsed += dropped.length;
    }
  } else {
    for (const e of i.events) out.push({ event: e });
  }

  // Reminders, when it does not flap (and did not just stop: the stable message said it).
  if (flappingSince === null && !out.some((e) => e.event === 'monitor.stable')) {
    if (i.to !== 'down') {
      downNotifiedAt = null;
      reminders = 0;
    } else if (out.some((e) => e.event === 'monitor.down')) {
      downNotifiedAt = at;
      reminders = 0;
    } else if (downNotifiedAt === null) {
      downNotifiedAt = at; // down before its state was kept (or since it stopped flapping): the interval counts from now
    } else if (c.reminderIntervalSeconds > 0 && at - downNotifiedAt >= c.reminderIntervalSeconds * 1000) {
      reminders += 1;
      downNotifiedAt = at;
      out.push({ event: 'monitor.down', reminder: { count: reminders } });
    }
  }
  return { events: out, collapsed: dropped, state: { changes, flappingSince, collapsed, downNotifiedAt, reminders } };
}

/** Whether two states differ (only changed ones are written back). */
export function sameDamping(a: DampingState, b: DampingState): boolean {
  return (
    a.flappingSince === b.flappingSince &&
    a.collapsed === b.collapsed &&
    a.downNotifiedAt === b.downNotifiedAt &&
    a.reminders === b.reminders &&
    a.changes.length === b.changes.length &&
    a.changes.every((t, k) => t === b.changes[k])
  );
}
