import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { childEnv } from '@parallax/testing';

const MAIN = path.resolve(__dirname, '../dist/main.js');
const run = (env: Record<string, string>) =>
  spawnSync(process.execPath, [MAIN], { env: childEnv(env), encoding: 'utf8', timeout: 30_000 });

/** The built control plane refuses to start, with a message saying what to fix. */
describe('control-plane startup checks', () => {
  it('exits 1 listing every invalid variable', () => {
    const r = run({ REGIONS: 'eu-west', JWT_SECRET: 'short' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/DATABASE_URL: is required/);
    expect(r.stderr).toMatch(/JWT_SECRET: must be at least 16 characters/);
  });

  it('exits 1 when PostgreSQL cannot be reached, naming the URL without its password', () => {
    const r = run({ DATABASE_URL: 'postgres://user:hunter2@127.0.0.1:1/parallax', JWT_SECRET: 'x'.repeat(16) });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /cannot reach PostgreSQL at DATABASE_URL=postgres:\/\/user:\*\*\*@127\.0\.0\.1:1\/parallax/,
    );
    expect(r.stderr).not.toMatch(/hunter2/);
  });

  it('exits 1 when NATS cannot be reached', () => {
    const r = run({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
      NATS_URL: 'nats://127.0.0.1:1',
      JWT_SECRET: 'x'.repeat(16),
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cannot use NATS at NATS_URL=nats:\/\/127\.0\.0\.1:1/);
  });
});
