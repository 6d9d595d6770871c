import { Client } from 'pg';
import { call, signup, startTestApp, TestApp } from '../testing/harness';

jest.setTimeout(90_000);

type Body = Record<string, unknown>;

/**
 * Monitor types through the REST API (real PostgreSQL + NATS, in-process control plane):
 * the reference's curl bodies as written, defaults, every validation rule answering 422
 * with the right field, partial updates, write-only credentials, and the SSRF guard at
 * create/update (second app without ALLOW_PRIVATE_TARGETS).
 */
describe('monitor types API', () => {
  let t: TestApp;
  let key: string;
  const api = (method: string, path: string, body?: unknown) => call(t.api, key, method, path, body);
  const create = async (body: Body) => {
    const res = await api('POST', '/monitors', body);
    expect({ status: res.status, error: res.body.error, details: res.body.details }).toEqual({
      status: 201,
      error: null,
      details: undefined,
    });
    return res.body.data;
  };
  /** Asserts a 422 naming `field` with a message matching `message`. */
  const expect422 = (res: { status: number; body: any }, field: string, message: RegExp) => {
    expect({ field, status: res.status }).toEqual({ field, status: 422 });
    expect(res.body.error).toBe('validation failed');
    const messages = (res.body.details as { field: string; message: string }[])
      .filter((d) => d.field === field)
      .map((d) => d.message);
    expect({ field, messages: messages.join(' | ') }).toEqual({ field, messages: expect.stringMatching(message) });
  };

  beforeAll(async () => {
    t = await startTestApp({ PLAN_FREE_MAX_MONITORS: '200' });
    key = (await signup(t.api)).key;
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('the reference curl bodies, as written', () => {
    it('http: create, then PUT {"keyword":"OK AND !error","timeout":15}', async () => {
      const m = await create({
        name: 'My Website',
        url: 'https://example.com',
        expected_status_code: 200,
        timeout: 10,
        keyword: 'Welcome',
        check_interval: 60,
      });
      expect(m).toMatchObject({
        monitor_type: 'http',
        status: 'pending',
        expected_status_code: 200,
        timeout: 10,
        http_method: 'GET',
        follow_redirects: true,
        basic_auth_user: '',
        basic_auth_pass: '',
        bearer_token: '',
        request_body: '',
        request_content_type: '',
        custom_headers: [],
        keyword: 'Welcome',
        response_threshold_ms: null,
        check_interval: 60,
        uptime_percent: 100,
        checks_total: 0,
        checks_failed: 0,
        last_checked: null,
        last_status_code: null,
        last_response_ms: null,
        ssl_expiry: null,
        ssl_issuer: null,
        public: true,
        paused: false,
        group: '',
      });
      const put = await api('PUT', `/monitors/${m.id}`, { keyword: 'OK AND !error', timeout: 15 });
      expect(put.status).toBe(200);
      expect(put.body.data).toMatchObject({
        keyword: 'OK AND !error',
        timeout: 15,
        name: 'My Website',
        url: 'https://example.com',
      });
    });

    it('json_api: create with auth_header and assertions, then PUT new ones', async () => {
      const m = await create({
        monitor_type: 'json_api',
        name: 'Health API',
        url: 'https://api.example.com/v1/health',
        auth_header: 'Bearer tok_live_xxxx',
        expected_status_code: 200,
        json_assertions: [
          { path: 'status', operator: 'equals', value: 'ok' },
          { path: 'data.version', operator: 'exists', value: '' },
        ],
      });
      expect(m).toMatchObject({
        monitor_type: 'json_api',
        status: 'pending',
        auth_header: '********',
        expected_status_code: 200,
        timeout: 10,
        check_interval: 60,
        json_assertions: [
          { path: 'status', operator: 'equals', value: 'ok' },
          { path: 'data.version', operator: 'exists', value: '' },
        ],
      });
      expect(m).not.toHaveProperty('http_method');
      const put = await api('PUT', `/monitors/${m.id}`, {
        auth_header: 'Bearer tok_new_xxxx',
        json_assertions: [
          { path: 'status', operator: 'equals', value: 'healthy' },
          { path: 'data.count', operator: 'greater_than', value: '0' },
        ],
      });
      expect(put.status).toBe(200);
      expect(put.body.data.json_assertions).toEqual([
        { path: 'status', operator: 'equals', value: 'healthy' },
        { path: 'data.count', operator: 'greater_than', value: '0' },
      ]);
      expect(put.body.data.auth_header).toBe('********');
    });

    it('ssl: create, then PUT {"ssl_expiry_threshold_days":7,"name":"example.com SSL (tight)"}', async () => {
      const m = await create({
        monitor_type: 'ssl',
        name: 'example.com SSL',
        ssl_domain: 'example.com',
        ssl_expiry_threshold_days: 14,
      });
      expect(m).toMatchObject({
        monitor_type: 'ssl',
        status: 'pending',
        ssl_domain: 'example.com',
        ssl_expiry_threshold_days: 14,
        ssl_expiry: null,
        ssl_issuer: null,
        url: 'https://example.com',
        ssl_port: 443,
      });
      expect(m.slug).toMatch(/^example-com-ssl-[a-z0-9]{6}$/);
      const put = await api('PUT', `/monitors/${m.id}`, {
        ssl_expiry_threshold_days: 7,
        name: 'example.com SSL (tight)',
      });
      expect(put.body.data).toMatchObject({
        ssl_expiry_threshold_days: 7,
        name: 'example.com SSL (tight)',
        ssl_domain: 'example.com',
      });
    });
  });

  it("applies each type's defaults", async () => {
    expect(await create({ monitor_type: 'ssl', name: 's', ssl_domain: 'example.org' })).toMatchObject({
      ssl_expiry_threshold_days: 30,
      ssl_port: 443,
      timeout: 10,
    });
    expect(await create({ monitor_type: 'tcp', name: 't', host: 'db.example.com', port: 5432 })).toMatchObject({
      host: 'db.example.com',
      port: 5432,
      send: '',
      expect: '',
      timeout: 10,
      url: 'tcp://db.example.com:5432',
      quorum: 2,
    });
    expect(await create({ monitor_type: 'dns', name: 'd', hostname: 'Example.COM' })).toMatchObject({
      hostname: 'example.com',
      record_type: 'A',
      resolver: '',
      expected: [],
      url: 'dns://example.com?type=A',
    });
    expect(await create({ monitor_type: 'json_api', name: 'j', url: 'https://api.example.com/' })).toMatchObject({
      json_assertions: [],
      auth_header: '',
      follow_redirects: true,
    });
  });

  it('answers 422 naming the field for every rule of every type, and writes nothing', async () => {
    const before = (await api('GET', '/monitors')).body.meta.total;
    const http = { name: 'h', url: 'https://example.com' };
    const json = { monitor_type: 'json_api', name: 'j', url: 'https://example.com' };
    const ssl = { monitor_type: 'ssl', name: 's', ssl_domain: 'example.com' };
    const tcp = { monitor_type: 'tcp', name: 't', host: 'db.example.com', port: 5432 };
    const dns = { monitor_type: 'dns', name: 'd', hostname: 'example.com' };
    const cases: [Body, string, RegExp][] = [
      [
        { name: 'x', monitor_type: 'ftp', url: 'https://example.com' },
        'monitor_type',
        /must be one of: http, json_api, ssl, tcp, dns/,
      ],
      [{ name: 'x' }, 'url', /url is required for http monitors/],
      [{ ...http, timeout: 0 }, 'timeout', /between 1 and 60 seconds/],
      [{ ...http, timeout: 61 }, 'timeout', /between 1 and 60 seconds/],
      [{ ...http, keyword: 'OK AND' }, 'keyword', /not a valid expression: dangling operator AND/],
      [{ ...http, keyword: '!' }, 'keyword', /not followed by a term/],
      [{ ...http, keyword: 'a OR OR b' }, 'keyword', /dangling operator OR/],
      [{ ...http, response_threshold_ms: '>> 5' }, 'response_threshold_ms', /"> 2000", "< 50" or "200-3000"/],
      [
        { ...http, response_threshold_ms: '3000-200' },
        'response_threshold_ms',
        /minimum 3000 is greater than maximum 200/,
      ],
      [{ ...http, basic_auth_user: 'u' }, 'basic_auth_pass', /required when basic_auth_user is set/],
      [{ ...http, auth_header: 'Bearer x' }, 'auth_header', /does not apply to http monitors/],
      [{ ...http, ssl_domain: 'example.com' }, 'ssl_domain', /does not apply to http monitors/],
      [{ monitor_type: 'json_api', name: 'j' }, 'url', /url is required for json_api monitors/],
      [{ ...json, url: 'example.com/health' }, 'url', /valid URL including http/],
      [
        { ...json, json_assertions: [{ path: 'a', operator: 'matches', value: 'x' }] },
        'json_assertions[0].operator',
        /must be one of: equals, not_equals, contains, not_contains, greater_than, less_than, exists, not_exists/,
      ],
      [
        { ...json, json_assertions: [{ path: '', operator: 'exists', value: '' }] },
        'json_assertions[0].path',
        /must not be empty/,
      ],
      [{ ...json, json_assertions: [{ operator: 'exists', value: '' }] }, 'json_assertions[0].path', /string/],
      [
        {
          ...json,
          json_assertions: [
            { path: 'ok', operator: 'equals', value: 'x' },
            { path: 'data..x', operator: 'exists', value: '' },
          ],
        },
        'json_assertions[1].path',
        /not a valid JSON path: empty key at position 6/,
      ],
      [
        { ...json, json_assertions: [{ path: 'items[x]', operator: 'exists', value: '' }] },
        'json_assertions[0].path',
        /array index must be a non-negative integer/,
      ],
      [
        { ...json, json_assertions: [{ path: 'n', operator: 'greater_than', value: 'many' }] },
        'json_assertions[0].value',
        /must be a number for greater_than/,
      ],
      [
        { ...json, json_assertions: [{ path: 'n', operator: 'equals', value: 5 }] },
        'json_assertions[0].value',
        /must be a string/,
      ],
      [{ ...json, json_assertions: 'status=ok' }, 'json_assertions', /array/],
      [{ ...json, auth_header: 'Bearer a\r\nX-Evil: 1' }, 'auth_header', /line breaks/],
      [{ ...json, http_method: 'POST' }, 'http_method', /does not apply to json_api monitors/],
      [{ ...json, bearer_token: 'tok' }, 'bearer_token', /does not apply to json_api monitors/],
      [{ monitor_type: 'ssl', name: 's' }, 'ssl_domain', /ssl_domain is required for ssl monitors/],
      [{ ...ssl, ssl_domain: 'https://example.com' }, 'ssl_domain', /bare host name/],
      [{ ...ssl, ssl_domain: 'example.com/path' }, 'ssl_domain', /bare host name/],
      [{ ...ssl, ssl_domain: 'example.com:8443' }, 'ssl_domain', /bare host name/],
      [{ ...ssl, ssl_domain: 'exa mple.com' }, 'ssl_domain', /bare host name/],
      [{ ...ssl, ssl_expiry_threshold_days: 0 }, 'ssl_expiry_threshold_days', /between 1 and 90 days/],
      [{ ...ssl, ssl_expiry_threshold_days: 91 }, 'ssl_expiry_threshold_days', /between 1 and 90 days/],
      [{ ...ssl, ssl_expiry_threshold_days: 7.5 }, 'ssl_expiry_threshold_days', /integer/],
      [{ ...ssl, ssl_port: 70000 }, 'ssl_port', /between 1 and 65535/],
      [{ ...ssl, url: 'https://example.com' }, 'url', /does not apply to ssl monitors/],
      [{ ...ssl, keyword: 'x' }, 'keyword', /does not apply to ssl monitors/],
      [{ monitor_type: 'tcp', name: 't', port: 22 }, 'host', /host is required for tcp monitors/],
      [{ monitor_type: 'tcp', name: 't', host: 'db.example.com' }, 'port', /port is required for tcp monitors/],
      [{ ...tcp, port: 0 }, 'port', /between 1 and 65535/],
      [{ ...tcp, port: '22' }, 'port', /integer/],
      [{ ...tcp, host: 'tcp://db.example.com' }, 'host', /bare host name or IP address/],
      [{ ...tcp, send: 42 }, 'send', /string/],
      [{ ...tcp, hostname: 'example.com' }, 'hostname', /does not apply to tcp monitors/],
      [{ monitor_type: 'dns', name: 'd' }, 'hostname', /hostname is required for dns monitors/],
      [{ ...dns, hostname: 'not a name' }, 'hostname', /DNS name/],
      [{ ...dns, record_type: 'SRV' }, 'record_type', /must be one of: A, AAAA, CNAME, MX, TXT, NS/],
      [{ ...dns, resolver: 'dns.google' }, 'resolver', /IP address with an optional port/],
      [{ ...dns, resolver: '1.1.1.1:99999' }, 'resolver', /IP address with an optional port/],
      [{ ...dns, expected: ['not-an-ip'] }, 'expected[0]', /A record must be IPv4 addresses/],
      [{ ...dns, record_type: 'AAAA', expected: ['1.2.3.4'] }, 'expected[0]', /AAAA record must be IPv6 addresses/],
      [{ ...dns, expected: 'x' }, 'expected', /array/],
      [{ ...dns, port: 53 }, 'port', /does not apply to dns monitors/],
      [{ ...dns, timeout: 100 }, 'timeout', /between 1 and 60 seconds/],
      // lengths and sizes
      [{ ...json, auth_header: 'x'.repeat(4097) }, 'auth_header', /shorter than or equal to 4096/],
      [
        { ...json, json_assertions: Array.from({ length: 51 }, () => ({ path: 'a', operator: 'exists', value: '' })) },
        'json_assertions',
        /no more than 50/,
      ],
      [
        { ...json, json_assertions: [{ path: 'a'.repeat(513), operator: 'exists', value: '' }] },
        'json_assertions[0].path',
        /shorter than or equal to 512/,
      ],
      [
        { ...json, json_assertions: [{ path: 'a', operator: 'equals', value: 'v'.repeat(1025) }] },
        'json_assertions[0].value',
        /shorter than or equal to 1024/,
      ],
      [
        { ...json, json_assertions: [{ path: 'a', operator: 'exists', value: '', extra: 1 }] },
        'json_assertions[0].extra',
        /unknown field/,
      ],
      [{ ...ssl, ssl_domain: `${'a'.repeat(250)}.com` }, 'ssl_domain', /shorter than or equal to 253/],
      [{ ...ssl, ssl_port: '443' }, 'ssl_port', /integer/],
      [{ ...tcp, host: `${'a'.repeat(250)}.com` }, 'host', /shorter than or equal to 253/],
      [{ ...tcp, send: 's'.repeat(4097) }, 'send', /shorter than or equal to 4096/],
      [{ ...tcp, expect: 'e'.repeat(1025) }, 'expect', /shorter than or equal to 1024/],
      [{ ...dns, hostname: `${'a'.repeat(250)}.com` }, 'hostname', /shorter than or equal to 253/],
      [{ ...dns, resolver: '1'.repeat(65) }, 'resolver', /shorter than or equal to 64/],
      [{ ...dns, expected: Array.from({ length: 51 }, (_, i) => `192.0.2.${i}`) }, 'expected', /no more than 50/],
      [{ ...dns, expected: [42] }, 'expected', /array of strings/],
    ];
    for (const [payload, field, message] of cases) expect422(await api('POST', '/monitors', payload), field, message);
    expect((await api('GET', '/monitors')).body.meta.total).toBe(before);
  });

  it('updates partially per type: omitted fields kept, [] and "" clear, wrong values 422 with nothing written', async () => {
    const j = await create({
      monitor_type: 'json_api',
      name: 'J',
      url: 'https://example.com/h',
      auth_header: 'Token k',
      keyword: 'ok',
      response_threshold_ms: '> 2000',
      json_assertions: [{ path: 'a', operator: 'exists', value: '' }],
    });
    let r = await api('PATCH', `/monitors/${j.id}`, { timeout: 20 });
    expect(r.body.data).toMatchObject({
      timeout: 20,
      auth_header: '********',
      keyword: 'ok',
      response_threshold_ms: '> 2000',
      json_assertions: [{ path: 'a', operator: 'exists', value: '' }],
    });
    r = await api('PUT', `/monitors/${j.id}`, {
      json_assertions: [],
      auth_header: '',
      keyword: '',
      response_threshold_ms: '',
    });
    expect(r.body.data).toMatchObject({
      json_assertions: [],
      auth_header: '',
      keyword: '',
      response_threshold_ms: null,
      timeout: 20,
    });
    expect422(
      await api('PUT', `/monitors/${j.id}`, { json_assertions: [{ path: 'x[', operator: 'exists', value: '' }] }),
      'json_assertions[0].path',
      /unclosed/,
    );
    expect422(await api('PATCH', `/monitors/${j.id}`, { url: '' }), 'url', /required for json_api/);
    expect422(
      await api('PATCH', `/monitors/${j.id}`, { monitor_type: 'http' }),
      'monitor_type',
      /cannot be changed \(this is a json_api monitor\)/,
    );
    expect422(
      await api('PATCH', `/monitors/${j.id}`, { ssl_domain: 'x.example' }),
      'ssl_domain',
      /does not apply to json_api monitors/,
    );
    expect((await api('GET', `/monitors/${j.id}`)).body.data).toMatchObject({
      json_assertions: [],
      url: 'https://example.com/h',
      monitor_type: 'json_api',
    });

    const tc = await create({
      monitor_type: 'tcp',
      name: 'T',
      host: 'db.example.com',
      port: 6379,
      send: 'PING\r\n',
      expect: '+PONG',
    });
    r = await api('PATCH', `/monitors/${tc.id}`, { port: 6380 });
    expect(r.body.data).toMatchObject({
      port: 6380,
      send: 'PING\r\n',
      expect: '+PONG',
      url: 'tcp://db.example.com:6380',
    });
    r = await api('PATCH', `/monitors/${tc.id}`, { send: '', expect: '' });
    expect(r.body.data).toMatchObject({ send: '', expect: '', port: 6380 });
    expect422(await api('PATCH', `/monitors/${tc.id}`, { host: '' }), 'host', /required for tcp/);

    const d = await create({
      monitor_type: 'dns',
      name: 'D',
      hostname: 'example.com',
      record_type: 'MX',
      resolver: '1.1.1.1',
      expected: ['mail.example.com'],
    });
    r = await api('PATCH', `/monitors/${d.id}`, { expected: [], resolver: '' });
    expect(r.body.data).toMatchObject({
      expected: [],
      resolver: '',
      record_type: 'MX',
      url: 'dns://example.com?type=MX',
    });
    expect422(
      await api('PATCH', `/monitors/${d.id}`, { record_type: 'A', expected: ['mail.example.com'] }),
      'expected[0]',
      /IPv4/,
    );

    const s = await create({ monitor_type: 'ssl', name: 'S', ssl_domain: 'EXAMPLE.com', ssl_port: 8443 });
    expect(s).toMatchObject({ ssl_domain: 'example.com', url: 'https://example.com:8443' });
    expect422(
      await api('PATCH', `/monitors/${s.id}`, { ssl_expiry_threshold_days: 120 }),
      'ssl_expiry_threshold_days',
      /between 1 and 90/,
    );
    expect((await api('GET', `/monitors/${s.id}`)).body.data.ssl_expiry_threshold_days).toBe(30);
  });

  it('keeps credentials write-only: masked in every response, "********" sent back keeps the secret', async () => {
    const h = await create({
      name: 'creds',
      url: 'https://example.com',
      basic_auth_user: 'u',
      basic_auth_pass: 'pw',
      bearer_token: 'tok',
    });
    expect(h).toMatchObject({ basic_auth_user: 'u', basic_auth_pass: '********', bearer_token: '********' });
    const echoed = await api('PUT', `/monitors/${h.id}`, {
      basic_auth_pass: '********',
      bearer_token: '********',
      name: 'creds 2',
    });
    expect(echoed.status).toBe(200);
    const list = (await api('GET', '/monitors')).body.data.find((m: { id: string }) => m.id === h.id);
    expect(list).toMatchObject({ basic_auth_pass: '********', bearer_token: '********', name: 'creds 2' });
    expect(JSON.stringify((await api('GET', '/monitors')).body)).not.toMatch(/"pw"|"tok"|tok_live|Token k/);
    const stored = async () => {
      const pg = new Client({ connectionString: t.databaseUrl });
      await pg.connect();
      const row = (await pg.query('SELECT basic_auth_pass, bearer_token FROM monitors WHERE id = $1', [h.id])).rows[0];
      await pg.end();
      return row;
    };
    expect(await stored()).toEqual({ basic_auth_pass: 'pw', bearer_token: 'tok' });
    const cleared = await api('PATCH', `/monitors/${h.id}`, { bearer_token: '' });
    expect(cleared.body.data.bearer_token).toBe('');
    expect(await stored()).toEqual({ basic_auth_pass: 'pw', bearer_token: '' });
  });

  it('https and the StatusCore/StatusPool aliases: mapped to ours, 422 when they disagree, nothing written', async () => {
    const m = await create({
      name: 'core',
      type: 'https',
      target: 'https://core.example.com/health',
      ssl_check: true,
      check_locations: ['all'],
      is_active: false,
      public_status: false,
      interval_seconds: 120,
      expected_status: 204,
    });
    expect(m).toMatchObject({
      monitor_type: 'https',
      url: 'https://core.example.com/health',
      regions: ['eu-west', 'us-east', 'ap-south'],
      paused: true,
      public: false,
      check_interval: 120,
      expected_status_code: 204,
      ssl_expiry_threshold_days: 30,
    });
    for (const alias of [
      'type',
      'target',
      'ssl_check',
      'check_locations',
      'is_active',
      'public_status',
      'interval_seconds',
      'expected_status',
    ])
      expect(m).not.toHaveProperty(alias);

    expect422(
      await api('POST', '/monitors', { name: 'x', type: 'tcp', monitor_type: 'http', url: 'https://a.example' }),
      'type',
      /^type \("tcp"\) and monitor_type \("http"\) disagree/,
    );
    expect422(
      await api('POST', '/monitors', { name: 'x', url: 'https://a.example', interval_seconds: 30, check_interval: 60 }),
      'interval_seconds',
      /disagree/,
    );
    expect422(
      await api('POST', '/monitors', { name: 'x', type: 'https', target: 'http://plain.example' }),
      'url',
      /^url must use https:\/\/ for https monitors/,
    );
    expect422(
      await api('POST', '/monitors', { name: 'x', url: 'https://a.example', check_locations: 'all' }),
      'check_locations',
      /array/,
    );
    expect422(
      await api('PUT', `/monitors/${m.id}`, { target: 'https://b.example', url: 'https://c.example' }),
      'target',
      /disagree/,
    );
    expect422(
      await api('PUT', `/monitors/${m.id}`, {
        ssl_check: false,
        url: 'https://core.example.com/health',
        type: 'https',
      }),
      'ssl_check',
      /contradicts/,
    );
    expect((await api('GET', `/monitors/${m.id}`)).body.data).toMatchObject({
      monitor_type: 'https',
      url: 'https://core.example.com/health',
    });

    // ssl_check switches http <-> https; other type changes stay refused.
    const off = await api('PUT', `/monitors/${m.id}`, { ssl_check: false, target: 'http://core.example.com/health' });
    expect(off.body.data).toMatchObject({ monitor_type: 'http', url: 'http://core.example.com/health' });
    expect(off.body.data).not.toHaveProperty('ssl_expiry_threshold_days');
    expect422(await api('PUT', `/monitors/${m.id}`, { ssl_check: true }), 'url', /https:\/\//);
    const on = await api('PUT', `/monitors/${m.id}`, {
      ssl_check: true,
      url: 'https://core.example.com/health',
      ssl_expiry_threshold_days: 10,
    });
    expect(on.body.data).toMatchObject({ monitor_type: 'https', ssl_expiry_threshold_days: 10 });
    expect422(await api('PUT', `/monitors/${m.id}`, { type: 'tcp' }), 'monitor_type', /cannot be changed/);
    // StatusCore's toggle and public verbs.
    expect((await api('PATCH', `/monitors/${m.id}/toggle`, { is_active: true })).body.data.paused).toBe(false);
    expect((await api('PATCH', `/monitors/${m.id}/public`, { public_status: true })).body.data.public).toBe(true);
    // target for the other types.
    expect(await create({ name: 't', type: 'tcp', target: 'db.example.com', port: 5432 })).toMatchObject({
      monitor_type: 'tcp',
      host: 'db.example.com',
      port: 5432,
    });
    expect(await create({ name: 'd', type: 'dns', target: 'example.com' })).toMatchObject({
      monitor_type: 'dns',
      hostname: 'example.com',
    });
  });

  it('domain: defaults, the StatusCore target alias, and 422 for every rule', async () => {
    expect(await create({ type: 'domain', name: 'reg', target: 'Example.COM.' })).toMatchObject({
      monitor_type: 'domain',
      domain: 'example.com',
      domain_expiry_threshold_days: 30,
      rdap_server: '',
      whois_server: '',
      url: 'rdap:example.com',
      domain_expiry: null,
      domain_registrar: null,
      domain_status: [],
      quorum: 2,
    });
    const m = await create({
      monitor_type: 'domain',
      name: 'reg2',
      domain: 'example.org',
      domain_expiry_threshold_days: 60,
      rdap_server: 'https://rdap.example.net/rdap/',
      whois_server: 'whois.example.net:4343',
    });
    expect(m).toMatchObject({
      domain_expiry_threshold_days: 60,
      rdap_server: 'https://rdap.example.net/rdap/',
      whois_server: 'whois.example.net:4343',
    });
    const cases: [Body, string, RegExp][] = [
      [{}, 'domain', /domain is required for domain monitors/],
      [{ domain: 'https://example.com/' }, 'domain', /must be a registered domain name/],
      [{ domain: '192.0.2.1' }, 'domain', /must be a registered domain name/],
      [{ domain: 'localhost' }, 'domain', /must be a registered domain name/],
      [{ domain: 'example.com', domain_expiry_threshold_days: 0 }, 'domain_expiry_threshold_days', /between 1 and 365/],
      [{ domain: 'example.com', rdap_server: 'ftp://x/' }, 'rdap_server', /must use http:\/\/ or https:\/\//],
      [{ domain: 'example.com', rdap_server: 'https://r.example/?q=1' }, 'rdap_server', /without query/],
      [{ domain: 'example.com', whois_server: 'whois://x' }, 'whois_server', /host with an optional port/],
      [{ domain: 'example.com', port: 43 }, 'port', /port does not apply to domain monitors/],
    ];
    for (const [payload, field, message] of cases)
      expect422(await api('POST', '/monitors', { monitor_type: 'domain', name: 'x', ...payload }), field, message);
    expect422(await api('PATCH', `/monitors/${m.id}`, { domain: '' }), 'domain', /required/);
  });

  it('filters the list by monitor_type', async () => {
    const res = await api('GET', '/monitors?monitor_type=dns');
    expect(res.body.data.length).toBeGreaterThan(0);
    expect(res.body.data.every((m: { monitor_type: string }) => m.monitor_type === 'dns')).toBe(true);
  });
});

describe('SSRF guard at create and update (ALLOW_PRIVATE_TARGETS=false)', () => {
  let t: TestApp;
  let key: string;
  const api = (method: string, path: string, body?: unknown) => call(t.api, key, method, path, body);

  beforeAll(async () => {
    t = await startTestApp({ ALLOW_PRIVATE_TARGETS: 'false', PLAN_FREE_MAX_MONITORS: '50' });
    key = (await signup(t.api)).key;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses private targets of every type with 422 on the right field, in any notation', async () => {
    const cases: [Body, string, RegExp][] = [
      [{ url: 'http://localhost/' }, 'url', /resolves to a private address \(loopback\)/],
      [{ url: 'http://127.0.0.1:8080/' }, 'url', /is a private address \(loopback\)/],
      [{ url: 'http://2130706433/' }, 'url', /a private address \(loopback\)/],
      [{ url: 'http://0x7f000001/' }, 'url', /a private address \(loopback\)/],
      [{ url: 'http://0177.0.0.1/' }, 'url', /a private address \(loopback\)/],
      [{ url: 'http://10.1.2.3/' }, 'url', /a private address \(private\)/],
      [{ url: 'http://169.254.169.254/latest/meta-data/' }, 'url', /a private address \(linkLocal\)/],
      [{ url: 'http://100.64.0.1/' }, 'url', /carrierGradeNat/],
      [{ url: 'http://[::1]/' }, 'url', /a private address \(loopback\)/],
      [{ url: 'http://[::ffff:127.0.0.1]/' }, 'url', /a private address \(loopback\)/],
      [{ url: 'http://[::ffff:a9fe:a9fe]/' }, 'url', /a private address \(linkLocal\)/],
      [{ url: 'http://0.0.0.0/' }, 'url', /unspecified/],
      [{ url: 'http://224.0.0.1/' }, 'url', /multicast/],
      [{ monitor_type: 'json_api', url: 'http://192.168.1.1/api' }, 'url', /a private address \(private\)/],
      [{ monitor_type: 'ssl', ssl_domain: 'localhost' }, 'ssl_domain', /loopback/],
      [{ monitor_type: 'ssl', ssl_domain: '2130706433' }, 'ssl_domain', /is a private address \(loopback\)/],
      [{ monitor_type: 'ssl', ssl_domain: '[::1]' }, 'ssl_domain', /a private address \(loopback\)/],
      [{ monitor_type: 'tcp', host: '0x0a.0.0.1', port: 22 }, 'host', /a private address \(private\)/],
      [{ monitor_type: 'tcp', host: '::ffff:10.0.0.1', port: 22 }, 'host', /a private address \(private\)/],
      [{ monitor_type: 'dns', hostname: 'example.com', resolver: '169.254.169.254' }, 'resolver', /linkLocal/],
      [
        { monitor_type: 'dns', hostname: 'example.com', resolver: '[::1]:53' },
        'resolver',
        /a private address \(loopback\)/,
      ],
      [
        { monitor_type: 'domain', domain: 'example.com', rdap_server: 'http://169.254.169.254/rdap/' },
        'rdap_server',
        /linkLocal/,
      ],
      [
        { monitor_type: 'domain', domain: 'example.com', whois_server: '127.0.0.1:43' },
        'whois_server',
        /a private address \(loopback\)/,
      ],
    ];
    for (const [payload, field, message] of cases) {
      const res = await api('POST', '/monitors', { name: 'x', ...payload });
      expect({ payload, status: res.status }).toEqual({ payload, status: 422 });
      const d = (res.body.details as { field: string; message: string }[]).find((x) => x.field === field);
      expect({ payload, message: d?.message }).toEqual({ payload, message: expect.stringMatching(message) });
    }
    expect((await api('GET', '/monitors')).body.meta.total).toBe(0);
  });

  it('accepts public literal targets and refuses an update to a private one, keeping the old target', async () => {
    const tcp = await api('POST', '/monitors', { monitor_type: 'tcp', name: 't', host: '93.184.216.34', port: 443 });
    expect(tcp.status).toBe(201);
    const dns = await api('POST', '/monitors', {
      monitor_type: 'dns',
      name: 'd',
      hostname: 'example.com',
      resolver: '1.1.1.1',
    });
    expect(dns.status).toBe(201);
    const bad = await api('PATCH', `/monitors/${tcp.body.data.id}`, { host: '127.0.0.1' });
    expect(bad.status).toBe(422);
    expect(bad.body.details[0]).toEqual({
      field: 'host',
      message: 'target is a private address (loopback); set ALLOW_PRIVATE_TARGETS=true to allow',
    });
    expect((await api('GET', `/monitors/${tcp.body.data.id}`)).body.data.host).toBe('93.184.216.34');
    const badResolver = await api('PUT', `/monitors/${dns.body.data.id}`, { resolver: '10.0.0.53' });
    expect(badResolver.status).toBe(422);
    expect(badResolver.body.details[0].field).toBe('resolver');
  });
});
