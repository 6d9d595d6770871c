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
 * CPU per check is the probe process's own CPU time (all its threads, from its
 * process_cpu_seconds_total) over the checks it answered in the window: unlike checks/s it
 * barely moves when other work shares the machine. With BENCH_RATE the jobs are published
 * at that fixed rate (as the control plane sends a round spread over its interval) rather
 * than keeping BENCH_OUTSTANDING in flight, over BENCH_MONITORS monitors of BENCH_ACCOUNTS
 * accounts; BENCH_REPEAT runs the probe window that many times and reports the median CPU
 * per check. Peak RSS is the probe's VmHWM (Linux).
 *
 * BENCH_CALLGRIND=1 runs the probe under `valgrind --tool=callgrind` with instrumentation
 * switched on for the measured window only (callgrind_control): it reports instructions per
 * check, which do not depend on what else runs on the machine (slow: use a low
 * BENCH_OUTSTANDING and a longer BENCH_WARMUP_MS, the probe starts in about a minute).
 *
 * `npm run bench -- probe-30k`: one probe taking 30,000 monitors' jobs at a 60 s interval
 * (500 jobs/s, 60 s = one whole round, 30 accounts), for its CPU per check and peak RSS.
 *
 * Environment: NATS_URL (default nats://127.0.0.1:4222), BENCH_DURATION_MS (10000),
 * BENCH_WARMUP_MS (2000; 5000 at a fixed rate), BENCH_OUTSTANDING (256), BENCH_CONCURRENCY (64), BENCH_RATE,
 * BENCH_MONITORS (1), BENCH_ACCOUNTS (1), BENCH_REPEAT (1), BENCH_TARGET_KEEPALIVE (a
 * keep-alive target; the probe still opens a fresh connection per check),
 * BENCH_PROBE_NODE_ARGS (extra node flags for the probe, e.g. for --cpu-prof).
 */
const { spawn } = require('node:child_process');
const { machineCpu, procCpuSeconds } = require('./bench-cpu');
const { children, runBench } = require('./bench-control-plane-process');
const { existsSync, readFileSync } = require('node:fs');
const { randomBytes } = require('node:crypto');
const path = require('node:path');
const { connect, nanos, StorageType } = require('nats');
const { natsNames, jobId, encode, httpCheckSpec } = require('@parallax/contracts');

const ROOT = path.join(__dirname, '..');
const PROBE_MAIN = path.join(ROOT, 'apps', 'probe', 'dist', 'main.js');
const NATS_URL = process.env.NATS_URL || 'nats://127.0.0.1:4222';
const DURATION_MS = Number(process.env.BENCH_DURATION_MS || (process.argv[2] === 'probe-30k' ? 60_000 : 10_000));
/** A fixed rate gets a longer warmup: its few checks per second take longer to get the JIT going. */
const FIXED_RATE = Boolean(process.env.BENCH_RATE) || process.argv[2] === 'probe-30k';
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS || (FIXED_RATE ? 5_000 : 2_000));
const OUTSTANDING = Number(process.env.BENCH_OUTSTANDING || 256);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY || 64);
const PRESET_30K = process.argv[2] === 'probe-30k';
const RATE = Number(process.env.BENCH_RATE || (PRESET_30K ? 500 : 0));
const MONITORS = Number(process.env.BENCH_MONITORS || (PRESET_30K ? 30_000 : 1));
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS || (PRESET_30K ? 30 : 1));
const REPEAT = Math.max(1, Number(process.env.BENCH_REPEAT || 1));
const CALLGRIND = /^(1|true|yes)$/i.test(process.env.BENCH_CALLGRIND || '');
const TARGET_KEEPALIVE = /^(1|true|yes)$/i.test(process.env.BENCH_TARGET_KEEPALIVE || '');
const REGION = 'bench';
/** Extra node flags for the probe process, e.g. BENCH_PROBE_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof". */
const PROBE_NODE_ARGS = (process.env.BENCH_PROBE_NODE_ARGS || '').split(' ').filter(Boolean);
const TARGET_CHECKS_PER_S = 1500;
const TARGET_RATIO = 0.8;

function log(msg) {
  process.stderr.write(`[bench] ${msg}\n`);
}

/** Spawns `node <script>`; resolves with the child and an async line reader of its stdout. */
function spawnNode(script, args = [], env = {}, nodeArgs = [], command = process.execPath) {
  const child = spawn(command, [...nodeArgs, script, ...args], {
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
      const timer = setTimeout(
        () => reject(new Error(`timed out waiting for ${what}; stderr: ${stderr.slice(-2000)}`)),
        timeoutMs,
      );
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

const CALLGRIND_DIR = path.join(require('node:os').tmpdir(), `parallax-bench-callgrind-${process.pid}`);
const CALLGRIND_ARGS = [
  '--tool=callgrind',
  '--instr-atstart=no',
  `--callgrind-out-file=${CALLGRIND_DIR}/callgrind.out.%p`,
];

/**
 * Runs `callgrind_control <args> <pid>`; with `-d`, returns the instructions (Ir) of the
 * dump it made: every dump file of the process is summed, so zero (`-z`) before a window.
 */
function callgrind(pid, args) {
  const { execFileSync } = require('node:child_process');
  const { readdirSync, mkdirSync } = require('node:fs');
  mkdirSync(CALLGRIND_DIR, { recursive: true });
  const before = new Set(readdirSync(CALLGRIND_DIR));
  // One option per call: callgrind_control acts on the first one only.
  for (let i = 0; i < args.length; i++) {
    const opt = args[i] === '-i' ? [args[i], args[++i]] : [args[i]];
    execFileSync('callgrind_control', [...opt, String(pid)], { stdio: 'ignore' });
  }
  if (!args.includes('-d')) return null;
  let total = 0;
  for (const f of readdirSync(CALLGRIND_DIR)) {
    if (before.has(f) || !f.startsWith(`callgrind.out.${pid}`)) continue;
    const m = /^(?:summary|totals):\s+(\d+)/m.exec(readFileSync(path.join(CALLGRIND_DIR, f), 'utf8'));
    if (m) total += Number(m[1]);
  }
  return total;
}

/** A `/proc/<pid>/status` field in kB (VmRSS, VmHWM); null where there is no /proc. */
function rssOf(pid, field) {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** The probe's main-thread heap and external memory now (MB), from its default metrics. */
async function probeMemory(metricsPort) {
  const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
  const get = (name) => {
    const m = new RegExp(`^${name} (\\S+)$`, 'm').exec(text);
    return m ? Math.round((Number(m[1]) / 1048576) * 10) / 10 : null;
  };
  return {
    rss: get('process_resident_memory_bytes'),
    heap_total: get('nodejs_heap_size_total_bytes'),
    heap_used: get('nodejs_heap_size_used_bytes'),
    external: get('nodejs_external_memory_bytes'),
  };
}

async function probeCpuSeconds(metricsPort) {
  const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
  const m = /^process_cpu_seconds_total (\S+)$/m.exec(text);
  return m ? Number(m[1]) : NaN;
}

async function runBare(targetUrl) {
  log(`bare undici loop: ${CONCURRENCY} workers, ${WARMUP_MS} ms warmup + ${DURATION_MS} ms`);
  const bare = spawnNode(path.join(__dirname, 'bench-bare.js'), [
    `${targetUrl}/`,
    String(CONCURRENCY),
    String(WARMUP_MS),
    String(DURATION_MS),
  ]);
  const cpu0 = machineCpu();
  const result = await bare.waitLine(
    (v) => typeof v.checks_per_s === 'number',
    WARMUP_MS + DURATION_MS + 30_000,
    'the bare loop result',
  );
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
    if (CALLGRIND) require('node:fs').mkdirSync(CALLGRIND_DIR, { recursive: true });
    log(`probe: stream ${names.resultsStream}, PROBE_CONCURRENCY=${CONCURRENCY}, ${OUTSTANDING} jobs outstanding`);
    probe = spawnNode(
      PROBE_MAIN,
      [],
      {
        REGION,
        NATS_URL,
        NATS_PREFIX: prefix,
        PROBE_CONCURRENCY: String(CONCURRENCY),
        ALLOW_PRIVATE_TARGETS: 'true',
        METRICS_PORT: '0',
        PROBE_ID: 'bench-probe',
        LOG_LEVEL: 'info',
      },
      ...(CALLGRIND ? [[...CALLGRIND_ARGS, process.execPath, ...PROBE_NODE_ARGS], 'valgrind'] : [PROBE_NODE_ARGS]),
    );
    const startMs = CALLGRIND ? 300_000 : 30_000;
    const listening = await probe.waitLine(
      (v) => v.msg === 'metrics and health listening',
      startMs,
      'the probe metrics port',
    );
    await probe.waitLine((v) => v.msg === 'probe ready', startMs, 'the probe to be ready');
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

    const monitorIds = Array.from({ length: MONITORS }, (_, i) => `mon_bench_${i}`);
    const accountIds = Array.from({ length: ACCOUNTS }, (_, i) => `acc_bench_${i}`);
    const check = httpCheckSpec(url, { follow_redirects: false });
    const publishOne = () => {
      round++;
      const i = round % MONITORS;
      const monitorId = monitorIds[i];
      const now = Date.now();
      const job = {
        v: 1,
        job_id: jobId(monitorId, round),
        monitor_id: monitorId,
        account_id: accountIds[i % ACCOUNTS],
        round,
        region: REGION,
        scheduled_at: new Date(now).toISOString(),
        sent_at: new Date(now).toISOString(),
        ttl_ms: 60_000,
        deadline: now + 60_000,
        check,
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
        if (!stopping && RATE === 0) while (outstanding < OUTSTANDING) publishOne();
      },
    });
    await nc.flush();

    // Fixed rate: every 10 ms, the jobs due since the start (a round spread over its interval).
    let rateTimer = null;
    if (RATE > 0) {
      const t0 = performance.now();
      let sent = 0;
      rateTimer = setInterval(() => {
        const due = Math.floor(((performance.now() - t0) / 1000) * RATE);
        while (sent < due) {
          publishOne();
          sent++;
        }
      }, 10);
    } else {
      for (let i = 0; i < OUTSTANDING; i++) publishOne();
    }
    let peakRss = 0;
    const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, rssOf(probe.child.pid, 'VmRSS') || 0)), 250);
    await new Promise((r) => setTimeout(r, WARMUP_MS));
    const cpuProbe0 = await probeCpuSeconds(metricsPort);
    const cpuTarget0 = await httpJson(`${targetUrl}/__cpu`);
    const cpuSelf0 = process.cpuUsage();
    const cpuNats0 = procCpuSeconds('nats-server');
    const cpu0 = machineCpu();
    windowStart = performance.now();
    // BENCH_REPEAT windows back to back: the CPU per check of each, the median reported.
    const perWindow = [];
    const instrPerWindow = [];
    for (let w = 0; w < REPEAT; w++) {
      if (CALLGRIND) callgrind(probe.child.pid, ['-i', 'on', '-z']);
      const c0 = await probeCpuSeconds(metricsPort);
      const m0 = measured;
      await new Promise((r) => setTimeout(r, DURATION_MS));
      const c1 = await probeCpuSeconds(metricsPort);
      const n = measured - m0;
      perWindow.push(n > 0 ? ((c1 - c0) / n) * 1e6 : NaN);
      if (CALLGRIND) {
        const instructions = callgrind(probe.child.pid, ['-d', '-i', 'off']);
        instrPerWindow.push(n > 0 && instructions !== null ? Math.round(instructions / n) : null);
      }
    }
    windowEnd = performance.now();
    const cpu1 = machineCpu();
    const cpuNats1 = procCpuSeconds('nats-server');
    const cpuSelf = process.cpuUsage(cpuSelf0);
    const cpuTarget1 = await httpJson(`${targetUrl}/__cpu`);
    const cpuProbe1 = await probeCpuSeconds(metricsPort);
    const hwm = rssOf(probe.child.pid, 'VmHWM');
    const memory = await probeMemory(metricsPort);
    clearInterval(rssTimer);
    if (rateTimer) clearInterval(rateTimer);
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
    const seconds = (windowEnd - windowStart) / 1000;
    const sortedWindows = perWindow.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
    return {
      rate: RATE || null,
      monitors: MONITORS,
      cpu_us_per_check: Math.round(((cpuProbe1 - cpuProbe0) / measured) * 1e6),
      cpu_us_per_check_windows: perWindow.map((v) => Math.round(v)),
      instructions_per_check_windows: CALLGRIND ? instrPerWindow : undefined,
      cpu_us_per_check_median: sortedWindows.length
        ? Math.round(sortedWindows[Math.floor(sortedWindows.length / 2)])
        : null,
      memory_mb: memory,
      peak_rss_mb: Math.round((Math.max(peakRss, hwm || 0) / 1024) * 10) / 10,
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
        target:
          Math.round(((cpuTarget1.user + cpuTarget1.system - cpuTarget0.user - cpuTarget0.system) / 1e6) * 100) / 100,
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
    if (CALLGRIND) require('node:fs').rmSync(CALLGRIND_DIR, { recursive: true, force: true });
    await nc.drain().catch(() => undefined);
  }
}

function fmt(v, digits = 0) {
  return v === null || v === undefined || Number.isNaN(v) ? '-' : Number(v).toFixed(digits);
}

async function main() {
  if (!existsSync(PROBE_MAIN)) throw new Error(`${PROBE_MAIN} is missing: run \`npm run build\` first`);
  const t0 = Date.now();
  const target = spawnNode(path.join(__dirname, 'bench-target.js'), TARGET_KEEPALIVE ? ['--keep-alive'] : []);
  const { port } = await target.waitLine((v) => typeof v.port === 'number', 10_000, 'the target to listen');
  const targetUrl = `http://127.0.0.1:${port}`;
  log(`target ${targetUrl}`);

  // The bare loop is a saturation baseline: not run for a fixed rate (nor under callgrind).
  const skipped = { checks_per_s: NaN, p50_ms: null, p99_ms: null, machine_cpu_busy: NaN, cpu_s: NaN, checks: NaN };
  const bare = RATE > 0 || CALLGRIND ? skipped : await runBare(targetUrl);
  const probe = await runProbe(targetUrl);
  target.child.kill('SIGTERM');
  await target.exited;

  const ratio = bare.checks_per_s > 0 ? probe.checks_per_s / bare.checks_per_s : 0;
  const rows = [
    ['', 'checks/s', 'check p50 ms', 'check p99 ms', 'e2e p50 ms', 'e2e p99 ms', 'machine CPU'],
    [
      'bare undici loop',
      fmt(bare.checks_per_s),
      fmt(bare.p50_ms, 2),
      fmt(bare.p99_ms, 2),
      '-',
      '-',
      `${fmt(bare.machine_cpu_busy * 100)}%`,
    ],
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
  const line = (r) =>
    r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  const out = [];
  out.push('');
  const load =
    RATE > 0 ? `${RATE} jobs/s over ${MONITORS} monitors of ${ACCOUNTS} accounts` : `${OUTSTANDING} jobs outstanding`;
  out.push(
    `Parallax probe benchmark: ${CONCURRENCY} concurrent checks, ${load}, fresh connection per check, ` +
      `${(REPEAT * DURATION_MS) / 1000} s measured after ${WARMUP_MS / 1000} s warmup`,
  );
  out.push(line(rows[0]));
  out.push(widths.map((w) => '-'.repeat(w)).join('  '));
  out.push(line(rows[1]));
  out.push(line(rows[2]));
  out.push('');
  if (RATE === 0) {
    const met = (ok) => (ok ? 'met' : 'NOT met');
    const pctRatio = (ratio * 100).toFixed(1);
    out.push(`probe / bare: ${pctRatio}%   (goal >= ${TARGET_RATIO * 100}%: ${met(ratio >= TARGET_RATIO)})`);
    out.push(
      `probe checks/s: ${fmt(probe.checks_per_s)}   ` +
        `(goal >= ${TARGET_CHECKS_PER_S}: ${met(probe.checks_per_s >= TARGET_CHECKS_PER_S)})`,
    );
  }
  out.push(
    `CPU seconds in the probe window: probe ${probe.cpu_s.probe}, nats-server ${fmt(probe.cpu_s.nats_server, 2)}, target ${probe.cpu_s.target}, bench driver ${probe.cpu_s.bench_driver}, whole machine ${fmt(probe.cpu_s.machine, 2)}`,
  );
  out.push(
    `CPU per check: probe process ${fmt((probe.cpu_s.probe / probe.checks) * 1e6)} us, bare loop process ${fmt((bare.cpu_s / bare.checks) * 1e6)} us`,
  );
  const perCheck = probe.cpu_us_per_check_median ?? probe.cpu_us_per_check;
  out.push(
    `probe CPU per check: ${fmt(perCheck)} us ` +
      `(median of ${REPEAT} window(s): ${probe.cpu_us_per_check_windows.join(', ')}), ` +
      `i.e. ${fmt(1e6 / perCheck)} checks/s per core; peak probe RSS ${fmt(probe.peak_rss_mb, 1)} MB ` +
      `(at the end: ${JSON.stringify(probe.memory_mb)})`,
  );
  if (CALLGRIND) {
    const ir = probe.instructions_per_check_windows.filter((v) => v !== null).sort((a, b) => a - b);
    const median = ir.length ? fmt(ir[Math.floor(ir.length / 2)]) : '-';
    out.push(
      `probe instructions per check (callgrind): ${median} ` +
        `(windows: ${probe.instructions_per_check_windows.join(', ')})`,
    );
  }
  if (probe.down > 0) out.push(`failed checks: ${probe.down} ${JSON.stringify(probe.errors)}`);
  out.push('');
  process.stdout.write(out.join('\n') + '\n');
  process.stdout.write(
    JSON.stringify({
      bench: PRESET_30K ? 'probe-30k' : 'probe',
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
 * (probe, probe-30k, system, control-plane, history, webhooks, status-page, anomalies, decisions); arguments after the name
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
const PROBE_BENCHES = new Set(['probe', 'probe-30k']);
if (which && !PROBE_BENCHES.has(which) && !OTHERS[which]) {
  process.stderr.write(`unknown bench "${which}": one of probe, probe-30k, ${Object.keys(OTHERS).join(', ')}\n`);
  process.exitCode = 2;
} else if (which && !PROBE_BENCHES.has(which)) {
  void runScript(OTHERS[which], rest);
} else {
  runBench(async () => {
    await main();
    if (PROBE_BENCHES.has(which)) return;
    for (const file of Object.values(OTHERS)) await runScript(file, []);
  });
}
