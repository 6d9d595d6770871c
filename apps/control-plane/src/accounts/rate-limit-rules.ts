/**
 * Pure rules of the rate limits (issue 13, docs/edge.md). The counters live in PostgreSQL
 * (RateLimitRepository) so that every replica sees the same budgets.
 */

/** A counter as stored: a window that starts at its first hit. */
export interface CounterState {
  windowStartMs: number;
  hits: number;
  lastHitMs: number;
}

/** Hits still counted at `nowMs` in a window of `windowMs` (0 once the window has passed). */
export function activeHits(state: CounterState | null, windowMs: number, nowMs: number): number {
  if (!state) return 0;
  return state.windowStartMs + windowMs > nowMs ? state.hits : 0;
}

/** Whole seconds until the window of `state` ends (at least 1: a Retry-After of 0 invites a retry storm). */
export function secondsUntilReset(state: CounterState | null, windowMs: number, nowMs: number): number {
  if (!state) return Math.max(1, Math.ceil(windowMs / 1000));
  return Math.max(1, Math.ceil((state.windowStartMs + windowMs - nowMs) / 1000));
}

/** Login lockout policy: after `after` failures, wait `baseMs` doubled per further failure, at most `maxMs`. */
export interface LockoutPolicy {
  after: number;
  baseMs: number;
  maxMs: number;
}

/** How long (ms) a login to an account with `failures` recent failures, the last at `lastFailureMs`, must still wait; 0: allowed. */
export function loginLockoutMs(failures: number, lastFailureMs: number, nowMs: number, policy: LockoutPolicy): number {
  if (failures < policy.after) return 0;
  const exponent = Math.min(failures - policy.after, 30);
  const delay = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  return Math.max(0, lastFailureMs + delay - nowMs);
}

/** The budget key of an HTTP caller: its account when authenticated (the sum over its keys and sessions), else its client IP. */
export function callerKey(accountId: string | null | undefined, ip: string | undefined): string {
  return accountId ? `acc:${accountId}` : `ip:${ip || 'unknown'}`;
}
