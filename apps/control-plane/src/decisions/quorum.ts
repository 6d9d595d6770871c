/**
 * The decision rule (SPEC 4), a pure function.
 *
 * - `reported`: regions with a result before the round's deadline. A region without
 *   a result is unknown, never failing.
 * - `failing`: reported regions whose check failed; `q = min(quorum, |reported|)`.
 * - down if |reported| ≥ 1 and failing ≥ q; degraded if 0 < failing < q; up if failing = 0.
 * - No region reported: "no data"; the status is left unchanged and uptime does not count it.
 */
export type Decision = 'up' | 'degraded' | 'down' | 'no_data';

export interface RegionVerdict {
  region: string;
  isUp: boolean;
}

export interface QuorumInput {
  /** The regions the round was dispatched to. */
  regions: readonly string[];
  /** How many failing regions make the monitor down (1..regions.length). */
  quorum: number;
  /** Results received before the deadline; results of regions not in `regions` are ignored. */
  results: readonly RegionVerdict[];
}

export interface QuorumDecision {
  decision: Decision;
  reported: string[];
  failing: string[];
  unknown: string[];
  /** The effective quorum: min(quorum, |reported|). */
  effectiveQuorum: number;
}

export function decide(input: QuorumInput): QuorumDecision {
  if (!Number.isInteger(input.quorum) || input.quorum < 1)
    throw new RangeError(`quorum must be a positive integer, got ${input.quorum}`);
  const wanted = new Set(input.regions);
  const verdicts = new Map<string, boolean>();
  for (const r of input.results) {
    // One verdict per region; a region that somehow reported twice counts as failing if any report failed.
    if (wanted.has(r.region)) verdicts.set(r.region, (verdicts.get(r.region) ?? true) && r.isUp);
  }
  const reported = input.regions.filter((r) => verdicts.has(r));
  const failing = reported.filter((r) => verdicts.get(r) === false);
  const unknown = input.regions.filter((r) => !verdicts.has(r));
  const effectiveQuorum = Math.min(input.quorum, reported.length);
  let decision: Decision;
  if (reported.length === 0) decision = 'no_data';
  else if (failing.length >= effectiveQuorum && failing.length > 0) decision = 'down';
  else if (failing.length > 0) decision = 'degraded';
  else decision = 'up';
  return { decision, reported, failing, unknown, effectiveQuorum };
}

/** Default quorum: a strict majority of the monitor's regions. */
export function defaultQuorum(regionCount: number): number {
  return Math.floor(regionCount / 2) + 1;
}
