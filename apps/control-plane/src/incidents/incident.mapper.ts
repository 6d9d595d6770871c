import { IncidentEntity, IncidentUpdateEntity } from './incident.entity';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toIncidentUpdateResponse(u: IncidentUpdateEntity) {
  return { id: u.id, label: u.label, content: u.content, status: u.status, created_at: u.createdAt.toISOString() };
}

/** An automatic incident's title (it has none of its own). */
export const incidentTitle = (i: IncidentEntity): string => i.title ?? `${i.monitorName} is down`;

/** The affected monitors: a manual incident's list, an automatic incident's one monitor. */
export const affectedMonitorIds = (i: IncidentEntity): string[] =>
  i.type === 'manual' ? [...(i.monitorIds ?? [])] : i.monitorId ? [i.monitorId] : [];

/**
 * StatusRooster's incident document plus StatusPool's `affected_regions`, and the
 * timeline of SPEC 3.7a: `type`, `title`, `description`, `impact`, `monitor_ids` and
 * `updates` (oldest first). A manual incident's `monitor_id` is its first affected monitor.
 */
export function toIncidentResponse(i: IncidentEntity, updates: IncidentUpdateEntity[] = []) {
  const monitorIds = affectedMonitorIds(i);
  return {
    id: i.id,
    type: i.type ?? 'automatic',
    title: incidentTitle(i),
    description: i.description ?? null,
    impact: i.impact ?? (i.type === 'manual' || i.type === 'regional' ? 'minor' : 'major'),
    monitor_id: monitorIds[0] ?? null,
    monitor_ids: monitorIds,
    monitor_name: i.monitorName || null,
    monitor_url: i.monitorUrl || null,
    monitor_type: i.monitorType || null,
    status: i.status,
    status_code: i.statusCode,
    response_ms: i.responseMs,
    started_at: i.startedAt.toISOString(),
    resolved_at: iso(i.resolvedAt),
    updated_at: (i.updatedAt ?? i.resolvedAt ?? i.startedAt).toISOString(),
    duration_seconds: i.durationSeconds,
    failure_error_message: i.failureErrorMessage,
    failure_response_headers: i.failureResponseHeaders,
    failure_response_body: i.failureResponseBody,
    regions_checked: i.regionsChecked,
    regions_up: i.regionsUp,
    region_results: i.regionResults,
    affected_regions: i.affectedRegions,
    caused_by_incident_id: i.causedByIncidentId ?? null,
    updates: updates.map(toIncidentUpdateResponse),
  };
}
