import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../common/clock';
import type { Tx } from '../database/transaction';
import { AutomaticIncidents } from '../incidents/automatic-incidents.service';
import { MaintenanceRepository } from '../maintenance/maintenance.repository';
import { ResultsRepository } from '../ingestion/results.repository';
import { MetricsService } from '../metrics/metrics.service';
import { MonitorEntity } from '../monitors/monitor.entity';
import { SystemMonitorsRepository } from '../monitors/system-monitors.repository';
import { inMaintenance } from '../notifications/maintenance';
import { AlertBatch, NotificationsService } from '../notifications/notifications.service';
import { RoundEntity } from '../scheduler/round.entity';
import { RoundRecords } from '../scheduler/round-records.service';
import { Observation, OVERALL } from '../timeseries/rollups.repository';
import { RollupWriter } from '../timeseries/rollup-writer.service';
import type { RegionResultPayload } from '../notifications/events';
import { TYPE_RULES } from '../monitors/monitor-types';
import { confirmStatus } from './confirmation';
import { applyOrder, dependencyCause } from './dependencies';
import { latencyDecision } from './latency';
import { RegionalBatch, RegionalIncidents } from './regional-incidents.service';
import { RegionResult, RoundDecision, RoundSummary, summariseRound } from './round-summary';
import { foldedThroughOf } from '../timeseries/window';
import { MonitorSchedules } from '../scheduler/monitor-schedules.service';
import { MonitorStateRepository } from './monitor-state.repository';

/**
 * Decides a round (all regions answered, or its deadline passed) and applies the
 * decision to the monitor in the same transaction: status, read model, counters,
 * and the incident opened or resolved. Rounds decided out of order update the
 * counters but never move the status backwards. Notifications of the change are
 * written to the outbox in the same transaction (NotificationsService). In maintenance (a
 * recurring window at the injected clock's time, or a scheduled maintenance in progress)
 * checks are recorded and the status follows them, but no incident opens, nothing is
 * notified and the round is left out of uptime and SLA (`rounds.in_maintenance`, no rollup
 * observation, no counters).
 */
@Injectable()
export class DecisionService {
  private readonly logger = new Logger(DecisionService.name);

  constructor(
    private readonly rounds: RoundRecords,
    private readonly schedules: MonitorSchedules,
    private readonly results: ResultsRepository,
    private readonly monitors: SystemMonitorsRepository,
    private readonly incidents: AutomaticIncidents,
    private readonly metrics: MetricsService,
    private readonly rollups: RollupWriter,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    private readonly maintenance: MaintenanceRepository,
    private readonly regional: RegionalIncidents,
    private readonly states: MonitorStateRepository,
  ) {}

  /**
   * Decides rounds the caller has locked (monitors first, then rounds) and found
   * undecided, set-based: one query for their results (unless the caller has them), then
   * applyMany. `opts.results`: the rounds' on-time results when the caller has them
   * (`monitor|round` → results); `opts.rollups`: collect the whole-monitor rollup
   * observations there instead of writing them.
   */
  async decideMany(
    tx: Tx,
    rounds: RoundEntity[],
    opts: { results?: Map<string, RegionResult[]>; rollups?: Observation[] } = {},
  ): Promise<RoundSummary[]> {
    if (!rounds.length) return [];
    const results = opts.results ?? (await this.results.onTimeMany(tx, rounds));
    const items = rounds.map((round) => {
      const rs = results.get(`${round.monitorId}|${round.round}`) ?? [];
      return {
        round,
        results: rs,
        summary: summariseRound(round.regions, round.quorum, rs, round.skippedRegions ?? []),
      };
    });
    await this.applyMany(tx, items, opts);
    return items.map((i) => i.summary);
  }

  /**
   * Applies decided rounds (probe rounds through decideMany, heartbeat checks directly):
   * one update completes the rounds, one locks their monitors (the caller holds them
   * already), one writes the monitors, one upsert per rollup table; incidents and
   * notifications one by one (only on changes). Rounds of one monitor are applied in
   * their order, each seeing the monitor as the previous one left it, exactly as if
   * decided one after the other. `no_data`: the round is completed, the status stays and
   * nothing is counted.
   */
  async applyMany(
    tx: Tx,
    items: { round: RoundEntity; summary: RoundSummary; results: RegionResult[] }[],
    opts: { rollups?: Observation[] } = {},
  ): Promise<void> {
    if (!items.length) return;
    const withData = items.filter(({ summary }) => summary.decision !== 'no_data');
    const monitors = new Map(
      (
        await this.monitors.lockForDecisions(
          tx,
          withData.map((c) => c.round.monitorId),
        )
      ).map((m) => [m.id, m]),
    );
    // Latency-degraded (latency.ts): a quorum of slow regions makes an up round degraded, before the round is completed.
    for (const item of withData) {
      const monitor = monitors.get(item.round.monitorId);
      if (!monitor?.degradedThresholdMs) continue;
      const v = latencyDecision({
        decision: item.summary.decision,
        regions: item.round.regions,
        quorum: item.round.quorum,
        results: item.results,
        thresholdMs: monitor.degradedThresholdMs,
      });
      Object.assign(item.summary, { decision: v.decision, slow: v.slow });
    }
    await this.rounds.complete(
      tx,
      items.map(({ round, summary }) => DecisionService.completion(round, summary)),
      this.clock.now(),
    );
    for (const { summary } of items) this.metrics.decisions.inc({ decision: summary.decision });
    const counted = withData;
    if (!counted.length) return;
    const touched = new Set<MonitorEntity>();
    const confirmAt = new Map<string, Date>();
    const observations: Observation[] = [];
    const scheduled = await this.maintenance.inProgressFor(tx, [...monitors.values()]);
    // Regional incidents (regional-incident.ts): the batch's region streaks and open regional incidents, read once.
    const regional = await this.regional.load(tx, [...monitors.values()]);
    const inMaintenanceRounds: RoundEntity[] = [];
    // Flap damping, reminders and rate limits (notifications): their state read once for the batch, written back with it.
    const alerts = await this.notifications.alertBatch(tx, [...monitors.keys()]);
    // Dependencies (dependencies.ts): monitors without any first, so a dependant sees its dependency's incident of the same batch.
    const orderKey = (c: (typeof counted)[number]) => ({
      monitorId: c.round.monitorId,
      hasDependencies: (monitors.get(c.round.monitorId)?.dependsOn?.length ?? 0) > 0,
      scheduledAt: c.round.scheduledAt.getTime(),
      round: c.round.round,
    });
    counted.sort((a, b) => applyOrder(orderKey(a), orderKey(b)));
    for (const { round, summary, results } of counted) {
      const monitor = monitors.get(round.monitorId);
      if (!monitor || monitor.accountId !== round.accountId) continue;
      const maintenance = scheduled.has(monitor.id) || inMaintenance(monitor.maintenanceWindows, this.clock.now());
      if (await this.apply(tx, monitor, round, summary, results, maintenance, regional, alerts))
        confirmAt.set(monitor.id, this.clock.now());
      else confirmAt.delete(monitor.id);
      touched.add(monitor);
      if (maintenance) inMaintenanceRounds.push(round);
      else observations.push(DecisionService.overall(monitor, round, summary));
    }
    await this.regional.flush(tx, regional);
    await this.states.save(tx, [...touched]);
    // A confirmation round due at once: the schedule cursor belongs to the scheduler context.
    await this.schedules.dueBy(tx, confirmAt);
    await this.notifications.saveAlertBatch(tx, alerts);
    await this.rounds.markMaintenance(tx, inMaintenanceRounds);
    // A caller that writes rollups itself (ingestion) gets them to write with its own.
    if (opts.rollups) opts.rollups.push(...observations);
    else await this.rollups.add(tx, observations);
  }

  private static completion(r: RoundEntity, s: RoundSummary) {
    return {
      id: r.id,
      scheduledAt: r.scheduledAt,
      outcome: s.decision,
      regionsChecked: s.regionsChecked,
      regionsUp: s.regionsUp,
      responseMs: s.responseMs,
      statusCode: s.statusCode,
    };
  }

  /** A decided round as an observation of the whole monitor's rollups (region '*'). */
  private static overall(monitor: MonitorEntity, round: RoundEntity, s: RoundSummary): Observation {
    return {
      monitorId: round.monitorId,
      accountId: round.accountId,
      region: OVERALL,
      at: round.scheduledAt,
      ok: s.decision !== 'down',
      degraded: s.decision === 'degraded',
      responseMs: s.responseMs,
      foldedThrough: foldedThroughOf(monitor),
    };
  }

  /**
   * Applies one counted decision to the (locked, in-memory) monitor and its incident.
   * The status follows `confirmStatus` (the second opinion): a round that would change it
   * leaves the change pending and returns true (dispatch a confirmation round now); the
   * incident and the notifications follow the confirmed status only. Heartbeats (judged
   * by the control plane from pings, no region to ask again) change at once.
   */
  private async apply(
    tx: Tx,
    monitor: MonitorEntity,
    round: RoundEntity,
    summary: RoundSummary,
    results: RegionResult[],
    maintenance: boolean,
    regional: RegionalBatch,
    alerts: AlertBatch,
  ): Promise<boolean> {
    if (!maintenance) {
      monitor.checksTotal += 1;
      if (summary.decision === 'down') monitor.checksFailed += 1;
    }
    // `>=`: a confirmation round claimed in the same millisecond as the round it confirms (a held test clock) is newer.
    const newest = !monitor.lastRoundAt || round.scheduledAt.getTime() >= monitor.lastRoundAt.getTime();
    if (!newest || summary.decision === 'no_data') return false; // an older round decided late never moves the status backwards
    const probed = TYPE_RULES[monitor.monitorType].probed;
    const pending =
      monitor.pendingStatus && monitor.pendingSince
        ? { status: monitor.pendingStatus, rounds: monitor.pendingRounds, since: monitor.pendingSince }
        : null;
    const confirmed = confirmStatus({
      current: monitor.status,
      decision: summary.decision,
      pending,
      confirmationRounds: probed ? monitor.confirmationRounds : 0,
      recoveryRounds: probed ? monitor.recoveryRounds : 0,
      at: round.scheduledAt,
    });
    Object.assign(monitor, {
      pendingStatus: confirmed.pending?.status ?? null,
      pendingRounds: confirmed.pending?.rounds ?? 0,
      pendingSince: confirmed.pending?.since ?? null,
    });
    // What the incident and the notifications see: the confirmed status (the current one while a change waits).
    const effective = confirmed.status as RoundDecision;
    const counted: RoundSummary =
      effective === summary.decision
        ? summary
        : { ...summary, decision: effective, failing: confirmed.pending ? [] : summary.failing };
    // The incident and the notifications are applied against the status before this round.
    const now = this.clock.now();
    const regionResults = regionResultsOf(round, results);
    // Dependencies (dependencies.ts): looked up only when this decision can open an incident or notify.
    const cause =
      monitor.dependsOn?.length && (effective !== monitor.status || effective === 'down')
        ? dependencyCause(monitor.dependsOn, await this.incidents.openOf(tx, monitor.accountId, monitor.dependsOn))
        : null;
    // Written by the incidents context (AutomaticIncidents), in this transaction.
    const incident = await this.incidents.apply(
      tx,
      monitor,
      round,
      counted,
      regionResults,
      maintenance,
      confirmed.since ?? round.scheduledAt,
      cause,
    );
    await this.notifications.enqueueStatusChange(tx, {
      monitor,
      to: effective as MonitorEntity['status'],
      at: now,
      maintenance,
      decision: { regions_checked: summary.regionsChecked, regions_up: summary.regionsUp, quorum: round.quorum },
      regionResults,
      outcome: summary.decision,
      incidentOpened: incident.opened,
      incidentResolved: incident.resolved,
      slow:
        effective === 'degraded' && summary.failing.length === 0 && summary.slow?.length
          ? { regions: summary.slow, threshold_ms: monitor.degradedThresholdMs! }
          : null,
      alerts,
      suppressedBy: cause,
    });
    // A region failing round after round while the monitor is not down: its regional incident (regional-incident.ts).
    await this.regional.apply(tx, regional, {
      monitor,
      round,
      summary,
      status: effective as MonitorEntity['status'],
      maintenance,
      regionResults,
    });
    Object.assign(monitor, {
      lastRoundAt: round.scheduledAt,
      lastChecked: round.scheduledAt,
      lastStatusCode: summary.statusCode,
      lastResponseMs: summary.responseMs,
      lastResponseByRegion: summary.responseMsByRegion,
      locationStatus: summary.locationStatus,
    });
    if (summary.ssl) Object.assign(monitor, { sslExpiry: summary.ssl.expiry, sslIssuer: summary.ssl.issuer });
    if (summary.domain)
      Object.assign(monitor, {
        domainExpiry: summary.domain.expiry,
        domainRegistrar: summary.domain.registrar,
        domainStatus: summary.domain.status,
      });
    if (confirmed.pending) {
      this.logger.log(
        {
          monitor_id: monitor.id,
          round_id: round.id,
          round: round.round,
          status: monitor.status,
          pending: confirmed.pending.status,
          confirmations: confirmed.pending.rounds,
        },
        'status change waits for a confirmation round',
      );
    }
    if (effective !== monitor.status) {
      this.logger.log(
        {
          monitor_id: monitor.id,
          account_id: monitor.accountId,
          round_id: round.id,
          round: round.round,
          from: monitor.status,
          to: effective,
          failing_regions: summary.failing,
          reported_regions: summary.reported,
          unknown_regions: summary.unknown,
        },
        'monitor status changed',
      );
      monitor.status = effective as MonitorEntity['status'];
      monitor.statusChangedAt = now;
    }
    return confirmed.confirmNow;
  }
}

/** Every region of the round with its result (or why it has none), as incidents and notifications carry them. */
function regionResultsOf(round: RoundEntity, results: RegionResult[]): RegionResultPayload[] {
  const regionResults: RegionResultPayload[] = round.regions.map((region) => {
    const r = results.find((x) => x.region === region);
    return r
      ? { region, is_up: r.isUp, status_code: r.statusCode, response_ms: r.responseMs, error: r.error }
      : { region, is_up: null, status_code: null, response_ms: null, error: 'no result before the round deadline' };
  });
  for (const region of round.skippedRegions ?? []) {
    regionResults.push({
      region,
      is_up: null,
      status_code: null,
      response_ms: null,
      error: 'no job sent: no probe online in this region',
    });
  }
  return regionResults;
}
