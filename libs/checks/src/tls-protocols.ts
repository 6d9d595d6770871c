import tlsCheck from 'tls-check';
import { LruCache } from './expressions';

/** The protocol versions probed, oldest first. */
export const TLS_VERSIONS = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const;
export type TlsVersion = (typeof TLS_VERSIONS)[number];
/** Versions whose acceptance is a finding (deprecated by RFC 8996). */
export const DEPRECATED_TLS_VERSIONS: readonly TlsVersion[] = ['TLSv1', 'TLSv1.1'];

/** true: the server accepts it; false: it refuses it; null: no answer in time. */
export type ProtocolSupport = Record<TlsVersion, boolean | null>;

/**
 * Errors that can only come after the server agreed on the version (the handshake got as
 * far as the certificate or the key exchange): the version is accepted. The key-exchange
 * one is what OpenSSL 3 at its default security level says about a TLSv1/1.1 server.
 */
const ACCEPTED_AFTER: ReadonlySet<string> = new Set([
  'ERR_SSL_LEGACY_SIGALG_DISALLOWED_OR_UNSUPPORTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REVOKED',
  'CERT_SIGNATURE_FAILURE',
  'HOSTNAME_MISMATCH',
]);

/** Classifies what tls-check answered for one version (pure). */
export function classifyTlsCheck(outcome: { ok: true } | { ok: false; error: unknown }): boolean {
  if (outcome.ok) return true;
  const e = outcome.error as { code?: unknown } | string | null | undefined;
  const code = typeof e === 'string' ? e : typeof e?.code === 'string' ? e.code : '';
  return ACCEPTED_AFTER.has(code);
}

/**
 * Which protocol versions `address:port` accepts, one tls-check handshake per version, in
 * parallel. tls-check has no timeout of its own: every version not settled within
 * `timeoutMs` is `null` (unknown). Its socket to a server that never answers stays open until
 * the server closes it; the check does not wait for it.
 *
 * `address` is the IP the check already resolved and guarded (tls-check would otherwise do
 * its own DNS lookup, a DNS-rebinding gap); so no SNI name is sent on these handshakes.
 */
export async function probeTlsProtocols(address: string, port: number, timeoutMs: number): Promise<ProtocolSupport> {
  const out = { TLSv1: null, 'TLSv1.1': null, 'TLSv1.2': null, 'TLSv1.3': null } as ProtocolSupport;
  if (timeoutMs <= 0) return out;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  const probes = TLS_VERSIONS.map((version) =>
    tlsCheck({ hostname: address, port, version }).then(
      () => {
        out[version] = classifyTlsCheck({ ok: true });
      },
      (error: unknown) => {
        out[version] = classifyTlsCheck({ ok: false, error });
      },
    ),
  );
  await Promise.race([Promise.all(probes), deadline]);
  clearTimeout(timer);
  return { ...out };
}

/** How long an audit is reused for the same address and port: complete answers, and unknown ones. */
export const PROTOCOL_AUDIT_TTL_MS = 60 * 60_000;
export const PROTOCOL_AUDIT_UNKNOWN_TTL_MS = 10 * 60_000;

const auditCache = new LruCache<string, { at: number; support: ProtocolSupport }>(2048);

/**
 * probeTlsProtocols, reused per address and port for an hour (ten minutes when a version
 * got no answer): accepted versions rarely change, and this bounds both the handshakes a
 * monitored server sees (4 per hour, not 4 per check) and the sockets a hung server can hold.
 */
export async function auditTlsProtocols(
  address: string,
  port: number,
  timeoutMs: number,
  now = Date.now(),
): Promise<{ support: ProtocolSupport; checkedAt: number }> {
  const key = `${address}|${port}`;
  const hit = auditCache.get(key);
  if (hit) {
    const complete = TLS_VERSIONS.every((v) => hit.support[v] !== null);
    if (now - hit.at < (complete ? PROTOCOL_AUDIT_TTL_MS : PROTOCOL_AUDIT_UNKNOWN_TTL_MS))
      return { support: { ...hit.support }, checkedAt: hit.at };
  }
  const support = await probeTlsProtocols(address, port, timeoutMs);
  auditCache.set(key, { at: now, support });
  return { support: { ...support }, checkedAt: now };
}
