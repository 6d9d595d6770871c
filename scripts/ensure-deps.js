'use strict';
/**
 * Makes a fresh clone runnable, so that the README's two commands (`npm run local`,
 * `npm test`) work right after `git clone`.
 *
 *   node scripts/ensure-deps.js             runs `npm ci` when node_modules is missing or does
 *                                           not match package-lock.json; otherwise does nothing
 *   node scripts/ensure-deps.js --check     only reports; exit 1 when an install is needed
 *   node scripts/ensure-deps.js --services  also makes sure the services the tests use answer:
 *                                           PostgreSQL at PG_ADMIN_URL and NATS with JetStream at
 *                                           TEST_NATS_URL (the defaults: 127.0.0.1:5432 and
 *                                           127.0.0.1:4222), starting local ones when it can
 *
 * The dependency check is plain Node (no packages needed). The service helpers
 * (`ensurePostgres`, `ensureNats`) load `pg` and `nats` lazily, after the install, and
 * are shared with scripts/local.js.
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
/** State of `npm run local` (git-ignored); PARALLAX_LOCAL_DIR moves it (the tests use their own). */
const LOCAL_DIR = process.env.PARALLAX_LOCAL_DIR
  ? path.resolve(process.env.PARALLAX_LOCAL_DIR)
  : path.join(ROOT, '.local');

class SetupError extends Error {
  /** `unreachable`: no server answered (as opposed to a server that refused or failed). */
  constructor(message, { unreachable = false } = {}) {
    super(message);
    this.unreachable = unreachable;
  }
}

// ------------------------------------------------------------------ dependencies

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Why `npm ci` is needed, or null when node_modules matches package-lock.json. */
function depsProblem() {
  const lockFile = path.join(ROOT, 'package-lock.json');
  if (!fs.existsSync(lockFile)) return 'package-lock.json is missing';
  if (!fs.existsSync(path.join(ROOT, 'node_modules'))) return 'node_modules is missing';
  const lock = readJson(lockFile);
  const pkg = readJson(path.join(ROOT, 'package.json'));
  const root = (lock.packages && lock.packages['']) || {};
  for (const field of ['dependencies', 'devDependencies']) {
    for (const [name, spec] of Object.entries(pkg[field] || {})) {
      if ((root[field] || {})[name] !== spec) {
        throw new SetupError(
          `package.json and package-lock.json disagree about ${name}: run "npm install" to update the lock file`,
        );
      }
    }
  }
  for (const [key, meta] of Object.entries(lock.packages || {})) {
    if (!key.startsWith('node_modules/')) continue; // the root and the workspace folders themselves
    if (meta.optional || meta.devOptional || meta.inBundle || meta.extraneous) continue; // platform-specific or bundled
    const where = path.join(ROOT, key);
    if (meta.link) {
      if (!fs.existsSync(where)) return `${key} (workspace link) is missing`;
      continue;
    }
    let installed;
    try {
      installed = readJson(path.join(where, 'package.json')).version;
    } catch {
      return `${key} is not installed`;
    }
    if (meta.version && installed !== meta.version)
      return `${key} is ${installed}, package-lock.json wants ${meta.version}`;
  }
  return null;
}

function runNpm(args) {
  // Under `npm run`, npm_execpath is npm's own CLI script: use the same npm.
  const execPath = process.env.npm_execpath;
  const [cmd, argv] = execPath && /\.c?js$/.test(execPath) ? [process.execPath, [execPath, ...args]] : ['npm', args];
  const r = spawnSync(cmd, argv, { cwd: ROOT, stdio: 'inherit' });
  if (r.error) throw new SetupError(`could not run npm: ${r.error.message}`);
  if (r.status !== 0) throw new SetupError(`npm ${args.join(' ')} failed (exit ${r.status})`);
}

/** Installs the locked dependencies when needed. Returns true when it installed. */
function ensureDeps({ checkOnly = false, log = defaultLog } = {}) {
  const problem = depsProblem();
  if (!problem) return false;
  if (checkOnly) throw new SetupError(`dependencies need an install: ${problem}`);
  log(`dependencies need an install (${problem}): running npm ci`);
  runNpm(['ci', '--no-audit', '--no-fund']);
  return true;
}

// ------------------------------------------------------------------ helpers

function defaultLog(msg) {
  process.stderr.write(`[setup] ${msg}\n`);
}

/** An executable on PATH (or one of `extra`), or null. */
function which(name, extra = []) {
  const dirs = (process.env.PATH || '').split(path.delimiter).filter(Boolean);
  for (const candidate of [...dirs.map((d) => path.join(d, name)), ...extra]) {
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function isLocalHost(host) {
  return ['', 'localhost', '127.0.0.1', '::1', '[::1]'].includes(host);
}

/** The URL with its password replaced by `***`, for messages. */
function safeUrl(url) {
  return String(url).replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}

function tail(file, lines = 15) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

// ------------------------------------------------------------------ PostgreSQL

const PG_HINT = 'install PostgreSQL 15+ and start it, or set DATABASE_URL=postgres://user:pass@host:5432/db';
const PG_NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ETIMEDOUT',
  'ECONNRESET',
  'ENOENT',
  'EAI_AGAIN',
  '57P03',
]);

function isNetworkError(e) {
  return (
    PG_NETWORK_CODES.has(e && e.code) || /timeout|terminated unexpectedly|ECONNREFUSED/i.test((e && e.message) || '')
  );
}

async function pgQuery(url, sql) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return await client.query(sql);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function newestPgVersion() {
  try {
    return fs
      .readdirSync('/etc/postgresql')
      .filter((v) => /^\d+(\.\d+)?$/.test(v))
      .sort((a, b) => Number(b) - Number(a))[0];
  } catch {
    return undefined;
  }
}

/** Starts the local cluster with pg_ctlcluster; returns an explanation when that is not possible. */
function startLocalPostgres(log) {
  const bin = which('pg_ctlcluster', ['/usr/bin/pg_ctlcluster']);
  const version = newestPgVersion();
  if (!bin || !version) return 'pg_ctlcluster is not available';
  log(`PostgreSQL is not running: pg_ctlcluster --skip-systemctl-redirect ${version} main start`);
  const r = spawnSync(bin, ['--skip-systemctl-redirect', version, 'main', 'start'], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.status !== 0) return `pg_ctlcluster failed: ${(r.stderr || r.stdout || r.error?.message || '').trim()}`;
  return null;
}

/**
 * Makes sure PostgreSQL answers at `url` and that its database exists (created from the
 * `postgres` database of the same server when missing). Starts a local cluster once
 * with pg_ctlcluster when the server is unreachable. Throws SetupError with a fix.
 */
async function ensurePostgres(url, { log = defaultLog } = {}) {
  if (!/^postgres(ql)?:\/\//.test(url))
    throw new SetupError(`DATABASE_URL must be a postgres:// URL, got ${safeUrl(url)}`);
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  let triedStart = false;
  const deadline = () => Date.now() + 15_000;
  let waitUntil = 0;
  for (;;) {
    try {
      await pgQuery(url, 'SELECT 1');
      return;
    } catch (e) {
      if (e.code === '3D000' && database) {
        // The server answers; the database does not exist yet.
        log(`creating database "${database}"`);
        try {
          await pgQuery(admin.toString(), `CREATE DATABASE "${database.replace(/"/g, '""')}"`);
        } catch (ce) {
          if (ce.code === '42P04') continue; // created meanwhile
          throw new SetupError(
            `cannot create database "${database}" on ${safeUrl(admin)}: ${ce.message}. Create it yourself, or set DATABASE_URL to a user that may create databases`,
          );
        }
        continue;
      }
      if (e.code === '28P01' || e.code === '28000') {
        throw new SetupError(
          `PostgreSQL at ${safeUrl(url)} refused the login (${e.message}): set DATABASE_URL=postgres://user:pass@host:5432/db with a user that can log in`,
        );
      }
      if (!isNetworkError(e))
        throw new SetupError(`PostgreSQL at ${safeUrl(url)} answered with an error: ${e.message}`);
      if (Date.now() < waitUntil) {
        await sleep(500);
        continue;
      }
      if (!triedStart && isLocalHost(parsed.hostname)) {
        triedStart = true;
        const why = startLocalPostgres(log);
        if (!why) {
          waitUntil = deadline();
          continue;
        }
        throw new SetupError(`PostgreSQL is not reachable at ${safeUrl(url)} (${e.message}; ${why}): ${PG_HINT}`, {
          unreachable: true,
        });
      }
      throw new SetupError(`PostgreSQL is not reachable at ${safeUrl(url)} (${e.message || e.code}): ${PG_HINT}`, {
        unreachable: true,
      });
    }
  }
}

// ------------------------------------------------------------------ NATS

/** Printed when NATS is missing: no npm package ships nats-server, so it is a prerequisite. */
const NATS_HINT = [
  'NATS with JetStream is a prerequisite (no npm package ships nats-server). Install it:',
  '    Debian/Ubuntu: sudo apt-get install nats-server',
  '    macOS:         brew install nats-server',
  '    Docker:        docker run -d --name parallax-nats -p 4222:4222 nats:2.10-alpine -js',
  '  then run the command again (an installed nats-server is started with -js, data in .local/nats),',
  '  or set NATS_URL=nats://host:4222 to a server with JetStream',
].join('\n');

function natsOptions(url, auth = {}) {
  const { credsAuthenticator } = require('nats');
  const opts = {
    servers: url
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    timeout: 3000,
    reconnect: false,
    maxReconnectAttempts: 0,
    name: 'parallax-setup',
  };
  if (auth.user) Object.assign(opts, { user: auth.user, pass: auth.pass });
  if (auth.credsFile) opts.authenticator = credsAuthenticator(fs.readFileSync(auth.credsFile));
  return opts;
}

/** host and port of a single local NATS URL (where we may start a server ourselves), else null. */
function localNatsAddress(url) {
  const servers = url
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (servers.length !== 1) return null;
  try {
    const u = new URL(servers[0].includes('://') ? servers[0] : `nats://${servers[0]}`);
    if (u.protocol !== 'nats:' || !isLocalHost(u.hostname)) return null;
    return { port: Number(u.port || 4222) };
  } catch {
    return null;
  }
}

/** Starts nats-server with JetStream, detached, storing in .local/nats and logging to .local/nats.log. */
function startLocalNats(bin, port) {
  const storeDir = path.join(LOCAL_DIR, 'nats');
  fs.mkdirSync(storeDir, { recursive: true });
  const logFile = path.join(LOCAL_DIR, 'nats.log');
  const out = fs.openSync(logFile, 'a');
  const child = spawn(bin, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir], {
    detached: true,
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  let exited = null;
  child.on('exit', (code, signal) => (exited = signal || `exit ${code}`));
  child.on('error', (e) => (exited = e.message));
  child.unref();
  fs.writeFileSync(path.join(LOCAL_DIR, 'nats.pid'), `${child.pid}\n`);
  return { pid: child.pid, logFile, exited: () => exited };
}

/**
 * Makes sure a NATS server with JetStream answers at `url`. When none answers and the URL
 * is local, starts `nats-server -js` in the background (it keeps running afterwards).
 * Returns { version, startedPid }. Throws SetupError with a fix.
 */
async function ensureNats(url, { auth = {}, log = defaultLog } = {}) {
  const { connect } = require('nats');
  let nc;
  let startedPid = null;
  try {
    nc = await connect(natsOptions(url, auth));
  } catch (e) {
    if (/authoriz|authenticat|permission/i.test(e.message || '')) {
      throw new SetupError(
        `NATS at ${safeUrl(url)} refused the connection (${e.message}): set NATS_USER/NATS_PASS or NATS_CREDS_FILE`,
      );
    }
    const local = localNatsAddress(url);
    const bin = which('nats-server', ['/usr/sbin/nats-server', '/usr/local/bin/nats-server']);
    if (!local || !bin)
      throw new SetupError(`NATS is not reachable at ${safeUrl(url)} (${e.message || e.code}): ${NATS_HINT}`);
    const started = startLocalNats(bin, local.port);
    startedPid = started.pid;
    log(
      `NATS was not running: started ${bin} -js on 127.0.0.1:${local.port} (pid ${started.pid}, data in .local/nats, log in .local/nats.log); it keeps running after this script, stop it with: kill ${started.pid}`,
    );
    const until = Date.now() + 10_000;
    for (;;) {
      await sleep(250);
      if (started.exited()) {
        throw new SetupError(
          `nats-server stopped right after starting (${started.exited()}); .local/nats.log says:\n${tail(started.logFile)}\n${NATS_HINT}`,
        );
      }
      try {
        nc = await connect(natsOptions(url, auth));
        break;
      } catch (e2) {
        if (Date.now() > until)
          throw new SetupError(
            `nats-server did not accept connections within 10 s (${e2.message}); see .local/nats.log`,
          );
      }
    }
  }
  try {
    const version = nc.info && nc.info.version;
    try {
      await nc.jetstreamManager();
    } catch (e) {
      throw new SetupError(
        `NATS at ${safeUrl(url)} has JetStream disabled (${e.message}): restart nats-server with -js (JetStream), or set NATS_URL to a server that has it`,
      );
    }
    return { version, startedPid };
  } finally {
    await nc.close().catch(() => undefined);
  }
}

module.exports = {
  ROOT,
  LOCAL_DIR,
  SetupError,
  depsProblem,
  ensureDeps,
  ensurePostgres,
  ensureNats,
  pgQuery,
  safeUrl,
  which,
  tail,
  NATS_HINT,
};

// ------------------------------------------------------------------ CLI

if (require.main === module) {
  const args = new Set(process.argv.slice(2));
  (async () => {
    ensureDeps({ checkOnly: args.has('--check') });
    if (args.has('--services')) {
      const pgUrl = process.env.PG_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
      const natsUrl = process.env.TEST_NATS_URL || 'nats://127.0.0.1:4222';
      await ensurePostgres(pgUrl);
      await ensureNats(natsUrl);
    }
  })().catch((e) => {
    process.stderr.write(`[setup] ${e instanceof SetupError ? e.message : e.stack || e}\n`);
    process.exit(1);
  });
}
