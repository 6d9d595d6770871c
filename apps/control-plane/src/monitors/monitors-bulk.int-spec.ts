import { Client } from 'pg';
import { call, signup, startTestApp, TestApp } from '../testing/harness';

jest.setTimeout(120_000);

/** Bulk create, keyset paging and the default unlimited plan (real PostgreSQL + NATS). */
describe('monitors at scale: bulk create and cursor paging', () => {
  let t: TestApp;
  let free: TestApp;
  let key: string;

  beforeAll(async () => {
    t = await startTestApp();
    free = await startTestApp(
      { DEFAULT_PLAN: 'free', PLAN_FREE_MAX_MONITORS: '5', PLAN_FREE_MIN_INTERVAL_SECONDS: '60' },
      t,
    );
    key = (await signup(t.api)).key;
  });
  afterAll(async () => {
    await free?.close();
    await t?.close();
  });

  const item = (i: number) => ({ name: `bulk ${i}`, url: `http://127.0.0.1:9/m/${i}`, check_interval: 5 });
  const count = async (accountKey: string) =>
    (await call(t.api, accountKey, 'GET', '/monitors?limit=1')).body.meta.total as number;

  it('gives a new account the unlimited plan by default (no monitor limit, intervals below 60 s)', async () => {
    const me = (await call(t.api, key, 'GET', '/auth/me')).body.data;
    expect(me.account.plan).toBe('unlimited');
    expect(me.limits).toEqual({ max_monitors: null, min_interval_seconds: 1 });
    const one = await call(t.api, key, 'POST', '/monitors', { ...item(0), check_interval: 1 });
    expect(one.status).toBe(201);
    expect(one.body.data.check_interval).toBe(1);
  });

  it('creates 1,000 monitors in one call, in the order given, in one transaction', async () => {
    const before = await count(key);
    // Long names: the body (≈ 290 KB) is past the API's usual 256 KB JSON limit, not the bulk route's.
    const monitors = Array.from({ length: 1000 }, (_, i) => ({
      ...item(i + 1),
      name: `bulk ${i + 1} ${'x'.repeat(180)}`,
      tags: ['bulk'],
    }));
    expect(JSON.stringify({ monitors }).length).toBeGreaterThan(256 * 1024);
    const res = await call(t.api, key, 'POST', '/monitors/bulk', { monitors });
    expect(res.status).toBe(201);
    expect(res.body.meta).toEqual({ total: 1000 });
    expect(res.body.data).toHaveLength(1000);
    expect(res.body.data.map((m: { name: string }) => m.name)).toEqual(monitors.map((m) => m.name));
    expect(res.body.data[999]).toMatchObject({
      monitor_type: 'http',
      status: 'pending',
      check_interval: 5,
      regions: ['eu-west', 'us-east', 'ap-south'],
      quorum: 2,
    });
    expect(new Set(res.body.data.map((m: { slug: string }) => m.slug)).size).toBe(1000);
    expect(await count(key)).toBe(before + 1000);
    // One transaction: every row has the same created_at (the transaction's now()).
    const db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    try {
      const rows = await db.query(
        `SELECT count(DISTINCT created_at)::int AS n FROM monitors WHERE id = ANY($1::text[])`,
        [res.body.data.map((m: { id: string }) => m.id)],
      );
      expect(rows.rows[0].n).toBe(1);
      // They start at their phase slots spread over the 5 s interval, not all at once (the phases, not the due times:
      // the scheduler may already have moved some monitors on by an interval).
      const due = await db.query(
        `SELECT min(phase_ms)::int AS lo, max(phase_ms)::int AS hi, count(DISTINCT phase_ms)::int AS slots FROM monitor_schedule WHERE monitor_id = ANY($1::text[])`,
        [res.body.data.map((m: { id: string }) => m.id)],
      );
      expect(due.rows[0].lo).toBeGreaterThanOrEqual(0);
      expect(due.rows[0].hi).toBeLessThan(5_000);
      expect(due.rows[0].hi - due.rows[0].lo).toBeGreaterThan(3_000);
      expect(due.rows[0].slots).toBeGreaterThan(500);
    } finally {
      await db.end();
    }
  });

  it('refuses the whole call with per-item errors when any item is bad, creating nothing', async () => {
    const before = await count(key);
    const monitors = [
      item(2001),
      { ...item(2002), url: 'ftp://nope' },
      { ...item(2003), check_interval: 'soon' },
      { ...item(2004), slug: 'same' },
      { ...item(2005), slug: 'same' },
      item(2006),
    ];
    const res = await call(t.api, key, 'POST', '/monitors/bulk', { monitors });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('validation_failed');
    const fields = res.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['monitors[2].check_interval']));
    expect(fields.every((f: string) => /^monitors\[\d+\]/.test(f))).toBe(true);
    expect(fields.some((f: string) => f.startsWith('monitors[0]') || f.startsWith('monitors[5]'))).toBe(false);
    expect(await count(key)).toBe(before);
    // Past the class checks: the service's checks name the item too.
    const second = await call(t.api, key, 'POST', '/monitors/bulk', { monitors: monitors.filter((_, i) => i !== 2) });
    expect(second.status).toBe(422);
    expect(second.body.details).toEqual(
      expect.arrayContaining([
        { field: 'monitors[1].url', message: expect.any(String) },
        { field: 'monitors[3].slug', message: 'slug "same" is also given to monitors[2]' },
      ]),
    );
    expect(await count(key)).toBe(before);
    const taken = (await call(t.api, key, 'GET', '/monitors?limit=1')).body.data[0].slug;
    const third = await call(t.api, key, 'POST', '/monitors/bulk', {
      monitors: [item(3001), { ...item(3002), slug: taken }],
    });
    expect(third.status).toBe(422);
    expect(third.body.details).toEqual([{ field: 'monitors[1].slug', message: `slug "${taken}" is already taken` }]);
    expect(await count(key)).toBe(before);
  });

  it('bounds a call to 1 – 1,000 monitors and refuses unknown fields per item', async () => {
    const tooMany = await call(t.api, key, 'POST', '/monitors/bulk', {
      monitors: Array.from({ length: 1001 }, (_, i) => item(i)),
    });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.details).toEqual(
      expect.arrayContaining([{ field: 'monitors', message: expect.stringMatching(/at most 1000/) }]),
    );
    const none = await call(t.api, key, 'POST', '/monitors/bulk', { monitors: [] });
    expect(none.status).toBe(422);
    const unknown = await call(t.api, key, 'POST', '/monitors/bulk', { monitors: [{ ...item(1), colour: 'red' }] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.details).toEqual([
      { field: 'monitors[0].colour', message: 'unknown field "monitors[0].colour"' },
    ]);
    const notArray = await call(t.api, key, 'POST', '/monitors/bulk', { monitors: 'all of them' });
    expect(notArray.status).toBe(422);
  });

  it('keeps the plan limit on free: a bulk that would pass it is refused whole', async () => {
    const freeKey = (await signup(free.api)).key;
    const over = await call(free.api, freeKey, 'POST', '/monitors/bulk', {
      monitors: Array.from({ length: 6 }, (_, i) => ({ ...item(i), check_interval: 60 })),
    });
    expect(over.status).toBe(403);
    expect(over.body.code).toBe('plan_limit');
    expect(await count(freeKey)).toBe(0);
    const slow = await call(free.api, freeKey, 'POST', '/monitors/bulk', {
      monitors: [{ ...item(1), check_interval: 60 }, item(2)],
    });
    expect(slow.status).toBe(422);
    expect(slow.body.details).toEqual([
      { field: 'monitors[1].check_interval', message: 'check_interval 5 is below your plan minimum of 60 seconds' },
    ]);
    const ok = await call(free.api, freeKey, 'POST', '/monitors/bulk', {
      monitors: Array.from({ length: 5 }, (_, i) => ({ ...item(i), check_interval: 60 })),
    });
    expect(ok.status).toBe(201);
  });

  it('pages the whole account by cursor, every monitor once, in creation order, with filters', async () => {
    const total = await count(key);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q: string = cursor ? `&cursor=${cursor}` : '';
      const res = await call(t.api, key, 'GET', `/monitors?limit=300${q}`);
      expect(res.status).toBe(200);
      expect(res.body.meta.total).toBe(total);
      seen.push(...res.body.data.map((m: { id: string }) => m.id));
      cursor = res.body.meta.next_cursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(Math.ceil(total / 300));
    expect(new Set(seen).size).toBe(total);
    expect(seen).toHaveLength(total);
    const byOffset = (await call(t.api, key, 'GET', '/monitors?limit=1000&offset=0')).body;
    expect(byOffset.data.map((m: { id: string }) => m.id)).toEqual(seen.slice(0, 1000));
    expect(byOffset.meta.next_cursor).toEqual(expect.any(String));
    const rest = (await call(t.api, key, 'GET', `/monitors?limit=1000&cursor=${byOffset.meta.next_cursor}`)).body;
    expect(rest.data.map((m: { id: string }) => m.id)).toEqual(seen.slice(1000));
    expect(rest.meta.next_cursor).toBeNull();
    // A filter applies on every page, and total counts the filtered set.
    const none = (await call(t.api, key, 'GET', '/monitors?limit=10&monitor_type=heartbeat')).body;
    expect(none).toMatchObject({ data: [], meta: { total: 0, next_cursor: null } });
    const tagged: string[] = [];
    cursor = null;
    do {
      const res = await call(t.api, key, 'GET', `/monitors?limit=400&tags=bulk${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.body.meta.total).toBe(1000);
      tagged.push(...res.body.data.map((m: { id: string }) => m.id));
      cursor = res.body.meta.next_cursor;
    } while (cursor);
    expect(tagged).toEqual(seen.filter((id) => tagged.includes(id)));
    expect(tagged).toHaveLength(1000);
  });

  it('refuses a cursor it did not give and offsets beyond 10,000 (asking for a cursor)', async () => {
    for (const bad of ['nonsense!', Buffer.from('["x","y"]').toString('base64url'), 'A'.repeat(2000)]) {
      const res = await call(t.api, key, 'GET', `/monitors?cursor=${bad}`);
      expect(res.status).toBe(422);
      expect(res.body.details[0].field).toBe('cursor');
    }
    const deep = await call(t.api, key, 'GET', '/monitors?offset=10001');
    expect(deep.status).toBe(422);
    expect(deep.body.details).toEqual([
      { field: 'offset', message: 'offset 10001 is beyond 10000; page with cursor (meta.next_cursor) instead' },
    ]);
    expect((await call(t.api, key, 'GET', '/monitors?limit=1000&page=12')).status).toBe(422);
    expect((await call(t.api, key, 'GET', '/monitors?offset=10000')).status).toBe(200);
    for (const path of ['/incidents', '/status-pages', '/webhooks', '/api-keys']) {
      const res = await call(t.api, key, 'GET', `${path}?offset=20000`);
      expect({ path, status: res.status, field: res.body.details?.[0]?.field }).toEqual({
        path,
        status: 422,
        field: 'offset',
      });
    }
  });
});
