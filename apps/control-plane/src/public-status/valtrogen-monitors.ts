import type { DecidedRound } from '../scheduler/rounds.repository';
import type { PublicGroupView } from '../status-pages/public-page';
import { errorClass, ErrorClass, uptimePercentText } from './page-rules';
import type { DayBar, PublicMaintenance, ShownMonitor } from './public-status.service';
import { maintenanceLog } from './valtrogen-maintenance';

/**
 * Pure: Valtrogen's monitor and group documents (`/api/monitors`, `/api/monitors/:monitorId`,
 * `/api/monitors?monitorId=&date=`, `/api/minutes`, `/api/groups/:groupId`) and the checks of
 * their parameters. camelCase, millisecond timestamps; a monitor and a group are named by their
 * slugs; a failed minute carries an error class, never the raw error.
 */

const HOUR_MS = 3_600_000;

/** The status the public sees: maintenance and paused first, then the monitor's own. */
export function publicStatus(x: Pick<ShownMonitor, 'inMaintenance' | 'paused' | 'status'>): string {
  return x.inMaintenance ? 'maintenance' : x.paused ? 'paused' : x.status;
}

/** A percentage with two decimals (truncated, as on the page), 100 without data. */
export function uptimeNumber(checks: number, failures: number): number {
  const pct = uptimePercentText(checks, failures);
  return pct === null ? 100 : Number(pct);
}

export interface UptimeEntry {
  totalChecks: number;
  successChecks: number;
  uptime: number;
}

function entry(checks: number, failures: number): UptimeEntry {
  return { totalChecks: checks, successChecks: checks - failures, uptime: uptimeNumber(checks, failures) };
}

/** A daily bar as Valtrogen's `dailyUptimes` / `history` entry. */
export function dayUptime(d: DayBar): { date: string } & UptimeEntry {
  return { date: d.day, ...entry(d.checks, d.failures) };
}

export function groupRef(g: Pick<PublicGroupView, 'slug' | 'name' | 'order'>) {
  return { id: g.slug, name: g.name, order: g.order };
}

/** One monitor of `/api/monitors`: current state and its 90 daily uptimes (oldest first). `url` only when the page shows target URLs. */
export function monitorListItem(x: ShownMonitor) {
  return {
    id: x.slug,
    name: x.name,
    type: x.type,
    status: publicStatus(x),
    lastChecked: x.lastChecked ? x.lastChecked.getTime() : null,
    overallUptime: uptimeNumber(x.uptime90.checks, x.uptime90.failures),
    responseTime: x.lastResponseMs === null ? null : Math.round(x.lastResponseMs),
    statusCode: x.lastStatusCode,
    ...(x.targetUrl ? { url: x.targetUrl } : {}),
    dailyUptimes: x.days.map(dayUptime),
  };
}

export function monitorsDocument(monitors: ShownMonitor[], groups: PublicGroupView[]) {
  return { success: true as const, monitors: monitors.map(monitorListItem), groups: groups.map(groupRef) };
}

/** Days with at least one failed round, oldest first. */
export function outageDays(days: DayBar[]) {
  return days.filter((d) => d.failures > 0).map(dayUptime);
}

/** `/api/monitors/:monitorId`: the monitor with its 90-day history and outage days, its group (null: ungrouped) and the maintenance logs affecting it. */
export function monitorDetailDocument(x: ShownMonitor, groups: PublicGroupView[], logs: PublicMaintenance[]) {
  const g = groups.find((y) => y.slug === x.groupSlug);
  return {
    success: true as const,
    monitor: {
      id: x.slug,
      name: x.name,
      type: x.type,
      status: publicStatus(x),
      overallUptime: uptimeNumber(x.uptime90.checks, x.uptime90.failures),
      ...(x.targetUrl ? { url: x.targetUrl } : {}),
      history: x.days.map(dayUptime),
      outages: outageDays(x.days),
    },
    group: g ? { id: g.slug, name: g.name } : null,
    maintenanceLogs: logs.filter((l) => l.monitorSlugs.includes(x.slug)).map(maintenanceLog),
  };
}

/** `/api/monitors?monitorId=&date=`: 24 hourly entries of a UTC date (hours without rounds: 0 checks, 100 %). `rows`: the whole monitor's hourly rollups. */
export function hourlyDocument(dateMs: number, rows: { bucketStart: Date; checks: number; failures: number }[]) {
  const byHour = new Map<number, { checks: number; failures: number }>();
  for (const r of rows) {
    const hour = Math.floor((r.bucketStart.getTime() - dateMs) / HOUR_MS);
    if (hour < 0 || hour > 23) continue;
    const cur = byHour.get(hour) ?? { checks: 0, failures: 0 };
    byHour.set(hour, { checks: cur.checks + r.checks, failures: cur.failures + r.failures });
  }
  return {
    success: true as const,
    hourlyData: Array.from({ length: 24 }, (_, hour) => {
      const h = byHour.get(hour) ?? { checks: 0, failures: 0 };
      return { hour, ...entry(h.checks, h.failures) };
    }),
  };
}

export type MinuteRecord =
  | { timestamp: number; success: true; responseTime: number | null; statusCode: number | null }
  | { timestamp: number; success: false; error: ErrorClass };

/** `/api/minutes`: the decided rounds of an hour, oldest first, at most 60; a down round carries its error class (from its status code), never the raw error. */
export function minutesDocument(rounds: DecidedRound[]) {
  const records: MinuteRecord[] = rounds.slice(0, 60).map((r) => {
    const timestamp = r.scheduledAt.getTime();
    return r.outcome === 'down'
      ? { timestamp, success: false as const, error: errorClass(null, r.statusCode) }
      : {
          timestamp,
          success: true as const,
          responseTime: r.responseMs === null ? null : Math.round(r.responseMs),
          statusCode: r.statusCode,
        };
  });
  return { success: true as const, records };
}

/** Up, degraded (degraded or warn) and down among a group's monitors; paused, pending and in-maintenance ones count only in `total`. */
export function groupStats(monitors: Pick<ShownMonitor, 'inMaintenance' | 'paused' | 'status'>[]) {
  const s = monitors.map(publicStatus);
  return {
    total: s.length,
    up: s.filter((x) => x === 'up').length,
    degraded: s.filter((x) => x === 'degraded' || x === 'warn').length,
    down: s.filter((x) => x === 'down').length,
  };
}

/** `/api/groups/:groupId`: the group, its monitors with their 90-day history, the stats and the maintenance logs affecting any of them. */
export function groupDocument(g: PublicGroupView, monitors: ShownMonitor[], logs: PublicMaintenance[]) {
  const members = monitors.filter((m) => m.groupSlug === g.slug);
  const slugs = new Set(members.map((m) => m.slug));
  return {
    success: true as const,
    group: groupRef(g),
    monitors: members.map((x) => ({
      id: x.slug,
      name: x.name,
      status: publicStatus(x),
      overallUptime: uptimeNumber(x.uptime90.checks, x.uptime90.failures),
      history: x.days.map(dayUptime),
    })),
    stats: groupStats(members),
    maintenanceLogs: logs.filter((l) => l.monitorSlugs.some((s) => slugs.has(s))).map(maintenanceLog),
  };
}

/** A monitor or group slug (a 400 otherwise; an unknown well-formed one is a 404). */
export function isSlugId(id: unknown): id is string {
  return typeof id === 'string' && /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,127})$/.test(id);
}

export type DateQuery = { ok: true; monitorId: string; dateMs: number; date: string } | { ok: false; error: string };

/** `monitorId` and `date` (YYYY-MM-DD, a real UTC date within the last `maxDays` days and not after `todayMs`). */
export function parseDateQuery(q: Record<string, unknown>, todayMs: number, maxDays = 90): DateQuery {
  if (!isSlugId(q.monitorId)) return { ok: false, error: 'monitorId is required: a monitor identifier' };
  if (typeof q.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(q.date))
    return { ok: false, error: 'date must be a UTC date in YYYY-MM-DD format' };
  const ms = Date.parse(`${q.date}T00:00:00Z`);
  if (!Number.isFinite(ms) || new Date(ms).toISOString().slice(0, 10) !== q.date)
    return { ok: false, error: 'date must be a UTC date in YYYY-MM-DD format' };
  if (ms > todayMs || ms < todayMs - maxDays * 86_400_000)
    return { ok: false, error: `date must be within the last ${maxDays} days` };
  return { ok: true, monitorId: q.monitorId, dateMs: ms, date: q.date };
}

export type MinuteQuery = (DateQuery & { ok: true; hour: number }) | { ok: false; error: string };

/** `monitorId`, `date` and `hour` (0–23). */
export function parseMinuteQuery(q: Record<string, unknown>, todayMs: number, maxDays = 90): MinuteQuery {
  const d = parseDateQuery(q, todayMs, maxDays);
  if (!d.ok) return d;
  if (typeof q.hour !== 'string' || !/^\d{1,2}$/.test(q.hour) || Number(q.hour) > 23)
    return { ok: false, error: 'hour must be an integer from 0 to 23' };
  return { ...d, hour: Number(q.hour) };
}
