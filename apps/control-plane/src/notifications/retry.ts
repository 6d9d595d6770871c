/**
 * Retry schedule of a failed delivery: after failed attempt n (1-based) the next attempt
 * waits `schedule[n-1]`, jittered by ±`JITTER` so that many deliveries failing together
 * do not retry together; past the last entry the delivery has failed for good.
 * The default schedule (config NOTIFY_RETRY_SCHEDULE) is 5s, 5m, 30m, 2h, 5h, 10h, 10h:
 * eight attempts over about 27.6 h (at least 24.8 h with the jitter).
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

/** How an attempt's HTTP outcome is treated. */
export type AttemptVerdict = 'delivered' | 'gone' | 'retry';

/** Any 2xx (within the timeout) is success; 410 Gone disables the endpoint; anything else is retried. */
export function verdictFor(status: number | null): AttemptVerdict {
  if (status !== null && status >= 200 && status < 300) return 'delivered';
  if (status === 410) return 'gone';
  return 'retry';
}

/** What becomes of a delivery after one attempt. */
export type NextState =
  | { status: 'delivered' }
  /** `gone`: the endpoint answered 410 now (disable it); otherwise it was already disabled. */
  | { status: 'disabled'; gone: boolean }
  | { status: 'failed' }
  | { status: 'pending'; retryInMs: number };

/**
 * The delivery rule after attempt number `attempt` (1-based): an endpoint disabled
 * meanwhile ends it; email succeeds without an error; HTTP by `verdictFor`; a retryable
 * failure waits per the schedule, or fails for good past its end.
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
  const delay = retryDelayMs(a.attempt, a.schedule, a.random);
  return delay === null ? { status: 'failed' } : { status: 'pending', retryInMs: delay };
}
