import * as dgram from 'node:dgram';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import * as tls from 'node:tls';

/**
 * A small SIP responder for tests: answers every request (OPTIONS) on UDP, TCP and TLS, each
 * on its own free loopback port, with `code` (settable), echoing the Via, From, To, Call-ID
 * and CSeq headers as RFC 3261 §8.2.6 asks. `silent` stops answering (a dead server).
 */
export interface SipResponder {
  udpPort: number;
  tcpPort: number;
  tlsPort: number;
  code: number;
  reason: string;
  silent: boolean;
  /** Send a provisional 100 Trying before the final response (UDP). */
  trying: boolean;
  requests: string[];
  close(): Promise<void>;
}

export function sipResponse(request: string, code: number, reason: string, toTag = 'resp1'): string | null {
  const head = request.split('\r\n\r\n')[0];
  const lines = head.split('\r\n');
  if (!/^[A-Z]+ \S+ SIP\/2\.0$/.test(lines[0] ?? '')) return null;
  const pick = (name: string) => lines.filter((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  const to = pick('To').map((l) => (l.includes(';tag=') ? l : `${l};tag=${toTag}`));
  return [
    `SIP/2.0 ${code} ${reason}`,
    ...pick('Via'),
    ...pick('From'),
    ...to,
    ...pick('Call-ID'),
    ...pick('CSeq'),
    'Server: parallax-test-sip',
    'Allow: INVITE, ACK, CANCEL, OPTIONS, BYE',
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}

export async function startSipResponder(
  cert: { key: string; cert: string },
  code = 200,
  reason = 'OK',
): Promise<SipResponder> {
  const sockets = new Set<net.Socket>();
  const r: SipResponder = {
    udpPort: 0,
    tcpPort: 0,
    tlsPort: 0,
    code,
    reason,
    silent: false,
    trying: false,
    requests: [],
    close: async () => undefined,
  };
  const udp = dgram.createSocket('udp4');
  udp.on('message', (msg, rinfo) => {
    const req = msg.toString('utf8');
    r.requests.push(req);
    if (r.silent) return;
    if (r.trying) {
      const t = sipResponse(req, 100, 'Trying');
      if (t) udp.send(t, rinfo.port, rinfo.address);
    }
    const res = sipResponse(req, r.code, r.reason);
    if (res) udp.send(res, rinfo.port, rinfo.address);
  });
  await new Promise<void>((resolve) => udp.bind(0, '127.0.0.1', resolve));
  r.udpPort = udp.address().port;

  const onStream = (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => {});
    let buf = '';
    s.on('data', (chunk) => {
      buf += chunk.toString('utf8');
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      const req = buf.slice(0, end + 4);
      buf = buf.slice(end + 4);
      r.requests.push(req);
      if (r.silent) return;
      const res = sipResponse(req, r.code, r.reason);
      if (res) s.write(res);
    });
  };
  const tcp = net.createServer(onStream);
  const tlsServer = tls.createServer({ key: cert.key, cert: cert.cert }, onStream);
  tlsServer.on('tlsClientError', () => {});
  for (const server of [tcp, tlsServer]) {
    server.on('connection', (s: net.Socket) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  }
  r.tcpPort = (tcp.address() as AddressInfo).port;
  r.tlsPort = (tlsServer.address() as AddressInfo).port;
  r.close = async () => {
    for (const s of sockets) s.destroy();
    await Promise.all([
      new Promise<void>((resolve) => udp.close(() => resolve())),
      new Promise<void>((resolve) => tcp.close(() => resolve())),
      new Promise<void>((resolve) => tlsServer.close(() => resolve())),
    ]);
  };
  return r;
}
