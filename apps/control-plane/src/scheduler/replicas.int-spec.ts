import { Client } from 'pg';
import { Clock } from '../common/clock';
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
    const pg = new Client({ connectionString: a.databaseUrl });
    await pg.connect();
    // Both replicas' clocks held at the same instant and moved one interval at a time; their
    // schedulers keep ticking (every 50 ms) and race for the due rounds at each instant.
    const clocks = [a.app.get(Clock), b.app.get(Clock)];
    const t0 = Date.now();
    const setClocks = (at: number) => clocks.forEach((c) => c.set(at));
    const STEPS = 4;
    const ids: string[] = [];
    /** Every monitor's rounds due at `at` claimed (its next due time is later). */
    const claimedThrough = async (at: number) =>
      (
        await pg.query(
          'SELECT count(*)::int AS n FROM monitor_schedule WHERE monitor_id = ANY($1) AND next_due_at <= $2',
          [ids, new Date(at)],
        )
      ).rows[0].n === 0;
    setClocks(t0);
    try {
      for (let i = 0; i < 30; i++) {
        const res = await call(i % 2 ? a.api : b.api, key, 'POST', '/monitors', {
          name: `r${i}`,
          url: 'http://127.0.0.1:1/',
          check_interval: 1,
          timeout: 1,
        });
        expect(res.status).toBe(201);
        ids.push(res.body.data.id);
      }
      await waitFor('first rounds claimed', () => claimedThrough(t0));
      for (let step = 1; step <= STEPS; step++) {
        setClocks(t0 + step * 1000);
        await waitFor(`rounds of step ${step} claimed`, () => claimedThrough(t0 + step * 1000));
      }
      for (const id of ids) await call(a.api, key, 'PATCH', `/monitors/${id}/toggle`, { is_active: false });
    } finally {
      clocks.forEach((c) => c.set(null));
    }

    // Every (monitor, round, region) job was published exactly once.
    const seen = new Map<string, number>();
    for (const j of probes.jobs) seen.set(`${j.job_id}.${j.region}`, (seen.get(`${j.job_id}.${j.region}`) ?? 0) + 1);
    const dupes = [...seen.entries()].filter(([, n]) => n > 1);
    expect(dupes).toEqual([]);
    // One round per monitor at creation and one per interval the clock moved: 30 × 3 regions × 5.
    expect(seen.size).toBe(30 * 3 * (STEPS + 1));

    // Both replicas claimed rounds, and together they stored each result once.
    const claimed = async (t: TestApp) =>
      Number(/parallax_rounds_claimed_total (\d+)/.exec(await (await fetch(`${t.baseUrl}/metrics`)).text())?.[1] ?? 0);
    expect(await claimed(a)).toBeGreaterThan(0);
    expect(await claimed(b)).toBeGreaterThan(0);
    try {
      await waitFor(
        'all rounds decided',
        async () => (await pg.query('SELECT count(*)::int AS n FROM rounds WHERE decided_at IS NULL')).rows[0].n === 0,
      );
      const rounds = (await pg.query('SELECT count(*)::int AS n FROM rounds')).rows[0].n;
      const results = (await pg.query('SELECT count(*)::int AS n FROM check_results')).rows[0].n;
      expect(results).toBe(rounds * 3);
      expect(rounds).toBe(seen.size / 3);
      // No burst: each monitor has exactly one round at each instant the clock was at.
      const perMonitor = (
        await pg.query(
          `SELECT monitor_id, count(*)::int AS n, count(DISTINCT scheduled_at)::int AS instants FROM rounds GROUP BY monitor_id`,
        )
      ).rows;
      expect(perMonitor).toHaveLength(30);
      for (const r of perMonitor) expect(r).toEqual({ monitor_id: r.monitor_id, n: STEPS + 1, instants: STEPS + 1 });
    } finally {
      await pg.end();
    }
  });
});
