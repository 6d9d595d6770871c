'use strict';
/** Built control planes as child processes, their metrics and API, shared by the control-plane benchmarks. */
const { spawn } = require('node:child_process');
const { createServer } = require('node:net');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const CONTROL_PLANE_MAIN = path.join(ROOT, 'apps', 'control-plane', 'dist', 'main.js');
const PG_ADMIN_URL = process.env.PG_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const NATS_URL = process.env.NATS_URL || 'nats://127.0.0.1:4222';
const children = new Set();
/** Extra node flags for the control planes, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`. */
const NODE_ARGS = (process.env.BENCH_CP_NODE_ARGS || '').split(' ').filter(Boolean);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** A built control plane as a child process; its output is kept for diagnosis. */
function startControlPlane(index, env) {
  const child = spawn(process.execPath, [...NODE_ARGS, CONTROL_PLANE_MAIN], { cwd: ROOT, env: { PATH: process.env.PATH || '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let out = '';
  const keep = (c) => {
    out = (out + c).slice(-8000);
  };
  child.stdout.setEncoding('utf8').on('data', keep);
  child.stderr.setEncoding('utf8').on('data', keep);
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  void exited.then(() => children.delete(child));
  return { index, child, exited, base: `http://127.0.0.1:${env.PORT}`, tail: () => out };
}

async function waitReady(cp, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (cp.child.exitCode !== null) throw new Error(`control plane ${cp.index} exited:\n${cp.tail()}`);
    try {
      if ((await fetch(`${cp.base}/health/ready`)).status === 200) return;
    } catch {
      /* not listening yet */
    }
    await sleep(200);
  }
  throw new Error(`control plane ${cp.index} not ready after ${timeoutMs} ms:\n${cp.tail()}`);
}

async function stopControlPlane(cp) {
  if (cp.child.exitCode !== null || cp.child.signalCode !== null) return;
  cp.child.kill('SIGTERM');
  const t = setTimeout(() => cp.child.kill('SIGKILL'), 10_000);
  await cp.exited;
  clearTimeout(t);
}

/** Prometheus text → { 'name{labels}': value }. */
function parseMetrics(text) {
  const out = {};
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*(?:\{[^}]*\})?) (\S+)$/.exec(line);
    if (m) out[m[1]] = Number(m[2]);
  }
  return out;
}

/** Sum of every series of `name` whose labels contain `labels`. */
function sum(metrics, name, labels = '') {
  let total = 0;
  for (const [k, v] of Object.entries(metrics)) {
    const m = /^([^{]+)(\{.*\})?$/.exec(k);
    if (m[1] === name && (m[2] || '').includes(labels)) total += v;
  }
  return total;
}

async function api(base, key, method, p, body) {
  const res = await fetch(`${base}/api/v1${p}`, {
    method,
    headers: { ...(key ? { 'x-api-key': key } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, body: json };
}

/** A fresh database `<prefix>_<tag>` for one benchmark run; `drop()` removes it. */
async function createBenchDatabase(name) {
  const { Client } = require('pg');
  const admin = new Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  return {
    databaseUrl: PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`),
    drop: async () => {
      const c = new Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Runs a benchmark's main(): a failure sets the exit code; child processes (`kids`) never outlive it. */
function runBench(main, kids = children) {
  main()
    .catch((e) => {
      process.stderr.write(`bench failed: ${e && e.stack ? e.stack : e}\n`);
      process.exitCode = 1;
    })
    .finally(() => {
      for (const c of kids) c.kill('SIGKILL');
    });
}

module.exports = {
  PG_ADMIN_URL,
  NATS_URL,
  createBenchDatabase,
  runBench, CONTROL_PLANE_MAIN, children, sleep, freePort, startControlPlane, waitReady, stopControlPlane, parseMetrics, sum, api };
