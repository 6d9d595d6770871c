import * as net from 'node:net';
import { performance } from 'node:perf_hooks';
import * as tls from 'node:tls';
import type { SslCheckSpec } from '@parallax/contracts';
import { EMPTY_PHASES, type Check, type CheckContext, type CheckOutcome } from './check';
import { connectGuarded, deadlineSignal, raceSignal, round2, Stopped } from './connect';
import { describeError } from './http.check';
import { auditTlsProtocols, DEPRECATED_TLS_VERSIONS, TLS_VERSIONS, type ProtocolSupport } from './tls-protocols';

const DAY_MS = 86_400_000;
/** Longest the protocol audit may take when the check's own timeout leaves more. */
const PROTOCOL_AUDIT_MAX_MS = 5_000;

export interface CertSummary {
  subject: string | null;
  issuer: string | null;
  valid_from: string | null;
  valid_to: string | null;
  serial: string | null;
  fingerprint256: string | null;
}

export interface SslFindings {
  /** The leaf certificate. */
  subject: string | null;
  issuer: string | null;
  sans: string[];
  valid_from: string | null;
  valid_to: string | null;
  /** Whole days until `valid_to` (negative once expired). */
  days_left: number | null;
  /** The chain as the server sent it, leaf first. */
  chain: CertSummary[];
  chain_valid: boolean;
  /** Why the chain does not verify (OpenSSL's code), null when it does. */
  chain_error: string | null;
  hostname_match: boolean;
  /** The protocol this handshake negotiated. */
  protocol: string | null;
  /** Which versions the server accepts (null: not probed or no answer in time). */
  protocols: ProtocolSupport | null;
  /** When that audit ran (it is reused for an hour per address and port). */
  protocols_checked_at: string | null;
  /** Problems that do not by themselves make the check fail (deprecated protocols). */
  findings: string[];
}

function first(v: string | string[] | undefined): string | null {
  return (Array.isArray(v) ? v[0] : v) ?? null;
}

function nameOf(n: tls.Certificate | undefined): string | null {
  if (!n) return null;
  return first(n.CN) ?? first(n.O) ?? null;
}

function isoOrNull(s: string | undefined): string | null {
  if (!s) return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

function summary(c: tls.PeerCertificate): CertSummary {
  return {
    subject: nameOf(c.subject),
    issuer: nameOf(c.issuer),
    valid_from: isoOrNull(c.valid_from),
    valid_to: isoOrNull(c.valid_to),
    serial: c.serialNumber ?? null,
    fingerprint256: c.fingerprint256 ?? null,
  };
}

/** The chain as sent, leaf first, stopping at a self-issued certificate or a loop. */
export function chainOf(leaf: tls.DetailedPeerCertificate): CertSummary[] {
  const out: CertSummary[] = [];
  const seen = new Set<string>();
  let c: tls.DetailedPeerCertificate | undefined = leaf;
  while (c && c.raw && !seen.has(c.fingerprint256) && out.length < 10) {
    seen.add(c.fingerprint256);
    out.push(summary(c));
    c = c.issuerCertificate && c.issuerCertificate !== c ? c.issuerCertificate : undefined;
  }
  return out;
}

/** `DNS:a.example, IP Address:1.2.3.4` → ['a.example', '1.2.3.4']. */
export function parseSans(s: string | undefined): string[] {
  if (!s) return [];
  return s
    .split(/,\s*/)
    .map((p) => p.replace(/^(DNS|IP Address):/, '').trim())
    .filter(Boolean);
}

/** up / warn / down from the findings (pure). `now` in epoch ms. */
export function judgeCertificate(
  f: Pick<SslFindings, 'valid_from' | 'valid_to' | 'chain_valid' | 'chain_error' | 'hostname_match'>,
  thresholdDays: number,
  now: number,
  host: string,
): { error: string | null; warn: boolean; daysLeft: number | null } {
  const to = f.valid_to ? Date.parse(f.valid_to) : NaN;
  const from = f.valid_from ? Date.parse(f.valid_from) : NaN;
  const daysLeft = Number.isNaN(to) ? null : Math.floor((to - now) / DAY_MS);
  if (Number.isNaN(to)) return { error: 'certificate has no readable expiry date', warn: false, daysLeft };
  if (to <= now) return { error: `certificate expired on ${f.valid_to}`, warn: false, daysLeft };
  if (!Number.isNaN(from) && from > now)
    return { error: `certificate is not valid before ${f.valid_from}`, warn: false, daysLeft };
  if (!f.hostname_match) return { error: `certificate does not match the host name ${host}`, warn: false, daysLeft };
  if (!f.chain_valid)
    return { error: `certificate chain is not valid (${f.chain_error ?? 'unknown reason'})`, warn: false, daysLeft };
  const warn = to - now < thresholdDays * DAY_MS;
  return { error: null, warn, daysLeft };
}

/** `unexpected message (ERR_SSL_UNEXPECTED_MESSAGE)` for an OpenSSL error, instead of its multi-line message. */
function opensslReason(e: unknown): string | null {
  const x = e as { code?: unknown; reason?: unknown };
  return typeof x?.code === 'string' && x.code.startsWith('ERR_SSL_') && typeof x.reason === 'string'
    ? `${x.reason} (${x.code})`
    : null;
}

function handshake(socket: net.Socket, host: string, ctx: CheckContext, signal: AbortSignal): Promise<tls.TLSSocket> {
  const name = host.endsWith('.') ? host.slice(0, -1) : host;
  const opts: tls.ConnectionOptions = { socket, host: name, rejectUnauthorized: false };
  if (!net.isIP(name)) opts.servername = name;
  if (ctx.tlsCa !== undefined)
    opts.ca = [...tls.rootCertificates, ...(Array.isArray(ctx.tlsCa) ? ctx.tlsCa : [ctx.tlsCa])];
  const s = tls.connect(opts);
  s.on('error', () => {});
  const p = new Promise<tls.TLSSocket>((resolve, reject) => {
    s.once('secureConnect', () => resolve(s));
    s.once('error', (e) => reject(e));
  });
  return raceSignal(p, signal).catch((e) => {
    s.destroy();
    throw e;
  });
}

/**
 * ssl: guarded DNS lookup and TCP connect to `host:port`, a TLS handshake with SNI, the
 * certificate chain read (subject, issuer, SANs, validity, days left), chain validity
 * and host-name match judged separately; then which TLS versions the server accepts
 * (tls-check, bounded). down: unreachable, expired, not yet valid, wrong host, untrusted
 * chain; warn: valid but expiring within `expiry_threshold_days`; TLSv1/1.1 accepted is a
 * finding.
 */
export class SslCheck implements Check<SslCheckSpec> {
  readonly type = 'ssl' as const;

  async run(spec: SslCheckSpec, ctx: CheckContext): Promise<CheckOutcome> {
    const start = performance.now();
    const phases = { ...EMPTY_PHASES };
    const phase = { name: 'resolving DNS' };
    const d = deadlineSignal(spec.timeout_ms, ctx.signal);
    let raw: net.Socket | undefined;
    let secure: tls.TLSSocket | undefined;
    let error: string | null = null;
    let warn = false;
    let details: Record<string, unknown> = { host: spec.host, port: spec.port };
    let sslExpiry: string | null = null;
    let sslIssuer: string | null = null;
    try {
      const c = await connectGuarded(spec.host, spec.port, ctx, d.signal, phase);
      raw = c.socket;
      phases.dns = round2(c.dnsMs);
      phases.connect = round2(c.connectMs);
      phase.name = 'TLS handshake';
      const t = performance.now();
      secure = await handshake(raw, spec.host, ctx, d.signal);
      phases.tls = round2(performance.now() - t);
      const leaf = secure.getPeerCertificate(true);
      if (!leaf || !leaf.raw) throw new Error('the server sent no certificate');
      const authError = secure.authorizationError as unknown as (Error & { code?: string }) | string | null;
      const authCode = authError
        ? typeof authError === 'string'
          ? authError
          : (authError.code ?? authError.message)
        : null;
      const hostnameMatch = tls.checkServerIdentity(spec.host.replace(/\.$/, ''), leaf) === undefined;
      const chainError = authCode && authCode !== 'ERR_TLS_CERT_ALTNAME_INVALID' ? authCode : null;
      const f: SslFindings = {
        subject: nameOf(leaf.subject),
        issuer: nameOf(leaf.issuer),
        sans: parseSans(leaf.subjectaltname),
        valid_from: isoOrNull(leaf.valid_from),
        valid_to: isoOrNull(leaf.valid_to),
        days_left: null,
        chain: chainOf(leaf),
        chain_valid: chainError === null,
        chain_error: chainError,
        hostname_match: hostnameMatch,
        protocol: secure.getProtocol() ?? null,
        protocols: null,
        protocols_checked_at: null,
        findings: [],
      };
      secure.destroy();
      secure = undefined;
      const judged = judgeCertificate(f, spec.expiry_threshold_days, Date.now(), spec.host);
      f.days_left = judged.daysLeft;
      error = judged.error;
      warn = judged.warn;
      sslExpiry = f.valid_to;
      sslIssuer = first(leaf.issuer?.O) ?? first(leaf.issuer?.CN) ?? null;
      if (warn) f.findings.push(`certificate expires in ${f.days_left} days (threshold ${spec.expiry_threshold_days})`);
      if (spec.check_protocols) {
        phase.name = 'TLS protocol audit';
        const remaining = spec.timeout_ms - (performance.now() - start);
        const audit = await auditTlsProtocols(c.address, spec.port, Math.min(remaining, PROTOCOL_AUDIT_MAX_MS));
        f.protocols = audit.support;
        f.protocols_checked_at = new Date(audit.checkedAt).toISOString();
        for (const v of DEPRECATED_TLS_VERSIONS) if (f.protocols[v]) f.findings.push(`server accepts deprecated ${v}`);
        if (TLS_VERSIONS.every((v) => f.protocols![v] === null))
          f.findings.push('TLS protocol audit got no answer in time');
      }
      details = { ...details, address: c.address, ...f };
    } catch (e) {
      if (e instanceof Stopped)
        error = d.timedOut() ? `timeout after ${spec.timeout_ms} ms (${phase.name})` : `check aborted (${phase.name})`;
      else if (phase.name === 'TLS handshake') error = `TLS handshake failed: ${opensslReason(e) ?? describeError(e)}`;
      else error = describeError(e);
    } finally {
      d.dispose();
      secure?.destroy();
      raw?.destroy();
    }
    phases.total = round2(performance.now() - start);
    return {
      is_up: error === null,
      warn: error === null && warn,
      status_code: null,
      response_ms: null,
      error,
      phases,
      response_headers: null,
      response_body: null,
      ssl_expiry: sslExpiry,
      ssl_issuer: sslIssuer,
      details,
    };
  }
}
