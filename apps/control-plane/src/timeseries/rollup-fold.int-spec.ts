import { Client } from 'pg';
import { jobId, ResultV1 } from '@parallax/contracts';
import { FakeProbes } from '../testing/fake-probe';
import { call, signup, startTestApp, TestApp, waitFor } from '../testing/harness';
import { dayOf } from './partitions';
import { PartitionsService } from './partitions.service';
import { REBUILD_STATEMENTS } from './rollup-sql';
import { RollupFoldService } from './rollup-fold.service';
import { DAY_MS, MINUTE_MS } from './window';

jest.setTimeout(120_000);

const REGIONS = ['eu-west', 'us-east', 'ap-south'];

/**
 * The fold racing ingestion: results of closed days keep arriving (small batches, many
 * transactions) while those days are folded from hourly into daily rollups. Every result
 * must land in exactly one daily row: summed by the fold if it committed first, added
 * directly if it committed after.
 */
describe('rollup fold while results of the folded days arrive', () => {
  let t: TestApp;
  let pg: Client;
  let probes: FakeProbes;

  beforeAll(async () => {
    t = await startTestApp({ INGEST_BATCH_SIZE: '10' });
    pg = new Client({ connectionString: t.databaseUrl });
    await pg.connect();
    probes = new FakeProbes(t.natsPrefix, REGIONS, { presence: false });
    await probes.start();
  });

  afterAll(async () => {
    await probes?.stop();
    await pg?.end();
    await t?.close();
  });

  it('counts every result once in the daily rollups, whichever commits first', async () => {
    const { key, accountId } = await signup(t.api);
    const monitors: string[] = [];
    for (let i = 0; i < 3; i++)
      monitors.push(
        (
          await call(t.api, key, 'POST', '/monitors', {
            name: `fold ${i}`,
            url: 'http://127.0.0.1:1/',
            check_interval: 60,
            paused: true,
          })
        ).body.data.id,
      );
    // The two days before today are not folded yet; their rounds are still undecided.
    const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
    await pg.query(
      `INSERT INTO rollup_folds (monitor_id, folded_through) SELECT id, $2::date FROM unnest($1::text[]) AS id ON CONFLICT (monitor_id) DO UPDATE SET folded_through = EXCLUDED.folded_through`,
      [monitors, dayOf(today - 3 * DAY_MS)],
    );
    const times: number[] = [];
    for (let at = today - 2 * DAY_MS + 3 * MINUTE_MS; at < today; at += 23 * MINUTE_MS) times.push(at);
    await t.app.get(PartitionsService).ensureFor(times.map((at) => new Date(at)));
    await pg.query(
      `INSERT INTO rounds (id, monitor_id, account_id, round, scheduled_at, deadline_at, regions, quorum, dispatched_at)
       SELECT 'chk_' || m.i || '_' || n, m.id, $2, n, to_timestamp(t.at / 1000.0), now() + interval '1 hour', $3, 2, now()
         FROM unnest($1::text[]) WITH ORDINALITY AS m(id, i), unnest($4::float8[]) WITH ORDINALITY AS t(at, n)`,
      [monitors, accountId, REGIONS, times],
    );
    const results: ResultV1[] = [];
    for (const monitorId of monitors) {
      times.forEach((at, i) => {
        for (const [r, region] of REGIONS.entries()) {
          const ms = 20 + ((i * 37 + r * 11) % 300);
          results.push({
            v: 1,
            job_id: jobId(monitorId, i + 1),
            monitor_id: monitorId,
            round: i + 1,
            region,
            probe_id: probes.probeId(region),
            probe_version: 'test',
            scheduled_at: new Date(at).toISOString(),
            started_at: new Date(at).toISOString(),
            is_up: (i + r) % 9 !== 0,
            status_code: 200,
            response_ms: ms,
            error: null,
            phases: { dns: 0, connect: 1, tls: null, first_byte: ms - 1, total: ms },
            response_headers: null,
            response_body: null,
          });
        }
      });
    }
    const stored = async () =>
      (await pg.query(`SELECT count(*)::int AS n FROM check_results WHERE monitor_id = ANY($1::text[])`, [monitors]))
        .rows[0].n;
    // A third goes in first, the fold runs while the second third streams in, and the last
    // third is published once the fold is done (so some results certainly follow it).
    const third = Math.floor(results.length / 3);
    for (const r of results.slice(0, third)) await probes.publish(r);
    await waitFor('part of the first third stored', async () => (await stored()) >= third / 2, 60_000);
    const second = (async () => {
      for (const r of results.slice(third, 2 * third)) await probes.publish(r);
    })();
    await t.app.get(RollupFoldService).foldAll();
    await second;
    for (const r of results.slice(2 * third)) await probes.publish(r);
    await waitFor('every result stored', async () => (await stored()) === results.length, 60_000);
    await waitFor(
      'every round decided',
      async () =>
        (
          await pg.query(
            `SELECT count(*)::int AS n FROM rounds WHERE monitor_id = ANY($1::text[]) AND decided_at IS NULL`,
            [monitors],
          )
        ).rows[0].n === 0,
      60_000,
    );
    const folded = await pg.query(
      `SELECT DISTINCT folded_through::text AS d FROM rollup_folds WHERE monitor_id = ANY($1::text[])`,
      [monitors],
    );
    expect(folded.rows).toEqual([{ d: dayOf(today - DAY_MS) }]);

    // Daily rows of the folded days: the same as a rebuild from raw rows, and one check per result.
    const daily = async () =>
      (
        await pg.query(
          `SELECT monitor_id, bucket_start, region, checks, failures, degraded, rt_count, round(rt_sum::numeric, 3) AS rt_sum, rt_min, rt_max, hist
             FROM rollups_daily WHERE monitor_id = ANY($1::text[]) ORDER BY 1, 2, 3`,
          [monitors],
        )
      ).rows;
    const incremental = await daily();
    await pg.query('BEGIN');
    try {
      for (const table of ['rollups_hourly', 'rollups_daily'])
        await pg.query(`DELETE FROM ${table} WHERE monitor_id = ANY($1::text[])`, [monitors]);
      for (const sql of REBUILD_STATEMENTS) await pg.query(sql, [monitors]);
      expect(incremental).toEqual(await daily());
    } finally {
      await pg.query('ROLLBACK');
    }
    const perRegion = await pg.query(
      `SELECT sum(checks)::int AS n FROM rollups_daily WHERE monitor_id = ANY($1::text[]) AND region <> '*'`,
      [monitors],
    );
    expect(perRegion.rows[0].n).toBe(results.length);
    const overall = await pg.query(
      `SELECT sum(checks)::int AS n FROM rollups_daily WHERE monitor_id = ANY($1::text[]) AND region = '*'`,
      [monitors],
    );
    expect(overall.rows[0].n).toBe(monitors.length * times.length);
  });
});
