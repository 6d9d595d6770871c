import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { notFound } from '../common/errors';
import type { Principal } from '../common/principal';
import { ResultsRepository } from '../ingestion/results.repository';
import { MonitorEntity } from '../monitors/monitor.entity';
import { MonitorsRepository } from '../monitors/monitors.repository';
import { RoundsRepository } from '../scheduler/rounds.repository';
import { RELATIVE_ERROR } from './histogram';
import { parseBucket, parseDate, parseRegion, parseWindow } from './query-params';
import { OVERALL, RollupsRepository } from './rollups.repository';
import { addObservation, emptyStats, mergeStats, responseSummary, Stats, uptimePercent } from './stats';
import {
  Bucket,
  bucketMs,
  DAY_MS,
  floorTo,
  foldedThroughOf,
  foldedUntil,
  HOUR_MS,
  planWindow,
  seriesStarts,
} from './window';
import { asAccountId } from '../common/account-id';

/** Per region (and '*' for the whole monitor): series bucket start → stats. */
type WindowStats = Map<string, Map<number, Stats>>;

/** The stats of a point without data (read only). */
const NO_STATS: Stats = emptyStats();

const PERCENTILE_NOTE = `percentiles from log-scale histograms: within ${(RELATIVE_ERROR * 100).toFixed(2)} % of the exact nearest-rank value (0.5 ms below 1 ms); count, avg, min, max and uptime are exact`;

/**
 * Per-region response times and uptime over any window, answered from daily and hourly
 * rollups for whole days and hours and from raw rows for the cut edges (exact counts,
 * sums, min and max; percentiles within the histogram's error bound).
 */
@Injectable()
export class TimeseriesService {
  constructor(
    private readonly monitors: MonitorsRepository,
    private readonly rollups: RollupsRepository,
    private readonly results: ResultsRepository,
    private readonly rounds: RoundsRepository,
    private readonly clock: Clock,
  ) {}

  private async monitor(p: Principal, id: string): Promise<MonitorEntity> {
    const m = await this.monitors.findOne(p.accountId, id);
    if (!m) throw notFound('monitor', id);
    return m;
  }

  /**
   * Stats of [from, to) by series bucket: per region (every region, one region, or none)
   * and, when `overall`, for the whole monitor ('*', its rounds).
   */
  async window(
    m: MonitorEntity,
    from: Date,
    to: Date,
    bucket: Bucket,
    scope: { region?: string; regions: boolean; overall: boolean },
  ): Promise<WindowStats> {
    // The monitor row was read for the caller's account (findOne by AccountId).
    const accountId = asAccountId(m.accountId);
    const monitorId = m.id;
    // Days not folded yet (daily rollups not built from the hourly ones) are read hourly.
    const plan = planWindow(from, to, bucket, foldedUntil(foldedThroughOf(m)));
    const only = scope.regions ? (scope.region ? [scope.region] : null) : [];
    const rollupRegions = only === null ? null : [...only, ...(scope.overall ? [OVERALL] : [])];
    const [days, hours, raw, rounds] = await Promise.all([
      this.rollups.inRanges(accountId, monitorId, 'day', plan.day, rollupRegions),
      this.rollups.inRanges(accountId, monitorId, 'hour', plan.hour, rollupRegions),
      scope.regions ? this.results.inRanges(accountId, monitorId, plan.raw, scope.region) : [],
      scope.overall ? this.rounds.decidedInRanges(accountId, monitorId, plan.raw) : [],
    ]);
    const step = bucketMs(bucket);
    const out: WindowStats = new Map();
    const seriesOf = (r: string): Map<number, Stats> => {
      let series = out.get(r);
      if (!series) out.set(r, (series = new Map()));
      return series;
    };
    const at = (r: string, t: number): Stats => {
      const series = seriesOf(r);
      const b = floorTo(t, step);
      let s = series.get(b);
      if (!s) series.set(b, (s = emptyStats()));
      return s;
    };
    // A rollup row is read for this answer only: the first one of a point becomes the point
    // (its histogram is not copied), later ones are merged into it.
    for (const rows of [days, hours]) {
      for (const row of rows) {
        const series = seriesOf(row.region);
        const b = floorTo(row.bucketStart.getTime(), step);
        const s = series.get(b);
        if (s) mergeStats(s, row);
        else
          series.set(b, {
            checks: row.checks,
            failures: row.failures,
            degraded: row.degraded,
            rtCount: row.rtCount,
            rtSum: row.rtSum,
            rtMin: row.rtMin,
            rtMax: row.rtMax,
            hist: row.hist,
          });
      }
    }
    for (const r of raw) addObservation(at(r.region, r.scheduledAt.getTime()), r.isUp, r.responseMs);
    for (const r of rounds)
      addObservation(
        at(OVERALL, r.scheduledAt.getTime()),
        r.outcome !== 'down',
        r.responseMs,
        r.outcome === 'degraded',
      );
    return out;
  }

  /** For the public surface (badges): the monitor's rounds in [from, to): counted, down, and response-time sum and count. */
  async overallTotals(
    m: MonitorEntity,
    from: Date,
    to: Date,
  ): Promise<{ checks: number; failures: number; rtCount: number; rtSum: number }> {
    const w = await this.window(m, from, to, 'day', { regions: false, overall: true });
    const s = TimeseriesService.total(w.get(OVERALL));
    return { checks: s.checks, failures: s.failures, rtCount: s.rtCount, rtSum: s.rtSum };
  }

  /** The stats of a series, summed. */
  static total(series: Map<number, Stats> | undefined): Stats {
    const s = emptyStats();
    for (const v of series?.values() ?? []) mergeStats(s, v);
    return s;
  }

  private static uptimeView(s: Stats) {
    return { checks: s.checks, failures: s.failures, uptime: uptimePercent(s.checks, s.failures) };
  }

  /** One series point of `GET /monitors/{id}/response-times` (built field by field: up to 3,000 of them per region). */
  private static point(t: number, s: Stats) {
    const r = responseSummary(s);
    return {
      t: new Date(t).toISOString(),
      count: r.count,
      avg: r.avg,
      p50: r.p50,
      p95: r.p95,
      p99: r.p99,
      min: r.min,
      max: r.max,
      checks: s.checks,
      failures: s.failures,
      uptime: uptimePercent(s.checks, s.failures),
    };
  }

  /** `GET /monitors/{id}/response-times` */
  async responseTimes(p: Principal, id: string, q: { from?: string; to?: string; bucket?: string; region?: string }) {
    const m = await this.monitor(p, id);
    const { from, to } = parseWindow(q.from, q.to, this.clock.nowMs());
    const bucket = parseBucket(q.bucket, from, to);
    const region = parseRegion(q.region, m.regions);
    // The whole monitor gives only counts here (rounds, down, degraded): read by day (whole
    // folded days from daily rollups), not as a series of up to 3,000 points (a day series
    // reads it with the regions).
    const [w, whole] =
      bucket === 'day'
        ? await this.window(m, from, to, bucket, { region, regions: true, overall: true }).then((x) => [x, x])
        : await Promise.all([
            this.window(m, from, to, bucket, { region, regions: true, overall: false }),
            this.window(m, from, to, 'day', { regions: false, overall: true }),
          ]);
    const starts = seriesStarts(from, to, bucket);
    // All regions' results together (response times) and the rounds (uptime).
    const all = emptyStats();
    const regions = (region ? [region] : m.regions).map((r) => {
      const series = w.get(r);
      const total = TimeseriesService.total(series);
      mergeStats(all, total);
      return {
        region: r,
        summary: { ...responseSummary(total), ...TimeseriesService.uptimeView(total) },
        series: starts.map((t) => TimeseriesService.point(t, series?.get(t) ?? NO_STATS)),
      };
    });
    const rounds = TimeseriesService.total(whole.get(OVERALL));
    return {
      monitor_id: m.id,
      from: from.toISOString(),
      to: to.toISOString(),
      bucket,
      summary: {
        ...responseSummary(all),
        rounds: rounds.checks,
        rounds_down: rounds.failures,
        rounds_degraded: rounds.degraded,
        uptime: uptimePercent(rounds.checks, rounds.failures),
      },
      regions,
      accuracy: PERCENTILE_NOTE,
    };
  }

  private static day(date: string, s: Stats | undefined) {
    const total = s?.checks ?? 0;
    const ok = total - (s?.failures ?? 0);
    return { date, totalChecks: total, successChecks: ok, uptime: uptimePercent(total, total - ok) };
  }

  /** `GET /monitors/{id}/uptime/daily`: `days` daily entries ending today (UTC), and the outage days. */
  async daily(p: Principal, id: string, q: { days: number; region?: string }) {
    const m = await this.monitor(p, id);
    const region = parseRegion(q.region, m.regions);
    const { days } = q;
    const now = this.clock.nowMs();
    const to = floorTo(now, DAY_MS) + DAY_MS;
    const from = to - days * DAY_MS;
    const w = await this.window(m, new Date(from), new Date(Math.min(to, now + 1)), 'day', {
      region,
      regions: !!region,
      overall: !region,
    });
    const series = w.get(region ?? OVERALL);
    const history = seriesStarts(new Date(from), new Date(to), 'day').map((t) =>
      TimeseriesService.day(new Date(t).toISOString().slice(0, 10), series?.get(t)),
    );
    const total = TimeseriesService.total(series);
    return {
      monitor_id: m.id,
      region: region ?? null,
      days,
      overallUptime: uptimePercent(total.checks, total.failures),
      history,
      outages: history.filter((d) => d.successChecks < d.totalChecks),
    };
  }

  /** `GET /monitors/{id}/uptime/hourly?date=`: 24 entries of one UTC date. */
  async hourly(p: Principal, id: string, q: { date?: string; region?: string }) {
    const m = await this.monitor(p, id);
    const region = parseRegion(q.region, m.regions);
    const day = parseDate('date', q.date, this.clock.nowMs());
    const w = await this.window(m, day, new Date(day.getTime() + DAY_MS), 'hour', {
      region,
      regions: !!region,
      overall: !region,
    });
    const series = w.get(region ?? OVERALL);
    const hourlyData = Array.from({ length: 24 }, (_, hour) => {
      const s = series?.get(day.getTime() + hour * HOUR_MS);
      const total = s?.checks ?? 0;
      return {
        hour,
        totalChecks: total,
        successChecks: total - (s?.failures ?? 0),
        uptime: uptimePercent(total, s?.failures ?? 0),
      };
    });
    return { monitor_id: m.id, region: region ?? null, date: day.toISOString().slice(0, 10), hourlyData };
  }

  /** `GET /monitors/{id}/status` (StatusPool). */
  async status(p: Principal, id: string) {
    const m = await this.monitor(p, id);
    const now = this.clock.nowMs();
    const w = await this.window(m, new Date(now - 30 * DAY_MS), new Date(now + 1), 'day', {
      regions: false,
      overall: true,
    });
    const s = TimeseriesService.total(w.get(OVERALL));
    return {
      status: m.paused ? 'paused' : m.status,
      last_check_at: m.lastChecked?.toISOString() ?? null,
      response_time_ms: m.lastResponseMs,
      uptime_30d: uptimePercent(s.checks, s.failures),
      location_status: m.locationStatus ?? {},
    };
  }

  static statsView(s: Stats) {
    const r = responseSummary(s);
    return {
      avg: r.avg,
      min: r.min,
      max: r.max,
      p50: r.p50,
      p95: r.p95,
      p99: r.p99,
      checks: s.checks,
      failures: s.failures,
      uptime: uptimePercent(s.checks, s.failures),
    };
  }

  /** `GET /monitors/{id}/stats?days=` (StatusCore): response times and uptime of the last days, overall and per region. */
  async stats(p: Principal, id: string, q: { days: number }) {
    const m = await this.monitor(p, id);
    const { days } = q;
    const now = this.clock.nowMs();
    const w = await this.window(m, new Date(now - days * DAY_MS), new Date(now + 1), 'day', {
      regions: true,
      overall: true,
    });
    const regions: Record<string, ReturnType<typeof TimeseriesService.statsView>> = {};
    for (const r of m.regions) regions[r] = TimeseriesService.statsView(TimeseriesService.total(w.get(r)));
    return {
      monitor_id: m.id,
      days,
      stats: TimeseriesService.statsView(TimeseriesService.total(w.get(OVERALL))),
      regions,
      accuracy: PERCENTILE_NOTE,
    };
  }
}
