import { uptimePercentText } from './page-rules';
import type { PageSnapshot } from './public-status.service';

/**
 * Pure: StatusCore's `GET /api/public/status/{slug}` document. A monitor's `id` is its
 * slug (internal ids never leave the API); `history` holds the 90 daily entries.
 * `uptime_percentage` is a string with two decimals, as in the reference ("100.00" without data).
 * Incidents keep the reference's fields and add `type`, `title`, `impact`, `incident_status`
 * and `updates` (newest first). `maintenance` (an addition): active, upcoming and recent
 * scheduled maintenance with affected monitors by slug and their timeline (newest first).
 */
export function statusCoreDocument(s: PageSnapshot) {
  return {
    company_name: s.view.page.companyName || s.view.page.title,
    monitors: s.monitors.map((m) => ({
      id: m.slug,
      name: m.name,
      type: m.type,
      status: m.paused ? 'paused' : m.status,
      uptime_percentage: uptimePercentText(m.uptime90.checks, m.uptime90.failures) ?? '100.00',
      history: m.days.map((d) => ({
        date: d.day,
        uptime_percentage: uptimePercentText(d.checks, d.failures),
        checks: d.checks,
        failures: d.failures,
      })),
    })),
    // The reference's five fields, then the timeline (SPEC 3.7a): a manual incident is `open` until resolved.
    incidents: [...s.activeIncidents, ...s.pastIncidents].map((i) => ({
      id: i.id,
      monitor_name: i.monitorName,
      started_at: i.startedAt.toISOString(),
      resolved_at: i.resolvedAt ? i.resolvedAt.toISOString() : null,
      status: i.resolved ? 'resolved' : 'open',
      type: i.kind,
      title: i.title,
      impact: i.impact,
      incident_status: i.status === 'open' ? 'investigating' : i.status,
      updates: [...i.updates]
        .reverse()
        .map((u) => ({ id: u.id, timestamp: u.at.toISOString(), label: u.label, content: u.content })),
    })),
    maintenance: [...s.activeMaintenance, ...s.upcomingMaintenance, ...s.pastMaintenance].map((m) => ({
      id: m.id,
      title: m.title,
      description: m.description,
      status: m.status,
      monitor_ids: m.monitorSlugs,
      starts_at: m.startsAt.toISOString(),
      ends_at: m.endsAt.toISOString(),
      updates: [...m.updates]
        .reverse()
        .map((u) => ({ id: u.id, timestamp: u.at.toISOString(), label: u.label, content: u.content })),
    })),
  };
}
