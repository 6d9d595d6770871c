import { Client } from 'pg';
import { FakeProbes, waitFor } from '../testing/fake-probe';
import { call, signup, startTestApp, TestApp } from '../testing/harness';

jest.setTimeout(90_000);

/** Two control-plane replicas on one database and NATS: every round dispatched once, every result stored once. */
describe('two control-plane replicas', () => {
  let a: TestApp;
  let b: TestApp;
  let probes: FakeProbes;

  beforeAll(async () => {
    a = await startTestApp({ SCHEDULER_TICK_MS: '50', ROUND_GRACE_SECONDS: '1', PLAN_FREE_MAX_MONITORS: '100' });
    b = await startTestApp({ SCHEDULER_TICK_MS: '50', ROUND_GRACE_SECONDS: '1', PLAN_FREE_MAX_MONITORS: '100' }, a);
    probes = new FakeProbes(a.natsPrefix, ['eu-west', 'us-east', 'ap-south']);
    await probes.start();
  });
  afterAll(async () => {
    await probes?.stop();
    await b?.close();
    await a?.close();
  });

  it('share the rounds without dispatching any round twice', async () => {
    const { key } = await signup(a.api);
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await call(i % 2 ? a.api : b.api, key, 'POST', '/monitors', { name: `r${i}`, url: 'http://127.0.0.1:1/', check_interval: 1, timeout: 1 });
      expect(res.status).toBe(201);
      ids.push(res.body.data.id);
    }
    await new Promise((r) => setTimeout(r, 6_000));
    for (const id of ids) await call(a.api, key, 'PATCH', `/monitors/${id}/toggle`, { is_active: false });

    // Every (monitor, round, region) job was published exactly once.
    const seen = new Map<string, number>();
    for (const j of probes.jobs) seen.set(`${j.job_id}.${j.region}`, (seen.get(`${j.job_id}.${j.region}`) ?? 0) + 1);
    const dupes = [...seen.entries()].filter(([, n]) => n > 1);
    expect(dupes).toEqual([]);
    expect(seen.size).toBeGreaterThanOrEqual(30 * 3 * 4);

    // Both replicas claimed rounds, and together they stored each result once.
    const claimed = async (t: TestApp) => Number(/parallax_rounds_claimed_total (\d+)/.exec(await (await fetch(`${t.baseUrl}/metrics`)).text())?.[1] ?? 0);
    expect(await claimed(a)).toBeGreaterThan(0);
    expect(await claimed(b)).toBeGreaterThan(0);
    const pg = new Client({ connectionString: a.databaseUrl });
    await pg.connect();
    try {
      await waitFor('all rounds decided', async () => (await pg.query('SELECT count(*)::int AS n FROM rounds WHERE decided_at IS NULL')).rows[0].n === 0);
      const rounds = (await pg.query('SELECT count(*)::int AS n FROM rounds')).rows[0].n;
      const results = (await pg.query('SELECT count(*)::int AS n FROM check_results')).rows[0].n;
      expect(results).toBe(rounds * 3);
      expect(rounds).toBe(seen.size / 3);
      const perSecond = (await pg.query(`SELECT max(n)::int AS n FROM (SELECT monitor_id, count(*) AS n FROM rounds GROUP BY monitor_id, date_trunc('second', scheduled_at)) x`)).rows[0].n;
      expect(perSecond).toBeLessThanOrEqual(2); // no burst: at most one round per second per monitor (2 at a boundary)
    } finally {
      await pg.end();
    }
  });
});
