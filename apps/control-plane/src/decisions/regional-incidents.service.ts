import { Injectable, Logger } from '@nestjs/common';
import { newId } from '../common/ids';
import type { Tx } from '../database/transaction';
import { IncidentEntity } from '../incidents/incident.entity';
import { regionalDetectedUpdate, regionalResolvedUpdate, regionalTitle } from '../incidents/incident-rules';
import { AutomaticIncidents } from '../incidents/automatic-incidents.service';
import type { MonitorEntity, MonitorStatus } from '../monitors/monitor.entity';
import { TYPE_RULES } from '../monitors/monitor-types';
import type { RegionResultPayload } from '../notifications/events';
import { NotificationsService } from '../notifications/notifications.service';
import type { RoundEntity } from '../scheduler/round.entity';
import { RegionStreaksRepository, StreakChange } from './region-streaks.repository';
import { RegionStreak, regionalTransition, sameStreak } from './regional-incident';
import type { RoundSummary } from './round-summary';

/** A batch's streaks and open regional incidents, loaded once and written once. */
export interface RegionalBatch {
  /** Monitor id → region → streak, as loaded. */
  readonly before: Map<string, Map<string, RegionStreak>>;
  /** As the batch's decisions leave them. */
  readonly now: Map<string, Map<string, RegionStreak>>;
  readonly open: Map<string, IncidentEntity>;
}

/**
 * Applies the regional-incident rule (`regionalTransition`, regional-incident.ts) inside the
 * decision transaction: `load` reads the batch's streaks and open regional incidents (two
 * queries for the whole batch), `apply` runs the rule for each newest counted round (opening,
 * widening or resolving the incident and notifying it only on a change), `flush` writes the
 * streaks that changed (one upsert, one delete).
 */
@Injectable()
export class RegionalIncidents {
  private readonly logger = new Logger(RegionalIncidents.name);

  constructor(
    private readonly streaks: RegionStreaksRepository,
    private readonly incidents: AutomaticIncidents,
    private readonly notifications: NotificationsService,
  ) {}

  /** Monitors the rule applies to: checked by probes from every region each round. */
  static applies(m: MonitorEntity): boolean {
    const rules = TYPE_RULES[m.monitorType];
    return rules.probed && !rules.oneRegionPerRound && m.regions.length > 0;
  }

  async load(tx: Tx, monitors: MonitorEntity[]): Promise<RegionalBatch> {
    const ids = monitors.filter(RegionalIncidents.applies).map((m) => m.id);
    const before = await this.streaks.load(tx, ids);
    const open = await this.incidents.openRegional(tx, ids);
    const now = new Map([...before].map(([id, s]) => [id, new Map(s)]));
    return { before, now, open };
  }

  async apply(
    tx: Tx,
    batch: RegionalBatch,
    c: {
      monitor: MonitorEntity;
      round: RoundEntity;
      summary: RoundSummary;
      status: MonitorStatus;
      maintenance: boolean;
      regionResults: RegionResultPayload[];
    },
  ): Promise<void> {
    const { monitor, round, summary } = c;
    if (!RegionalIncidents.applies(monitor) || summary.decision === 'no_data') return;
    const open = batch.open.get(monitor.id) ?? null;
    const out = regionalTransition({
      regions: monitor.regions,
      locationStatus: summary.locationStatus,
      streaks: batch.now.get(monitor.id) ?? new Map(),
      k: monitor.regionalIncidentRounds,
      decision: summary.decision,
      status: c.status,
      open,
      maintenance: c.maintenance,
      at: round.scheduledAt,
    });
    batch.now.set(monitor.id, out.streaks);
    const a = out.action;
    const note = {
      monitor,
      status: c.status,
      rounds: monitor.regionalIncidentRounds,
      at: round.scheduledAt,
      maintenance: c.maintenance,
      regionResults: c.regionResults,
      decision: { regions_checked: summary.regionsChecked, regions_up: summary.regionsUp, quorum: round.quorum },
    };
    switch (a.kind) {
      case 'none':
        return;
      case 'widen':
        await this.incidents.updateRegionalIncident(tx, a.incidentId, {
          affectedRegions: a.affectedRegions,
          title: regionalTitle(monitor.name, a.affectedRegions),
        });
        open!.affectedRegions = a.affectedRegions;
        return;
      case 'open': {
        const f =
          a.affectedRegions
            .map((r) => c.regionResults.find((x) => x.region === r))
            .find((x) => x && x.is_up === false) ?? null;
        const incident = Object.assign(new IncidentEntity(), {
          id: newId('inc'),
          accountId: monitor.accountId,
          type: 'regional' as const,
          monitorId: monitor.id,
          monitorName: monitor.name,
          monitorUrl: monitor.url,
          monitorType: monitor.monitorType,
          title: regionalTitle(monitor.name, a.affectedRegions),
          status: 'open' as const,
          statusCode: f?.status_code ?? null,
          responseMs: f?.response_ms ?? null,
          startedAt: a.startedAt,
          resolvedAt: null,
          durationSeconds: null,
          failureErrorMessage: f?.error ?? null,
          failureResponseHeaders: null,
          failureResponseBody: null,
          regionsChecked: summary.regionsChecked,
          regionsUp: summary.regionsUp,
          regionResults: c.regionResults,
          affectedRegions: a.affectedRegions,
          openedByRound: round.id,
          resolvedByRound: null,
        });
        const up = c.regionResults.filter((r) => r.is_up === true).map((r) => r.region);
        if (
          !(await this.incidents.openRegionalIncident(
            tx,
            incident,
            regionalDetectedUpdate(a.affectedRegions, monitor.regionalIncidentRounds, up),
          ))
        )
          return;
        batch.open.set(monitor.id, incident);
        this.logger.log(
          { monitor_id: monitor.id, round_id: round.id, incident_id: incident.id, regions: a.affectedRegions },
          'regional incident opened',
        );
        await this.notifications.enqueueRegional(tx, { ...note, incident, state: 'open' });
        return;
      }
      case 'resolve': {
        const resolved = {
          status: 'resolved' as const,
          resolvedAt: a.resolvedAt,
          durationSeconds: a.durationSeconds,
          resolvedByRound: round.id,
        };
        await this.incidents.updateRegionalIncident(
          tx,
          a.incidentId,
          resolved,
          regionalResolvedUpdate(a.durationSeconds, a.reason),
        );
        batch.open.delete(monitor.id);
        this.logger.log(
          { monitor_id: monitor.id, round_id: round.id, incident_id: a.incidentId, reason: a.reason },
          'regional incident resolved',
        );
        await this.notifications.enqueueRegional(tx, {
          ...note,
          incident: Object.assign(open!, resolved),
          state: 'resolved',
          reason: a.reason,
        });
        return;
      }
    }
  }

  /** Writes the streaks the batch changed (one upsert, one delete). */
  async flush(tx: Tx, batch: RegionalBatch): Promise<void> {
    const changes: StreakChange[] = [];
    for (const [monitorId, now] of batch.now) {
      const before = batch.before.get(monitorId) ?? new Map<string, RegionStreak>();
      for (const [region, s] of now)
        if (!sameStreak(before.get(region), s)) changes.push({ monitorId, region, streak: s });
      for (const region of before.keys()) if (!now.has(region)) changes.push({ monitorId, region, streak: null });
    }
    await this.streaks.write(tx, changes);
  }
}
