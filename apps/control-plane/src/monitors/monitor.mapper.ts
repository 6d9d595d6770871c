import type { CheckSpec } from '@parallax/contracts';
import { MonitorEntity } from './monitor.entity';
import { mask, TYPE_RULES } from './monitor-types';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The API's monitor document: the common fields and the type's own; credentials
 * write-only. A heartbeat monitor's `url` and `ping_url` carry its ping token in full
 * only in the response that issues it (`pingToken`), masked afterwards.
 */
export function toMonitorResponse(
  m: MonitorEntity,
  publicUrl: string,
  pingToken: string | null = null,
  flappingSince: Date | null = null,
) {
  const rules = TYPE_RULES[m.monitorType];
  const uptime = m.checksTotal === 0 ? 100 : Math.round((1 - m.checksFailed / m.checksTotal) * 100_000) / 1000;
  return {
    id: m.id,
    monitor_type: m.monitorType,
    name: m.name,
    url: m.url,
    status: m.status,
    ...rules.view(m, { publicUrl, pingToken }),
    check_interval: m.checkInterval,
    regions: m.regions,
    quorum: rules.probed ? m.quorum : null,
    confirmation_rounds: rules.probed ? m.confirmationRounds : null,
    recovery_rounds: rules.probed ? m.recoveryRounds : null,
    degraded_threshold_ms: rules.probed ? m.degradedThresholdMs : null,
    pending_status: rules.probed ? m.pendingStatus : null,
    retries: rules.fields.includes('retries') ? m.retries : null,
    regional_incident_rounds: rules.probed ? m.regionalIncidentRounds : null,
    flap_threshold: m.flapThreshold,
    flap_window_seconds: m.flapWindowSeconds,
    reminder_interval_seconds: m.reminderIntervalSeconds,
    depends_on: m.dependsOn ?? [],
    flapping: flappingSince !== null,
    flapping_since: iso(flappingSince),
    uptime_percent: uptime,
    checks_total: m.checksTotal,
    checks_failed: m.checksFailed,
    last_checked: iso(m.lastChecked),
    last_response_by_region: m.lastResponseByRegion,
    location_status: m.locationStatus,
    alert_email: m.alertEmail,
    // The alert URLs embed their secret (Slack's and Discord's webhook tokens): write-only, like credentials.
    alert_slack_webhook: mask(m.alertSlackWebhook),
    webhook_url: mask(m.webhookUrl),
    alert_discord_webhook: mask(m.alertDiscordWebhook),
    sla_target: m.slaTarget,
    sla_window_days: m.slaWindowDays,
    maintenance_windows: m.maintenanceWindows,
    public: m.public,
    paused: m.paused,
    group: m.group,
    tags: m.tags,
    slug: m.slug,
    status_changed_at: iso(m.statusChangedAt),
    created_at: m.createdAt.toISOString(),
    updated_at: m.updatedAt.toISOString(),
  };
}
export type MonitorResponse = ReturnType<typeof toMonitorResponse>;

/** The snapshot of a monitor that travels to the probes in each job; null for a type probes do not run. */
export function toCheckSpec(m: MonitorEntity): CheckSpec | null {
  return TYPE_RULES[m.monitorType].checkSpec(m);
}

/** `My Website` → `my-website-a3f8c1` (StatusRooster's auto slug). */
export function autoSlug(name: string, id: string): string {
  return `${sanitizeSlug(name).slice(0, 60) || 'monitor'}-${id.slice(-6)}`;
}

/** Lowercase alphanumerics and single hyphens. */
export function sanitizeSlug(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
