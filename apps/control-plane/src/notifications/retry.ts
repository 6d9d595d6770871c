/**
 * Retry schedule of a failed delivery: after failed attempt n (1-based) the next attempt
 * waits `schedule[n-1]`, jittered by ±`JITTER` so that many deliveries failing together
 * do not retry together; past the last entry the delivery has failed for good.
 * The default schedule (config NOTIFY_RETRY_SCHEDULE) is dense first, then backs off:
 * 5s, 10s, 30s, 1m, 2m, 5m, 30m, 2h, 5h, 10h, 10h: twelve attempts over about 27.6 h (at
 * least 24.8 h with the jitter). A receiver down for a few seconds gets the alert within
 * seconds of coming back, one down for hours still gets it.
 */
export const JITTER = 0.1;

/** Milliseconds until the next attempt after `attemptsMade` attempts failed, or null to give up. `random` is in [0, 1). */
export function retryDelayMs(attemptsMade: number, schedule: readonly number[], random: number): number | null {
  if (attemptsMade < 1 || attemptsMade > schedule.length) return null;
  const base = schedule[attemptsMade - 1];
  return Math.max(0, Math.round(base * (1 + (random * 2 - 1) * JITTER)));
}

/** The shortest total time a delivery keeps being retried (every jitter at its minimum). */
export function minimumRetrySpanMs(schedule: readonly number[]): number {
  return schedule.reduce((sum, d) => sum + Math.round(d * (1 - JITTER)), 0);
}

/**
 * The retries that keep a destination's later events waiting (order first): the leading
 * entries of the schedule within EARLY_RETRY_SPAN_MS in all. Past them a failing delivery
 * steps aside: the destination's later events go ahead of it (receivers order a
 * monitor's events by `sequence`), and it keeps being retried on its own schedule.
 */
export const EARLY_RETRY_SPAN_MS = 120_000;

export function earlyRetryCount(schedule: readonly number[]): number {
  let sum = 0;
  let n = 0;
  for (const d of schedule) {
    sum += d;
    if (sum > EARLY_RETRY_SPAN_MS) break;
    n++;
  }
  return n;
}

/** Whether a pending delivery with `attemptsMade` attempts behind it still holds back its destination's later events. */
export function holdsBackLaterEvents(attemptsMade: number, earlyRetries: number): boolean {
  return attemptsMade <= earlyRetries;
}

/** How an attempt's HTTP outcome is treated. */
export type AttemptVerdict = 'delivered' | 'gone' | 'rejected' | 'retry';

/** Client errors that may succeed later: timeout, conflict, too early, too many requests. */
export const RETRYABLE_4XX: ReadonlySet<number> = new Set([408, 409, 425, 429]);

/**
 * Any 2xx (within the timeout) is success; 410 Gone disables the endpoint; any other 4xx
 * but 408, 409, 425 and 429 is rejected (a retry cannot fix it: the delivery ends at once);
 * anything else (no answer, 1xx, 3xx, 5xx, those four) is retried.
 */
export function verdictFor(status: number | null): AttemptVerdict {
  if (status !== null && status >= 200 && status < 300) return 'delivered';
  if (status === 410) return 'gone';
  if (status !== null && status >= 400 && status < 500 && !RETRYABLE_4XX.has(status)) return 'rejected';
  return 'retry';
}

/** What becomes of a delivery after one attempt. */
export type NextState =
  | { status: 'delivered' }
  /** `gone`: the endpoint answered 410 now (disable it); otherwise it was already disabled. */
  | { status: 'disabled'; gone: boolean }
  /** `reason`: why it ended (retries exhausted, or the endpoint rejected it). */
  | { status: 'failed'; reason: string }
  | { status: 'pending'; retryInMs: number };

/**
 * The delivery rule after attempt number `attempt` (1-based): an endpoint disabled
 * meanwhile ends it; email succeeds without an error; HTTP by `verdictFor` (a rejected one
 * fails at once, saying why); a retryable failure waits per the schedule, or fails for good
 * past its end.
 */
export function nextDeliveryState(a: {
  endpointActive: boolean;
  email: boolean;
  status: number | null;
  error: string | null;
  attempt: number;
  schedule: readonly number[];
  random: number;
}): NextState {
  if (!a.endpointActive) return { status: 'disabled', gone: false };
  const verdict: AttemptVerdict = a.email ? (a.error ? 'retry' : 'delivered') : verdictFor(a.status);
  if (verdict === 'delivered') return { status: 'delivered' };
  if (verdict === 'gone') return { status: 'disabled', gone: true };
  if (verdict === 'rejected')
    return {
      status: 'failed',
      reason: `not retried: the endpoint answered ${a.status}, a client error a retry cannot fix (only 408, 409, 425 and 429 are retried)`,
    };
  const delay = retryDelayMs(a.attempt, a.schedule, a.random);
  return delay === null
    ? { status: 'failed', reason: `retries exhausted after ${a.attempt} attempts` }
    : { status: 'pending', retryInMs: delay };
}
