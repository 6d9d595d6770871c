import type { MonitorStatus } from '../monitors/monitor.entity';
import type { RoundDecision } from './round-summary';

/**
 * The incident transition, a pure function: what a counted decision does to the monitor's
 * incident, given the status before the round and its open incident (if any).
 *
 * - `down` with an open incident: the incident stays open; regions failing now that it did
 *   not list yet are added (`widen`), otherwise nothing.
 * - `down` without one: an incident opens (`open`, affected = the failing regions), except
 *   in a maintenance window (nothing: checks are recorded, the status follows, no incident).
 *   A monitor still down when its window ends opens it with the first round after the window.
 * - anything but `down` after `down`: the open incident is resolved at the round's time
 *   (`resolve`, with its duration in whole seconds, never negative), maintenance or not.
 * - otherwise nothing.
 */
export interface OpenIncident {
  id: string;
  affectedRegions: readonly string[];
  startedAt: Date;
}

export interface IncidentTransitionInput {
  decision: RoundDecision;
  /** The monitor's status before this round. */
  previousStatus: MonitorStatus;
  /** The monitor's open incident, when `incidentLookupNeeded` said to look it up. */
  open: OpenIncident | null;
  /** The round's failing regions. */
  failing: readonly string[];
  maintenance: boolean;
  /** The round's scheduled time: an incident starts or ends at it. */
  at: Date;
}

export type IncidentAction =
  | { kind: 'none' }
  | { kind: 'open'; affectedRegions: string[]; startedAt: Date }
  | { kind: 'widen'; incidentId: string; affectedRegions: string[] }
  | { kind: 'resolve'; incidentId: string; resolvedAt: Date; durationSeconds: number };

/** Whether the transition can need the open incident: saves the lookup on the common up → up round. */
export function incidentLookupNeeded(decision: RoundDecision, previousStatus: MonitorStatus): boolean {
  return decision === 'down' || previousStatus === 'down';
}

export function incidentTransition(i: IncidentTransitionInput): IncidentAction {
  if (i.decision === 'no_data') return { kind: 'none' };
  if (i.decision === 'down') {
    if (i.open) {
      const affected = [...new Set([...i.open.affectedRegions, ...i.failing])];
      return affected.length !== i.open.affectedRegions.length
        ? { kind: 'widen', incidentId: i.open.id, affectedRegions: affected }
        : { kind: 'none' };
    }
    if (i.maintenance) return { kind: 'none' };
    return { kind: 'open', affectedRegions: [...new Set(i.failing)], startedAt: i.at };
  }
  if (i.previousStatus === 'down' && i.open) {
    return {
      kind: 'resolve',
      incidentId: i.open.id,
      resolvedAt: i.at,
      durationSeconds: Math.max(0, Math.round((i.at.getTime() - i.open.startedAt.getTime()) / 1000)),
    };
  }
  return { kind: 'none' };
}
