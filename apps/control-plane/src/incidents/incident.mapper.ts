import { IncidentEntity } from './incident.entity';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** StatusRooster's incident document plus StatusPool's `affected_regions`. */
export function toIncidentResponse(i: IncidentEntity) {
  return {
    id: i.id,
    monitor_id: i.monitorId,
    monitor_name: i.monitorName,
    monitor_url: i.monitorUrl,
    monitor_type: i.monitorType,
    status: i.status,
    status_code: i.statusCode,
    response_ms: i.responseMs,
    started_at: i.startedAt.toISOString(),
    resolved_at: iso(i.resolvedAt),
    duration_seconds: i.durationSeconds,
    failure_error_message: i.failureErrorMessage,
    failure_response_headers: i.failureResponseHeaders,
    failure_response_body: i.failureResponseBody,
    regions_checked: i.regionsChecked,
    regions_up: i.regionsUp,
    region_results: i.regionResults,
    affected_regions: i.affectedRegions,
  };
}
