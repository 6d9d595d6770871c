'use strict';
/**
 * History benchmark (`npm run bench`, after `npm run build`): query latency on 90 days of
 * one-minute checks and the sustained ingestion rate. Not a test.
 *
 * Setup: a fresh PostgreSQL database, a random NATS prefix and one built control plane
 * (regions r1..r4). One account; the measured monitor checks every 60 s from 4 regions,
 * BENCH_BACKGROUND (4) background monitors every 5 minutes from the same regions, all
 * created paused through the API. 90 days of history are bulk-loaded with SQL, as if the
 * control plane had run for 90 days: one daily partition per past day (named as
 * PartitionsService names them), decided rounds, per-region results (≈ 518k rows for the
 * measured monitor) with a daily rhythm in response times and some failing stretches,
 * then the hourly rollups are built from the raw rows with the migration's SQL, the
 * monitors are marked as folded through 91 days ago and the control plane is restarted:
 * its rollup fold builds the daily rollups of the 90 closed days from the hourly ones
 * (timed with parallax_rollup_fold_duration_seconds), then the tables are analysed.
 *
 * Then, with the control plane stopped, the rollups of BENCH_SCALE_MONITORS (30,000) more
 * monitors (3 regions + the whole monitor) are seeded with SQL: daily rows for the 90 closed
 * days and hourly rows for the last BENCH_SCALE_HOURLY_HOURS (48), in time order across
 * monitors (≈ 10.8M daily and 5.8M hourly rows, ≈ 16 GB, about 5 minutes), so the queries
 * below run against 30,000 monitors' rollups, not five.
 *
 * (a) Queries: BENCH_QUERIES (200) sequential requests per query after 20 warm-up ones,
 *     each with a window ending at a random time of the last hour (so edges cut hours):
 *     response-times over 1 h, 24 h, 30 d and 90 d (default buckets: minute, hour, day,
 *     day), the same for one region, uptime daily (90 entries), hourly (a UTC date),
 *     minutes (an hour), logs (page 1, 24 h), status, history (24 h), stats (30 d) and the
 *     check history (`/checks`, latest 20 rounds).
 *     p50 and p99 of the HTTP round trip (target p99 < 50 ms), and the control plane's CPU
 *     per request (utime + stime over the requests; steadier than latency on a shared
 *     machine). BENCH_REPEAT (1) measures the set that many times; BENCH_QUERY_FILTER (a
 *     regular expression) keeps the queries whose name matches.
 * (b) Ingestion: BENCH_INGEST_MONITORS (250) paused monitors get BENCH_INGEST_ROUNDS
 *     (60) undecided rounds each, scheduled in the last hour; the control plane is
 *     stopped, one result per round and region (4 × 250 × 60 = 60,000) is published into
 *     JetStream as a probe does, and the control plane is started again: the sustained
 *     rate is the stored results over the time from its readiness until the backlog is
 *     stored (every fourth result of a round also decides the round). Target ≥ 5,000/s.
 *
 * Prints a table and a final JSON line; stops the control plane, deletes the stream and
 * drops the database. Environment: PG_ADMIN_URL, NATS_URL, BENCH_QUERIES, BENCH_BACKGROUND,
 * BENCH_INGEST_MONITORS, BENCH_INGEST_ROUNDS, BENCH_KEEP_DB (1: keep the database), BENCH_INGEST_ONLY (1:
 * only part b), BENCH_QUERIES_ONLY (1: only part a), BENCH_REUSE_DB (a database kept by BENCH_KEEP_DB=1: no load,
 * part a only), BENCH_SCALE_MONITORS (0: none), BENCH_SCALE_HOURLY_HOURS, BENCH_REPEAT, BENCH_QUERY_FILTER,
 * BENCH_CP_NODE_ARGS (node flags of the control plane that answers the queries and of the part-b one, e.g.
 * --cpu-prof), BENCH_INGEST_BATCH_SIZE (the control plane's INGEST_BATCH_SIZE).
 */
const { existsSync, readFileSync } = require('node:fs');
const { loadavg } = require('node:os');
const { randomBytes } = require('node:crypto');
const path = require('node:path');
const { Client } = require('pg');
const { procCpuSeconds } = require('./bench-cpu');
const { connect } = require('nats');
const { natsNames, jobId, resultMsgId, encode } = require('@parallax/contracts');
const {
  ROOT,
  CONTROL_PLANE_MAIN,
  PG_ADMIN_URL,
  NATS_URL,
  sleep,
  freePort,
  startControlPlane,
  waitReady,
  stopControlPlane,
  api,
  runBench,
  parseMetrics,
  sum,
} = require('./bench-control-plane-process');

const QUERIES = Number(process.env.BENCH_QUERIES || 200);
const BACKGROUND = Number(process.env.BENCH_BACKGROUND || 4);
const INGEST_MONITORS = Number(process.env.BENCH_INGEST_MONITORS || 250);
const INGEST_ROUNDS = Number(process.env.BENCH_INGEST_ROUNDS || 60);
const REGIONS = ['r1', 'r2', 'r3', 'r4'];
/** Keep the database for a look with psql afterwards (drop it yourself). */
const KEEP_DB = process.env.BENCH_KEEP_DB === '1';
/** Only the ingestion part (no 90-day load, no queries). */
const INGEST_ONLY = process.env.BENCH_INGEST_ONLY === '1';
/** Extra node flags for the control plane of the ingestion part, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof". */
const CP_NODE_ARGS = (process.env.BENCH_CP_NODE_ARGS || '').split(' ').filter(Boolean);
/** Background monitors whose rollups only are seeded (3 regions + the whole monitor; 0: none). */
const SCALE_MONITORS = Number(process.env.BENCH_SCALE_MONITORS ?? 30_000);
/** Hours of hourly rollups seeded for them (the days not folded yet: yesterday and today). */
const SCALE_HOURLY_HOURS = Number(process.env.BENCH_SCALE_HOURLY_HOURS || 48);
/** Times the query set is measured (each run is reported, for the spread on a shared machine). */
const REPEAT = Number(process.env.BENCH_REPEAT || 1);
/** Only the queries whose name matches (a regular expression). */
const QUERY_FILTER = process.env.BENCH_QUERY_FILTER ? new RegExp(process.env.BENCH_QUERY_FILTER) : null;
/** Skip part b (ingestion). */
const QUERIES_ONLY = process.env.BENCH_QUERIES_ONLY === '1';
/** Reuse a database kept by an earlier run (BENCH_KEEP_DB=1): no load, queries only. */
const REUSE_DB = process.env.BENCH_REUSE_DB || '';
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const TARGET_P99_MS = 50;
const TARGET_INGEST_PER_S = 5000;

function log(msg) {
  process.stderr.write(`[bench-history] ${msg}\n`);
}

const percentile = (sorted, q) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
const fmt = (v, d = 1) => (v === null || v === undefined ? '-' : Number(v).toFixed(d));

/** One day's partition and a monitor's rows for it, generated in SQL. */
async function loadHistory(pg, monitors, today) {
  const first = today - 90 * DAY_MS;
  for (let d = first; d < today; d += DAY_MS) {
    const day = new Date(d).toISOString().slice(0, 10);
    const next = new Date(d + DAY_MS).toISOString().slice(0, 10);
    for (const table of ['check_results', 'rounds']) {
      await pg.query(
        `CREATE TABLE IF NOT EXISTS ${table}_p${day.replace(/-/g, '')} PARTITION OF ${table} FOR VALUES FROM ('${day}T00:00:00Z') TO ('${next}T00:00:00Z')`,
      );
    }
  }
  for (const m of monitors) {
    const t0 = Date.now();
    // Rounds first (their scheduled time is the results' partition key), then results.
    await pg.query(
      `INSERT INTO rounds (id, monitor_id, account_id, round, scheduled_at, deadline_at, regions, quorum, dispatched_at, decided_at,
                           outcome, regions_checked, regions_up, response_ms, status_code)
       SELECT 'chk_b' || $1 || '_' || n, $1, $2, n, ts, ts + interval '15 seconds', $3, 3, ts, ts + interval '2 seconds',
              CASE WHEN n % 997 < 3 THEN 'down' WHEN n % 211 = 0 THEN 'degraded' ELSE 'up' END, 4,
              CASE WHEN n % 997 < 3 THEN 1 WHEN n % 211 = 0 THEN 3 ELSE 4 END,
              80 + 40 * sin(extract(epoch FROM ts) / 86400 * 2 * pi()) + (n % 37), CASE WHEN n % 997 < 3 THEN 503 ELSE 200 END
         FROM generate_series(0, $4::int - 1) AS n, LATERAL (SELECT to_timestamp($5::float8 / 1000 + n * $6::int) AS ts) t`,
      [m.id, m.accountId, REGIONS, Math.floor((today - first) / (m.interval * 1000)), first, m.interval],
    );
    await pg.query(
      `INSERT INTO check_results (monitor_id, account_id, round, region, scheduled_at, probe_id, is_up, status_code, response_ms, error, phases, checked_at, received_at, late)
       SELECT r.monitor_id, r.account_id, r.round, g.region, r.scheduled_at, 'bench-' || g.region,
              NOT (r.outcome = 'down' AND g.i < 3 OR r.outcome = 'degraded' AND g.i = 0),
              CASE WHEN (r.outcome = 'down' AND g.i < 3 OR r.outcome = 'degraded' AND g.i = 0) THEN 503 ELSE 200 END,
              (20 + 30 * g.i + 40 * (1 + sin(extract(epoch FROM r.scheduled_at) / 86400 * 2 * pi())) + ((r.round * 7919 + g.i * 104729) % 400) / 4.0)
                * CASE WHEN (r.round * 31 + g.i) % 500 = 0 THEN 12 ELSE 1 END,
              CASE WHEN (r.outcome = 'down' AND g.i < 3 OR r.outcome = 'degraded' AND g.i = 0) THEN 'expected status 200, got 503' END,
              '{"dns":1,"connect":2,"tls":null,"first_byte":20,"total":40}'::jsonb, r.scheduled_at, r.scheduled_at + interval '1 second', false
         FROM rounds r CROSS JOIN unnest($2::text[]) WITH ORDINALITY AS g(region, i)
        WHERE r.monitor_id = $1`,
      [m.id, REGIONS],
    );
    log(`loaded ${m.name}: ${Math.round((Date.now() - t0) / 100) / 10} s`);
  }
}

/** A small synthetic histogram (sparse, as stored) of `n` values around `centre` ms. */
function syntheticHist(bucketOf, n, centre, spread, seed) {
  const h = {};
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const v = centre * (1 + spread * ((x / 2147483648) * 2 - 1));
    const b = bucketOf(v);
    h[b] = (h[b] ?? 0) + 1;
  }
  return h;
}

/**
 * Rollups of SCALE_MONITORS further monitors (3 regions + the whole monitor '*'), as a
 * running install with that many monitors has them: daily rows for the 90 closed days
 * (folded through yesterday) and hourly rows for the last SCALE_HOURLY_HOURS hours, written
 * in time order across monitors (as ingestion and the fold write them, so one monitor's
 * rows are spread over the heap). The monitors are copies of a template monitor row.
 * Histograms are drawn from 8 synthetic ones of a realistic size. Indexes and foreign keys
 * are set aside while loading and rebuilt from their own definitions afterwards.
 */
async function seedScale(pg, template, today, bucketOf) {
  const t0 = Date.now();
  const cols = (
    await pg.query(
      `SELECT column_name AS c FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'monitors' ORDER BY ordinal_position`,
    )
  ).rows.map((r) => r.c);
  const set = {
    id: `'mon_scale' || lpad(n::text, 6, '0')`,
    name: `'scale ' || n`,
    slug: `'scale-' || n`,
    regions: `ARRAY['r1','r2','r3']`,
    quorum: '2',
  };
  await pg.query('SET synchronous_commit = off');
  await pg.query(
    `INSERT INTO monitors (${cols.map((c) => `"${c}"`).join(', ')})
     SELECT ${cols.map((c) => set[c] ?? `m."${c}"`).join(', ')} FROM monitors m, generate_series(1, $2::int) AS n WHERE m.id = $1`,
    [template.id, SCALE_MONITORS],
  );
  // The template's decision read model (monitor_state, decisions'), if it has one.
  const stateCols = (
    await pg.query(
      `SELECT column_name AS c FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name = 'monitor_state' AND column_name <> 'monitor_id'
        ORDER BY ordinal_position`,
    )
  ).rows.map((r) => `"${r.c}"`);
  await pg.query(
    `INSERT INTO monitor_state (monitor_id, ${stateCols.join(', ')})
     SELECT 'mon_scale' || lpad(n::text, 6, '0'), ${stateCols.map((c) => `s.${c}`).join(', ')}
       FROM monitor_state s, generate_series(1, $2::int) AS n WHERE s.monitor_id = $1`,
    [template.id, SCALE_MONITORS],
  );
  // Folded through yesterday (the timeseries context's watermark, rollup_folds).
  await pg.query(
    `INSERT INTO rollup_folds (monitor_id, folded_through) SELECT 'mon_scale' || lpad(n::text, 6, '0'), $1::date FROM generate_series(1, $2::int) AS n`,
    [new Date(today - DAY_MS).toISOString().slice(0, 10), SCALE_MONITORS],
  );
  const tables = ['rollups_hourly', 'rollups_daily'];
  const saved = [];
  for (const t of tables) {
    const cons = (
      await pg.query(
        `SELECT conname, pg_get_constraintdef(oid) AS def, contype FROM pg_constraint WHERE conrelid = $1::regclass`,
        [t],
      )
    ).rows;
    const idx = (
      await pg.query(
        `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = $1 AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = $1::regclass)`,
        [t],
      )
    ).rows;
    saved.push({ t, cons, idx });
    for (const i of idx) await pg.query(`DROP INDEX "${i.indexname}"`);
    for (const c of cons) await pg.query(`ALTER TABLE ${t} DROP CONSTRAINT "${c.conname}"`);
  }
  const hists = (n, centre) =>
    Array.from({ length: 8 }, (_, v) => JSON.stringify(syntheticHist(bucketOf, n, centre * (1 + v / 10), 0.35, 7 + v)));
  const insert = async (table, from, step, count, perBucket, centre) => {
    const hs = hists(Math.min(perBucket, 400), centre);
    for (let k = 0; k < count; k++) {
      const at = new Date(from + k * step);
      await pg.query(
        `INSERT INTO ${table} (monitor_id, bucket_start, region, account_id, checks, failures, degraded, rt_count, rt_sum, rt_min, rt_max, hist)
         SELECT 'mon_scale' || lpad(n::text, 6, '0'), $1::timestamptz, g.region, $2, $3::int, (n + $6::int) % 3 / 2, 0, $3::int,
                $3::int * $4::float8, $4::float8 * 0.6, $4::float8 * 1.5, ($5::jsonb[])[1 + (n + $6::int) % 8]
           FROM generate_series(1, $7::int) AS n, unnest(ARRAY['r1','r2','r3','*']) AS g(region)`,
        [at, template.accountId, perBucket, centre, hs, k, SCALE_MONITORS],
      );
    }
  };
  await insert('rollups_daily', today - 90 * DAY_MS, DAY_MS, 90, 1440, 120);
  const firstHour = Math.floor(Date.now() / HOUR_MS) * HOUR_MS - (SCALE_HOURLY_HOURS - 1) * HOUR_MS;
  await insert('rollups_hourly', firstHour, HOUR_MS, SCALE_HOURLY_HOURS, 60, 120);
  const tl = Date.now();
  for (const { t, cons, idx } of saved) {
    for (const c of cons.sort((a, b) => (a.contype === 'p' ? -1 : b.contype === 'p' ? 1 : 0)))
      await pg.query(`ALTER TABLE ${t} ADD CONSTRAINT "${c.conname}" ${c.def}`);
    for (const i of idx) await pg.query(i.indexdef);
  }
  await pg.query('SET synchronous_commit = on');
  const size = (
    await pg.query(
      `SELECT pg_size_pretty(pg_total_relation_size('rollups_daily') + pg_total_relation_size('rollups_hourly')) AS s`,
    )
  ).rows[0].s;
  log(
    `scale: ${SCALE_MONITORS} monitors × 4 rollup regions × (90 daily + ${SCALE_HOURLY_HOURS} hourly) rows in ${Math.round((Date.now() - t0) / 1000)} s (indexes ${Math.round((Date.now() - tl) / 1000)} s), rollups ${size}`,
  );
}

/** The query table (printed unless `print` is false; returned for more lines). */
/** utime + stime of one process in seconds (Linux /proc; null elsewhere). */
function cpuSecondsOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return null;
  }
}

function printQueries(rows, allRows, results, fold, print = true) {
  const scale = SCALE_MONITORS > 0 ? ` and rollups of ${SCALE_MONITORS} more monitors × 3 regions` : '';
  const out = [
    '',
    `Parallax history benchmark: 90 days × 1-minute × 4 regions (${rows} results of the measured monitor, ${allRows} with ${BACKGROUND} background monitors${scale})`,
    '',
  ];
  const w = Math.max(0, ...results.map((r) => r.query.length));
  out.push(`${'query'.padEnd(w)}  ${REPEAT > 1 ? 'run  ' : ''}p50 ms  p99 ms  max ms  cp CPU ms/req  load`);
  for (const r of results)
    out.push(
      `${r.query.padEnd(w)}  ${REPEAT > 1 ? `${String(r.run).padStart(3)}  ` : ''}${fmt(r.p50_ms).padStart(6)}  ${fmt(r.p99_ms).padStart(6)}  ${fmt(r.max_ms).padStart(6)}  ${fmt(r.cp_cpu_ms).padStart(13)}  ${fmt(r.load, 2).padStart(5)}${r.p99_ms > TARGET_P99_MS ? '  (above the 50 ms target)' : ''}`,
    );
  out.push('');
  if (print) {
    if (fold)
      out.push(
        `rollup fold: ${fold.monitors} monitors × 90 closed days, ${fold.hourly_rows} hourly rows into ${fold.daily_rows} daily rows in ${fold.seconds} s`,
      );
    process.stdout.write(out.join('\n') + '\n');
  }
  return out;
}

async function main() {
  if (!existsSync(CONTROL_PLANE_MAIN)) throw new Error(`${CONTROL_PLANE_MAIN} is missing: run \`npm run build\` first`);
  const { rebuildRollupsSql } = require(
    path.join(ROOT, 'apps', 'control-plane', 'dist', 'timeseries', 'rollup-sql.js'),
  );
  const { bucketOf } = require(path.join(ROOT, 'apps', 'control-plane', 'dist', 'timeseries', 'histogram.js'));
  const tag = REUSE_DB ? REUSE_DB.replace(/^bench_history_/, '') : randomBytes(4).toString('hex');
  const dbName = `bench_history_${tag}`;
  const prefix = `bench_history_${tag}`;
  const cleanups = [];
  if (!REUSE_DB) {
    const admin = new Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${dbName}"`);
    await admin.end();
  }
  cleanups.push(async () => {
    const c = new Client({ connectionString: PG_ADMIN_URL });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await c.end();
  });
  const nc = await connect({ servers: NATS_URL, name: 'parallax-bench-history' });
  cleanups.push(async () => {
    const jsm = await nc.jetstreamManager();
    for (const r of REGIONS) await jsm.streams.delete(natsNames(prefix).regionResultsStream(r)).catch(() => undefined);
    await nc.close();
  });
  const databaseUrl = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${dbName}`);
  const pg = new Client({ connectionString: databaseUrl });
  const env = {
    DATABASE_URL: databaseUrl,
    NATS_URL,
    NATS_PREFIX: prefix,
    PORT: String(await freePort()),
    JWT_SECRET: `bench-secret-${tag}-${tag}`,
    REGIONS: REGIONS.join(','),
    MIN_INTERVAL_SECONDS: '1',
    PLAN_FREE_MAX_MONITORS: String(INGEST_MONITORS + BACKGROUND + 10),
    RATE_LIMIT_PER_MINUTE: '1000000',
    ROUND_GRACE_SECONDS: '300',
    ALLOW_PRIVATE_TARGETS: 'true',
    LOG_LEVEL: 'warn',
    ...(process.env.BENCH_INGEST_BATCH_SIZE ? { INGEST_BATCH_SIZE: process.env.BENCH_INGEST_BATCH_SIZE } : {}),
  };
  let cp = startControlPlane(0, env, REUSE_DB ? CP_NODE_ARGS : []);
  cleanups.push(() => stopControlPlane(cp));
  const t0 = Date.now();
  try {
    await waitReady(cp);
    await pg.connect();
    let key;
    let accountId;
    let measured;
    const background = [];
    if (REUSE_DB) {
      const meta = (await pg.query('SELECT key, account_id, measured_id FROM bench_meta')).rows[0];
      key = meta.key;
      accountId = meta.account_id;
      measured = { id: meta.measured_id, accountId };
    } else {
      const signup = await api(cp.base, null, 'POST', '/auth/signup', {
        email: `bench-${tag}@example.com`,
        password: 'correct horse battery',
        name: 'Bench',
      });
      key = signup.body.data.api_key.key;
      accountId = signup.body.data.account.id;
      const create = async (name, interval) => {
        const res = await api(cp.base, key, 'POST', '/monitors', {
          name,
          url: 'http://127.0.0.1:9/',
          check_interval: interval,
          regions: REGIONS,
          paused: true,
        });
        if (res.status !== 201) throw new Error(`create monitor: ${res.status} ${JSON.stringify(res.body)}`);
        return { id: res.body.data.id, accountId, name, interval };
      };
      measured = await create('measured (60 s, 4 regions)', 60);
      for (let i = 0; i < BACKGROUND; i++) background.push(await create(`background ${i} (300 s)`, 300));
      // For BENCH_REUSE_DB (a table the control plane does not know).
      await pg.query('CREATE TABLE bench_meta (key text, account_id text, measured_id text)');
      await pg.query('INSERT INTO bench_meta VALUES ($1, $2, $3)', [key, accountId, measured.id]);
    }

    // --- 90 days of history ---
    const results = [];
    let rows = 0;
    let allRows = 0;
    let fold = null;
    const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
    if (!INGEST_ONLY && !REUSE_DB) {
      const tl = Date.now();
      await loadHistory(pg, [measured, ...background], today);
      for (const sql of [rebuildRollupsSql('hour', 'results'), rebuildRollupsSql('hour', 'rounds')])
        await pg.query(sql, [null]);
      // As if no closed day had been folded: the restarted control plane folds all 90.
      await pg.query(
        `INSERT INTO rollup_folds (monitor_id, folded_through) SELECT id, $1::date FROM monitors ON CONFLICT (monitor_id) DO UPDATE SET folded_through = EXCLUDED.folded_through`,
        [new Date(today - 91 * DAY_MS).toISOString().slice(0, 10)],
      );
      await stopControlPlane(cp);
      env.PORT = String(await freePort());
      cp = startControlPlane(1, env, SCALE_MONITORS > 0 ? [] : CP_NODE_ARGS);
      await waitReady(cp);
      for (;;) {
        const m = parseMetrics(await (await fetch(`${cp.base}/metrics`)).text());
        if (m.parallax_rollup_fold_lag_seconds === 0 && m.parallax_rollup_fold_monitors_total > 0) {
          const hourly = (await pg.query('SELECT count(*)::int AS n FROM rollups_hourly')).rows[0].n;
          const daily = (await pg.query('SELECT count(*)::int AS n FROM rollups_daily')).rows[0].n;
          fold = {
            monitors: m.parallax_rollup_fold_monitors_total,
            hourly_rows: hourly,
            daily_rows: daily,
            seconds: Math.round(m.parallax_rollup_fold_duration_seconds_sum * 100) / 100,
          };
          log(
            `fold: ${fold.monitors} monitors × 90 days, ${hourly} hourly rows into ${daily} daily rows in ${fold.seconds} s`,
          );
          break;
        }
        if (Date.now() - tl > 600_000) throw new Error('the rollup fold did not finish');
        await sleep(200);
      }
      if (SCALE_MONITORS > 0) {
        // Loaded with the control plane stopped (the tables' indexes are rebuilt at the end).
        await stopControlPlane(cp);
        await seedScale(pg, measured, today, bucketOf);
        env.PORT = String(await freePort());
        cp = startControlPlane(2, env, CP_NODE_ARGS);
        await waitReady(cp);
      }
      await pg.query('ANALYZE');
      log(`history loaded in ${Math.round((Date.now() - tl) / 1000)} s`);
    }
    if (!INGEST_ONLY) {
      rows = (await pg.query('SELECT count(*)::int AS n FROM check_results WHERE monitor_id = $1', [measured.id]))
        .rows[0].n;
      allRows = (await pg.query('SELECT count(*)::int AS n FROM check_results')).rows[0].n;
      const scale = (
        await pg.query(
          `SELECT (SELECT count(*) FROM rollups_daily)::int AS daily, (SELECT count(*) FROM rollups_hourly)::int AS hourly, (SELECT count(*) FROM monitors)::int AS monitors`,
        )
      ).rows[0];
      log(
        `history: ${rows} results of the measured monitor, ${allRows} in all; ${scale.monitors} monitors, ${scale.daily} daily and ${scale.hourly} hourly rollup rows`,
      );

      // --- (a) queries ---
      const now = Date.now();
      const iso = (t) => new Date(t).toISOString();
      const yesterday = iso(today - DAY_MS).slice(0, 10);
      const windowQuery =
        (span, extra = '') =>
        () => {
          const to = now - Math.floor(Math.random() * HOUR_MS);
          return `/monitors/${measured.id}/response-times?from=${iso(to - span)}&to=${iso(to)}${extra}`;
        };
      const queries = [
        ['response-times 1 h (minute)', windowQuery(HOUR_MS)],
        ['response-times 24 h (hour)', windowQuery(DAY_MS)],
        ['response-times 30 d (day)', windowQuery(30 * DAY_MS)],
        ['response-times 90 d (day)', windowQuery(90 * DAY_MS)],
        ['response-times 1 h, region r2', windowQuery(HOUR_MS, '&region=r2')],
        ['response-times 24 h, region r2', windowQuery(DAY_MS, '&region=r2')],
        ['response-times 30 d, region r2', windowQuery(30 * DAY_MS, '&region=r2')],
        ['response-times 90 d, region r2', windowQuery(90 * DAY_MS, '&region=r2')],
        ['response-times 30 d by hour', windowQuery(30 * DAY_MS, '&bucket=hour')],
        ['uptime daily (90 days)', () => `/monitors/${measured.id}/uptime/daily`],
        ['uptime daily (90 days), region r3', () => `/monitors/${measured.id}/uptime/daily?region=r3`],
        ['uptime hourly (a date)', () => `/monitors/${measured.id}/uptime/hourly?date=${yesterday}`],
        [
          'uptime minutes (an hour), region r1',
          () =>
            `/monitors/${measured.id}/uptime/minutes?date=${yesterday}&hour=${Math.floor(Math.random() * 24)}&region=r1`,
        ],
        [
          'uptime minutes (an hour), overall',
          () => `/monitors/${measured.id}/uptime/minutes?date=${yesterday}&hour=${Math.floor(Math.random() * 24)}`,
        ],
        ['logs (24 h, page 1)', () => `/monitors/${measured.id}/logs`],
        ['status (30-day uptime)', () => `/monitors/${measured.id}/status`],
        ['history (24 h)', () => `/monitors/${measured.id}/history?hours=24`],
        ['stats (30 d)', () => `/monitors/${measured.id}/stats?days=30`],
        ['checks (latest 20 rounds with their regions)', () => `/monitors/${measured.id}/checks?limit=20`],
      ].filter(([name]) => !QUERY_FILTER || QUERY_FILTER.test(name));
      for (let run = 1; run <= REPEAT; run++) {
        for (const [name, url] of queries) {
          for (let i = 0; i < 20; i++) {
            const res = await api(cp.base, key, 'GET', url());
            if (res.status !== 200) throw new Error(`${name}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
          }
          const times = [];
          const cpu0 = cpuSecondsOf(cp.child.pid);
          for (let i = 0; i < QUERIES; i++) {
            const s = process.hrtime.bigint();
            const res = await api(cp.base, key, 'GET', url());
            times.push(Number(process.hrtime.bigint() - s) / 1e6);
            if (res.status !== 200) throw new Error(`${name}: ${res.status}`);
          }
          // CPU of the control plane per request: what a shared machine's load does not move much.
          const cpuMs =
            cpu0 === null ? null : Math.round(((cpuSecondsOf(cp.child.pid) - cpu0) * 1000 * 10) / QUERIES) / 10;
          times.sort((a, b) => a - b);
          results.push({
            query: name,
            run,
            load: Math.round(loadavg()[0] * 100) / 100,
            cp_cpu_ms: cpuMs,
            p50_ms: Math.round(percentile(times, 0.5) * 10) / 10,
            p99_ms: Math.round(percentile(times, 0.99) * 10) / 10,
            max_ms: Math.round(times[times.length - 1] * 10) / 10,
          });
          log(
            `${REPEAT > 1 ? `run ${run}: ` : ''}${name}: p50 ${fmt(percentile(times, 0.5))} ms, p99 ${fmt(percentile(times, 0.99))} ms, control plane CPU ${fmt(cpuMs)} ms/request (load ${loadavg()[0].toFixed(2)})`,
          );
        }
      }
    }

    if (QUERIES_ONLY || REUSE_DB) {
      printQueries(rows, allRows, results, fold);
      process.stdout.write(
        JSON.stringify({
          bench: 'history',
          scale_monitors: SCALE_MONITORS,
          rows_measured_monitor: rows,
          rows_total: allRows,
          queries: results,
          fold,
          runtime_s: Math.round((Date.now() - t0) / 1000),
        }) + '\n',
      );
      return;
    }

    // --- (b) ingestion ---
    const ingest = [];
    // Through POST /monitors/bulk, 1,000 a call, so the part can run at 30,000 monitors.
    for (let i = 0; i < INGEST_MONITORS; i += 1000) {
      const monitors = [];
      for (let j = i; j < Math.min(INGEST_MONITORS, i + 1000); j++)
        monitors.push({
          name: `ingest ${j}`,
          url: 'http://127.0.0.1:9/',
          check_interval: 60,
          regions: REGIONS,
          paused: true,
        });
      const res = await api(cp.base, key, 'POST', '/monitors/bulk', { monitors });
      if (res.status !== 201)
        throw new Error(`POST /monitors/bulk: ${res.status} ${JSON.stringify(res.body).slice(0, 2000)}`);
      for (const m of res.body.data) ingest.push(m.id);
    }
    const roundStart = Math.floor((Date.now() - HOUR_MS) / 1000) * 1000; // whole seconds: results carry it back as scheduled_at
    await pg.query(
      `INSERT INTO rounds (id, monitor_id, account_id, round, scheduled_at, deadline_at, regions, quorum, dispatched_at)
       SELECT 'chk_i' || m.i || '_' || n, m.id, $2, n, to_timestamp($3::float8 / 1000 + n * 60), now() + interval '1 hour', $4, 3, now()
         FROM unnest($1::text[]) WITH ORDINALITY AS m(id, i), generate_series(1, $5::int) AS n`,
      [ingest, accountId, roundStart, REGIONS, INGEST_ROUNDS],
    );
    // As autovacuum would after a bulk load (this machine's PostgreSQL runs with it off).
    await pg.query('ANALYZE');
    await stopControlPlane(cp);
    const js = nc.jetstream();
    const names = natsNames(prefix);
    const tp = Date.now();
    let inFlight = [];
    let published = 0;
    for (let n = 1; n <= INGEST_ROUNDS; n++) {
      for (const id of ingest) {
        for (const region of REGIONS) {
          const job = jobId(id, n);
          const ms = 50 + ((n * 31 + region.length) % 200);
          const result = {
            v: 1,
            job_id: job,
            monitor_id: id,
            round: n,
            region,
            probe_id: `bench-${region}`,
            probe_version: 'bench',
            scheduled_at: new Date(roundStart + n * 60_000).toISOString(),
            started_at: new Date(roundStart + n * 60_000).toISOString(),
            is_up: true,
            status_code: 200,
            response_ms: ms,
            error: null,
            phases: { dns: 1, connect: 2, tls: null, first_byte: ms - 5, total: ms },
            response_headers: null,
            response_body: null,
          };
          inFlight.push(js.publish(names.results(region), encode(result), { msgID: resultMsgId(job, region) }));
          published++;
          if (inFlight.length >= 2000) {
            await Promise.all(inFlight);
            inFlight = [];
          }
        }
      }
    }
    await Promise.all(inFlight);
    log(
      `published ${published} results in ${Math.round((Date.now() - tp) / 100) / 10} s; restarting the control plane`,
    );
    env.PORT = String(await freePort());
    cp = startControlPlane(1, env, CP_NODE_ARGS);
    await waitReady(cp);
    const ready = Date.now();
    const cpCpu0 = cpuSecondsOf(cp.child.pid);
    const pgCpu0 = procCpuSeconds('postgres');
    // Polled on the control plane's counter (a count(*) every 250 ms would itself load PostgreSQL
    // and be measured with it); the rows are counted once at the end.
    const count = async () => {
      const m = parseMetrics(await (await fetch(`${cp.base}/metrics`)).text());
      return (
        sum(m, 'parallax_results_ingested_total', 'outcome="stored"') +
        sum(m, 'parallax_results_ingested_total', 'outcome="late"')
      );
    };
    const rowCount = async () =>
      (
        await pg.query(
          'SELECT count(*)::int AS n FROM check_results WHERE monitor_id = ANY($1::text[]) AND scheduled_at >= $2',
          [ingest, new Date(roundStart)],
        )
      ).rows[0].n;
    const samples = [];
    for (;;) {
      const n = await count();
      samples.push({ t: Date.now(), n });
      if (n >= published || Date.now() - ready > 300_000) break;
      await sleep(250);
    }
    const done = samples[samples.length - 1];
    const rowsStored = await rowCount();
    if (rowsStored !== done.n) log(`the counter says ${done.n} stored, the table holds ${rowsStored} rows`);
    // Sustained: from the first sample with rows stored to the end (excludes start-up).
    const firstStored = samples.find((s) => s.n > 0) || done;
    const decided = (
      await pg.query(
        `SELECT count(*)::int AS n FROM rounds WHERE monitor_id = ANY($1::text[]) AND decided_at IS NOT NULL`,
        [ingest],
      )
    ).rows[0].n;
    const ingestion = {
      results: published,
      stored: done.n,
      seconds_from_ready: Math.round((done.t - ready) / 100) / 10,
      results_per_s_from_ready: Math.round(done.n / ((done.t - ready) / 1000)),
      sustained_results_per_s: Math.round((done.n - firstStored.n) / Math.max(0.001, (done.t - firstStored.t) / 1000)),
      rounds_decided: decided,
      // CPU per stored result (steadier than the rate on a shared machine): the control plane's, and PostgreSQL's backends'.
      cp_cpu_ms_per_result:
        cpCpu0 === null ? null : Math.round(((cpuSecondsOf(cp.child.pid) - cpCpu0) * 1e6) / Math.max(1, done.n)) / 1000,
      pg_cpu_ms_per_result:
        pgCpu0 === null ? null : Math.round(((procCpuSeconds('postgres') - pgCpu0) * 1e6) / Math.max(1, done.n)) / 1000,
    };
    log(
      `ingestion: ${ingestion.sustained_results_per_s} results/s sustained, ${decided} rounds decided; CPU per result: control plane ${ingestion.cp_cpu_ms_per_result} ms, postgres ${ingestion.pg_cpu_ms_per_result} ms`,
    );

    const out = printQueries(rows, allRows, results, fold, false);
    if (fold)
      out.push(
        `rollup fold: ${fold.monitors} monitors × 90 closed days, ${fold.hourly_rows} hourly rows into ${fold.daily_rows} daily rows in ${fold.seconds} s`,
      );
    out.push(
      `ingestion: ${ingestion.stored}/${ingestion.results} results stored ${ingestion.seconds_from_ready} s after readiness; sustained ${ingestion.sustained_results_per_s} results/s (target ${TARGET_INGEST_PER_S}); ${decided} rounds decided; CPU per result: control plane ${ingestion.cp_cpu_ms_per_result} ms, postgres ${ingestion.pg_cpu_ms_per_result} ms`,
    );
    out.push('');
    process.stdout.write(out.join('\n') + '\n');
    process.stdout.write(
      JSON.stringify({
        bench: 'history',
        rows_measured_monitor: rows,
        rows_total: allRows,
        queries: results,
        fold,
        ingestion,
        runtime_s: Math.round((Date.now() - t0) / 1000),
      }) + '\n',
    );
  } finally {
    await pg.end().catch(() => undefined);
    if (KEEP_DB || REUSE_DB) {
      log(`keeping database ${dbName} (BENCH_KEEP_DB)`);
      cleanups.shift();
    }
    for (const c of cleanups.reverse()) await c().catch((e) => log(`cleanup: ${e.message}`));
  }
}

runBench(main);
