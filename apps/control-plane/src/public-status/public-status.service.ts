import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { IncidentEntity, IncidentUpdateEntity } from '../incidents/incident.entity';
import { affectedMonitorIds, incidentTitle } from '../incidents/incident.mapper';
import { IncidentsRepository } from '../incidents/incidents.repository';
import { inMaintenance } from '../notifications/maintenance';
import type { PublicMonitorView, PublicPageView } from '../status-pages/public-page';
import { StatusPagesService } from '../status-pages/status-pages.service';
import { RollupsRepository } from '../timeseries/rollups.repository';
import { ErrorClass, errorClass, overallStatus, OverallStatus } from './page-rules';
import { asAccountId } from '../common/account-id';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
export const BAR_DAYS = 90;
const PAST_INCIDENT_DAYS = 14;

export interface DayBar {
  day: string;
  checks: number;
  failures: number;
  degraded: number;
}

export interface PublicUpdate {
  id: string;
  at: Date;
  label: string;
  content: string;
  status: string | null;
}

/**
 * An incident as the public sees it: its title, the page's monitors it affects (by slug and
 * name), times, regions, an error class and its timeline; never the raw failure.
 */
export interface PublicIncident {
  id: string;
  kind: 'automatic' | 'manual';
  title: string;
  impact: string;
  /** The first affected monitor shown on the page ('' when none is). */
  monitorSlug: string;
  /** The affected monitors' names, joined. */
  monitorName: string;
  monitorSlugs: string[];
  /** `open` / `resolved` (automatic) or the manual status. */
  status: string;
  resolved: boolean;
  updatedAt: Date;
  /** Oldest first. */
  updates: PublicUpdate[];
  startedAt: Date;
  resolvedAt: Date | null;
  durationSeconds: number | null;
  affectedRegions: string[];
  errorClass: ErrorClass;
  statusCode: number | null;
}

export interface ShownMonitor extends PublicMonitorView {
  inMaintenance: boolean;
  /** BAR_DAYS entries, oldest first, ending today (UTC). */
  days: DayBar[];
  /** 24 hourly averages (ms, null: no data), oldest first, ending with the current hour. */
  spark: (number | null)[];
  uptime90: { checks: number; failures: number };
}

/** Everything a page's public answers are made of, read in a bounded set of queries. */
export interface PageSnapshot {
  view: PublicPageView;
  now: Date;
  overall: OverallStatus;
  monitors: ShownMonitor[];
  activeIncidents: PublicIncident[];
  pastIncidents: PublicIncident[];
}

/** `shown`: the page's monitors by internal id; only those are named (a manual incident may affect others too). */
export function toPublicIncident(i: IncidentEntity, shown: Map<string, { slug: string; name: string }>, updates: IncidentUpdateEntity[] = []): PublicIncident {
  const mine = affectedMonitorIds(i)
    .map((id) => shown.get(id))
    .filter((m): m is { slug: string; name: string } => !!m);
  return {
    id: i.id,
    kind: i.type === 'manual' ? 'manual' : 'automatic',
    title: i.type === 'manual' ? incidentTitle(i) : `${mine[0]?.name ?? i.monitorName} is down`,
    impact: i.impact ?? (i.type === 'manual' ? 'minor' : 'major'),
    monitorSlug: mine[0]?.slug ?? '',
    monitorName: mine.map((m) => m.name).join(', ') || (i.type === 'manual' ? '' : i.monitorName),
    monitorSlugs: mine.map((m) => m.slug),
    status: i.status,
    resolved: i.status === 'resolved',
    updatedAt: i.updatedAt ?? i.resolvedAt ?? i.startedAt,
    updates: updates.map((u) => ({ id: u.id, at: u.createdAt, label: u.label, content: u.content, status: u.status })),
    startedAt: i.startedAt,
    resolvedAt: i.resolvedAt,
    durationSeconds: i.durationSeconds,
    affectedRegions: [...(i.affectedRegions ?? [])],
    errorClass: errorClass(i.failureErrorMessage, i.statusCode),
    statusCode: i.statusCode,
  };
}

/**
 * The data of a page's public surface: the page and its public monitors (StatusPagesService,
 * four queries), 90 daily bars of every monitor (one query on the rollups), 24 h of hourly
 * response times (one query), its incidents of the last 14 days (one query) and their
 * timelines (one query): eight queries whatever the number of monitors.
 */
@Injectable()
export class PublicStatusService {
  constructor(
    private readonly pages: StatusPagesService,
    private readonly rollups: RollupsRepository,
    private readonly incidents: IncidentsRepository,
    private readonly clock: Clock,
  ) {}

  async bySlug(slug: string): Promise<PageSnapshot | null> {
    const view = await this.pages.loadBySlug(slug);
    return view ? this.snapshot(view) : null;
  }

  async snapshot(view: PublicPageView): Promise<PageSnapshot> {
    const now = this.clock.now();
    const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
    const from = new Date(today - (BAR_DAYS - 1) * DAY_MS);
    const hourNow = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
    const sparkFrom = new Date(hourNow - 23 * HOUR_MS);
    const ids = view.monitors.map((m) => m.id);
    const accountId = asAccountId(view.page.accountId);
    const [daily, hourly, incidents] = await Promise.all([
      this.rollups.dailyRoundsOf(accountId, ids, from),
      this.rollups.hourlyResponseOf(accountId, ids, sparkFrom),
      this.incidents.forMonitors(accountId, ids, new Date(now.getTime() - PAST_INCIDENT_DAYS * DAY_MS), 100),
    ]);
    const dayKeys = Array.from({ length: BAR_DAYS }, (_, i) => new Date(from.getTime() + i * DAY_MS).toISOString().slice(0, 10));
    const dayIndex = new Map(dayKeys.map((d, i) => [d, i]));
    const monitors: ShownMonitor[] = view.monitors.map((m) => ({
      ...m,
      inMaintenance: inMaintenance(m.maintenanceWindows, now),
      days: dayKeys.map((day) => ({ day, checks: 0, failures: 0, degraded: 0 })),
      spark: Array.from({ length: 24 }, () => null),
      uptime90: { checks: 0, failures: 0 },
    }));
    const byId = new Map(monitors.map((m) => [m.id, m]));
    for (const d of daily) {
      const m = byId.get(d.monitorId);
      const i = dayIndex.get(d.day);
      if (!m || i === undefined) continue;
      m.days[i] = { day: d.day, checks: d.checks, failures: d.failures, degraded: d.degraded };
      m.uptime90.checks += d.checks;
      m.uptime90.failures += d.failures;
    }
    for (const h of hourly) {
      const m = byId.get(h.monitorId);
      const i = Math.round((h.hour.getTime() - sparkFrom.getTime()) / HOUR_MS);
      if (m && i >= 0 && i < 24) m.spark[i] = h.avgMs;
    }
    const updates = await this.incidents.updatesOf(incidents.map((i) => i.id));
    const shownMonitors = new Map(view.monitors.map((m) => [m.id, { slug: m.slug, name: m.name }]));
    const shown = incidents.map((i) => toPublicIncident(i, shownMonitors, updates.get(i.id)));
    return {
      view,
      now,
      overall: overallStatus(monitors),
      monitors,
      activeIncidents: shown.filter((i) => !i.resolved),
      pastIncidents: shown.filter((i) => i.resolved),
    };
  }
}
