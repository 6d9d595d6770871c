/**
 * Dependencies (issue 15 item 6), pure: while a monitor this one depends on is down (it has an
 * open automatic incident), this one's incident opened meanwhile is linked to that incident
 * (`caused_by_incident_id`) and its notifications are suppressed (recorded as suppressed, not
 * sent). The cause is the first of `depends_on`, in its order, with an open incident.
 */
export interface DependencyCause {
  monitorId: string;
  incidentId: string;
}

export function dependencyCause(
  dependsOn: readonly string[],
  openIncidents: ReadonlyMap<string, string>,
): DependencyCause | null {
  for (const monitorId of dependsOn) {
    const incidentId = openIncidents.get(monitorId);
    if (incidentId) return { monitorId, incidentId };
  }
  return null;
}

/**
 * The order a batch's decisions are applied in: monitors without dependencies first, so a
 * dependency and its dependant decided in one batch see the dependency's incident first;
 * then by monitor id and the rounds of each monitor in their order.
 */
export function applyOrder<
  T extends { monitorId: string; hasDependencies: boolean; scheduledAt: number; round: number },
>(a: T, b: T): number {
  if (a.hasDependencies !== b.hasDependencies) return a.hasDependencies ? 1 : -1;
  if (a.monitorId !== b.monitorId) return a.monitorId < b.monitorId ? -1 : 1;
  return a.scheduledAt - b.scheduledAt || a.round - b.round;
}
