import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { notFound } from '../common/errors';
import type { Principal } from '../common/principal';
import { IncidentsService } from '../incidents/incidents.service';
import { ResultsRepository } from '../ingestion/results.repository';
import { MonitorsRepository } from '../monitors/monitors.repository';
import { OVERALL } from '../timeseries/rollups.repository';
import { emptyStats, mergeStats, responseSummary, Stats, uptimePercent } from '../timeseries/stats';
import { TimeseriesService } from '../timeseries/timeseries.service';
import { AnomaliesService } from './anomalies.service';
import { changePercent, errorClasses, PeriodStats, pointsChange, slowestRegion } from './insights-rules';

const HOUR_MS = 3_600_000;
const RECENT_MS = 7 * 24 * HOUR_MS;

function periodOf(series: Map<number, Stats> | undefined): PeriodStats {
  const s = emptyStats();
  for (const v of series?.values() ?? []) mergeStats(s, v);
  const r = responseSummary(s);
  return {
    p50: r.p50,
    p95: r.p95,
    checks: s.checks,
    failures: s.failures,
    uptime: uptimePercent(s.checks, s.failures),
  };
}

/**
 * `GET /monitors/{id}/insights` (issue 19 item 6): recent incidents and anomalies (7 days),
 * and for the last `hours` against the `hours` before: per region p50/p95 and uptime with
 * their changes, the slowest region (highest p95 now), the error classes of failed results
 * (insights-rules.ts) and the monitor's uptime change.
 */
@Injectable()
export class InsightsService {
  constructor(
    private readonly monitors: MonitorsRepository,
    private readonly timeseries: TimeseriesService,
    private readonly results: ResultsRepository,
    private readonly incidents: IncidentsService,
    private readonly anomalies: AnomaliesService,
    private readonly clock: Clock,
  ) {}

  /** `hours` as InsightsQuery parsed it (1–720). */
  async insights(p: Principal, id: string, hours = 24) {
    const m = typeof id === 'string' && id.length <= 64 ? await this.monitors.findOne(p.accountId, id) : null;
    if (!m) throw notFound('monitor', String(id).slice(0, 64));
    const to = this.clock.now();
    const from = new Date(to.getTime() - hours * HOUR_MS);
    const prevFrom = new Date(from.getTime() - hours * HOUR_MS);
    const since = new Date(to.getTime() - RECENT_MS);
    const [now, before, failures, incidents, anomalies] = await Promise.all([
      this.timeseries.window(m, from, to, 'day', { regions: true, overall: true }),
      this.timeseries.window(m, prevFrom, from, 'day', { regions: true, overall: true }),
      this.results.failureGroups(p.accountId, m.id, from, to),
      this.incidents.list(p, { monitorId: m.id, since, limit: 10, offset: 0 }),
      this.anomalies.recentOf(p.accountId, m.id, since, 20),
    ]);
    const names = [...new Set([...m.regions, ...now.keys(), ...before.keys()])].filter((r) => r !== OVERALL).sort();
    const regions = names.map((region) => {
      const n = periodOf(now.get(region));
      const b = periodOf(before.get(region));
      return {
        region,
        now: n,
        previous: b,
        p50_change_percent: changePercent(n.p50, b.p50),
        p95_change_percent: changePercent(n.p95, b.p95),
        uptime_change: pointsChange(n.uptime, b.uptime),
      };
    });
    const overallNow = periodOf(now.get(OVERALL));
    const overallBefore = periodOf(before.get(OVERALL));
    return {
      monitor_id: m.id,
      hours,
      period: { from: from.toISOString(), to: to.toISOString() },
      previous_period: { from: prevFrom.toISOString(), to: from.toISOString() },
      incidents: incidents.items,
      anomalies,
      regions,
      slowest_region: slowestRegion(regions),
      error_classes: errorClasses(failures),
      uptime: {
        now: overallNow.uptime,
        previous: overallBefore.uptime,
        change: pointsChange(overallNow.uptime, overallBefore.uptime),
      },
    };
  }
}
