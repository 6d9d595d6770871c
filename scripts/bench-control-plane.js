'use strict';
/**
 * Control-plane throughput benchmark with two replicas (after `npm run build`). Not a test.
 *
 * Setup: a fresh PostgreSQL database and a random NATS prefix; BENCH_REPLICAS (2) built
 * control planes on their own ports, sharing both; fake presence for regions r1, r2, r3
 * (so every region gets jobs); one account (signup) and BENCH_MONITORS (5,000) http
 * monitors with a 1 s interval, created through the REST API (POST /monitors, spread
 * over the replicas, BENCH_CREATE_CONCURRENCY requests in flight). Rounds get a long
 * deadline (ROUND_GRACE_SECONDS=300), so no deadline sweep runs during the bench.
 *
 * (a) Dispatch: counts the jobs on `<prefix>.jobs.*` (a plain subscription, no probe
 *     answers them) for BENCH_DURATION_MS (10 s) after a warmup: rounds/s = jobs/s / 3.
 *     Scheduler lag and claims per replica come from each replica's /metrics
 *     (parallax_scheduler_lag_seconds, parallax_rounds_claimed_total, _skipped_total).
 * (b) Ingestion: pauses every monitor (one SQL UPDATE instead of 5,000 API calls; the
 *     scheduler reads `paused` from the row at each tick, as after PATCH /toggle), takes
 *     up to BENCH_RESULT_ROUNDS undecided rounds from (a) and publishes one valid ResultV1
 *     per round and region into JetStream (`Nats-Msg-Id` = `<job id>.<region>`, as a
 *     probe does), then measures parallax_results_ingested_total across the replicas and
 *     the check_results row count over BENCH_DURATION_MS after a warmup. Every third
 *     result of a round completes it, so the replica also decides the round.
 *
 * Prints a table and a final JSON line; stops the replicas, deletes the stream and drops
 * the database. Environment: PG_ADMIN_URL (postgres://postgres@127.0.0.1:5432/postgres),
 * NATS_URL (nats://127.0.0.1:4222), BENCH_REPLICAS, BENCH_MONITORS, BENCH_DURATION_MS,
 * BENCH_WARMUP_MS (3000), BENCH_RESULT_ROUNDS (8000), BENCH_CREATE_CONCURRENCY (16),
 * BENCH_TICK_MS (SCHEDULER_TICK_MS of the replicas; default: the app's default).
 */
const { machineCpu, procCpuSeconds } = require('./bench-cpu');
const { existsSync } = require('node:fs');
const { randomBytes } = require('node:crypto');
const { Client } = require('pg');
const { connect } = require('nats');
const { natsNames, jobId, resultMsgId, encode } = require('@parallax/contracts');

const REPLICAS = Number(process.env.BENCH_REPLICAS || 2);
const MONITORS = Number(process.env.BENCH_MONITORS || 5000);
const DURATION_MS = Number(process.env.BENCH_DURATION_MS || 10_000);
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS || 3_000);
const RESULT_ROUNDS = Number(process.env.BENCH_RESULT_ROUNDS || 8_000);
const CREATE_CONCURRENCY = Number(process.env.BENCH_CREATE_CONCURRENCY || 16);
const TICK_MS = process.env.BENCH_TICK_MS;
const REGIONS = ['r1', 'r2', 'r3'];

const {
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

function log(msg) {
  process.stderr.write(`[bench-cp] ${msg}\n`);
}

async function scrape(cps) {
  return Promise.all(cps.map(async (cp) => parseMetrics(await (await fetch(`${cp.base}/metrics`)).text())));
}

/** Mean and bucket-estimated quantiles of a histogram's growth between two scrapes (summed over replicas). */
function histogramDelta(before, after, name) {
  const buckets = new Map();
  let count = 0;
  let total = 0;
  for (let i = 0; i < after.length; i++) {
    count += sum(after[i], `${name}_count`) - sum(before[i], `${name}_count`);
    total += sum(after[i], `${name}_sum`) - sum(before[i], `${name}_sum`);
    for (const k of Object.keys(after[i])) {
      const m = new RegExp(`^${name}_bucket\\{le="([^"]+)"\\}$`).exec(k);
      if (m) buckets.set(m[1], (buckets.get(m[1]) || 0) + after[i][k] - (before[i][k] || 0));
    }
  }
  const bounds = [...buckets.entries()]
    .map(([le, n]) => ({ le: le === '+Inf' ? Infinity : Number(le), n }))
    .sort((a, b) => a.le - b.le);
  const quantile = (q) => {
    if (!count) return null;
    const b = bounds.find((x) => x.n >= q * count);
    return b ? b.le : null;
  };
  return { count, mean_s: count ? total / count : null, p50_le_s: quantile(0.5), p99_le_s: quantile(0.99) };
}

/**
 * Where the CPU went in a window: the control planes (their own metric), nats-server,
 * this driver, and the rest of the machine (PostgreSQL, whose backends come and go, and
 * anything else running on the box).
 */
function cpuSnapshot(metrics) {
  const self = process.cpuUsage();
  const machine = machineCpu();
  return {
    control_planes: metrics.reduce((n, m) => n + sum(m, 'process_cpu_seconds_total'), 0),
    nats_server: procCpuSeconds('nats-server'),
    driver: (self.user + self.system) / 1e6,
    machine: machine ? machine.busy / 100 : null,
  };
}

function cpuSpent(a, b) {
  const out = {};
  for (const k of Object.keys(a))
    out[k] = a[k] === null || b[k] === null ? null : Math.round((b[k] - a[k]) * 100) / 100;
  if (out.machine !== null)
    out.rest = Math.round((out.machine - out.control_planes - (out.nats_server ?? 0) - out.driver) * 100) / 100;
  return out;
}

function cpuBusy(a, b) {
  return a && b && b.total > a.total ? Math.round(((b.busy - a.busy) / (b.total - a.total)) * 1000) / 1000 : null;
}

function fmt(v, digits = 0) {
  return v === null || v === undefined || Number.isNaN(v) ? '-' : Number(v).toFixed(digits);
}

async function main() {
  if (!existsSync(CONTROL_PLANE_MAIN)) throw new Error(`${CONTROL_PLANE_MAIN} is missing: run \`npm run build\` first`);
  const t0 = Date.now();
  const tag = randomBytes(4).toString('hex');
  const dbName = `bench_cp_${tag}`;
  const prefix = `bench_cp_${tag}`;
  const names = natsNames(prefix);
  const cleanups = [];
  const admin = new Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  await admin.end();
  const databaseUrl = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${dbName}`);
  cleanups.push(async () => {
    const c = new Client({ connectionString: PG_ADMIN_URL });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await c.end();
  });
  const nc = await connect({ servers: NATS_URL, name: 'parallax-bench-control-plane' });
  cleanups.push(async () => {
    const jsm = await nc.jetstreamManager();
    for (const region of REGIONS) await jsm.streams.delete(names.regionResultsStream(region)).catch(() => undefined);
    await nc.drain();
  });
  const cps = [];
  cleanups.push(() => Promise.all(cps.map((cp) => stopControlPlane(cp))));
  const pg = new Client({ connectionString: databaseUrl });
  try {
    // Fake probes' presence, so that every region receives jobs.
    const startedAt = new Date().toISOString();
    const announce = () => {
      for (const region of REGIONS) {
        nc.publish(
          names.presence(region),
          encode({
            v: 1,
            region,
            probe_id: `bench-${region}`,
            version: 'bench',
            in_flight: 0,
            queued: 0,
            capacity: 64,
            started_at: startedAt,
            sent_at: new Date().toISOString(),
          }),
        );
      }
    };
    announce();
    const presenceTimer = setInterval(announce, 1000);
    cleanups.push(async () => clearInterval(presenceTimer));

    log(`starting ${REPLICAS} control planes (database ${dbName}, NATS prefix ${prefix})`);
    for (let i = 0; i < REPLICAS; i++) {
      const env = {
        PORT: String(await freePort()),
        DATABASE_URL: databaseUrl,
        NATS_URL,
        NATS_PREFIX: prefix,
        REGIONS: REGIONS.join(','),
        JWT_SECRET: `bench-secret-${tag}-${tag}`,
        ALLOW_PRIVATE_TARGETS: 'true',
        MIN_INTERVAL_SECONDS: '1',
        PLAN_FREE_MAX_MONITORS: '1000000',
        RATE_LIMIT_PER_MINUTE: '1000000',
        ROUND_GRACE_SECONDS: '300',
        LOG_LEVEL: 'warn',
        ...(TICK_MS ? { SCHEDULER_TICK_MS: TICK_MS } : {}),
      };
      cps.push(startControlPlane(i, env));
    }
    await Promise.all(cps.map((cp) => waitReady(cp)));
    await pg.connect();

    // One account per creating worker: creates within one account serialise on the
    // account's plan-limit check, so the monitors are spread over several accounts.
    const keys = await Promise.all(
      Array.from({ length: CREATE_CONCURRENCY }, async (_, w) => {
        const res = await api(cps[w % cps.length].base, null, 'POST', '/auth/signup', {
          email: `bench-${tag}-${w}@example.com`,
          password: 'correct horse battery',
          name: `Bench ${w}`,
        });
        if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
        return res.body.data.api_key.key;
      }),
    );

    // Jobs counter, before the first monitor exists.
    let jobs = 0;
    nc.subscribe(`${prefix}.jobs.*`, { callback: () => jobs++ });
    await nc.flush();

    log(`creating ${MONITORS} monitors through the API (${CREATE_CONCURRENCY} accounts, one request in flight each)`);
    const createStart = Date.now();
    let next = 0;
    await Promise.all(
      keys.map(async (key, w) => {
        for (let i = next++; i < MONITORS; i = next++) {
          const res = await api(cps[(i + w) % cps.length].base, key, 'POST', '/monitors', {
            name: `bench ${i}`,
            url: 'http://127.0.0.1:9/',
            check_interval: 1,
            timeout: 1,
          });
          if (res.status !== 201) throw new Error(`POST /monitors: ${res.status} ${JSON.stringify(res.body)}`);
        }
      }),
    );
    const createSeconds = (Date.now() - createStart) / 1000;
    log(
      `created in ${createSeconds.toFixed(1)} s (${fmt(MONITORS / createSeconds)} monitors/s while scheduling); warming up ${WARMUP_MS} ms`,
    );

    // (a) Dispatch.
    await sleep(WARMUP_MS);
    const dBefore = await scrape(cps);
    const procA0 = cpuSnapshot(dBefore);
    const jobs0 = jobs;
    const cpuA0 = machineCpu();
    const aStart = Date.now();
    await sleep(DURATION_MS);
    const jobsInWindow = jobs - jobs0;
    const cpuA1 = machineCpu();
    const aSeconds = (Date.now() - aStart) / 1000;
    const dAfter = await scrape(cps);
    const procA1 = cpuSnapshot(dAfter);
    const claimedBy = cps.map(
      (_, i) => sum(dAfter[i], 'parallax_rounds_claimed_total') - sum(dBefore[i], 'parallax_rounds_claimed_total'),
    );
    const skipped = cps.reduce(
      (n, _, i) =>
        n + sum(dAfter[i], 'parallax_rounds_skipped_total') - sum(dBefore[i], 'parallax_rounds_skipped_total'),
      0,
    );
    const lag = histogramDelta(dBefore, dAfter, 'parallax_scheduler_lag_seconds');
    const dispatch = {
      monitors: MONITORS,
      wanted_rounds_per_s: MONITORS,
      jobs: jobsInWindow,
      seconds: aSeconds,
      jobs_per_s: jobsInWindow / aSeconds,
      rounds_per_s: jobsInWindow / REGIONS.length / aSeconds,
      claimed_by_replica: claimedBy,
      skipped_rounds: skipped,
      scheduler_lag: lag,
      machine_cpu_busy: cpuBusy(cpuA0, cpuA1),
      cpu_seconds: cpuSpent(procA0, procA1),
    };
    log(`dispatch: ${fmt(dispatch.rounds_per_s)} rounds/s (${fmt(dispatch.jobs_per_s)} jobs/s)`);

    // (b) Ingestion: stop scheduling, then feed results for undecided rounds.
    await pg.query('UPDATE monitors SET paused = true');
    await sleep(1000);
    const pending = (
      await pg.query(
        `SELECT monitor_id, round::bigint::text AS round, regions, scheduled_at FROM rounds
          WHERE decided_at IS NULL AND dispatched_at IS NOT NULL ORDER BY created_at LIMIT $1`,
        [RESULT_ROUNDS],
      )
    ).rows;
    const js = nc.jetstream();
    const toPublish = pending.length * REGIONS.length;
    log(`ingestion: publishing ${toPublish} results for ${pending.length} undecided rounds into JetStream`);
    let published = 0;
    let publishFailures = 0;
    let publishDoneAt = null;
    const publisher = (async () => {
      const inFlight = new Set();
      for (const r of pending) {
        const round = Number(r.round);
        const job = jobId(r.monitor_id, round);
        for (const region of r.regions) {
          const result = {
            v: 1,
            job_id: job,
            monitor_id: r.monitor_id,
            round,
            region,
            probe_id: `bench-${region}`,
            probe_version: 'bench',
            scheduled_at: r.scheduled_at.toISOString(),
            started_at: new Date().toISOString(),
            is_up: true,
            status_code: 200,
            response_ms: 12.5,
            error: null,
            phases: { dns: 0.4, connect: 0.6, tls: null, first_byte: 11.2, total: 12.5 },
            response_headers: null,
            response_body: null,
          };
          const p = js
            .publish(names.results(region), encode(result), { msgID: resultMsgId(job, region) })
            .then(
              () => published++,
              () => publishFailures++,
            )
            .finally(() => inFlight.delete(p));
          inFlight.add(p);
          if (inFlight.size >= 1024) await Promise.race(inFlight);
        }
      }
      await Promise.all(inFlight);
      publishDoneAt = Date.now();
    })();
    const bStart0 = Date.now();
    const countRows = async () => (await pg.query('SELECT count(*)::int AS n FROM check_results')).rows[0].n;
    // The window starts once the backlog is in the stream (the replicas ingest meanwhile),
    // so the publisher does not compete with them for CPU during the measurement.
    await Promise.race([publisher, sleep(20_000)]);
    await sleep(500);
    const iBefore = await scrape(cps);
    const procB0 = cpuSnapshot(iBefore);
    const rows0 = await countRows();
    const cpuB0 = machineCpu();
    const bStart = Date.now();
    await sleep(DURATION_MS);
    const iAfter = await scrape(cps);
    const procB1 = cpuSnapshot(iAfter);
    const cpuB1 = machineCpu();
    const rows1 = await countRows();
    const bSeconds = (Date.now() - bStart) / 1000;
    const jsm = await nc.jetstreamManager();
    let backlogAtEnd = 0;
    for (const region of REGIONS) {
      const consumer = await jsm.consumers.info(names.regionResultsStream(region), names.resultsConsumer);
      backlogAtEnd += consumer.num_pending + consumer.num_ack_pending;
    }
    const ingestedBy = cps.map(
      (_, i) => sum(iAfter[i], 'parallax_results_ingested_total') - sum(iBefore[i], 'parallax_results_ingested_total'),
    );
    const storedBy = cps.map(
      (_, i) =>
        sum(iAfter[i], 'parallax_results_ingested_total', 'outcome="stored"') -
        sum(iBefore[i], 'parallax_results_ingested_total', 'outcome="stored"'),
    );
    const decidedBy = cps.map(
      (_, i) => sum(iAfter[i], 'parallax_decisions_total') - sum(iBefore[i], 'parallax_decisions_total'),
    );
    const ingested = ingestedBy.reduce((a, b) => a + b, 0);
    const ingestion = {
      results_published: published,
      publish_failures: publishFailures,
      publish_per_s: publishDoneAt
        ? published / ((publishDoneAt - bStart0) / 1000)
        : published / ((Date.now() - bStart0) / 1000),
      seconds: bSeconds,
      ingested,
      ingested_per_s: ingested / bSeconds,
      ingested_by_replica: ingestedBy,
      stored_by_replica: storedBy,
      rounds_decided_by_replica: decidedBy,
      check_results_rows_per_s: (rows1 - rows0) / bSeconds,
      backlog_at_end: backlogAtEnd,
      saturated: backlogAtEnd > 0,
      machine_cpu_busy: cpuBusy(cpuB0, cpuB1),
      cpu_seconds: cpuSpent(procB0, procB1),
    };
    log(`ingestion: ${fmt(ingestion.ingested_per_s)} results/s (backlog at the end of the window: ${backlogAtEnd})`);
    // Stop publishing what is left; pending publishes settle before the cleanup.
    pending.length = 0;
    await publisher;

    const rows = [
      ['', 'per second', 'detail'],
      [
        'rounds dispatched (2 replicas)',
        fmt(dispatch.rounds_per_s),
        `${fmt(dispatch.jobs_per_s)} jobs/s for ${MONITORS} monitors due every second; claims per replica ${claimedBy.join(' / ')}; skipped ${skipped}; machine CPU ${fmt(dispatch.machine_cpu_busy * 100)}%`,
      ],
      [
        'scheduler lag',
        '-',
        `mean ${fmt(lag.mean_s * 1000)} ms, p50 <= ${fmt(lag.p50_le_s * 1000)} ms, p99 <= ${fmt(lag.p99_le_s * 1000)} ms (histogram buckets)`,
      ],
      [
        'results ingested (2 replicas)',
        fmt(ingestion.ingested_per_s),
        `per replica ${ingestedBy.join(' / ')}; check_results rows ${fmt(ingestion.check_results_rows_per_s)}/s; backlog left ${backlogAtEnd}${backlogAtEnd > 0 ? ' (saturated)' : ' (NOT saturated: backlog ran out)'}; machine CPU ${fmt(ingestion.machine_cpu_busy * 100)}%`,
      ],
      [
        'rounds decided by results',
        fmt(decidedBy.reduce((a, b) => a + b, 0) / bSeconds),
        `per replica ${decidedBy.join(' / ')}`,
      ],
    ];
    const cpuLine = (c) =>
      `control planes ${fmt(c.control_planes, 1)}, nats-server ${fmt(c.nats_server, 1)}, driver ${fmt(c.driver, 1)}, rest (PostgreSQL, other load) ${fmt(c.rest, 1)} of ${fmt(c.machine, 1)} busy`;
    rows.push(['CPU s in the dispatch window', '-', cpuLine(dispatch.cpu_seconds)]);
    rows.push(['CPU s in the ingestion window', '-', cpuLine(ingestion.cpu_seconds)]);
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
    const line = (r) =>
      r
        .map((c, i) => (i === 1 ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i])))
        .join('  ')
        .trimEnd();
    const out = [
      '',
      `Parallax control-plane benchmark: ${REPLICAS} replicas, ${MONITORS} monitors every 1 s, 3 regions, ${DURATION_MS / 1000} s windows`,
      line(rows[0]),
      widths.map((w) => '-'.repeat(w)).join('  '),
    ];
    for (const r of rows.slice(1)) out.push(line(r));
    out.push('');
    process.stdout.write(out.join('\n') + '\n');
    process.stdout.write(
      JSON.stringify({
        bench: 'control-plane',
        replicas: REPLICAS,
        monitors: MONITORS,
        create_monitors_per_s: Math.round(MONITORS / createSeconds),
        dispatch: {
          ...dispatch,
          jobs_per_s: Math.round(dispatch.jobs_per_s),
          rounds_per_s: Math.round(dispatch.rounds_per_s),
        },
        ingestion: {
          ...ingestion,
          ingested_per_s: Math.round(ingestion.ingested_per_s),
          publish_per_s: Math.round(ingestion.publish_per_s),
          check_results_rows_per_s: Math.round(ingestion.check_results_rows_per_s),
        },
        runtime_s: Math.round((Date.now() - t0) / 100) / 10,
      }) + '\n',
    );
  } finally {
    await pg.end().catch(() => undefined);
    for (const c of cleanups.reverse()) await c().catch((e) => log(`cleanup: ${e.message}`));
  }
}

runBench(main);
