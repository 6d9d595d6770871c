import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { startTestApp } from '../testing/harness';

/**
 * Accounts against a real PostgreSQL through the whole HTTP stack (global prefix, guards,
 * validation pipe, envelope, error filter). Each startTestApp has its own fresh database.
 */
const JWT_SECRET = 'accounts-int-spec-secret-0123456789';

type Json = Record<string, any>;
interface Answer {
  status: number;
  body: Json;
  headers: Headers;
}

function client(baseUrl: string) {
  return async (
    method: string,
    path: string,
    opts: { body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Answer> => {
    const res = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}), ...opts.headers },
      body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : {}, headers: res.headers };
  };
}

const uniqueEmail = () => `user-${randomBytes(6).toString('hex')}@example.com`;
const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
function hs256(payload: Json, secret: string): string {
  const head = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(payload)}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

describe('accounts (integration)', () => {
  let close: () => Promise<void>;
  let call: ReturnType<typeof client>;
  let app: INestApplication;

  beforeAll(async () => {
    const t = await startTestApp({ JWT_SECRET, JWT_TTL_SECONDS: '3600', DEFAULT_PLAN: 'free' });
    close = t.close;
    app = t.app;
    call = client(t.baseUrl);
  }, 60_000);

  afterAll(async () => {
    await close?.();
  });

  async function signup(email = uniqueEmail(), password = 'correct horse battery', name = 'Ops Team') {
    const res = await call('POST', '/auth/signup', { body: { email, password, name } });
    expect(res.status).toBe(201);
    return { ...(res.body.data as Json), email, password } as Json;
  }

  it('signup creates account, user and a first read_write key that works via X-API-Key and Bearer', async () => {
    const email = `  MiXeD-${randomBytes(4).toString('hex')}@Example.COM `;
    const res = await call('POST', '/auth/signup', {
      body: { email, password: 'correct horse battery', name: ' Ops Team ' },
    });
    expect(res.status).toBe(201);
    expect(res.body.error).toBeNull();
    const { account, user, api_key } = res.body.data;
    expect(account).toEqual({
      id: expect.stringMatching(/^acc_/),
      name: 'Ops Team',
      plan: 'free',
      created_at: expect.any(String),
    });
    expect(new Date(account.created_at).toISOString()).toBe(account.created_at);
    expect(user).toEqual({
      id: expect.stringMatching(/^usr_/),
      email: email.trim().toLowerCase(),
      name: 'Ops Team',
      created_at: expect.any(String),
    });
    expect(api_key).toEqual({
      id: expect.stringMatching(/^key_/),
      name: expect.any(String),
      prefix: api_key.key.slice(0, 10),
      scope: 'read_write',
      key: expect.stringMatching(/^px_[A-Za-z0-9_-]{43}$/),
      created_at: expect.any(String),
      expires_at: null,
    });

    const viaHeader = await call('GET', '/auth/me', { headers: { 'X-API-Key': api_key.key } });
    expect(viaHeader.status).toBe(200);
    expect(viaHeader.body.data).toEqual({
      user: null,
      account: { id: account.id, name: 'Ops Team', plan: 'free', created_at: account.created_at },
      auth: { method: 'api_key', key_id: api_key.id, scope: 'read_write' },
      limits: { max_monitors: 10, min_interval_seconds: expect.any(Number) },
    });

    const viaBearer = await call('GET', '/auth/me', { headers: { Authorization: `Bearer ${api_key.key}` } });
    expect(viaBearer.status).toBe(200);
    expect(viaBearer.body.data.auth.key_id).toBe(api_key.id);
  });

  it('login returns a JWT that authenticates as the user (email matched case-insensitively)', async () => {
    const s = await signup();
    const res = await call('POST', '/auth/login', { body: { email: s.email.toUpperCase(), password: s.password } });
    expect(res.status).toBe(200);
    expect(res.body.data.user).toEqual({
      id: s.user.id,
      email: s.email,
      name: 'Ops Team',
      plan: 'free',
      account_id: s.account.id,
    });
    const token: string = res.body.data.token;
    const [header, payload] = token
      .split('.')
      .slice(0, 2)
      .map((p) => JSON.parse(Buffer.from(p, 'base64url').toString()));
    expect(header.alg).toBe('HS256');
    expect(payload).toMatchObject({ sub: s.user.id, acc: s.account.id });
    expect(payload.exp - payload.iat).toBe(3600);

    const me = await call('GET', '/auth/me', { headers: { Authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(me.body.data.user).toEqual(s.user);
    expect(me.body.data.auth).toEqual({ method: 'jwt', key_id: null, scope: 'read_write' });

    // A JWT may manage keys (scope read_write).
    const created = await call('POST', '/api-keys', {
      headers: { Authorization: `Bearer ${token}` },
      body: { name: 'from-jwt' },
    });
    expect(created.status).toBe(201);
  });

  it('wrong password and unknown email both answer 401 "invalid email or password"', async () => {
    const s = await signup();
    const wrong = await call('POST', '/auth/login', { body: { email: s.email, password: 'not the password' } });
    const unknown = await call('POST', '/auth/login', { body: { email: uniqueEmail(), password: s.password } });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ data: null, error: 'invalid email or password', code: 'unauthorized' });
    }
  });

  it('a duplicate email answers 409, whatever its case and spacing', async () => {
    const s = await signup();
    const res = await call('POST', '/auth/signup', {
      body: { email: ` ${s.email.toUpperCase()}`, password: 'another password', name: 'Other' },
    });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ data: null, error: 'email already registered', code: 'conflict' });
  });

  it('concurrent signups with one email: one 201, one 409, and nothing half-created', async () => {
    const email = uniqueEmail();
    const body = { email, password: 'correct horse battery', name: 'Racer' };
    const answers = await Promise.all([call('POST', '/auth/signup', { body }), call('POST', '/auth/signup', { body })]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const db = app.get(DataSource);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM accounts WHERE name = 'Racer'`);
    expect(n).toBe(1);
  });

  it('stores only a scrypt hash of the password and a SHA-256 of the key', async () => {
    const s = await signup();
    const db = app.get(DataSource);
    const [user] = await db.query('SELECT email, password_hash FROM users WHERE id = $1', [s.user.id]);
    expect(user.email).toBe(s.email);
    expect(user.password_hash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/);
    expect(user.password_hash).not.toContain(s.password);
    const [key] = await db.query('SELECT prefix, key_hash FROM api_keys WHERE id = $1', [s.api_key.id]);
    expect(key.prefix).toBe(s.api_key.key.slice(0, 10));
    expect(key.key_hash).toBe(createHash('sha256').update(s.api_key.key).digest('hex'));
  });

  it('validation errors answer 422 with field names', async () => {
    const fields = async (body: unknown, path = '/auth/signup') => {
      const res = await call('POST', path, { body });
      expect(res.status).toBe(422);
      expect(res.body.data).toBeNull();
      expect(res.body.error).toBe('validation failed');
      return (res.body.details as { field: string; message: string }[]).map((d) => d.field);
    };
    expect(await fields({ password: 'long enough pw', name: 'x' })).toContain('email');
    expect(await fields({ email: 'not-an-email', password: 'long enough pw', name: 'x' })).toEqual(['email']);
    expect(await fields({ email: uniqueEmail(), password: 'short', name: 'x' })).toEqual(['password']);
    expect(await fields({ email: uniqueEmail(), password: 'x'.repeat(201), name: 'x' })).toEqual(['password']);
    expect(await fields({ email: uniqueEmail(), password: 'long enough pw', name: '   ' })).toEqual(['name']);
    expect(await fields({ email: uniqueEmail(), password: 'long enough pw', name: 'x', plan: 'pro' })).toEqual([
      'plan',
    ]);
    expect(await fields({ email: 42, password: ['x'], name: 'x' })).toEqual(
      expect.arrayContaining(['email', 'password']),
    );
    expect(await fields({}, '/auth/login')).toEqual(expect.arrayContaining(['email', 'password']));

    const s = await signup();
    const res = await call('POST', '/api-keys', {
      headers: { 'X-API-Key': s.api_key.key },
      body: { name: 'k', scope: 'admin' },
    });
    expect(res.status).toBe(422);
    expect(res.body.details).toEqual([{ field: 'scope', message: 'must be one of: read_write, read_only' }]);
  });

  it('rejects missing, unknown, forged and expired credentials with 401', async () => {
    const missing = await call('GET', '/auth/me');
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({
      data: null,
      error: 'missing credentials: send X-API-Key or Authorization: Bearer',
      code: 'unauthorized',
    });

    const s = await signup();
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: s.user.id, acc: s.account.id };
    const attempts: Record<string, string>[] = [
      { 'X-API-Key': 'px_' + 'A'.repeat(43) },
      { 'X-API-Key': 'nonsense' },
      { Authorization: 'Bearer px_tooshort' },
      { Authorization: 'Bearer not.a.jwt' },
      { Authorization: `Bearer ${hs256({ ...claims, iat: now, exp: now + 600 }, 'some-other-secret-0123456789')}` },
      { Authorization: `Bearer ${hs256({ ...claims, iat: now - 7200, exp: now - 3600 }, JWT_SECRET)}` },
      {
        Authorization: `Bearer ${hs256({ sub: s.user.id, acc: 'acc_someoneelse', iat: now, exp: now + 600 }, JWT_SECRET)}`,
      },
    ];
    for (const headers of attempts) {
      const res = await call('GET', '/auth/me', { headers });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ data: null, error: 'invalid or expired credentials', code: 'unauthorized' });
    }
    // Sanity check of the hand-made token: valid claims with the right secret are accepted.
    const ok = await call('GET', '/auth/me', {
      headers: { Authorization: `Bearer ${hs256({ ...claims, iat: now, exp: now + 600 }, JWT_SECRET)}` },
    });
    expect(ok.status).toBe(200);
  });

  it('a read_only key can read but not write (403)', async () => {
    const s = await signup();
    const rw = { 'X-API-Key': s.api_key.key };
    const created = await call('POST', '/api-keys', { headers: rw, body: { name: 'dashboard', scope: 'read_only' } });
    expect(created.status).toBe(201);
    expect(created.body.data.scope).toBe('read_only');
    const ro = { Authorization: `Bearer ${created.body.data.key}` };

    expect((await call('GET', '/api-keys', { headers: ro })).status).toBe(200);
    const me = await call('GET', '/auth/me', { headers: ro });
    expect(me.body.data.auth).toEqual({ method: 'api_key', key_id: created.body.data.id, scope: 'read_only' });
    for (const [method, path, body] of [
      ['POST', '/api-keys', { name: 'escalate' }],
      ['DELETE', `/api-keys/${s.api_key.id}`, undefined],
    ] as const) {
      const res = await call(method, path, { headers: ro, body });
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ data: null, error: 'read-only API key cannot modify resources', code: 'forbidden' });
    }
  });

  it('lists keys without the secret, paginated with meta.total, and records last use', async () => {
    const s = await signup();
    const headers = { 'X-API-Key': s.api_key.key };
    const second = await call('POST', '/api-keys', { headers, body: { name: 'second' } });
    expect(second.status).toBe(201);
    expect(second.body.data.key).toMatch(/^px_/);

    const list = await call('GET', '/api-keys', { headers });
    expect(list.status).toBe(200);
    expect(list.body.meta).toMatchObject({ total: 2 });
    expect(list.body.data).toHaveLength(2);
    for (const item of list.body.data) {
      expect(Object.keys(item).sort()).toEqual([
        'created_at',
        'expires_at',
        'id',
        'last_used_at',
        'name',
        'prefix',
        'scope',
      ]);
    }
    const raw = JSON.stringify(list.body);
    expect(raw).not.toContain(s.api_key.key);
    expect(raw).not.toContain(second.body.data.key);
    const first = list.body.data.find((k: Json) => k.id === s.api_key.id);
    expect(first.last_used_at).toEqual(expect.any(String));
    expect(list.body.data.find((k: Json) => k.id === second.body.data.id).last_used_at).toBeNull();

    const page = await call('GET', '/api-keys?limit=1&offset=1', { headers });
    expect(page.body.data).toHaveLength(1);
    expect(page.body.meta).toMatchObject({ total: 2, limit: 1, offset: 1 });
    const clamped = await call('GET', '/api-keys?limit=100000&offset=-5', { headers });
    expect(clamped.status).toBe(200);
    expect(clamped.body.meta).toMatchObject({ total: 2, limit: 500, offset: 0 });
  });

  it("deleting another account's key is 404; deleting your own (even the one in use) works", async () => {
    const a = await signup();
    const b = await signup();
    const asA = { 'X-API-Key': a.api_key.key };

    const foreign = await call('DELETE', `/api-keys/${b.api_key.id}`, { headers: asA });
    expect(foreign.status).toBe(404);
    expect(foreign.body.data).toBeNull();
    expect((await call('GET', '/auth/me', { headers: { 'X-API-Key': b.api_key.key } })).status).toBe(200);
    expect((await call('DELETE', '/api-keys/key_doesnotexist', { headers: asA })).status).toBe(404);

    const self = await call('DELETE', `/api-keys/${a.api_key.id}`, { headers: asA });
    expect(self.status).toBe(200);
    expect(self.body).toEqual({ data: { deleted: true, id: a.api_key.id }, error: null });
    const after = await call('GET', '/auth/me', { headers: asA });
    expect(after.status).toBe(401);
  });
});

describe('accounts rate limit (integration)', () => {
  let close: () => Promise<void>;
  let call: ReturnType<typeof client>;

  beforeAll(async () => {
    const t = await startTestApp({ JWT_SECRET, RATE_LIMIT_PER_MINUTE: '5' });
    close = t.close;
    call = client(t.baseUrl);
  }, 60_000);

  afterAll(async () => {
    await close?.();
  });

  it("answers the 6th request in a minute with 429, Retry-After and retry_after; the budget is the account's", async () => {
    const s = await call('POST', '/auth/signup', {
      body: { email: uniqueEmail(), password: 'correct horse battery', name: 'Limited' },
    });
    expect(s.status).toBe(201);
    const key: string = s.body.data.api_key.key;
    for (let i = 1; i <= 5; i++) {
      const res = await call('GET', '/auth/me', { headers: { 'X-API-Key': key } });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-ratelimit-limit')).toBe('5');
      expect(res.headers.get('x-ratelimit-remaining')).toBe(String(5 - i));
    }
    const limited = await call('GET', '/api-keys', { headers: { Authorization: `Bearer ${key}` } });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.body).toEqual({
      data: null,
      error: `rate limit exceeded: try again in ${retryAfter} seconds`,
      code: 'rate_limited',
      retry_after: retryAfter,
    });

    // A JWT session of the same account shares the account's budget (no fresh budget by switching credential).
    const login = await call('POST', '/auth/login', {
      body: { email: s.body.data.user.email, password: 'correct horse battery' },
    });
    expect(login.status).toBe(200);
    const viaJwt = await call('GET', '/auth/me', { headers: { Authorization: `Bearer ${login.body.data.token}` } });
    expect(viaJwt.status).toBe(429);
    expect(viaJwt.body.code).toBe('rate_limited');
  });
});
