import { randomBytes } from 'node:crypto';
import { matchesSha256, sha256Hex } from '../common/secret-hash';
import type { FieldError } from '../common/errors';
import type { RegionResult, RoundSummary } from '../decisions/round-summary';

/**
 * Heartbeat (dead man's switch) rules, pure. A heartbeat monitor expects a ping every
 * `heartbeat_interval` seconds; it turns down when `heartbeat_interval +
 * heartbeat_grace_period` pass without one, or at once when the job reports its own
 * failure (`/fail`). The control plane judges heartbeats; no probe is involved.
 */

/** StatusRooster: heartbeat_interval 60–86400 (default 300), grace 0–3600 (default 60). */
export const HEARTBEAT_DEFAULTS = { intervalSeconds: 300, graceSeconds: 60 } as const;
export const HEARTBEAT_MAX_INTERVAL = 86_400;
export const HEARTBEAT_MAX_GRACE = 3_600;
const REFERENCE_MIN_INTERVAL = 60;

/**
 * The lowest heartbeat_interval accepted: the reference's 60 s, or lower when the
 * deployment lowers MIN_INTERVAL_SECONDS (self-hosted installs and tests).
 */
export function heartbeatMinInterval(minIntervalSeconds: number): number {
  return Math.min(REFERENCE_MIN_INTERVAL, minIntervalSeconds);
}

export function heartbeatFieldErrors(intervalSeconds: number, graceSeconds: number, minInterval: number): FieldError[] {
  const errors: FieldError[] = [];
  if (!Number.isInteger(intervalSeconds) || intervalSeconds < minInterval || intervalSeconds > HEARTBEAT_MAX_INTERVAL) {
    errors.push({
      field: 'heartbeat_interval',
      message: `heartbeat_interval must be between ${minInterval} and ${HEARTBEAT_MAX_INTERVAL} seconds`,
    });
  }
  if (!Number.isInteger(graceSeconds) || graceSeconds < 0 || graceSeconds > HEARTBEAT_MAX_GRACE) {
    errors.push({
      field: 'heartbeat_grace_period',
      message: `heartbeat_grace_period must be between 0 and ${HEARTBEAT_MAX_GRACE} seconds`,
    });
  }
  return errors;
}

export interface HeartbeatState {
  /** Ping before this instant, else the grace period starts (epoch ms). */
  expectedByMs: number;
  graceSeconds: number;
  lastPingAtMs: number | null;
  /** The newest `/fail` ping (epoch ms), if any. */
  lastFailAtMs: number | null;
}

export type HeartbeatVerdict = { outcome: 'up' | 'no_data'; error: null } | { outcome: 'down'; error: string };

/**
 * The verdict of one heartbeat check at `nowMs`:
 * - a `/fail` newer than the last success ping: down (the job said so);
 * - past `expectedBy + grace` without a ping: down;
 * - never pinged and still within the first interval + grace: no data (pending);
 * - otherwise up.
 */
export function judgeHeartbeat(s: HeartbeatState, nowMs: number): HeartbeatVerdict {
  if (s.lastFailAtMs !== null && (s.lastPingAtMs === null || s.lastFailAtMs >= s.lastPingAtMs)) {
    return {
      outcome: 'down',
      error: `the job reported a failure (/fail) at ${new Date(s.lastFailAtMs).toISOString()}`,
    };
  }
  const lateAfterMs = s.expectedByMs + s.graceSeconds * 1000;
  if (nowMs > lateAfterMs) {
    const since =
      s.lastPingAtMs === null ? 'no ping received yet' : `last ping at ${new Date(s.lastPingAtMs).toISOString()}`;
    return {
      outcome: 'down',
      error: `heartbeat missed: ${since}; expected before ${new Date(s.expectedByMs).toISOString()} plus ${s.graceSeconds} s grace`,
    };
  }
  if (s.lastPingAtMs === null) return { outcome: 'no_data', error: null };
  return { outcome: 'up', error: null };
}

/** When the next ping is expected after a ping (or creation, resume, new interval) at `fromMs`. */
export function nextExpectedBy(fromMs: number, intervalSeconds: number): number {
  return fromMs + intervalSeconds * 1000;
}

/** Run duration between `/start` and the ping that ends the run, if the run started. */
export function runDurationMs(runStartedAtMs: number | null, endedAtMs: number): number | null {
  if (runStartedAtMs === null || runStartedAtMs > endedAtMs) return null;
  return endedAtMs - runStartedAtMs;
}

// Ping tokens: 32 random bytes (256 bits), base64url; only a SHA-256 digest is stored.

export function newPingToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashPingToken(token: string): string {
  return sha256Hex(token);
}

export function pingTokenMatches(token: string | undefined, storedHash: string | null): boolean {
  return Boolean(token && storedHash && matchesSha256(token, storedHash));
}

/** The ping URL without its token: a heartbeat monitor's `url`. */
export function pingBaseUrl(publicUrl: string, monitorId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/api/ping/${monitorId}`;
}

/** The ping URL; the token is shown in full only when it is issued, else masked. */
export function pingUrl(publicUrl: string, monitorId: string, token: string | null, tokenHint: string | null): string {
  const base = pingBaseUrl(publicUrl, monitorId);
  if (token) return `${base}?token=${token}`;
  return `${base}?token=${tokenHint ?? ''}...`;
}

/**
 * A heartbeat check as a round summary, so that it goes through the same decision path
 * as probe rounds (status, counters, incident). No region is involved: the evidence is
 * the verdict's error, and the response time is the last run's duration, if measured.
 */
export function heartbeatSummary(
  v: HeartbeatVerdict,
  lastRunMs: number | null,
): { summary: RoundSummary; evidence: RegionResult[] } {
  const failure: RegionResult | null =
    v.outcome === 'down'
      ? { region: 'heartbeat', isUp: false, statusCode: null, responseMs: null, error: v.error }
      : null;
  return {
    summary: {
      decision: v.outcome,
      reported: [],
      failing: [],
      unknown: [],
      regionsChecked: 0,
      regionsUp: 0,
      responseMs: v.outcome === 'up' ? lastRunMs : null,
      statusCode: null,
      responseMsByRegion: {},
      locationStatus: {},
      firstFailure: failure,
      ssl: null,
      domain: null,
    },
    evidence: [],
  };
}

export type PingKind = 'success' | 'start' | 'fail';

export interface PingFields {
  lastPingAt: Date | null;
  lastFailAt: Date | null;
  runStartedAt: Date | null;
  lastRunMs: number | null;
  heartbeatExpectedBy: Date | null;
}

/**
 * What a ping changes on its monitor. A success ping resets the timer and ends the
 * run `/start` began (its duration is kept); `/fail` records a failure (and ends the
 * run) without resetting the timer; `/start` only marks the run's start. A paused
 * monitor records a success ping's time and nothing else ("recorded but not tracked").
 */
export function pingChanges(
  m: PingFields & { heartbeatInterval: number; paused: boolean },
  kind: PingKind,
  nowMs: number,
): Partial<PingFields> {
  const now = new Date(nowMs);
  if (m.paused) return kind === 'success' ? { lastPingAt: now } : {};
  const run = runDurationMs(m.runStartedAt?.getTime() ?? null, nowMs);
  switch (kind) {
    case 'start':
      return { runStartedAt: now };
    case 'fail':
      return { lastFailAt: now, runStartedAt: null, lastRunMs: run };
    case 'success':
      return {
        lastPingAt: now,
        runStartedAt: null,
        lastRunMs: run,
        heartbeatExpectedBy: new Date(nextExpectedBy(nowMs, m.heartbeatInterval)),
      };
  }
}

/** Whether a ping may change the status, so that the monitor is judged at once instead of at its next check. */
export function pingNeedsCheck(status: string, kind: PingKind): boolean {
  if (kind === 'success') return status !== 'up';
  if (kind === 'fail') return status !== 'down';
  return false;
}

export const PING_TOKEN_HINT_LENGTH = 8;

/** A ping token and what is stored of it (hash, and a hint to recognise a masked URL). */
export function issuePingToken(): { token: string; hash: string; hint: string } {
  const token = newPingToken();
  return { token, hash: hashPingToken(token), hint: token.slice(0, PING_TOKEN_HINT_LENGTH) };
}
