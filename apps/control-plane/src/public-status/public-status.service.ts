import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { IncidentEntity, IncidentUpdateEntity } from '../incidents/incident.entity';
import { affectedMonitorIds, incidentTitle } from '../incidents/incident.mapper';
import { regionalTitle } from '../incidents/incident-rules';
import { IncidentsRepository } from '../incidents/incidents.repository';
import { MaintenanceEntity, MaintenanceUpdateEntity } from '../maintenance/maintenance.entity';
import { MaintenanceRepository } from '../maintenance/maintenance.repository';
import { inMaintenance } from '../notifications/maintenance';
import type { PublicMonitorView, PublicPageView } from '../status-pages/public-page';
import { StatusPagesService } from '../status-pages/status-pages.service';
import { DecidedRound, RoundsRepository } from '../scheduler/rounds.repository';
import { OVERALL, RollupsRepository } from '../timeseries/rollups.repository';
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
  kind: 'automatic' | 'manual' | 'regional';
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

/** A scheduled maintenance as the public sees it: the page's monitors it affects (by slug and name), its window and timeline. */
export interface PublicMaintenance {
  id: string;
  title: string;
  description: string | null;
  status: MaintenanceEntity['status'];
  monitorSlugs: string[];
  monitorNames: string[];
  startsAt: Date;
  endsAt: Date;
  createdAt: Date;
  updatedAt: Date;
  /** Oldest first. */
  updates: PublicUpdate[];
}

export function toPublicMaintenance(
  m: MaintenanceEntity,
  shown: Map<string, { slug: string; name: string }>,
  updates: MaintenanceUpdateEntity[] = [],
): PublicMaintenance {
  const mine = m.monitorIds.map((id) => shown.get(id)).filter((x): x is { slug: string; name: string } => !!x);
  return {
    id: m.id,
    title: m.title,
    description: m.description,
    status: m.status,
    monitorSlugs: mine.map((x) => x.slug),
    monitorNames: mine.map((x) => x.name),
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
    updates: updates.map((u) => ({ id: u.id, at: u.createdAt, label: u.label, content: u.content, status: u.status })),
  };
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
  /** In progress now (the sweep's status), newest start first. */
  activeMaintenance: PublicMaintenance[];
  /** Scheduled, soonest first. */
  upcomingMaintenance: PublicMaintenance[];
  /** Completed or cancelled in the last 14 days, newest first. */
  pastMaintenance: PublicMaintenance[];
}

/** `shown`: the page's monitors by internal id; only those are named (a manual incident may affect others too). */
export function toPublicIncident(
  i: IncidentEntity,
  shown: Map<string, { slug: string; name: string }>,
  updates: IncidentUpdateEntity[] = [],
): PublicIncident {
  const mine = affectedMonitorIds(i)
    .map((id) => shown.get(id))
    .filter((m): m is { slug: string; name: string } => !!m);
  return {
    id: i.id,
    kind: i.type === 'manual' ? 'manual' : i.type === 'regional' ? 'regional' : 'automatic',
    title:
      i.type === 'manual'
        ? incidentTitle(i)
        : i.type === 'regional'
          ? regionalTitle(mine[0]?.name ?? i.monitorName, i.affectedRegions ?? [])
          : `${mine[0]?.name ?? i.monitorName} is down`,
    // A regional incident is one region's trouble while the monitor answers from the others: minor.
    impact: i.impact ?? (i.type === 'manual' || i.type === 'regional' ? 'minor' : 'major'),
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
 * timelines (one query), its maintenance (active, upcoming, of the last 14 days: one query)
 * and their timelines (one query): ten queries whatever the number of monitors.
 */
@Injectable()
export class PublicStatusService {
  constructor(
    private readonly pages: StatusPagesService,
    private readonly rollups: RollupsRepository,
    private readonly incidents: IncidentsRepository,
    private readonly maintenance: MaintenanceRepository,
    private readonly rounds: RoundsRepository,
    private readonly clock: Clock,
  ) {}

  /** Today's UTC midnight (ms), by the clock. */
  todayMs(): number {
    return Math.floor(this.clock.nowMs() / DAY_MS) * DAY_MS;
  }

  /** The page's snapshot with the maintenance logs affecting its monitors (latest start first, at most 100): Valtrogen's monitor and group documents. */
  async withLogs(view: PublicPageView): Promise<{ snapshot: PageSnapshot; logs: PublicMaintenance[] }> {
    const [snapshot, logs] = await Promise.all([
      this.snapshot(view),
      this.maintenanceLogs(view, { limit: 100, offset: 0 }),
    ]);
    return { snapshot, logs };
  }

  /** The whole-monitor hourly rollups of one shown monitor on one UTC date (one query). */
  async hourlyOf(
    view: PublicPageView,
    monitorId: string,
    dateMs: number,
  ): Promise<{ bucketStart: Date; checks: number; failures: number }[]> {
    return this.rollups.inRanges(
      asAccountId(view.page.accountId),
      monitorId,
      'hour',
      [{ from: new Date(dateMs), to: new Date(dateMs + DAY_MS) }],
      [OVERALL],
    );
  }

  /** The decided rounds of one shown monitor in one UTC hour (one query). */
  async minutesOf(view: PublicPageView, monitorId: string, hourMs: number): Promise<DecidedRound[]> {
    return this.rounds.decidedInRanges(view.page.accountId, monitorId, [
      { from: new Date(hourMs), to: new Date(hourMs + HOUR_MS) },
    ]);
  }

  async bySlug(slug: string): Promise<PageSnapshot | null> {
    const view = await this.pages.loadBySlug(slug);
    return view ? this.snapshot(view) : null;
  }

  /** Valtrogen's maintenance logs of a page (every one affecting its monitors), latest start first: two queries. */
  async maintenanceLogs(
    view: PublicPageView,
    q: { status?: MaintenanceEntity['status']; limit: number; offset: number },
  ): Promise<PublicMaintenance[]> {
    const rows = await this.maintenance.forMonitors(
      view.page.accountId,
      view.monitors.map((m) => m.id),
      new Date(0),
      q.limit,
      q.status,
      q.offset,
    );
    const updates = await this.maintenance.updatesOf(
      rows.map((r) => r.id),
      200,
    );
    const shown = new Map(view.monitors.map((m) => [m.id, { slug: m.slug, name: m.name }]));
    return rows.map((r) => toPublicMaintenance(r, shown, updates.get(r.id)));
  }

  /** One maintenance of the page (null: none, or it affects none of the page's monitors) with the page's snapshot for its monitors' details. */
  async maintenanceDetail(
    view: PublicPageView,
    id: string,
  ): Promise<{ log: PublicMaintenance; snapshot: PageSnapshot } | null> {
    const m = await this.maintenance.findOne(view.page.accountId, id);
    const shown = new Map(view.monitors.map((x) => [x.id, { slug: x.slug, name: x.name }]));
    if (!m || !m.monitorIds.some((x) => shown.has(x))) return null;
    const [updates, snapshot] = await Promise.all([this.maintenance.updatesOf([m.id], 200), this.snapshot(view)]);
    return { log: toPublicMaintenance(m, shown, updates.get(m.id)), snapshot };
  }

  async snapshot(view: PublicPageView): Promise<PageSnapshot> {
    const now = this.clock.now();
    const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
    const from = new Date(today - (BAR_DAYS - 1) * DAY_MS);
    const hourNow = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
    const sparkFrom = new Date(hourNow - 23 * HOUR_MS);
    const ids = view.monitors.map((m) => m.id);
    const accountId = asAccountId(view.page.accountId);
    const since = new Date(now.getTime() - PAST_INCIDENT_DAYS * DAY_MS);
    const [daily, hourly, incidents, maintenance] = await Promise.all([
      this.rollups.dailyRoundsOf(accountId, ids, from),
      this.rollups.hourlyResponseOf(accountId, ids, sparkFrom),
      this.incidents.forMonitors(accountId, ids, since, 100),
      this.maintenance.forMonitors(accountId, ids, since, 100),
    ]);
    const inProgress = new Set(maintenance.filter((m) => m.status === 'in_progress').flatMap((m) => m.monitorIds));
    const dayKeys = Array.from({ length: BAR_DAYS }, (_, i) =>
      new Date(from.getTime() + i * DAY_MS).toISOString().slice(0, 10),
    );
    const dayIndex = new Map(dayKeys.map((d, i) => [d, i]));
    const monitors: ShownMonitor[] = view.monitors.map((m) => ({
      ...m,
      inMaintenance: inProgress.has(m.id) || inMaintenance(m.maintenanceWindows, now),
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
    const [updates, maintenanceUpdates] = await Promise.all([
      this.incidents.updatesOf(incidents.map((i) => i.id)),
      this.maintenance.updatesOf(maintenance.map((m) => m.id)),
    ]);
    const shownMonitors = new Map(view.monitors.map((m) => [m.id, { slug: m.slug, name: m.name }]));
    const shown = incidents.map((i) => toPublicIncident(i, shownMonitors, updates.get(i.id)));
    const works = maintenance.map((m) => toPublicMaintenance(m, shownMonitors, maintenanceUpdates.get(m.id)));
    return {
      view,
      now,
      overall: overallStatus(monitors),
      monitors,
      activeIncidents: shown.filter((i) => !i.resolved),
      pastIncidents: shown.filter((i) => i.resolved),
      activeMaintenance: works.filter((m) => m.status === 'in_progress'),
      upcomingMaintenance: works.filter((m) => m.status === 'scheduled').reverse(),
      pastMaintenance: works.filter((m) => m.status === 'completed' || m.status === 'cancelled'),
    };
  }
}
