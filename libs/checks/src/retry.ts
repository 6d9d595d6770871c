import { cleanText, cutText, RESULT_ATTEMPT_ERROR_CHARS } from '@parallax/contracts';
import type { AttemptErrorClass, AttemptV1, CheckSpec, CheckType } from '@parallax/contracts';
import type { CheckOutcome } from './check';

/**
 * In-region retries (issue 15 item 3). A job with `retries` > 0 runs its check again when an
 * attempt fails, up to `retries` more times, before the region reports failing:
 *
 * - backoff before retry n (n = 1, 2, 3): `RETRY_BACKOFF_MS × n` (250, 500, 750 ms);
 * - budget: every attempt must end before the round's deadline (the job's start-by time plus
 *   the check's timeout, on the probe's clock) minus `RETRY_RESERVE_MS` for publishing; a
 *   retry runs only when, after its backoff, at least `min(timeout, RETRY_MIN_ATTEMPT_MS)` is
 *   left, and its timeout is cut to what is left. So a job with retries still reports before
 *   its round is decided (an attempt that hung for the whole timeout is usually not retried);
 * - not retried: an up attempt, an attempt the SSRF guard refused (`blocked`: the same answer
 *   again), and check types where a retry says nothing new (`domain`: a cached registration
 *   read; heartbeats never reach a probe).
 *
 * The result carries the last attempt's outcome and `attempts` (each attempt's offset from
 * the first, duration, status code and error class).
 */
export const RETRY_BACKOFF_MS = 250;
export const RETRY_RESERVE_MS = 500;
export const RETRY_MIN_ATTEMPT_MS = 1000;
/** The smallest timeout a check spec accepts. */
const MIN_TIMEOUT_MS = 100;

/** Check types a retry makes sense for. */
export const RETRYABLE_TYPES: readonly CheckType[] = ['http', 'json_api', 'ssl', 'tcp', 'dns', 'ping', 'sip'];

export function retryable(type: CheckType): boolean {
  return RETRYABLE_TYPES.includes(type);
}

/** The class of a failed attempt, from its error text and status code (first match wins); null when it was up. */
export function errorClassOf(o: Pick<CheckOutcome, 'is_up' | 'error' | 'status_code'>): AttemptErrorClass | null {
  if (o.is_up) return null;
  const e = (o.error ?? '').toLowerCase();
  if (/private address|allow_private_targets|not allowed/.test(e)) return 'blocked';
  if (/timeout|timed out|etimedout/.test(e)) return 'timeout';
  if (/enotfound|eai_again|dns|nxdomain|servfail|resolv/.test(e)) return 'dns';
  if (/refused/.test(e)) return 'connection_refused';
  if (/reset|closed by peer|econnreset|socket hang up/.test(e)) return 'connection_reset';
  if (/unreachable|packet loss|no route/.test(e)) return 'unreachable';
  if (/certificate|tls|ssl/.test(e)) return 'tls';
  const code = o.status_code;
  if (code !== null && code >= 500) return 'http_5xx';
  if (code !== null && code >= 400) return 'http_4xx';
  if (/expected status/.test(e)) return 'http_status';
  if (/assertion|keyword|expected|json/.test(e)) return 'assertion';
  return 'other';
}

export interface RetryInput {
  /** The attempt that just failed (1-based). */
  attempt: number;
  retries: number;
  errorClass: AttemptErrorClass | null;
  /** Milliseconds since the first attempt started. */
  elapsedMs: number;
  /** Milliseconds from the first attempt's start to the round's deadline. */
  budgetMs: number;
  /** The check's own timeout. */
  timeoutMs: number;
}

export type RetryStep = { retry: false } | { retry: true; delayMs: number; timeoutMs: number };

/** Whether to try again after a failed attempt, after how long and with which timeout (pure). */
export function nextRetry(i: RetryInput): RetryStep {
  if (i.attempt > Math.min(Math.max(0, Math.floor(i.retries)), 3) || i.errorClass === 'blocked')
    return { retry: false };
  const delayMs = RETRY_BACKOFF_MS * i.attempt;
  const left = Math.floor(i.budgetMs - RETRY_RESERVE_MS - i.elapsedMs - delayMs);
  if (left < Math.max(MIN_TIMEOUT_MS, Math.min(i.timeoutMs, RETRY_MIN_ATTEMPT_MS))) return { retry: false };
  return { retry: true, delayMs, timeoutMs: Math.min(i.timeoutMs, left) };
}

export interface RetryRunner {
  /** Runs one attempt of the check. */
  run(spec: CheckSpec): Promise<CheckOutcome>;
  sleep(ms: number): Promise<void>;
  /** Monotonic milliseconds. */
  now(): number;
  /** true stops retrying (shutdown). */
  aborted?(): boolean;
}

/**
 * Runs a check with in-region retries (`nextRetry`), through `runner` (a worker thread, or
 * this thread). `retries` 0 or a type that is not retried: one attempt, no `attempts`.
 * A run that returns something other than an outcome (a lost check) ends at once and is
 * returned as it is.
 */
export async function runWithRetries<L>(
  spec: CheckSpec,
  retries: number,
  budgetMs: number,
  runner: Omit<RetryRunner, 'run'> & { run(spec: CheckSpec): Promise<CheckOutcome | L> },
): Promise<{ outcome: CheckOutcome | L; attempts: AttemptV1[] | null }> {
  if (!(retries > 0) || !retryable(spec.type)) return { outcome: await runner.run(spec), attempts: null };
  const t0 = runner.now();
  const attempts: AttemptV1[] = [];
  let current: CheckSpec = spec;
  for (let attempt = 1; ; attempt++) {
    const start = runner.now();
    const outcome = await runner.run(current);
    if (!isOutcome(outcome)) return { outcome, attempts: null };
    const end = runner.now();
    const errorClass = errorClassOf(outcome);
    attempts.push({
      attempt,
      offset_ms: round1(start - t0),
      duration_ms: round1(end - start),
      is_up: outcome.is_up,
      status_code: outcome.status_code,
      error_class: errorClass,
      error: outcome.error === null ? null : cutText(cleanText(outcome.error), RESULT_ATTEMPT_ERROR_CHARS),
    });
    if (outcome.is_up) return { outcome, attempts };
    const step = nextRetry({ attempt, retries, errorClass, elapsedMs: end - t0, budgetMs, timeoutMs: spec.timeout_ms });
    if (!step.retry || runner.aborted?.()) return { outcome, attempts };
    await runner.sleep(step.delayMs);
    if (runner.aborted?.()) return { outcome, attempts };
    current = step.timeoutMs === spec.timeout_ms ? spec : ({ ...spec, timeout_ms: step.timeoutMs } as CheckSpec);
  }
}

function isOutcome(o: unknown): o is CheckOutcome {
  return typeof o === 'object' && o !== null && typeof (o as CheckOutcome).is_up === 'boolean' && 'phases' in o;
}

const round1 = (ms: number) => Math.round(Math.max(0, ms) * 10) / 10;
