import { safeRequestLog } from '../app.module';
import { Clock } from '../common/clock';
import { HeartbeatsService } from './heartbeats.service';
import { call, signup, startTestApp, TestApp, waitFor } from '../testing/harness';

jest.setTimeout(90_000);

/** Heartbeat monitors through the REST API and the ping endpoint (real PostgreSQL + NATS). */
describe('heartbeat monitors', () => {
  let t: TestApp;
  let key: string;
  let otherKey: string;

  beforeAll(async () => {
    t = await startTestApp({
      SCHEDULER_TICK_MS: '100',
      PLAN_FREE_MAX_MONITORS: '100',
      PUBLIC_URL: 'https://status.example.com/',
    });
    key = (await signup(t.api)).key;
    otherKey = (await signup(t.api)).key;
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Pings through the real HTTP server, at the path the ping_url names (public base replaced by the test server). */
  const ping = async (pingUrl: string, method = 'GET', suffix = '') => {
    const u = new URL(pingUrl);
    const res = await fetch(`${t.baseUrl}${u.pathname}${suffix}${u.search}`, { method });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  const withToken = (pingUrl: string, token: string) => pingUrl.replace(/token=[^&]*/, `token=${token}`);
  const monitor = async (id: string) => (await call(t.api, key, 'GET', `/monitors/${id}`)).body.data;
  const incidents = async (id: string) =>
    (await call(t.api, key, 'GET', `/incidents?monitor_id=${id}`)).body.data as any[];
  const create = async (extra: Record<string, unknown> = {}) => {
    const res = await call(t.api, key, 'POST', '/monitors', {
      monitor_type: 'heartbeat',
      name: 'Nightly Backup Job',
      heartbeat_interval: 2,
      heartbeat_grace_period: 1,
      check_interval: 1,
      ...extra,
    });
    expect(res.status).toBe(201);
    return res.body.data;
  };

  it('creates a heartbeat monitor with a ping URL shown once in full, masked afterwards', async () => {
    const res = await call(t.api, key, 'POST', '/monitors', {
      monitor_type: 'heartbeat',
      name: 'Nightly Backup Job',
      heartbeat_interval: 86400,
      heartbeat_grace_period: 300,
    });
    expect(res.status).toBe(201);
    const m = res.body.data;
    expect(m.id).toMatch(/^hb_[a-z0-9]{16}$/);
    expect(m).toMatchObject({
      monitor_type: 'heartbeat',
      status: 'pending',
      heartbeat_interval: 86400,
      heartbeat_grace_period: 300,
      regions: [],
      quorum: null,
      checks_total: 0,
    });
    expect(m.ping_url).toMatch(
      new RegExp(`^https://status\\.example\\.com/api/ping/${m.id}\\?token=[A-Za-z0-9_-]{43}$`),
    );
    expect(m.url).toBe(m.ping_url);
    const token = new URL(m.ping_url).searchParams.get('token')!;

    const again = await monitor(m.id);
    expect(again.ping_url).toBe(`https://status.example.com/api/ping/${m.id}?token=${token.slice(0, 8)}...`);
    const list = await call(t.api, key, 'GET', '/monitors?monitor_type=heartbeat');
    expect(JSON.stringify(list.body)).not.toContain(token);
  });

  it('uses the reference defaults (300 s interval, 60 s grace)', async () => {
    const res = await call(t.api, key, 'POST', '/monitors', { monitor_type: 'heartbeat', name: 'defaults' });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ heartbeat_interval: 300, heartbeat_grace_period: 60 });
  });

  it('answers a ping with the reference shape, for GET, POST and HEAD, without the API envelope', async () => {
    const m = await create({ heartbeat_interval: 60 });
    const before = Date.now() / 1000;
    const res = await ping(m.ping_url);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ok: true,
      status: 'up',
      monitor: 'Nightly Backup Job',
      next_expected_before: expect.any(Number),
    });
    expect(res.body.next_expected_before).toBeGreaterThanOrEqual(before + 59);
    expect(res.body.next_expected_before).toBeLessThanOrEqual(Date.now() / 1000 + 61);
    expect((await ping(m.ping_url, 'POST')).body).toMatchObject({ ok: true, status: 'up' });
    expect((await ping(m.ping_url, 'HEAD')).status).toBe(200);
    expect((await monitor(m.id)).status).toBe('up');
  });

  it('answers a missing or wrong token exactly as an unknown id (404, same body), an unknown sub-path with 422', async () => {
    const m = await create({ heartbeat_interval: 60 });
    const refused = { data: null, error: 'no heartbeat monitor with this id and token', code: 'not_found' };
    const wrong = await ping(withToken(m.ping_url, 'wrong'));
    expect([wrong.status, wrong.body]).toEqual([404, refused]);
    const missing = await ping(m.ping_url.replace(/\?token=.*/, ''));
    expect([missing.status, missing.body]).toEqual([404, refused]);
    const unknownId = 'mon_doesnotexist0000';
    const unknown = await ping(withToken(m.ping_url, 'wrong').replace(m.id, unknownId));
    expect([unknown.status, unknown.body]).toEqual([404, refused]);
    const unknownRightToken = await ping(m.ping_url.replace(m.id, unknownId));
    expect([unknownRightToken.status, unknownRightToken.body]).toEqual([404, refused]);
    expect((await ping(m.ping_url, 'GET', '/explode')).status).toBe(422);
    // Another monitor's token does not open this one.
    const other = await create({ heartbeat_interval: 60 });
    expect((await ping(withToken(m.ping_url, new URL(other.ping_url).searchParams.get('token')!))).status).toBe(404);
    expect((await monitor(m.id)).status).toBe('pending');
  });

  it('goes down after interval + grace without a ping, opens one incident, and recovers on the next ping', async () => {
    const m = await create();
    expect((await ping(m.ping_url)).body.status).toBe('up');
    const down = await waitFor(
      'down after a missed heartbeat',
      async () => {
        const cur = await monitor(m.id);
        return cur.status === 'down' && cur;
      },
      20_000,
    );
    expect(down.checks_failed).toBeGreaterThanOrEqual(1);
    const open = await incidents(m.id);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({
      status: 'open',
      monitor_type: 'heartbeat',
      status_code: null,
      affected_regions: [],
      region_results: [],
    });
    expect(
      open[0].failure_details?.error_message ?? open[0].failure_error_message ?? JSON.stringify(open[0]),
    ).toContain('heartbeat missed');

    const back = await ping(m.ping_url);
    expect(back.body.status).toBe('up');
    expect((await monitor(m.id)).status).toBe('up');
    const after = await incidents(m.id);
    expect(after).toHaveLength(1);
    expect(after[0].status).toBe('resolved');
    expect(after[0].duration_seconds).toBeGreaterThanOrEqual(0);
  });

  it('checks many heartbeats in one sweep: each goes down with its own incident, the pinged ones stay up', async () => {
    // Time comes from the held clock: creating and first-pinging twelve monitors takes as long as the machine
    // needs, and each step of the clock is one second in which the kept half pings again.
    const clock = t.app.get(Clock);
    clock.freeze();
    try {
      const ms = await Promise.all(Array.from({ length: 12 }, () => create()));
      for (const m of ms) expect((await ping(m.ping_url)).body.status).toBe('up');
      // Half keep pinging; the other half miss theirs and are judged together by the sweep.
      const keep = ms.slice(0, 6);
      const miss = ms.slice(6);
      await waitFor(
        'missed heartbeats down',
        async () => {
          clock.advance(1_000);
          await Promise.all(keep.map((m) => ping(m.ping_url)));
          await t.app.get(HeartbeatsService).tick();
          return (await Promise.all(miss.map((m) => monitor(m.id)))).every((m) => m.status === 'down');
        },
        20_000,
      );
      for (const m of keep) expect((await monitor(m.id)).status).toBe('up');
      for (const m of miss) {
        const open = await incidents(m.id);
        expect(open).toHaveLength(1);
        expect(open[0]).toMatchObject({ status: 'open', monitor_id: m.id });
      }
      // Paused (no more rounds), its check history's total is every round it has.
      expect((await call(t.api, key, 'PATCH', `/monitors/${miss[0].id}`, { paused: true })).status).toBe(200);
      const checks = await waitFor('a stable check history', async () => {
        const c = (await call(t.api, key, 'GET', `/monitors/${miss[0].id}/checks?limit=500`)).body;
        return c.meta.total === c.data.length && c;
      });
      expect(checks.data.some((c: { status: string }) => c.status === 'down')).toBe(true);
    } finally {
      clock.set(null);
    }
  });

  it('/fail turns it down at once; a success ping brings it back', async () => {
    const m = await create({ heartbeat_interval: 60 });
    await ping(m.ping_url);
    const failed = await ping(m.ping_url, 'POST', '/fail');
    expect(failed.body).toMatchObject({ ok: true, status: 'down' });
    expect((await monitor(m.id)).status).toBe('down');
    const [inc] = await incidents(m.id);
    expect(JSON.stringify(inc)).toContain('/fail');
    expect((await ping(m.ping_url)).body.status).toBe('up');
    expect((await incidents(m.id))[0].status).toBe('resolved');
  });

  it('records the run duration between /start and the success ping in its check records', async () => {
    const m = await create({ heartbeat_interval: 60 });
    const clock = t.app.get(Clock);
    clock.freeze();
    try {
      await ping(m.ping_url);
      expect((await ping(m.ping_url, 'GET', '/start')).body).toMatchObject({ ok: true, status: 'up' });
      clock.advance(300); // the job runs 300 ms
      await ping(m.ping_url);
    } finally {
      clock.set(null);
    }
    const check = await waitFor('a check record with the run duration', async () => {
      const res = await call(t.api, key, 'GET', `/monitors/${m.id}/checks?limit=5`);
      return (res.body.data as any[]).find((c) => c.response_ms !== null);
    });
    expect(check.response_ms).toBe(300);
    expect(check.status).toBe('up');
    expect((await monitor(m.id)).last_response_ms).toBe(300);
  });

  it('a paused monitor accepts pings without tracking them', async () => {
    const m = await create({ heartbeat_interval: 2, heartbeat_grace_period: 0, paused: true });
    const clock = t.app.get(Clock);
    clock.freeze();
    try {
      expect((await ping(m.ping_url)).body).toEqual({
        ok: true,
        status: 'paused',
        message: 'Monitor is paused — ping recorded but not tracked',
      });
      // Past its interval and grace: a heartbeat sweep at that time checks nothing of a paused monitor.
      clock.advance(3_000);
      await t.app.get(HeartbeatsService).tick();
    } finally {
      clock.set(null);
    }
    const cur = await monitor(m.id);
    expect(cur.status).toBe('pending');
    expect(cur.checks_total).toBe(0);
    expect(cur.last_ping_at).not.toBeNull();
  });

  it('a new ping token replaces the old one; another account cannot issue one', async () => {
    const m = await create({ heartbeat_interval: 60 });
    expect((await call(t.api, otherKey, 'POST', `/monitors/${m.id}/ping-token`)).status).toBe(404);
    const res = await call(t.api, key, 'POST', `/monitors/${m.id}/ping-token`);
    expect(res.status).toBe(200);
    expect(res.body.data.ping_url).not.toBe(m.ping_url);
    expect((await ping(m.ping_url)).status).toBe(404);
    expect((await ping(res.body.data.ping_url)).status).toBe(200);
  });

  it('validates heartbeat fields with the reference ranges, field by field, and writes nothing', async () => {
    const before = (await call(t.api, key, 'GET', '/monitors')).body.meta.total;
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ monitor_type: 'heartbeat', name: 'x', heartbeat_interval: 0 }, 'heartbeat_interval', /between 1 and 86400/],
      [
        { monitor_type: 'heartbeat', name: 'x', heartbeat_interval: 86401 },
        'heartbeat_interval',
        /between 1 and 86400/,
      ],
      [{ monitor_type: 'heartbeat', name: 'x', heartbeat_interval: 'often' }, 'heartbeat_interval', /integer/],
      [
        { monitor_type: 'heartbeat', name: 'x', heartbeat_grace_period: -1 },
        'heartbeat_grace_period',
        /between 0 and 3600/,
      ],
      [
        { monitor_type: 'heartbeat', name: 'x', heartbeat_grace_period: 3601 },
        'heartbeat_grace_period',
        /between 0 and 3600/,
      ],
      [{ monitor_type: 'heartbeat', heartbeat_interval: 60 }, 'name', /name/],
      [{ name: 'web', url: 'http://127.0.0.1:9/', heartbeat_interval: 60 }, 'heartbeat_interval', /only to heartbeat/],
      [{ name: 'web' }, 'url', /url is required/],
      [{ monitor_type: 'cron', name: 'x' }, 'monitor_type', /one of/],
    ];
    for (const [body, field, message] of cases) {
      const res = await call(t.api, key, 'POST', '/monitors', body);
      expect({ body, status: res.status }).toEqual({ body, status: 422 });
      const details = JSON.stringify(res.body);
      expect({ body, details: details.includes(`"${field}"`) }).toEqual({ body, details: true });
      expect(details).toMatch(message);
    }
    expect((await call(t.api, key, 'GET', '/monitors')).body.meta.total).toBe(before);
  });

  it('updates partially, keeps the ping URL, refuses a type change', async () => {
    const m = await create({ heartbeat_interval: 60 });
    const res = await call(t.api, key, 'PUT', `/monitors/${m.id}`, {
      heartbeat_interval: 3600,
      heartbeat_grace_period: 120,
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      heartbeat_interval: 3600,
      heartbeat_grace_period: 120,
      name: 'Nightly Backup Job',
      regions: [],
    });
    expect(res.body.data.url).toMatch(new RegExp(`/api/ping/${m.id}\\?token=`));
    expect((await ping(m.ping_url)).status).toBe(200);
    const bad = await call(t.api, key, 'PATCH', `/monitors/${m.id}`, { monitor_type: 'http' });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain('monitor_type cannot be changed');
    expect((await call(t.api, key, 'PATCH', `/monitors/${m.id}`, { heartbeat_grace_period: 9999 })).status).toBe(422);
    expect((await monitor(m.id)).heartbeat_grace_period).toBe(120);
  });
});

describe('request logging', () => {
  it('logs the path without its query string (ping tokens), no query object and no body', () => {
    const req = safeRequestLog({
      method: 'GET',
      url: '/api/ping/hb_1?token=secret123&x=1',
      query: { token: 'secret123', x: '1' },
      body: { p: 'secret' },
    });
    expect(req).toEqual({ method: 'GET', url: '/api/ping/hb_1' });
    expect(safeRequestLog({ url: '/api/v1/monitors' })).toEqual({ url: '/api/v1/monitors' });
  });
});
