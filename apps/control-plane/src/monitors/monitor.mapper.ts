import type { HttpCheckSpec } from '@parallax/contracts';
import { pingUrl } from '../heartbeats/heartbeat-rules';
import { MonitorEntity } from './monitor.entity';

const MASK = '********';
const mask = (v: string) => (v ? MASK : '');
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The API's monitor document: snake_case, credentials write-only. A heartbeat
 * monitor's `url` and `ping_url` carry its ping token in full only in the response
 * that issues it (`pingToken`), masked afterwards.
 */
export function toMonitorResponse(m: MonitorEntity, publicUrl: string, pingToken: string | null = null) {
  const heartbeat = m.monitorType === 'heartbeat';
  const ping = heartbeat ? pingUrl(publicUrl, m.id, pingToken, m.pingTokenHint) : null;
  const uptime = m.checksTotal === 0 ? 100 : Math.round((1 - m.checksFailed / m.checksTotal) * 100_000) / 1000;
  return {
    id: m.id,
    monitor_type: m.monitorType,
    name: m.name,
    url: ping ?? m.url,
    status: m.status,
    ping_url: ping,
    heartbeat_interval: heartbeat ? m.heartbeatInterval : null,
    heartbeat_grace_period: heartbeat ? m.heartbeatGracePeriod : null,
    last_ping_at: heartbeat ? iso(m.lastPingAt) : null,
    expected_status_code: m.expectedStatusCode,
    timeout: m.timeout,
    http_method: m.httpMethod,
    follow_redirects: m.followRedirects,
    basic_auth_user: m.basicAuthUser,
    basic_auth_pass: mask(m.basicAuthPass),
    bearer_token: mask(m.bearerToken),
    request_body: m.requestBody,
    request_content_type: m.requestContentType,
    custom_headers: m.customHeaders,
    keyword: m.keyword,
    response_threshold_ms: m.responseThresholdMs,
    check_interval: m.checkInterval,
    regions: m.regions,
    quorum: heartbeat ? null : m.quorum,
    uptime_percent: uptime,
    checks_total: m.checksTotal,
    checks_failed: m.checksFailed,
    last_checked: iso(m.lastChecked),
    last_status_code: m.lastStatusCode,
    last_response_ms: m.lastResponseMs,
    last_response_by_region: m.lastResponseByRegion,
    location_status: m.locationStatus,
    ssl_expiry: iso(m.sslExpiry),
    ssl_issuer: m.sslIssuer,
    alert_email: m.alertEmail,
    alert_slack_webhook: m.alertSlackWebhook,
    webhook_url: m.webhookUrl,
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

/** The snapshot of a monitor that travels to the probes in each job. */
export function toCheckSpec(m: MonitorEntity): HttpCheckSpec {
  const sendsBody = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(m.httpMethod) && m.requestBody !== '';
  return {
    type: 'http',
    url: m.url,
    method: m.httpMethod as HttpCheckSpec['method'],
    headers: m.customHeaders,
    body: sendsBody ? m.requestBody : null,
    content_type: sendsBody && m.requestContentType ? m.requestContentType : null,
    basic_auth_user: m.basicAuthUser || null,
    basic_auth_pass: m.basicAuthUser ? m.basicAuthPass : null,
    bearer_token: m.bearerToken || null,
    follow_redirects: m.followRedirects,
    expected_status_code: m.expectedStatusCode,
    timeout_ms: m.timeout * 1000,
    keyword: m.keyword || null,
    response_threshold_ms: m.responseThresholdMs || null,
  };
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
