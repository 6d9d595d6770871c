'use strict';
/**
 * The benchmark's baseline (a child process of scripts/bench.js): a bare undici loop, no
 * NATS, `concurrency` workers, a fresh connection per request (a new undici Client per
 * request, closed afterwards), against the same target as the probe.
 *
 * Usage: node scripts/bench-bare.js <url> <concurrency> <warmup ms> <duration ms>
 * Prints one JSON line with checks/s and latency percentiles of the measured window.
 */
const { Client } = require('undici');

const [url, concurrencyArg, warmupArg, durationArg] = process.argv.slice(2);
const concurrency = Number(concurrencyArg ?? 64);
const warmupMs = Number(warmupArg ?? 2000);
const durationMs = Number(durationArg ?? 10000);
const target = new URL(url);
const path = target.pathname + target.search;
const origin = target.origin;
const headers = ['user-agent', 'Parallax-bench-bare/1', 'accept', '*/*'];

let measuring = false;
let stopped = false;
let done = 0;
let errors = 0;
const latencies = [];

async function once() {
  const t0 = performance.now();
  const client = new Client(origin, { pipelining: 1, keepAliveTimeout: 1 });
  try {
    const res = await client.request({ path, method: 'GET', headers });
    for await (const _chunk of res.body) void _chunk;
    if (res.statusCode !== 200) throw new Error(`status ${res.statusCode}`);
    if (measuring) {
      done++;
      latencies.push(performance.now() - t0);
    }
  } catch {
    if (measuring) errors++;
  } finally {
    client.destroy().catch(() => undefined);
  }
}

async function worker() {
  while (!stopped) await once();
}

function pct(sorted, p) {
  if (sorted.length === 0) return null;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] * 100) / 100;
}

async function main() {
  const workers = Array.from({ length: concurrency }, worker);
  await new Promise((r) => setTimeout(r, warmupMs));
  measuring = true;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, durationMs));
  measuring = false;
  const elapsed = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  stopped = true;
  await Promise.all(workers);
  latencies.sort((a, b) => a - b);
  process.stdout.write(
    JSON.stringify({
      checks: done,
      errors,
      seconds: elapsed / 1000,
      checks_per_s: done / (elapsed / 1000),
      p50_ms: pct(latencies, 50),
      p99_ms: pct(latencies, 99),
      cpu_s: (cpu.user + cpu.system) / 1e6,
    }) + '\n',
  );
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + '\n');
  process.exit(1);
});
