import { Injectable, Logger } from '@nestjs/common';
import { newId } from '../common/ids';
import type { Tx } from '../database/transaction';
import { IncidentEntity } from '../incidents/incident.entity';
import { IncidentsRepository } from '../incidents/incidents.repository';
import { ResultsRepository } from '../ingestion/results.repository';
import { MetricsService } from '../metrics/metrics.service';
import { MonitorEntity } from '../monitors/monitor.entity';
import { MonitorsRepository } from '../monitors/monitors.repository';
import { RoundEntity } from '../scheduler/round.entity';
import { RoundsRepository } from '../scheduler/rounds.repository';
import { RegionResult, RoundSummary, summariseRound } from './round-summary';

/**
 * Decides a round (all regions answered, or its deadline passed) and applies the
 * decision to the monitor in the same transaction: status, read model, counters,
 * and the incident opened or resolved. Rounds decided out of order update the
 * counters but never move the status backwards.
 */
@Injectable()
export class DecisionService {
  private readonly logger = new Logger(DecisionService.name);

  constructor(
    private readonly rounds: RoundsRepository,
    private readonly results: ResultsRepository,
    private readonly monitors: MonitorsRepository,
    private readonly incidents: IncidentsRepository,
    private readonly metrics: MetricsService,
  ) {}

  /** Decides a round the caller has locked (FOR UPDATE) and found undecided. */
  async decideLocked(tx: Tx, round: RoundEntity): Promise<RoundSummary> {
    const results = await this.results.onTime(tx, round.monitorId, round.round);
    const summary = summariseRound(round.regions, round.quorum, results, round.skippedRegions ?? []);
    await this.record(tx, round, summary);
    if (summary.decision === 'no_data') return summary; // status unchanged, not counted in uptime
    const monitor = await this.monitors.lockOne(round.accountId, round.monitorId, tx);
    if (monitor) await this.applyDecision(tx, monitor, round, summary, results);
    return summary;
  }

  /** Completes a round with its decision: the round becomes a check record of `GET /checks`. */
  async record(tx: Tx, round: RoundEntity, summary: RoundSummary): Promise<void> {
    await this.rounds.complete(tx, round.id, {
      outcome: summary.decision,
      regionsChecked: summary.regionsChecked,
      regionsUp: summary.regionsUp,
      responseMs: summary.responseMs,
      statusCode: summary.statusCode,
    });
    this.metrics.decisions.inc({ decision: summary.decision });
  }

  /**
   * Applies a decided round to its monitor, which the caller has locked: counters,
   * read model, status and the incident. Probe rounds and heartbeat checks (judged by
   * the control plane) both come through here.
   */
  async applyDecision(tx: Tx, monitor: MonitorEntity, round: RoundEntity, summary: RoundSummary, results: RegionResult[]): Promise<void> {
    if (summary.decision === 'no_data') return; // nothing answered: status unchanged, not counted in uptime
    const fields: Partial<MonitorEntity> = {
      checksTotal: monitor.checksTotal + 1,
      checksFailed: monitor.checksFailed + (summary.decision === 'down' ? 1 : 0),
    };
    const newest = !monitor.lastRoundAt || round.scheduledAt > monitor.lastRoundAt;
    if (newest) {
      Object.assign(fields, {
        lastRoundAt: round.scheduledAt,
        lastChecked: round.scheduledAt,
        lastStatusCode: summary.statusCode,
        lastResponseMs: summary.responseMs,
        lastResponseByRegion: summary.responseMsByRegion,
        locationStatus: summary.locationStatus,
      });
      if (summary.ssl) Object.assign(fields, { sslExpiry: summary.ssl.expiry, sslIssuer: summary.ssl.issuer });
      if (summary.decision !== monitor.status) {
        fields.status = summary.decision;
        fields.statusChangedAt = new Date();
        this.logger.log(
          {
            monitor_id: monitor.id,
            account_id: monitor.accountId,
            round_id: round.id,
            round: round.round,
            from: monitor.status,
            to: summary.decision,
            failing_regions: summary.failing,
            reported_regions: summary.reported,
            unknown_regions: summary.unknown,
          },
          'monitor status changed',
        );
      }
      await this.applyIncident(tx, monitor, round, summary, results);
    }
    await this.monitors.updateReadModel(tx, monitor.id, fields);
  }

  private async applyIncident(tx: Tx, monitor: MonitorEntity, round: RoundEntity, s: RoundSummary, results: RegionResult[]): Promise<void> {
    const regionResults = round.regions.map((region) => {
      const r = results.find((x) => x.region === region);
      return r
        ? { region, is_up: r.isUp, status_code: r.statusCode, response_ms: r.responseMs, error: r.error }
        : { region, is_up: null, status_code: null, response_ms: null, error: 'no result before the round deadline' };
    });
    for (const region of round.skippedRegions ?? []) {
      regionResults.push({ region, is_up: null, status_code: null, response_ms: null, error: 'no job sent: no probe online in this region' });
    }
    if (s.decision === 'down') {
      const open = await this.incidents.findOpen(tx, monitor.id);
      if (open) {
        const affected = [...new Set([...open.affectedRegions, ...s.failing])];
        if (affected.length !== open.affectedRegions.length) await this.incidents.update(tx, open.id, { affectedRegions: affected });
        return;
      }
      const f = s.firstFailure;
      const incident = Object.assign(new IncidentEntity(), {
        id: newId('inc'),
        accountId: monitor.accountId,
        monitorId: monitor.id,
        monitorName: monitor.name,
        monitorUrl: monitor.url,
        monitorType: monitor.monitorType,
        status: 'open' as const,
        statusCode: f?.statusCode ?? null,
        responseMs: f?.responseMs ?? null,
        startedAt: round.scheduledAt,
        resolvedAt: null,
        durationSeconds: null,
        failureErrorMessage: f?.error ?? null,
        failureResponseHeaders: f?.responseHeaders ?? null,
        failureResponseBody: f?.responseBody ? f.responseBody.slice(0, 2048) : null,
        regionsChecked: s.regionsChecked,
        regionsUp: s.regionsUp,
        regionResults,
        affectedRegions: s.failing,
        openedByRound: round.id,
        resolvedByRound: null,
      });
      await this.incidents.open(tx, incident);
      this.logger.log({ monitor_id: monitor.id, round_id: round.id, round: round.round, incident_id: incident.id, failing_regions: s.failing }, 'incident opened');
      return;
    }
    if (monitor.status === 'down') {
      const open = await this.incidents.findOpen(tx, monitor.id);
      if (!open) return;
      const resolvedAt = round.scheduledAt;
      await this.incidents.update(tx, open.id, {
        status: 'resolved',
        resolvedAt,
        durationSeconds: Math.max(0, Math.round((resolvedAt.getTime() - open.startedAt.getTime()) / 1000)),
        resolvedByRound: round.id,
      });
      this.logger.log({ monitor_id: monitor.id, round_id: round.id, round: round.round, incident_id: open.id }, 'incident resolved');
    }
  }
}
