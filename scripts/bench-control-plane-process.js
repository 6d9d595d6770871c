'use strict';
/**
 * Built control planes as child processes for the benchmarks (bench-control-plane.js,
 * bench-history.js): start on a port, wait until ready, stop, call the API.
 */
const { spawn } = require('node:child_process');
const { createServer } = require('node:net');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const CONTROL_PLANE_MAIN = path.join(ROOT, 'apps', 'control-plane', 'dist', 'main.js');
/** Every child started here; the benches SIGKILL what is left when they exit. */
const children = new Set();
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
function startControlPlane(index, env, nodeArgs = []) {
  const child = spawn(process.execPath, [...nodeArgs, CONTROL_PLANE_MAIN], {
    cwd: ROOT,
    env: { PATH: process.env.PATH || '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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

/** SIGTERM, then SIGKILL after `graceMs` (a profiled process writes its .cpuprofile only when it exits by itself). */
async function stopControlPlane(cp, graceMs = 10_000) {
  if (cp.child.exitCode !== null || cp.child.signalCode !== null) return;
  cp.child.kill('SIGTERM');
  const t = setTimeout(() => cp.child.kill('SIGKILL'), graceMs);
  await cp.exited;
  clearTimeout(t);
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

/** Runs a bench's main(): a failure sets the exit code; children left running are killed. */
function runBench(main) {
  main()
    .catch((e) => {
      process.stderr.write(`bench failed: ${e && e.stack ? e.stack : e}\n`);
      process.exitCode = 1;
    })
    .finally(() => {
      for (const c of children) c.kill('SIGKILL');
    });
}

const PG_ADMIN_URL = process.env.PG_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const NATS_URL = process.env.NATS_URL || 'nats://127.0.0.1:4222';

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

/** A fresh database for one bench run; `drop()` removes it. */
async function createBenchDatabase(name) {
  const { Client } = require('pg');
  const admin = new Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  return {
    databaseUrl: PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`),
    /**
     * ANALYZE after a bulk load, as autovacuum would within a minute of it: without statistics
     * the planner guesses (this machine's PostgreSQL runs with autovacuum off); answers whether
     * autovacuum is on.
     */
    analyze: async () => {
      const c = new Client({ connectionString: PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`) });
      await c.connect();
      try {
        await c.query('ANALYZE');
        return (await c.query('SHOW autovacuum')).rows[0].autovacuum === 'on';
      } finally {
        await c.end();
      }
    },
    drop: async () => {
      const c = new Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A node child (a probe, a target) whose output is kept; `firstJson()` resolves with its first JSON stdout line. */
function spawnNode(name, script, env, nodeArgs = []) {
  const child = spawn(process.execPath, [...nodeArgs, script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH || '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.add(child);
  let out = '';
  const keep = (c) => (out = (out + c).slice(-8000));
  child.stdout.setEncoding('utf8').on('data', keep);
  child.stderr.setEncoding('utf8').on('data', keep);
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  void exited.then(() => children.delete(child));
  const firstJson = async (timeoutMs) => {
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) return JSON.parse(line);
      if (child.exitCode !== null) break;
      await sleep(50);
    }
    throw new Error(`${name} did not start:\n${out}`);
  };
  return { name, child, exited, firstJson, tail: () => out };
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the child has exited. */
async function stopChild(p, graceMs = 15_000) {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  p.child.kill('SIGTERM');
  const t = setTimeout(() => p.child.kill('SIGKILL'), graceMs);
  await p.exited;
  clearTimeout(t);
}

module.exports = {
  spawnNode,
  stopChild,
  ROOT,
  CONTROL_PLANE_MAIN,
  PG_ADMIN_URL,
  NATS_URL,
  children,
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
};
