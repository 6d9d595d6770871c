import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { notFound, validationFailed } from '../common/errors';
import type { Principal } from '../common/principal';
import { ResultsRepository } from '../ingestion/results.repository';
import { MonitorsRepository } from '../monitors/monitors.repository';
import { RoundsRepository } from '../scheduler/rounds.repository';
import { parseDate, parseRegion, parseWindow } from '../timeseries/query-params';
import { OVERALL, RollupsRepository } from '../timeseries/rollups.repository';
import { TimeseriesService } from '../timeseries/timeseries.service';
import { foldedThroughOf, HOUR_MS } from '../timeseries/window';

/**
 * A monitor's history, check by check: its decided rounds (`/checks`, `/history`,
 * `/uptime/minutes` without a region) and its regions' results (`/logs`, `/uptime/minutes`
 * with one), read from the raw rows. Totals and window stats beside the lists come from the
 * time series (`TimeseriesService.window`: rollups and raw edges), not from scanning rows.
 */
@Injectable()
export class HistoryService {
  constructor(
    private readonly monitors: MonitorsRepository,
    private readonly rounds: RoundsRepository,
    private readonly results: ResultsRepository,
    private readonly rollups: RollupsRepository,
    private readonly timeseries: TimeseriesService,
    private readonly clock: Clock,
  ) {}

  private async monitor(p: Principal, id: string) {
    const m = await this.monitors.findOne(p.accountId, id);
    if (!m) throw notFound('monitor', id);
    return m;
  }

  /** `GET /monitors/{id}/checks`: one entry per decided round, with each region's result. */
  async checks(p: Principal, monitorId: string, limit: number) {
    const m = await this.monitor(p, monitorId);
    // Every decided round kept: those with data from the rollups, plus the no_data ones.
    const [rounds, counted, noData] = await Promise.all([
      this.rounds.listDecided(p.accountId, monitorId, limit),
      this.rollups.countRounds(p.accountId, monitorId, foldedThroughOf(m)),
      this.rounds.countNoData(p.accountId, monitorId),
    ]);
    const total = counted + noData;
    const times = rounds.map((r) => r.scheduledAt.getTime());
    const results = await this.results.forRounds(
      p.accountId,
      monitorId,
      rounds.map((r) => r.round),
      new Date(Math.min(...times)),
      new Date(Math.max(...times)),
    );
    const byRound = new Map<number, typeof results>();
    for (const r of results) byRound.set(r.round, [...(byRound.get(r.round) ?? []), r]);
    const items = rounds.map((round) => {
      const rs = byRound.get(round.round) ?? [];
      const responseByRegion: Record<string, number | null> = {};
      for (const r of rs) if (!r.late) responseByRegion[r.region] = r.responseMs;
      return {
        id: round.id,
        round: round.round,
        timestamp: round.scheduledAt.toISOString(),
        status: round.outcome,
        is_up: round.outcome === 'no_data' ? null : round.outcome !== 'down',
        warn: round.outcome === 'warn',
        status_code: round.statusCode,
        response_ms: round.responseMs,
        regions: round.regions,
        skipped_regions: round.skippedRegions ?? [],
        quorum: round.quorum,
        regions_checked: round.regionsChecked,
        regions_up: round.regionsUp,
        response_ms_by_region: responseByRegion,
        region_results: [...round.regions, ...(round.skippedRegions ?? [])].map((region) => {
          const r = rs.find((x) => x.region === region);
          if (!r && !round.regions.includes(region)) {
            // Skipped: no probe online in the region when the round was claimed, so no job.
            return {
              region,
              reported: false,
              is_up: null,
              status_code: null,
              response_ms: null,
              error: 'no job sent: no probe online in this region',
              phases: null,
              late: false,
              skipped: true,
            };
          }
          if (!r)
            return {
              region,
              reported: false,
              is_up: null,
              status_code: null,
              response_ms: null,
              error: 'no result',
              phases: null,
              late: false,
            };
          return {
            region,
            reported: !r.late,
            is_up: r.isUp,
            status_code: r.statusCode,
            response_ms: r.responseMs,
            error: r.error,
            phases: r.phases,
            warn: r.warn,
            ssl_expiry: r.sslExpiry?.toISOString() ?? null,
            ssl_issuer: r.sslIssuer,
            details: r.details,
            attempts: r.attempts ?? null,
            probe_id: r.probeId,
            checked_at: r.checkedAt.toISOString(),
            late: r.late,
          };
        }),
        decided_at: round.decidedAt?.toISOString() ?? null,
      };
    });
    return { items, total };
  }

  /** `GET /monitors/{id}/uptime/minutes?date=&hour=`: the check records of one UTC hour. */
  async minutes(p: Principal, id: string, q: { date?: string; hour?: string; region?: string }) {
    const m = await this.monitor(p, id);
    const region = parseRegion(q.region, m.regions);
    const day = parseDate('date', q.date, this.clock.nowMs());
    if (q.hour === undefined || !/^\d{1,2}$/.test(q.hour) || Number(q.hour) > 23)
      throw validationFailed([{ field: 'hour', message: 'must be a UTC hour 0–23' }]);
    const from = new Date(day.getTime() + Number(q.hour) * HOUR_MS);
    const to = new Date(from.getTime() + HOUR_MS);
    const records = region
      ? (await this.results.page(p.accountId, m.id, from, to, region, 3600, 0)).reverse().map((r) => ({
          timestamp: r.scheduledAt.getTime(),
          success: r.isUp,
          responseTime: r.responseMs,
          statusCode: r.statusCode,
          ...(r.error ? { error: r.error } : {}),
        }))
      : (await this.rounds.decidedInRanges(p.accountId, m.id, [{ from, to }])).map((r) => ({
          timestamp: r.scheduledAt.getTime(),
          success: r.outcome !== 'down',
          status: r.outcome,
          responseTime: r.responseMs,
          statusCode: r.statusCode,
        }));
    return {
      monitor_id: m.id,
      region: region ?? null,
      date: day.toISOString().slice(0, 10),
      hour: Number(q.hour),
      records,
    };
  }

  /** `GET /monitors/{id}/logs`: one entry per region result, newest first (StatusPool). */
  async logs(
    p: Principal,
    id: string,
    q: { from?: string; to?: string; region?: string; page: number; limit: number },
  ) {
    const m = await this.monitor(p, id);
    const { from, to } = parseWindow(q.from, q.to, this.clock.nowMs());
    const region = parseRegion(q.region, m.regions);
    const { limit, page } = q;
    const [rows, w] = await Promise.all([
      this.results.page(p.accountId, m.id, from, to, region, limit, (page - 1) * limit),
      // The total is counted from the rollups (and the raw edges), not by scanning rows.
      this.timeseries.window(m, from, to, 'day', { region, regions: true, overall: false }),
    ]);
    let total = 0;
    for (const [r, series] of w) if (r !== OVERALL) total += TimeseriesService.total(series).checks;
    const items = rows.map((r) => ({
      timestamp: r.scheduledAt.toISOString(),
      checked_at: r.checkedAt.toISOString(),
      region: r.region,
      round: r.round,
      is_up: r.isUp,
      status_code: r.statusCode,
      response_time_ms: r.responseMs,
      error_message: r.error,
      late: r.late,
      attempts: r.attempts ?? null,
    }));
    return {
      items,
      meta: {
        monitor_id: m.id,
        from: from.toISOString(),
        to: to.toISOString(),
        region: region ?? null,
        page,
        limit,
        total,
        total_pages: Math.ceil(total / limit),
      },
    };
  }

  /** `GET /monitors/{id}/history?hours=` (StatusCore): the rounds of the last hours with their stats. */
  async history(p: Principal, id: string, q: { hours: number }) {
    const m = await this.monitor(p, id);
    const { hours } = q;
    const now = this.clock.nowMs();
    const from = new Date(now - hours * HOUR_MS);
    const to = new Date(now + 1);
    const [rounds, w] = await Promise.all([
      this.rounds.decidedInRanges(p.accountId, m.id, [{ from, to }]),
      this.timeseries.window(m, from, to, 'day', { regions: false, overall: true }),
    ]);
    const s = TimeseriesService.total(w.get(OVERALL));
    return {
      monitor: { id: m.id, name: m.name, url: m.url, status: m.status },
      hours,
      history: rounds.map((r) => ({
        checked_at: r.scheduledAt.toISOString(),
        status: r.outcome,
        response_time: r.responseMs,
      })),
      stats: TimeseriesService.statsView(s),
    };
  }
}
