import { randomBytes } from 'node:crypto';
import { Clock } from '../common/clock';
import { startTestApp, TestApp } from '../testing/harness';

/**
 * Rate limits that hold (issue 13, docs/edge.md): real PostgreSQL counters, real HTTP,
 * time driven by the injected Clock (no sleeps).
 */
type Json = Record<string, any>;
interface Answer {
  status: number;
  body: Json;
  headers: Headers;
}

async function http(
  baseUrl: string,
  method: string,
  path: string,
  opts: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}), ...opts.headers },
    body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
  });
  const text = await res.text();
  let body: Json = {};
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    body = { text };
  }
  return { status: res.status, body, headers: res.headers };
}

const email = () => `rl-${randomBytes(6).toString('hex')}@example.com`;
const PASSWORD = 'correct horse battery';

async function signupAccount(t: TestApp): Promise<{ key: string; email: string }> {
  const e = email();
  const s = await http(t.api, 'POST', '/auth/signup', { body: { email: e, password: PASSWORD, name: 'Limited' } });
  expect(s.status).toBe(201);
  return { key: s.body.data.api_key.key, email: e };
}

function expectRateLimited(res: Answer): number {
  expect(res.status).toBe(429);
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(res.body).toEqual({
    data: null,
    error: `rate limit exceeded: try again in ${retryAfter} seconds`,
    code: 'rate_limited',
    retry_after: retryAfter,
  });
  return retryAfter;
}

describe('public routes are limited per client IP, TRUST_PROXY hops believed (integration)', () => {
  let trusting: TestApp;
  let direct: TestApp;

  beforeAll(async () => {
    trusting = await startTestApp({ TRUST_PROXY: '1', PUBLIC_RATE_LIMIT_PER_MINUTE: '3' });
    direct = await startTestApp({ PUBLIC_RATE_LIMIT_PER_MINUTE: '3' });
    trusting.app.get(Clock).freeze();
    direct.app.get(Clock).freeze();
  }, 90_000);

  afterAll(async () => {
    await trusting?.close();
    await direct?.close();
  });

  it('two clients behind one proxy get separate budgets with TRUST_PROXY=1', async () => {
    const asA = { 'X-Forwarded-For': '203.0.113.10' };
    const asB = { 'X-Forwarded-For': '203.0.113.20' };
    for (let i = 0; i < 3; i++)
      expect((await http(trusting.baseUrl, 'GET', '/s/no-such-page', { headers: asA })).status).toBe(404);
    expectRateLimited(await http(trusting.baseUrl, 'GET', '/s/no-such-page', { headers: asA }));
    // The other client of the same proxy (same socket address) still has its whole budget.
    for (let i = 0; i < 3; i++)
      expect((await http(trusting.baseUrl, 'GET', '/s/no-such-page', { headers: asB })).status).toBe(404);
    expectRateLimited(await http(trusting.baseUrl, 'GET', '/s/no-such-page', { headers: asB }));
    // A new window a minute later.
    trusting.app.get(Clock).advance(60_000);
    expect((await http(trusting.baseUrl, 'GET', '/s/no-such-page', { headers: asA })).status).toBe(404);
  });

  it('without TRUST_PROXY a spoofed X-Forwarded-For does not buy a new budget', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await http(direct.baseUrl, 'GET', '/s/no-such-page', {
        headers: { 'X-Forwarded-For': `198.51.100.${i}` },
      });
      expect(res.status).toBe(404);
    }
    expectRateLimited(
      await http(direct.baseUrl, 'GET', '/s/no-such-page', { headers: { 'X-Forwarded-For': '198.51.100.99' } }),
    );
    // Badges and signup are public routes too: the same IP budget.
    expectRateLimited(await http(direct.baseUrl, 'GET', '/badge/mon_doesnotexist/status.svg'));
    expectRateLimited(
      await http(direct.api, 'POST', '/auth/signup', { body: { email: email(), password: PASSWORD, name: 'x' } }),
    );
  });
});

describe('authenticated limits are per account, bad credentials per IP (integration)', () => {
  let t: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      RATE_LIMIT_PER_MINUTE: '6',
      AUTH_FAILURES_PER_MINUTE: '10',
      MAX_API_KEYS_PER_ACCOUNT: '4',
    });
    second = await startTestApp(
      { RATE_LIMIT_PER_MINUTE: '6', AUTH_FAILURES_PER_MINUTE: '10', MAX_API_KEYS_PER_ACCOUNT: '4' },
      t,
    );
    // One instant for both replicas (each has its own Clock).
    const now = Date.now();
    t.app.get(Clock).set(now);
    second.app.get(Clock).set(now);
  }, 90_000);

  afterAll(async () => {
    await second?.close();
    await t?.close();
  });

  it('200 random API keys: 10 answers 401, then 429 before any lookup; a minute later 401 again', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 200; i++) {
      const res = await http(t.api, 'GET', '/auth/me', {
        headers: { 'X-API-Key': `px_${randomBytes(24).toString('hex')}` },
      });
      statuses.push(res.status);
      if (res.status === 429) expectRateLimited(res);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
    // Bad JWTs count against the same budget, and so does the other replica (shared counters).
    expectRateLimited(await http(second.api, 'GET', '/auth/me', { headers: { Authorization: 'Bearer not.a.jwt' } }));
    t.app.get(Clock).advance(60_000);
    expect((await http(t.api, 'GET', '/auth/me', { headers: { Authorization: 'Bearer not.a.jwt' } })).status).toBe(401);
  });

  it('N keys of one account share one budget, on every replica; the number of keys is capped', async () => {
    const acc = await signupAccount(t);
    const keys = [acc.key];
    for (let i = 0; i < 3; i++) {
      const created = await http(t.api, 'POST', '/api-keys', {
        body: { name: `k${i}` },
        headers: { 'X-API-Key': acc.key },
      });
      expect(created.status).toBe(201);
      keys.push(created.body.data.key);
    }
    // 1 + 3 requests so far; the cap (4 keys) is reached.
    const refused = await http(t.api, 'POST', '/api-keys', {
      body: { name: 'one too many' },
      headers: { 'X-API-Key': acc.key },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBeDefined();
    expect(refused.body.error).toContain('at most 4 API keys');
    // 4 used (signup is a public route: the IP's budget); the 5th and 6th requests, on the other replica, with other keys.
    expect((await http(second.api, 'GET', '/auth/me', { headers: { 'X-API-Key': keys[1] } })).status).toBe(200);
    expect((await http(second.api, 'GET', '/auth/me', { headers: { 'X-API-Key': keys[3] } })).status).toBe(200);
    for (const key of keys)
      expectRateLimited(
        await http(key === keys[2] ? second.api : t.api, 'GET', '/auth/me', { headers: { 'X-API-Key': key } }),
      );
    // Another account is not affected.
    const other = await signupAccount(t);
    expect((await http(t.api, 'GET', '/auth/me', { headers: { 'X-API-Key': other.key } })).status).toBe(200);
  });
});

describe('login lockout with backoff, per account (integration)', () => {
  let t: TestApp;
  let clock: Clock;

  beforeAll(async () => {
    t = await startTestApp({
      LOGIN_LOCKOUT_AFTER: '3',
      LOGIN_LOCKOUT_BASE_SECONDS: '30',
      LOGIN_LOCKOUT_MAX_SECONDS: '100',
    });
    clock = t.app.get(Clock);
    clock.freeze();
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('locks an account after 3 failures, even for the right password, and doubles the wait', async () => {
    const acc = await signupAccount(t);
    const login = (password: string, e = acc.email) =>
      http(t.api, 'POST', '/auth/login', { body: { email: e, password } });
    for (let i = 0; i < 3; i++) expect((await login('wrong password!')).status).toBe(401);
    expect(expectRateLimited(await login(PASSWORD))).toBe(30);
    // Another account (and an unknown email) is not locked by it.
    const other = await signupAccount(t);
    expect((await login(PASSWORD, other.email)).status).toBe(200);
    clock.advance(29_000);
    expect(expectRateLimited(await login(PASSWORD))).toBe(1);
    clock.advance(1_000);
    // One more failure: the wait doubles (60 s).
    expect((await login('wrong again!!')).status).toBe(401);
    expect(expectRateLimited(await login(PASSWORD))).toBe(60);
    clock.advance(60_000);
    expect((await login('wrong again!!')).status).toBe(401);
    expect(expectRateLimited(await login(PASSWORD))).toBe(100); // capped at LOGIN_LOCKOUT_MAX_SECONDS
    clock.advance(100_000);
    expect((await login(PASSWORD)).status).toBe(200);
    // A success forgets the failures.
    expect((await login('wrong password!')).status).toBe(401);
    expect((await login(PASSWORD)).status).toBe(200);
  });

  it('locks an unknown email alike (the answer does not tell whether it exists)', async () => {
    const unknown = email();
    for (let i = 0; i < 3; i++)
      expect(
        (await http(t.api, 'POST', '/auth/login', { body: { email: unknown, password: 'whatever123' } })).status,
      ).toBe(401);
    expectRateLimited(await http(t.api, 'POST', '/auth/login', { body: { email: unknown, password: 'whatever123' } }));
  });
});

describe('the ping endpoint has its own limits (integration)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ PING_RATE_LIMIT_PER_MONITOR_PER_MINUTE: '3', PING_RATE_LIMIT_PER_IP_PER_MINUTE: '5' });
    t.app.get(Clock).freeze();
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('limits pings per monitor id and per client IP', async () => {
    for (let i = 0; i < 3; i++)
      expect((await http(t.baseUrl, 'GET', '/api/ping/mon_aaaaaaaaaaaa?token=x')).status).toBe(404);
    expectRateLimited(await http(t.baseUrl, 'POST', '/api/ping/mon_aaaaaaaaaaaa/start?token=x'));
    // Another monitor id: its own budget, until the IP's budget (5) is spent.
    expect((await http(t.baseUrl, 'GET', '/api/ping/mon_bbbbbbbbbbbb?token=x')).status).toBe(404);
    expectRateLimited(await http(t.baseUrl, 'GET', '/api/ping/mon_cccccccccccc?token=x'));
    t.app.get(Clock).advance(60_000);
    expect((await http(t.baseUrl, 'GET', '/api/ping/mon_aaaaaaaaaaaa?token=x')).status).toBe(404);
  });
});
