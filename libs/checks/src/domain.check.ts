import { performance } from 'node:perf_hooks';
import type { DomainCheckSpec } from '@parallax/contracts';
import { EMPTY_PHASES, type Check, type CheckContext, type CheckOutcome } from './check';
import { deadlineSignal, round2 } from './connect';
import { describeError } from './http.check';
import { lookupDomain, NotRegisteredError, type Registration } from './registration';

const DAY_MS = 86_400_000;
/** A registration read is reused this long: registries change expiry dates a few times a year, and rate-limit lookups. */
export const DOMAIN_CACHE_MS = 6 * 3_600_000;

/** Successful lookups by domain and servers, shared by the checks of one probe process. */
export class RegistrationCache {
  private readonly entries = new Map<string, { reg: Registration; at: number }>();
  constructor(
    private readonly ttlMs = DOMAIN_CACHE_MS,
    private readonly now: () => number = Date.now,
    private readonly max = 10_000,
  ) {}

  get(key: string): { reg: Registration; at: number } | null {
    const hit = this.entries.get(key);
    if (!hit) return null;
    if (this.now() - hit.at >= this.ttlMs) {
      this.entries.delete(key);
      return null;
    }
    return hit;
  }

  set(key: string, reg: Registration): void {
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { reg, at: this.now() });
  }

  clear(): void {
    this.entries.clear();
  }
}

/** The judgement of one registration read (pure): down when expired or without an expiry, warn within the threshold. */
export function judgeRegistration(
  reg: Registration,
  thresholdDays: number,
  nowMs: number,
): { is_up: boolean; warn: boolean; error: string | null; days_left: number | null; findings: string[] } {
  if (!reg.expires_at)
    return {
      is_up: false,
      warn: false,
      error: `the registry (${reg.server}) gives no expiry date for ${reg.name}`,
      days_left: null,
      findings: [],
    };
  const left = new Date(reg.expires_at).getTime() - nowMs;
  const days = Math.floor(left / DAY_MS);
  if (left <= 0)
    return {
      is_up: false,
      warn: false,
      error: `domain registration expired on ${reg.expires_at}`,
      days_left: days,
      findings: [],
    };
  if (days <= thresholdDays)
    return {
      is_up: true,
      warn: true,
      error: null,
      days_left: days,
      findings: [`domain registration expires in ${days} days (threshold ${thresholdDays})`],
    };
  return { is_up: true, warn: false, error: null, days_left: days, findings: [] };
}

/**
 * domain: the registration's expiry through RDAP, WHOIS as fallback (registration.ts),
 * reused for DOMAIN_CACHE_MS per probe process. `status_code` is null; `response_ms` the
 * lookup's time (null when cached); details carry the normalised record (without the raw text).
 */
export class DomainCheck implements Check<DomainCheckSpec> {
  readonly type = 'domain' as const;
  constructor(readonly cache = new RegistrationCache()) {}

  async run(spec: DomainCheckSpec, ctx: CheckContext): Promise<CheckOutcome> {
    const domain = spec.domain.toLowerCase().replace(/\.$/, '');
    const key = `${domain}|${spec.rdap_server ?? ''}|${spec.whois_server ?? ''}|${ctx.allowPrivateTargets}`;
    let hit = this.cache.get(key);
    let ms: number | null = null;
    if (!hit) {
      const deadline = deadlineSignal(spec.timeout_ms, ctx.signal);
      const t0 = performance.now();
      try {
        const reg = await lookupDomain(
          domain,
          { rdapServer: spec.rdap_server, whoisServer: spec.whois_server },
          ctx,
          deadline.signal,
        );
        this.cache.set(key, reg);
        hit = { reg, at: Date.now() };
        ms = round2(performance.now() - t0);
      } catch (e) {
        const error =
          e instanceof NotRegisteredError
            ? e.message
            : deadline.timedOut()
              ? `registry lookup timed out after ${spec.timeout_ms} ms`
              : `registration of ${domain} unknown: ${describeError(e)}`;
        return {
          is_up: false,
          status_code: null,
          response_ms: null,
          error,
          phases: { ...EMPTY_PHASES },
          response_headers: null,
          response_body: null,
          warn: false,
          details: { domain, registered: e instanceof NotRegisteredError ? false : null },
        };
      } finally {
        deadline.dispose();
      }
    }
    const { reg, at } = hit;
    const v = judgeRegistration(reg, spec.expiry_threshold_days, Date.now());
    return {
      is_up: v.is_up,
      status_code: null,
      response_ms: ms,
      error: v.error,
      phases: { ...EMPTY_PHASES, total: ms },
      response_headers: null,
      response_body: null,
      warn: v.warn,
      details: {
        domain,
        registered: true,
        source: reg.source,
        server: reg.server,
        registrar: reg.registrar,
        created_at: reg.created_at,
        updated_at: reg.updated_at,
        expires_at: reg.expires_at,
        days_left: v.days_left,
        status: reg.status,
        name_servers: reg.name_servers,
        findings: v.findings,
        read_at: new Date(at).toISOString(),
        cached: ms === null,
      },
    };
  }
}
