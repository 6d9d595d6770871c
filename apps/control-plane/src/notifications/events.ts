/**
 * Notification events and their payload (SPEC 3.5). Pure: the service builds a payload
 * per event, the formats turn it into Slack, Discord or email messages.
 */
export const EVENTS = [
  'monitor.down',
  'monitor.up',
  'monitor.degraded',
  'monitor.slow',
  'monitor.warn',
  'monitor.flapping',
  'monitor.stable',
  'incident.created',
  'incident.resolved',
  'sla.breach',
  'monitor.anomaly',
  'test',
] as const;
export type EventName = (typeof EVENTS)[number];

/** The reference's (StatusPool) event names, accepted on input and expanded to ours. */
export const EVENT_ALIASES: Record<string, EventName[]> = {
  status_change: [
    'monitor.down',
    'monitor.up',
    'monitor.degraded',
    'monitor.slow',
    'monitor.warn',
    'monitor.flapping',
    'monitor.stable',
  ],
  incident_created: ['incident.created'],
  incident_resolved: ['incident.resolved'],
  sla_breach: ['sla.breach'],
};

/** Subscribable events: everything but `test`, which goes to one endpoint on request. */
export const SUBSCRIBABLE: readonly EventName[] = EVENTS.filter((e) => e !== 'test');

/** Opt-in events: only a webhook that names them gets them (`*` does not include them). */
export const OPT_IN: readonly EventName[] = ['monitor.anomaly'];

/** Expands aliases and removes duplicates; returns the unknown names separately. */
export function normaliseEvents(input: readonly string[]): { events: EventName[]; unknown: string[] } {
  const out = new Set<EventName>();
  const unknown: string[] = [];
  for (const name of input) {
    if (name === '*') SUBSCRIBABLE.filter((e) => !OPT_IN.includes(e)).forEach((e) => out.add(e));
    else if (EVENT_ALIASES[name]) EVENT_ALIASES[name].forEach((e) => out.add(e));
    else if ((SUBSCRIBABLE as readonly string[]).includes(name)) out.add(name as EventName);
    else unknown.push(name);
  }
  return { events: SUBSCRIBABLE.filter((e) => out.has(e)), unknown };
}

export type NotifiedStatus = 'pending' | 'up' | 'degraded' | 'down' | 'warn';

/** The event of a status change, or null for a change that is not notified (to `pending`); `degraded` by slowness alone is `monitor.slow`. */
export function statusEvent(to: NotifiedStatus, slow = false): EventName | null {
  if (to === 'degraded' && slow) return 'monitor.slow';
  return to === 'pending' ? null : (`monitor.${to}` as EventName);
}

export interface RegionResultPayload {
  region: string;
  is_up: boolean | null;
  status_code: number | null;
  response_ms: number | null;
  error: string | null;
}

export interface NotificationPayload {
  event: EventName;
  /** Per monitor, strictly increasing: receivers order a monitor's events by it. */
  sequence: number | null;
  timestamp: string;
  monitor: { id: string; name: string; type: string; url: string } | null;
  status: NotifiedStatus | null;
  previous_status: NotifiedStatus | null;
  decision: { regions_checked: number; regions_up: number; quorum: number } | null;
  region_results: RegionResultPayload[];
  incident?: {
    id: string;
    started_at: string;
    resolved_at: string | null;
    duration_seconds: number | null;
    affected_regions: string[];
    type?: string;
  };
  /** A regional incident (one region failing for `rounds` consecutive rounds while the monitor is not down): opened (`monitor.degraded`, `incident.created`) or resolved (`incident.resolved`). */
  regional?: {
    incident_id: string;
    state: 'open' | 'resolved';
    affected_regions: string[];
    rounds: number;
    reason?: 'recovered' | 'superseded' | 'disabled';
  };
  sla?: { target_percent: number; window_days: number; uptime_percent: number };
  /** `monitor.anomaly`: an anomaly opened (`ended_at` null) or closed. */
  anomaly?: AnomalyPayload;
  /** monitor.slow: the regions slower than the monitor's degraded_threshold_ms, and the threshold. */
  slow?: { regions: string[]; threshold_ms: number };
  message?: string;
  /** `monitor.flapping` (it started flapping) and `monitor.stable` (stable again): since when, changes in the window, events collapsed meanwhile. */
  flapping?: { since: string; changes: number; window_seconds: number; collapsed: number };
  /** A `monitor.down` that reminds of a monitor still down (reminder_interval_seconds): the how-many-th reminder. */
  reminder?: { count: number };
  /** Notifications to this destination collapsed by the rate limit before this one (per monitor and destination, per hour). */
  rate_limited?: { collapsed: number };
}

export interface AnomalyPayload {
  id: string;
  state: 'open' | 'closed';
  region: string;
  metric: string;
  observed: number;
  expected: { value: number; lower: number; upper: number };
  started_at: string;
  ended_at: string | null;
}
