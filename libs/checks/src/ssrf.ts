import * as dns from 'node:dns';
import * as net from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * SSRF guard (SPEC §7): a target that resolves to loopback, private, link-local (incl. the
 * cloud metadata address 169.254.169.254), CGNAT, multicast, unspecified, broadcast or
 * reserved addresses is refused unless the deployment sets ALLOW_PRIVATE_TARGETS=true.
 *
 * The probe applies it to the address it actually connects to (after its own DNS lookup),
 * on every redirect hop, so there is no gap between "checked" and "connected".
 */

/** The ipaddr.js range names that are publicly routable and therefore allowed. */
const PUBLIC_RANGES: ReadonlySet<string> = new Set(['unicast', 'as112', 'amt', 'as112v6']);

/** IPv6 ranges that embed an IPv4 address; the embedded address decides. */
const EMBEDDING_RANGES: ReadonlySet<string> = new Set(['ipv4Mapped', 'rfc6145', 'rfc6052', '6to4', 'teredo']);

export interface AddressClassification {
  /** The address in canonical form (IPv6 without brackets or zone id), or the input when invalid. */
  address: string;
  /**
   * The ipaddr.js range of the address (`unicast`, `loopback`, `private`, `linkLocal`,
   * `carrierGradeNat`, `multicast`, `unspecified`, `broadcast`, `reserved`, `uniqueLocal`, ...),
   * or of the embedded IPv4 address when `embeddedIPv4` is set; `invalid` when not an IP address.
   */
  range: string;
  /** true when the address is publicly routable and may be checked without ALLOW_PRIVATE_TARGETS. */
  allowed: boolean;
  /** For IPv4-mapped, IPv4-compatible, NAT64, 6to4 and Teredo addresses: the IPv4 address that decided. */
  embeddedIPv4?: string;
  /** The IPv6 range that carried the embedded IPv4 address (e.g. `ipv4Mapped`). */
  via?: string;
}

const MAPPED_DOTTED = /:ffff:\d+\.\d+\.\d+\.\d+$/i;

/** Removes URL brackets (`[::1]`) so that `new URL(u).hostname` can be passed as is. */
export function stripBrackets(host: string): string {
  return host.length > 1 && host.charCodeAt(0) === 91 /* [ */ && host.charCodeAt(host.length - 1) === 93 /* ] */
    ? host.slice(1, -1)
    : host;
}

function v4(octets: number[]): ipaddr.IPv4 {
  return new ipaddr.IPv4(octets);
}

/** The IPv4 addresses an IPv6 address carries (empty when it carries none we know of). */
function embeddedIPv4s(addr: ipaddr.IPv6, range: string): ipaddr.IPv4[] {
  const p = addr.parts;
  const low = (hi: number, lo: number) => v4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  switch (range) {
    case 'ipv4Mapped': // ::ffff:a.b.c.d
    case 'rfc6145': // ::ffff:0:a.b.c.d
      return [low(p[6], p[7])];
    case 'rfc6052':
      // 64:ff9b::/96 (well-known NAT64 prefix) embeds the IPv4 address in the last 32 bits;
      // 64:ff9b:1::/48 is for local use only: treat it as carrying an unspecified address.
      return p[2] === 0 && p[3] === 0 && p[4] === 0 && p[5] === 0 ? [low(p[6], p[7])] : [v4([0, 0, 0, 0])];
    case '6to4': // 2002:AABB:CCDD::/48
      return [low(p[1], p[2])];
    case 'teredo': {
      // 2001:0:SSSS:SSSS:flags:port:CCCC:CCCC with the client address bit-inverted
      const server = low(p[2], p[3]);
      const client = low(~p[6] & 0xffff, ~p[7] & 0xffff);
      return [server, client];
    }
    default:
      return [];
  }
}

function classifyParsed(parsed: ipaddr.IPv4 | ipaddr.IPv6): AddressClassification {
  if (parsed.kind() === 'ipv4') {
    const range = (parsed as ipaddr.IPv4).range();
    return { address: parsed.toString(), range, allowed: PUBLIC_RANGES.has(range) };
  }
  const v6 = parsed as ipaddr.IPv6;
  const address = v6.toRFC5952String();
  let range: string = v6.range();
  const p = v6.parts;
  // Deprecated IPv4-compatible addresses ::a.b.c.d (RFC 4291 §2.5.5.1): ipaddr.js calls them unicast.
  if (range === 'unicast' && p[0] === 0 && p[1] === 0 && p[2] === 0 && p[3] === 0 && p[4] === 0 && p[5] === 0) {
    range = 'ipv4Compatible';
    const embedded = v4([p[6] >> 8, p[6] & 0xff, p[7] >> 8, p[7] & 0xff]);
    const inner = embedded.range();
    // Not routable any more: always refused, reported with the embedded address's range when that is private.
    return {
      address,
      range: PUBLIC_RANGES.has(inner) ? range : inner,
      allowed: false,
      embeddedIPv4: embedded.toString(),
      via: range,
    };
  }
  if (EMBEDDING_RANGES.has(range)) {
    const inner = embeddedIPv4s(v6, range);
    for (const e of inner) {
      const r = e.range();
      if (!PUBLIC_RANGES.has(r)) return { address, range: r, allowed: false, embeddedIPv4: e.toString(), via: range };
    }
    return { address, range: 'unicast', allowed: true, embeddedIPv4: inner[inner.length - 1].toString(), via: range };
  }
  return { address, range, allowed: PUBLIC_RANGES.has(range) };
}

/**
 * Classifies one IP address (IPv4 in any notation ipaddr.js accepts, IPv6 with or without
 * brackets or zone id). Anything that is not an IP address classifies as `invalid` and is
 * not allowed (the guard fails closed).
 */
export function classifyAddress(ip: string): AddressClassification {
  const host = stripBrackets(ip.trim());
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(host);
  } catch {
    return { address: ip, range: 'invalid', allowed: false };
  }
  // ipaddr.js reads any IPv6 with a dotted tail (`::8.8.8.8`) as IPv4-mapped; only `...:ffff:a.b.c.d` is.
  if (parsed.kind() === 'ipv6' && host.includes('.') && !MAPPED_DOTTED.test(host)) {
    const p = (parsed as ipaddr.IPv6).parts;
    if (p[5] === 0xffff && p[0] === 0 && p[1] === 0 && p[2] === 0 && p[3] === 0 && p[4] === 0) {
      parsed = new ipaddr.IPv6([0, 0, 0, 0, 0, 0, p[6], p[7]]);
    }
  }
  return classifyParsed(parsed);
}

/** true when the address must be refused without ALLOW_PRIVATE_TARGETS (also for anything that is not an IP). */
export function isPrivateAddress(ip: string): boolean {
  return !classifyAddress(ip).allowed;
}

/** true when `host` (a URL hostname, brackets allowed) is a literal IPv4/IPv6 address. */
export function isIpLiteral(host: string): boolean {
  return net.isIP(stripBrackets(host)) !== 0;
}

/** A target refused by the SSRF guard. Its message names the class of address (loopback, private, linkLocal, …), never the address a name resolved to. */
export class TargetRefusedError extends Error {
  readonly code = 'ETARGETREFUSED';
  constructor(
    readonly hostname: string,
    readonly address: string,
    readonly range: string,
  ) {
    super(
      `target ${isIpLiteral(hostname) ? 'is' : 'resolves to'} a private address (${range}); ` +
        'set ALLOW_PRIVATE_TARGETS=true to allow',
    );
    this.name = 'TargetRefusedError';
  }
}

/** A DNS lookup that failed or returned nothing. */
export class DnsLookupError extends Error {
  constructor(
    readonly hostname: string,
    readonly code: string,
  ) {
    super(`DNS lookup failed for ${hostname} (${code})`);
    this.name = 'DnsLookupError';
  }
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export interface ResolvedTarget extends ResolvedAddress {
  /** Every address the lookup returned, in resolver order; `address`/`family` is the first. */
  addresses: ResolvedAddress[];
}

/** `dns.lookup(hostname, { all: true }, cb)`-compatible function, so a caching resolver can be plugged in. */
export type LookupAllFn = (
  hostname: string,
  options: { all: true },
  callback: (err: NodeJS.ErrnoException | null, addresses: dns.LookupAddress[]) => void,
) => void;

export interface GuardOptions {
  /** Replaces `dns.lookup` (tests, caching resolvers). */
  lookup?: LookupAllFn;
  /** CIDRs (e.g. `10.20.0.0/16`, `127.0.0.1/32`) that are allowed even when private targets are not. */
  allowedCidrs?: readonly string[];
}

type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];
const cidrCache = new WeakMap<readonly string[], Cidr[]>();

/** Parses a CIDR list once per array instance; throws on an invalid entry. */
function parsedCidrs(list: readonly string[]): Cidr[] {
  let parsed = cidrCache.get(list);
  if (!parsed) {
    parsed = list.map((c) =>
      c.includes('/') ? ipaddr.parseCIDR(c) : ([ipaddr.parse(c), c.includes(':') ? 128 : 32] as Cidr),
    );
    cidrCache.set(list, parsed);
  }
  return parsed;
}

/** true when `ip` (or the IPv4 it embeds) lies in one of the CIDRs. */
export function inCidrs(ip: string, cidrs: readonly string[]): boolean {
  if (cidrs.length === 0) return false;
  let addr: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    addr = ipaddr.parse(stripBrackets(ip));
  } catch {
    return false;
  }
  const candidates: (ipaddr.IPv4 | ipaddr.IPv6)[] = [addr];
  if (addr.kind() === 'ipv6') {
    const embedded = classifyParsed(addr).embeddedIPv4;
    if (embedded) candidates.push(ipaddr.parse(embedded));
  }
  for (const [net_, bits] of parsedCidrs(cidrs)) {
    for (const c of candidates) {
      if (c.kind() === net_.kind() && c.match(net_, bits)) return true;
    }
  }
  return false;
}

/**
 * Throws TargetRefusedError when `address` may not be connected to. `hostname` is only used
 * for the message.
 */
export function guardAddress(
  hostname: string,
  address: string,
  allowPrivate: boolean,
  allowedCidrs?: readonly string[],
): void {
  if (allowPrivate) return;
  const c = classifyAddress(address);
  if (c.allowed) return;
  if (allowedCidrs && inCidrs(address, allowedCidrs)) return;
  throw new TargetRefusedError(hostname, c.embeddedIPv4 ? `${c.address} → ${c.embeddedIPv4}` : c.address, c.range);
}

const defaultLookup: LookupAllFn = (hostname, options, callback) => dns.lookup(hostname, options, callback);

function toFamily(f: number | string): 4 | 6 {
  return f === 6 || f === 'IPv6' ? 6 : 4;
}

/**
 * Resolves `hostname` (literal IPs are not looked up) and refuses it when ANY of its addresses
 * is private, unless `allowPrivate`. Rejects with TargetRefusedError or DnsLookupError.
 */
export function resolveAndGuard(
  hostname: string,
  allowPrivate: boolean,
  options: GuardOptions = {},
): Promise<ResolvedTarget> {
  const host = stripBrackets(hostname);
  const literal = net.isIP(host);
  if (literal !== 0) {
    try {
      guardAddress(host, host, allowPrivate, options.allowedCidrs);
    } catch (e) {
      return Promise.reject(e);
    }
    const one: ResolvedAddress = { address: host, family: literal as 4 | 6 };
    return Promise.resolve({ ...one, addresses: [one] });
  }
  if (host.length === 0) return Promise.reject(new DnsLookupError(hostname, 'EMPTY_HOSTNAME'));
  const lookup = options.lookup ?? defaultLookup;
  return new Promise<ResolvedTarget>((resolve, reject) => {
    lookup(host, { all: true }, (err, found) => {
      if (err) return reject(new DnsLookupError(host, err.code ?? 'EAI_FAIL'));
      if (!found || found.length === 0) return reject(new DnsLookupError(host, 'ENODATA'));
      const addresses: ResolvedAddress[] = new Array(found.length);
      try {
        for (let i = 0; i < found.length; i++) {
          guardAddress(host, found[i].address, allowPrivate, options.allowedCidrs);
          addresses[i] = { address: found[i].address, family: toFamily(found[i].family) };
        }
      } catch (e) {
        return reject(e);
      }
      resolve({ address: addresses[0].address, family: addresses[0].family, addresses });
    });
  });
}
