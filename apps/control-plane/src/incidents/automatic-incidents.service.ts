import { Injectable, Logger } from '@nestjs/common';
import { newId } from '../common/ids';
import type { Tx } from '../database/transaction';
import { incidentLookupNeeded, incidentTransition } from '../decisions/incident-transition';
import type { DependencyCause } from '../decisions/dependencies';
import type { RoundSummary } from '../decisions/round-summary';
import type { MonitorEntity } from '../monitors/monitor.entity';
import type { RegionResultPayload } from '../notifications/events';
import type { RoundEntity } from '../scheduler/round.entity';
import { IncidentEntity } from './incident.entity';
import { SystemIncidentsRepository } from './system-incidents.repository';

/**
 * Automatic incidents, applied by the incidents context inside the decision's transaction
 * (DecisionService calls it for every counted newest round): the rule is `incidentTransition`
 * (decisions/incident-transition.ts, pure); this writes its answer, so `incidents` and
 * `incident_updates` keep one writing context. Background work, across accounts.
 */
@Injectable()
export class AutomaticIncidents {
  private readonly logger = new Logger(AutomaticIncidents.name);

  constructor(private readonly repo: SystemIncidentsRepository) {}

  /** Opens (never in maintenance), widens or resolves the monitor's incident as `incidentTransition` says; returns what it did. */
  async apply(
    tx: Tx,
    monitor: MonitorEntity,
    round: RoundEntity,
    s: RoundSummary,
    regionResults: RegionResultPayload[],
    maintenance: boolean,
    at: Date,
    cause: DependencyCause | null,
  ): Promise<{ opened: IncidentEntity | null; resolved: IncidentEntity | null }> {
    const none = { opened: null, resolved: null };
    const open = incidentLookupNeeded(s.decision, monitor.status) ? await this.repo.findOpen(tx, monitor.id) : null;
    const action = incidentTransition({
      decision: s.decision,
      previousStatus: monitor.status,
      open,
      failing: s.failing,
      maintenance,
      at,
    });
    switch (action.kind) {
      case 'none':
        return none;
      case 'widen':
        await this.repo.update(tx, action.incidentId, { affectedRegions: action.affectedRegions });
        return none;
      case 'open': {
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
          startedAt: action.startedAt,
          resolvedAt: null,
          durationSeconds: null,
          failureErrorMessage: f?.error ?? null,
          failureResponseHeaders: f?.responseHeaders ?? null,
          failureResponseBody: f?.responseBody ? f.responseBody.slice(0, 2048) : null,
          regionsChecked: s.regionsChecked,
          regionsUp: s.regionsUp,
          regionResults,
          affectedRegions: action.affectedRegions,
          openedByRound: round.id,
          resolvedByRound: null,
          causedByIncidentId: cause?.incidentId ?? null,
        });
        if (!(await this.repo.open(tx, incident))) return none;
        // Its dependants already down (decided first, in other transactions) are linked to it.
        await this.repo.linkDependants(tx, monitor.accountId, monitor.id, incident.id);
        this.logger.log(
          {
            monitor_id: monitor.id,
            round_id: round.id,
            round: round.round,
            incident_id: incident.id,
            failing_regions: s.failing,
          },
          'incident opened',
        );
        return { opened: incident, resolved: null };
      }
      case 'resolve': {
        const resolved = {
          status: 'resolved' as const,
          resolvedAt: action.resolvedAt,
          durationSeconds: action.durationSeconds,
          resolvedByRound: round.id,
        };
        await this.repo.update(tx, action.incidentId, resolved);
        this.logger.log(
          { monitor_id: monitor.id, round_id: round.id, round: round.round, incident_id: action.incidentId },
          'incident resolved',
        );
        return { opened: null, resolved: Object.assign(open!, resolved) };
      }
    }
  }

  /** The open incident of each of these monitors (a dependant's cause, dependencies.ts): monitor id → incident id. */
  openOf(tx: Tx, accountId: string, monitorIds: readonly string[]): Promise<Map<string, string>> {
    return this.repo.openOf(tx, accountId, monitorIds);
  }

  /** The open regional incidents of these monitors (regional-incidents.service.ts). */
  openRegional(tx: Tx, monitorIds: string[]): Promise<Map<string, IncidentEntity>> {
    return this.repo.openRegional(tx, monitorIds);
  }

  /** Opens a regional incident (decided by RegionalIncidents) with its first timeline entry, unless one is open. */
  openRegionalIncident(tx: Tx, incident: IncidentEntity, detected: string): Promise<boolean> {
    return this.repo.open(tx, incident, detected);
  }

  /** Widens or resolves a regional incident (with the resolution's timeline entry when given). */
  updateRegionalIncident(tx: Tx, id: string, fields: Partial<IncidentEntity>, resolvedText?: string): Promise<void> {
    return this.repo.update(tx, id, fields, resolvedText);
  }
}
