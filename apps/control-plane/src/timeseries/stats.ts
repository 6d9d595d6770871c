import { Hist, Histogram } from './histogram';

/**
 * What a rollup row or a raw row contributes to a window or a series point. For a
 * region: checks = results, failures = failed results. For the monitor as a whole
 * (region `*`): checks = counted rounds (up, degraded, down; not no_data),
 * failures = down rounds, degraded = degraded rounds; response time = the round's
 * median over its regions.
 */
export interface Stats {
  checks: number;
  failures: number;
  degraded: number;
  rtCount: number;
  rtSum: number;
  rtMin: number | null;
  rtMax: number | null;
  hist: Hist;
}

export const emptyStats = (): Stats => ({
  checks: 0,
  failures: 0,
  degraded: 0,
  rtCount: 0,
  rtSum: 0,
  rtMin: null,
  rtMax: null,
  hist: new Hist(),
});

/** Merges stats, or a stored rollup row (sparse histogram: added without a dense copy). */
export function mergeStats(into: Stats, s: Omit<Stats, 'hist'> & { hist: Hist | Histogram }): Stats {
  into.checks += s.checks;
  into.failures += s.failures;
  into.degraded += s.degraded;
  into.rtCount += s.rtCount;
  into.rtSum += s.rtSum;
  if (s.rtMin !== null) into.rtMin = into.rtMin === null ? s.rtMin : Math.min(into.rtMin, s.rtMin);
  if (s.rtMax !== null) into.rtMax = into.rtMax === null ? s.rtMax : Math.max(into.rtMax, s.rtMax);
  if (s.hist instanceof Hist) into.hist.merge(s.hist);
  else into.hist.addSparse(s.hist);
  return into;
}

/** Adds one raw observation (a region's result, or a decided round). */
export function addObservation(into: Stats, ok: boolean, responseMs: number | null, degraded = false): Stats {
  into.checks += 1;
  if (!ok) into.failures += 1;
  if (degraded) into.degraded += 1;
  if (responseMs !== null && responseMs !== undefined) {
    into.rtCount += 1;
    into.rtSum += responseMs;
    into.rtMin = into.rtMin === null ? responseMs : Math.min(into.rtMin, responseMs);
    into.rtMax = into.rtMax === null ? responseMs : Math.max(into.rtMax, responseMs);
    into.hist.addValue(responseMs);
  }
  return into;
}

const round2 = (v: number | null): number | null => (v === null ? null : Math.round(v * 100) / 100);

/** Uptime in percent with 4 decimals (exact counts are returned beside it); null without checks. */
export function uptimePercent(checks: number, failures: number): number | null {
  return checks ? Math.round(((checks - failures) / checks) * 1_000_000) / 10_000 : null;
}

export interface ResponseSummary {
  count: number;
  avg: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  min: number | null;
  max: number | null;
}

export function responseSummary(s: Stats): ResponseSummary {
  const [p50, p95, p99] = s.rtCount
    ? s.hist.quantiles(s.rtCount, [0.5, 0.95, 0.99], s.rtMin!, s.rtMax!).map(round2)
    : [null, null, null];
  return {
    count: s.rtCount,
    avg: s.rtCount ? round2(s.rtSum / s.rtCount) : null,
    p50,
    p95,
    p99,
    min: round2(s.rtMin),
    max: round2(s.rtMax),
  };
}
