import { Client } from 'pg';
import { call, signup, startTestApp, TestApp } from '../testing/harness';

jest.setTimeout(60_000);

/** The examples of issue 13 against a real control plane (PostgreSQL, NATS): each a clear 4xx with its `code`. */
describe('input is normalised at the edge', () => {
  let t: TestApp;
  let key: string;
  let db: Client;
  beforeAll(async () => {
    t = await startTestApp();
    ({ key } = await signup(t.api));
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  async function raw(method: string, path: string, body?: string, headers: Record<string, string> = {}) {
    const res = await fetch(`${t.baseUrl}${path}`, {
      method,
      headers: { 'x-api-key': key, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body,
    });
    const text = await res.text();
    let json: any = null;
    try {
      json = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, json, text };
  }

  it('a NUL, a control character, a bad escape or an impossible id in a path id is a 404, never reaching the database', async () => {
    for (const id of ['%00', 'a%01b', '%', '%ED%A0%80', "x'%20OR%201=1", 'x'.repeat(300)]) {
      const r = await raw('GET', `/api/v1/monitors/${id}`);
      expect({ id, status: r.status, code: r.json?.code }).toEqual({ id, status: 404, code: 'not_found' });
      expect(r.json.data).toBeNull();
    }
    const r = await raw('DELETE', '/api/v1/api-keys/%00');
    expect([r.status, r.json.code]).toEqual([404, 'not_found']);
    const page = await raw('GET', '/s/%00');
    expect(page.status).toBe(404);
  });

  it('a NUL or a lone surrogate in a body string is a 422 naming the field, and nothing is written', async () => {
    const before = (await db.query('SELECT count(*)::int AS n FROM api_keys')).rows[0].n;
    const nul = await raw('POST', '/api/v1/api-keys', '{"name":"a\\u0000"}');
    expect(nul.status).toBe(422);
    expect(nul.json).toEqual({
      data: null,
      error: 'validation failed',
      code: 'validation_failed',
      details: [{ field: 'name', message: 'name must not contain NUL (\\u0000) characters' }],
    });
    const lone = await raw('POST', '/api/v1/monitors', JSON.stringify({ name: 'x\ud800', url: 'http://127.0.0.1:1/' }));
    expect(lone.status).toBe(422);
    expect(lone.json.details).toEqual([{ field: 'name', message: 'name must not contain unpaired UTF-16 surrogates' }]);
    expect((await db.query('SELECT count(*)::int AS n FROM api_keys')).rows[0].n).toBe(before);
  });

  it('a body nested thousands of levels deep is a 400 before class-transformer, also on the unauthenticated login', async () => {
    const deep = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
    const login = await fetch(`${t.api}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"email":"a@b.c","password":"x","x":${deep}}`,
    });
    expect(login.status).toBe(400);
    expect(await login.json()).toEqual({
      data: null,
      error: 'JSON body nested deeper than 32 levels',
      code: 'bad_request',
    });
    const arr = await raw('POST', '/api/v1/monitors', '['.repeat(10_000) + ']'.repeat(10_000));
    expect([arr.status, arr.json.code]).toEqual([400, 'bad_request']);
  });

  it('repeated query keys: the first wins, never a throw', async () => {
    const r = await raw('GET', '/api/v1/monitors?tags=a&tags=b&limit=5&limit=x');
    expect(r.status).toBe(200);
    expect(r.json.error).toBeNull();
  });

  it('a NUL or a bad escape in a query value is a 422 naming the parameter', async () => {
    const r = await raw('GET', '/api/v1/monitors?group=%00');
    expect(r.status).toBe(422);
    expect(r.json).toMatchObject({ code: 'validation_failed', details: [{ field: 'query.group' }] });
    const bad = await raw('GET', '/api/v1/incidents?status=%E0%A4');
    expect([bad.status, bad.json.details[0].field]).toEqual([422, 'query.status']);
  });

  it('malformed JSON, an oversized body and an unknown route answer the envelope with their codes', async () => {
    const bad = await raw('POST', '/api/v1/monitors', '{"name":');
    expect([bad.status, bad.json.code]).toEqual([400, 'bad_request']);
    expect(bad.json.error).toMatch(/^malformed JSON body/);
    const big = await raw('POST', '/api/v1/monitors', JSON.stringify({ name: 'x'.repeat(2_000_000) }));
    expect(big.status).toBe(413);
    expect(big.json).toEqual({ data: null, error: 'request body too large', code: 'payload_too_large' });
    const route = await raw('GET', '/api/v1/nothing-here');
    expect(route.json).toEqual({ data: null, error: 'route not found', code: 'not_found' });
    expect(route.status).toBe(404);
  });

  it('the codes of authentication, validation and conflict answers', async () => {
    const noKey = await fetch(`${t.api}/monitors`);
    expect([noKey.status, ((await noKey.json()) as { code: string }).code]).toEqual([401, 'unauthorized']);
    const invalid = await call(t.api, key, 'POST', '/monitors', { name: 'x', url: 'ftp://a' });
    expect([invalid.status, invalid.body.code]).toEqual([422, 'validation_failed']);
    const email = `dup-${Date.now()}@example.com`;
    await signup(t.api, email);
    const dup = await fetch(`${t.api}/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'correct horse battery', name: 'x' }),
    });
    expect([dup.status, ((await dup.json()) as { code: string }).code]).toEqual([409, 'conflict']);
  });
});
