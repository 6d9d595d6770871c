import { Client } from 'pg';
import { request } from 'undici';
import { call, signup, startTestApp, TestApp } from '../testing/harness';
import { parseXml } from '../testing/xml';

jest.setTimeout(60_000);

/**
 * StatusRooster badges over HTTP on a real control plane: public monitors only, the
 * reference's colours, 5-minute cache, ETag/304, the Shields endpoint JSON, a 404 badge
 * for unknown and private monitors, hostile ids answered with a badge (never a 5xx).
 * The monitors' read model (status, counters, last response time) is set in the database:
 * what a decision would have written.
 */
describe('badges (StatusRooster)', () => {
  let t: TestApp;
  let key: string;
  let pg: Client;
  let pub: string;
  let priv: string;

  beforeAll(async () => {
    t = await startTestApp();
    key = (await signup(t.api)).key;
    pg = new Client({ connectionString: t.databaseUrl });
    await pg.connect();
    const create = async (body: Record<string, unknown>) => {
      const res = await call(t.api, key, 'POST', '/monitors', {
        url: 'http://127.0.0.1:1/',
        check_interval: 60,
        paused: true,
        ...body,
      });
      expect(res.status).toBe(201);
      return res.body.data.id as string;
    };
    pub = await create({ name: 'Public API', public: true });
    priv = await create({ name: 'Private API', public: false });
    await pg.query(`UPDATE monitors SET paused = false WHERE id = ANY($1)`, [[pub, priv]]);
    // The decisions' read model (monitor_state), as rounds would have left it.
    await pg.query(
      `INSERT INTO monitor_state (monitor_id, status, checks_total, checks_failed, last_response_ms)
       SELECT unnest($1::text[]), 'up', 1000, 8, 1834.2`,
      [[pub, priv]],
    );
  });
  afterAll(async () => {
    await pg?.end();
    await t?.close();
  });

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${t.baseUrl}${path}`, { headers });
    return { status: res.status, headers: res.headers, body: await res.text() };
  };
  const svgText = (svg: string) => parseXml(svg, 'image/svg+xml').documentElement!.textContent ?? '';

  it('answers the uptime, status and response badges of a public monitor with the reference colours and a 5-minute cache', async () => {
    const uptime = await get(`/badge/${pub}.svg`);
    expect(uptime.status).toBe(200);
    expect(uptime.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(uptime.headers.get('cache-control')).toBe('public, max-age=300, stale-while-revalidate=60');
    expect(uptime.headers.get('etag')).toBeTruthy();
    expect(uptime.headers.get('x-content-type-options')).toBe('nosniff');
    expect(svgText(uptime.body)).toContain('99.2%');
    expect(uptime.body).toContain('#a4a61d'); // yellow-green: ≥ 99 %, < 99.5 %

    const status = await get(`/badge/${pub}/status.svg`);
    expect(status.status).toBe(200);
    expect(svgText(status.body)).toContain('up');
    expect(status.body).toContain('#4c1');

    const response = await get(`/badge/${pub}/response.svg`);
    expect(svgText(response.body)).toContain('1.83s');
    expect(response.body).toContain('#dfb317'); // yellow: < 3 s

    await pg.query(`UPDATE monitor_state SET status = 'down', last_response_ms = 3100 WHERE monitor_id = $1`, [pub]);
    expect((await get(`/badge/${pub}/status.svg`)).body).toContain('#e05d44');
    expect(svgText((await get(`/badge/${pub}/status.svg`)).body)).toContain('down');
    expect((await get(`/badge/${pub}/response.svg`)).body).toContain('#e05d44');
  });

  it('revalidates with the ETag (304, no body)', async () => {
    const first = await get(`/badge/${pub}.svg`);
    // undici's request, not fetch: fetch adds "Cache-Control: no-cache" to a conditional request.
    const again = await request(`${t.baseUrl}/badge/${pub}.svg`, {
      headers: { 'if-none-match': first.headers.get('etag')! },
    });
    expect(again.statusCode).toBe(304);
    expect(await again.body.text()).toBe('');
  });

  it('answers the Shields endpoint JSON', async () => {
    const res = await get(`/badge/${pub}/shields.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300, stale-while-revalidate=60');
    expect(JSON.parse(res.body)).toEqual({
      schemaVersion: 1,
      label: 'uptime',
      message: '99.2%',
      color: 'yellowgreen',
      cacheSeconds: 300,
    });
    expect(JSON.parse((await get(`/badge/${pub}/shields.json?type=status`)).body)).toMatchObject({
      label: 'status',
      message: 'down',
      color: 'red',
    });
    const bad = await get(`/badge/${pub}/shields.json?type=%3Cscript%3E`);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ schemaVersion: 1, isError: true });
  });

  it('answers a "not found" badge for a private, unknown or hostile id, never a 5xx', async () => {
    for (const id of [
      priv,
      'mon_doesnotexist',
      '%00',
      'a%00b',
      '%F0%9F%91%8D',
      '%3Cscript%3E',
      'x'.repeat(5000),
      "'%20OR%201=1--",
    ]) {
      for (const path of [`/badge/${id}.svg`, `/badge/${id}/status.svg`, `/badge/${id}/response.svg`]) {
        const res = await get(path);
        expect([404, 431]).toContain(res.status);
        if (res.status === 404) {
          expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
          expect(res.headers.get('cache-control')).toBe('public, max-age=60');
          expect(svgText(res.body)).toContain('not found');
          expect(res.body).not.toContain('Private API');
        }
      }
      const json = await get(`/badge/${id}/shields.json`);
      expect([404, 431]).toContain(json.status);
    }
  });

  it('shows a paused monitor as paused and a monitor without rounds as n/a', async () => {
    await pg.query(`UPDATE monitors SET paused = true WHERE id = $1`, [pub]);
    await pg.query(
      `UPDATE monitor_state SET checks_total = 0, checks_failed = 0, last_response_ms = NULL WHERE monitor_id = $1`,
      [pub],
    );
    expect(svgText((await get(`/badge/${pub}/status.svg`)).body)).toContain('paused');
    expect(svgText((await get(`/badge/${pub}.svg`)).body)).toContain('n/a');
    expect(svgText((await get(`/badge/${pub}/response.svg`)).body)).toContain('n/a');
  });

  it('answers the "unavailable" badge, not a 500 page, when the badge cannot be computed', async () => {
    await pg.query('ALTER TABLE monitors RENAME COLUMN public TO public_gone'); // the query fails from here on
    try {
      const res = await get(`/badge/${pub}/status.svg`);
      expect(res.status).toBe(500);
      expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(svgText(res.body)).toContain('unavailable');
      const json = await get(`/badge/${pub}/shields.json`);
      expect(json.status).toBe(500);
      expect(JSON.parse(json.body)).toMatchObject({ schemaVersion: 1, message: 'unavailable', isError: true });
    } finally {
      await pg.query('ALTER TABLE monitors RENAME COLUMN public_gone TO public');
    }
  });
});
