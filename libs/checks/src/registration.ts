import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import * as tls from 'node:tls';
import type { CheckContext } from './check';
import { connectGuarded, guardedLookup, raceSignal } from './connect';
import { describeError } from './http.check';
import { RDAP_BOOTSTRAP } from './rdap-bootstrap';
import type { ResolvedAddress } from './ssrf';

/**
 * Registration data of a domain (or an IP address) through RDAP (RFC 9082/9083) and, as a
 * fallback, WHOIS on port 43 (RFC 3912), normalised to one shape. Every connection goes
 * through the SSRF guard of the check context (the registry servers are targets too).
 * Shared by the domain check and the whois tool.
 */
export interface Registration {
  source: 'rdap' | 'whois';
  /** The RDAP URL or `whois://host:port` answered. */
  server: string;
  /** The name (or address) the record is about, as the registry spells it. */
  name: string;
  registrar: string | null;
  created_at: string | null;
  updated_at: string | null;
  expires_at: string | null;
  status: string[];
  name_servers: string[];
  /** The registry's answer as received (RDAP JSON or WHOIS text), cut at 64 KiB. */
  raw: string;
}

/** The registry has no such registration (RDAP 404, WHOIS "No match"). */
export class NotRegisteredError extends Error {
  constructor(
    readonly target: string,
    readonly server: string,
  ) {
    super(`${target} is not registered (${server})`);
  }
}

/** The registry could not be asked or gave an answer we cannot read. */
export class RegistryError extends Error {}

const MAX_RAW = 64 * 1024;
const MAX_BODY = 1024 * 1024;
const MAX_REDIRECTS = 3;
const IANA_WHOIS = 'whois.iana.org';

/** The RDAP base URLs of the registry of `domain` in the bootstrap registry (longest matching suffix), or []. */
export function rdapBaseFor(domain: string, services = RDAP_BOOTSTRAP.services): string[] {
  const labels = domain.toLowerCase().replace(/\.$/, '').split('.');
  for (let i = 0; i < labels.length; i++) {
    const suffix = labels.slice(i).join('.');
    const hit = services.find(([tlds]) => tlds.includes(suffix));
    if (hit) return [...hit[1]].sort((a, b) => Number(b.startsWith('https:')) - Number(a.startsWith('https:')));
  }
  return [];
}

const iso = (v: unknown): string | null => {
  if (typeof v !== 'string' || !v.trim()) return null;
  const d = new Date(v.trim());
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
};

type Json = Record<string, unknown>;
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});

/** The `fn` (full name) of an RDAP entity's jCard, else its handle. */
function entityName(e: Json): string | null {
  const card = arr(arr(e.vcardArray)[1]);
  const fn = card.find((p) => Array.isArray(p) && p[0] === 'fn') as unknown[] | undefined;
  if (fn && typeof fn[3] === 'string' && fn[3].trim()) return fn[3].trim();
  return typeof e.handle === 'string' ? e.handle : null;
}

/** An RDAP domain (or ip network) object → Registration (pure). */
export function parseRdap(body: Json, server: string, raw: string): Registration {
  const events = arr(body.events).map(obj);
  const at = (action: string) => iso(events.find((e) => String(e.eventAction).toLowerCase() === action)?.eventDate);
  const registrar = arr(body.entities)
    .map(obj)
    .find((e) => arr(e.roles).includes('registrar'));
  const name =
    typeof body.ldhName === 'string'
      ? body.ldhName
      : typeof body.handle === 'string'
        ? body.handle
        : typeof body.name === 'string'
          ? body.name
          : '';
  return {
    source: 'rdap',
    server,
    name: name.toLowerCase(),
    registrar: registrar ? entityName(registrar) : null,
    created_at: at('registration'),
    updated_at: at('last changed'),
    expires_at: at('expiration'),
    status: arr(body.status)
      .filter((s): s is string => typeof s === 'string')
      .slice(0, 20),
    name_servers: arr(body.nameservers)
      .map((n) => obj(n).ldhName)
      .filter((n): n is string => typeof n === 'string')
      .map((n) => n.toLowerCase())
      .slice(0, 20),
    raw: raw.slice(0, MAX_RAW),
  };
}

const WHOIS_KEYS = {
  expires: [
    'registry expiry date',
    'registrar registration expiration date',
    'expiration date',
    'expiry date',
    'expires',
    'expires on',
    'paid-till',
    'expire',
  ],
  created: ['creation date', 'created', 'created on', 'registered', 'registration time', 'regdate'],
  updated: ['updated date', 'last updated', 'last-modified', 'changed', 'updated'],
  registrar: ['registrar', 'sponsoring registrar', 'registrar name', 'org', 'orgname', 'organisation'],
  status: ['domain status', 'status', 'state'],
  nameServers: ['name server', 'nserver', 'nameserver', 'name servers'],
  name: ['domain name', 'domain', 'netrange', 'inetnum', 'inet6num', 'cidr'],
};

/** Texts that mean "no such registration" in the common WHOIS servers' answers. */
const NOT_FOUND =
  /^(no match for|not found|no data found|no entries found|domain not found|status:\s*free|% no such domain|no object found)/im;

/** A WHOIS answer → Registration; null when it says there is no such registration (pure). */
export function parseWhois(text: string, server: string, query: string): Registration | null {
  if (NOT_FOUND.test(text)) return null;
  const fields = new Map<string, string[]>();
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*[%#>]/.test(line)) continue;
    const m = /^\s*([A-Za-z][A-Za-z0-9 /_-]{0,60}?)\s*:\s*(.*?)\s*$/.exec(line);
    if (!m || !m[2]) continue;
    const key = m[1].toLowerCase();
    fields.set(key, [...(fields.get(key) ?? []), m[2]]);
  }
  const first = (keys: string[]) => {
    for (const k of keys) if (fields.get(k)?.length) return fields.get(k)![0];
    return null;
  };
  const all = (keys: string[]) => keys.flatMap((k) => fields.get(k) ?? []);
  const status = [
    ...new Set(
      all(WHOIS_KEYS.status)
        .map((s) => s.split(/[\s,]+/)[0])
        .filter(Boolean),
    ),
  ].slice(0, 20);
  const nameServers = [
    ...new Set(
      all(WHOIS_KEYS.nameServers)
        .map((s) => s.split(/\s+/)[0].toLowerCase().replace(/\.$/, ''))
        .filter(Boolean),
    ),
  ].slice(0, 20);
  return {
    source: 'whois',
    server,
    name: (first(WHOIS_KEYS.name) ?? query).toLowerCase(),
    registrar: first(WHOIS_KEYS.registrar),
    created_at: iso(first(WHOIS_KEYS.created)),
    updated_at: iso(first(WHOIS_KEYS.updated)),
    expires_at: iso(first(WHOIS_KEYS.expires)),
    status,
    name_servers: nameServers,
    raw: text.slice(0, MAX_RAW),
  };
}

/** `host`, `host:port` or `[v6]:port` → host and port (default 43); null when malformed. */
export function parseWhoisServer(s: string): { host: string; port: number } | null {
  const t = s.trim();
  const m =
    /^\[([0-9a-f:.]+)\](?::(\d{1,5}))?$/i.exec(t) ??
    /^([^:\s/[\]]+)(?::(\d{1,5}))?$/.exec(t) ??
    (net.isIPv6(t) ? [t, t, undefined] : null);
  if (!m) return null;
  const port = m[2] ? Number(m[2]) : 43;
  if (port < 1 || port > 65535) return null;
  return { host: m[1].toLowerCase(), port };
}

/** One GET through the SSRF guard, following up to three redirects (each guarded); the body as text. */
async function guardedGet(
  url: string,
  ctx: CheckContext,
  signal: AbortSignal,
): Promise<{ status: number; body: string; url: string }> {
  let current = new URL(url);
  for (let hop = 0; ; hop++) {
    if (current.protocol !== 'http:' && current.protocol !== 'https:')
      throw new RegistryError(`RDAP URL ${current.href} is not http(s)`);
    const host = current.hostname.replace(/^\[|\]$/g, '');
    const target = await guardedLookup(host, ctx, signal);
    const res = await getOnce(current, target.addresses, ctx, signal);
    if (res.status >= 300 && res.status < 400 && res.location && hop < MAX_REDIRECTS) {
      current = new URL(res.location, current);
      continue;
    }
    return { status: res.status, body: res.body, url: current.href };
  }
}

function getOnce(
  url: URL,
  addresses: ResolvedAddress[],
  ctx: CheckContext,
  signal: AbortSignal,
): Promise<{ status: number; body: string; location: string | null }> {
  const secure = url.protocol === 'https:';
  const opts: https.RequestOptions = {
    method: 'GET',
    headers: { accept: 'application/rdap+json, application/json', 'user-agent': ctx.userAgent },
    // Connect to the address the guard checked, never to a second lookup's answer.
    lookup: ((_h: string, o: { all?: boolean }, cb: (...a: unknown[]) => void) =>
      o.all ? cb(null, addresses) : cb(null, addresses[0].address, addresses[0].family)) as never,
    signal,
  };
  if (secure && ctx.tlsCa !== undefined)
    opts.ca = [...tls.rootCertificates, ...(Array.isArray(ctx.tlsCa) ? ctx.tlsCa : [ctx.tlsCa])];
  return new Promise((resolve, reject) => {
    const req = (secure ? https : http).request(url, opts, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_BODY) req.destroy(new RegistryError(`RDAP answer larger than ${MAX_BODY} bytes`));
        else chunks.push(c);
      });
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          location: typeof res.headers.location === 'string' ? res.headers.location : null,
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** RDAP lookup of a domain at `base` (`…/domain/<name>`). */
export async function rdapDomain(
  domain: string,
  base: string,
  ctx: CheckContext,
  signal: AbortSignal,
): Promise<Registration> {
  const url = `${base.endsWith('/') ? base : `${base}/`}domain/${encodeURIComponent(domain)}`;
  const res = await guardedGet(url, ctx, signal);
  if (res.status === 404) throw new NotRegisteredError(domain, `RDAP ${res.url}`);
  if (res.status !== 200) throw new RegistryError(`RDAP ${res.url} answered HTTP ${res.status}`);
  let body: unknown;
  try {
    body = JSON.parse(res.body);
  } catch {
    throw new RegistryError(`RDAP ${res.url} answered something that is not JSON`);
  }
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new RegistryError(`RDAP ${res.url} answered something that is not an RDAP object`);
  return parseRdap(body as Json, res.url, res.body);
}

/** One WHOIS query (RFC 3912): the query and CRLF, the answer until the server closes (at most 64 KiB). */
export async function whoisQuery(
  query: string,
  server: { host: string; port: number },
  ctx: CheckContext,
  signal: AbortSignal,
): Promise<string> {
  const conn = await connectGuarded(server.host, server.port, ctx, signal, { name: 'connecting' });
  const socket = conn.socket;
  return raceSignal(
    new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      socket.on('data', (c: Buffer) => {
        size += c.length;
        chunks.push(c);
        if (size >= MAX_RAW) socket.destroy();
      });
      socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8').slice(0, MAX_RAW)));
      socket.on('error', reject);
      socket.write(`${query}\r\n`);
    }),
    signal,
  ).finally(() => socket.destroy());
}

/** The WHOIS server IANA refers `tld` to (`refer:` / `whois:` of whois.iana.org), cached for a day. */
const referrals = new Map<string, { server: string | null; at: number }>();
async function ianaReferral(tldOrIp: string, ctx: CheckContext, signal: AbortSignal): Promise<string | null> {
  const hit = referrals.get(tldOrIp);
  if (hit && Date.now() - hit.at < 86_400_000) return hit.server;
  const text = await whoisQuery(tldOrIp, { host: IANA_WHOIS, port: 43 }, ctx, signal);
  const m = /^(?:refer|whois):\s*(\S+)/im.exec(text);
  const server = m ? m[1].toLowerCase() : null;
  referrals.set(tldOrIp, { server, at: Date.now() });
  return server;
}

export interface LookupOptions {
  /** RDAP base URL to ask instead of the bootstrap registry's. */
  rdapServer?: string | null;
  /** WHOIS server (`host[:port]`) to ask instead of IANA's referral. */
  whoisServer?: string | null;
}

/**
 * The registration of `domain`: RDAP first (the override, else the bootstrap registry's
 * server), WHOIS when RDAP has no server for it or fails (a "not registered" answer from
 * RDAP is final). Rejects with NotRegisteredError, or RegistryError naming every attempt.
 */
export async function lookupDomain(
  domain: string,
  opts: LookupOptions,
  ctx: CheckContext,
  signal: AbortSignal,
): Promise<Registration> {
  const failures: string[] = [];
  const bases = opts.rdapServer ? [opts.rdapServer] : rdapBaseFor(domain);
  for (const base of bases.slice(0, 2)) {
    try {
      return await rdapDomain(domain, base, ctx, signal);
    } catch (e) {
      if (e instanceof NotRegisteredError || signal.aborted) throw e;
      failures.push(describeError(e));
    }
  }
  if (!bases.length) failures.push(`no RDAP server for .${domain.split('.').pop()} in the bootstrap registry`);
  try {
    const server = opts.whoisServer
      ? parseWhoisServer(opts.whoisServer)
      : await referralServer(domain.split('.').pop()!, ctx, signal);
    if (!server) throw new RegistryError(`no WHOIS server for .${domain.split('.').pop()}`);
    const name = `whois://${server.host}:${server.port}`;
    const text = await whoisQuery(domain, server, ctx, signal);
    const reg = parseWhois(text, name, domain);
    if (!reg) throw new NotRegisteredError(domain, `WHOIS ${name}`);
    return reg;
  } catch (e) {
    if (e instanceof NotRegisteredError || signal.aborted) throw e;
    failures.push(`WHOIS: ${describeError(e)}`);
  }
  throw new RegistryError(failures.join('; '));
}

/** Registration data of an IP address: WHOIS through IANA's referral (the RIR), or `whoisServer`. */
export async function lookupIp(
  ip: string,
  opts: LookupOptions,
  ctx: CheckContext,
  signal: AbortSignal,
): Promise<Registration> {
  const server = opts.whoisServer ? parseWhoisServer(opts.whoisServer) : await referralServer(ip, ctx, signal);
  if (!server) throw new RegistryError(`no WHOIS server for ${ip}`);
  const name = `whois://${server.host}:${server.port}`;
  const reg = parseWhois(await whoisQuery(ip, server, ctx, signal), name, ip);
  if (!reg) throw new NotRegisteredError(ip, `WHOIS ${name}`);
  return reg;
}

async function referralServer(
  key: string,
  ctx: CheckContext,
  signal: AbortSignal,
): Promise<{ host: string; port: number } | null> {
  const s = await ianaReferral(key, ctx, signal);
  return s ? parseWhoisServer(s) : null;
}
