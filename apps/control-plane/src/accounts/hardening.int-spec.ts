import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { startTestApp, TestApp } from '../testing/harness';
import { hashPassword } from './password';

/** Credential hardening (issue 13 item 7): scrypt cost and rehash, JWT expiry and revocation. Real PostgreSQL, real HTTP. */
type Json = Record<string, any>;

// Several scrypt hashes at 128 MiB each per test on a shared 2-core machine (a bound, not a timing assertion).
jest.setTimeout(60_000);

describe('credential hardening (integration)', () => {
  let t: TestApp;
  let clock: Clock;
  const PASSWORD = 'correct horse battery';

  async function http(
    method: string,
    path: string,
    opts: { body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; body: Json }> {
    const res = await fetch(`${t.api}${path}`, {
      method,
      headers: { ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}), ...opts.headers },
      body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : {} };
  }
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  async function signup(): Promise<{ email: string; key: string; userId: string }> {
    const email = `hard-${randomBytes(6).toString('hex')}@example.com`;
    const s = await http('POST', '/auth/signup', { body: { email, password: PASSWORD, name: 'Hard' } });
    expect(s.status).toBe(201);
    return { email, key: s.body.data.api_key.key, userId: s.body.data.user.id };
  }
  async function login(email: string, password = PASSWORD): Promise<string> {
    const res = await http('POST', '/auth/login', { body: { email, password } });
    expect(res.status).toBe(200);
    return res.body.data.token;
  }
  const storedHash = async (userId: string): Promise<string> =>
    (await t.app.get(DataSource).query(`SELECT password_hash FROM users WHERE id = $1`, [userId]))[0].password_hash;

  beforeAll(async () => {
    t = await startTestApp({ SCRYPT_LOG2_N: '17' }); // the production cost, whatever the harness default
    clock = t.app.get(Clock);
    clock.freeze();
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('stores new passwords at N = 2^17, r = 8, p = 1 and rehashes an older hash at login', async () => {
    const u = await signup();
    expect(await storedHash(u.userId)).toMatch(/^scrypt\$131072\$8\$1\$/);
    const old = await hashPassword(PASSWORD, { N: 1 << 15, r: 8, p: 1 });
    await t.app.get(DataSource).query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [u.userId, old]);
    await login(u.email);
    const rehashed = await storedHash(u.userId);
    expect(rehashed).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(rehashed).not.toBe(old);
    await login(u.email); // the new hash verifies
    expect(await storedHash(u.userId)).toBe(rehashed); // and is not rewritten again
  });

  it('JWTs expire after JWT_TTL_SECONDS (default 24 h) on the Clock', async () => {
    const u = await signup();
    const token = await login(u.email);
    expect((await http('GET', '/auth/me', { headers: bearer(token) })).status).toBe(200);
    clock.advance(86_400_000 - 1_000);
    expect((await http('GET', '/auth/me', { headers: bearer(token) })).status).toBe(200);
    clock.advance(2_000);
    const expired = await http('GET', '/auth/me', { headers: bearer(token) });
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('unauthorized');
  });

  it('logout revokes every JWT of the user; an API key cannot log out', async () => {
    const u = await signup();
    const a = await login(u.email);
    const b = await login(u.email);
    expect((await http('GET', '/auth/me', { headers: bearer(b) })).status).toBe(200);
    const out = await http('POST', '/auth/logout', { headers: bearer(a) });
    expect(out).toEqual({ status: 200, body: { data: { logged_out: true }, error: null } });
    expect((await http('GET', '/auth/me', { headers: bearer(a) })).status).toBe(401);
    expect((await http('GET', '/auth/me', { headers: bearer(b) })).status).toBe(401);
    const fresh = await login(u.email);
    expect((await http('GET', '/auth/me', { headers: bearer(fresh) })).status).toBe(200);
    const byKey = await http('POST', '/auth/logout', { headers: { 'X-API-Key': u.key } });
    expect(byKey.status).toBe(403);
    expect((await http('GET', '/auth/me', { headers: { 'X-API-Key': u.key } })).status).toBe(200);
  });

  it('a password change needs the current password, revokes older JWTs and answers a new one', async () => {
    const u = await signup();
    const token = await login(u.email);
    const wrong = await http('POST', '/auth/password', {
      headers: bearer(token),
      body: { current_password: 'not it at all', new_password: 'a brand new passphrase' },
    });
    expect(wrong.status).toBe(403);
    const short = await http('POST', '/auth/password', {
      headers: bearer(token),
      body: { current_password: PASSWORD, new_password: 'short' },
    });
    expect(short.status).toBe(422);
    const changed = await http('POST', '/auth/password', {
      headers: bearer(token),
      body: { current_password: PASSWORD, new_password: 'a brand new passphrase' },
    });
    expect(changed.status).toBe(200);
    expect((await http('GET', '/auth/me', { headers: bearer(token) })).status).toBe(401);
    expect((await http('GET', '/auth/me', { headers: bearer(changed.body.data.token) })).status).toBe(200);
    expect((await http('POST', '/auth/login', { body: { email: u.email, password: PASSWORD } })).status).toBe(401);
    await login(u.email, 'a brand new passphrase');
  });

  it('an API key with expires_at works until then and is refused after (on the Clock)', async () => {
    const u = await signup();
    const expiresAt = new Date(clock.nowMs() + 3_600_000).toISOString();
    const created = await http('POST', '/api-keys', {
      headers: { 'X-API-Key': u.key },
      body: { name: 'temporary', expires_at: expiresAt },
    });
    expect(created.status).toBe(201);
    expect(created.body.data.expires_at).toBe(expiresAt);
    const temp = created.body.data.key as string;
    expect((await http('GET', '/auth/me', { headers: { 'X-API-Key': temp } })).status).toBe(200);
    const listed = await http('GET', '/api-keys', { headers: { 'X-API-Key': u.key } });
    expect(listed.body.data.find((k: Json) => k.id === created.body.data.id).expires_at).toBe(expiresAt);
    expect(listed.body.data.find((k: Json) => k.id !== created.body.data.id).expires_at).toBeNull();
    clock.advance(3_600_000 - 1_000);
    expect((await http('GET', '/auth/me', { headers: { 'X-API-Key': temp } })).status).toBe(200); // cached principal too
    clock.advance(1_000);
    expect((await http('GET', '/auth/me', { headers: { 'X-API-Key': temp } })).status).toBe(401);
    expect((await http('GET', '/auth/me', { headers: { 'X-API-Key': u.key } })).status).toBe(200); // a key without expiry
    const past = await http('POST', '/api-keys', {
      headers: { 'X-API-Key': u.key },
      body: { name: 'past', expires_at: '2020-01-01T00:00:00Z' },
    });
    expect(past.status).toBe(422);
    expect(past.body.details).toEqual([{ field: 'expires_at', message: 'must be in the future' }]);
  });
});
