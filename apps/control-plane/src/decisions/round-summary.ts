import type { TimingPhases } from '@parallax/contracts';
import { Decision, decide } from './quorum';

/** The fields of one region's result that a decision and its summary need. */
export interface RegionResult {
  region: string;
  isUp: boolean;
  statusCode: number | null;
  responseMs: number | null;
  error: string | null;
  phases?: TimingPhases;
  responseHeaders?: Record<string, string> | null;
  responseBody?: string | null;
  /** ssl: up, but the certificate expires within the threshold. */
  warn?: boolean;
  sslExpiry?: Date | null;
  sslIssuer?: string | null;
  /** Type-specific findings (the domain check's registration record). */
  details?: Record<string, unknown> | null;
}

/** The registration a domain check read (its details), for the monitor's read model. */
export interface DomainReading {
  expiry: Date | null;
  registrar: string | null;
  status: string[];
}

/** The quorum decision, plus `warn` (SPEC 4: ssl, no region fails but one sees the threshold crossed). */
export type RoundDecision = Decision | 'warn';

export interface RoundSummary {
  decision: RoundDecision;
  reported: string[];
  failing: string[];
  unknown: string[];
  regionsChecked: number;
  regionsUp: number;
  /** Median response time of the regions that answered. */
  responseMs: number | null;
  statusCode: number | null;
  responseMsByRegion: Record<string, number | null>;
  locationStatus: Record<string, 'up' | 'down' | 'unknown'>;
  /** The first failing region's result: the incident's failure details. */
  firstFailure: RegionResult | null;
  /** The soonest certificate expiry the reporting regions saw (ssl, and http on https), with its issuer. */
  ssl: { expiry: Date; issuer: string | null } | null;
  /** domain: the registration the reporting region read, null when none was read. */
  domain: DomainReading | null;
  /** Latency-degraded (latency.ts): up regions slower than the monitor's degraded_threshold_ms; set by the decision service. */
  slow?: string[];
}

/** The registration in a domain check's details (registered, with its fields), else null (pure). */
export function domainReading(details: Record<string, unknown> | null | undefined): DomainReading | null {
  if (!details || details.registered !== true) return null;
  const expiry =
    typeof details.expires_at === 'string' && !Number.isNaN(Date.parse(details.expires_at))
      ? new Date(details.expires_at)
      : null;
  const registrar = typeof details.registrar === 'string' ? details.registrar.slice(0, 512) : null;
  const status = Array.isArray(details.status)
    ? details.status
        .filter((s): s is string => typeof s === 'string')
        .map((s) => s.slice(0, 200))
        .slice(0, 20)
    : [];
  return { expiry, registrar, status };
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const m = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return Math.round(m * 100) / 100;
}

/**
 * Applies the quorum rule to a round's on-time results and summarises it (pure).
 * `regions` got a job; `skipped` are the monitor's regions that got none (no probe
 * online): unknown, like a region that did not answer, and never failing.
 */
export function summariseRound(
  regions: readonly string[],
  quorum: number,
  results: readonly RegionResult[],
  skipped: readonly string[] = [],
): RoundSummary {
  const d = decide({ regions, quorum, results: results.map((r) => ({ region: r.region, isUp: r.isUp })) });
  const byRegion = new Map(results.filter((r) => regions.includes(r.region)).map((r) => [r.region, r]));
  const reportedResults = d.reported.map((r) => byRegion.get(r)!);
  const responseMsByRegion: Record<string, number | null> = {};
  const locationStatus: Record<string, 'up' | 'down' | 'unknown'> = {};
  for (const region of regions) {
    const r = byRegion.get(region);
    locationStatus[region] = r ? (r.isUp ? 'up' : 'down') : 'unknown';
    if (r) responseMsByRegion[region] = r.responseMs;
  }
  for (const region of skipped) if (!(region in locationStatus)) locationStatus[region] = 'unknown';
  const firstFailure = d.failing.length ? byRegion.get(d.failing[0])! : null;
  const representative =
    d.decision === 'down' ? firstFailure : (reportedResults.find((r) => r.isUp) ?? reportedResults[0] ?? null);
  const warn = d.decision === 'up' && reportedResults.some((r) => r.warn === true);
  let ssl: RoundSummary['ssl'] = null;
  for (const r of reportedResults) {
    if (r.sslExpiry && (!ssl || r.sslExpiry < ssl.expiry)) ssl = { expiry: r.sslExpiry, issuer: r.sslIssuer ?? null };
  }
  const domain = reportedResults.map((r) => domainReading(r.details)).find((x) => x !== null) ?? null;
  return {
    decision: warn ? 'warn' : d.decision,
    reported: d.reported,
    failing: d.failing,
    unknown: [...d.unknown, ...skipped.filter((r) => !regions.includes(r))],
    regionsChecked: d.reported.length,
    regionsUp: d.reported.length - d.failing.length,
    responseMs: median(reportedResults.map((r) => r.responseMs).filter((v): v is number => v !== null)),
    statusCode: representative?.statusCode ?? null,
    responseMsByRegion,
    locationStatus,
    firstFailure,
    ssl,
    domain,
  };
}
