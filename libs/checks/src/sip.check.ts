import { randomBytes } from 'node:crypto';
import * as dgram from 'node:dgram';
import * as net from 'node:net';
import { performance } from 'node:perf_hooks';
import * as tls from 'node:tls';
import type { SipCheckSpec } from '@parallax/contracts';
import { EMPTY_PHASES, type Check, type CheckContext, type CheckOutcome } from './check';
import { connectGuarded, deadlineSignal, guardedLookup, round2, Stopped } from './connect';
import { describeError } from './http.check';

/** Bytes of a response kept (a SIP response to OPTIONS is a few hundred bytes). */
const MAX_RESPONSE_BYTES = 64 * 1024;
/** RFC 3261 timer T1 and T2: UDP requests are retransmitted at T1, doubling up to T2. */
const T1_MS = 500;
const T2_MS = 4000;

/** One SIP response's start line and the headers a result shows (pure parse). */
export interface SipResponse {
  code: number;
  reason: string;
  headers: Record<string, string>;
  /** Characters of `text` the whole message (headers and Content-Length body) takes when it is complete, else null. */
  length: number | null;
}

/**
 * Parses `SIP/2.0 <code> <reason>` and the header fields of `text` (compact forms expanded
 * for the ones used: `l` Content-Length, `i` Call-ID, `v` Via). null while the header
 * section is incomplete or when it is not a SIP response.
 */
export function parseSipResponse(text: string): SipResponse | null {
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const lines = text.slice(0, end).split('\r\n');
  const start = /^SIP\/2\.0 ([1-6]\d\d)(?: (.*))?$/.exec(lines[0]);
  if (!start) return null;
  const compact: Record<string, string> = { l: 'content-length', i: 'call-id', v: 'via', f: 'from', t: 'to' };
  const headers: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const raw = line.slice(0, colon).trim().toLowerCase();
    const name = compact[raw] ?? raw;
    if (!(name in headers)) headers[name] = line.slice(colon + 1).trim();
  }
  const bodyLength = Number(headers['content-length'] ?? '0');
  const body = Buffer.from(text.slice(end + 4), 'utf8');
  const length =
    Number.isFinite(bodyLength) && bodyLength >= 0 && body.length >= bodyLength
      ? end + 4 + body.subarray(0, bodyLength).toString('utf8').length
      : null;
  return { code: Number(start[1]), reason: start[2] ?? '', headers, length };
}

/** The OPTIONS request (RFC 3261 §11), with a fresh branch, tag and Call-ID. */
export function optionsRequest(o: {
  host: string;
  port: number;
  transport: SipCheckSpec['transport'];
  localAddress: string;
  localPort: number;
  userAgent: string;
  callId: string;
  branch: string;
  tag: string;
}): string {
  const hostPart = net.isIPv6(o.host) ? `[${o.host}]` : o.host;
  const local = net.isIPv6(o.localAddress) ? `[${o.localAddress}]` : o.localAddress;
  const uri = `sip${o.transport === 'tls' ? 's' : ''}:${hostPart}:${o.port}`;
  return [
    `OPTIONS ${uri} SIP/2.0`,
    `Via: SIP/2.0/${o.transport.toUpperCase()} ${local}:${o.localPort};branch=${o.branch};rport`,
    'Max-Forwards: 70',
    `From: <sip:parallax@${local}>;tag=${o.tag}`,
    `To: <${uri}>`,
    `Call-ID: ${o.callId}`,
    'CSeq: 1 OPTIONS',
    `Contact: <sip:parallax@${local}:${o.localPort}>`,
    'Accept: application/sdp',
    `User-Agent: ${o.userAgent.replace(/[\r\n]/g, ' ')}`,
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}

const token = (n: number) => randomBytes(n).toString('hex');

interface Exchange {
  response: SipResponse;
  address: string;
  /** ms from the first send to the final response. */
  ms: number;
}

/** UDP: send, retransmit at T1 doubling to T2, until a final response of this Call-ID arrives. */
function exchangeUdp(
  address: string,
  spec: SipCheckSpec,
  ctx: CheckContext,
  signal: AbortSignal,
  ids: { callId: string; branch: string; tag: string },
): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket(net.isIPv6(address) ? 'udp6' : 'udp4');
    let timer: NodeJS.Timeout | undefined;
    let sentAt = 0;
    const finish = (err: unknown, value?: Exchange) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      socket.close();
      if (err) reject(err);
      else resolve(value!);
    };
    const onAbort = () => finish(signal.reason);
    socket.on('error', (e) => finish(e));
    socket.on('message', (msg) => {
      const r = parseSipResponse(msg.subarray(0, MAX_RESPONSE_BYTES).toString('utf8'));
      if (!r || r.headers['call-id'] !== ids.callId || r.code < 200) return; // stray or provisional (100 Trying)
      finish(null, { response: r, address, ms: performance.now() - sentAt });
    });
    signal.addEventListener('abort', onAbort, { once: true });
    socket.connect(spec.port, address, () => {
      const local = socket.address();
      const request = Buffer.from(
        optionsRequest({
          host: spec.host,
          port: spec.port,
          transport: 'udp',
          localAddress: local.address,
          localPort: local.port,
          userAgent: ctx.userAgent,
          ...ids,
        }),
      );
      let wait = T1_MS;
      const send = () => {
        socket.send(request, (e) => e && finish(e));
        timer = setTimeout(send, wait);
        wait = Math.min(wait * 2, T2_MS);
      };
      sentAt = performance.now();
      send();
    });
  });
}

/** TCP or TLS: one request on a fresh connection, read until a final response is complete. */
async function exchangeStream(
  spec: SipCheckSpec,
  ctx: CheckContext,
  signal: AbortSignal,
  ids: { callId: string; branch: string; tag: string },
  phases: CheckOutcome['phases'],
  phase: { name: string },
): Promise<Exchange> {
  const c = await connectGuarded(spec.host, spec.port, ctx, signal, phase);
  phases.dns = round2(c.dnsMs);
  phases.connect = round2(c.connectMs);
  let socket: net.Socket = c.socket;
  try {
    if (spec.transport === 'tls') {
      phase.name = 'TLS handshake';
      const t0 = performance.now();
      const opts: tls.ConnectionOptions = {
        socket,
        host: spec.host,
        servername: net.isIP(spec.host) ? undefined : spec.host,
        rejectUnauthorized: true,
      };
      if (ctx.tlsCa !== undefined)
        opts.ca = [...tls.rootCertificates, ...(Array.isArray(ctx.tlsCa) ? ctx.tlsCa : [ctx.tlsCa])];
      socket = await new Promise<tls.TLSSocket>((resolve, reject) => {
        const t = tls.connect(opts, () => resolve(t));
        t.once('error', reject);
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
      phases.tls = round2(performance.now() - t0);
    }
    phase.name = 'waiting for the response';
    const local = { address: socket.localAddress ?? '0.0.0.0', port: socket.localPort ?? 0 };
    const request = optionsRequest({
      host: spec.host,
      port: spec.port,
      transport: spec.transport,
      localAddress: local.address,
      localPort: local.port,
      userAgent: ctx.userAgent,
      ...ids,
    });
    const sentAt = performance.now();
    const response = await new Promise<SipResponse>((resolve, reject) => {
      let buf = '';
      const cleanup = () => {
        socket.off('data', onData);
        socket.off('end', onEnd);
        socket.off('error', reject);
        signal.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        cleanup();
        reject(signal.reason);
      };
      const onEnd = () => {
        cleanup();
        reject(
          new Error(
            buf
              ? `connection closed before a final SIP response (got ${JSON.stringify(buf.slice(0, 120))})`
              : 'connection closed without a SIP response',
          ),
        );
      };
      const onData = (chunk: Buffer) => {
        buf += chunk.toString('utf8');
        for (;;) {
          const r = parseSipResponse(buf);
          if (r === null) {
            if (
              buf.length > MAX_RESPONSE_BYTES ||
              (buf.length > 16 && !buf.startsWith('SIP/2.0 ') && buf.includes('\r\n'))
            ) {
              cleanup();
              reject(new Error(`not a SIP response: ${JSON.stringify(buf.slice(0, 120))}`));
            }
            return;
          }
          if (r.length === null) return;
          buf = buf.slice(r.length);
          if (r.code >= 200) {
            cleanup();
            return resolve(r);
          }
        }
      };
      socket.on('data', onData);
      socket.once('end', onEnd);
      socket.once('error', reject);
      signal.addEventListener('abort', onAbort, { once: true });
      socket.write(request);
    });
    return { response, address: c.address, ms: performance.now() - sentAt };
  } finally {
    socket.destroy();
    c.socket.destroy();
  }
}

/**
 * sip: SIP `OPTIONS` to `host:port` over UDP, TCP or TLS (certificate verified), through
 * the SSRF guard; the time from the request to the final response is the response time,
 * the final code the `status_code`; up when it is one of `expected_codes`.
 */
export class SipCheck implements Check<SipCheckSpec> {
  readonly type = 'sip' as const;

  async run(spec: SipCheckSpec, ctx: CheckContext): Promise<CheckOutcome> {
    const start = performance.now();
    const phases = { ...EMPTY_PHASES };
    const phase = { name: 'resolving DNS' };
    const details: Record<string, unknown> = { host: spec.host, port: spec.port, transport: spec.transport };
    const d = deadlineSignal(spec.timeout_ms, ctx.signal);
    const ids = { callId: `${token(12)}@parallax`, branch: `z9hG4bK${token(8)}`, tag: token(6) };
    let error: string | null = null;
    let code: number | null = null;
    let responseMs: number | null = null;
    try {
      let ex: Exchange;
      if (spec.transport === 'udp') {
        const target = await guardedLookup(spec.host, ctx, d.signal);
        phases.dns = net.isIP(spec.host) ? 0 : round2(performance.now() - start);
        phase.name = 'waiting for the response';
        ex = await exchangeUdp(target.addresses[0].address, spec, ctx, d.signal, ids);
      } else {
        ex = await exchangeStream(spec, ctx, d.signal, ids, phases, phase);
      }
      code = ex.response.code;
      responseMs = round2(ex.ms);
      phases.first_byte = round2(performance.now() - start);
      Object.assign(details, {
        address: ex.address,
        status: ex.response.code,
        reason: ex.response.reason.slice(0, 200),
        server: (ex.response.headers['server'] ?? ex.response.headers['user-agent'] ?? null)?.slice(0, 200) ?? null,
      });
      if (!spec.expected_codes.includes(code)) {
        error = `expected SIP response ${spec.expected_codes.join(' or ')}, got ${code}${ex.response.reason ? ` ${ex.response.reason.slice(0, 100)}` : ''}`;
      }
    } catch (e) {
      if (e instanceof Stopped || d.signal.aborted)
        error = d.timedOut() ? `timeout after ${spec.timeout_ms} ms (${phase.name})` : `check aborted (${phase.name})`;
      else error = describeError(e);
    } finally {
      d.dispose();
    }
    phases.total = round2(performance.now() - start);
    return {
      is_up: error === null,
      status_code: code,
      response_ms: responseMs,
      error,
      phases,
      response_headers: null,
      response_body: null,
      details,
    };
  }
}
