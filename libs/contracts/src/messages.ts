import { z } from 'zod';
import { REGION_ID_PATTERN } from './subjects';

/**
 * Versioned message types exchanged over NATS, each with its runtime schema.
 * A consumer validates every message it receives with `parse*`; a malformed
 * message is counted and dropped, never thrown into the consumer loop.
 */

const region = z.string().regex(REGION_ID_PATTERN, 'invalid region id');
const isoDate = z.string().datetime({ offset: true });

export const HTTP_METHODS = ['GET', 'POST', 'HEAD', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export const headerSchema = z.object({ key: z.string().min(1).max(256), value: z.string().max(8192) });

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
  expected_status_code: z.number().int().min(100).max(599),
  timeout_ms: z.number().int().min(100).max(120_000),
  keyword: z.string().max(1024).nullable(),
  response_threshold_ms: z.string().max(64).nullable(),
});
export type HttpCheckSpec = z.infer<typeof httpCheckSpecSchema>;

/** Discriminated by `type`; later check types (tcp, dns, ssl, json_api) join this union. */
export const checkSpecSchema = z.discriminatedUnion('type', [httpCheckSpecSchema]);
export type CheckSpec = z.infer<typeof checkSpecSchema>;
export type CheckType = CheckSpec['type'];

export const jobV1Schema = z.object({
  v: z.literal(1),
  job_id: z.string().min(1).max(200),
  monitor_id: z.string().min(1).max(100),
  round: z.number().int().nonnegative(),
  region,
  scheduled_at: isoDate,
  /** Epoch milliseconds; a probe drops the job when it is still queued past this. */
  deadline: z.number().int().positive(),
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

export const resultV1Schema = z.object({
  v: z.literal(1),
  job_id: z.string().min(1).max(200),
  monitor_id: z.string().min(1).max(100),
  round: z.number().int().nonnegative(),
  region,
  probe_id: z.string().min(1).max(200),
  probe_version: z.string().max(64),
  started_at: isoDate,
  is_up: z.boolean(),
  status_code: z.number().int().min(0).max(999).nullable(),
  response_ms: z.number().nonnegative().nullable(),
  error: z.string().max(2048).nullable(),
  phases: timingPhasesSchema,
  /** Only on failure, for the incident's failure details. */
  response_headers: z.record(z.string()).nullable(),
  /** Only on failure, at most 2048 characters. */
  response_body: z.string().max(2048).nullable(),
  ssl_expiry: isoDate.nullable().optional(),
  ssl_issuer: z.string().max(512).nullable().optional(),
});
export type ResultV1 = z.infer<typeof resultV1Schema>;

export const presenceV1Schema = z.object({
  v: z.literal(1),
  region,
  probe_id: z.string().min(1).max(200),
  version: z.string().max(64),
  in_flight: z.number().int().nonnegative(),
  queued: z.number().int().nonnegative(),
  capacity: z.number().int().positive(),
  started_at: isoDate,
  sent_at: isoDate,
  /** true in the last announcement of a probe that is shutting down. */
  leaving: z.boolean().optional(),
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
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, error: `${first.path.join('.') || '(root)'}: ${first.message}` };
  }
  return { ok: true, value: parsed.data };
}

export const parseJob = (p: Uint8Array | string) => decode(jobV1Schema, p);
export const parseResult = (p: Uint8Array | string) => decode(resultV1Schema, p);
export const parsePresence = (p: Uint8Array | string) => decode(presenceV1Schema, p);

export function encode(message: JobV1 | ResultV1 | PresenceV1): Uint8Array {
  return Buffer.from(JSON.stringify(message));
}
