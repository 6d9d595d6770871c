import { MonitorEntity } from './monitor.entity';
import { monitorDefaults } from './monitor-fields';
import { COMMON_FIELDS, isDnsName, TYPE_RULES, normalizeHost, typeFieldProblems } from './monitor-types';

describe('normalizeHost', () => {
  it.each([
    ['example.com', 'example.com'],
    ['EXAMPLE.com', 'example.com'],
    [' api.example.com ', 'api.example.com'],
    ['2130706433', '127.0.0.1'],
    ['0x7f000001', '127.0.0.1'],
    ['0x7f.1', '127.0.0.1'],
    ['0177.0.0.1', '127.0.0.1'],
    ['10.0.0.1', '10.0.0.1'],
    ['::1', '::1'],
    ['[::1]', '::1'],
    ['::ffff:127.0.0.1', '::ffff:7f00:1'],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
  ])('%j → %j', (input, out) => expect(normalizeHost(input)).toBe(out));

  it.each([
    '',
    'https://example.com',
    'example.com/path',
    'example.com:443',
    'exa mple.com',
    'user@example.com',
    '-bad.example',
    'a..b',
    '[::1]:443',
    'example.com?x',
  ])('refuses %j', (input) => {
    expect(normalizeHost(input)).toBeNull();
  });
});

describe('isDnsName', () => {
  it('accepts names with an optional trailing dot and underscores', () => {
    for (const n of ['example.com', 'example.com.', '_dmarc.example.com', 'localhost', 'a-b.c'])
      expect(isDnsName(n)).toBe(true);
  });
  it('refuses empty labels, spaces, long labels and leading or trailing hyphens', () => {
    for (const n of ['', '.', 'a..b', 'a b', `${'x'.repeat(64)}.com`, '-a.com', 'a-.com', 'a/b'])
      expect(isDnsName(n)).toBe(false);
  });
});

describe('typeFieldProblems', () => {
  it('refuses fields of another type, one detail each', () => {
    expect(
      typeFieldProblems('ssl', { name: 'x', ssl_domain: 'a', url: 'https://a', keyword: 'k', regions: [] }, null),
    ).toEqual([
      { field: 'url', message: 'url does not apply to ssl monitors (only to http, https, json_api monitors)' },
      { field: 'keyword', message: 'keyword does not apply to ssl monitors (only to http, https, json_api monitors)' },
    ]);
    expect(typeFieldProblems('http', { url: 'x', port: 1 }, null)).toEqual([
      { field: 'port', message: 'port does not apply to http monitors (only to tcp, sip monitors)' },
    ]);
    expect(typeFieldProblems('http', { heartbeat_interval: 60 }, null)).toEqual([
      {
        field: 'heartbeat_interval',
        message: 'heartbeat_interval does not apply to http monitors (only to heartbeat monitors)',
      },
    ]);
  });

  it('lets a heartbeat monitor ignore probe fields (its url, regions and quorum are fixed)', () => {
    expect(typeFieldProblems('heartbeat', { url: 'https://x', ssl_domain: 'x', heartbeat_interval: 60 }, null)).toEqual(
      [],
    );
  });

  it('ignores fields sent as undefined (absent)', () => {
    expect(typeFieldProblems('dns', { hostname: 'a', url: undefined }, null)).toEqual([]);
  });

  it('reports required fields still empty after the request', () => {
    const m: MonitorEntity = monitorDefaults('mon_x', 'acc', ['eu-west'], 60, 'tcp');
    expect(typeFieldProblems('tcp', {}, m)).toEqual([
      { field: 'host', message: 'host is required for tcp monitors' },
      { field: 'port', message: 'port is required for tcp monitors' },
    ]);
    m.host = 'db.example.com';
    m.port = 5432;
    expect(typeFieldProblems('tcp', {}, m)).toEqual([]);
  });

  it('takes forward_headers_on_redirect for http, https and json_api only', () => {
    for (const type of ['http', 'https', 'json_api'] as const)
      expect(typeFieldProblems(type, { url: 'https://a', forward_headers_on_redirect: true }, null)).toEqual([]);
    expect(typeFieldProblems('tcp', { host: 'a', port: 1, forward_headers_on_redirect: true }, null)).toEqual([
      {
        field: 'forward_headers_on_redirect',
        message: 'forward_headers_on_redirect does not apply to tcp monitors (only to http, https, json_api monitors)',
      },
    ]);
  });

  it('gives every type a field list disjoint from the common fields', () => {
    for (const [type, rules] of Object.entries(TYPE_RULES)) {
      expect({ type, overlap: rules.fields.filter((f) => COMMON_FIELDS.includes(f)) }).toEqual({ type, overlap: [] });
    }
  });
});

describe('check specs per type', () => {
  it('maps a tcp, dns and ssl monitor to its probe job spec', () => {
    const tcp = Object.assign(monitorDefaults('mon_t', 'acc', ['eu-west'], 60, 'tcp'), {
      host: 'db.example.com',
      port: 6379,
      tcpSend: 'PING\r\n',
      tcpExpect: '',
    });
    expect(TYPE_RULES.tcp.checkSpec(tcp)).toEqual({
      type: 'tcp',
      host: 'db.example.com',
      port: 6379,
      timeout_ms: 10_000,
      send: 'PING\r\n',
      expect: null,
    });
    const dns = Object.assign(monitorDefaults('mon_d', 'acc', ['eu-west'], 60, 'dns'), {
      dnsHostname: 'example.com',
      dnsRecordType: 'MX' as const,
      dnsExpected: ['mx.example.com'],
    });
    expect(TYPE_RULES.dns.checkSpec(dns)).toEqual({
      type: 'dns',
      hostname: 'example.com',
      record_type: 'MX',
      resolver: null,
      expected: ['mx.example.com'],
      timeout_ms: 10_000,
    });
    const ssl = Object.assign(monitorDefaults('mon_s', 'acc', ['eu-west'], 60, 'ssl'), { sslDomain: 'example.com' });
    expect(TYPE_RULES.ssl.checkSpec(ssl)).toEqual({
      type: 'ssl',
      host: 'example.com',
      port: 443,
      timeout_ms: 10_000,
      expiry_threshold_days: 30,
      check_protocols: true,
    });
    expect(TYPE_RULES.ssl.url(ssl)).toBe('https://example.com');
    expect(TYPE_RULES.ssl.url(Object.assign(ssl, { sslDomain: '::1', sslPort: 8443 }))).toBe('https://[::1]:8443');
  });
});

describe('ping monitors', () => {
  const ping = (over: Partial<MonitorEntity> = {}) =>
    Object.assign(monitorDefaults('mon_p', 'acc', ['eu-west'], 60, 'ping'), { host: 'example.com' }, over);
  const problems = (m: MonitorEntity) => {
    const errors: { field: string; message: string }[] = [];
    TYPE_RULES.ping.validate(m, errors, { regions: ['eu-west'], minIntervalSeconds: 1 });
    return errors;
  };

  it('default to 3 echoes 1 s apart, no loss allowed, and map to the probe spec', () => {
    expect(TYPE_RULES.ping.checkSpec(ping())).toEqual({
      type: 'ping',
      host: 'example.com',
      count: 3,
      interval_ms: 1000,
      timeout_ms: 10_000,
      max_packet_loss: 0,
    });
    expect(TYPE_RULES.ping.url(ping())).toBe('icmp://example.com');
    expect(TYPE_RULES.ping.url(ping({ host: '::1' }))).toBe('icmp://[::1]');
    expect(problems(ping())).toEqual([]);
  });

  it('need the echoes and a last reply wait to fit in the timeout, and a bare host', () => {
    expect(problems(ping({ pingCount: 10, pingIntervalMs: 1000, timeout: 9 }))).toEqual([
      {
        field: 'ping_count',
        message:
          'ping_count 10 × ping_interval_ms 1000 does not fit in timeout 9 s (the echoes take 9000 ms, plus at least 200 ms for the last reply)',
      },
    ]);
    expect(problems(ping({ pingCount: 10, pingIntervalMs: 1000, timeout: 10 }))).toEqual([]);
    expect(problems(ping({ host: 'https://example.com' })).map((e) => e.field)).toEqual(['host']);
  });

  it("take host from tcp's field list and refuse http fields", () => {
    expect(typeFieldProblems('ping', { host: 'a', ping_count: 2, url: 'https://x' }, null)).toEqual([
      { field: 'url', message: 'url does not apply to ping monitors (only to http, https, json_api monitors)' },
    ]);
  });
});

describe('sip monitors', () => {
  const sip = (over: Partial<MonitorEntity> = {}) =>
    Object.assign(monitorDefaults('mon_s', 'acc', ['eu-west'], 60, 'sip'), { host: 'sip.example.com' }, over);
  it('default to UDP on 5060 expecting 200; tls defaults to 5061; an own port wins', () => {
    expect(TYPE_RULES.sip.checkSpec(sip())).toEqual({
      type: 'sip',
      host: 'sip.example.com',
      port: 5060,
      transport: 'udp',
      expected_codes: [200],
      timeout_ms: 10_000,
    });
    expect(TYPE_RULES.sip.checkSpec(sip({ sipTransport: 'tls' }))).toMatchObject({ port: 5061, transport: 'tls' });
    expect(
      TYPE_RULES.sip.checkSpec(sip({ sipTransport: 'tcp', port: 5080, sipExpectedCodes: [200, 404] })),
    ).toMatchObject({ port: 5080, transport: 'tcp', expected_codes: [200, 404] });
    expect(TYPE_RULES.sip.url(sip({ sipTransport: 'tls' }))).toBe('sips:sip.example.com:5061;transport=tls');
  });
});

describe('forward_headers_on_redirect in the check spec (issue 13 item 5)', () => {
  const m = (type: 'http' | 'json_api', over: Partial<MonitorEntity> = {}) =>
    Object.assign(monitorDefaults('mon_x', 'acc', ['eu-west'], 60, type), { url: 'https://a.example/', ...over });
  it('is false by default and carried as set, with the headers sensitive marks', () => {
    expect(TYPE_RULES.http.checkSpec(m('http'))).toMatchObject({ forward_headers_on_redirect: false });
    expect(TYPE_RULES.json_api.checkSpec(m('json_api'))).toMatchObject({ forward_headers_on_redirect: false });
    const headers = [
      { key: 'X-Trace', value: 't' },
      { key: 'X-Api-Key', value: 'k', sensitive: true },
    ];
    expect(
      TYPE_RULES.http.checkSpec(m('http', { forwardHeadersOnRedirect: true, customHeaders: headers })),
    ).toMatchObject({ forward_headers_on_redirect: true, headers });
    expect(
      TYPE_RULES.https.checkSpec(m('http', { url: 'https://a.example/', forwardHeadersOnRedirect: true })),
    ).toMatchObject({ forward_headers_on_redirect: true });
    expect(TYPE_RULES.json_api.checkSpec(m('json_api', { forwardHeadersOnRedirect: true }))).toMatchObject({
      forward_headers_on_redirect: true,
    });
  });
  it('is in the document of http and json_api monitors', () => {
    const ctx = { publicUrl: 'https://px.example', pingToken: null };
    expect(TYPE_RULES.http.view(m('http', { forwardHeadersOnRedirect: true }), ctx)).toMatchObject({
      forward_headers_on_redirect: true,
    });
    expect(TYPE_RULES.json_api.view(m('json_api'), ctx)).toMatchObject({ forward_headers_on_redirect: false });
  });
});
