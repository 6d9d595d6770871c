import * as dgram from 'node:dgram';
import * as net from 'node:net';
import * as tls from 'node:tls';
import * as packet from 'dns-packet';
import { generate } from 'selfsigned';

/**
 * Real servers on loopback that tests point monitors at: a TLS server with certificates
 * from a test CA (expiry chosen per test, protocol versions restricted), a TCP echo server
 * and a DNS server answering from a table. Test support only.
 */

const DAY = 86_400_000;

export interface TestCa {
  key: string;
  cert: string;
}

/** A CA certificate (sha256, RSA) that signs the test leaves; trust it with `tlsCa` or NODE_EXTRA_CA_CERTS. */
export async function makeTestCa(name = 'Parallax Test CA'): Promise<TestCa> {
  const pems = await generate(
    [
      { name: 'commonName', value: name },
      { name: 'organizationName', value: name },
    ],
    {
      algorithm: 'sha256',
      keySize: 2048,
      notBeforeDate: new Date(Date.now() - DAY),
      notAfterDate: new Date(Date.now() + 3650 * DAY),
      extensions: [
        { name: 'basicConstraints', cA: true, critical: true },
        { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
      ],
    },
  );
  return { key: pems.private, cert: pems.cert };
}

export interface LeafOptions {
  /** Host names in the certificate (SANs); default `localhost`. */
  names?: string[];
  /** IP addresses in the certificate (SANs); default `127.0.0.1`. */
  ips?: string[];
  /** Days from now until expiry; negative: already expired. */
  expiresInDays: number;
  /** Signed by this CA; omitted: self-signed. */
  ca?: TestCa;
}

/** A server certificate and key. */
export async function makeLeaf(o: LeafOptions): Promise<{ key: string; cert: string }> {
  const names = o.names ?? ['localhost'];
  const ips = o.ips ?? ['127.0.0.1'];
  const notAfter = new Date(Date.now() + o.expiresInDays * DAY);
  const notBefore = new Date(Math.min(Date.now() - DAY, notAfter.getTime() - 30 * DAY));
  const pems = await generate([{ name: 'commonName', value: names[0] ?? ips[0] }], {
    algorithm: 'sha256',
    keySize: 2048,
    notBeforeDate: notBefore,
    notAfterDate: notAfter,
    ca: o.ca,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [...names.map((value) => ({ type: 2, value })), ...ips.map((ip) => ({ type: 7, ip }))],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

function listenTcp(server: net.Server, host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve((server.address() as net.AddressInfo).port));
  });
}

export interface TlsTarget {
  port: number;
  /** Replaces the certificate the server presents (new handshakes use it). */
  setCertificate(c: { key: string; cert: string; chain?: string }): void;
  close(): Promise<void>;
}

/**
 * A TLS server on 127.0.0.1 that completes handshakes and closes; `minVersion`/`maxVersion`
 * restrict the protocol versions it accepts (TLSv1 and TLSv1.1 need OpenSSL security level 0).
 */
export async function startTlsTarget(
  c: { key: string; cert: string; chain?: string },
  versions: { min: tls.SecureVersion; max: tls.SecureVersion } = { min: 'TLSv1.2', max: 'TLSv1.3' },
): Promise<TlsTarget> {
  const legacy = versions.min === 'TLSv1' || versions.min === 'TLSv1.1';
  const contextOf = (x: { key: string; cert: string; chain?: string }) =>
    tls.createSecureContext({
      key: x.key,
      cert: x.chain ? `${x.cert}\n${x.chain}` : x.cert,
      minVersion: versions.min,
      maxVersion: versions.max,
      ...(legacy ? { ciphers: 'DEFAULT@SECLEVEL=0' } : {}),
    });
  let ctx = contextOf(c);
  const sockets = new Set<net.Socket>();
  const server = tls.createServer(
    {
      SNICallback: (_name, cb) => cb(null, ctx),
      key: c.key,
      cert: c.cert,
      minVersion: versions.min,
      maxVersion: versions.max,
      ...(legacy ? { ciphers: 'DEFAULT@SECLEVEL=0' } : {}),
    },
    (s) => {
      s.on('error', () => {});
      s.end('hello\n');
    },
  );
  server.on('tlsClientError', () => {});
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  // Handshakes without SNI (IP targets) use the server's own context: keep it in step.
  const port = await listenTcp(server);
  return {
    port,
    setCertificate(x) {
      ctx = contextOf(x);
      server.setSecureContext({
        key: x.key,
        cert: x.chain ? `${x.cert}\n${x.chain}` : x.cert,
        minVersion: versions.min,
        maxVersion: versions.max,
        ...(legacy ? { ciphers: 'DEFAULT@SECLEVEL=0' } : {}),
      });
    },
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export interface TcpTarget {
  port: number;
  /** Connections accepted so far. */
  readonly connections: number;
  /** Destroys open connections, then stops listening. */
  close(): Promise<void>;
}
/** A TCP echo server (startTcpEcho). */
export type TcpEchoTarget = TcpTarget;

/** A TCP server on 127.0.0.1 running `onConnection` for each connection, counting them. */
async function startTcpTarget(onConnection: (s: net.Socket) => void): Promise<TcpTarget> {
  const sockets = new Set<net.Socket>();
  let connections = 0;
  const server = net.createServer((s) => {
    connections++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => {});
    onConnection(s);
  });
  const port = await listenTcp(server);
  return {
    port,
    get connections() {
      return connections;
    },
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A TCP server that echoes what it receives, prefixed with `greeting` once on connect (if any). */
export function startTcpEcho(greeting = ''): Promise<TcpTarget> {
  return startTcpTarget((s) => {
    if (greeting) s.write(greeting);
    s.on('data', (d) => s.write(d));
  });
}

/** A TCP server that accepts connections and never sends a byte (a hung TLS or application server). */
export function startSilentTcp(): Promise<TcpTarget> {
  return startTcpTarget(() => {});
}

export type DnsRecords = Record<string, Partial<Record<'A' | 'AAAA' | 'CNAME' | 'MX' | 'TXT' | 'NS', unknown[]>>>;

export interface DnsTarget {
  port: number;
  /** `127.0.0.1:<port>`, a monitor's `resolver`. */
  resolver: string;
  /** The zone: name → type → record data (dns-packet's shapes); mutable. Unknown names: NXDOMAIN. */
  records: DnsRecords;
  /** Names answered with SERVFAIL. */
  servfail: Set<string>;
  /** Queries seen, as `name/type`. */
  readonly queries: string[];
  close(): Promise<void>;
}

/** A DNS server on 127.0.0.1 (UDP) answering from `records`, written with dns-packet. */
export async function startDnsTarget(records: DnsRecords = {}): Promise<DnsTarget> {
  const socket = dgram.createSocket('udp4');
  const queries: string[] = [];
  const target = {
    port: 0,
    resolver: '',
    records,
    servfail: new Set<string>(),
    queries,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
  socket.on('message', (msg, rinfo) => {
    let q: packet.DecodedPacket;
    try {
      q = packet.decode(msg);
    } catch {
      return;
    }
    const question = q.questions?.[0];
    if (!question) return;
    const name = question.name.toLowerCase().replace(/\.$/, '');
    queries.push(`${name}/${question.type}`);
    const zone = target.records[name];
    let rcode = 0;
    const answers: packet.Answer[] = [];
    if (target.servfail.has(name)) rcode = 2;
    else if (!zone) rcode = 3;
    else {
      for (const data of (zone as Record<string, unknown[]>)[question.type] ?? []) {
        answers.push({ type: question.type, name: question.name, ttl: 60, class: 'IN', data } as packet.Answer);
      }
    }
    const reply = packet.encode({
      type: 'response',
      id: q.id,
      flags: packet.RECURSION_DESIRED | packet.RECURSION_AVAILABLE | rcode,
      questions: [question],
      answers,
    });
    socket.send(reply, rinfo.port, rinfo.address);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => resolve());
  });
  target.port = socket.address().port;
  target.resolver = `127.0.0.1:${target.port}`;
  return target;
}
