import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  makeLeaf,
  makeTestCa,
  startDnsTarget,
  startRegistryServers,
  startSipResponder,
  startTcpEcho,
  startTlsTarget,
  waitFor,
  type DnsTarget,
  type TcpEchoTarget,
  type TestCa,
  type TlsTarget,
} from '@parallax/testing';
import { LocalSystem, REGIONS } from '../support/system';

jest.setTimeout(240_000);

/**
 * Every probe-run monitor type end to end, through the REST API only, against real servers
 * this test starts on loopback, checked from three probe regions (real processes) with
 * quorum: json_api against a JSON API, ssl against TLS servers whose certificate (from a
 * test CA the probes trust via NODE_EXTRA_CA_CERTS) and protocol versions the test chooses,
 * http on https recording the certificate, tcp against an echo server, dns against a DNS
 * server.
 */
describe('monitor types end to end', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'parallax-types-'));
  const caFile = join(tmp, 'ca.pem');
  const sys = new LocalSystem({
    probeEnv: { NODE_EXTRA_CA_CERTS: caFile },
    controlPlaneEnv: { RATE_LIMIT_PER_MINUTE: '100000', PLAN_FREE_MAX_MONITORS: '100' },
  });
  const call = (method: string, path: string, body?: unknown) => sys.call(method, path, body);
  const monitor = (id: string) => sys.monitor(id);
  const latestCheck = async (id: string) => (await call('GET', `/monitors/${id}/checks?limit=1`)).body.data[0];
  const create = async (body: Record<string, unknown>) => {
    const res = await call('POST', '/monitors', { check_interval: 1, timeout: 3, ...body });
    expect({ status: res.status, details: res.body.details }).toEqual({ status: 201, details: undefined });
    return res.body.data.id as string;
  };
  const statusIs = (id: string, status: string, ms = 30_000) =>
    waitFor(`${id} ${status}`, async () => (await monitor(id)).status === status, ms, 250);
  const allRegions = (status: string) => Object.fromEntries(REGIONS.map((r) => [r, status]));

  let ca: TestCa;
  let api: http.Server;
  let apiBase: string;
  let apiBody = '';
  let web: https.Server;
  let webPort: number;
  let tlsTarget: TlsTarget;
  let echo: TcpEchoTarget;
  let dns: DnsTarget;

  beforeAll(async () => {
    ca = await makeTestCa();
    writeFileSync(caFile, ca.cert);
    api = http.createServer((req, res) => {
      if (req.headers.authorization !== 'Bearer e2e-token')
        return void res.writeHead(401).end('{"error":"unauthorized"}');
      res.writeHead(200, { 'content-type': 'application/json' }).end(apiBody);
    });
    await new Promise<void>((r) => api.listen(0, '127.0.0.1', r));
    apiBase = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
    const webCert = await makeLeaf({ expiresInDays: 45, ca });
    web = https.createServer({ key: webCert.key, cert: webCert.cert }, (_req, res) => res.end('Welcome'));
    await new Promise<void>((r) => web.listen(0, '127.0.0.1', r));
    webPort = (web.address() as AddressInfo).port;
    tlsTarget = await startTlsTarget(await makeLeaf({ expiresInDays: 60, ca }), { min: 'TLSv1.2', max: 'TLSv1.2' });
    echo = await startTcpEcho('+READY\r\n');
    dns = await startDnsTarget({
      'app.example.test': { A: ['192.0.2.10'], MX: [{ preference: 10, exchange: 'mx.example.test' }] },
    });
    await sys.start();
  });

  afterAll(async () => {
    await sys.stop();
    await Promise.all([
      new Promise((r) => api.close(r)),
      new Promise((r) => web.close(r)),
      tlsTarget?.close(),
      echo?.close(),
      dns?.close(),
    ]);
    rmSync(tmp, { recursive: true, force: true });
  });

  it('json_api: up from every region while the assertions hold; down with an incident naming the failing assertion', async () => {
    apiBody = JSON.stringify({ status: 'ok', data: { version: '2.1.0', count: 3, users: [{ name: 'ada' }] } });
    const id = await create({
      monitor_type: 'json_api',
      name: 'Health API',
      url: `${apiBase}/v1/health`,
      auth_header: 'Bearer e2e-token',
      json_assertions: [
        { path: 'status', operator: 'equals', value: 'ok' },
        { path: 'data.count', operator: 'greater_than', value: '0' },
        { path: 'data.users[0].name', operator: 'equals', value: 'ada' },
        { path: 'data.version', operator: 'exists', value: '' },
      ],
    });
    await statusIs(id, 'up');
    expect((await monitor(id)).location_status).toEqual(allRegions('up'));

    apiBody = JSON.stringify({ status: 'degraded', data: { version: '2.1.0', count: 0, users: [{ name: 'ada' }] } });
    await statusIs(id, 'down');
    const incident = await waitFor('incident', async () => (await sys.incidents(id))[0]);
    expect(incident.failure_error_message).toBe(
      '2 of 4 JSON assertions failed: status: expected equals "ok", got "degraded"; data.count: expected greater than 0, got 0',
    );
    expect(incident.regions_checked).toBe(3);
    expect(incident.regions_up).toBe(0);

    apiBody = '<html>maintenance</html>';
    await waitFor('not JSON', async () =>
      (await latestCheck(id)).region_results.every((r: { error: string | null }) =>
        r.error?.startsWith('response body is not JSON'),
      ),
    );
  });

  it('ssl: chain, issuer, SANs, days left and accepted protocols from every region; warn within the threshold; down when expired', async () => {
    const id = await create({
      monitor_type: 'ssl',
      name: 'local SSL',
      ssl_domain: 'localhost',
      ssl_port: tlsTarget.port,
      ssl_expiry_threshold_days: 14,
    });
    await statusIs(id, 'up');
    const m = await monitor(id);
    expect(m.ssl_issuer).toBe('Parallax Test CA');
    expect(Math.round((Date.parse(m.ssl_expiry) - Date.now()) / 86_400_000)).toBe(60);
    expect(m.location_status).toEqual(allRegions('up'));
    const check = await latestCheck(id);
    expect(check.region_results).toHaveLength(3);
    for (const r of check.region_results) {
      expect(r.details).toMatchObject({
        subject: 'localhost',
        issuer: 'Parallax Test CA',
        sans: ['localhost', '127.0.0.1'],
        chain_valid: true,
        hostname_match: true,
        protocol: 'TLSv1.2',
        protocols: { TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': false },
        findings: [],
      });
      expect([59, 60]).toContain(r.details.days_left);
      expect(r.ssl_issuer).toBe('Parallax Test CA');
    }

    tlsTarget.setCertificate(await makeLeaf({ expiresInDays: 5, ca }));
    await statusIs(id, 'warn');
    const warned = await latestCheck(id);
    expect(warned.status).toBe('warn');
    expect(warned.region_results.every((r: { is_up: boolean; warn: boolean }) => r.is_up && r.warn)).toBe(true);
    expect(await sys.incidents(id)).toEqual([]);

    tlsTarget.setCertificate(await makeLeaf({ expiresInDays: -1, ca }));
    await statusIs(id, 'down');
    const incident = await waitFor('incident', async () => (await sys.incidents(id))[0]);
    expect(incident.failure_error_message).toMatch(/^certificate expired on /);
    expect(incident.monitor_type).toBe('ssl');

    tlsTarget.setCertificate(await makeLeaf({ expiresInDays: 60, ca }));
    await statusIs(id, 'up');
    await waitFor('incident resolved', async () => (await sys.incidents(id))[0].status === 'resolved');
  });

  it('http on an https URL records ssl_expiry and ssl_issuer', async () => {
    const id = await create({ name: 'https site', url: `https://localhost:${webPort}/`, keyword: 'Welcome' });
    await statusIs(id, 'up');
    const m = await monitor(id);
    expect(m.ssl_issuer).toBe('Parallax Test CA');
    expect(Math.round((Date.parse(m.ssl_expiry) - Date.now()) / 86_400_000)).toBe(45);
  });

  it('https (StatusCore fields): up from every region, warn within the expiry threshold, down on an untrusted certificate from every region; up again', async () => {
    const id = await create({
      type: 'https',
      name: 'https core',
      target: `https://localhost:${webPort}/`,
      ssl_check: true,
      check_locations: ['all'],
      ssl_expiry_threshold_days: 14,
    });
    await statusIs(id, 'up');
    expect((await monitor(id)).location_status).toEqual(allRegions('up'));
    for (const r of (await latestCheck(id)).region_results) expect([44, 45]).toContain(r.details.days_left);

    expect((await call('PUT', `/monitors/${id}`, { ssl_expiry_threshold_days: 60 })).status).toBe(200);
    await statusIs(id, 'warn');
    expect(
      (await latestCheck(id)).region_results.every((r: { is_up: boolean; warn: boolean }) => r.is_up && r.warn),
    ).toBe(true);
    expect(await sys.incidents(id)).toEqual([]);

    // tlsTarget serves a certificate of the same CA for localhost; a self-signed one is untrusted.
    const selfSigned = await startTlsTarget(await makeLeaf({ expiresInDays: 60 }));
    try {
      expect((await call('PUT', `/monitors/${id}`, { target: `https://localhost:${selfSigned.port}/` })).status).toBe(
        200,
      );
      await statusIs(id, 'down');
      expect((await sys.incidents(id))[0].failure_error_message).toMatch(
        /^TLS certificate error: self-signed certificate/,
      );
      expect((await monitor(id)).location_status).toEqual(allRegions('down'));
    } finally {
      await selfSigned.close();
    }
    expect(
      (await call('PUT', `/monitors/${id}`, { target: `https://localhost:${webPort}/`, ssl_expiry_threshold_days: 14 }))
        .status,
    ).toBe(200);
    await statusIs(id, 'up');
    expect((await monitor(id)).location_status).toEqual(allRegions('up'));
    await waitFor('incident resolved', async () => (await sys.incidents(id))[0].status === 'resolved');
  });

  it('ping (StatusCore type/target): loss and rtt from every region; down when the name does not resolve, up again, down on 100% loss to an unrouted address', async () => {
    const id = await create({
      type: 'ping',
      name: 'loopback ping',
      target: '127.0.0.1',
      ping_count: 2,
      ping_interval_ms: 200,
    });
    await statusIs(id, 'up');
    const m = await monitor(id);
    expect(m).toMatchObject({
      monitor_type: 'ping',
      host: '127.0.0.1',
      ping_count: 2,
      ping_interval_ms: 200,
      max_packet_loss: 0,
      url: 'icmp://127.0.0.1',
    });
    expect(m.location_status).toEqual(allRegions('up'));
    for (const region of REGIONS) expect(typeof m.last_response_by_region[region]).toBe('number');
    for (const r of (await latestCheck(id)).region_results) {
      expect(r.details).toMatchObject({ address: '127.0.0.1', transmitted: 2, received: 2, packet_loss: 0 });
      expect(typeof r.details.rtt_stddev).toBe('number');
    }

    // Loopback always answers ICMP: the target moves to a name that does not exist...
    expect((await call('PUT', `/monitors/${id}`, { target: 'gone.invalid' })).status).toBe(200);
    await statusIs(id, 'down');
    const incident = await waitFor('incident', async () => (await sys.incidents(id))[0]);
    expect(incident.regions_checked).toBe(3);
    expect(incident.regions_up).toBe(0);
    expect((await monitor(id)).location_status).toEqual(allRegions('down'));

    // ...back to loopback (up again, the incident resolved)...
    expect((await call('PUT', `/monitors/${id}`, { target: '127.0.0.1' })).status).toBe(200);
    await statusIs(id, 'up');
    await waitFor('incident resolved', async () => (await sys.incidents(id))[0].status === 'resolved');

    // ...and to TEST-NET-2 (RFC 5737, never routed): the system ping runs, no echo comes back
    // (dropped, or an ICMP unreachable where there is no route), 100% loss from every region.
    expect((await call('PUT', `/monitors/${id}`, { target: '198.51.100.1' })).status).toBe(200);
    await statusIs(id, 'down');
    const lost = await waitFor('echoes lost', async () => {
      const check = await latestCheck(id);
      return (
        check.region_results.length === 3 &&
        check.region_results.every((r: { details: { address?: string } }) => r.details.address === '198.51.100.1') &&
        check
      );
    });
    for (const r of lost.region_results) {
      expect(r.is_up).toBe(false);
      expect(r.error).toMatch(/^(no reply to 2 echo requests \(100% packet loss\)|ping failed: .*unreachable)/i);
    }
    expect((await monitor(id)).location_status).toEqual(allRegions('down'));
  });

  it('sip: OPTIONS over UDP and TLS from every region; down on a 503 from every region; up again when it answers 200', async () => {
    const sip = await startSipResponder(await makeLeaf({ expiresInDays: 60, ca }));
    try {
      const udp = await create({ type: 'sip', name: 'pbx udp', target: '127.0.0.1', port: sip.udpPort });
      const tlsId = await create({
        monitor_type: 'sip',
        name: 'pbx tls',
        host: 'localhost',
        port: sip.tlsPort,
        sip_transport: 'tls',
        sip_expected_codes: [200],
      });
      await statusIs(udp, 'up');
      await statusIs(tlsId, 'up');
      const m = await monitor(udp);
      expect(m).toMatchObject({
        monitor_type: 'sip',
        sip_transport: 'udp',
        sip_expected_codes: [200],
        last_status_code: 200,
      });
      expect(m.location_status).toEqual(allRegions('up'));
      for (const r of (await latestCheck(tlsId)).region_results)
        expect(r.details).toMatchObject({ transport: 'tls', status: 200, server: 'parallax-test-sip' });

      Object.assign(sip, { code: 503, reason: 'Service Unavailable' });
      await statusIs(udp, 'down');
      const incident = await waitFor('incident', async () => (await sys.incidents(udp))[0]);
      expect(incident.failure_error_message).toBe('expected SIP response 200, got 503 Service Unavailable');
      expect(incident.regions_up).toBe(0);
      expect(incident.regions_checked).toBe(3);
      expect((await monitor(udp)).location_status).toEqual(allRegions('down'));
      Object.assign(sip, { code: 200, reason: 'OK' });
      await statusIs(udp, 'up');
      expect((await monitor(udp)).location_status).toEqual(allRegions('up'));
      await waitFor('incident resolved', async () => (await sys.incidents(udp))[0].status === 'resolved');
    } finally {
      await sip.close();
    }
  });

  it('domain: expiry over RDAP (WHOIS when RDAP fails) from one region per round; warn near expiry; down once expired, with an incident', async () => {
    const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();
    const reg = await startRegistryServers({
      'fresh.test': { expires: inDays(200), registrar: 'Registrar One', status: ['client transfer prohibited'] },
      'soon.test': { expires: inDays(10) },
      'gone.test': { expires: inDays(-2) },
      'whois.test': { expires: inDays(90), registrar: 'Whois Registrar' },
    });
    try {
      const servers = { rdap_server: reg.rdapUrl, whois_server: `127.0.0.1:${reg.whoisPort}` };
      const id = await create({
        type: 'domain',
        name: 'registration',
        target: 'fresh.test',
        regions: REGIONS,
        ...servers,
      });
      await statusIs(id, 'up');
      const m = await monitor(id);
      expect(m).toMatchObject({
        domain: 'fresh.test',
        domain_registrar: 'Registrar One',
        domain_status: ['client transfer prohibited'],
        regions: REGIONS,
      });
      expect(Date.parse(m.domain_expiry) - Date.parse(inDays(200))).toBeLessThan(60_000);
      // One region per round (the first of the monitor's regions), not all three.
      expect(m.location_status).toEqual({ [REGIONS[0]]: 'up' });
      const check = await latestCheck(id);
      expect(check.region_results.map((r: { region: string }) => r.region)).toEqual([REGIONS[0]]);
      expect(check.region_results[0].details).toMatchObject({
        source: 'rdap',
        registrar: 'Registrar One',
        registered: true,
      });

      expect((await call('PUT', `/monitors/${id}`, { domain: 'soon.test' })).status).toBe(200);
      await statusIs(id, 'warn');
      expect((await call('PUT', `/monitors/${id}`, { domain: 'gone.test' })).status).toBe(200);
      await statusIs(id, 'down');
      const incident = await waitFor('incident', async () => (await sys.incidents(id))[0]);
      expect(incident.failure_error_message).toMatch(/^domain registration expired on /);
      expect(incident.regions_checked).toBe(1);

      reg.rdapDown = true;
      expect((await call('PUT', `/monitors/${id}`, { domain: 'whois.test' })).status).toBe(200);
      await statusIs(id, 'up');
      expect((await monitor(id)).domain_registrar).toBe('Whois Registrar');
      expect(reg.whoisQueries).toContain('whois.test');
      // Each name was read once by each probe process at most (reused for 6 hours), not once per round.
      expect(reg.rdapRequests.filter((u) => u === '/domain/fresh.test').length).toBeLessThanOrEqual(REGIONS.length);
    } finally {
      await reg.close();
    }
  });

  it('tcp: connect time from every region, send/expect; down when the port closes', async () => {
    const id = await create({
      monitor_type: 'tcp',
      name: 'echo',
      host: '127.0.0.1',
      port: echo.port,
      send: 'PING 7\r\n',
      expect: 'PING 7',
    });
    await statusIs(id, 'up');
    const m = await monitor(id);
    expect(m.location_status).toEqual(allRegions('up'));
    for (const region of REGIONS) expect(typeof m.last_response_by_region[region]).toBe('number');
    const check = await latestCheck(id);
    for (const r of check.region_results)
      expect(r.details).toMatchObject({ host: '127.0.0.1', port: echo.port, reply: expect.stringContaining('PING 7') });

    const wrong = await create({
      monitor_type: 'tcp',
      name: 'echo wrong',
      host: '127.0.0.1',
      port: echo.port,
      send: 'hello\r\n',
      expect: '+PONG',
      timeout: 1,
    });
    await statusIs(wrong, 'down');
    expect((await sys.incidents(wrong))[0].failure_error_message).toBe(
      'timeout after 1000 ms (waiting for the expected reply)',
    );

    await echo.close();
    await statusIs(id, 'down');
    expect((await latestCheck(id)).region_results[0].error).toBe('connection refused (ECONNREFUSED)');
  });

  it("dns: answer and rcode in every region's result; down when the answer changes or the name disappears", async () => {
    const id = await create({
      monitor_type: 'dns',
      name: 'app A',
      hostname: 'app.example.test',
      record_type: 'A',
      resolver: dns.resolver,
      expected: ['192.0.2.10'],
    });
    const mx = await create({
      monitor_type: 'dns',
      name: 'app MX',
      hostname: 'app.example.test',
      record_type: 'MX',
      resolver: dns.resolver,
      expected: ['mx.example.test'],
    });
    await statusIs(id, 'up');
    await statusIs(mx, 'up');
    const check = await latestCheck(id);
    for (const r of check.region_results)
      expect(r.details).toMatchObject({
        rcode: 'NOERROR',
        answers: ['192.0.2.10'],
        resolver: dns.resolver,
        record_type: 'A',
      });
    expect((await latestCheck(mx)).region_results[0].details.answers).toEqual(['10 mx.example.test']);

    dns.records['app.example.test'].A = ['192.0.2.99'];
    await statusIs(id, 'down');
    expect((await sys.incidents(id))[0].failure_error_message).toBe(
      'expected A "192.0.2.10" not in the answer ["192.0.2.99"]',
    );

    delete dns.records['app.example.test'];
    await waitFor('NXDOMAIN', async () =>
      (await latestCheck(mx)).region_results.every(
        (r: { details: { rcode: string } }) => r.details.rcode === 'NXDOMAIN',
      ),
    );
    await statusIs(mx, 'down');
  });
});
