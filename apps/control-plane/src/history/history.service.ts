import { Injectable } from '@nestjs/common';
import { notFound } from '../common/errors';
import type { Principal } from '../common/principal';
import { ResultsRepository } from '../ingestion/results.repository';
import { MonitorsRepository } from '../monitors/monitors.repository';
import { RoundsRepository } from '../scheduler/rounds.repository';
import { RollupsRepository } from '../timeseries/rollups.repository';
import { foldedThroughOf } from '../timeseries/window';

/** Check history: one entry per decided round, with each region's result. */
@Injectable()
export class HistoryService {
  constructor(
    private readonly monitors: MonitorsRepository,
    private readonly rounds: RoundsRepository,
    private readonly results: ResultsRepository,
    private readonly rollups: RollupsRepository,
  ) {}

  async checks(p: Principal, monitorId: string, limit: number) {
    const m = await this.monitors.findOne(p.accountId, monitorId);
    if (!m) throw notFound('monitor', monitorId);
    // Every decided round kept: those with data from the rollups, plus the no_data ones.
    const [rounds, counted, noData] = await Promise.all([
      this.rounds.listDecided(p.accountId, monitorId, limit),
      this.rollups.countRounds(p.accountId, monitorId, foldedThroughOf(m)),
      this.rounds.countNoData(p.accountId, monitorId),
    ]);
    const total = counted + noData;
    const times = rounds.map((r) => r.scheduledAt.getTime());
    const results = await this.results.forRounds(p.accountId, monitorId, rounds.map((r) => r.round), new Date(Math.min(...times)), new Date(Math.max(...times)));
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
            return { region, reported: false, is_up: null, status_code: null, response_ms: null, error: 'no job sent: no probe online in this region', phases: null, late: false, skipped: true };
          }
          if (!r) return { region, reported: false, is_up: null, status_code: null, response_ms: null, error: 'no result', phases: null, late: false };
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
}
