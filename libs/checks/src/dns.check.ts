import * as dgram from 'node:dgram';
import * as dns from 'node:dns';
import { randomInt } from 'node:crypto';
import * as net from 'node:net';
import { performance } from 'node:perf_hooks';
import * as packet from 'dns-packet';
import type { DnsCheckSpec, DnsRecordType } from '@parallax/contracts';
import { EMPTY_PHASES, type Check, type CheckContext, type CheckOutcome } from './check';
import { deadlineSignal, raceSignal, round2, Stopped } from './connect';
import { describeError } from './http.check';
import { classifyAddress, guardAddress, inCidrs, stripBrackets } from './ssrf';

export interface ResolverAddress {
  host: string;
  port: number;
}

/**
 * `1.1.1.1`, `1.1.1.1:53`, `::1`, `[::1]:5353` → address and port (default 53); null when
 * not an IP address (resolvers are given as addresses, never as names).
 */
export function parseResolver(s: string): ResolverAddress | null {
  const t = s.trim();
  if (net.isIP(t)) return { host: t, port: 53 };
  const v6 = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(t);
  const v4 = /^([\d.]+):(\d{1,5})$/.exec(t);
  const m = v6 ?? v4;
  if (!m || !net.isIP(m[1])) return null;
  const port = m[2] === undefined ? 53 : Number(m[2]);
  return port >= 1 && port <= 65535 ? { host: m[1], port } : null;
}

/** One answer record as text: A/AAAA the address, CNAME/NS the name, MX `prio exchange`, TXT the joined strings. */
export function answerText(a: packet.Answer): string | null {
  const data = (a as { data?: unknown }).data;
  switch (a.type) {
    case 'A':
    case 'AAAA':
      return String(data);
    case 'CNAME':
    case 'NS':
      return normName(String(data));
    case 'MX': {
      const mx = data as { preference: number; exchange: string };
      return `${mx.preference} ${normName(mx.exchange)}`;
    }
    case 'TXT': {
      const parts = (Array.isArray(data) ? data : [data]) as (Buffer | string)[];
      return parts.map((p) => (Buffer.isBuffer(p) ? p.toString('utf8') : String(p))).join('');
    }
    default:
      return null;
  }
}

function normName(n: string): string {
  return n.toLowerCase().replace(/\.$/, '');
}

/** Whether an expected value matches an answer (names case-insensitive without trailing dot; MX by exchange too; IPs canonical). */
function matches(type: DnsRecordType, expected: string, answer: string): boolean {
  switch (type) {
    case 'A':
    case 'AAAA':
      return net.isIP(expected) !== 0 && net.isIP(answer) !== 0 && canonicalIp(expected) === canonicalIp(answer);
    case 'CNAME':
    case 'NS':
      return normName(expected) === answer;
    case 'MX': {
      const e = expected.trim().split(/\s+/);
      return e.length === 2 ? `${e[0]} ${normName(e[1])}` === answer : normName(e[0]) === answer.split(' ')[1];
    }
    case 'TXT':
      return expected === answer;
  }
}

function canonicalIp(ip: string): string {
  if (net.isIPv4(ip)) return ip;
  const b = new net.SocketAddress({ address: ip, family: 'ipv6' });
  return b.address;
}

/**
 * Judges a DNS answer (pure): down unless the rcode is NOERROR and at least one record of
 * the queried type came back, and every expected value is among the answers.
 */
/**
 * A dns monitor without its own resolver asks the probe's resolver, which inside a cluster
 * answers cluster-internal names: an A/AAAA answer holding a refused address (loopback,
 * private, link-local, …) is refused like any SSRF target unless private targets are
 * allowed (or the address is in an allowed CIDR). The refusal names the class, never the address.
 */
export function privateAnswerRefusal(
  type: DnsRecordType,
  answers: readonly string[],
  allowPrivate: boolean,
  allowedCidrs?: readonly string[],
): string | null {
  if (allowPrivate || (type !== 'A' && type !== 'AAAA')) return null;
  for (const a of answers) {
    if (net.isIP(a) === 0) continue;
    const c = classifyAddress(a);
    if (c.allowed || (allowedCidrs && inCidrs(a, allowedCidrs))) continue;
    return `the answer holds a private address (${c.range}); a dns monitor without a resolver may not query internal names; set ALLOW_PRIVATE_TARGETS=true to allow`;
  }
  return null;
}

export function judgeDnsAnswer(
  type: DnsRecordType,
  rcode: string,
  answers: readonly string[],
  expected: readonly string[],
): string | null {
  if (rcode !== 'NOERROR') return `DNS ${rcode} for the ${type} query`;
  if (answers.length === 0) return `no ${type} records in the answer`;
  const missing = expected.filter((e) => !answers.some((a) => matches(type, e, a)));
  if (missing.length)
    return `expected ${type} ${missing.map((m) => JSON.stringify(m)).join(', ')} not in the answer [${answers.map((a) => JSON.stringify(a)).join(', ')}]`;
  return null;
}

/** One UDP query/response exchange, matched by id and question. */
function queryUdp(
  server: ResolverAddress,
  name: string,
  type: DnsRecordType,
  signal: AbortSignal,
): Promise<packet.DecodedPacket> {
  const id = randomInt(0, 65536);
  const query = packet.encode({
    type: 'query',
    id,
    flags: packet.RECURSION_DESIRED,
    questions: [{ type, name, class: 'IN' }],
  });
  const socket = dgram.createSocket(net.isIPv6(server.host) ? 'udp6' : 'udp4');
  const p = new Promise<packet.DecodedPacket>((resolve, reject) => {
    socket.on('error', reject);
    socket.on('message', (msg, rinfo) => {
      // Only the queried resolver may answer (not another host that guessed the port and id).
      if (rinfo.port !== server.port || canonicalIp(rinfo.address) !== canonicalIp(server.host)) return;
      let decoded: packet.DecodedPacket;
      try {
        decoded = packet.decode(msg);
      } catch {
        return; // not a DNS message: keep waiting for the real answer
      }
      const q = decoded.questions?.[0];
      if (
        decoded.id !== id ||
        decoded.type !== 'response' ||
        !q ||
        normName(q.name) !== normName(name) ||
        q.type !== type
      )
        return;
      resolve(decoded);
    });
    socket.send(query, server.port, server.host, (err) => err && reject(err));
  });
  return raceSignal(p, signal).finally(() => socket.close());
}

/**
 * dns: one query for `hostname`/`record_type` to the monitor's resolver (or the probe's
 * first system resolver), over UDP with dns-packet, so the result carries the real rcode
 * and every answer. A resolver given by the user is an SSRF target: it is guarded.
 */
export class DnsCheck implements Check<DnsCheckSpec> {
  readonly type = 'dns' as const;

  async run(spec: DnsCheckSpec, ctx: CheckContext): Promise<CheckOutcome> {
    const start = performance.now();
    const phases = { ...EMPTY_PHASES };
    const d = deadlineSignal(spec.timeout_ms, ctx.signal);
    const details: Record<string, unknown> = { hostname: spec.hostname, record_type: spec.record_type };
    let error: string | null = null;
    let responseMs: number | null = null;
    try {
      let server: ResolverAddress | null;
      if (spec.resolver) {
        server = parseResolver(spec.resolver);
        if (!server)
          throw new Error(
            `invalid resolver ${JSON.stringify(spec.resolver)}: expected an IP address with an optional port`,
          );
        guardAddress(server.host, server.host, ctx.allowPrivateTargets, ctx.allowedPrivateCidrs);
      } else {
        const system = dns.getServers()[0];
        server = system ? parseResolver(system) : null;
        if (!server) throw new Error('the probe has no DNS resolver configured');
      }
      details.resolver =
        server.port === 53
          ? server.host
          : `${net.isIPv6(server.host) ? `[${server.host}]` : server.host}:${server.port}`;
      const t0 = performance.now();
      const res = await queryUdp(server, stripBrackets(spec.hostname), spec.record_type, d.signal);
      phases.dns = round2(performance.now() - t0);
      responseMs = phases.dns;
      const rcode = (res as unknown as { rcode?: string }).rcode ?? 'UNKNOWN';
      const answers = (res.answers ?? [])
        .filter((a) => a.type === spec.record_type)
        .map(answerText)
        .filter((t): t is string => t !== null);
      details.rcode = rcode;
      const refused = spec.resolver
        ? null
        : privateAnswerRefusal(spec.record_type, answers, ctx.allowPrivateTargets, ctx.allowedPrivateCidrs);
      // A refused answer is not shown either: it would tell the internal address.
      details.answers = refused ? [] : answers.slice(0, 50);
      details.truncated = res.flag_tc;
      error = refused ?? judgeDnsAnswer(spec.record_type, rcode, answers, spec.expected);
    } catch (e) {
      if (e instanceof Stopped)
        error = d.timedOut()
          ? `timeout after ${spec.timeout_ms} ms (waiting for the DNS answer)`
          : 'check aborted (waiting for the DNS answer)';
      else error = describeError(e);
    } finally {
      d.dispose();
    }
    phases.total = round2(performance.now() - start);
    return {
      is_up: error === null,
      status_code: null,
      response_ms: responseMs,
      error,
      phases,
      response_headers: null,
      response_body: null,
      details,
    };
  }
}
