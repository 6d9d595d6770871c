import type { CheckSpec } from '@parallax/contracts';
import { EMPTY_PHASES, type Check, type CheckContext, type CheckOutcome, type CheckRegistry } from './check';
import { DnsCheck } from './dns.check';
import { DomainCheck } from './domain.check';
import { HttpCheck } from './http.check';
import { JsonApiCheck } from './json-api.check';
import { PingCheck } from './ping.check';
import { SipCheck } from './sip.check';
import { SslCheck } from './ssl.check';
import { TcpCheck } from './tcp.check';

/** Every check type the probe can run, keyed by `type` (blackbox_exporter's prober map). */
export const checkRegistry: CheckRegistry = {
  http: new HttpCheck(),
  json_api: new JsonApiCheck(),
  ssl: new SslCheck(),
  tcp: new TcpCheck(),
  dns: new DnsCheck(),
  ping: new PingCheck(),
  sip: new SipCheck(),
  domain: new DomainCheck(),
};

/** A failed outcome for a check that could not run at all. */
export function failedOutcome(error: string): CheckOutcome {
  return {
    is_up: false,
    status_code: null,
    response_ms: null,
    error,
    phases: { ...EMPTY_PHASES },
    response_headers: null,
    response_body: null,
  };
}

/**
 * Runs one check with the implementation registered for its type. Never rejects: an unknown
 * type or an unexpected exception becomes a failed outcome.
 */
export async function runCheck(spec: CheckSpec, ctx: CheckContext): Promise<CheckOutcome> {
  const registry = checkRegistry as Partial<Record<string, Check<CheckSpec>>>;
  const check = Object.hasOwn(registry, spec.type) ? registry[spec.type] : undefined;
  if (!check) return failedOutcome(`unsupported check type ${JSON.stringify(spec.type)}`);
  try {
    return await check.run(spec, ctx);
  } catch (e) {
    return failedOutcome(
      `internal error in ${spec.type} check: ${typeof e === 'object' && e !== null && 'message' in e ? String(e.message) : String(e)}`,
    );
  }
}
