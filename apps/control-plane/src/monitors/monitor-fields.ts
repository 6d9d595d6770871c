import { HEARTBEAT_DEFAULTS, issuePingToken, nextExpectedBy, pingBaseUrl } from '../heartbeats/heartbeat-rules';
import { emptyHeartbeatState } from '../heartbeats/heartbeat-state.entity';
import { UpdateMonitorDto } from './dto/monitor.dto';
import { emptyReadModel, MonitorEntity, MonitorType } from './monitor.entity';
import { sanitizeSlug } from './monitor.mapper';
import { MASK, normalizeHost, TYPE_RULES } from './monitor-types';

/** A new monitor with the reference defaults (StatusRooster) of every type, before the request's fields. */
export function monitorDefaults(
  id: string,
  accountId: string,
  regions: string[],
  intervalSeconds: number,
  monitorType: MonitorType = 'http',
): MonitorEntity {
  return Object.assign(new MonitorEntity(), {
    id,
    accountId,
    monitorType,
    httpMethod: 'GET',
    expectedStatusCode: 200,
    timeout: 10,
    followRedirects: true,
    forwardHeadersOnRedirect: false,
    basicAuthUser: '',
    basicAuthPass: '',
    bearerToken: '',
    requestBody: '',
    requestContentType: '',
    customHeaders: [],
    keyword: '',
    responseThresholdMs: null,
    authHeader: '',
    jsonAssertions: [],
    sslDomain: '',
    sslPort: 443,
    sslExpiryThresholdDays: 30,
    host: '',
    port: null,
    tcpSend: '',
    tcpExpect: '',
    pingCount: 3,
    pingIntervalMs: 1000,
    maxPacketLoss: 0,
    sipTransport: 'udp' as const,
    sipExpectedCodes: [200],
    domainName: '',
    domainExpiryThresholdDays: 30,
    rdapServer: '',
    whoisServer: '',
    dnsHostname: '',
    dnsRecordType: 'A' as const,
    dnsResolver: '',
    dnsExpected: [],
    checkInterval: intervalSeconds,
    regions,
    alertEmail: '',
    alertSlackWebhook: '',
    webhookUrl: '',
    alertDiscordWebhook: '',
    slaTarget: null,
    slaWindowDays: 30,
    confirmationRounds: 1,
    recoveryRounds: 1,
    degradedThresholdMs: null,
    retries: 0,
    regionalIncidentRounds: 3,
    flapThreshold: 5,
    flapWindowSeconds: 3600,
    reminderIntervalSeconds: 0,
    dependsOn: [],
    public: true,
    paused: false,
    group: '',
    tags: [],
    maintenanceWindows: [],
    heartbeatInterval: null,
    heartbeatGracePeriod: null,
    pingTokenHash: null,
    pingTokenHint: null,
    // Nothing decided yet (the decisions' monitor_state row comes with the first decision).
    ...emptyReadModel(),
  });
}

/** A target host as sent, normalised when it is a valid host (decimal/hex IPv4 → dotted). */
const host = (v: string | undefined) => (v === undefined ? undefined : (normalizeHost(v) ?? v.trim()));

/**
 * Makes a new monitor a heartbeat monitor (StatusRooster defaults: interval 300 s,
 * grace 60 s): its url is the ping URL, it has no regions (the control plane judges
 * it), and its first ping is expected one interval from now. Returns the ping token,
 * shown once in the create response.
 */
export function initHeartbeat(m: MonitorEntity, publicUrl: string, nowMs: number): string {
  const t = issuePingToken();
  Object.assign(m, {
    monitorType: 'heartbeat' as const,
    heartbeatInterval: m.heartbeatInterval ?? HEARTBEAT_DEFAULTS.intervalSeconds,
    heartbeatGracePeriod: m.heartbeatGracePeriod ?? HEARTBEAT_DEFAULTS.graceSeconds,
    pingTokenHash: t.hash,
    pingTokenHint: t.hint,
  });
  keepHeartbeatShape(m, publicUrl);
  // Stored by the heartbeats context (HeartbeatStateService) in the create's transaction.
  m.heartbeat = emptyHeartbeatState(m.id, new Date(nextExpectedBy(nowMs, m.heartbeatInterval!)));
  return t.token;
}

/** A heartbeat monitor's fixed fields, restored after a request's fields are applied. */
export function keepHeartbeatShape(m: MonitorEntity, publicUrl: string): void {
  m.url = pingBaseUrl(publicUrl, m.id);
  m.regions = [];
  m.quorum = 0;
}

/**
 * Copies the fields a request sets onto a monitor: omitted fields are kept, `""`
 * and `[]` clear. Create and both update verbs (PUT and PATCH are partial) use it.
 * A credential sent back as `"********"` (the masked value a GET shows) is kept as it was.
 * The quorum is left to the caller (its default depends on the old and new regions);
 * the type is checked by the caller (fields of another type are refused before this).
 */
export function applyChanges(m: MonitorEntity, dto: UpdateMonitorDto): void {
  const set = <K extends keyof MonitorEntity>(key: K, value: MonitorEntity[K] | undefined) => {
    if (value !== undefined) m[key] = value;
  };
  const secret = (
    key: 'basicAuthPass' | 'bearerToken' | 'authHeader' | 'alertSlackWebhook' | 'webhookUrl' | 'alertDiscordWebhook',
    value: string | undefined,
  ) => {
    if (value !== MASK) set(key, value);
  };
  set('name', dto.name?.trim());
  set('url', dto.url?.trim());
  set('httpMethod', dto.http_method);
  set('expectedStatusCode', dto.expected_status_code);
  set('timeout', dto.timeout);
  set('followRedirects', dto.follow_redirects);
  set('forwardHeadersOnRedirect', dto.forward_headers_on_redirect);
  set('basicAuthUser', dto.basic_auth_user);
  secret('basicAuthPass', dto.basic_auth_pass);
  secret('bearerToken', dto.bearer_token);
  secret('authHeader', dto.auth_header?.trim());
  set(
    'jsonAssertions',
    dto.json_assertions?.map((a) => ({ path: a.path.trim(), operator: a.operator, value: a.value ?? '' })),
  );
  set('sslDomain', host(dto.ssl_domain));
  set('sslPort', dto.ssl_port);
  set('sslExpiryThresholdDays', dto.ssl_expiry_threshold_days);
  set('host', host(dto.host));
  set('port', dto.port);
  set('tcpSend', dto.send);
  set('tcpExpect', dto.expect);
  set('pingCount', dto.ping_count);
  set('pingIntervalMs', dto.ping_interval_ms);
  set('maxPacketLoss', dto.max_packet_loss);
  set('sipTransport', dto.sip_transport);
  set('sipExpectedCodes', dto.sip_expected_codes ? [...new Set(dto.sip_expected_codes)] : undefined);
  set('domainName', dto.domain?.trim().toLowerCase().replace(/\.$/, ''));
  set('domainExpiryThresholdDays', dto.domain_expiry_threshold_days);
  set('rdapServer', dto.rdap_server?.trim());
  set('whoisServer', dto.whois_server?.trim());
  set('dnsHostname', dto.hostname?.trim().toLowerCase());
  set('dnsRecordType', dto.record_type);
  set('dnsResolver', dto.resolver?.trim());
  set(
    'dnsExpected',
    dto.expected?.map((v) => v.trim()),
  );
  set('requestBody', dto.request_body);
  set('requestContentType', dto.request_content_type);
  set(
    'customHeaders',
    dto.custom_headers?.map((h) => ({ key: h.key, value: h.value, ...(h.sensitive ? { sensitive: true } : {}) })),
  );
  set('keyword', dto.keyword);
  if (dto.response_threshold_ms !== undefined) m.responseThresholdMs = dto.response_threshold_ms?.trim() || null;
  set('checkInterval', dto.check_interval);
  set('regions', dto.regions);
  set('alertEmail', dto.alert_email);
  secret('alertSlackWebhook', dto.alert_slack_webhook);
  secret('webhookUrl', dto.webhook_url);
  secret('alertDiscordWebhook', dto.alert_discord_webhook);
  if (dto.sla_target !== undefined) m.slaTarget = dto.sla_target;
  set('slaWindowDays', dto.sla_window_days);
  set('confirmationRounds', dto.confirmation_rounds);
  set('recoveryRounds', dto.recovery_rounds);
  set('retries', dto.retries);
  set('regionalIncidentRounds', dto.regional_incident_rounds);
  if (dto.degraded_threshold_ms !== undefined) m.degradedThresholdMs = dto.degraded_threshold_ms;
  set('flapThreshold', dto.flap_threshold);
  set('flapWindowSeconds', dto.flap_window_seconds);
  set('reminderIntervalSeconds', dto.reminder_interval_seconds);
  set('dependsOn', dto.depends_on ? [...new Set(dto.depends_on.map((d) => d.trim()))] : undefined);
  set('public', dto.public);
  set('paused', dto.paused);
  set('group', dto.group);
  set('slug', dto.slug === undefined ? undefined : sanitizeSlug(dto.slug));
  set('tags', dto.tags);
  set('heartbeatInterval', dto.heartbeat_interval);
  set('heartbeatGracePeriod', dto.heartbeat_grace_period);
  set(
    'maintenanceWindows',
    dto.maintenance_windows?.map((w) => ({ day: w.day, start_utc: w.start_utc, end_utc: w.end_utc })),
  );
  m.url = TYPE_RULES[m.monitorType].url(m);
}
