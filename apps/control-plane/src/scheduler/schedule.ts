/**
 * Scheduling math, pure. A monitor with interval I seconds and phase p ms has one
 * round per slot: round r is due at r·I·1000 + p (epoch ms). The phase is a stable
 * hash of the monitor id, so monitors with the same interval spread over it
 * instead of firing together, and every replica computes the same slots.
 */

/** FNV-1a 32-bit hash of a string. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Stable offset of a monitor's rounds inside its interval, in ms: [0, I·1000). */
export function phaseMs(monitorId: string, intervalSeconds: number): number {
  return fnv1a(monitorId) % (intervalSeconds * 1000);
}

/** When round `round` is due, in epoch ms. */
export function roundDueAt(round: number, intervalSeconds: number, phase: number): number {
  return round * intervalSeconds * 1000 + phase;
}

/** The newest round due at or before `nowMs`. */
export function latestRound(nowMs: number, intervalSeconds: number, phase: number): number {
  return Math.floor((nowMs - phase) / (intervalSeconds * 1000));
}

export interface Claim {
  /** The round to dispatch now. */
  round: number;
  /** The round after it, and when it is due. */
  nextRound: number;
  nextDueAt: number;
  /** Rounds that were due but are skipped because they are older than the newest due one. */
  skipped: number;
}

/**
 * Claims the round to run for a monitor whose stored next round is due.
 * Normally that is the stored round itself. After an outage longer than an
 * interval only the newest due round runs: a restart never bursts old rounds,
 * and a restart within the interval never skips one. A round claimed ahead of its
 * slot (a heartbeat ping that runs a check at once) takes the stored number, and the
 * next round is still due at the next slot: numbers stay unique and increasing, the
 * schedule stays on the monitor's grid and is never pushed further ahead.
 */
export function claimRound(storedNextRound: number, nowMs: number, intervalSeconds: number, phase: number): Claim {
  const newest = latestRound(nowMs, intervalSeconds, phase);
  const round = Math.max(storedNextRound, newest);
  const nextRound = round + 1;
  return {
    round,
    nextRound,
    nextDueAt: roundDueAt(newest + 1, intervalSeconds, phase),
    skipped: Math.max(0, newest - storedNextRound),
  };
}

/**
 * Where a new (or resumed, or re-timed) monitor starts: its current slot runs at
 * once, so a new monitor is checked immediately; later rounds follow the phase.
 * `storedNextRound`: the monitor's next round when its interval is unchanged (same
 * numbering); a resumed monitor whose current slot already ran waits for the next slot
 * (keeping its next number), so a round number is never claimed twice.
 */
export function firstRound(
  nowMs: number,
  intervalSeconds: number,
  phase: number,
  storedNextRound?: number,
): { nextRound: number; nextDueAt: number } {
  const current = latestRound(nowMs, intervalSeconds, phase);
  if (storedNextRound !== undefined && storedNextRound > current)
    return { nextRound: storedNextRound, nextDueAt: roundDueAt(current + 1, intervalSeconds, phase) };
  return { nextRound: current, nextDueAt: nowMs };
}

/**
 * Where a monitor created in bulk starts: at its own phase slot after now (within one
 * interval), not at once, so a thousand monitors created together spread over their
 * interval instead of landing on the probes as one burst.
 */
export function firstPhasedRound(
  nowMs: number,
  intervalSeconds: number,
  phase: number,
): { nextRound: number; nextDueAt: number } {
  const next = latestRound(nowMs, intervalSeconds, phase) + 1;
  return { nextRound: next, nextDueAt: roundDueAt(next, intervalSeconds, phase) };
}

/**
 * A round's deadline, on the control plane's clock: claimed at `claimedAtMs`, its
 * regions have the check's timeout plus ROUND_GRACE_SECONDS to answer. The scheduler
 * (at claim and when it re-dispatches a stale round) is the only caller; every later
 * comparison (the deadline sweep, stale dispatch) is against the same Clock.
 */
export function roundDeadline(claimedAtMs: number, timeoutSeconds: number, graceSeconds: number): number {
  return claimedAtMs + timeoutSeconds * 1000 + graceSeconds * 1000;
}

/** The last instant a probe may start a round's job: its deadline minus the check's timeout. */
export function startBy(deadlineMs: number, timeoutSeconds: number): number {
  return deadlineMs - timeoutSeconds * 1000;
}

/** Undecided rounds whose deadline is at or before this instant are decided by the sweep (it waits `pastDeadlineMs` for redelivered results). */
export function expiredBy(nowMs: number, pastDeadlineMs: number): number {
  return nowMs - pastDeadlineMs;
}
