import type { CheckSpec, CheckType, TimingPhases } from '@parallax/contracts';
import type { LookupAllFn } from './ssrf';

/** What every check run needs besides the monitor's own spec. */
export interface CheckContext {
  /** Region id, for the User-Agent and for logs. */
  region: string;
  /** Sent as `User-Agent` by checks that speak HTTP. */
  userAgent: string;
  /** When false (the default), targets resolving to private/loopback/link-local/... addresses are refused. */
  allowPrivateTargets: boolean;
  /** Largest response body read; a larger body fails the check with a clear error. */
  maxBodyBytes: number;
  /** Aborts the check early (probe shutdown). The check's own timeout comes from its spec. */
  signal?: AbortSignal;
  /**
   * Exceptions to the SSRF guard while `allowPrivateTargets` is false: addresses or CIDRs
   * (e.g. `10.20.0.0/16`) that may be checked anyway. Parsed once per array instance.
   */
  allowedPrivateCidrs?: readonly string[];
  /** Replaces `dns.lookup` for the check's own DNS lookups (a caching resolver; tests). */
  lookup?: LookupAllFn;
  /** Extra CA certificates (PEM) trusted for https targets, on top of the system roots. */
  tlsCa?: string | Buffer | Array<string | Buffer>;
  /**
   * `PATH` of the programs a check runs (ping): the probe's, from its config (the library
   * reads no environment). Default `/usr/bin:/bin`.
   */
  childPath?: string;
}

/** `PATH` of a check's child process when the context gives none. */
export const DEFAULT_CHILD_PATH = '/usr/bin:/bin';

/** The outcome of one check from one region. A check never throws on a failing target. */
export interface CheckOutcome {
  is_up: boolean;
  status_code: number | null;
  response_ms: number | null;
  error: string | null;
  phases: TimingPhases;
  /** Filled only when the check failed. */
  response_headers: Record<string, string> | null;
  /** Filled only when the check failed; at most 2048 characters. */
  response_body: string | null;
  ssl_expiry?: string | null;
  ssl_issuer?: string | null;
  /** ssl only: up, but the certificate expires within the monitor's threshold. */
  warn?: boolean;
  /** Type-specific findings (certificate and protocols, DNS answer and rcode, TCP reply). */
  details?: Record<string, unknown> | null;
}

/** One implementation per check type (blackbox_exporter's prober/ layout). */
export interface Check<S extends CheckSpec = CheckSpec> {
  readonly type: S['type'];
  run(spec: S, ctx: CheckContext): Promise<CheckOutcome>;
}

export type CheckRegistry = { [K in CheckType]: Check<Extract<CheckSpec, { type: K }>> };

export const EMPTY_PHASES: TimingPhases = { dns: null, connect: null, tls: null, first_byte: null, total: null };
