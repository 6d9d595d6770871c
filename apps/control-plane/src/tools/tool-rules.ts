import { isIP } from 'node:net';
import { getDomain } from 'tldts';

/**
 * Tools rules (pure; issue 19 item 7): what a whois target may be, the key of an
 * account's tools budget, the host MTR traces and the regions it asks.
 */
/**
 * A domain target is the registrable domain of the name asked (`host`): one label below
 * its public suffix, from the ICANN section of the Public Suffix List (tldts), since that
 * is what registries answer for. `public_suffix`: the name is itself a suffix (`co.uk`).
 */
export type LookupTarget =
  { kind: 'domain'; name: string; host: string } | { kind: 'ip'; ip: string } | { kind: 'public_suffix'; name: string };

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * A domain name (at least two LDH labels, 253 characters at most, trailing dot dropped),
 * reduced to its registrable domain (`www.example.co.uk` → `example.co.uk`; an unlisted TLD
 * counts as a suffix of one label), or an IP address; null otherwise.
 */
export function parseLookupTarget(raw: unknown): LookupTarget | null {
  if (typeof raw !== 'string') return null;
  const s = raw.trim().toLowerCase();
  if (!s || s.length > 253 + 1) return null;
  const unbracketed = s.startsWith('[') && s.endsWith(']') ? s.slice(1, -1) : s;
  if (isIP(unbracketed)) return { kind: 'ip', ip: unbracketed };
  const name = s.endsWith('.') ? s.slice(0, -1) : s;
  const labels = name.split('.');
  if (
    name.length > 253 ||
    labels.length < 2 ||
    !labels.every((l) => LABEL.test(l)) ||
    /^\d+$/.test(labels[labels.length - 1])
  )
    return null;
  const registrable = getDomain(name, { allowPrivateDomains: false, validateHostname: false });
  if (!registrable) return { kind: 'public_suffix', name };
  return { kind: 'domain', name: registrable, host: name };
}

/** The key of an account's tools budget in the shared rate-limit counters (one budget for whois and MTR together). */
export function toolBudgetKey(accountId: string): string {
  return `tools:${accountId}`;
}

/** The host a monitor's checks connect to (what MTR traces); null for types without one (heartbeat, domain). */
export function monitorTargetHost(m: {
  monitorType: string;
  url: string;
  sslDomain: string;
  host: string;
  dnsHostname: string;
}): string | null {
  const fromUrl = () => {
    try {
      return new URL(m.url).hostname || null;
    } catch {
      return null;
    }
  };
  switch (m.monitorType) {
    case 'http':
    case 'https':
    case 'json_api':
      return fromUrl();
    case 'ssl':
      return m.sslDomain || fromUrl();
    case 'tcp':
    case 'ping':
    case 'sip':
      return m.host || null;
    case 'dns':
      return m.dnsHostname || null;
    default:
      return null;
  }
}

/** `?regions=a,b` → those of the monitor's regions (all of them when absent); an error naming the unknown ones. */
export function parseRegionsParam(
  raw: unknown,
  monitorRegions: readonly string[],
): { ok: true; regions: string[] } | { ok: false; error: string } {
  if (raw === undefined || raw === '' || raw === 'all') return { ok: true, regions: [...monitorRegions] };
  if (typeof raw !== 'string') return { ok: false, error: 'regions must be a comma-separated list' };
  const asked = [
    ...new Set(
      raw
        .split(',')
        .map((r) => r.trim())
        .filter(Boolean),
    ),
  ];
  const unknown = asked.filter((r) => !monitorRegions.includes(r));
  if (unknown.length)
    return {
      ok: false,
      error: `not regions of this monitor: ${unknown.map((r) => r.slice(0, 64)).join(', ')}; its regions: ${monitorRegions.join(', ')}`,
    };
  if (!asked.length) return { ok: false, error: 'regions must name at least one region' };
  return { ok: true, regions: asked };
}
