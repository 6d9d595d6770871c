import { Client } from 'pg';
import { call, signup, startTestApp, TestApp } from '../testing/harness';

jest.setTimeout(60_000);

/**
 * The API reads the decision read model from `monitor_state` (decisions' table, issue 12
 * item 1): a monitor without a row reads as pending with nothing counted, the list's status
 * filter and its total follow the state rows, and the document shows a row's values.
 */
describe('monitors API over monitor_state (real PostgreSQL + NATS)', () => {
  let t: TestApp;
  let key: string;
  let pg: Client;

  beforeAll(async () => {
    t = await startTestApp();
    key = (await signup(t.api)).key;
    pg = new Client({ connectionString: t.databaseUrl });
    await pg.connect();
  });
  afterAll(async () => {
    await pg?.end();
    await t?.close();
  });

  /** A paused monitor (never scheduled, so never decided while the test runs). */
  const create = async (name: string): Promise<string> => {
    const body = { name, url: 'http://127.0.0.1:9/', check_interval: 60, paused: true };
    const res = await call(t.api, key, 'POST', '/monitors', body);
    expect(res.status).toBe(201);
    return res.body.data.id;
  };
  const list = async (query: string) => {
    const res = await call(t.api, key, 'GET', `/monitors?${query}`);
    expect(res.status).toBe(200);
    return { ids: res.body.data.map((m: { id: string }) => m.id) as string[], total: res.body.meta.total as number };
  };

  it('filters and counts by the state rows; a monitor without one is pending; the document shows the row', async () => {
    const fresh = await create('never decided');
    const pending = await create('decided, still pending');
    const down = await create('down');
    const up = await create('up');
    const stateRows = async (id: string) =>
      (await pg.query(`SELECT monitor_id FROM monitor_state WHERE monitor_id = $1`, [id])).rowCount;
    expect(await stateRows(fresh)).toBe(0);
    await pg.query(
      `INSERT INTO monitor_state (monitor_id, status, pending_status, pending_rounds, pending_since, checks_total,
                                  checks_failed, last_checked, location_status, updated_at)
       VALUES ($1, 'pending', 'down', 1, '2026-05-01T10:00:00Z', 0, 0, NULL, NULL, '2000-01-01T00:00:00Z'),
              ($2, 'down', NULL, 0, NULL, 10, 4, '2026-05-01T10:00:00Z', '{"eu-west": "down"}',
               '2999-01-01T00:00:00Z'),
              ($3, 'up', NULL, 0, NULL, 7, 0, '2026-05-01T10:00:00Z', '{"eu-west": "up"}', '2000-01-01T00:00:00Z')`,
      [pending, down, up],
    );

    expect(await list('status=pending&limit=1')).toEqual({ ids: [fresh], total: 2 });
    expect(await list('status=pending')).toEqual({ ids: [fresh, pending], total: 2 });
    expect(await list('status=down')).toEqual({ ids: [down], total: 1 });
    expect(await list('status=up')).toEqual({ ids: [up], total: 1 });
    expect(await list('status=degraded')).toEqual({ ids: [], total: 0 });
    expect(await list('status=paused')).toEqual({ ids: [fresh, pending, down, up], total: 4 });
    expect(await list('limit=100')).toEqual({ ids: [fresh, pending, down, up], total: 4 });

    const doc = async (id: string) => (await call(t.api, key, 'GET', `/monitors/${id}`)).body.data;
    const none = await doc(fresh);
    expect(none).toMatchObject({ status: 'pending', pending_status: null, checks_total: 0, checks_failed: 0 });
    expect(none).toMatchObject({ uptime_percent: 100, last_checked: null, location_status: null });
    expect(none).toMatchObject({ last_response_by_region: null, status_changed_at: null });
    expect(await doc(pending)).toMatchObject({ status: 'pending', pending_status: 'down' });
    const d = await doc(down);
    expect(d).toMatchObject({ status: 'down', checks_total: 10, checks_failed: 4, uptime_percent: 60 });
    expect(d).toMatchObject({ last_checked: '2026-05-01T10:00:00.000Z', location_status: { 'eu-west': 'down' } });
    // updated_at: the later of the monitor's own and its state row's (the decisions moved it before the split).
    expect(d.updated_at).toBe('2999-01-01T00:00:00.000Z');
    const own = (await pg.query(`SELECT updated_at FROM monitors WHERE id = $1`, [up])).rows[0].updated_at as Date;
    expect((await doc(up)).updated_at).toBe(own.toISOString());

    // A deleted monitor takes its state row with it (FK ON DELETE CASCADE).
    expect((await call(t.api, key, 'DELETE', `/monitors/${down}`)).status).toBeLessThan(300);
    expect(await stateRows(down)).toBe(0);
  });
});
