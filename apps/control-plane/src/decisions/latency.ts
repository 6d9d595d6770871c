import type { RoundDecision } from './round-summary';

/**
 * Latency-degraded (issue 15 item 4), a pure function. With `degraded_threshold_ms` set, an
 * up region whose response took longer than the threshold counts as slow; when slow regions
 * reach the quorum (min(quorum, regions that reported), like failing ones for `down`), an
 * `up` or `warn` round becomes `degraded` — never `down`. Its status change is notified as
 * `monitor.slow`, not `monitor.degraded`. Failing rounds (`degraded`, `down`) and `no_data`
 * are left as they are; so is every round without a threshold.
 */
export interface LatencyInput {
  decision: RoundDecision;
  /** The regions the round was dispatched to. */
  regions: readonly string[];
  quorum: number;
  results: readonly { region: string; isUp: boolean; responseMs: number | null }[];
  thresholdMs: number | null;
}

export interface LatencyVerdict {
  decision: RoundDecision;
  /** Up regions slower than the threshold (sorted). */
  slow: string[];
}

export function latencyDecision(i: LatencyInput): LatencyVerdict {
  if (i.thresholdMs === null || (i.decision !== 'up' && i.decision !== 'warn'))
    return { decision: i.decision, slow: [] };
  const wanted = new Set(i.regions);
  const reported = new Set(i.results.filter((r) => wanted.has(r.region)).map((r) => r.region));
  const slow = [
    ...new Set(
      i.results
        .filter((r) => wanted.has(r.region) && r.isUp && r.responseMs !== null && r.responseMs > i.thresholdMs!)
        .map((r) => r.region),
    ),
  ].sort();
  const q = Math.min(i.quorum, reported.size);
  return { decision: slow.length > 0 && slow.length >= q ? 'degraded' : i.decision, slow };
}
