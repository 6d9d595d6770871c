import * as net from 'node:net';
import {
  ExpressionError,
  JsonPathError,
  parseJsonPath,
  parseKeyword,
  parseResolver,
  parseThreshold,
  parseWhoisServer,
} from '@parallax/checks';
import type { CheckSpec, HttpCheckSpec } from '@parallax/contracts';
import type { FieldError } from '../common/errors';
import { heartbeatFieldErrors, heartbeatMinInterval, pingUrl } from '../heartbeats/heartbeat-rules';
import type { CreateMonitorDto } from './dto/monitor.dto';
import type { MonitorEntity, MonitorType } from './monitor.entity';

/**
 * Everything that differs between monitor types, keyed by `monitor_type`: which request
 * fields a type takes and requires, its rules beyond field types (pure), the hosts the SSRF
 * guard must see at create/update, its derived `url`, its fields in the API document and
 * the check spec its probe jobs carry (null: the type sends no probe jobs).
 */
export type RequestField = keyof CreateMonitorDto;

/** A host the SSRF guard checks: `lookup` false for an address that is never resolved (a DNS resolver). */
export interface GuardTarget {
  field: string;
  host: string;
  lookup: boolean;
}

export interface TypeRuleContext {
  /** The configured regions. */
  regions: readonly string[];
  /** The account's plan minimum check interval. */
  minIntervalSeconds: number;
}

export interface ViewContext {
  /** PUBLIC_URL, the base of heartbeat ping URLs. */
  publicUrl: string;
  /** A heartbeat ping token, in full only in the answer that issues it. */
  pingToken: string | null;
}

export interface MonitorTypeRules {
  /** Request fields of this type, besides the common ones. */
  readonly fields: readonly RequestField[];
  /** Another type's field: refused with 422, or ignored (heartbeat: its url, regions and quorum are fixed). */
  readonly foreignFields: 'refuse' | 'ignore';
  /** Checked by probes from `regions` with a `quorum` (false: the control plane judges it). */
  readonly probed: boolean;
  /** Each round asks one region only (the first of `regions` with a probe online), not every region. */
  readonly oneRegionPerRound?: boolean;
  /** Fields that must be set once the request is applied (create and update). */
  readonly required: readonly RequestField[];
  validate(m: MonitorEntity, errors: FieldError[], ctx: TypeRuleContext): void;
  guardTargets(m: MonitorEntity): GuardTarget[];
  /** The monitor's `url` (shown, and in incidents): the URL itself, or one derived from the target. */
  url(m: MonitorEntity): string;
  view(m: MonitorEntity, ctx: ViewContext): Record<string, unknown>;
  /** The spec of its probe jobs; null for a type no probe runs. */
  checkSpec(m: MonitorEntity): CheckSpec | null;
}

/** Fields every monitor type takes. */
export const COMMON_FIELDS: readonly RequestField[] = [
  'name',
  'monitor_type',
  'check_interval',
  'regions',
  'quorum',
  'confirmation_rounds',
  'recovery_rounds',
  'degraded_threshold_ms',
  'regional_incident_rounds',
  'flap_threshold',
  'flap_window_seconds',
  'reminder_interval_seconds',
  'depends_on',
  'alert_email',
  'alert_slack_webhook',
  'webhook_url',
  'alert_discord_webhook',
  'sla_target',
  'sla_window_days',
  'public',
  'paused',
  'group',
  'slug',
  'tags',
  'maintenance_windows',
];

export const MASK = '********';
export const mask = (v: string) => (v ? MASK : '');
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function checkHttpUrl(field: string, value: string, errors: FieldError[]): URL | null {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    errors.push({ field, message: `${field} must be a valid URL including http:// or https://` });
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    errors.push({ field, message: `${field} must use http:// or https://` });
    return null;
  }
  if (u.username || u.password) {
    errors.push({ field, message: `${field} must not contain credentials; use basic_auth_user and basic_auth_pass` });
    return null;
  }
  return u;
}

const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/i;

/** A DNS name: dot-separated labels of letters, digits, `-` and `_`, an optional trailing dot. */
export function isDnsName(s: string): boolean {
  const t = s.endsWith('.') ? s.slice(0, -1) : s;
  return t.length > 0 && t.length <= 253 && t.split('.').every((l) => LABEL.test(l));
}

/**
 * A target host as the probe will use it: lower case, IPv4 in any notation a URL accepts
 * (decimal `2130706433`, hex `0x7f.1`) normalised to dotted form, IPv6 without brackets.
 * null when it is not a bare host (a scheme, path, port or space).
 */
export function normalizeHost(raw: string): string | null {
  const s = raw.trim();
  if (s === '' || /[\s/?#@\\]/.test(s)) return null;
  const bare = s.startsWith('[') && s.endsWith(']') ? s.slice(1, -1) : s;
  if (net.isIPv6(bare)) return new URL(`http://[${bare}]/`).hostname.slice(1, -1);
  if (s.includes(':')) return null; // a port or a scheme
  let host: string;
  try {
    host = new URL(`http://${s}/`).hostname;
  } catch {
    return null;
  }
  return net.isIPv4(host) || isDnsName(host) ? host : null;
}

/** Runs `parse` on a non-empty expression field; an ExpressionError becomes a 422 detail. */
function checkExpression(
  field: string,
  value: string | null,
  parse: (s: string) => unknown,
  describe: string,
  errors: FieldError[],
): void {
  if (!value) return;
  try {
    parse(value);
  } catch (e) {
    if (!(e instanceof ExpressionError)) throw e;
    errors.push({ field, message: `${field} ${describe}: ${e.message}` });
  }
}

/** keyword and response_threshold_ms, shared by http and json_api. */
function checkExpressions(m: MonitorEntity, errors: FieldError[]): void {
  checkExpression('keyword', m.keyword, parseKeyword, 'is not a valid expression', errors);
  checkExpression(
    'response_threshold_ms',
    m.responseThresholdMs,
    parseThreshold,
    'must look like "> 2000", "< 50" or "200-3000"',
    errors,
  );
}

/** The monitor's own alert endpoints (webhook_url, Slack, Discord): the dispatcher calls them, every type has them. */
export function alertTargets(m: MonitorEntity): GuardTarget[] {
  const fields: [string, string][] = [
    ['webhook_url', m.webhookUrl],
    ['alert_slack_webhook', m.alertSlackWebhook],
    ['alert_discord_webhook', m.alertDiscordWebhook],
  ];
  return fields
    .filter(([, url]) => url)
    .map(([field, url]) => ({ field, host: new URL(url).hostname.replace(/^\[|\]$/g, ''), lookup: true }));
}

function urlTarget(m: MonitorEntity): GuardTarget[] {
  try {
    return [{ field: 'url', host: new URL(m.url).hostname.replace(/^\[|\]$/g, ''), lookup: true }];
  } catch {
    return [];
  }
}

/** The check spec fields http and json_api share. */
function httpSpecShared(m: MonitorEntity) {
  return {
    url: m.url,
    follow_redirects: m.followRedirects,
    forward_headers_on_redirect: m.forwardHeadersOnRedirect,
    expected_status_code: m.expectedStatusCode,
    timeout_ms: m.timeout * 1000,
    keyword: m.keyword || null,
    response_threshold_ms: m.responseThresholdMs || null,
  };
}

/** The document fields http and json_api share (the reference's "HTTP & JSON/API Fields"). */
function httpShared(m: MonitorEntity) {
  return {
    expected_status_code: m.expectedStatusCode,
    timeout: m.timeout,
    follow_redirects: m.followRedirects,
    forward_headers_on_redirect: m.forwardHeadersOnRedirect,
    keyword: m.keyword,
    response_threshold_ms: m.responseThresholdMs,
    last_status_code: m.lastStatusCode,
    last_response_ms: m.lastResponseMs,
    ssl_expiry: iso(m.sslExpiry),
    ssl_issuer: m.sslIssuer,
  };
}

const http: MonitorTypeRules = {
  foreignFields: 'refuse',
  probed: true,
  fields: [
    'retries',
    'url',
    'expected_status_code',
    'timeout',
    'http_method',
    'follow_redirects',
    'forward_headers_on_redirect',
    'basic_auth_user',
    'basic_auth_pass',
    'bearer_token',
    'request_body',
    'request_content_type',
    'custom_headers',
    'keyword',
    'response_threshold_ms',
  ],
  required: ['url'],
  validate(m, errors) {
    if (m.url) checkHttpUrl('url', m.url, errors);
    checkExpressions(m, errors);
    if (m.basicAuthUser && !m.basicAuthPass) {
      errors.push({ field: 'basic_auth_pass', message: 'basic_auth_pass is required when basic_auth_user is set' });
    }
  },
  guardTargets: urlTarget,
  url: (m) => m.url,
  view: (m) => ({
    ...httpShared(m),
    http_method: m.httpMethod,
    basic_auth_user: m.basicAuthUser,
    basic_auth_pass: mask(m.basicAuthPass),
    bearer_token: mask(m.bearerToken),
    request_body: m.requestBody,
    request_content_type: m.requestContentType,
    custom_headers: m.customHeaders,
  }),
  checkSpec(m): HttpCheckSpec {
    const sendsBody = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(m.httpMethod) && m.requestBody !== '';
    return {
      type: 'http',
      ...httpSpecShared(m),
      method: m.httpMethod as HttpCheckSpec['method'],
      headers: m.customHeaders,
      body: sendsBody ? m.requestBody : null,
      content_type: sendsBody && m.requestContentType ? m.requestContentType : null,
      basic_auth_user: m.basicAuthUser || null,
      basic_auth_pass: m.basicAuthUser ? m.basicAuthPass : null,
      bearer_token: m.bearerToken || null,
    };
  },
};

/**
 * StatusCore's `https`: an http monitor whose URL must be https and whose certificate is
 * checked: invalid fails the check (as for every https URL), within
 * `ssl_expiry_threshold_days` of its expiry the monitor is `warn` (as ssl monitors).
 * `ssl_check` switches a monitor between http and https (monitor-aliases.ts).
 */
const https: MonitorTypeRules = {
  ...http,
  fields: [...http.fields, 'ssl_expiry_threshold_days'],
  validate(m, errors, ctx) {
    http.validate(m, errors, ctx);
    if (m.url && !m.url.toLowerCase().startsWith('https://') && !errors.some((e) => e.field === 'url')) {
      errors.push({
        field: 'url',
        message: 'url must use https:// for https monitors (use monitor_type "http" for plain http)',
      });
    }
  },
  view: (m, ctx) => ({ ...http.view(m, ctx), ssl_expiry_threshold_days: m.sslExpiryThresholdDays }),
  checkSpec: (m) => ({ ...(http.checkSpec(m) as HttpCheckSpec), cert_expiry_threshold_days: m.sslExpiryThresholdDays }),
};

const NUMERIC_OPERATORS: ReadonlySet<string> = new Set(['greater_than', 'less_than']);

const jsonApi: MonitorTypeRules = {
  foreignFields: 'refuse',
  probed: true,
  fields: [
    'url',
    'expected_status_code',
    'timeout',
    'follow_redirects',
    'forward_headers_on_redirect',
    'auth_header',
    'json_assertions',
    'keyword',
    'response_threshold_ms',
    'retries',
  ],
  required: ['url'],
  validate(m, errors) {
    if (m.url) checkHttpUrl('url', m.url, errors);
    checkExpressions(m, errors);
    m.jsonAssertions.forEach((a, i) => {
      try {
        parseJsonPath(a.path);
      } catch (e) {
        if (!(e instanceof JsonPathError)) throw e;
        errors.push({ field: `json_assertions[${i}].path`, message: `path is not a valid JSON path: ${e.message}` });
      }
      if (NUMERIC_OPERATORS.has(a.operator) && (a.value.trim() === '' || !Number.isFinite(Number(a.value)))) {
        errors.push({
          field: `json_assertions[${i}].value`,
          message: `value must be a number for ${a.operator}, got ${JSON.stringify(a.value)}`,
        });
      }
    });
  },
  guardTargets: urlTarget,
  url: (m) => m.url,
  view: (m) => ({ ...httpShared(m), auth_header: mask(m.authHeader), json_assertions: m.jsonAssertions }),
  checkSpec: (m) => ({
    type: 'json_api',
    ...httpSpecShared(m),
    authorization: m.authHeader || null,
    json_assertions: m.jsonAssertions,
  }),
};

function checkHostField(field: string, value: string, errors: FieldError[], example: string): void {
  if (normalizeHost(value) === null) {
    errors.push({
      field,
      message: `${field} must be a bare host name or IP address like ${example} (no scheme, port or path)`,
    });
  }
}

const ssl: MonitorTypeRules = {
  foreignFields: 'refuse',
  probed: true,
  fields: ['ssl_domain', 'ssl_port', 'ssl_expiry_threshold_days', 'timeout', 'retries'],
  required: ['ssl_domain'],
  validate(m, errors) {
    if (m.sslDomain) checkHostField('ssl_domain', m.sslDomain, errors, '"example.com"');
  },
  guardTargets: (m) => [{ field: 'ssl_domain', host: m.sslDomain, lookup: true }],
  url: (m) =>
    `https://${net.isIPv6(m.sslDomain) ? `[${m.sslDomain}]` : m.sslDomain}${m.sslPort === 443 ? '' : `:${m.sslPort}`}`,
  view: (m) => ({
    ssl_domain: m.sslDomain,
    ssl_port: m.sslPort,
    ssl_expiry_threshold_days: m.sslExpiryThresholdDays,
    timeout: m.timeout,
    ssl_expiry: iso(m.sslExpiry),
    ssl_issuer: m.sslIssuer,
  }),
  checkSpec: (m) => ({
    type: 'ssl',
    host: m.sslDomain,
    port: m.sslPort,
    timeout_ms: m.timeout * 1000,
    expiry_threshold_days: m.sslExpiryThresholdDays,
    check_protocols: true,
  }),
};

const tcp: MonitorTypeRules = {
  foreignFields: 'refuse',
  probed: true,
  fields: ['host', 'port', 'send', 'expect', 'timeout', 'retries'],
  required: ['host', 'port'],
  validate(m, errors) {
    if (m.host) checkHostField('host', m.host, errors, '"db.example.com" or "10.0.0.5"');
  },
  guardTargets: (m) => [{ field: 'host', host: m.host, lookup: true }],
  url: (m) => `tcp://${net.isIPv6(m.host) ? `[${m.host}]` : m.host}:${m.port}`,
  view: (m) => ({
    host: m.host,
    port: m.port,
    send: m.tcpSend,
    expect: m.tcpExpect,
    timeout: m.timeout,
    last_response_ms: m.lastResponseMs,
  }),
  checkSpec: (m) => ({
    type: 'tcp',
    host: m.host,
    port: m.port ?? 0,
    timeout_ms: m.timeout * 1000,
    send: m.tcpSend || null,
    expect: m.tcpExpect || null,
  }),
};

/**
 * ping (StatusCore): `ping_count` ICMP echoes `ping_interval_ms` apart from every region;
 * down when more than `max_packet_loss` percent are lost (default 0), always when all are.
 * The echoes and the last reply's wait must fit in `timeout`.
 */
const ping: MonitorTypeRules = {
  foreignFields: 'refuse',
  probed: true,
  fields: ['host', 'ping_count', 'ping_interval_ms', 'max_packet_loss', 'timeout', 'retries'],
  required: ['host'],
  validate(m, errors) {
    if (m.host) checkHostField('host', m.host, errors, '"example.com" or "192.0.2.10"');
    const sendingMs = (m.pingCount - 1) * m.pingIntervalMs;
    if (sendingMs + 200 > m.timeout * 1000) {
      errors.push({
        field: 'ping_count',
        message: `ping_count ${m.pingCount} × ping_interval_ms ${m.pingIntervalMs} does not fit in timeout ${m.timeout} s (the echoes take ${sendingMs} ms, plus at least 200 ms for the last reply)`,
      });
    }
  },
  guardTargets: (m) => [{ field: 'host', host: m.host, lookup: true }],
  url: (m) => `icmp://${net.isIPv6(m.host) ? `[${m.host}]` : m.host}`,
  view: (m) => ({
    host: m.host,
    ping_count: m.pingCount,
    ping_interval_ms: m.pingIntervalMs,
    max_packet_loss: m.maxPacketLoss,
    timeout: m.timeout,
    last_response_ms: m.lastResponseMs,
  }),
  checkSpec: (m) => ({
    type: 'ping',
    host: m.host,
    count: m.pingCount,
    interval_ms: m.pingIntervalMs,
    timeout_ms: m.timeout * 1000,
    max_packet_loss: m.maxPacketLoss,
  }),
};

/** The port a sip monitor checks: its own, or 5060 (5061 for tls, RFC 3261 §19.1.2). */
export const sipPort = (m: MonitorEntity) => m.port ?? (m.sipTransport === 'tls' ? 5061 : 5060);

/**
 * sip (StatusCore): SIP OPTIONS to `host:port` over `sip_transport` from every region; up
 * when the final response code is one of `sip_expected_codes` (default [200]).
 */
const sip: MonitorTypeRules = {
  foreignFields: 'refuse',
  probed: true,
  fields: ['host', 'port', 'sip_transport', 'sip_expected_codes', 'timeout', 'retries'],
  required: ['host'],
  validate(m, errors) {
    if (m.host) checkHostField('host', m.host, errors, '"sip.example.com" or "192.0.2.10"');
  },
  guardTargets: (m) => [{ field: 'host', host: m.host, lookup: true }],
  url: (m) =>
    `${m.sipTransport === 'tls' ? 'sips' : 'sip'}:${net.isIPv6(m.host) ? `[${m.host}]` : m.host}:${sipPort(m)};transport=${m.sipTransport}`,
  view: (m) => ({
    host: m.host,
    port: sipPort(m),
    sip_transport: m.sipTransport,
    sip_expected_codes: m.sipExpectedCodes,
    timeout: m.timeout,
    last_status_code: m.lastStatusCode,
    last_response_ms: m.lastResponseMs,
  }),
  checkSpec: (m) => ({
    type: 'sip',
    host: m.host,
    port: sipPort(m),
    transport: m.sipTransport,
    expected_codes: m.sipExpectedCodes,
    timeout_ms: m.timeout * 1000,
  }),
};

/**
 * domain (StatusCore): the registration's expiry through RDAP, WHOIS as fallback. The
 * registry's answer is the same from everywhere, so each round asks one region (the first
 * of `regions` with a probe online) and the probe reuses a read for 6 hours
 * (libs/checks domain.check.ts): checked every `check_interval`, the registry is asked at
 * most four times a day per probe. `warn` within `domain_expiry_threshold_days`; down when
 * expired, not registered or unknown. `rdap_server` / `whois_server` override the IANA
 * bootstrap registry and referral (SSRF-guarded like every target).
 */
const domain: MonitorTypeRules = {
  foreignFields: 'refuse',
  probed: true,
  oneRegionPerRound: true,
  fields: ['domain', 'domain_expiry_threshold_days', 'rdap_server', 'whois_server', 'timeout'],
  required: ['domain'],
  validate(m, errors) {
    if (m.domainName && (!isDnsName(m.domainName) || net.isIP(m.domainName) !== 0 || !m.domainName.includes('.'))) {
      errors.push({
        field: 'domain',
        message: 'domain must be a registered domain name like "example.com" (no scheme, port or path)',
      });
    }
    if (m.rdapServer) {
      const u = checkHttpUrl('rdap_server', m.rdapServer, errors);
      if (u && (u.search || u.hash))
        errors.push({
          field: 'rdap_server',
          message: 'rdap_server must be an RDAP base URL without query or fragment, like "https://rdap.example.net/"',
        });
    }
    if (m.whoisServer) {
      const w = parseWhoisServer(m.whoisServer);
      if (!w || normalizeHost(w.host) === null)
        errors.push({
          field: 'whois_server',
          message: 'whois_server must be a host with an optional port, like "whois.example.net" or "192.0.2.7:43"',
        });
    }
  },
  guardTargets(m) {
    const out: GuardTarget[] = [];
    if (m.rdapServer) {
      try {
        out.push({ field: 'rdap_server', host: new URL(m.rdapServer).hostname.replace(/^\[|\]$/g, ''), lookup: true });
      } catch {
        /* refused by validate */
      }
    }
    const w = m.whoisServer ? parseWhoisServer(m.whoisServer) : null;
    if (w) out.push({ field: 'whois_server', host: w.host, lookup: true });
    return out;
  },
  url: (m) => `rdap:${m.domainName}`,
  view: (m) => ({
    domain: m.domainName,
    domain_expiry_threshold_days: m.domainExpiryThresholdDays,
    rdap_server: m.rdapServer,
    whois_server: m.whoisServer,
    timeout: m.timeout,
    domain_expiry: iso(m.domainExpiry),
    domain_registrar: m.domainRegistrar,
    domain_status: m.domainStatus,
    last_response_ms: m.lastResponseMs,
  }),
  checkSpec: (m) => ({
    type: 'domain',
    domain: m.domainName,
    expiry_threshold_days: m.domainExpiryThresholdDays,
    rdap_server: m.rdapServer || null,
    whois_server: m.whoisServer || null,
    timeout_ms: m.timeout * 1000,
  }),
};

const dns: MonitorTypeRules = {
  foreignFields: 'refuse',
  probed: true,
  fields: ['hostname', 'record_type', 'resolver', 'expected', 'timeout', 'retries'],
  required: ['hostname'],
  validate(m, errors) {
    if (m.dnsHostname && !isDnsName(m.dnsHostname)) {
      errors.push({ field: 'hostname', message: 'hostname must be a DNS name like "example.com"' });
    }
    if (m.dnsResolver && !parseResolver(m.dnsResolver)) {
      errors.push({
        field: 'resolver',
        message: 'resolver must be an IP address with an optional port, like "1.1.1.1" or "[2606:4700::1111]:53"',
      });
    }
    m.dnsExpected.forEach((v, i) => {
      if (m.dnsRecordType === 'A' && !net.isIPv4(v))
        errors.push({
          field: `expected[${i}]`,
          message: `expected values of an A record must be IPv4 addresses, got ${JSON.stringify(v)}`,
        });
      if (m.dnsRecordType === 'AAAA' && !net.isIPv6(v))
        errors.push({
          field: `expected[${i}]`,
          message: `expected values of an AAAA record must be IPv6 addresses, got ${JSON.stringify(v)}`,
        });
    });
  },
  guardTargets: (m) => {
    const r = m.dnsResolver ? parseResolver(m.dnsResolver) : null;
    return r ? [{ field: 'resolver', host: r.host, lookup: false }] : [];
  },
  url: (m) => `dns://${m.dnsResolver ? `${m.dnsResolver}/` : ''}${m.dnsHostname}?type=${m.dnsRecordType}`,
  view: (m) => ({
    hostname: m.dnsHostname,
    record_type: m.dnsRecordType,
    resolver: m.dnsResolver,
    expected: m.dnsExpected,
    timeout: m.timeout,
    last_response_ms: m.lastResponseMs,
  }),
  checkSpec: (m) => ({
    type: 'dns',
    hostname: m.dnsHostname,
    record_type: m.dnsRecordType,
    resolver: m.dnsResolver || null,
    expected: m.dnsExpected,
    timeout_ms: m.timeout * 1000,
  }),
};

/**
 * A heartbeat monitor is judged by the control plane (heartbeats/): no probe job, no
 * regions; its url is its ping URL. Probe fields sent for it are ignored.
 */
const heartbeat: MonitorTypeRules = {
  foreignFields: 'ignore',
  probed: false,
  fields: ['heartbeat_interval', 'heartbeat_grace_period'],
  required: [],
  validate(m, errors, ctx) {
    errors.push(
      ...heartbeatFieldErrors(
        m.heartbeatInterval ?? NaN,
        m.heartbeatGracePeriod ?? NaN,
        heartbeatMinInterval(ctx.minIntervalSeconds),
      ),
    );
  },
  guardTargets: () => [],
  url: (m) => m.url,
  view: (m, ctx) => {
    const ping = pingUrl(ctx.publicUrl, m.id, ctx.pingToken, m.pingTokenHint);
    return {
      url: ping,
      ping_url: ping,
      heartbeat_interval: m.heartbeatInterval,
      heartbeat_grace_period: m.heartbeatGracePeriod,
      last_ping_at: iso(m.heartbeat?.lastPingAt ?? null),
      /** the last run's duration between /start and its ping */
      last_response_ms: m.lastResponseMs,
    };
  },
  checkSpec: () => null,
};

/** Everything that differs by monitor type, one entry per type (no if/else chain on the type). */
export const TYPE_RULES: Readonly<Record<MonitorType, MonitorTypeRules>> = {
  http,
  https,
  json_api: jsonApi,
  ssl,
  tcp,
  dns,
  heartbeat,
  ping,
  sip,
  domain,
};

/** http and https share their fields: an update may switch between them (StatusCore's `ssl_check`); no other type change. */
export function canSwitchType(from: MonitorType, to: MonitorType): boolean {
  return from === to || ((from === 'http' || from === 'https') && (to === 'http' || to === 'https'));
}

/** The request field → entity property, for the "required" rule. */
const ENTITY_KEY: Partial<Record<RequestField, keyof MonitorEntity>> = {
  url: 'url',
  ssl_domain: 'sslDomain',
  host: 'host',
  port: 'port',
  hostname: 'dnsHostname',
  domain: 'domainName',
};

/**
 * Fields of the request that the monitor's type does not take (one 422 detail each), and
 * required fields still empty after the request was applied.
 */
export function typeFieldProblems(type: MonitorType, dto: object, m: MonitorEntity | null): FieldError[] {
  const rules = TYPE_RULES[type];
  const allowed = new Set<string>([...COMMON_FIELDS, ...rules.fields]);
  const errors: FieldError[] = [];
  if (rules.foreignFields === 'refuse') {
    for (const [key, value] of Object.entries(dto)) {
      if (value === undefined || allowed.has(key)) continue;
      const owners = Object.entries(TYPE_RULES)
        .filter(([, r]) => r.fields.includes(key as RequestField))
        .map(([t]) => t);
      errors.push({
        field: key,
        message: `${key} does not apply to ${type} monitors${owners.length ? ` (only to ${owners.join(', ')} monitors)` : ''}`,
      });
    }
  }
  if (m) {
    for (const f of rules.required) {
      const v = m[ENTITY_KEY[f] ?? (f as keyof MonitorEntity)];
      if (v === '' || v === null || v === undefined)
        errors.push({ field: f, message: `${f} is required for ${type} monitors` });
    }
  }
  return errors;
}
