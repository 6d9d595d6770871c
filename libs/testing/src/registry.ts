import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A domain registry for tests: an RDAP server (HTTP, RFC 9083 domain objects) and a WHOIS
 * server (TCP, RFC 3912, ICANN-style "Key: value" text) on free loopback ports, answering
 * from `records` (settable). A name not in `records` is a 404 / "No match for". `rdapDown`
 * makes RDAP answer 503 (so a client falls back to WHOIS); every request is counted.
 */
export interface DomainRecord {
  expires: string | null;
  created?: string;
  registrar?: string;
  status?: string[];
  nameServers?: string[];
}

export interface RegistryServers {
  rdapUrl: string;
  whoisPort: number;
  records: Map<string, DomainRecord>;
  rdapDown: boolean;
  rdapRequests: string[];
  whoisQueries: string[];
  close(): Promise<void>;
}

export function rdapDomainObject(name: string, r: DomainRecord) {
  return {
    objectClassName: 'domain',
    rdapConformance: ['rdap_level_0'],
    ldhName: name.toUpperCase(),
    status: r.status ?? ['client transfer prohibited'],
    events: [
      { eventAction: 'registration', eventDate: r.created ?? '2001-02-03T04:05:06Z' },
      ...(r.expires ? [{ eventAction: 'expiration', eventDate: r.expires }] : []),
      { eventAction: 'last changed', eventDate: '2024-01-01T00:00:00Z' },
    ],
    entities: [
      {
        objectClassName: 'entity',
        handle: '9999',
        roles: ['registrar'],
        vcardArray: [
          'vcard',
          [
            ['version', {}, 'text', '4.0'],
            ['fn', {}, 'text', r.registrar ?? 'Example Registrar, Inc.'],
          ],
        ],
      },
    ],
    nameservers: (r.nameServers ?? ['ns1.example.net', 'ns2.example.net']).map((n) => ({
      objectClassName: 'nameserver',
      ldhName: n.toUpperCase(),
    })),
  };
}

export function whoisText(name: string, r: DomainRecord): string {
  return [
    `   Domain Name: ${name.toUpperCase()}`,
    `   Registrar: ${r.registrar ?? 'Example Registrar, Inc.'}`,
    `   Updated Date: 2024-01-01T00:00:00Z`,
    `   Creation Date: ${r.created ?? '2001-02-03T04:05:06Z'}`,
    ...(r.expires ? [`   Registry Expiry Date: ${r.expires}`] : []),
    ...(r.status ?? ['clientTransferProhibited']).map((s) => `   Domain Status: ${s} https://icann.org/epp#${s}`),
    ...(r.nameServers ?? ['ns1.example.net', 'ns2.example.net']).map((n) => `   Name Server: ${n.toUpperCase()}`),
    '>>> Last update of whois database: 2026-01-01T00:00:00Z <<<',
    '',
  ].join('\r\n');
}

export async function startRegistryServers(records: Record<string, DomainRecord> = {}): Promise<RegistryServers> {
  const sockets = new Set<net.Socket>();
  const r: RegistryServers = {
    rdapUrl: '',
    whoisPort: 0,
    records: new Map(Object.entries(records)),
    rdapDown: false,
    rdapRequests: [],
    whoisQueries: [],
    close: async () => undefined,
  };
  const rdap = http.createServer((req, res) => {
    r.rdapRequests.push(req.url ?? '');
    if (r.rdapDown)
      return void res.writeHead(503, { 'content-type': 'application/rdap+json' }).end('{"errorCode":503}');
    const m = /^\/domain\/([^/?]+)$/.exec(req.url ?? '');
    const name = m ? decodeURIComponent(m[1]).toLowerCase() : '';
    const rec = r.records.get(name);
    if (!rec)
      return void res
        .writeHead(404, { 'content-type': 'application/rdap+json' })
        .end(JSON.stringify({ errorCode: 404, title: 'Not Found' }));
    res.writeHead(200, { 'content-type': 'application/rdap+json' }).end(JSON.stringify(rdapDomainObject(name, rec)));
  });
  const whois = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let buf = '';
    socket.on('data', (c) => {
      buf += c.toString('utf8');
      const end = buf.indexOf('\r\n');
      if (end < 0) return;
      const q = buf.slice(0, end).trim().toLowerCase();
      r.whoisQueries.push(q);
      const rec = r.records.get(q);
      socket.end(
        rec
          ? whoisText(q, rec)
          : `No match for "${q.toUpperCase()}".\r\n>>> Last update of whois database: 2026-01-01T00:00:00Z <<<\r\n`,
      );
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((res) => rdap.listen(0, '127.0.0.1', res));
  await new Promise<void>((res) => whois.listen(0, '127.0.0.1', res));
  r.rdapUrl = `http://127.0.0.1:${(rdap.address() as AddressInfo).port}/`;
  r.whoisPort = (whois.address() as AddressInfo).port;
  r.close = async () => {
    for (const s of sockets) s.destroy();
    rdap.closeAllConnections();
    await Promise.all([
      new Promise<void>((res) => rdap.close(() => res())),
      new Promise<void>((res) => whois.close(() => res())),
    ]);
  };
  return r;
}
