import { Client } from 'pg';
import { encode, jobId, resultMsgId, ResultV1 } from '@parallax/contracts';
import { NatsService } from '../nats/nats.service';
import { FakeProbes } from '../testing/fake-probe';
import { call, signup, startTestApp, TestApp, waitFor } from '../testing/harness';
import { ABSOLUTE_ERROR_BELOW_1MS, exactQuantile, RELATIVE_ERROR } from './histogram';
import { dayOf } from './partitions';
import { PartitionsService } from './partitions.service';
import { foldedThroughSql, REBUILD_STATEMENTS } from './rollup-sql';
import { RollupFoldService } from './rollup-fold.service';
import { DAY_MS, floorTo, HOUR_MS, MINUTE_MS } from './window';

jest.setTimeout(120_000);

const REGIONS = ['eu-west', 'us-east', 'ap-south'];
const STEP_MS = 7 * MINUTE_MS; // rounds every 7 minutes: bucket edges fall inside hours and days
const SPAN_MS = 60 * HOUR_MS;

/**
 * Rollup-based answers against brute force over the raw rows, with results that went
 * through the real pipeline (JetStream → batched ingestion → rollups → decisions):
 * windows that cut hours and days, redelivered and late results, retention and
 * partitions.
 */
describe('per-region response times and uptime', () => {
  let t: TestApp;
  let key: string;
  let pg: Client;
  let probes: FakeProbes;
  let monitorId: string;
  let accountId: string;
  const now = Date.now();
  const start = Math.floor((now - SPAN_MS) / MINUTE_MS) * MINUTE_MS;
  const rounds: { round: number; at: number }[] = [];

  /** Deterministic pseudo-random response times (5 ms .. 2 s, some below 1 ms) and failures. */
  const verdict = (round: number, region: string) => {
    const h = (round * 2654435761 + region.length * 40503) % 1000;
    return {
      is_up: h % 17 !== 0,
      response_ms: h % 97 === 0 ? null : h % 53 === 0 ? (h % 10) / 13 : 5 + ((h * 37) % 2000) + (h % 7) / 10,
    };
  };
  const result = (round: number, region: string): ResultV1 => {
    const v = verdict(round, region);
    return {
      v: 1,
      job_id: jobId(monitorId, round),
      monitor_id: monitorId,
      round,
      region,
      probe_id: probes.probeId(region),
      probe_version: 'test',
      started_at: new Date(rounds.find((r) => r.round === round)!.at).toISOString(),
      is_up: v.is_up,
      status_code: v.is_up ? 200 : 503,
      response_ms: v.response_ms,
      error: v.is_up ? null : 'expected status 200, got 503',
      phases: { dns: 0, connect: 1, tls: null, first_byte: 2, total: v.response_ms },
      response_headers: null,
      response_body: null,
    };
  };

  beforeAll(async () => {
    t = await startTestApp({ ROUND_GRACE_SECONDS: '1', INGEST_BATCH_SIZE: '50' });
    const s = await signup(t.api);
    key = s.key;
    accountId = s.accountId;
    pg = new Client({ connectionString: t.databaseUrl });
    await pg.connect();
    probes = new FakeProbes(t.natsPrefix, REGIONS, { presence: false });
    await probes.start();
    const m = (
      await call(t.api, key, 'POST', '/monitors', {
        name: 'series',
        url: 'http://127.0.0.1:1/',
        check_interval: 60,
        paused: true,
      })
    ).body.data;
    monitorId = m.id;
    // Rounds as the scheduler writes them, dispatched, deadline far ahead: ingestion decides
    // the complete ones; the test moves some deadlines into the past later.
    for (let at = start, round = 1; at < now - 5 * MINUTE_MS; at += STEP_MS, round++) rounds.push({ round, at });
    // Rounds of days before yesterday need their day's partitions (as for a late result).
    await t.app.get(PartitionsService).ensureFor(rounds.map((r) => new Date(r.at)));
    await pg.query(
      `INSERT INTO rounds (id, monitor_id, account_id, round, scheduled_at, deadline_at, regions, quorum, dispatched_at)
       SELECT 'chk_t' || r, $1, $2, r, to_timestamp(at / 1000.0), now() + interval '1 hour', $3, 2, now()
         FROM unnest($4::bigint[], $5::float8[]) AS v(r, at)`,
      [monitorId, accountId, REGIONS, rounds.map((r) => r.round), rounds.map((r) => r.at)],
    );
    // Every region answers every round, except ap-south on every fifth round (sent later, late).
    for (const r of rounds)
      for (const region of REGIONS)
        if (!(region === 'ap-south' && r.round % 5 === 0)) await probes.publish(result(r.round, region));
    // Redelivered results (new message ids, so the stream does not drop them): the unique key does.
    for (const r of rounds.slice(0, 40)) await probesPublishAgain(result(r.round, 'eu-west'));
    await waitFor(
      'results stored',
      async () =>
        (await count('SELECT count(*)::int AS n FROM check_results')) ===
        rounds.length * 3 - rounds.filter((r) => r.round % 5 === 0).length,
      60_000,
    );
    await waitFor(
      'complete rounds decided',
      async () =>
        (await count(`SELECT count(*)::int AS n FROM rounds WHERE decided_at IS NOT NULL`)) ===
        rounds.filter((r) => r.round % 5 !== 0).length,
      60_000,
    );
    // The incomplete rounds reach their deadline: the sweep decides them with two regions;
    // then ap-south's results arrive late (stored, counted in its region, not in the round).
    await pg.query(`UPDATE rounds SET deadline_at = now() - interval '1 minute' WHERE decided_at IS NULL`);
    await waitFor(
      'all rounds decided',
      async () => (await count(`SELECT count(*)::int AS n FROM rounds WHERE decided_at IS NULL`)) === 0,
      60_000,
    );
    for (const r of rounds.filter((x) => x.round % 5 === 0)) await probes.publish(result(r.round, 'ap-south'));
    await waitFor(
      'late results stored',
      async () =>
        (await count(`SELECT count(*)::int AS n FROM check_results WHERE late`)) ===
        rounds.filter((r) => r.round % 5 === 0).length,
      60_000,
    );
  });

  /** A round as the scheduler leaves it (dispatched, deadline ahead), for results the test publishes itself. */
  async function addRound(id: string, round: number, at: number): Promise<void> {
    rounds.push({ round, at });
    await pg.query(
      `INSERT INTO rounds (id, monitor_id, account_id, round, scheduled_at, deadline_at, regions, quorum, dispatched_at)
       VALUES ($1, $2, $3, $4, $5, now() + interval '1 hour', $6, 2, now())`,
      [id, monitorId, accountId, round, new Date(at), REGIONS],
    );
  }

  async function probesPublishAgain(r: ResultV1): Promise<void> {
    await (
      probes as unknown as { js: { publish: (s: string, d: Uint8Array, o: { msgID: string }) => Promise<unknown> } }
    ).js.publish(`${t.natsPrefix}.results.${r.region}`, encode(r), {
      // The tagged id (the fake probe sent the untagged one): valid, but new to JetStream.
      msgID: resultMsgId(r.job_id, r.region, t.app.get(NatsService).resultTag(r.job_id, r.region)),
    });
  }

  afterAll(async () => {
    await probes?.stop();
    await pg?.end();
    await t?.close();
  });

  async function count(sql: string, params: unknown[] = []): Promise<number> {
    return (await pg.query(sql, params)).rows[0].n;
  }

  interface Raw {
    at: number;
    region: string;
    is_up: boolean;
    response_ms: number | null;
  }

  async function rawRows(from: number, to: number): Promise<Raw[]> {
    const rows = await pg.query(
      `SELECT scheduled_at, region, is_up, response_ms FROM check_results WHERE monitor_id = $1 AND scheduled_at >= $2 AND scheduled_at < $3`,
      [monitorId, new Date(from), new Date(to)],
    );
    return rows.rows.map((r) => ({
      at: r.scheduled_at.getTime(),
      region: r.region,
      is_up: r.is_up,
      response_ms: r.response_ms,
    }));
  }

  const r2 = (v: number) => Math.round(v * 100) / 100;
  function expectSummary(got: Record<string, number | null>, rows: Raw[]): void {
    const values = rows
      .map((r) => r.response_ms)
      .filter((v): v is number => v !== null)
      .sort((a, b) => a - b);
    expect(got.count).toBe(values.length);
    expect(got.checks).toBe(rows.length);
    expect(got.failures).toBe(rows.filter((r) => !r.is_up).length);
    if (!values.length) return expect(got.avg).toBeNull();
    expect(got.min).toBe(r2(values[0]));
    expect(got.max).toBe(r2(values[values.length - 1]));
    expect(got.avg).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 1);
    for (const [k, q] of [
      ['p50', 0.5],
      ['p95', 0.95],
      ['p99', 0.99],
    ] as const) {
      const exact = exactQuantile(values, q)!;
      const bound = exact >= 1 ? exact * RELATIVE_ERROR : ABSOLUTE_ERROR_BELOW_1MS;
      expect(Math.abs((got[k] as number) - exact)).toBeLessThanOrEqual(bound + 0.006);
    }
  }

  it.each([
    ['hour', 17 * MINUTE_MS + 13_000, 3 * HOUR_MS + 29 * MINUTE_MS],
    ['day', 41 * MINUTE_MS, 2 * HOUR_MS + 3 * MINUTE_MS],
    ['minute', SPAN_MS - 4 * HOUR_MS, 50 * MINUTE_MS],
  ] as const)(
    'answers a %s series exactly (edges cut hours and days) and matches brute force per region and per bucket',
    async (bucket, fromOffset, toBefore) => {
      const from = start + fromOffset;
      const to = now - toBefore;
      const res = await call(
        t.api,
        key,
        'GET',
        `/monitors/${monitorId}/response-times?from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}&bucket=${bucket}`,
      );
      expect(res.status).toBe(200);
      const body = res.body.data;
      expect(body.bucket).toBe(bucket);
      const raw = await rawRows(from, to);
      expect(raw.length).toBeGreaterThan(0);
      const step = bucket === 'minute' ? MINUTE_MS : bucket === 'hour' ? HOUR_MS : DAY_MS;
      for (const region of REGIONS) {
        const entry = body.regions.find((x: { region: string }) => x.region === region);
        const mine = raw.filter((r) => r.region === region);
        expectSummary(entry.summary, mine);
        for (const point of entry.series) {
          const s = Date.parse(point.t);
          expectSummary(
            point,
            mine.filter((r) => r.at >= s && r.at < s + step),
          );
        }
      }
      expectSummary({ ...body.summary, checks: raw.length, failures: raw.filter((r) => !r.is_up).length }, raw);
      const decided = await pg.query(
        `SELECT outcome FROM rounds WHERE monitor_id = $1 AND scheduled_at >= $2 AND scheduled_at < $3 AND outcome <> 'no_data'`,
        [monitorId, new Date(from), new Date(to)],
      );
      expect(body.summary.rounds).toBe(decided.rowCount);
      expect(body.summary.rounds_down).toBe(decided.rows.filter((r) => r.outcome === 'down').length);
      expect(body.summary.rounds_degraded).toBe(decided.rows.filter((r) => r.outcome === 'degraded').length);
    },
  );

  it('counts redelivered results once and late results in their region only', async () => {
    const perRegion = await pg.query(
      `SELECT region, count(*)::int AS n FROM check_results WHERE monitor_id = $1 GROUP BY region ORDER BY region`,
      [monitorId],
    );
    expect(perRegion.rows).toEqual(
      REGIONS.slice()
        .sort()
        .map((region) => ({ region, n: rounds.length })),
    );
    const rollup = await pg.query(
      `SELECT region, sum(checks)::int AS n FROM rollups_hourly WHERE monitor_id = $1 GROUP BY region ORDER BY region`,
      [monitorId],
    );
    expect(rollup.rows).toEqual([
      { region: '*', n: rounds.length },
      ...REGIONS.slice()
        .sort()
        .map((region) => ({ region, n: rounds.length })),
    ]);
    const m = (await call(t.api, key, 'GET', `/monitors/${monitorId}`)).body.data;
    expect(m.checks_total).toBe(rounds.length);
  });

  it('finds a round by its scheduled time, and by its number when a result carries a wrong one or none', async () => {
    const round = 1_500_000;
    const at = now - 4 * MINUTE_MS;
    await addRound('chk_lookup', round, at);
    // eu-west echoes the right time, us-east a wrong one (an hour off), ap-south none (an older probe).
    await probes.publish({ ...result(round, 'eu-west'), scheduled_at: new Date(at).toISOString() });
    await probes.publish({ ...result(round, 'us-east'), scheduled_at: new Date(at - HOUR_MS).toISOString() });
    await probes.publish(result(round, 'ap-south'));
    await waitFor(
      'round decided',
      async () =>
        (await count(`SELECT count(*)::int AS n FROM rounds WHERE id = 'chk_lookup' AND decided_at IS NOT NULL`)) === 1,
    );
    const stored = await pg.query(
      `SELECT region, scheduled_at FROM check_results WHERE monitor_id = $1 AND round = $2 ORDER BY region`,
      [monitorId, round],
    );
    expect(stored.rows.map((r) => [r.region, r.scheduled_at.getTime()])).toEqual(
      [...REGIONS].sort().map((r) => [r, at]),
    );
    expect((await pg.query(`SELECT regions_checked FROM rounds WHERE id = 'chk_lookup'`)).rows[0].regions_checked).toBe(
      3,
    );
  });

  it('stores a result whose text PostgreSQL cannot hold (U+0000) without failing its batch', async () => {
    const round = 1_000_000;
    const at = now - 3 * MINUTE_MS;
    await addRound('chk_nul', round, at);
    for (const region of REGIONS)
      await probes.publish({
        ...result(round, region),
        is_up: false,
        status_code: 503,
        error: 'bad\u0000byte',
        response_body: 'x\u0000y',
      });
    await waitFor(
      'round decided',
      async () =>
        (await count(`SELECT count(*)::int AS n FROM rounds WHERE id = 'chk_nul' AND outcome = 'down'`)) === 1,
    );
    const stored = await pg.query(
      `SELECT error, response_body FROM check_results WHERE monitor_id = $1 AND round = $2`,
      [monitorId, round],
    );
    expect(stored.rows).toEqual(REGIONS.map(() => ({ error: 'badbyte', response_body: 'xy' })));
  });

  /** The monitor's rollups (hourly, and daily of the days folded so far), rounded for comparison. */
  const snapshot = async () =>
    (
      await pg.query(
        `SELECT 'h' AS g, * FROM rollups_hourly WHERE monitor_id = $1
         UNION ALL SELECT 'd', d.* FROM rollups_daily d JOIN monitors m ON m.id = d.monitor_id LEFT JOIN rollup_folds f ON f.monitor_id = m.id
          WHERE d.monitor_id = $1 AND d.bucket_start < (${foldedThroughSql('m', 'f')} + 1)::timestamp AT TIME ZONE 'UTC'
         ORDER BY 1, 3, 4`,
        [monitorId],
      )
    ).rows.map((r) => ({ ...r, rt_sum: Math.round(r.rt_sum * 1000) / 1000 }));
  /** The same rollups rebuilt from the raw rows (the migration's SQL), read in a transaction that is rolled back. */
  async function rebuilt(): Promise<unknown[]> {
    await pg.query('BEGIN');
    try {
      await pg.query(`DELETE FROM rollups_hourly WHERE monitor_id = $1`, [monitorId]);
      await pg.query(`DELETE FROM rollups_daily WHERE monitor_id = $1`, [monitorId]);
      for (const sql of REBUILD_STATEMENTS) await pg.query(sql, [[monitorId]]);
      return await snapshot();
    } finally {
      await pg.query('ROLLBACK');
    }
  }

  it('keeps the same rollups incrementally as a rebuild from raw rows gives', async () => {
    const incremental = await snapshot();
    expect(incremental.some((r) => r.g === 'd')).toBe(true);
    expect(await rebuilt()).toEqual(incremental);
  });

  it('builds daily rollups from hourly ones for closed days, answering the same before and after, and counts a later late result once', async () => {
    const windows = [
      `/monitors/${monitorId}/response-times?from=${new Date(start).toISOString()}&to=${new Date(now).toISOString()}&bucket=day`,
      `/monitors/${monitorId}/response-times?from=${new Date(start + 13 * MINUTE_MS).toISOString()}&to=${new Date(now - 2 * HOUR_MS).toISOString()}&bucket=day&region=us-east`,
      `/monitors/${monitorId}/uptime/daily`,
      `/monitors/${monitorId}/uptime/daily?region=eu-west`,
      `/monitors/${monitorId}/stats?days=7`,
    ];
    const answers = async () => Promise.all(windows.map(async (w) => (await call(t.api, key, 'GET', w)).body.data));
    const before = await answers();
    // As if the monitor had existed for days and no day had been folded yet: no daily rows,
    // queries read every day from the hourly rollups and answer the same.
    await pg.query(
      `INSERT INTO rollup_folds (monitor_id, folded_through) VALUES ($1, (now() AT TIME ZONE 'UTC')::date - 5) ON CONFLICT (monitor_id) DO UPDATE SET folded_through = EXCLUDED.folded_through`,
      [monitorId],
    );
    await pg.query(`DELETE FROM rollups_daily WHERE monitor_id = $1`, [monitorId]);
    expect(await answers()).toEqual(before);

    await t.app.get(RollupFoldService).foldAll();
    const folded = await pg.query(`SELECT folded_through::text AS d FROM rollup_folds WHERE monitor_id = $1`, [
      monitorId,
    ]);
    expect(folded.rows[0].d).toBe(dayOf(Date.now() - DAY_MS));
    const daily = await snapshot();
    expect(daily.filter((r) => r.g === 'd').length).toBeGreaterThan(0);
    expect(daily).toEqual(await rebuilt());
    expect(await answers()).toEqual(before);
    const metrics = await fetch(`${t.baseUrl}/metrics`).then((r) => r.text());
    expect(metrics).toMatch(/^parallax_rollup_fold_lag_seconds 0$/m);

    // A round of a folded day whose results arrive now: counted once in hourly and daily rollups.
    const round = 2_000_000;
    const at = floorTo(now, DAY_MS) - DAY_MS - 5 * HOUR_MS - 3 * MINUTE_MS;
    await addRound('chk_folded', round, at);
    for (const region of REGIONS) await probes.publish(result(round, region));
    await waitFor(
      'round decided',
      async () =>
        (await count(`SELECT count(*)::int AS n FROM rounds WHERE id = 'chk_folded' AND decided_at IS NOT NULL`)) === 1,
    );
    const after = await snapshot();
    expect(after).toEqual(await rebuilt());
    const day = after.find((r) => r.g === 'd' && r.region === '*' && r.bucket_start.getTime() === floorTo(at, DAY_MS));
    expect(day.checks).toBe(
      daily.find((r) => r.g === 'd' && r.region === '*' && r.bucket_start.getTime() === floorTo(at, DAY_MS))!.checks +
        1,
    );
  });

  it('answers the uptime shapes: 90 daily entries, 24 hourly entries, minute records, per region and overall', async () => {
    const daily = (await call(t.api, key, 'GET', `/monitors/${monitorId}/uptime/daily`)).body.data;
    expect(daily.history).toHaveLength(90);
    expect(daily.history[89].date).toBe(dayOf(now));
    const today = Math.floor(now / DAY_MS) * DAY_MS;
    const decidedToday = await pg.query(
      `SELECT outcome FROM rounds WHERE monitor_id = $1 AND scheduled_at >= $2 AND outcome <> 'no_data'`,
      [monitorId, new Date(today)],
    );
    expect(daily.history[89]).toMatchObject({
      totalChecks: decidedToday.rowCount,
      successChecks: decidedToday.rows.filter((r) => r.outcome !== 'down').length,
    });
    expect(
      daily.outages.every((d: { successChecks: number; totalChecks: number }) => d.successChecks < d.totalChecks),
    ).toBe(true);

    const regional = (await call(t.api, key, 'GET', `/monitors/${monitorId}/uptime/daily?days=5&region=us-east`)).body
      .data;
    expect(regional.history).toHaveLength(5);
    for (const d of regional.history) {
      const rows = await rawRows(Date.parse(`${d.date}T00:00:00Z`), Date.parse(`${d.date}T00:00:00Z`) + DAY_MS);
      const mine = rows.filter((r) => r.region === 'us-east');
      expect(d).toMatchObject({ totalChecks: mine.length, successChecks: mine.filter((r) => r.is_up).length });
    }

    const date = dayOf(now - DAY_MS);
    const hourly = (await call(t.api, key, 'GET', `/monitors/${monitorId}/uptime/hourly?date=${date}&region=eu-west`))
      .body.data;
    expect(hourly.hourlyData).toHaveLength(24);
    const h5 = Date.parse(`${date}T05:00:00Z`);
    const rows5 = (await rawRows(h5, h5 + HOUR_MS)).filter((r) => r.region === 'eu-west');
    expect(hourly.hourlyData[5]).toMatchObject({
      hour: 5,
      totalChecks: rows5.length,
      successChecks: rows5.filter((r) => r.is_up).length,
    });

    const minutes = (
      await call(t.api, key, 'GET', `/monitors/${monitorId}/uptime/minutes?date=${date}&hour=5&region=eu-west`)
    ).body.data;
    expect(minutes.records.map((r: { timestamp: number }) => r.timestamp)).toEqual(
      rows5.map((r) => r.at).sort((a, b) => a - b),
    );
    const overall = (await call(t.api, key, 'GET', `/monitors/${monitorId}/uptime/minutes?date=${date}&hour=5`)).body
      .data;
    expect(overall.records.length).toBe(rows5.length);
  });

  it('serves logs, status, history, stats and the check history', async () => {
    const from = new Date(now - 10 * HOUR_MS).toISOString();
    const logs = (
      await call(t.api, key, 'GET', `/monitors/${monitorId}/logs?from=${from}&region=ap-south&limit=500&page=2`)
    ).body;
    const expected = (await rawRows(now - 10 * HOUR_MS, now)).filter((r) => r.region === 'ap-south');
    expect(logs.meta).toMatchObject({ total: expected.length, page: 2, limit: 100 });
    expect(logs.data).toHaveLength(Math.min(100, Math.max(0, expected.length - 100)));
    expect(logs.data.every((e: { region: string }) => e.region === 'ap-south')).toBe(true);

    const status = (await call(t.api, key, 'GET', `/monitors/${monitorId}/status`)).body.data;
    const all = await pg.query(`SELECT outcome FROM rounds WHERE monitor_id = $1 AND outcome <> 'no_data'`, [
      monitorId,
    ]);
    const up = all.rows.filter((r) => r.outcome !== 'down').length;
    expect(status.uptime_30d).toBeCloseTo((up / all.rowCount!) * 100, 3);

    const history = (await call(t.api, key, 'GET', `/monitors/${monitorId}/history?hours=5000`)).body.data;
    expect(history.hours).toBe(168);
    expect(history.history).toHaveLength(all.rowCount!);
    expect(history.stats.checks).toBe(all.rowCount);

    const stats = (await call(t.api, key, 'GET', `/monitors/${monitorId}/stats?days=7`)).body.data;
    expect(stats.regions['eu-west'].checks).toBe(rounds.length);
    expect(stats.stats.checks).toBe(all.rowCount);

    // The check history's total: every decided round kept, those with data counted from the
    // rollups, no_data ones from the rounds.
    await pg.query(
      `INSERT INTO rounds (id, monitor_id, account_id, round, scheduled_at, deadline_at, regions, quorum, dispatched_at, decided_at, outcome, regions_checked, regions_up)
       VALUES ('chk_nodata', $1, $2, 3000000, now() - interval '2 minutes', now(), $3, 2, now(), now(), 'no_data', 0, 0)`,
      [monitorId, accountId, REGIONS],
    );
    const checks = (await call(t.api, key, 'GET', `/monitors/${monitorId}/checks?limit=3`)).body;
    expect(checks.data).toHaveLength(3);
    expect(checks.data[0]).toMatchObject({ id: 'chk_nodata', status: 'no_data' });
    expect(checks.meta.total).toBe(
      await count(`SELECT count(*)::int AS n FROM rounds WHERE monitor_id = $1 AND decided_at IS NOT NULL`, [
        monitorId,
      ]),
    );
  });

  it('refuses bad parameters with 422 and other accounts with 404', async () => {
    const bad = async (q: string) =>
      (await call(t.api, key, 'GET', `/monitors/${monitorId}/response-times?${q}`)).status;
    expect(await bad('from=yesterday')).toBe(422);
    expect(await bad(`from=${new Date(now).toISOString()}&to=${new Date(now - 1000).toISOString()}`)).toBe(422);
    expect(await bad(`from=${new Date(now - 90 * DAY_MS).toISOString()}&bucket=minute`)).toBe(422);
    expect(await bad('bucket=week')).toBe(422);
    expect(await bad('region=mars')).toBe(422);
    expect((await call(t.api, key, 'GET', `/monitors/${monitorId}/uptime/hourly?date=2026-02-30`)).status).toBe(422);
    expect((await call(t.api, key, 'GET', `/monitors/${monitorId}/uptime/minutes?hour=24`)).status).toBe(422);
    const other = (await signup(t.api)).key;
    for (const p of [
      'response-times',
      'uptime/daily',
      'uptime/hourly',
      'uptime/minutes?hour=1',
      'logs',
      'status',
      'history',
      'stats',
    ]) {
      expect((await call(t.api, other, 'GET', `/monitors/${monitorId}/${p}`)).status).toBe(404);
    }
  });

  it('keeps partitions for tomorrow and drops whole result and round partitions past the retention, keeping everything newer', async () => {
    const partitions = t.app.get(PartitionsService);
    const list = async () =>
      (
        await pg.query(
          `SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent IN ('check_results'::regclass, 'rounds'::regclass) ORDER BY 1`,
        )
      ).rows.map((r) => r.relname);
    const tomorrow = dayOf(now + DAY_MS).replace(/-/g, '');
    expect(await list()).toEqual(expect.arrayContaining([`check_results_p${tomorrow}`, `rounds_p${tomorrow}`]));
    const days = (
      await pg.query(
        `SELECT DISTINCT to_char(scheduled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS d FROM check_results ORDER BY 1`,
      )
    ).rows.map((r) => r.d);
    expect(days.length).toBeGreaterThanOrEqual(3);
    // A maintenance pass as if run when the oldest day left the 90-day retention.
    const oldest = Date.parse(`${days[0]}T00:00:00Z`);
    const later = oldest + 91 * DAY_MS + HOUR_MS;
    const before = await pg.query(`SELECT count(*)::int AS n FROM check_results WHERE scheduled_at >= $1`, [
      new Date(oldest + DAY_MS),
    ]);
    const roundsBefore = await pg.query(`SELECT count(*)::int AS n FROM rounds WHERE scheduled_at >= $1`, [
      new Date(oldest + DAY_MS),
    ]);
    expect(
      await count(`SELECT count(*)::int AS n FROM rounds WHERE scheduled_at < $1`, [new Date(oldest + DAY_MS)]),
    ).toBeGreaterThan(0);
    const { dropped, created } = await partitions.maintain(later);
    expect(dropped).toEqual([days[0]]);
    expect(created).toContain(dayOf(later + DAY_MS));
    expect(await list()).not.toContain(`check_results_p${days[0].replace(/-/g, '')}`);
    expect(await list()).not.toContain(`rounds_p${days[0].replace(/-/g, '')}`);
    expect(await list()).toEqual(
      expect.arrayContaining([
        `check_results_p${dayOf(later + DAY_MS).replace(/-/g, '')}`,
        `rounds_p${dayOf(later + DAY_MS).replace(/-/g, '')}`,
      ]),
    );
    // Round summaries follow the same retention: whole partitions dropped, everything newer kept.
    expect(
      await count(`SELECT count(*)::int AS n FROM rounds WHERE scheduled_at < $1`, [new Date(oldest + DAY_MS)]),
    ).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM rounds`)).toBe(roundsBefore.rows[0].n);
    expect(
      await count(`SELECT count(*)::int AS n FROM check_results WHERE scheduled_at < $1`, [new Date(oldest + DAY_MS)]),
    ).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM check_results`)).toBe(before.rows[0].n);
    expect(
      await count(`SELECT count(*)::int AS n FROM rollups_daily WHERE bucket_start < $1`, [new Date(oldest + DAY_MS)]),
    ).toBe(0);
    expect(
      await count(`SELECT count(*)::int AS n FROM rollups_daily WHERE bucket_start >= $1`, [new Date(oldest + DAY_MS)]),
    ).toBeGreaterThan(0);
  });
});
