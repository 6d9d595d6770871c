import { Client } from 'pg';
import { call, signup, startTestApp, TestApp } from '../testing/harness';

jest.setTimeout(60_000);

/** Issue 13 (6): edits that do not change a target never re-resolve it; a changed target is resolved (with a timeout) before the row lock. */
describe('monitor edits never depend on DNS for unchanged targets (ALLOW_PRIVATE_TARGETS=false)', () => {
  let t: TestApp;
  let key: string;
  let db: Client;
  beforeAll(async () => {
    t = await startTestApp({ ALLOW_PRIVATE_TARGETS: 'false' });
    ({ key } = await signup(t.api));
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  it('pause, resume, public toggle, rename and alert-target edits succeed when the target name no longer resolves', async () => {
    const created = await call(t.api, key, 'POST', '/monitors', {
      name: 'was resolvable',
      url: 'http://93.184.216.34/',
    });
    expect(created.status).toBe(201);
    const id = created.body.data.id as string;
    // The name stopped resolving after the monitor was saved (`.invalid` never resolves: RFC 2606).
    await db.query(`UPDATE monitors SET url = 'http://gone.invalid/' WHERE id = $1`, [id]);
    const edits: [string, string, unknown][] = [
      ['PATCH', `/monitors/${id}/toggle`, {}],
      ['PATCH', `/monitors/${id}/toggle`, {}],
      ['PATCH', `/monitors/${id}/public`, { public_status: false }],
      ['PATCH', `/monitors/${id}`, { name: 'renamed' }],
      ['PATCH', `/monitors/${id}`, { alert_email: 'ops@example.com', tags: ['a'] }],
      ['PUT', `/monitors/${id}`, { name: 'put rename', url: 'http://gone.invalid/' }],
    ];
    for (const [method, path, body] of edits) {
      const res = await call(t.api, key, method, path, body);
      expect({ path, body, status: res.status, error: res.body.error }).toEqual({
        path,
        body,
        status: 200,
        error: null,
      });
    }
    const row = (await db.query('SELECT name, url, paused, public, alert_email FROM monitors WHERE id = $1', [id]))
      .rows[0];
    expect(row).toEqual({
      name: 'put rename',
      url: 'http://gone.invalid/',
      paused: false,
      public: false,
      alert_email: 'ops@example.com',
    });
  });

  it('a changed target is still resolved and refused when it does not resolve (or is private), and nothing is written', async () => {
    const created = await call(t.api, key, 'POST', '/monitors', { name: 'x', url: 'http://93.184.216.34/' });
    const id = created.body.data.id as string;
    const gone = await call(t.api, key, 'PATCH', `/monitors/${id}`, { url: 'http://also-gone.invalid/' });
    expect(gone.status).toBe(422);
    expect(gone.body.details).toEqual([
      { field: 'url', message: 'url host "also-gone.invalid" could not be resolved' },
    ]);
    const priv = await call(t.api, key, 'PATCH', `/monitors/${id}`, { webhook_url: 'http://10.0.0.1/hook' });
    expect([priv.status, priv.body.details[0].message]).toEqual([
      422,
      'target is a private address (private); set ALLOW_PRIVATE_TARGETS=true to allow',
    ]);
    const row = (await db.query('SELECT url, webhook_url FROM monitors WHERE id = $1', [id])).rows[0];
    expect(row).toEqual({ url: 'http://93.184.216.34/', webhook_url: '' });
  });
});
