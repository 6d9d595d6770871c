import { MAINTENANCE_STATUSES, MaintenanceStatus } from '../maintenance/maintenance.entity';
import { uptimePercentText } from './page-rules';
import type { PublicMaintenance, ShownMonitor } from './public-status.service';

/**
 * Pure: Valtrogen's maintenance log documents (`/api/maintenance`, `/api/maintenance/:id`)
 * and the checks of their parameters. camelCase, millisecond timestamps; a monitor is named
 * by its slug; `events` are the timeline, oldest first, as in the reference.
 */
export const LOG_LIMIT_MAX = 100;
export const LOG_LIMIT_DEFAULT = 50;
export const OFFSET_MAX = 10_000_000;

export function maintenanceLog(m: PublicMaintenance) {
  return {
    id: m.id,
    title: m.title,
    description: m.description,
    status: m.status,
    affectedMonitors: m.monitorSlugs,
    startTime: m.startsAt.getTime(),
    endTime: m.endsAt.getTime(),
    events: m.updates.map((u) => ({ id: u.id, timestamp: u.at.getTime(), label: u.label, content: u.content })),
    createdAt: m.createdAt.getTime(),
    updatedAt: m.updatedAt.getTime(),
  };
}

/** `monitorDetails` of a log: every affected monitor of the page by slug. */
export function monitorDetails(m: PublicMaintenance, monitors: ShownMonitor[]) {
  const bySlug = new Map(monitors.map((x) => [x.slug, x]));
  const out: Record<string, { name: string; status: string; overallUptime: number; lastChecked: number | null }> = {};
  for (const slug of m.monitorSlugs) {
    const x = bySlug.get(slug);
    if (!x) continue;
    const pct = uptimePercentText(x.uptime90.checks, x.uptime90.failures);
    out[slug] = {
      name: x.name,
      status: x.inMaintenance ? 'maintenance' : x.paused ? 'paused' : x.status,
      overallUptime: pct === null ? 100 : Number(pct),
      lastChecked: x.lastChecked ? x.lastChecked.getTime() : null,
    };
  }
  return out;
}

export type LogQuery =
  { ok: true; status?: MaintenanceStatus; limit: number; offset: number } | { ok: false; error: string };

/** `status`, `limit`, `offset` of the list: absent → defaults; anything else malformed → a 400 naming it. */
export function parseLogQuery(q: Record<string, unknown>): LogQuery {
  const int = (v: unknown) => (typeof v === 'string' && /^\d{1,9}$/.test(v) ? Number(v) : null);
  let status: MaintenanceStatus | undefined;
  if (q.status !== undefined) {
    if (typeof q.status !== 'string' || !(MAINTENANCE_STATUSES as readonly string[]).includes(q.status))
      return { ok: false, error: `status must be one of ${MAINTENANCE_STATUSES.join(', ')}` };
    status = q.status as MaintenanceStatus;
  }
  const limit = q.limit === undefined ? LOG_LIMIT_DEFAULT : int(q.limit);
  if (limit === null || limit < 1 || limit > LOG_LIMIT_MAX)
    return { ok: false, error: `limit must be an integer from 1 to ${LOG_LIMIT_MAX}` };
  const offset = q.offset === undefined ? 0 : int(q.offset);
  if (offset === null || offset > OFFSET_MAX)
    return { ok: false, error: `offset must be an integer from 0 to ${OFFSET_MAX}` };
  return { ok: true, status, limit, offset };
}

/** A maintenance id as Parallax makes them (`mnt_` and base-36 characters). */
export function isMaintenanceId(id: unknown): id is string {
  return typeof id === 'string' && /^mnt_[0-9a-z]{4,40}$/.test(id);
}
