import { z } from 'zod';
import { REGION_ID_PATTERN } from './subjects';
import { cleanDeep, cleanText, cutText, storableTime } from './text';

/**
 * Versioned message types exchanged over NATS, each with its runtime schema.
 * A consumer validates every message it receives with `parse*`; a malformed
 * message is counted and dropped, never thrown into the consumer loop.
 */

const region = z.string().regex(REGION_ID_PATTERN, 'invalid region id');
// zod's own datetime pattern, compiled once: `z.string().datetime()` builds a new RegExp on
// every parse, which the whole-system bench profile showed among the hottest frames of the
// control plane and the probes (every job and every result carries timestamps).
const ISO_DATETIME = z.datetimeRegex({ offset: true, local: false, precision: null });
const isoDate = z.string().regex(ISO_DATETIME, 'Invalid datetime');

export const HTTP_METHODS = ['GET', 'POST', 'HEAD', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** A custom request header; `sensitive` ones are never sent to another origin after a redirect. */
export const headerSchema = z.object({
  key: z.string().min(1).max(256),
  value: z.string().max(8192),
  sensitive: z.boolean().optional(),
});

/** What a probe needs to run an http check: a snapshot of the monitor at dispatch time. */
export const httpCheckSpecSchema = z.object({
  type: z.literal('http'),
  url: z.string().url().max(2048),
  method: z.enum(HTTP_METHODS),
  headers: z.array(headerSchema).max(50),
  body: z.string().max(65536).nullable(),
  content_type: z.string().max(256).nullable(),
  basic_auth_user: z.string().max(512).nullable(),
  basic_auth_pass: z.string().max(512).nullable(),
  bearer_token: z.string().max(4096).nullable(),
  follow_redirects: z.boolean(),
  /**
   * After a redirect to another origin, still send the custom headers not marked
   * `sensitive` (never Authorization, Cookie, Proxy-Authorization). Absent (an older control
   * plane) or false: no custom header goes to another origin.
   */
  forward_headers_on_redirect: z.boolean().optional(),
  expected_status_code: z.number().int().min(100).max(599),
  timeout_ms: z.number().int().min(100).max(120_000),
  keyword: z.string().max(1024).nullable(),
  response_threshold_ms: z.string().max(64).nullable(),
  /**
   * `https` monitors: the certificate is checked (an invalid one fails the check, as for
   * every https URL) and the result is `warn` when it expires within this many days.
   * Absent or null: no expiry warning (plain `http`).
   */
  cert_expiry_threshold_days: z.number().int().min(1).max(365).nullable().optional(),
});
export type HttpCheckSpec = z.infer<typeof httpCheckSpecSchema>;

export const JSON_ASSERTION_OPERATORS = [
  'equals',
  'not_equals',
  'contains',
  'not_contains',
  'greater_than',
  'less_than',
  'exists',
  'not_exists',
] as const;
export type JsonAssertionOperator = (typeof JSON_ASSERTION_OPERATORS)[number];
export const jsonAssertionSchema = z.object({
  path: z.string().min(1).max(512),
  operator: z.enum(JSON_ASSERTION_OPERATORS),
  value: z.string().max(1024),
});
export type JsonAssertion = z.infer<typeof jsonAssertionSchema>;

/**
 * A json_api check: a GET whose JSON body must satisfy every assertion. `authorization`
 * is the monitor's `auth_header` (the whole Authorization header value).
 */
export const jsonApiCheckSpecSchema = z.object({
  type: z.literal('json_api'),
  url: z.string().url().max(2048),
  authorization: z.string().max(4096).nullable(),
  follow_redirects: z.boolean(),
  /** As for http; the Authorization header itself is never forwarded to another origin. */
  forward_headers_on_redirect: z.boolean().optional(),
  expected_status_code: z.number().int().min(100).max(599),
  timeout_ms: z.number().int().min(100).max(120_000),
  keyword: z.string().max(1024).nullable(),
  response_threshold_ms: z.string().max(64).nullable(),
  json_assertions: z.array(jsonAssertionSchema).max(50),
});
export type JsonApiCheckSpec = z.infer<typeof jsonApiCheckSpecSchema>;

const hostname = z.string().min(1).max(253);
const port = z.number().int().min(1).max(65535);

/** An ssl check: TLS handshake with `host:port`, the certificate chain read and judged. */
export const sslCheckSpecSchema = z.object({
  type: z.literal('ssl'),
  host: hostname,
  port,
  timeout_ms: z.number().int().min(100).max(120_000),
  /** `warn` when the certificate expires within this many days. */
  expiry_threshold_days: z.number().int().min(1).max(365),
  /** Also probe which TLS protocol versions the server accepts (tls-check). */
  check_protocols: z.boolean(),
});
export type SslCheckSpec = z.infer<typeof sslCheckSpecSchema>;

/** A tcp check: connect to `host:port`; optionally send a string and expect one in the reply. */
export const tcpCheckSpecSchema = z.object({
  type: z.literal('tcp'),
  host: hostname,
  port,
  timeout_ms: z.number().int().min(100).max(120_000),
  send: z.string().max(4096).nullable(),
  expect: z.string().max(1024).nullable(),
});
export type TcpCheckSpec = z.infer<typeof tcpCheckSpecSchema>;

export const DNS_RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS'] as const;
export type DnsRecordType = (typeof DNS_RECORD_TYPES)[number];

/** A dns check: one query for `hostname`/`record_type` to `resolver` (ip or ip:port; null = the probe's own). */
export const dnsCheckSpecSchema = z.object({
  type: z.literal('dns'),
  hostname,
  record_type: z.enum(DNS_RECORD_TYPES),
  resolver: z.string().max(64).nullable(),
  expected: z.array(z.string().min(1).max(1024)).max(50),
  timeout_ms: z.number().int().min(100).max(120_000),
});
export type DnsCheckSpec = z.infer<typeof dnsCheckSpecSchema>;

/**
 * A ping check: `count` ICMP echo requests to `host` (resolved and SSRF-guarded by the probe),
 * `interval_ms` apart, through the system `ping` (iputils). Down when more than
 * `max_packet_loss` percent of them go unanswered (default 0: every echo must come back),
 * and always when none does.
 */
export const pingCheckSpecSchema = z.object({
  type: z.literal('ping'),
  host: hostname,
  count: z.number().int().min(1).max(20),
  interval_ms: z.number().int().min(200).max(10_000),
  timeout_ms: z.number().int().min(100).max(120_000),
  max_packet_loss: z.number().min(0).max(100),
});
export type PingCheckSpec = z.infer<typeof pingCheckSpecSchema>;

export const SIP_TRANSPORTS = ['udp', 'tcp', 'tls'] as const;
export type SipTransport = (typeof SIP_TRANSPORTS)[number];

/**
 * A sip check: one SIP `OPTIONS` request to `host:port` over UDP (retransmitted as RFC 3261
 * timer E), TCP or TLS; up when the final response's code is one of `expected_codes`.
 */
export const sipCheckSpecSchema = z.object({
  type: z.literal('sip'),
  host: hostname,
  port,
  transport: z.enum(SIP_TRANSPORTS),
  expected_codes: z.array(z.number().int().min(100).max(699)).min(1).max(20),
  timeout_ms: z.number().int().min(100).max(120_000),
});
export type SipCheckSpec = z.infer<typeof sipCheckSpecSchema>;

/**
 * A domain check: the registration of `domain` read through RDAP (the IANA bootstrap file
 * names the registry's server; `rdap_server` overrides it) and, when RDAP gives no answer,
 * WHOIS on port 43 (`whois_server` `host[:port]` overrides the IANA referral). Down when the
 * registration has expired or its expiry is unknown; `warn` within `expiry_threshold_days`.
 */
export const domainCheckSpecSchema = z.object({
  type: z.literal('domain'),
  domain: hostname,
  expiry_threshold_days: z.number().int().min(1).max(365),
  rdap_server: z.string().url().max(2048).nullable(),
  whois_server: z.string().max(300).nullable(),
  timeout_ms: z.number().int().min(100).max(120_000),
});
export type DomainCheckSpec = z.infer<typeof domainCheckSpecSchema>;

/**
 * Discriminated by `type`. Job messages stay `v: 1`: a new type is a new member of this
 * union, and a probe too old to know it drops the job as malformed (its region is
 * `unknown` for that round, never failing).
 */
export const checkSpecSchema = z.discriminatedUnion('type', [
  httpCheckSpecSchema,
  jsonApiCheckSpecSchema,
  sslCheckSpecSchema,
  tcpCheckSpecSchema,
  dnsCheckSpecSchema,
  pingCheckSpecSchema,
  sipCheckSpecSchema,
  domainCheckSpecSchema,
]);
export type CheckSpec = z.infer<typeof checkSpecSchema>;
export type CheckType = CheckSpec['type'];
export const CHECK_TYPES: readonly CheckType[] = ['http', 'json_api', 'ssl', 'tcp', 'dns', 'ping', 'sip', 'domain'];

/** Type-specific findings of one check (certificate, DNS answer, ...), bounded in size. */
export const checkDetailsSchema = z
  .record(z.unknown())
  .refine((d) => JSON.stringify(d).length <= 16_384, { message: 'details larger than 16 KiB' });
const MAX_DETAILS_DEPTH = 16;
export type CheckDetails = Record<string, unknown>;

/** Most in-region retries a job may ask for (so at most MAX_RETRIES + 1 attempts). */
export const MAX_RETRIES = 3;

export const jobV1Schema = z.object({
  v: z.literal(1),
  job_id: z.string().min(1).max(200),
  monitor_id: z.string().min(1).max(100),
  /** The monitor's account: a probe shares its slots fairly between accounts (optional for older control planes: then by monitor). */
  account_id: z.string().min(1).max(100).optional(),
  round: z.number().int().nonnegative(),
  region,
  scheduled_at: isoDate,
  /**
   * Epoch milliseconds on the control plane's clock; a probe drops the job when it is still
   * queued past this. Probes that know `ttl_ms` go by that instead (their clock may be off).
   */
  deadline: z.number().int().positive(),
  /**
   * When the control plane published the job (its clock), and how long after that a probe
   * may still start it (`deadline` − `sent_at`). A probe starts its own countdown of
   * `ttl_ms` when the job arrives, so its clock's skew does not move the deadline, and it
   * estimates that skew from `sent_at`. Optional: jobs of older control planes lack them.
   */
  sent_at: isoDate.optional(),
  ttl_ms: z.number().int().nonnegative().max(86_400_000).optional(),
  /** The tag of this region's result id (`resultMsgId`); optional for older control planes. */
  result_tag: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional(),
  /**
   * In-region retries (issue 15 item 3): a failing attempt is tried again up to this many
   * times, after a short backoff, before the region reports failing. Absent (older control
   * planes) or 0: one attempt. A probe older than this field ignores it (one attempt).
   */
  retries: z.number().int().min(0).max(MAX_RETRIES).optional(),
  check: checkSpecSchema,
});
export type JobV1 = z.infer<typeof jobV1Schema>;

const ms = z.number().nonnegative().nullable();
export const timingPhasesSchema = z.object({
  dns: ms,
  connect: ms,
  tls: ms,
  first_byte: ms,
  total: ms,
});
export type TimingPhases = z.infer<typeof timingPhasesSchema>;

/** Bounds of a result's free text (UTF-16 code units), enforced by the schema and by `cleanResultPayload`. */
export const RESULT_TEXT_CHARS = 2048;
export const RESULT_HEADER_CHARS = 2048;
export const RESULT_MAX_HEADERS = 100;
export const RESULT_DETAILS_CHARS = 16_384;
/** Bound of one attempt's error text in `attempts`. */
export const RESULT_ATTEMPT_ERROR_CHARS = 512;

/** Error classes of a failed attempt (`errorClassOf` in libs/checks; the insights' classes plus `blocked`, an SSRF refusal). */
export const ATTEMPT_ERROR_CLASSES = [
  'timeout',
  'dns',
  'connection_refused',
  'connection_reset',
  'unreachable',
  'tls',
  'http_5xx',
  'http_4xx',
  'http_status',
  'assertion',
  'blocked',
  'other',
] as const;
export type AttemptErrorClass = (typeof ATTEMPT_ERROR_CLASSES)[number];

/** One attempt of a job that may retry: when it started (ms after the job's first attempt), how long it took, how it ended. */
export const attemptSchema = z.object({
  attempt: z
    .number()
    .int()
    .min(1)
    .max(MAX_RETRIES + 1),
  /** Milliseconds after the first attempt started. */
  offset_ms: z.number().nonnegative().max(86_400_000),
  duration_ms: z.number().nonnegative().max(86_400_000),
  is_up: z.boolean(),
  status_code: z.number().int().min(0).max(999).nullable(),
  /** null when the attempt was up. */
  error_class: z.enum(ATTEMPT_ERROR_CLASSES).nullable(),
  error: z.string().max(RESULT_ATTEMPT_ERROR_CHARS).nullable(),
});
export type AttemptV1 = z.infer<typeof attemptSchema>;
export const attemptsSchema = z
  .array(attemptSchema)
  .min(1)
  .max(MAX_RETRIES + 1);

export const resultV1Schema = z.object({
  v: z.literal(1),
  job_id: z.string().min(1).max(200),
  monitor_id: z.string().min(1).max(100),
  round: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  region,
  probe_id: z.string().min(1).max(200),
  probe_version: z.string().max(64),
  /**
   * The round's scheduled time, echoed from the job: the control plane finds the round in
   * its day's partition with it. Optional for probes older than this field (their results
   * are looked up within a day of `started_at`).
   */
  scheduled_at: isoDate.optional(),
  started_at: isoDate,
  is_up: z.boolean(),
  status_code: z.number().int().min(0).max(999).nullable(),
  response_ms: z.number().nonnegative().nullable(),
  error: z.string().max(2048).nullable(),
  phases: timingPhasesSchema,
  /** Only on failure, for the incident's failure details. */
  response_headers: z
    .record(z.string().max(RESULT_HEADER_CHARS))
    .refine((h) => Object.keys(h).length <= RESULT_MAX_HEADERS, { message: `more than ${RESULT_MAX_HEADERS} headers` })
    .nullable(),
  /** Only on failure, at most 2048 characters. */
  response_body: z.string().max(2048).nullable(),
  ssl_expiry: isoDate.nullable().optional(),
  ssl_issuer: z.string().max(512).nullable().optional(),
  /** ssl: up, but the certificate expires within the monitor's threshold. */
  warn: z.boolean().optional(),
  details: checkDetailsSchema.nullable().optional(),
  /**
   * Every attempt of a job that may retry (`retries` > 0), in order; the result's own fields
   * are the last attempt's. Absent from jobs without retries and from older probes.
   */
  attempts: attemptsSchema.optional(),
});
export type ResultV1 = z.infer<typeof resultV1Schema>;

export const presenceV1Schema = z.object({
  v: z.literal(1),
  region,
  probe_id: z.string().min(1).max(200),
  version: z.string().max(64),
  in_flight: z.number().int().nonnegative().max(1_000_000_000),
  queued: z.number().int().nonnegative().max(1_000_000_000),
  capacity: z.number().int().positive().max(1_000_000_000),
  started_at: isoDate,
  sent_at: isoDate,
  /** true in the last announcement of a probe that is shutting down. */
  leaving: z.boolean().optional(),
  /**
   * The probe's clock minus the control plane's, estimated from the jobs' `sent_at`
   * (milliseconds): present only while it exceeds the probe's threshold
   * (PROBE_CLOCK_SKEW_THRESHOLD_MS). Absent from older probes.
   */
  clock_skew_ms: z.number().int().min(-1e12).max(1e12).optional(),
});
export type PresenceV1 = z.infer<typeof presenceV1Schema>;

export type ParseOutcome<T> = { ok: true; value: T } | { ok: false; error: string };

function decode<T>(schema: z.ZodType<T>, payload: Uint8Array | string): ParseOutcome<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(typeof payload === 'string' ? payload : Buffer.from(payload).toString('utf8'));
  } catch (e) {
    return { ok: false, error: `not JSON: ${(e as Error).message}` };
  }
  return decodeValue(schema, raw);
}

function decodeValue<T>(schema: z.ZodType<T>, raw: unknown): ParseOutcome<T> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, error: `${first.path.join('.') || '(root)'}: ${first.message}` };
  }
  return { ok: true, value: parsed.data };
}

export const parseJob = (p: Uint8Array | string) => decode(jobV1Schema, p);
export const parseResult = (p: Uint8Array | string) => decode(resultV1Schema, p);

const str = (v: unknown, max: number): unknown => (typeof v === 'string' ? cutText(cleanText(v), max) : v);
const depthOf = (v: unknown, d = 0): number =>
  v === null || typeof v !== 'object' || d > MAX_DETAILS_DEPTH
    ? d
    : Math.max(d, ...Object.values(v as object).map((x) => depthOf(x, d + 1)));

/**
 * Makes a decoded result storable field by field, before its schema is checked, so that
 * one bad field never costs the result (ingestion: a region is a trust boundary): every
 * string well-formed and without U+0000 (keys too), free text cut on code-point
 * boundaries to its bound, times PostgreSQL cannot store replaced (`started_at` by
 * `received_at`, `scheduled_at` and `ssl_expiry` dropped), headers beyond the bound
 * dropped, details too large or too deep replaced by `{ "truncated": true }`. Identity
 * fields (`job_id`, `monitor_id`, `round`, `region`) are left as they are: a malformed
 * identity is refused, never guessed. Anything that is not an object is returned as is.
 */
export function cleanResultPayload(raw: unknown, receivedAt: Date): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const r: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  r.error = str(r.error, RESULT_TEXT_CHARS);
  r.response_body = str(r.response_body, RESULT_TEXT_CHARS);
  r.ssl_issuer = r.ssl_issuer === undefined ? undefined : str(r.ssl_issuer, 512);
  r.probe_id = str(r.probe_id, 200);
  r.probe_version = str(r.probe_version, 64);
  if (r.ssl_issuer === undefined) delete r.ssl_issuer;
  if (r.response_headers && typeof r.response_headers === 'object' && !Array.isArray(r.response_headers)) {
    const headers: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r.response_headers as Record<string, unknown>).slice(0, RESULT_MAX_HEADERS)) {
      headers[cutText(cleanText(k), 256)] = str(v, RESULT_HEADER_CHARS);
    }
    r.response_headers = headers;
  }
  if (r.details !== undefined && r.details !== null) {
    let fits = false;
    let details: unknown = null;
    try {
      fits = JSON.stringify(r.details).length <= RESULT_DETAILS_CHARS && depthOf(r.details) <= MAX_DETAILS_DEPTH;
      if (fits) details = cleanDeep(r.details);
    } catch {
      fits = false; // too deep to even serialise
    }
    r.details = fits ? details : { truncated: true };
  }
  if (r.attempts !== undefined) {
    // A bad attempt list costs the list, never the result.
    const cleaned = Array.isArray(r.attempts)
      ? r.attempts.map((a: unknown) =>
          a && typeof a === 'object' && !Array.isArray(a)
            ? { ...(a as object), error: str((a as Record<string, unknown>).error, RESULT_ATTEMPT_ERROR_CHARS) }
            : a,
        )
      : r.attempts;
    if (attemptsSchema.safeParse(cleaned).success) r.attempts = cleaned;
    else delete r.attempts;
  }
  if (typeof r.started_at === 'string') r.started_at = storableTime(r.started_at) ?? receivedAt.toISOString();
  if (typeof r.scheduled_at === 'string') {
    const t = storableTime(r.scheduled_at);
    if (t === null) delete r.scheduled_at;
    else r.scheduled_at = t;
  }
  if (typeof r.ssl_expiry === 'string') r.ssl_expiry = storableTime(r.ssl_expiry);
  return r;
}

/** `parseResult` after `cleanResultPayload`: what ingestion stores. */
export function parseStorableResult(p: Uint8Array | string, receivedAt: Date): ParseOutcome<ResultV1> {
  let raw: unknown;
  try {
    raw = JSON.parse(typeof p === 'string' ? p : Buffer.from(p).toString('utf8'));
  } catch (e) {
    return { ok: false, error: `not JSON: ${(e as Error).message}` };
  }
  return decodeValue(resultV1Schema, cleanResultPayload(raw, receivedAt));
}
export const parsePresence = (p: Uint8Array | string) => decode(presenceV1Schema, p);

export function encode(message: JobV1 | ResultV1 | PresenceV1): Uint8Array {
  return Buffer.from(JSON.stringify(message));
}

/** A tool request to a region's probes (`tools(region)`, request/reply). */
export interface MtrRequestV1 {
  v: 1;
  kind: 'mtr';
  /** Host name or IP address; the probe resolves it and applies its SSRF guard. */
  host: string;
  /** Probes per hop (1..10). */
  count: number;
  /** The probe gives up after this long (and answers with an error). */
  timeout_ms: number;
}

export interface MtrHopV1 {
  hop: number;
  /** The hop's address; null when it never answered (`???`). */
  address: string | null;
  loss_percent: number;
  sent: number;
  best_ms: number | null;
  avg_ms: number | null;
  worst_ms: number | null;
}

/** A probe's answer to an MtrRequestV1. */
export interface MtrReplyV1 {
  v: 1;
  region: string;
  probe_id: string;
  /** The address the host resolved to (and was traced). */
  address: string | null;
  hops: MtrHopV1[];
  error: string | null;
}

/** An MtrRequestV1 from untrusted bytes, or null. */
export function parseMtrRequest(data: unknown): MtrRequestV1 | null {
  if (!data || typeof data !== 'object') return null;
  const d = data as Record<string, unknown>;
  if (d.v !== 1 || d.kind !== 'mtr' || typeof d.host !== 'string' || d.host.length < 1 || d.host.length > 253)
    return null;
  if (!Number.isInteger(d.count) || (d.count as number) < 1 || (d.count as number) > 10) return null;
  if (!Number.isInteger(d.timeout_ms) || (d.timeout_ms as number) < 1000 || (d.timeout_ms as number) > 120_000)
    return null;
  return { v: 1, kind: 'mtr', host: d.host, count: d.count as number, timeout_ms: d.timeout_ms as number };
}
