import { call, signup, startTestApp, TestApp } from '../testing/harness';

jest.setTimeout(60_000);

describe('monitors API (real PostgreSQL + NATS)', () => {
  let t: TestApp;
  let key: string;
  let otherKey: string;

  beforeAll(async () => {
    t = await startTestApp({ DEFAULT_PLAN: 'free', PLAN_FREE_MAX_MONITORS: '3' });
    key = (await signup(t.api)).key;
    otherKey = (await signup(t.api)).key;
  });
  afterAll(async () => {
    await t?.close();
  });

  const body = {
    name: 'My Website',
    url: 'http://127.0.0.1:9/health',
    expected_status_code: 200,
    timeout: 10,
    keyword: 'Welcome',
    check_interval: 60,
  };

  it('creates an http monitor with the reference defaults, in the envelope', async () => {
    const res = await call(t.api, key, 'POST', '/monitors', {
      ...body,
      basic_auth_user: 'u',
      basic_auth_pass: 'secret',
      bearer_token: 'tok',
    });
    expect(res.status).toBe(201);
    expect(res.body.error).toBeNull();
    const m = res.body.data;
    expect(m.id).toMatch(/^mon_[a-z0-9]{16}$/);
    expect(m).toMatchObject({
      monitor_type: 'http',
      status: 'pending',
      http_method: 'GET',
      follow_redirects: true,
      basic_auth_pass: '********',
      bearer_token: '********',
      custom_headers: [],
      regions: ['eu-west', 'us-east', 'ap-south'],
      quorum: 2,
      public: true,
      paused: false,
      group: '',
      uptime_percent: 100,
      checks_total: 0,
      last_checked: null,
    });
    expect(m.slug).toMatch(/^my-website-[a-z0-9]{6}$/);
  });

  it('answers 422 with field details for bad values and unknown fields, and writes nothing', async () => {
    const before = (await call(t.api, key, 'GET', '/monitors')).body.meta.total;
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ ...body, timeout: 120 }, 'timeout', /between 1 and 60/],
      [{ ...body, http_method: 'FETCH' }, 'http_method', /one of/],
      [{ ...body, url: 'ftp://x' }, 'url', /http/],
      [{ ...body, regions: ['mars-1'] }, 'regions[0]', /unknown region/],
      [{ ...body, quorum: 4 }, 'quorum', /between 1 and 3/],
      [{ ...body, response_threshold_ms: 'fast' }, 'response_threshold_ms', /> 2000/],
      [{ ...body, keyword: 'OK AND' }, 'keyword', /keyword/],
      [{ ...body, custom_headers: [{ key: 'X', value: 1 }] }, 'custom_headers[0].value', /string/],
      [{ ...body, surprise: true }, 'surprise', /unknown field/],
      [{ url: 'http://x.example' }, 'name', /name/],
    ];
    for (const [payload, field, message] of cases) {
      const res = await call(t.api, key, 'POST', '/monitors', payload);
      expect({ field, status: res.status }).toEqual({ field, status: 422 });
      expect(res.body.error).toBe('validation failed');
      const messages = res.body.details
        .filter((d: { field: string }) => d.field === field)
        .map((d: { message: string }) => d.message);
      expect(messages.join(' | ')).toMatch(message);
    }
    expect((await call(t.api, key, 'GET', '/monitors')).body.meta.total).toBe(before);
  });

  it('answers 400 for malformed JSON and 413 for a huge body', async () => {
    const bad = await call(t.api, key, 'POST', '/monitors', '{"name": ');
    expect(bad.status).toBe(400);
    expect(bad.body.data).toBeNull();
    expect(bad.body.error).toMatch(/^malformed JSON body/);
    const huge = await call(t.api, key, 'POST', '/monitors', { ...body, request_body: 'x'.repeat(400_000) });
    expect(huge.status).toBe(413);
  });

  it('updates partially with PUT and PATCH and keeps omitted fields', async () => {
    const created = (await call(t.api, key, 'POST', '/monitors', { ...body, name: 'Partial' })).body.data;
    const put = await call(t.api, key, 'PUT', `/monitors/${created.id}`, { keyword: 'OK AND !error', timeout: 15 });
    expect(put.status).toBe(200);
    expect(put.body.data).toMatchObject({ keyword: 'OK AND !error', timeout: 15, name: 'Partial', check_interval: 60 });
    const patch = await call(t.api, key, 'PATCH', `/monitors/${created.id}`, { regions: ['eu-west'] });
    expect(patch.body.data).toMatchObject({ regions: ['eu-west'], quorum: 1, keyword: 'OK AND !error' });
    const toggle = await call(t.api, key, 'PATCH', `/monitors/${created.id}/toggle`, { is_active: false });
    expect(toggle.body.data.paused).toBe(true);
    const pub = await call(t.api, key, 'PATCH', `/monitors/${created.id}/public`, { public_status: false });
    expect(pub.body.data.public).toBe(false);
  });

  it('hides another account’s monitor behind 404', async () => {
    const created = (await call(t.api, key, 'POST', '/monitors', { ...body, name: 'Mine' })).body.data;
    for (const [method, path] of [
      ['GET', ''],
      ['PUT', ''],
      ['DELETE', ''],
      ['GET', '/checks'],
    ] as const) {
      const res = await call(
        t.api,
        otherKey,
        method,
        `/monitors/${created.id}${path}`,
        method === 'PUT' ? { name: 'x' } : undefined,
      );
      expect(res.status).toBe(404);
    }
    expect((await call(t.api, otherKey, 'GET', '/monitors')).body.data).toEqual([]);
  });

  it('enforces the plan monitor limit with 403 and the reference message', async () => {
    const res = await call(t.api, key, 'POST', '/monitors', { ...body, name: 'One too many' });
    expect(res.status).toBe(403);
    expect(res.body.error).toBe('Free plan limited to 3 monitors. Upgrade to Pro for up to 200.');
  });

  it('serves the OpenAPI document generated from the code', async () => {
    const doc = (await (await fetch(`${t.baseUrl}/api/docs-json`)).json()) as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/monitors',
        '/api/v1/monitors/{id}',
        '/api/v1/monitors/{id}/checks',
        '/api/v1/incidents',
        '/api/v1/regions',
        '/api/v1/auth/signup',
      ]),
    );
    expect(Object.keys(doc.components.schemas.CreateMonitorDto.properties)).toEqual(
      expect.arrayContaining(['url', 'regions', 'quorum', 'keyword']),
    );
  });

  it('deletes a monitor', async () => {
    const list = (await call(t.api, key, 'GET', '/monitors')).body.data;
    const res = await call(t.api, key, 'DELETE', `/monitors/${list[0].id}`);
    expect(res.body.data).toEqual({ deleted: true, monitor_id: list[0].id });
    expect((await call(t.api, key, 'GET', `/monitors/${list[0].id}`)).status).toBe(404);
  });
});
