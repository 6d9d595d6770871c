'use strict';
/**
 * Whole-system benchmark (`npm run bench -- system`, after `npm run build`; also part of the
 * default `npm run bench`). Not a test: targets are reported, never asserted.
 *
 * The `npm run local` topology on this machine: the built control plane, one built probe
 * per region (eu-west, us-east, ap-south) and a local HTTP target in its own process
 * (scripts/bench-system-target.js), on a fresh database and NATS prefix. For each scenario
 * it signs up, creates the monitors through the API (POST /monitors/bulk, 1,000 a call),
 * waits one interval plus a warmup, then measures for the window:
 *   - region results stored per second (parallax_results_ingested_total{outcome="stored"}),
 *   - the share of expected checks executed (requests at the target) and stored,
 *   - punctuality |gap − interval| p50/p99 per monitor and region, measured at the target,
 *   - scheduler and ingestion lag (control-plane histograms, bucket estimates),
 *   - CPU seconds per process (control plane, each probe, target, postgres, nats-server),
 *   - peak RSS (VmHWM) of the control plane and each probe.
 * Scenarios: (a) 600 monitors at 1 s, (b) 30,000 monitors at 60 s (three regions each).
 *
 * Usage: node scripts/bench-system.js [a|b|all] [--duration <s>] [--warmup <s>]
 *        [--cpu-prof <dir>] (profiles the control plane and the probes; .cpuprofile files)
 * Environment: PG_ADMIN_URL, NATS_URL, BENCH_PROBE_CONCURRENCY (probe PROBE_CONCURRENCY),
 * BENCH_PROBE_WORKERS (probe PROBE_WORKERS; default: the probe's own, none on 1-2 cores), BENCH_CP_ENV
 * ("K=V,K2=V2": more control-plane settings).
 */
const { existsSync, readFileSync, mkdirSync } = require('node:fs');
const { randomBytes } = require('node:crypto');
const path = require('node:path');
const { procCpuSeconds } = require('./bench-cpu');
const {
  ROOT,
  CONTROL_PLANE_MAIN,
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
  createBenchDatabase,
  spawnNode,
  stopChild,
} = require('./bench-control-plane-process');

const PROBE_MAIN = path.join(ROOT, 'apps', 'probe', 'dist', 'main.js');
const REGIONS = ['eu-west', 'us-east', 'ap-south'];
const SCENARIOS = {
  a: { name: '(a) 600 monitors at 1 s', monitors: 600, interval: 1, timeout: 1, durationS: 30, warmupS: 10 },
  b: { name: '(b) 30,000 monitors at 60 s', monitors: 30_000, interval: 60, timeout: 5, durationS: 120, warmupS: 15 },
};
const TARGETS = { storedPerS: 1500, share: 0.995, punctualityP99Ms: 1000, cpRssMb: 512, probeRssMb: 256 };

function log(msg) {
  process.stderr.write(`[bench-system] ${msg}\n`);
}

function parseArgs(argv) {
  const o = { which: 'all', durationS: null, warmupS: null, cpuProf: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--duration') o.durationS = Number(argv[++i]);
    else if (a === '--warmup') o.warmupS = Number(argv[++i]);
    else if (a === '--cpu-prof') o.cpuProf = path.resolve(argv[++i] || '.bench-prof');
    else if (['a', 'b', 'all'].includes(a)) o.which = a;
    else if (a !== 'system')
      throw new Error(`unknown argument ${a} (usage: [a|b|all] [--duration s] [--warmup s] [--cpu-prof dir])`);
  }
  return o;
}

/** utime+stime seconds and peak RSS (MB) of one process, from /proc (null elsewhere). */
function procStat(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
    return { cpu: (Number(f[11]) + Number(f[12])) / 100, peakRssMb: hwm ? Number(hwm[1]) / 1024 : null };
  } catch {
    return { cpu: null, peakRssMb: null };
  }
}

/** p50/p99 (bucket upper bounds) of a histogram's growth between two scrapes. */
function histogramDelta(before, after, name) {
  const buckets = [];
  for (const [k, v] of Object.entries(after)) {
    const m = new RegExp(`^${name}_bucket\\{.*le="([^"]+)".*\\}$`).exec(k);
    if (m) buckets.push({ le: m[1] === '+Inf' ? Infinity : Number(m[1]), n: v - (before[k] || 0) });
  }
  const merged = new Map();
  for (const b of buckets) merged.set(b.le, (merged.get(b.le) || 0) + b.n);
  const sorted = [...merged.entries()].sort((x, y) => x[0] - y[0]);
  const count = sum(after, `${name}_count`) - sum(before, `${name}_count`);
  const total = sum(after, `${name}_sum`) - sum(before, `${name}_sum`);
  const q = (p) => {
    for (const [le, n] of sorted) if (n >= p * count) return le;
    return null;
  };
  return { count, mean_s: count ? total / count : null, p50_s: count ? q(0.5) : null, p99_s: count ? q(0.99) : null };
}

async function runScenario(sc, opts) {
  const tag = randomBytes(4).toString('hex');
  const prefix = `bench_sys_${tag}`;
  const db = await createBenchDatabase(`bench_sys_${tag}`);
  const procs = [];
  let cp = null;
  const profArgs = (who) =>
    opts.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProf}`, `--cpu-prof-name=${who}-${tag}.cpuprofile`] : [];
  try {
    const target = spawnNode('target', path.join(__dirname, 'bench-system-target.js'), {});
    procs.push(target);
    const { port: targetPort } = await target.firstJson(10_000);
    const targetUrl = `http://127.0.0.1:${targetPort}`;

    const cpPort = await freePort();
    cp = startControlPlane(
      0,
      {
        PORT: String(cpPort),
        DATABASE_URL: db.databaseUrl,
        NATS_URL,
        NATS_PREFIX: prefix,
        REGIONS: REGIONS.join(','),
        JWT_SECRET: `bench-secret-${tag}-${tag}`,
        ALLOW_PRIVATE_TARGETS: 'true',
        RATE_LIMIT_PER_MINUTE: '1000000',
        LOG_LEVEL: 'warn',
        // BENCH_CP_ENV="K=V,K2=V2": more control-plane settings (e.g. DB_BACKGROUND_POOL_SIZE=12).
        ...Object.fromEntries(
          (process.env.BENCH_CP_ENV || '')
            .split(',')
            .filter(Boolean)
            .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
        ),
      },
      profArgs('control-plane'),
    );
    await waitReady(cp);
    const probes = [];
    for (const region of REGIONS) {
      const p = spawnNode(
        `probe ${region}`,
        PROBE_MAIN,
        {
          REGION: region,
          NATS_URL,
          NATS_PREFIX: prefix,
          ALLOW_PRIVATE_TARGETS: 'true',
          METRICS_PORT: String(await freePort()),
          LOG_LEVEL: 'warn',
          ...(process.env.BENCH_PROBE_CONCURRENCY ? { PROBE_CONCURRENCY: process.env.BENCH_PROBE_CONCURRENCY } : {}),
          ...(process.env.BENCH_PROBE_WORKERS ? { PROBE_WORKERS: process.env.BENCH_PROBE_WORKERS } : {}),
        },
        profArgs(`probe-${region}`),
      );
      probes.push(p);
      procs.push(p);
    }
    const signup = await api(cp.base, null, 'POST', '/auth/signup', {
      email: `bench-${tag}@example.com`,
      password: 'correct horse battery',
      name: 'Bench',
    });
    if (signup.status !== 201) throw new Error(`signup: ${signup.status} ${JSON.stringify(signup.body)}`);
    const key = signup.body.data.api_key.key;
    for (let end = Date.now() + 30_000; ;) {
      const r = await api(cp.base, key, 'GET', '/regions');
      if (Array.isArray(r.body.data) && r.body.data.length === 3 && r.body.data.every((x) => x.healthy)) break;
      if (Date.now() > end)
        throw new Error(`regions not healthy: ${JSON.stringify(r.body)}\n${probes.map((p) => p.tail()).join('\n')}`);
      await sleep(250);
    }

    log(`${sc.name}: creating ${sc.monitors} monitors through POST /monitors/bulk`);
    const createStart = Date.now();
    const bulkMs = [];
    for (let start = 0; start < sc.monitors; start += 1000) {
      const monitors = [];
      for (let i = start; i < Math.min(sc.monitors, start + 1000); i++) {
        monitors.push({
          name: `bench ${i}`,
          url: `${targetUrl}/m/${sc.interval}/${i}`,
          check_interval: sc.interval,
          timeout: sc.timeout,
        });
      }
      const t = Date.now();
      const res = await api(cp.base, key, 'POST', '/monitors/bulk', { monitors });
      if (res.status !== 201)
        throw new Error(`POST /monitors/bulk: ${res.status} ${JSON.stringify(res.body).slice(0, 2000)}`);
      bulkMs.push(Date.now() - t);
    }
    const createS = (Date.now() - createStart) / 1000;
    const autovacuum = await db.analyze();
    log(`${sc.name}: tables analysed after the bulk load (autovacuum is ${autovacuum ? 'on' : 'off'} on this server)`);
    // Listing at scale: pages of 500 by cursor, the whole account.
    const listMs = [];
    let cursor = null;
    do {
      const t = Date.now();
      const res = await api(cp.base, key, 'GET', `/monitors?limit=500${cursor ? `&cursor=${cursor}` : ''}`);
      listMs.push(Date.now() - t);
      cursor = res.body.meta.next_cursor;
    } while (cursor);
    listMs.sort((x, y) => x - y);

    const warmupS = opts.warmupS ?? sc.warmupS;
    const durationS = opts.durationS ?? sc.durationS;
    log(
      `${sc.name}: created in ${createS.toFixed(1)} s; warming up ${sc.interval + warmupS} s, then measuring ${durationS} s`,
    );
    await sleep((sc.interval + warmupS) * 1000);

    const pids = {
      'control plane': cp.child.pid,
      ...Object.fromEntries(probes.map((p) => [p.name, p.child.pid])),
      target: target.child.pid,
    };
    const cpu0 = Object.fromEntries(Object.entries(pids).map(([n, pid]) => [n, procStat(pid).cpu]));
    const pg0 = procCpuSeconds('postgres');
    const nats0 = procCpuSeconds('nats-server');
    const m0 = parseMetrics(await (await fetch(`${cp.base}/metrics`)).text());
    await fetch(`${targetUrl}/__reset`);
    const t0 = Date.now();
    await sleep(durationS * 1000);
    const stats = await (await fetch(`${targetUrl}/__stats`)).json();
    const m1 = parseMetrics(await (await fetch(`${cp.base}/metrics`)).text());
    const windowS = (Date.now() - t0) / 1000;
    const cpu = Object.fromEntries(Object.entries(pids).map(([n, pid]) => [n, procStat(pid).cpu - cpu0[n]]));
    cpu.postgres = procCpuSeconds('postgres') - pg0;
    cpu['nats-server'] = procCpuSeconds('nats-server') - nats0;
    const rss = Object.fromEntries(
      Object.entries(pids)
        .filter(([n]) => n !== 'target')
        .map(([n, pid]) => [n, procStat(pid).peakRssMb]),
    );

    const stored =
      sum(m1, 'parallax_results_ingested_total', 'outcome="stored"') -
      sum(m0, 'parallax_results_ingested_total', 'outcome="stored"');
    const expected = (sc.monitors * REGIONS.length * windowS) / sc.interval;
    const dropped = sum(m1, 'parallax_results_ingested_total') - sum(m0, 'parallax_results_ingested_total') - stored;
    return {
      scenario: sc.name,
      monitors: sc.monitors,
      interval_s: sc.interval,
      window_s: Math.round(windowS * 10) / 10,
      create_s: Math.round(createS * 10) / 10,
      bulk_call_ms_max: Math.max(...bulkMs),
      list_page_500_ms: {
        p50: listMs[Math.floor(listMs.length / 2)],
        p99: listMs[Math.min(listMs.length - 1, Math.floor(listMs.length * 0.99))],
        pages: listMs.length,
      },
      asked_per_s: Math.round(expected / windowS),
      stored_per_s: Math.round(stored / windowS),
      executed_share: stats.requests / expected,
      stored_share: stored / expected,
      ingested_not_stored: dropped,
      // What became of them: late (round decided before), duplicate (redelivered), expired, …
      ingested_by_outcome: Object.fromEntries(
        [
          ...new Set(
            Object.keys(m1)
              .map((k) => /^parallax_results_ingested_total\{.*outcome="([a-z_]+)"/.exec(k)?.[1])
              .filter(Boolean),
          ),
        ].map((o) => [
          o,
          sum(m1, 'parallax_results_ingested_total', `outcome="${o}"`) -
            sum(m0, 'parallax_results_ingested_total', `outcome="${o}"`),
        ]),
      ),
      punctuality_ms: {
        p50: stats.punctuality_p50_ms,
        p99: stats.punctuality_p99_ms,
        max: stats.punctuality_max_ms,
        gaps: stats.gaps,
      },
      scheduler_lag: histogramDelta(m0, m1, 'parallax_scheduler_lag_seconds'),
      ingestion_lag: histogramDelta(m0, m1, 'parallax_ingestion_lag_seconds'),
      cpu_s: Object.fromEntries(
        Object.entries(cpu).map(([k, v]) => [k, v === null ? null : Math.round(v * 100) / 100]),
      ),
      peak_rss_mb: Object.fromEntries(Object.entries(rss).map(([k, v]) => [k, v === null ? null : Math.round(v)])),
    };
  } finally {
    // Probes first (they drain), then the control plane (writes its profile on SIGTERM).
    // Profiled processes get longer to drain and exit by themselves (a SIGKILL loses the profile).
    const graceMs = opts.cpuProf ? 180_000 : undefined;
    await Promise.all(procs.filter((p) => p.name.startsWith('probe')).map((p) => stopChild(p, graceMs)));
    if (cp) await stopControlPlane(cp, graceMs);
    await Promise.all(procs.map((p) => stopChild(p)));
    await db.drop().catch(() => undefined);
    await deleteStreams(prefix).catch(() => undefined);
  }
}

async function deleteStreams(prefix) {
  const { connect } = require('nats');
  const nc = await connect({ servers: NATS_URL });
  try {
    const jsm = await nc.jetstreamManager();
    for await (const s of jsm.streams.list())
      if (s.config.name.includes(prefix) || s.config.subjects?.some((x) => x.startsWith(`${prefix}.`)))
        await jsm.streams.delete(s.config.name);
  } finally {
    await nc.close();
  }
}

const f = (v, d = 0) => (v === null || v === undefined || Number.isNaN(v) ? '-' : Number(v).toFixed(d));
const pctS = (v) => `${f(v * 100, 2)} %`;
const ms = (s) => (s === null || s === undefined ? '-' : s === Infinity ? '>max' : `${f(s * 1000)} ms`);

function report(r) {
  const met = (ok) => (ok ? 'met' : 'NOT met');
  const lines = [
    '',
    `Parallax whole-system benchmark ${r.scenario}: control plane, 3 probes, local target; ${r.window_s} s measured`,
    `  monitors created via POST /monitors/bulk in ${r.create_s} s (slowest call ${r.bulk_call_ms_max} ms); GET /monitors page of 500 by cursor p50 ${r.list_page_500_ms.p50} ms, p99 ${r.list_page_500_ms.p99} ms (${r.list_page_500_ms.pages} pages; goal p99 < 100 ms: ${met(r.list_page_500_ms.p99 < 100)})`,
    `  region checks asked           ${r.asked_per_s}/s`,
    `  region results stored         ${r.stored_per_s}/s   (goal >= ${TARGETS.storedPerS}/s: ${met(r.stored_per_s >= TARGETS.storedPerS)})`,
    `  expected checks executed      ${pctS(r.executed_share)}   stored ${pctS(r.stored_share)}   (goal >= ${TARGETS.share * 100} %: ${met(r.executed_share >= TARGETS.share && r.stored_share >= TARGETS.share)})`,
    `  punctuality |gap - interval|  p50 ${f(r.punctuality_ms.p50)} ms, p99 ${f(r.punctuality_ms.p99)} ms, max ${f(r.punctuality_ms.max)} ms over ${r.punctuality_ms.gaps} gaps   (goal p99 < ${TARGETS.punctualityP99Ms} ms: ${met(r.punctuality_ms.p99 !== null && r.punctuality_ms.p99 < TARGETS.punctualityP99Ms)})`,
    `  scheduler lag                 p50 <= ${ms(r.scheduler_lag.p50_s)}, p99 <= ${ms(r.scheduler_lag.p99_s)}, mean ${ms(r.scheduler_lag.mean_s)}`,
    `  ingestion lag                 p50 <= ${ms(r.ingestion_lag.p50_s)}, p99 <= ${ms(r.ingestion_lag.p99_s)}, mean ${ms(r.ingestion_lag.mean_s)}`,
    `  CPU seconds in the window     ${Object.entries(r.cpu_s)
      .map(([k, v]) => `${k} ${f(v, 1)}`)
      .join(', ')}`,
    `  peak RSS                      ${Object.entries(r.peak_rss_mb)
      .map(([k, v]) => `${k} ${v} MB`)
      .join(', ')}   (goal control plane < ${TARGETS.cpRssMb} MB, probes < ${TARGETS.probeRssMb} MB)`,
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
  process.stdout.write(JSON.stringify({ bench: 'system', ...r }) + '\n');
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  for (const f of [CONTROL_PLANE_MAIN, PROBE_MAIN])
    if (!existsSync(f)) throw new Error(`${f} is missing: run \`npm run build\` first`);
  if (opts.cpuProf) mkdirSync(opts.cpuProf, { recursive: true });
  const which = opts.which === 'all' ? ['a', 'b'] : [opts.which];
  for (const s of which) report(await runScenario(SCENARIOS[s], opts));
  if (opts.cpuProf) log(`CPU profiles in ${opts.cpuProf}`);
}

runBench(main);
