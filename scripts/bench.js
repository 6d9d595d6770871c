'use strict';
/**
 * Probe throughput benchmark (`npm run bench`, after `npm run build`). Not a test.
 *
 * 1. Starts a local HTTP target in a child process (200 "OK", no keep-alive).
 * 2. Bare baseline: a child process runs an undici loop without NATS, 64 workers, a
 *    fresh connection per request, for the same duration.
 * 3. Probe: creates a temporary results stream under a random prefix, spawns ONE built
 *    probe (PROBE_CONCURRENCY=64, REGION=bench), publishes jobs over NATS keeping ~256
 *    outstanding (refilled as results arrive; results are counted on the results subject
 *    with core NATS), and measures sustained checks/s, check latency (the result's
 *    response_ms) and end-to-end latency (job publish → result arrival).
 * 4. Prints a table and a final JSON line; removes the stream and stops every process.
 *
 * Environment: NATS_URL (default nats://127.0.0.1:4222), BENCH_DURATION_MS (10000),
 * BENCH_WARMUP_MS (2000), BENCH_OUTSTANDING (256), BENCH_CONCURRENCY (64),
 * BENCH_PROBE_NODE_ARGS (extra node flags for the probe, e.g. for --cpu-prof).
 */
const { spawn } = require('node:child_process');
const { machineCpu, procCpuSeconds } = require('./bench-cpu');
const { children, runBench } = require('./bench-control-plane-process');
const { existsSync } = require('node:fs');
const { randomBytes } = require('node:crypto');
const path = require('node:path');
const { connect, nanos, StorageType } = require('nats');
const { natsNames, jobId, encode, httpCheckSpec } = require('@parallax/contracts');

const ROOT = path.join(__dirname, '..');
const PROBE_MAIN = path.join(ROOT, 'apps', 'probe', 'dist', 'main.js');
const NATS_URL = process.env.NATS_URL || 'nats://127.0.0.1:4222';
const DURATION_MS = Number(process.env.BENCH_DURATION_MS || 10_000);
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS || 2_000);
const OUTSTANDING = Number(process.env.BENCH_OUTSTANDING || 256);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY || 64);
const REGION = 'bench';
/** Extra node flags for the probe process, e.g. BENCH_PROBE_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof". */
const PROBE_NODE_ARGS = (process.env.BENCH_PROBE_NODE_ARGS || '').split(' ').filter(Boolean);
const TARGET_CHECKS_PER_S = 1500;
const TARGET_RATIO = 0.8;


function log(msg) {
  process.stderr.write(`[bench] ${msg}\n`);
}

/** Spawns `node <script>`; resolves with the child and an async line reader of its stdout. */
function spawnNode(script, args = [], env = {}, nodeArgs = []) {
  const child = spawn(process.execPath, [...nodeArgs, script, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  const lines = [];
  const waiters = [];
  let buf = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => {
    buf += chunk;
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      lines.push(line);
      for (const w of waiters.splice(0)) w();
    }
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (c) => (stderr += c));
  const exited = new Promise((resolve) => child.on('close', (code) => resolve(code)));
  /** Resolves with the first stdout line (parsed as JSON) that satisfies `pred`. */
  const waitLine = (pred, timeoutMs, what) =>
    new Promise((resolve, reject) => {
      let seen = 0;
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; stderr: ${stderr.slice(-2000)}`)), timeoutMs);
      const check = () => {
        for (; seen < lines.length; seen++) {
          let v;
          try {
            v = JSON.parse(lines[seen]);
          } catch {
            continue;
          }
          if (pred(v)) {
            clearTimeout(timer);
            return resolve(v);
          }
        }
        waiters.push(check);
      };
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`${path.basename(script)} exited (${code}) before ${what}; stderr: ${stderr.slice(-2000)}`));
      });
      check();
    });
  return { child, waitLine, exited, stderr: () => stderr };
}

function pct(sorted, p) {
  if (sorted.length === 0) return null;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] * 100) / 100;
}



async function httpJson(url) {
  const res = await fetch(url);
  return res.json();
}

async function probeCpuSeconds(metricsPort) {
  const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
  const m = /^process_cpu_seconds_total (\S+)$/m.exec(text);
  return m ? Number(m[1]) : NaN;
}

async function runBare(targetUrl) {
  log(`bare undici loop: ${CONCURRENCY} workers, ${WARMUP_MS} ms warmup + ${DURATION_MS} ms`);
  const bare = spawnNode(path.join(__dirname, 'bench-bare.js'), [`${targetUrl}/`, String(CONCURRENCY), String(WARMUP_MS), String(DURATION_MS)]);
  const cpu0 = machineCpu();
  const result = await bare.waitLine((v) => typeof v.checks_per_s === 'number', WARMUP_MS + DURATION_MS + 30_000, 'the bare loop result');
  const cpu1 = machineCpu();
  await bare.exited;
  if (cpu0 && cpu1) result.machine_cpu_busy = (cpu1.busy - cpu0.busy) / (cpu1.total - cpu0.total);
  return result;
}

async function runProbe(targetUrl) {
  const prefix = `bench_${randomBytes(4).toString('hex')}`;
  const names = natsNames(prefix);
  const nc = await connect({ servers: NATS_URL, name: 'parallax-bench' });
  const jsm = await nc.jetstreamManager();
  await jsm.streams.add({
    name: names.resultsStream,
    subjects: [names.resultsWildcard],
    storage: StorageType.File,
    max_age: nanos(5 * 60_000),
    duplicate_window: nanos(120_000),
  });
  let probe;
  try {
    log(`probe: stream ${names.resultsStream}, PROBE_CONCURRENCY=${CONCURRENCY}, ${OUTSTANDING} jobs outstanding`);
    probe = spawnNode(PROBE_MAIN, [], {
      REGION,
      NATS_URL,
      NATS_PREFIX: prefix,
      PROBE_CONCURRENCY: String(CONCURRENCY),
      ALLOW_PRIVATE_TARGETS: 'true',
      METRICS_PORT: '0',
      PROBE_ID: 'bench-probe',
      LOG_LEVEL: 'info',
    }, PROBE_NODE_ARGS);
    const listening = await probe.waitLine((v) => v.msg === 'metrics and health listening', 30_000, 'the probe metrics port');
    await probe.waitLine((v) => v.msg === 'probe ready', 30_000, 'the probe to be ready');
    const metricsPort = listening.metrics_port;

    const subject = names.jobs(REGION);
    const url = `${targetUrl}/`;
    const sentAt = new Map();
    let round = 0;
    let outstanding = 0;
    let stopping = false;
    let windowStart = Infinity;
    let windowEnd = Infinity;
    let measured = 0;
    let down = 0;
    const responseMs = [];
    const e2eMs = [];
    const errors = new Map();

    const publishOne = () => {
      round++;
      const monitorId = 'mon_bench';
      const job = {
        v: 1,
        job_id: jobId(monitorId, round),
        monitor_id: monitorId,
        round,
        region: REGION,
        scheduled_at: new Date().toISOString(),
        deadline: Date.now() + 60_000,
        check: httpCheckSpec(url, { follow_redirects: false }),
      };
      sentAt.set(job.job_id, performance.now());
      outstanding++;
      nc.publish(subject, encode(job));
    };

    nc.subscribe(names.results(REGION), {
      callback: (_err, msg) => {
        const now = performance.now();
        const r = JSON.parse(Buffer.from(msg.data).toString('utf8'));
        const t = sentAt.get(r.job_id);
        if (t === undefined) return; // a retried duplicate
        sentAt.delete(r.job_id);
        outstanding--;
        if (now >= windowStart && now < windowEnd) {
          measured++;
          if (!r.is_up) {
            down++;
            errors.set(r.error, (errors.get(r.error) || 0) + 1);
          }
          if (r.response_ms !== null) responseMs.push(r.response_ms);
          e2eMs.push(now - t);
        }
        if (!stopping) while (outstanding < OUTSTANDING) publishOne();
      },
    });
    await nc.flush();

    for (let i = 0; i < OUTSTANDING; i++) publishOne();
    await new Promise((r) => setTimeout(r, WARMUP_MS));
    const cpuProbe0 = await probeCpuSeconds(metricsPort);
    const cpuTarget0 = await httpJson(`${targetUrl}/__cpu`);
    const cpuSelf0 = process.cpuUsage();
    const cpuNats0 = procCpuSeconds('nats-server');
    const cpu0 = machineCpu();
    windowStart = performance.now();
    windowEnd = windowStart + DURATION_MS;
    await new Promise((r) => setTimeout(r, DURATION_MS));
    const cpu1 = machineCpu();
    const cpuNats1 = procCpuSeconds('nats-server');
    const cpuSelf = process.cpuUsage(cpuSelf0);
    const cpuTarget1 = await httpJson(`${targetUrl}/__cpu`);
    const cpuProbe1 = await probeCpuSeconds(metricsPort);
    stopping = true;

    const drainUntil = Date.now() + 15_000;
    while (outstanding > 0 && Date.now() < drainUntil) await new Promise((r) => setTimeout(r, 50));
    const lost = outstanding;

    const code = await new Promise((resolve) => {
      probe.child.kill('SIGTERM');
      const t = setTimeout(() => probe.child.kill('SIGKILL'), 30_000);
      void probe.exited.then((c) => {
        clearTimeout(t);
        resolve(c);
      });
    });

    responseMs.sort((a, b) => a - b);
    e2eMs.sort((a, b) => a - b);
    const seconds = DURATION_MS / 1000;
    return {
      checks: measured,
      down,
      errors: Object.fromEntries([...errors.entries()].slice(0, 5)),
      not_returned_after_drain: lost,
      seconds,
      checks_per_s: measured / seconds,
      check_p50_ms: pct(responseMs, 50),
      check_p99_ms: pct(responseMs, 99),
      e2e_p50_ms: pct(e2eMs, 50),
      e2e_p99_ms: pct(e2eMs, 99),
      cpu_s: {
        probe: Math.round((cpuProbe1 - cpuProbe0) * 100) / 100,
        target: Math.round(((cpuTarget1.user + cpuTarget1.system - cpuTarget0.user - cpuTarget0.system) / 1e6) * 100) / 100,
        bench_driver: Math.round(((cpuSelf.user + cpuSelf.system) / 1e6) * 100) / 100,
        nats_server: cpuNats0 === null || cpuNats1 === null ? null : Math.round((cpuNats1 - cpuNats0) * 100) / 100,
        machine: cpu0 && cpu1 ? Math.round(((cpu1.busy - cpu0.busy) / 100) * 100) / 100 : null,
      },
      machine_cpu_busy: cpu0 && cpu1 ? (cpu1.busy - cpu0.busy) / (cpu1.total - cpu0.total) : null,
      probe_exit_code: code,
    };
  } finally {
    if (probe && probe.child.exitCode === null) probe.child.kill('SIGKILL');
    await jsm.streams.delete(names.resultsStream).catch(() => undefined);
    await nc.drain().catch(() => undefined);
  }
}

function fmt(v, digits = 0) {
  return v === null || v === undefined || Number.isNaN(v) ? '-' : Number(v).toFixed(digits);
}

async function main() {
  if (!existsSync(PROBE_MAIN)) throw new Error(`${PROBE_MAIN} is missing: run \`npm run build\` first`);
  const t0 = Date.now();
  const target = spawnNode(path.join(__dirname, 'bench-target.js'));
  const { port } = await target.waitLine((v) => typeof v.port === 'number', 10_000, 'the target to listen');
  const targetUrl = `http://127.0.0.1:${port}`;
  log(`target ${targetUrl}`);

  const bare = await runBare(targetUrl);
  const probe = await runProbe(targetUrl);
  target.child.kill('SIGTERM');
  await target.exited;

  const ratio = bare.checks_per_s > 0 ? probe.checks_per_s / bare.checks_per_s : 0;
  const rows = [
    ['', 'checks/s', 'check p50 ms', 'check p99 ms', 'e2e p50 ms', 'e2e p99 ms', 'machine CPU'],
    ['bare undici loop', fmt(bare.checks_per_s), fmt(bare.p50_ms, 2), fmt(bare.p99_ms, 2), '-', '-', `${fmt(bare.machine_cpu_busy * 100)}%`],
    [
      'probe over NATS',
      fmt(probe.checks_per_s),
      fmt(probe.check_p50_ms, 2),
      fmt(probe.check_p99_ms, 2),
      fmt(probe.e2e_p50_ms, 2),
      fmt(probe.e2e_p99_ms, 2),
      `${fmt(probe.machine_cpu_busy * 100)}%`,
    ],
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  const out = [];
  out.push('');
  out.push(`Parallax probe benchmark: ${CONCURRENCY} concurrent checks, fresh connection per check, ${DURATION_MS / 1000} s measured after ${WARMUP_MS / 1000} s warmup`);
  out.push(line(rows[0]));
  out.push(widths.map((w) => '-'.repeat(w)).join('  '));
  out.push(line(rows[1]));
  out.push(line(rows[2]));
  out.push('');
  out.push(`probe / bare: ${(ratio * 100).toFixed(1)}%   (goal >= ${TARGET_RATIO * 100}%: ${ratio >= TARGET_RATIO ? 'met' : 'NOT met'})`);
  out.push(`probe checks/s: ${fmt(probe.checks_per_s)}   (goal >= ${TARGET_CHECKS_PER_S}: ${probe.checks_per_s >= TARGET_CHECKS_PER_S ? 'met' : 'NOT met'})`);
  out.push(
    `CPU seconds in the probe window: probe ${probe.cpu_s.probe}, nats-server ${fmt(probe.cpu_s.nats_server, 2)}, target ${probe.cpu_s.target}, bench driver ${probe.cpu_s.bench_driver}, whole machine ${fmt(probe.cpu_s.machine, 2)}`,
  );
  out.push(
    `CPU per check: probe process ${fmt((probe.cpu_s.probe / probe.checks) * 1e6)} us, bare loop process ${fmt((bare.cpu_s / bare.checks) * 1e6)} us`,
  );
  if (probe.down > 0) out.push(`failed checks: ${probe.down} ${JSON.stringify(probe.errors)}`);
  out.push('');
  process.stdout.write(out.join('\n') + '\n');
  process.stdout.write(
    JSON.stringify({
      bench: 'probe',
      concurrency: CONCURRENCY,
      outstanding: OUTSTANDING,
      duration_s: DURATION_MS / 1000,
      bare,
      probe,
      ratio: Math.round(ratio * 1000) / 1000,
      goals: { ratio: ratio >= TARGET_RATIO, checks_per_s: probe.checks_per_s >= TARGET_CHECKS_PER_S },
      runtime_s: Math.round((Date.now() - t0) / 100) / 10,
    }) + '\n',
  );
}

/**
 * `npm run bench` runs every bench in turn; `npm run bench -- <name>` one of them
 * (probe, system, control-plane, history, webhooks, status-page, anomalies, decisions); arguments after the name
 * go to that bench (e.g. `npm run bench -- system a --duration 20`).
 */
const OTHERS = {
  system: 'bench-system.js',
  'control-plane': 'bench-control-plane.js',
  history: 'bench-history.js',
  webhooks: 'bench-webhooks.js',
  'status-page': 'bench-status-page.js',
  anomalies: 'bench-anomalies.js',
  decisions: 'bench-decisions.js',
};

function runScript(file, args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(__dirname, file), ...args], { cwd: ROOT, stdio: 'inherit' });
    children.add(child);
    child.on('exit', (code) => {
      children.delete(child);
      if (code) process.exitCode = code;
      resolve(code);
    });
  });
}

const [which, ...rest] = process.argv.slice(2);
if (which && which !== 'probe' && !OTHERS[which]) {
  process.stderr.write(`unknown bench "${which}": one of probe, ${Object.keys(OTHERS).join(', ')}\n`);
  process.exitCode = 2;
} else if (which && which !== 'probe') {
  void runScript(OTHERS[which], rest);
} else {
  runBench(async () => {
    await main();
    if (which === 'probe') return;
    for (const file of Object.values(OTHERS)) await runScript(file, []);
  });
}
