'use strict';
/**
 * Public status page latency (`npm run bench`, after `npm run build`). Not a test.
 *
 * Setup: a fresh PostgreSQL database and NATS prefix; one built control plane; one account
 * with BENCH_PAGE_MONITORS (50) paused http monitors (created through the API), each with
 * 89 days of daily rollups and 24 h of hourly rollups for the whole monitor and its three
 * regions (written with SQL, as the fold and ingestion leave them) and a resolved incident;
 * one status page listing them in five groups.
 *
 * one scheduled maintenance affecting ten of them, and the last full hour's 60 decided rounds
 * of one monitor (for the minute records).
 *
 * Measures, after BENCH_WARMUP (50) requests of each, BENCH_REQUESTS (500) sequential
 * requests of every public route of the page: the HTML page (`/s/{slug}`), StatusCore's JSON
 * (`/api/public/status/{slug}`), Valtrogen's routes (`/s/{slug}/api/...`: monitors, one
 * monitor, hourly data, minute records, a group, maintenance list and detail), the page and
 * monitor badges and the Atom and RSS feeds: p50, p95, p99, max in ms (client side,
 * loopback). BENCH_ROUTES (comma-separated route names, e.g. `html,statuscore`) measures only
 * those.
 * BENCH_PAGE_CACHE_MS sets the replica's PUBLIC_PAGE_CACHE_MS (default 5000; 0 measures every request
 * rendered from the database). Prints a table and a final JSON line; stops the control plane and drops the database.
 */
const { randomBytes } = require('node:crypto');
const { existsSync } = require('node:fs');
const { Client } = require('pg');
const {
  api,
  CONTROL_PLANE_MAIN,
  createBenchDatabase,
  NATS_URL,
  runBench,
  freePort,
  startControlPlane,
  stopControlPlane,
  waitReady,
} = require('./bench-control-plane-process');

const MONITORS = Number(process.env.BENCH_PAGE_MONITORS || 50);
const REQUESTS = Number(process.env.BENCH_REQUESTS || 500);
const WARMUP = Number(process.env.BENCH_WARMUP || 50);
const DAY = 86_400_000;

const log = (m) => process.stderr.write(`[bench-status-page] ${m}\n`);

function quantiles(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { p50: q(0.5), p95: q(0.95), p99: q(0.99), max: s[s.length - 1] };
}

async function measure(url) {
  for (let i = 0; i < WARMUP; i++) await (await fetch(url)).arrayBuffer();
  const times = [];
  let bytes = 0;
  for (let i = 0; i < REQUESTS; i++) {
    const t0 = process.hrtime.bigint();
    const res = await fetch(url);
    const body = await res.arrayBuffer();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    bytes = body.byteLength;
  }
  const q = quantiles(times);
  return { ...Object.fromEntries(Object.entries(q).map(([k, v]) => [k, Math.round(v * 100) / 100])), bytes };
}

async function main() {
  if (!existsSync(CONTROL_PLANE_MAIN)) throw new Error('run `npm run build` first');
  const tag = randomBytes(4).toString('hex');
  const { databaseUrl, drop } = await createBenchDatabase(`bench_page_${tag}`);
  const port = await freePort();
  const cp = startControlPlane(0, {
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    NATS_URL,
    NATS_PREFIX: `bench_page_${tag}`,
    REGIONS: 'r1,r2,r3',
    JWT_SECRET: `bench-secret-${tag}-${tag}`,
    ALLOW_PRIVATE_TARGETS: 'true',
    RATE_LIMIT_PER_MINUTE: '1000000',
    LOG_LEVEL: 'warn',
    PLAN_FREE_MAX_MONITORS: '100000',
    ...(process.env.BENCH_PAGE_CACHE_MS ? { PUBLIC_PAGE_CACHE_MS: process.env.BENCH_PAGE_CACHE_MS } : {}),
  });
  const pg = new Client({ connectionString: databaseUrl });
  try {
    await waitReady(cp);
    const signup = await api(cp.base, null, 'POST', '/auth/signup', {
      email: `bench-${tag}@example.com`,
      password: 'bench-password-1',
      name: 'Bench',
    });
    const key = signup.body.data.api_key.key;
    const ids = [];
    const slugs = [];
    for (let i = 0; i < MONITORS; i++) {
      const m = await api(cp.base, key, 'POST', '/monitors', {
        name: `Service ${i}`,
        url: `http://127.0.0.1:9/s${i}`,
        check_interval: 60,
        paused: true,
      });
      if (m.status !== 201) throw new Error(`create monitor: ${JSON.stringify(m.body)}`);
      ids.push(m.body.data.id);
      slugs.push(m.body.data.slug);
    }
    await pg.connect();
    const accountId = (await pg.query('SELECT account_id FROM monitors LIMIT 1')).rows[0].account_id;
    const today = Math.floor(Date.now() / DAY) * DAY;
    // 89 folded days (daily rollups) and today by the hour, for '*' and each region.
    await pg.query(
      `INSERT INTO rollup_folds (monitor_id, folded_through) SELECT id, (now() AT TIME ZONE 'UTC')::date - 1 FROM monitors ON CONFLICT (monitor_id) DO UPDATE SET folded_through = EXCLUDED.folded_through`,
    );
    await pg.query(
      `INSERT INTO monitor_state (monitor_id, status, location_status)
       SELECT id, 'up', '{"r1":"up","r2":"up","r3":"up"}' FROM monitors
       ON CONFLICT (monitor_id) DO UPDATE SET status = EXCLUDED.status, location_status = EXCLUDED.location_status`,
    );
    await pg.query(
      `INSERT INTO rollups_daily (monitor_id, bucket_start, region, account_id, checks, failures, degraded, rt_count, rt_sum, rt_min, rt_max)
       SELECT m, to_timestamp($2 / 1000.0) - make_interval(days => d), r, $3, 1440, (d % 7), 0, 1440, 1440 * 120.0, 80, 400
         FROM unnest($1::text[]) m, generate_series(1, 89) d, unnest(ARRAY['*', 'r1', 'r2', 'r3']) r`,
      [ids, today, accountId],
    );
    await pg.query(
      `INSERT INTO rollups_hourly (monitor_id, bucket_start, region, account_id, checks, failures, degraded, rt_count, rt_sum, rt_min, rt_max)
       SELECT m, date_trunc('hour', now()) - make_interval(hours => h), r, $2, 60, 0, 0, 60, 60 * (100 + h), 80, 400
         FROM unnest($1::text[]) m, generate_series(0, 23) h, unnest(ARRAY['*', 'r1', 'r2', 'r3']) r`,
      [ids, accountId],
    );
    await pg.query(
      `INSERT INTO incidents (id, account_id, monitor_id, monitor_name, monitor_url, monitor_type, status, started_at, resolved_at, duration_seconds, failure_error_message, status_code, affected_regions, opened_by_round)
       SELECT 'inc_bench' || i, $2, m, 'Service', 'http://x', 'http', 'resolved', now() - interval '3 days', now() - interval '3 days' + interval '5 minutes', 300, 'expected status 200, got 503', 503, ARRAY['r1','r2'], '1'
         FROM unnest($1::text[]) WITH ORDINALITY AS t(m, i)`,
      [ids, accountId],
    );
    // The last full hour's decided rounds of the first monitor (Valtrogen's minute records).
    const hourStart = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3_600_000;
    await pg.query(
      `INSERT INTO rounds (id, monitor_id, account_id, round, scheduled_at, deadline_at, regions, quorum, dispatched_at, decided_at, outcome, regions_checked, regions_up, response_ms, status_code)
       SELECT 'rnd_bench' || n, $1, $2, 1000000 + n, to_timestamp(($3::bigint + n * 60000) / 1000.0), to_timestamp(($3::bigint + n * 60000 + 30000) / 1000.0), ARRAY['r1','r2','r3'], 2,
              to_timestamp(($3::bigint + n * 60000) / 1000.0), to_timestamp(($3::bigint + n * 60000 + 1000) / 1000.0), CASE WHEN n % 20 = 7 THEN 'down' ELSE 'up' END, 3, CASE WHEN n % 20 = 7 THEN 0 ELSE 3 END, 100 + n, CASE WHEN n % 20 = 7 THEN 503 ELSE 200 END
         FROM generate_series(0, 59) n`,
      [ids[0], accountId, String(hourStart)],
    );
    const mnt = await api(cp.base, key, 'POST', '/maintenance', {
      title: 'Database upgrade',
      description: 'PostgreSQL 15 to 16',
      monitor_ids: ids.slice(0, 10),
      starts_at: new Date(Date.now() + DAY).toISOString(),
      ends_at: new Date(Date.now() + DAY + 3_600_000).toISOString(),
    });
    if (mnt.status !== 201) throw new Error(`create maintenance: ${JSON.stringify(mnt.body)}`);
    const groups = Array.from({ length: 5 }, (_, g) => ({
      slug: `g${g}`,
      name: `Group ${g}`,
      monitor_ids: ids.filter((_, i) => i % 5 === g),
    }));
    const page = await api(cp.base, key, 'POST', '/status-pages', { slug: 'bench', title: 'Bench status', groups });
    if (page.status !== 201) throw new Error(`create page: ${JSON.stringify(page.body)}`);
    const date = new Date(hourStart).toISOString().slice(0, 10);
    const hour = new Date(hourStart).getUTCHours();
    const p = `${cp.base}/s/bench`;
    const routes = [
      ['html', 'GET /s/bench (HTML)', p],
      ['statuscore', 'GET /api/public/status/bench', `${cp.base}/api/public/status/bench`],
      ['v-monitors', 'GET …/api/monitors', `${p}/api/monitors`],
      ['v-monitor', 'GET …/api/monitors/{slug}', `${p}/api/monitors/${slugs[0]}`],
      ['v-hourly', 'GET …/api/monitors?monitorId&date', `${p}/api/monitors?monitorId=${slugs[0]}&date=${date}`],
      ['v-minutes', 'GET …/api/minutes?…&hour', `${p}/api/minutes?monitorId=${slugs[0]}&date=${date}&hour=${hour}`],
      ['v-group', 'GET …/api/groups/{slug}', `${p}/api/groups/g0`],
      ['v-maintenance', 'GET …/api/maintenance', `${p}/api/maintenance`],
      ['v-maintenance-detail', 'GET …/api/maintenance/{id}', `${p}/api/maintenance/${mnt.body.data.id}`],
      ['page-badge', 'GET …/api/badge', `${p}/api/badge`],
      ['page-badge-uptime', 'GET …/api/badge?type=uptime', `${p}/api/badge?type=uptime`],
      ['monitor-badge', 'GET /badge/{id}.svg', `${cp.base}/badge/${ids[0]}.svg`],
      ['feed-atom', 'GET …/api/feed', `${p}/api/feed`],
      ['feed-rss', 'GET …/api/feed?format=rss', `${p}/api/feed?format=rss`],
    ];
    const only = process.env.BENCH_ROUTES ? new Set(process.env.BENCH_ROUTES.split(',')) : null;
    const chosen = routes.filter(([name]) => !only || only.has(name));
    log(`${MONITORS} monitors, ${REQUESTS} requests each after ${WARMUP} warm-up, ${chosen.length} routes`);
    const results = {};
    const rows = [['route', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'bytes']];
    for (const [name, label, url] of chosen) {
      const r = await measure(url);
      results[name] = r;
      rows.push([label, r.p50, r.p95, r.p99, r.max, r.bytes]);
      log(`${label}: p50 ${r.p50} p99 ${r.p99}`);
    }
    for (const r of rows) process.stdout.write(r.map((c, i) => String(c).padEnd(i === 0 ? 38 : 10)).join('') + '\n');
    process.stdout.write(
      JSON.stringify({
        bench: 'status-page',
        monitors: MONITORS,
        requests: REQUESTS,
        cacheMs: process.env.BENCH_PAGE_CACHE_MS ?? 'default',
        routes: results,
      }) + '\n',
    );
  } finally {
    await pg.end().catch(() => undefined);
    await stopControlPlane(cp);
    await drop();
  }
}

runBench(main);
