'use strict';
/**
 * Anomaly sweep benchmark (`npm run bench -- anomalies`, after `npm run build`). Not a test.
 *
 * Setup: a fresh PostgreSQL database, a random NATS prefix and the built control plane
 * **in this process** (createApp, ANOMALY_SWEEP=false, so no background sweep runs), three
 * regions. One account; BENCH_ANOMALY_MONITORS (500) paused monitors created through the
 * API (POST /monitors/bulk). Then BENCH_ANOMALY_WEEKS (6) weeks of hourly rollups are
 * bulk-loaded with SQL for every monitor, for each region and the all-regions row ('*'), as
 * the rollup writer leaves them: 60 checks an hour, a sparse histogram of 20 timed results
 * over five buckets, a per-monitor base response time with a daily rhythm and noise, a few
 * failures. One monitor in ten steps up ×3 in one region for its last six hours (so the
 * sweep also opens anomalies; no webhook subscribes, so no delivery is queued). The tables are analysed.
 *
 * Measured: BENCH_ANOMALY_SWEEPS (3) full sweeps (`AnomaliesService.sweepAll` at one frozen
 * instant, every monitor due: each reads five weeks × 4 rows an hour, runs the detector on
 * p50, p95 and error rate per region, reconciles and writes). Between sweeps the sweep
 * marks are cleared so every monitor is due again; the first sweep also opens the step
 * anomalies, the later ones find them stored. Reported: ms per sweep, ms per monitor,
 * the control plane's CPU per monitor (process.cpuUsage: PostgreSQL's own CPU not
 * included; less sensitive than wall time to a loaded machine), rollup rows read per
 * monitor, anomalies open, the load average.
 *
 * Prints a table and a final JSON line; closes the app, deletes the NATS streams and drops
 * the database. Environment: PG_ADMIN_URL, NATS_URL, BENCH_ANOMALY_MONITORS,
 * BENCH_ANOMALY_WEEKS, BENCH_ANOMALY_SWEEPS, BENCH_KEEP_DB (1: keep the database).
 */
const { existsSync } = require('node:fs');
const { randomBytes } = require('node:crypto');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { Client } = require('pg');
const { connect } = require('nats');
const { natsNames } = require('@parallax/contracts');
const { ROOT, NATS_URL, api, runBench, createBenchDatabase } = require('./bench-control-plane-process');

const MONITORS = Number(process.env.BENCH_ANOMALY_MONITORS || 500);
const WEEKS = Number(process.env.BENCH_ANOMALY_WEEKS || 6);
const SWEEPS = Number(process.env.BENCH_ANOMALY_SWEEPS || 3);
const KEEP_DB = process.env.BENCH_KEEP_DB === '1';
const REGIONS = ['eu-west', 'us-east', 'ap-south'];
const HOUR_MS = 3_600_000;
const DIST = path.join(ROOT, 'apps', 'control-plane', 'dist');

function log(msg) {
  process.stderr.write(`[bench-anomalies] ${msg}\n`);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const r1 = (v) => Math.round(v * 10) / 10;
const r2 = (v) => Math.round(v * 100) / 100;

/**
 * Hourly rollups of `ids` (the monitors' order is their index i) for the hours [first, last],
 * regions plus '*': value v = base_i × daily rhythm × noise, its histogram bucket b (γ = 1.02,
 * as timeseries/histogram.ts), 20 timed results spread over b-2..b+2. Monitors with i % 10 = 0
 * step ×3 in eu-west from `stepAt`.
 */
async function loadRollups(pg, ids, accountId, first, last, stepAt) {
  const batch = 50;
  for (let k = 0; k < ids.length; k += batch) {
    await pg.query(
      `INSERT INTO rollups_hourly (monitor_id, bucket_start, region, account_id, checks, failures, degraded, rt_count, rt_sum, rt_min, rt_max, hist)
       SELECT x.m, x.ts, x.region, $2, 60, x.failures, 0, 20, 20 * x.v, power(1.02, x.b - 3), power(1.02, x.b + 2),
              jsonb_build_object((x.b - 2)::text, 2, (x.b - 1)::text, 5, x.b::text, 6, (x.b + 1)::text, 5, (x.b + 2)::text, 2)
         FROM (
           SELECT m.m, ts, g.region, v.v, floor(ln(v.v) / ln(1.02))::int + 1 AS b,
                  CASE WHEN random() < 0.02 THEN 1 + floor(random() * 3)::int ELSE 0 END AS failures
             FROM unnest($1::text[]) WITH ORDINALITY AS m(m, i)
            CROSS JOIN generate_series(to_timestamp($3::float8 / 1000), to_timestamp($4::float8 / 1000), interval '1 hour') AS ts
            CROSS JOIN unnest($5::text[]) AS g(region)
            CROSS JOIN LATERAL (
              SELECT (60 + (m.i % 50) * 6) * (1 + 0.25 * sin(2 * pi() * extract(hour FROM ts AT TIME ZONE 'UTC') / 24))
                     * (1 + 0.03 * (random() + random() + random() - 1.5))
                     * CASE WHEN (m.i - 1 + $7::int) % 10 = 0 AND g.region = 'eu-west' AND ts >= to_timestamp($6::float8 / 1000) THEN 3 ELSE 1 END AS v
            ) v
         ) x`,
      [ids.slice(k, k + batch), accountId, first, last, ['*', ...REGIONS], stepAt, k],
    );
  }
}

async function main() {
  if (!existsSync(path.join(DIST, 'bootstrap.js')))
    throw new Error(`${DIST}/bootstrap.js is missing: run \`npm run build\` first`);
  const { loadConfig } = require(path.join(DIST, 'config', 'config.js'));
  const { createApp } = require(path.join(DIST, 'bootstrap.js'));
  const { AnomaliesService } = require(path.join(DIST, 'anomalies', 'anomalies.service.js'));
  const { Clock } = require(path.join(DIST, 'common', 'clock.js'));

  const tag = randomBytes(4).toString('hex');
  const prefix = `bench_anom_${tag}`;
  const db = await createBenchDatabase(`bench_anomalies_${tag}`);
  const config = loadConfig({
    DATABASE_URL: db.databaseUrl,
    NATS_URL,
    NATS_PREFIX: prefix,
    JWT_SECRET: `bench-secret-${tag}-${tag}`,
    REGIONS: REGIONS.join(','),
    ALLOW_PRIVATE_TARGETS: 'true',
    RATE_LIMIT_PER_MINUTE: '1000000',
    PLAN_FREE_MAX_MONITORS: '1000000',
    ANOMALY_SWEEP: 'false',
    LOG_LEVEL: 'warn',
    PORT: '0',
  });
  let app = null;
  const pg = new Client({ connectionString: db.databaseUrl });
  try {
    app = await createApp(config);
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${app.getHttpServer().address().port}`;
    const signup = await api(base, null, 'POST', '/auth/signup', {
      email: `bench-${tag}@example.com`,
      password: 'correct horse battery',
      name: 'Bench',
    });
    if (signup.status !== 201) throw new Error(`signup: ${signup.status} ${JSON.stringify(signup.body)}`);
    const key = signup.body.data.api_key.key;
    const accountId = signup.body.data.account.id;
    const ids = [];
    for (let k = 0; k < MONITORS; k += 1000) {
      const monitors = Array.from({ length: Math.min(1000, MONITORS - k) }, (_, j) => ({
        name: `svc ${k + j}`,
        url: `http://127.0.0.1:9/s${k + j}`,
        check_interval: 60,
        regions: REGIONS,
        paused: true,
      }));
      const res = await api(base, key, 'POST', '/monitors/bulk', { monitors });
      if (res.status !== 201)
        throw new Error(`POST /monitors/bulk: ${res.status} ${JSON.stringify(res.body).slice(0, 1000)}`);
      ids.push(...res.body.data.map((m) => m.id));
    }
    await pg.connect();

    // The real time (rollup retention works on it), frozen: the last closed hour is `last`.
    const now = Math.floor(Date.now() / HOUR_MS) * HOUR_MS + 10 * 60_000;
    const last = Math.floor(now / HOUR_MS) * HOUR_MS - HOUR_MS;
    const first = last - WEEKS * 7 * 24 * HOUR_MS;
    const t0 = performance.now();
    await loadRollups(pg, ids, accountId, first, last, last - 5 * HOUR_MS);
    await pg.query('ANALYZE rollups_hourly');
    const rows = Number((await pg.query('SELECT count(*) AS n FROM rollups_hourly')).rows[0].n);
    log(
      `${MONITORS} monitors × ${REGIONS.length} regions (+ '*') × ${WEEKS} weeks: ${rows} hourly rollups loaded in ${r1((performance.now() - t0) / 1000)} s`,
    );

    const clock = app.get(Clock);
    clock.set(now);
    const sweep = app.get(AnomaliesService);
    // What one monitor's sweep reads: five weeks before the judged hour, every region and '*'.
    const readPerMonitor = Number(
      (
        await pg.query(
          `SELECT count(*) AS n FROM rollups_hourly WHERE monitor_id = $1 AND bucket_start >= $2 AND bucket_start <= $3`,
          [ids[1], new Date(last - 35 * 24 * HOUR_MS), new Date(last)],
        )
      ).rows[0].n,
    );
    const runs = [];
    const cpus = [];
    for (let s = 0; s < SWEEPS; s++) {
      await pg.query('UPDATE anomaly_sweeps SET swept_through = NULL');
      const cpu0 = process.cpuUsage();
      const start = performance.now();
      await sweep.sweepAll(now);
      const ms = performance.now() - start;
      const cpu = process.cpuUsage(cpu0);
      cpus.push((cpu.user + cpu.system) / 1000);
      const swept = Number(
        (await pg.query('SELECT count(*) AS n FROM anomaly_sweeps WHERE swept_through IS NOT NULL')).rows[0].n,
      );
      if (swept !== MONITORS) throw new Error(`sweep ${s + 1} swept ${swept} of ${MONITORS} monitors`);
      runs.push(ms);
      log(
        `sweep ${s + 1}: ${Math.round(ms)} ms (${r2(ms / MONITORS)} ms per monitor), control-plane CPU ${Math.round(cpus[s])} ms`,
      );
    }
    const anomalies = (
      await pg.query(
        `SELECT region, metric, count(*)::int AS n FROM monitor_anomalies WHERE ended_at IS NULL GROUP BY 1, 2 ORDER BY 1, 2`,
      )
    ).rows;
    const open = anomalies.reduce((a, r) => a + r.n, 0);
    clock.set(null);

    const steady = runs.length > 1 ? median(runs.slice(1)) : runs[0];
    const steadyCpu = cpus.length > 1 ? median(cpus.slice(1)) : cpus[0];
    const load = require('node:os').loadavg()[0];
    const table = [
      ['monitors', MONITORS],
      ['regions (+ all-regions row)', `${REGIONS.length} (+1)`],
      ['weeks of hourly rollups', WEEKS],
      ['hourly rollup rows', rows],
      ['rows read per monitor per sweep', readPerMonitor],
      ['first sweep (opens the steps) ms', Math.round(runs[0])],
      [`later sweeps, median of ${Math.max(1, runs.length - 1)} ms`, Math.round(steady)],
      ['ms per monitor (later sweeps)', r2(steady / MONITORS)],
      ['control-plane CPU ms per monitor', r2(steadyCpu / MONITORS)],
      ['load average (1 min) at the end', r2(load)],
      ['anomalies open', `${open} (${anomalies.map((a) => `${a.region} ${a.metric} ${a.n}`).join(', ') || 'none'})`],
    ];
    for (const [k, v] of table) process.stdout.write(`${String(k).padEnd(40)}${v}\n`);
    process.stdout.write(
      JSON.stringify({
        bench: 'anomalies',
        monitors: MONITORS,
        regions: REGIONS.length,
        weeks: WEEKS,
        rollup_rows: rows,
        rows_read_per_monitor: readPerMonitor,
        sweeps_ms: runs.map(Math.round),
        sweep_ms: Math.round(steady),
        ms_per_monitor: r2(steady / MONITORS),
        cpu_ms_per_monitor: r2(steadyCpu / MONITORS),
        load_1m: r2(load),
        anomalies_open: open,
      }) + '\n',
    );
  } finally {
    await pg.end().catch(() => undefined);
    if (app) await app.close().catch((e) => log(`close: ${e.message}`));
    const nc = await connect({ servers: NATS_URL }).catch(() => null);
    if (nc) {
      const jsm = await nc.jetstreamManager();
      for (const r of REGIONS)
        await jsm.streams.delete(natsNames(prefix).regionResultsStream(r)).catch(() => undefined);
      await nc.close();
    }
    if (KEEP_DB) log(`kept database ${db.databaseUrl}`);
    else await db.drop();
  }
}

runBench(main);
