import { Client } from 'pg';
import { Clock } from '../common/clock';
import { FakeProbes, waitFor } from '../testing/fake-probe';
import { call, signup, startTestApp, TestApp } from '../testing/harness';

jest.setTimeout(180_000);

const INTERVAL = 300;
const ALL = ['eu-west', 'us-east', 'ap-south'];

/**
 * Regional incidents (decisions/regional-incident.ts) through the real pipeline: scheduler →
 * NATS → fake probes → JetStream → ingestion → decision, real PostgreSQL and NATS, on a
 * frozen clock advanced one interval at a time (rounds claimed while it stands still are the
 * confirmation rounds the second opinion asks for).
 */
describe('regional incidents', () => {
  let t: TestApp;
  let key: string;
  let probes: FakeProbes;
  let pg: Client;
  let clock: Clock;
  /** Failing regions per round, in the order the monitor's rounds come (default: every region up). */
  const script = new Map<string, string[][]>();
  const seen = new Map<string, number[]>();

  beforeAll(async () => {
    t = await startTestApp({
      ROUND_GRACE_SECONDS: '1',
      SCHEDULER_TICK_MS: '100',
      PRESENCE_TTL_SECONDS: '3600',
      REGION_GRACE_SECONDS: '3600',
    });
    clock = t.app.get(Clock);
    key = (await signup(t.api)).key;
    pg = new Client({ connectionString: t.databaseUrl });
    await pg.connect();
    probes = new FakeProbes(t.natsPrefix, ALL);
    probes.verdict = (region, job) => {
      const rounds = seen.get(job.monitor_id) ?? [];
      if (!rounds.includes(job.round)) rounds.push(job.round);
      seen.set(job.monitor_id, rounds);
      const failing = script.get(job.monitor_id)?.[rounds.indexOf(job.round)] ?? [];
      return failing.includes(region)
        ? { is_up: false, status_code: 503, response_ms: 40 }
        : { is_up: true, status_code: 200, response_ms: 20 };
    };
    await probes.start();
    clock.freeze();
  });
  afterAll(async () => {
    clock?.set(null);
    await probes?.stop();
    await pg?.end();
    await t?.close();
  });

  const get = async (id: string) => (await call(t.api, key, 'GET', `/monitors/${id}`)).body.data;
  const decided = async (id: string) =>
    (
      await pg.query(
        `SELECT round::int AS round, outcome, scheduled_at FROM rounds WHERE monitor_id = $1 AND decided_at IS NOT NULL ORDER BY scheduled_at, round`,
        [id],
      )
    ).rows as { round: number; outcome: string; scheduled_at: Date }[];
  const incidents = async (id: string, type?: string) =>
    (await call(t.api, key, 'GET', `/incidents?monitor_id=${id}${type ? `&type=${type}` : ''}`)).body.data;
  const events = async (id: string) =>
    (
      await pg.query(
        `SELECT event, payload FROM notification_deliveries WHERE monitor_id = $1 AND channel = 'monitor_webhook' ORDER BY sequence`,
        [id],
      )
    ).rows as { event: string; payload: Record<string, any> }[];
  const streaks = async (id: string) =>
    (await pg.query(`SELECT region, rounds FROM region_streaks WHERE monitor_id = $1 ORDER BY region`, [id])).rows;
  const create = async (name: string, failing: string[][], extra: Record<string, unknown> = {}) => {
    const m = (
      await call(t.api, key, 'POST', '/monitors', {
        name,
        url: 'http://127.0.0.1:1/',
        check_interval: INTERVAL,
        timeout: 2,
        webhook_url: 'http://127.0.0.1:9/hook',
        ...extra,
      })
    ).body.data;
    script.set(m.id, failing);
    await waitFor('first round decided', async () => (await decided(m.id)).length === 1);
    return m;
  };
  const nextInterval = () => clock.advance(INTERVAL * 1000);

  it('one region failing 3 rounds opens a regional incident notified as monitor.degraded (never down); its recovery resolves it', async () => {
    // Rounds: up; eu-west failing (degraded, waits for confirmation), its confirmation; the third failing round; up, its confirmation.
    const m = await create('regional', [[], ['eu-west'], ['eu-west'], ['eu-west'], [], []]);
    expect(m.regional_incident_rounds).toBe(3);
    const page = await call(t.api, key, 'POST', '/status-pages', {
      slug: 'regional-page',
      title: 'Regional',
      monitor_ids: [m.id],
    });
    expect(page.status).toBe(201);
    const hook = await call(t.api, key, 'POST', '/webhooks', {
      url: 'http://127.0.0.1:9/account-hook',
      events: ['monitor.down', 'monitor.degraded', 'incident.created', 'incident.resolved'],
    });
    expect(hook.status).toBe(201);

    nextInterval();
    await waitFor('degraded', async () => (await get(m.id)).status === 'degraded');
    expect((await decided(m.id)).map((r) => r.outcome)).toEqual(['up', 'degraded', 'degraded']);
    expect(await streaks(m.id)).toEqual([{ region: 'eu-west', rounds: 2 }]);
    expect(await incidents(m.id)).toEqual([]);

    nextInterval();
    const [open] = await waitFor('regional incident', async () => {
      const list = await incidents(m.id, 'regional');
      return list.length ? list : null;
    });
    const rounds = await decided(m.id);
    expect(rounds.map((r) => r.outcome)).toEqual(['up', 'degraded', 'degraded', 'degraded']);
    expect(open).toMatchObject({
      type: 'regional',
      status: 'open',
      affected_regions: ['eu-west'],
      title: 'regional is degraded in eu-west',
      impact: 'minor',
    });
    expect(Date.parse(open.started_at)).toBe(rounds[1].scheduled_at.getTime()); // from the streak's first failing round
    expect(await incidents(m.id, 'automatic')).toEqual([]);
    expect((await get(m.id)).status).toBe('degraded');
    let ev = await events(m.id);
    expect(ev.map((e) => e.event)).toEqual(['monitor.up', 'monitor.degraded', 'monitor.degraded']);
    expect(ev[2].payload).toMatchObject({
      status: 'degraded',
      regional: { incident_id: open.id, state: 'open', affected_regions: ['eu-west'], rounds: 3 },
      incident: { id: open.id, type: 'regional' },
    });
    const outbox = (
      await pg.query(`SELECT DISTINCT event FROM notification_deliveries WHERE monitor_id = $1`, [m.id])
    ).rows.map((r: { event: string }) => r.event);
    expect(outbox).not.toContain('monitor.down');

    // The status page shows it (HTML and the StatusCore JSON) without trouble.
    const html = await fetch(`${t.baseUrl}/s/regional-page`);
    expect(html.status).toBe(200);
    expect(await html.text()).toContain('regional is degraded in eu-west');
    const json = await fetch(`${t.baseUrl}/api/public/status/regional-page`);
    expect(json.status).toBe(200);
    const doc = await json.json();
    expect(doc.incidents).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: open.id,
          type: 'regional',
          status: 'open',
          title: 'regional is degraded in eu-west',
        }),
      ]),
    );

    nextInterval();
    await waitFor('up', async () => (await get(m.id)).status === 'up');
    const [resolved] = await incidents(m.id, 'regional');
    const after = await decided(m.id);
    expect(resolved.status).toBe('resolved');
    expect(Date.parse(resolved.resolved_at)).toBe(after[4].scheduled_at.getTime()); // the first round eu-west answered again
    expect(resolved.duration_seconds).toBe(2 * INTERVAL);
    expect(await streaks(m.id)).toEqual([]);
    ev = await events(m.id);
    expect(ev.map((e) => e.event)).toEqual(['monitor.up', 'monitor.degraded', 'monitor.degraded', 'monitor.up']);
    // The account webhook: the regional incident's monitor.degraded and incident.* (type regional), never monitor.down.
    const account = (
      await pg.query(
        `SELECT event, payload FROM notification_deliveries WHERE monitor_id = $1 AND webhook_id = $2 ORDER BY sequence`,
        [m.id, hook.body.data.id],
      )
    ).rows;
    expect(account.map((r: { event: string }) => r.event)).toEqual([
      'monitor.degraded',
      'monitor.degraded',
      'incident.created',
      'incident.resolved',
    ]);
    expect(account[2].payload.incident).toMatchObject({ id: open.id, type: 'regional', affected_regions: ['eu-west'] });
    expect(account[3].payload).toMatchObject({
      regional: { incident_id: open.id, state: 'resolved', reason: 'recovered' },
      incident: { type: 'regional', duration_seconds: 2 * INTERVAL },
    });
    const detail = (await call(t.api, key, 'GET', `/incidents/${resolved.id}`)).body.data;
    expect(detail.type).toBe('regional');
  });

  it('a region failing fewer than K rounds opens nothing; K = 0 turns it off', async () => {
    const m = await create('short', [[], ['eu-west'], ['eu-west'], [], []]);
    nextInterval();
    await waitFor('degraded', async () => (await get(m.id)).status === 'degraded');
    nextInterval();
    await waitFor('up', async () => (await get(m.id)).status === 'up');
    expect(await incidents(m.id)).toEqual([]);
    expect(await streaks(m.id)).toEqual([]);

    const off = await create('off', [[], ['eu-west'], ['eu-west'], ['eu-west'], ['eu-west']], {
      regional_incident_rounds: 0,
    });
    expect(off.regional_incident_rounds).toBe(0);
    nextInterval();
    await waitFor('degraded', async () => (await get(off.id)).status === 'degraded');
    nextInterval();
    await waitFor('fourth round', async () => (await decided(off.id)).length === 4);
    nextInterval();
    await waitFor('fifth round', async () => (await decided(off.id)).length === 5);
    expect(await incidents(off.id)).toEqual([]);
    expect(await streaks(off.id)).toEqual([{ region: 'eu-west', rounds: 4 }]);
  });

  it('a full outage supersedes it: the regional incident is resolved and the outage incident opens', async () => {
    const m = await create('supersede', [[], ['eu-west'], ['eu-west'], ['eu-west'], ALL, ALL, [], []]);
    nextInterval();
    await waitFor('degraded', async () => (await get(m.id)).status === 'degraded');
    nextInterval();
    const [regional] = await waitFor('regional incident', async () => {
      const list = await incidents(m.id, 'regional');
      return list.length ? list : null;
    });
    nextInterval();
    await waitFor('down', async () => (await get(m.id)).status === 'down');
    const [superseded] = await incidents(m.id, 'regional');
    expect(superseded).toMatchObject({ id: regional.id, status: 'resolved' });
    const [outage] = await incidents(m.id, 'automatic');
    expect(outage).toMatchObject({ type: 'automatic', status: 'open' });
    expect([...outage.affected_regions].sort()).toEqual([...ALL].sort());
    const timeline = (
      await pg.query(`SELECT label, content FROM incident_updates WHERE incident_id = $1 ORDER BY created_at`, [
        regional.id,
      ])
    ).rows;
    expect(timeline.map((u: { label: string }) => u.label)).toEqual(['Detected', 'Resolved']);
    expect(timeline[1].content).toMatch(/^Superseded after/);
    const ev = (await events(m.id)).map((e) => e.event);
    expect(ev).toEqual(['monitor.up', 'monitor.degraded', 'monitor.degraded', 'monitor.down']);

    nextInterval();
    await waitFor('up', async () => (await get(m.id)).status === 'up');
    expect((await incidents(m.id, 'automatic'))[0].status).toBe('resolved');
    expect((await incidents(m.id, 'regional')).length).toBe(1); // no second regional incident after the outage
    expect(await streaks(m.id)).toEqual([]);
  });

  it('validates regional_incident_rounds (0..20); a heartbeat shows none', async () => {
    for (const v of [21, -1, 2.5, 'x', null]) {
      expect(
        (
          await call(t.api, key, 'POST', '/monitors', {
            name: 'bad',
            url: 'http://127.0.0.1:1/',
            check_interval: INTERVAL,
            regional_incident_rounds: v,
          })
        ).status,
      ).toBe(422);
    }
    const m = (
      await call(t.api, key, 'POST', '/monitors', {
        name: 'ok',
        url: 'http://127.0.0.1:1/',
        check_interval: INTERVAL,
        regional_incident_rounds: 5,
      })
    ).body.data;
    expect(m.regional_incident_rounds).toBe(5);
    expect(
      (await call(t.api, key, 'PATCH', `/monitors/${m.id}`, { regional_incident_rounds: 1 })).body.data
        .regional_incident_rounds,
    ).toBe(1);
    const hb = (
      await call(t.api, key, 'POST', '/monitors', { name: 'hb', monitor_type: 'heartbeat', heartbeat_interval: 60 })
    ).body.data;
    expect(hb.regional_incident_rounds).toBeNull();
    expect((await call(t.api, key, 'GET', '/incidents?type=regional')).status).toBe(200);
  });
});
