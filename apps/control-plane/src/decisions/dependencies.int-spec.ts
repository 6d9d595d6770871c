import { Client } from 'pg';
import { Clock } from '../common/clock';
import { FakeProbes, waitFor } from '../testing/fake-probe';
import { call, signup, startTestApp, TestApp } from '../testing/harness';

jest.setTimeout(120_000);

const INTERVAL = 300;

/**
 * Dependencies (issue 15 item 6, decisions/dependencies.ts) through the real pipeline:
 * scheduler → NATS → fake probes → JetStream → ingestion → decision, real PostgreSQL, on a
 * frozen Clock (a monitor's next round comes when the test advances it by the interval).
 */
describe('monitor dependencies', () => {
  let t: TestApp;
  let key: string;
  let otherKey: string;
  let probes: FakeProbes;
  let pg: Client;
  let clock: Clock;
  /** Monitor id → failing regions (default: every region up). */
  const failing = new Map<string, string[]>();

  beforeAll(async () => {
    t = await startTestApp({
      ROUND_GRACE_SECONDS: '1',
      SCHEDULER_TICK_MS: '100',
      PRESENCE_TTL_SECONDS: '3600',
      REGION_GRACE_SECONDS: '3600',
    });
    clock = t.app.get(Clock);
    key = (await signup(t.api)).key;
    otherKey = (await signup(t.api)).key;
    pg = new Client({ connectionString: t.databaseUrl });
    await pg.connect();
    probes = new FakeProbes(t.natsPrefix, ['eu-west', 'us-east', 'ap-south']);
    probes.verdict = (region, job) =>
      (failing.get(job.monitor_id) ?? []).includes(region)
        ? { is_up: false, status_code: 503, response_ms: 40 }
        : { is_up: true, status_code: 200, response_ms: 20 };
    await probes.start();
    clock.freeze();
  });
  afterAll(async () => {
    clock?.set(null);
    await probes?.stop();
    await pg?.end();
    await t?.close();
  });

  const api = (method: string, path: string, body?: unknown, k = key) => call(t.api, k, method, path, body);
  const get = async (id: string) => (await api('GET', `/monitors/${id}`)).body.data;
  const decided = async (id: string) =>
    (await pg.query(`SELECT count(*)::int AS n FROM rounds WHERE monitor_id = $1 AND decided_at IS NOT NULL`, [id]))
      .rows[0].n as number;
  const incidents = async (id: string) =>
    (await api('GET', `/incidents?monitor_id=${id}`)).body.data as {
      id: string;
      status: string;
      caused_by_incident_id: string | null;
    }[];
  const deliveries = async (id: string) =>
    (
      await pg.query(
        `SELECT event, status, last_error FROM notification_deliveries WHERE monitor_id = $1 ORDER BY sequence`,
        [id],
      )
    ).rows as { event: string; status: string; last_error: string | null }[];
  const create = async (name: string, extra: Record<string, unknown> = {}) => {
    const res = await api('POST', '/monitors', {
      name,
      url: 'http://127.0.0.1:1/',
      check_interval: INTERVAL,
      timeout: 2,
      confirmation_rounds: 0,
      recovery_rounds: 0,
      webhook_url: 'http://127.0.0.1:9/hook',
      ...extra,
    });
    expect(res.status).toBe(201);
    await waitFor(`${name}: first round decided`, async () => (await decided(res.body.data.id)) === 1);
    return res.body.data as { id: string; depends_on: string[] };
  };
  /** The next interval's rounds of these monitors, decided. */
  const nextRounds = async (...ids: string[]) => {
    const before = await Promise.all(ids.map(decided));
    clock.advance(INTERVAL * 1000);
    await waitFor('next rounds decided', async () =>
      (await Promise.all(ids.map(decided))).every((n, i) => n > before[i]),
    );
  };
  const fail = (id: string) => failing.set(id, ['eu-west', 'us-east', 'ap-south']);
  const heal = (id: string) => failing.delete(id);

  it('refuses depends_on naming itself, an unknown or another account’s monitor, or closing a cycle (422 naming the field); accepts its own monitors', async () => {
    const a = await create('dep-a');
    const b = await create('dep-b', { depends_on: [a.id] });
    expect(b.depends_on).toEqual([a.id]);
    const foreign = (
      await api('POST', '/monitors', { name: 'theirs', url: 'http://127.0.0.1:1/', check_interval: INTERVAL }, otherKey)
    ).body.data;
    const cases: [string, Record<string, unknown>, string, RegExp][] = [
      [a.id, { depends_on: [a.id] }, 'depends_on[0]', /cannot depend on itself/],
      [
        a.id,
        { depends_on: ['mon_doesnotexist0000'] },
        'depends_on[0]',
        /no monitor "mon_doesnotexist0000" in this account/,
      ],
      [a.id, { depends_on: [foreign.id] }, 'depends_on[0]', new RegExp(`no monitor "${foreign.id}" in this account`)],
      [a.id, { depends_on: [b.id] }, 'depends_on', new RegExp(`cycle: ${a.id} → ${b.id} → ${a.id}`)],
      [a.id, { depends_on: 'x' }, 'depends_on', /array of monitor ids/],
    ];
    for (const [id, body, field, message] of cases) {
      const res = await api('PATCH', `/monitors/${id}`, body);
      expect({ body, status: res.status }).toEqual({ body, status: 422 });
      const details = res.body.details as { field: string; message: string }[];
      expect(details.map((d) => d.field)).toContain(field);
      expect(details.map((d) => d.message).join('\n')).toMatch(message);
    }
    expect(
      (await api('POST', '/monitors', { name: 'c', url: 'http://127.0.0.1:1/', depends_on: [foreign.id] })).status,
    ).toBe(422);
    expect((await get(a.id)).depends_on).toEqual([]);
    // Deleting a dependency takes it out of its dependants' lists.
    expect((await api('DELETE', `/monitors/${a.id}`)).status).toBe(200);
    expect((await get(b.id)).depends_on).toEqual([]);
  });

  it('while a dependency is down, a dependant that goes down is linked to its incident and its notifications are recorded as suppressed; once the dependency is up, the dependant still down is notified down (was up), then its recovery', async () => {
    const db = await create('database');
    const app = await create('app', { depends_on: [db.id] });
    fail(db.id);
    await nextRounds(db.id, app.id);
    expect((await get(db.id)).status).toBe('down');
    const [dbIncident] = await incidents(db.id);
    expect(dbIncident.status).toBe('open');

    fail(app.id);
    await nextRounds(db.id, app.id);
    expect((await get(app.id)).status).toBe('down');
    const [appIncident] = await incidents(app.id);
    expect(appIncident).toMatchObject({ status: 'open', caused_by_incident_id: dbIncident.id });
    const appRows = await deliveries(app.id);
    // Its first "up" went out; its down (and a reminder-free steady down) is suppressed, with the reason.
    expect(appRows.map((r) => `${r.event}:${r.status === 'suppressed' ? 'suppressed' : 'sent'}`)).toEqual([
      'monitor.up:sent',
      'monitor.down:suppressed',
    ]);
    expect(appRows[1].last_error).toBe(`suppressed: depends on ${db.id}, which is down (incident ${dbIncident.id})`);
    // The dependency's own notifications are not suppressed.
    expect((await deliveries(db.id)).map((r) => r.status)).not.toContain('suppressed');

    heal(db.id);
    // Two intervals: in one of them the dependency's recovery is committed before the dependant's round is decided.
    await nextRounds(db.id, app.id);
    await nextRounds(db.id, app.id);
    expect((await get(db.id)).status).toBe('up');
    expect((await get(app.id)).status).toBe('down');
    const held = await deliveries(app.id);
    expect(held.slice(2).map((r) => `${r.event}:${r.status === 'suppressed' ? 'suppressed' : 'sent'}`)).toEqual([
      'monitor.down:sent',
    ]);
    expect(
      (
        await pg.query(
          `SELECT payload FROM notification_deliveries WHERE monitor_id = $1 ORDER BY sequence DESC LIMIT 1`,
          [app.id],
        )
      ).rows[0].payload,
    ).toMatchObject({ event: 'monitor.down', previous_status: 'up' });
    heal(app.id);
    await nextRounds(db.id, app.id);
    expect((await get(app.id)).status).toBe('up');
    const after = await deliveries(app.id);
    expect(after.slice(3).map((r) => `${r.event}:${r.status === 'suppressed' ? 'suppressed' : 'sent'}`)).toEqual([
      'monitor.up:sent',
    ]);
    expect((await incidents(app.id))[0]).toMatchObject({ status: 'resolved', caused_by_incident_id: dbIncident.id });
  });

  it('a dependant already down when its dependency goes down gets its open incident linked to the dependency’s', async () => {
    const db = await create('database-2');
    const app = await create('app-2', { depends_on: [db.id] });
    fail(app.id);
    await nextRounds(db.id, app.id);
    const [appIncident] = await incidents(app.id);
    expect(appIncident).toMatchObject({ status: 'open', caused_by_incident_id: null });
    fail(db.id);
    await nextRounds(db.id, app.id);
    const [dbIncident] = await incidents(db.id);
    expect((await incidents(app.id))[0]).toMatchObject({ id: appIncident.id, caused_by_incident_id: dbIncident.id });
    heal(db.id);
    heal(app.id);
  });
});
