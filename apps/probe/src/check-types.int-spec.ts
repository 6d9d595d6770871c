import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  auditTlsProtocols,
  checkRegistry,
  probeTlsProtocols,
  runCheck,
  type CheckContext,
  type LookupAllFn,
} from '@parallax/checks';
import type {
  DnsCheckSpec,
  DomainCheckSpec,
  JsonApiCheckSpec,
  PingCheckSpec,
  SipCheckSpec,
  SslCheckSpec,
  TcpCheckSpec,
} from '@parallax/contracts';
import {
  makeLeaf,
  makeTestCa,
  startDnsTarget,
  startRegistryServers,
  type RegistryServers,
  startSilentTcp,
  startSipResponder,
  startTcpEcho,
  startTlsTarget,
  type DnsTarget,
  type SipResponder,
  type TcpEchoTarget,
  type TestCa,
  type TlsTarget,
} from '@parallax/testing';

jest.setTimeout(60_000);

/**
 * The json_api, ssl, tcp and dns checks against real servers on loopback (through the
 * registry, as the probe runs them): a JSON API, TLS servers with certificates from a test
 * CA whose expiry and protocol versions each test chooses, a TCP echo server, a DNS server.
 */
let ca: TestCa;
const ctx = (over: Partial<CheckContext> = {}): CheckContext => ({
  region: 'test-1',
  userAgent: 'Parallax/test',
  allowPrivateTargets: true,
  maxBodyBytes: 1024 * 1024,
  tlsCa: ca.cert,
  ...over,
});
beforeAll(async () => {
  ca = await makeTestCa();
});
const strict = (over: Partial<CheckContext> = {}) => ctx({ allowPrivateTargets: false, ...over });
const resolvesTo =
  (address: string, family: 4 | 6 = 4): LookupAllFn =>
  (_h, _o, cb) =>
    cb(null, [{ address, family }]);
const refusal = (addr: string, range: string, literal = false) =>
  `target ${literal ? 'is' : 'resolves to'} a private address (${range}); set ALLOW_PRIVATE_TARGETS=true to allow`;

describe('json_api check', () => {
  let server: http.Server;
  let base: string;
  let lastAuth: string | undefined;
  const bodies: Record<string, string> = {
    '/health': JSON.stringify({
      status: 'ok',
      data: {
        version: '1.2.3',
        count: 3,
        users: [{ name: 'ada' }, { name: 'bob' }],
        flags: ['a', 'b'],
        enabled: true,
        none: null,
      },
    }),
    '/html': '<html>hello</html>',
  };
  const spec = (path: string, over: Partial<JsonApiCheckSpec> = {}): JsonApiCheckSpec => ({
    type: 'json_api',
    url: base + path,
    authorization: null,
    follow_redirects: true,
    expected_status_code: 200,
    timeout_ms: 5000,
    keyword: null,
    response_threshold_ms: null,
    json_assertions: [],
    ...over,
  });

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      lastAuth = req.headers.authorization;
      const body = bodies[req.url ?? ''];
      res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' }).end(body ?? '{"error":"not found"}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('passes when every assertion of every operator holds, and sends the Authorization header', async () => {
    const out = await runCheck(
      spec('/health', {
        authorization: 'Bearer tok_live_xxxx',
        json_assertions: [
          { path: 'status', operator: 'equals', value: 'ok' },
          { path: 'status', operator: 'not_equals', value: 'down' },
          { path: 'data.version', operator: 'contains', value: '1.2' },
          { path: 'data.version', operator: 'not_contains', value: 'beta' },
          { path: 'data.count', operator: 'greater_than', value: '0' },
          { path: 'data.count', operator: 'less_than', value: '10' },
          { path: 'data.users[0].name', operator: 'equals', value: 'ada' },
          { path: 'data.flags', operator: 'contains', value: 'b' },
          { path: 'data.enabled', operator: 'equals', value: 'true' },
          { path: 'data.none', operator: 'exists', value: '' },
          { path: 'data.missing', operator: 'not_exists', value: '' },
        ],
      }),
      ctx(),
    );
    expect(out.error).toBeNull();
    expect(out.is_up).toBe(true);
    expect(out.status_code).toBe(200);
    expect(lastAuth).toBe('Bearer tok_live_xxxx');
  });

  it('names each failing assertion in the error', async () => {
    const out = await runCheck(
      spec('/health', {
        json_assertions: [
          { path: 'status', operator: 'equals', value: 'healthy' },
          { path: 'data.count', operator: 'greater_than', value: '5' },
          { path: 'data.users[5].name', operator: 'exists', value: '' },
          { path: 'data.version', operator: 'exists', value: '' },
        ],
      }),
      ctx(),
    );
    expect(out.is_up).toBe(false);
    expect(out.error).toBe(
      '3 of 4 JSON assertions failed: status: expected equals "healthy", got "ok"; data.count: expected greater than 5, got 3; data.users[5].name: expected to exist, but it is absent',
    );
    expect(out.response_body).toContain('"status":"ok"');
  });

  it('fails clearly on a body that is not JSON, and on the wrong status before the body', async () => {
    const html = await runCheck(spec('/html'), ctx());
    expect(html.is_up).toBe(false);
    expect(html.error).toMatch(/^response body is not JSON \(.+\); starts with "<html>hello<\/html>"$/);
    const missing = await runCheck(
      spec('/nope', { json_assertions: [{ path: 'x', operator: 'exists', value: '' }] }),
      ctx(),
    );
    expect(missing.error).toBe('expected status 200, got 404');
  });

  it('is refused by the SSRF guard like http', async () => {
    const out = await runCheck(spec('/health'), strict());
    expect(out.error).toBe(refusal('127.0.0.1', 'loopback', true));
  });
});

describe('ssl check', () => {
  let good: TlsTarget;
  let tls12only: TlsTarget;
  let legacy: TlsTarget;
  const spec = (port: number, over: Partial<SslCheckSpec> = {}): SslCheckSpec => ({
    type: 'ssl',
    host: 'localhost',
    port,
    timeout_ms: 8000,
    expiry_threshold_days: 14,
    check_protocols: true,
    ...over,
  });
  beforeAll(async () => {
    good = await startTlsTarget(await makeLeaf({ expiresInDays: 60, ca }));
    tls12only = await startTlsTarget(await makeLeaf({ expiresInDays: 60, ca }), { min: 'TLSv1.2', max: 'TLSv1.2' });
    legacy = await startTlsTarget(await makeLeaf({ expiresInDays: 60, ca }), { min: 'TLSv1', max: 'TLSv1.3' });
  });
  afterAll(async () => {
    await Promise.all([good.close(), tls12only.close(), legacy.close()]);
  });

  it('reads the chain, expiry, issuer, subject, SANs and days left; up; audits the protocols', async () => {
    const out = await runCheck(spec(good.port), ctx());
    expect(out.error).toBeNull();
    expect(out.is_up).toBe(true);
    expect(out.warn).toBe(false);
    expect(out.response_ms).toBeNull();
    expect(out.ssl_issuer).toBe('Parallax Test CA');
    const d = out.details as Record<string, any>;
    expect(d).toMatchObject({
      subject: 'localhost',
      issuer: 'Parallax Test CA',
      sans: ['localhost', '127.0.0.1'],
      chain_valid: true,
      chain_error: null,
      hostname_match: true,
      findings: [],
    });
    expect([59, 60]).toContain(d.days_left);
    expect(d.valid_to).toBe(out.ssl_expiry);
    expect(d.chain[0]).toMatchObject({ subject: 'localhost', issuer: 'Parallax Test CA' });
    expect(d.protocols).toEqual({ TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': true, 'TLSv1.3': true });
    for (const p of ['dns', 'connect', 'tls', 'total'] as const) expect(typeof out.phases[p]).toBe('number');
  });

  it('reports exactly the versions a restricted server accepts', async () => {
    const out = await runCheck(spec(tls12only.port), ctx());
    expect(out.is_up).toBe(true);
    expect((out.details as any).protocols).toEqual({
      TLSv1: false,
      'TLSv1.1': false,
      'TLSv1.2': true,
      'TLSv1.3': false,
    });
    expect((out.details as any).protocol).toBe('TLSv1.2');
  });

  it('flags TLSv1 and TLSv1.1 as findings without failing the check', async () => {
    const out = await runCheck(spec(legacy.port), ctx());
    expect(out.is_up).toBe(true);
    const d = out.details as any;
    expect(d.protocols).toEqual({ TLSv1: true, 'TLSv1.1': true, 'TLSv1.2': true, 'TLSv1.3': true });
    expect(d.findings).toEqual(['server accepts deprecated TLSv1', 'server accepts deprecated TLSv1.1']);
  });

  it('warns within the threshold, is down when expired, untrusted or for another host name', async () => {
    const t = await startTlsTarget(await makeLeaf({ expiresInDays: 5, ca }));
    try {
      const soon = await runCheck(spec(t.port, { check_protocols: false }), ctx());
      expect(soon).toMatchObject({ is_up: true, warn: true, error: null });
      expect((soon.details as any).findings).toEqual(['certificate expires in 4 days (threshold 14)']);
      expect((soon.details as any).protocols).toBeNull();

      t.setCertificate(await makeLeaf({ expiresInDays: -2, ca }));
      const expired = await runCheck(spec(t.port, { check_protocols: false }), ctx());
      expect(expired.is_up).toBe(false);
      expect(expired.warn).toBe(false);
      expect(expired.error).toMatch(/^certificate expired on \d{4}-\d\d-\d\dT/);
      expect((expired.details as any).days_left).toBeLessThan(0);

      t.setCertificate(await makeLeaf({ expiresInDays: 60 }));
      const selfSigned = await runCheck(spec(t.port, { check_protocols: false }), ctx());
      expect(selfSigned.error).toBe('certificate chain is not valid (DEPTH_ZERO_SELF_SIGNED_CERT)');
      expect((selfSigned.details as any).chain_valid).toBe(false);

      t.setCertificate(await makeLeaf({ expiresInDays: 60, ca, names: ['other.example'], ips: [] }));
      const wrongName = await runCheck(spec(t.port, { check_protocols: false }), ctx());
      expect(wrongName.error).toBe('certificate does not match the host name localhost');
      expect(wrongName.details as any).toMatchObject({
        hostname_match: false,
        chain_valid: true,
        sans: ['other.example'],
      });
    } finally {
      await t.close();
    }
  });

  it('is down when nothing listens, and bounds a server that never answers by the timeout', async () => {
    const closed = await startTcpEcho();
    const port = closed.port;
    await closed.close();
    const refused = await runCheck(spec(port), ctx());
    expect(refused.is_up).toBe(false);
    expect(refused.error).toBe('connection refused (ECONNREFUSED)');

    const silent = await startSilentTcp(); // accepts TCP, never speaks
    try {
      const out = await runCheck(spec(silent.port, { timeout_ms: 500 }), ctx());
      expect(out.is_up).toBe(false);
      expect(out.error).toBe('timeout after 500 ms (TLS handshake)');
    } finally {
      await silent.close();
    }

    const echo = await startTcpEcho(); // answers the ClientHello with itself
    try {
      const out = await runCheck(spec(echo.port), ctx());
      expect(out.error).toBe('TLS handshake failed: unexpected message (ERR_SSL_UNEXPECTED_MESSAGE)');
    } finally {
      await echo.close();
    }
  });

  it('bounds the tls-check protocol audit: a server that never answers leaves every version unknown', async () => {
    const silent = await startSilentTcp();
    try {
      const out = await probeTlsProtocols('127.0.0.1', silent.port, 300);
      expect(out).toEqual({ TLSv1: null, 'TLSv1.1': null, 'TLSv1.2': null, 'TLSv1.3': null });
      expect(silent.connections).toBe(4);
    } finally {
      await silent.close();
    }
  });

  it('reuses an audit per address and port: an hour when complete, ten minutes when a version did not answer', async () => {
    const silent = await startSilentTcp();
    try {
      const t0 = Date.parse('2030-01-01T00:00:00Z');
      const first = await auditTlsProtocols('127.0.0.1', silent.port, 200, t0);
      expect(first).toEqual({
        support: { TLSv1: null, 'TLSv1.1': null, 'TLSv1.2': null, 'TLSv1.3': null },
        checkedAt: t0,
      });
      expect(silent.connections).toBe(4);
      expect((await auditTlsProtocols('127.0.0.1', silent.port, 200, t0 + 9 * 60_000)).checkedAt).toBe(t0);
      expect(silent.connections).toBe(4);
      expect((await auditTlsProtocols('127.0.0.1', silent.port, 200, t0 + 11 * 60_000)).checkedAt).toBe(
        t0 + 11 * 60_000,
      );
      expect(silent.connections).toBe(8);
    } finally {
      await silent.close();
    }
    const t = await startTlsTarget(await makeLeaf({ expiresInDays: 60, ca }), { min: 'TLSv1.3', max: 'TLSv1.3' });
    try {
      const t0 = Date.parse('2030-01-01T00:00:00Z');
      const complete = await auditTlsProtocols('127.0.0.1', t.port, 3000, t0);
      expect(complete.support).toEqual({ TLSv1: false, 'TLSv1.1': false, 'TLSv1.2': false, 'TLSv1.3': true });
      expect((await auditTlsProtocols('127.0.0.1', t.port, 3000, t0 + 59 * 60_000)).checkedAt).toBe(t0);
      expect((await auditTlsProtocols('127.0.0.1', t.port, 3000, t0 + 61 * 60_000)).checkedAt).toBe(t0 + 61 * 60_000);
    } finally {
      await t.close();
    }
  });

  it('guards ssl targets: loopback names, metadata, IPv6 loopback, mapped IPv6', async () => {
    expect((await runCheck(spec(good.port), strict())).error).toBe(refusal('127.0.0.1', 'loopback'));
    expect(
      (await runCheck(spec(443, { host: 'meta.example' }), strict({ lookup: resolvesTo('169.254.169.254') }))).error,
    ).toBe(refusal('169.254.169.254', 'linkLocal'));
    expect((await runCheck(spec(443, { host: '::1' }), strict())).error).toBe(refusal('::1', 'loopback', true));
    expect(
      (await runCheck(spec(443, { host: 'm.example' }), strict({ lookup: resolvesTo('::ffff:10.0.0.1', 6) }))).error,
    ).toBe(refusal('::ffff:a00:1 → 10.0.0.1', 'private'));
  });
});

describe('tcp check', () => {
  let echo: TcpEchoTarget;
  const spec = (port: number, over: Partial<TcpCheckSpec> = {}): TcpCheckSpec => ({
    type: 'tcp',
    host: '127.0.0.1',
    port,
    timeout_ms: 3000,
    send: null,
    expect: null,
    ...over,
  });
  beforeAll(async () => {
    echo = await startTcpEcho('220 ready\r\n');
  });
  afterAll(() => echo.close());

  it('is up when the port accepts, with the connect time as response time', async () => {
    const out = await runCheck(spec(echo.port), ctx());
    expect(out.error).toBeNull();
    expect(out.is_up).toBe(true);
    expect(out.response_ms).toBe(out.phases.connect);
    expect(out.details).toMatchObject({ host: '127.0.0.1', port: echo.port, address: '127.0.0.1' });
  });

  it('sends a string and expects one in the reply', async () => {
    const ok = await runCheck(
      spec(echo.port, { host: 'localhost', send: 'PING 42\r\n', expect: 'PING 42' }),
      ctx({ lookup: resolvesTo('127.0.0.1') }),
    );
    expect(ok.error).toBeNull();
    expect(typeof ok.phases.first_byte).toBe('number');
    expect((ok.details as any).reply).toContain('PING 42');

    const wrong = await runCheck(spec(echo.port, { send: 'hello\r\n', expect: '+PONG', timeout_ms: 700 }), ctx());
    expect(wrong.is_up).toBe(false);
    expect(wrong.error).toBe('timeout after 700 ms (waiting for the expected reply)');
  });

  it('is down on a refused port and refuses private targets when not allowed', async () => {
    const gone = await startTcpEcho();
    const port = gone.port;
    await gone.close();
    expect((await runCheck(spec(port), ctx())).error).toBe('connection refused (ECONNREFUSED)');
    const before = echo.connections;
    expect((await runCheck(spec(echo.port), strict())).error).toBe(refusal('127.0.0.1', 'loopback', true));
    expect(
      (await runCheck(spec(echo.port, { host: 'db.internal' }), strict({ lookup: resolvesTo('10.1.2.3') }))).error,
    ).toBe(refusal('10.1.2.3', 'private'));
    expect(echo.connections).toBe(before);
  });
});

describe('dns check', () => {
  let dns: DnsTarget;
  const spec = (over: Partial<DnsCheckSpec> = {}): DnsCheckSpec => ({
    type: 'dns',
    hostname: 'example.test',
    record_type: 'A',
    resolver: dns.resolver,
    expected: [],
    timeout_ms: 3000,
    ...over,
  });
  beforeAll(async () => {
    dns = await startDnsTarget({
      'example.test': {
        A: ['192.0.2.10', '192.0.2.11'],
        AAAA: ['2001:db8::10'],
        MX: [{ preference: 10, exchange: 'mail.example.test' }],
        TXT: [['v=spf1 -all']],
        NS: ['ns1.example.test'],
      },
      'www.example.test': { CNAME: ['example.test'] },
    });
  });
  afterAll(() => dns.close());

  it('answers every record type with rcode and answers in the result', async () => {
    const a = await runCheck(spec({ expected: ['192.0.2.11'] }), ctx());
    expect(a.error).toBeNull();
    expect(a.details).toMatchObject({
      rcode: 'NOERROR',
      answers: ['192.0.2.10', '192.0.2.11'],
      resolver: dns.resolver,
    });
    expect(a.response_ms).toBe(a.phases.dns);
    const cases: [DnsCheckSpec['record_type'], string, string[], string[]][] = [
      ['AAAA', 'example.test', ['2001:db8:0:0:0:0:0:10'], ['2001:db8::10']],
      ['CNAME', 'www.example.test', ['EXAMPLE.test.'], ['example.test']],
      ['MX', 'example.test', ['mail.example.test'], ['10 mail.example.test']],
      ['TXT', 'example.test', ['v=spf1 -all'], ['v=spf1 -all']],
      ['NS', 'example.test', ['ns1.example.test'], ['ns1.example.test']],
    ];
    for (const [type, hostname, expected, answers] of cases) {
      const out = await runCheck(spec({ record_type: type, hostname, expected }), ctx());
      expect({ type, error: out.error, answers: (out.details as any).answers }).toEqual({ type, error: null, answers });
    }
  });

  it('is down on a missing expected value, NXDOMAIN, SERVFAIL, an empty answer and no answer in time', async () => {
    expect((await runCheck(spec({ expected: ['192.0.2.99'] }), ctx())).error).toBe(
      'expected A "192.0.2.99" not in the answer ["192.0.2.10", "192.0.2.11"]',
    );
    const nx = await runCheck(spec({ hostname: 'nope.example.test' }), ctx());
    expect(nx.error).toBe('DNS NXDOMAIN for the A query');
    expect((nx.details as any).rcode).toBe('NXDOMAIN');
    dns.servfail.add('broken.example.test');
    expect((await runCheck(spec({ hostname: 'broken.example.test' }), ctx())).error).toBe(
      'DNS SERVFAIL for the A query',
    );
    expect((await runCheck(spec({ hostname: 'www.example.test' }), ctx())).error).toBe('no A records in the answer');
    const silent = await startTcpEcho(); // nothing answers UDP on this port
    try {
      const out = await runCheck(spec({ resolver: `127.0.0.1:${silent.port}`, timeout_ms: 400 }), ctx());
      expect(out.error).toBe('timeout after 400 ms (waiting for the DNS answer)');
    } finally {
      await silent.close();
    }
  });

  it('guards a private resolver unless allowed', async () => {
    const before = dns.queries.length;
    expect((await runCheck(spec(), strict())).error).toBe(refusal('127.0.0.1', 'loopback', true));
    expect((await runCheck(spec({ resolver: '169.254.169.254' }), strict())).error).toBe(
      refusal('169.254.169.254', 'linkLocal', true),
    );
    expect((await runCheck(spec({ resolver: '[::1]:53' }), strict())).error).toBe(refusal('::1', 'loopback', true));
    expect(dns.queries.length).toBe(before);
    expect((await runCheck(spec(), strict({ allowedPrivateCidrs: ['127.0.0.1/32'] }))).error).toBeNull();
  });
});

describe('ping check (the system ping, iputils)', () => {
  const spec = (host: string, over: Partial<PingCheckSpec> = {}): PingCheckSpec => ({
    type: 'ping',
    host,
    count: 3,
    interval_ms: 200,
    timeout_ms: 5000,
    max_packet_loss: 0,
    ...over,
  });

  it('is up against 127.0.0.1 with loss and rtt min/avg/max/stddev; the average is the response time', async () => {
    const out = await runCheck(spec('127.0.0.1'), ctx());
    expect(out.error).toBeNull();
    expect(out.is_up).toBe(true);
    const d = out.details as Record<string, number | string>;
    expect(d).toMatchObject({
      host: '127.0.0.1',
      address: '127.0.0.1',
      transmitted: 3,
      received: 3,
      packet_loss: 0,
      count: 3,
      max_packet_loss: 0,
    });
    for (const k of ['rtt_min', 'rtt_avg', 'rtt_max', 'rtt_stddev']) expect(typeof d[k]).toBe('number');
    expect(Number(d.rtt_min)).toBeLessThanOrEqual(Number(d.rtt_avg));
    expect(Number(d.rtt_avg)).toBeLessThanOrEqual(Number(d.rtt_max));
    expect(out.response_ms).toBe(d.rtt_avg);
  });

  it('resolves a name first (through the probe lookup) and pings the address it found', async () => {
    const out = await runCheck(
      spec('ping-target.example.test', { count: 1 }),
      ctx({ lookup: resolvesTo('127.0.0.1') }),
    );
    expect(out.is_up).toBe(true);
    expect((out.details as Record<string, unknown>).address).toBe('127.0.0.1');
  });

  it('is refused by the SSRF guard on the resolved address, before any echo is sent', async () => {
    const literal = await runCheck(spec('127.0.0.1'), strict());
    expect(literal.error).toBe(refusal('127.0.0.1', 'loopback', true));
    const named = await runCheck(spec('inside.example.test'), strict({ lookup: resolvesTo('10.1.2.3') }));
    expect(named.error).toBe(refusal('10.1.2.3', 'private'));
    expect((named.details as Record<string, unknown>).transmitted).toBeUndefined();
  });

  it('is down on a name that does not resolve', async () => {
    const out = await runCheck(spec('no-such-host.invalid', { count: 1 }), ctx());
    expect(out.is_up).toBe(false);
    expect(out.error).toMatch(/resolve|ENOTFOUND|not found/i);
  });
});

describe('sip check (OPTIONS against a SIP responder on loopback)', () => {
  let sip: SipResponder;
  const spec = (transport: SipCheckSpec['transport'], over: Partial<SipCheckSpec> = {}): SipCheckSpec => ({
    type: 'sip',
    host: '127.0.0.1',
    port: transport === 'udp' ? sip.udpPort : transport === 'tcp' ? sip.tcpPort : sip.tlsPort,
    transport,
    expected_codes: [200],
    timeout_ms: 3000,
    ...over,
  });
  beforeAll(async () => {
    sip = await startSipResponder(await makeLeaf({ expiresInDays: 60, ca }));
  });
  afterAll(() => sip.close());
  afterEach(() => Object.assign(sip, { code: 200, reason: 'OK', silent: false, trying: false }));

  it.each(['udp', 'tcp', 'tls'] as const)(
    'is up over %s: the final code, the response time and the server header',
    async (transport) => {
      const out = await runCheck(spec(transport, transport === 'tls' ? { host: 'localhost' } : {}), ctx());
      expect(out.error).toBeNull();
      expect(out).toMatchObject({ is_up: true, status_code: 200 });
      expect(typeof out.response_ms).toBe('number');
      expect(out.details).toMatchObject({
        transport,
        status: 200,
        reason: 'OK',
        server: 'parallax-test-sip',
        address: '127.0.0.1',
      });
      const req = sip.requests[sip.requests.length - 1];
      expect(req).toMatch(new RegExp(`^OPTIONS sips?:(127\\.0\\.0\\.1|localhost):\\d+ SIP/2\\.0\\r\\n`));
      expect(req).toContain(`Via: SIP/2.0/${transport.toUpperCase()} `);
      expect(req).toContain('CSeq: 1 OPTIONS');
    },
  );

  it('waits past a provisional 100 Trying for the final response', async () => {
    sip.trying = true;
    const out = await runCheck(spec('udp'), ctx());
    expect(out).toMatchObject({ is_up: true, status_code: 200 });
  });

  it('is down on a code outside expected_codes, up when it is listed', async () => {
    Object.assign(sip, { code: 503, reason: 'Service Unavailable' });
    const down = await runCheck(spec('tcp'), ctx());
    expect(down).toMatchObject({
      is_up: false,
      status_code: 503,
      error: 'expected SIP response 200, got 503 Service Unavailable',
    });
    const listed = await runCheck(spec('udp', { expected_codes: [200, 503] }), ctx());
    expect(listed).toMatchObject({ is_up: true, status_code: 503 });
  });

  it('times out on a server that does not answer (UDP retransmitted meanwhile), fails TLS with an untrusted certificate', async () => {
    sip.silent = true;
    const before = sip.requests.length;
    const out = await runCheck(spec('udp', { timeout_ms: 2500 }), ctx());
    expect(out).toMatchObject({
      is_up: false,
      status_code: null,
      error: 'timeout after 2500 ms (waiting for the response)',
    });
    expect(sip.requests.length - before).toBeGreaterThanOrEqual(2);
    sip.silent = false;
    const untrusted = await runCheck(spec('tls', { host: 'localhost' }), ctx({ tlsCa: undefined }));
    expect(untrusted.is_up).toBe(false);
    expect(untrusted.error).toMatch(/certificate/i);
  });

  it('is refused by the SSRF guard', async () => {
    const out = await runCheck(spec('udp'), strict());
    expect(out.error).toBe(refusal('127.0.0.1', 'loopback', true));
  });
});

describe('domain check (RDAP and WHOIS servers on loopback)', () => {
  let reg: RegistryServers;
  const DAY = 86_400_000;
  const inDays = (d: number) => new Date(Date.now() + d * DAY).toISOString();
  const spec = (domain: string, over: Partial<DomainCheckSpec> = {}): DomainCheckSpec => ({
    type: 'domain',
    domain,
    expiry_threshold_days: 30,
    rdap_server: reg.rdapUrl,
    whois_server: `127.0.0.1:${reg.whoisPort}`,
    timeout_ms: 5000,
    ...over,
  });
  beforeAll(async () => {
    reg = await startRegistryServers({
      'fresh.test': { expires: inDays(200), registrar: 'Registrar One' },
      'soon.test': { expires: inDays(10) },
      'gone.test': { expires: inDays(-3) },
      'whois-only.test': { expires: inDays(100), registrar: 'Whois Registrar' },
      'no-expiry.test': { expires: null },
    });
  });
  afterAll(() => reg.close());
  beforeEach(() => {
    checkRegistry.domain.cache.clear();
    reg.rdapDown = false;
  });

  it('reads expiry, registrar, status and name servers over RDAP; up; reuses the read (no second request)', async () => {
    const out = await runCheck(spec('fresh.test'), ctx());
    expect(out).toMatchObject({ is_up: true, warn: false, error: null, status_code: null });
    expect(out.details).toMatchObject({
      domain: 'fresh.test',
      registered: true,
      source: 'rdap',
      registrar: 'Registrar One',
      days_left: 199,
      status: ['client transfer prohibited'],
      name_servers: ['ns1.example.net', 'ns2.example.net'],
      cached: false,
    });
    expect(typeof out.response_ms).toBe('number');
    const again = await runCheck(spec('fresh.test'), ctx());
    expect(again.details).toMatchObject({ cached: true, registrar: 'Registrar One' });
    expect(reg.rdapRequests.filter((u) => u === '/domain/fresh.test')).toHaveLength(1);
    expect(reg.whoisQueries).not.toContain('fresh.test');
  });

  it('warns within the threshold; down once expired, without an expiry, or not registered', async () => {
    expect(await runCheck(spec('soon.test'), ctx())).toMatchObject({
      is_up: true,
      warn: true,
      details: { findings: ['domain registration expires in 9 days (threshold 30)'] },
    });
    const gone = await runCheck(spec('gone.test'), ctx());
    expect(gone).toMatchObject({ is_up: false, warn: false });
    expect(gone.error).toMatch(/^domain registration expired on \d{4}-/);
    expect((await runCheck(spec('no-expiry.test'), ctx())).error).toBe(
      `the registry (${reg.rdapUrl}domain/no-expiry.test) gives no expiry date for no-expiry.test`,
    );
    const nope = await runCheck(spec('nope.test'), ctx());
    expect(nope).toMatchObject({
      is_up: false,
      error: `nope.test is not registered (RDAP ${reg.rdapUrl}domain/nope.test)`,
      details: { registered: false },
    });
  });

  it('falls back to WHOIS when RDAP fails, and names both when both fail', async () => {
    reg.rdapDown = true;
    const out = await runCheck(spec('whois-only.test'), ctx());
    expect(out).toMatchObject({
      is_up: true,
      details: {
        source: 'whois',
        server: `whois://127.0.0.1:${reg.whoisPort}`,
        registrar: 'Whois Registrar',
        days_left: 99,
      },
    });
    expect(reg.whoisQueries).toContain('whois-only.test');
    const both = await runCheck(spec('fresh.test', { whois_server: '127.0.0.1:1' }), ctx());
    expect(both.is_up).toBe(false);
    expect(both.error).toMatch(
      new RegExp(
        `^registration of fresh\\.test unknown: RDAP ${reg.rdapUrl.replace(/[./]/g, '\\$&')}domain/fresh\\.test answered HTTP 503; WHOIS: connection refused \\(ECONNREFUSED\\)$`,
      ),
    );
  });

  it('applies the SSRF guard to the registry servers', async () => {
    const before = reg.rdapRequests.length;
    const out = await runCheck(spec('fresh.test'), strict());
    expect(out.is_up).toBe(false);
    expect(out.error).toContain(refusal('127.0.0.1', 'loopback', true));
    expect(reg.rdapRequests).toHaveLength(before);
  });
});
