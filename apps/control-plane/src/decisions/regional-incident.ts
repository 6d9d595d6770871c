import type { MonitorStatus } from '../monitors/monitor.entity';
import type { RoundDecision } from './round-summary';

/**
 * Regional incidents (issue 15 item 7), a pure function: what a counted, newest round does to
 * the monitor's per-region failure streaks and to its regional incident.
 *
 * - Streaks: a region that reported failing adds one round to its streak (started at this
 *   round's time when new); a region that reported up ends it; a region without a result this
 *   round (unknown, or skipped: no probe online) keeps it as it is (never counted as failing,
 *   never as recovered). A region no longer among the monitor's regions loses its streak.
 *   Only rounds while the monitor is not `down` count: when the status after a round is
 *   `down` every streak ends (the outage's own incident covers every region).
 * - A region is *regionally failing* when its streak reaches `k` consecutive rounds
 *   (`regional_incident_rounds`, default 3; 0 turns regional incidents off).
 * - Open: while the monitor is `up`, `degraded` or `warn` after this round, the round itself is
 *   not `down` (a round that may be the start of an outage, waiting for its confirmation,
 *   opens nothing), no regional incident is open, not in maintenance, and a region is
 *   regionally failing: a regional incident opens with those regions, started when the oldest
 *   of their streaks began.
 * - Widen: an open regional incident adds regions that become regionally failing.
 * - Resolve (`recovered`): when every affected region has reported up again (or left the
 *   monitor's regions), at this round's time; maintenance or not.
 * - Resolve (`superseded`): a full outage supersedes it. When the monitor is `down` after this
 *   round its open regional incident is resolved at once (its timeline says so) and the
 *   outage's own incident (incidentTransition) takes over; a region still failing after the
 *   outage ends opens a new regional incident only after `k` more failing rounds (calm: the
 *   outage's recovery is not followed at once by a new alert).
 * - Resolve (`disabled`): `k` set to 0 while one is open.
 */
export interface RegionStreak {
  /** Consecutive failing rounds (≥ 1; a region without a streak has no entry). */
  rounds: number;
  /** The scheduled time of its first failing round. */
  since: Date;
}

export interface OpenRegionalIncident {
  id: string;
  affectedRegions: readonly string[];
  startedAt: Date;
}

export interface RegionalInput {
  /** The monitor's regions (a streak of any other region is dropped). */
  regions: readonly string[];
  /** Each region's state in this round: `up`, `down` (reported failing) or `unknown`. */
  locationStatus: Readonly<Record<string, 'up' | 'down' | 'unknown'>>;
  streaks: ReadonlyMap<string, RegionStreak>;
  /** `regional_incident_rounds`; 0: off. */
  k: number;
  /** The round's own decision (after latency-degraded). */
  decision: Exclude<RoundDecision, 'no_data'>;
  /** The monitor's (confirmed) status after this round. */
  status: MonitorStatus;
  open: OpenRegionalIncident | null;
  maintenance: boolean;
  /** The round's scheduled time. */
  at: Date;
}

export type RegionalAction =
  | { kind: 'none' }
  | { kind: 'open'; affectedRegions: string[]; startedAt: Date }
  | { kind: 'widen'; incidentId: string; affectedRegions: string[] }
  | {
      kind: 'resolve';
      incidentId: string;
      resolvedAt: Date;
      durationSeconds: number;
      reason: 'recovered' | 'superseded' | 'disabled';
    };

export interface RegionalOutcome {
  /** The streaks after this round (regions without a streak are absent). */
  streaks: Map<string, RegionStreak>;
  action: RegionalAction;
}

export function regionalTransition(i: RegionalInput): RegionalOutcome {
  const streaks = new Map<string, RegionStreak>();
  for (const region of i.status === 'down' ? [] : i.regions) {
    const before = i.streaks.get(region);
    const state = i.locationStatus[region] ?? 'unknown';
    if (state === 'down')
      streaks.set(region, before ? { rounds: before.rounds + 1, since: before.since } : { rounds: 1, since: i.at });
    else if (state === 'unknown' && before) streaks.set(region, before);
  }
  const k = Math.max(0, Math.floor(i.k));
  const failing =
    k > 0
      ? [...streaks.entries()]
          .filter(([, s]) => s.rounds >= k)
          .map(([r]) => r)
          .sort()
      : [];
  const resolve = (reason: 'recovered' | 'superseded' | 'disabled'): RegionalAction => ({
    kind: 'resolve',
    incidentId: i.open!.id,
    resolvedAt: i.at,
    durationSeconds: Math.max(0, Math.round((i.at.getTime() - i.open!.startedAt.getTime()) / 1000)),
    reason,
  });
  if (i.open) {
    if (k === 0) return { streaks, action: resolve('disabled') };
    if (i.status === 'down') return { streaks, action: resolve('superseded') };
    if (i.open.affectedRegions.every((r) => !streaks.has(r))) return { streaks, action: resolve('recovered') };
    const affected = [...new Set([...i.open.affectedRegions, ...failing])];
    return {
      streaks,
      action:
        affected.length > i.open.affectedRegions.length
          ? { kind: 'widen', incidentId: i.open.id, affectedRegions: affected }
          : { kind: 'none' },
    };
  }
  const calm = i.status === 'up' || i.status === 'degraded' || i.status === 'warn';
  if (!failing.length || !calm || i.decision === 'down' || i.maintenance) return { streaks, action: { kind: 'none' } };
  const startedAt = new Date(Math.min(...failing.map((r) => streaks.get(r)!.since.getTime())));
  return { streaks, action: { kind: 'open', affectedRegions: failing, startedAt } };
}

/** Whether a streak changed (for writing only the rows that did). */
export function sameStreak(a: RegionStreak | undefined, b: RegionStreak | undefined): boolean {
  return a === b || (!!a && !!b && a.rounds === b.rounds && a.since.getTime() === b.since.getTime());
}
