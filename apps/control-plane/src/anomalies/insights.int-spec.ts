import { Client } from 'pg';
import { Clock } from '../common/clock';
import { call, signup, startTestApp, TestApp } from '../testing/harness';
import { bucketOf } from '../timeseries/histogram';
import { PartitionsService } from '../timeseries/partitions.service';

jest.setTimeout(120_000);

const HOUR_MS = 3_600_000;

/**
 * Insights on real rollups and results in PostgreSQL: two days of hourly rollups (ap-south
 * twice as slow in the last day, eu-west with failures in it), failed results with their
 * errors, a manual incident and an anomaly; the clock frozen on a whole hour.
 */
describe('GET /monitors/{id}/insights', () => {
  let t: TestApp;
  let pg: Client;

  beforeAll(async () => {
    t = await startTestApp();
    pg = new Client({ connectionString: t.databaseUrl });
    await pg.connect();
  });

  afterAll(async () => {
    t?.app.get(Clock).set(null);
    await pg?.end();
    await t?.close();
  });

  it('compares the period with the one before per region, names the slowest region and the error classes, lists incidents and anomalies', async () => {
    const { key, accountId } = await signup(t.api);
    const other = await signup(t.api);
    const create = async (name: string) =>
      (
        await call(t.api, key, 'POST', '/monitors', {
          name,
          url: 'http://127.0.0.1:1/',
          check_interval: 60,
          paused: true,
        })
      ).body.data.id as string;
    const id = await create('insightful');
    const unrelated = await create('unrelated');
    const now = Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
    t.app.get(Clock).set(now);
    // Read everything from hourly rollups (no daily ones are built here).
    await pg.query(
      `INSERT INTO rollup_folds (monitor_id, folded_through) VALUES ($1, $2::date) ON CONFLICT (monitor_id) DO UPDATE SET folded_through = EXCLUDED.folded_through`,
      [id, new Date(now - 10 * 24 * HOUR_MS).toISOString().slice(0, 10)],
    );

    const rows: unknown[] = [];
    const hour = (region: string, at: number, ms: number, checks: number, failures: number) => {
      const hist: Record<string, number> = { [bucketOf(ms)]: checks };
      rows.push({
        monitor_id: id,
        account_id: accountId,
        region,
        bucket_start: new Date(at).toISOString(),
        checks,
        failures,
        degraded: 0,
        rt_count: checks,
        rt_sum: ms * checks,
        rt_min: ms,
        rt_max: ms,
        hist,
      });
    };
    for (let h = 1; h <= 48; h++) {
      const at = now - h * HOUR_MS;
      const recent = h <= 24;
      hour('eu-west', at, 100, 20, recent && h === 3 ? 2 : 0);
      hour('us-east', at, 50, 20, 0);
      hour('ap-south', at, recent ? 200 : 100, 20, 0);
      hour('*', at, 100, 60, recent && h === 3 ? 1 : 0);
    }
    await pg.query(
      `INSERT INTO rollups_hourly (monitor_id, bucket_start, region, account_id, checks, failures, degraded, rt_count, rt_sum, rt_min, rt_max, hist)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(monitor_id text, bucket_start timestamptz, region text, account_id text, checks int, failures int, degraded int, rt_count int, rt_sum float8, rt_min float8, rt_max float8, hist jsonb)`,
      [JSON.stringify(rows)],
    );
    const failures = [
      { region: 'eu-west', at: now - 3 * HOUR_MS + 60_000, code: 503, error: 'expected status 200, got 503' },
      { region: 'eu-west', at: now - 3 * HOUR_MS + 120_000, code: 503, error: 'expected status 200, got 503' },
      {
        region: 'us-east',
        at: now - 5 * HOUR_MS,
        code: null,
        error: 'timeout after 300 ms (waiting for the response)',
      },
      // The previous period: not counted.
      { region: 'us-east', at: now - 30 * HOUR_MS, code: null, error: 'connection refused (ECONNREFUSED)' },
    ];
    await t.app.get(PartitionsService).ensureFor(failures.map((f) => new Date(f.at)));
    for (const [i, f] of failures.entries()) {
      await pg.query(
        `INSERT INTO check_results (monitor_id, scheduled_at, round, region, account_id, probe_id, is_up, status_code, response_ms, error, phases, checked_at)
         VALUES ($1, $2, $3, $4, $5, 'probe', false, $6, null, $7, '{}', $2)`,
        [id, new Date(f.at), i + 1, f.region, accountId, f.code, f.error],
      );
    }
    const incident = (
      await call(t.api, key, 'POST', '/incidents', {
        title: 'Slow in Asia',
        monitor_ids: [id],
        status: 'investigating',
      })
    ).body.data;
    await call(t.api, key, 'POST', '/incidents', {
      title: 'Elsewhere',
      monitor_ids: [unrelated],
      status: 'investigating',
    });
    // The background anomaly sweep must leave this hand-made anomaly alone (two days of history judge nothing).
    await pg.query(
      `INSERT INTO anomaly_sweeps (monitor_id, swept_through) VALUES ($1, 'infinity') ON CONFLICT (monitor_id) DO UPDATE SET swept_through = 'infinity'`,
      [id],
    );
    await pg.query(
      `INSERT INTO monitor_anomalies (id, account_id, monitor_id, region, metric, observed, expected, lower, upper, started_at, ended_at, created_at, updated_at)
       VALUES ('ano_test', $1, $2, 'ap-south', 'p95_ms', 200, 100, 85, 115, $3, null, $4, $4)`,
      [accountId, id, new Date(now - 20 * HOUR_MS), new Date(now)],
    );

    const res = await call(t.api, key, 'GET', `/monitors/${id}/insights`);
    expect(res.status).toBe(200);
    const d = res.body.data;
    expect(d).toMatchObject({
      monitor_id: id,
      hours: 24,
      period: { from: new Date(now - 24 * HOUR_MS).toISOString(), to: new Date(now).toISOString() },
    });
    expect(d.incidents.map((i: any) => i.id)).toEqual([incident.id]);
    expect(d.anomalies.map((a: any) => [a.id, a.region, a.metric, a.status])).toEqual([
      ['ano_test', 'ap-south', 'p95_ms', 'open'],
    ]);
    const region = (r: string) => d.regions.find((x: any) => x.region === r);
    expect(d.regions.map((r: any) => r.region)).toEqual(['ap-south', 'eu-west', 'us-east']);
    // ap-south doubled (within the histogram's 1 %), the others steady.
    expect(region('ap-south').now.p95).toBeCloseTo(200, -1);
    expect(region('ap-south').previous.p95).toBeCloseTo(100, -1);
    expect(region('ap-south').p95_change_percent).toBeGreaterThan(95);
    expect(region('ap-south').p95_change_percent).toBeLessThan(105);
    expect(region('us-east').p50_change_percent).toBe(0);
    expect(d.slowest_region).toBe('ap-south');
    // eu-west: 2 of 480 checks failed now, none before.
    expect(region('eu-west').now).toMatchObject({ checks: 480, failures: 2 });
    expect(region('eu-west').previous).toMatchObject({ checks: 480, failures: 0, uptime: 100 });
    expect(region('eu-west').uptime_change).toBeCloseTo(-0.4167, 4);
    expect(d.error_classes).toEqual([
      { class: 'http_5xx', count: 2, by_region: { 'eu-west': 2 }, example: 'expected status 200, got 503' },
      {
        class: 'timeout',
        count: 1,
        by_region: { 'us-east': 1 },
        example: 'timeout after 300 ms (waiting for the response)',
      },
    ]);
    expect(d.uptime).toEqual({ now: 99.9306, previous: 100, change: -0.0694 });

    // A longer period takes both days in; the previous one is then empty.
    const week = (await call(t.api, key, 'GET', `/monitors/${id}/insights?hours=48`)).body.data;
    expect(week.regions.find((x: any) => x.region === 'us-east').previous).toMatchObject({
      checks: 0,
      p50: null,
      uptime: null,
    });
    expect(week.error_classes.map((c: any) => c.class)).toEqual(['http_5xx', 'timeout', 'connection_refused']);

    // Another account's monitor, and hostile ids: 404, never 5xx.
    expect((await call(t.api, other.key, 'GET', `/monitors/${id}/insights`)).status).toBe(404);
    expect((await call(t.api, key, 'GET', `/monitors/${'x'.repeat(300)}/insights`)).status).toBe(404);
    expect((await call(t.api, key, 'GET', `/monitors/${id}/insights?hours=abc`)).body.data.hours).toBe(24);
  });
});
