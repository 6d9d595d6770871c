import type { INestApplication } from '@nestjs/common';
import { connect } from 'nats';
import { Client } from 'pg';
import { randomBytes } from 'node:crypto';
import { natsNames } from '@parallax/contracts';
import { createApp } from '../bootstrap';
import { AppConfig, loadConfig } from '../config/config';

/**
 * Test support (integration tests only): every suite gets its own PostgreSQL
 * database and NATS prefix, created here and dropped in `close()`, so suites run
 * in parallel and leave nothing behind.
 */
export const PG_ADMIN_URL = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

export function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}

export async function createDatabase(prefix = 't'): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = uniqueName(prefix);
  const admin = new Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  return {
    url,
    name,
    drop: async () => {
      const c = new Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Removes the JetStream stream (and its consumer) of a test prefix. */
export async function deleteNatsPrefix(prefix: string, natsUrl = TEST_NATS_URL): Promise<void> {
  const nc = await connect({ servers: natsUrl });
  try {
    const jsm = await nc.jetstreamManager();
    await jsm.streams.delete(natsNames(prefix).resultsStream).catch(() => undefined);
  } finally {
    await nc.close();
  }
}

export interface TestApp {
  app: INestApplication;
  baseUrl: string;
  api: string;
  config: AppConfig;
  databaseUrl: string;
  natsPrefix: string;
  close(): Promise<void>;
}

/**
 * Starts an in-process control plane on an ephemeral port against a fresh database.
 * Pass `share` (another TestApp) to start a second replica on the same database and
 * NATS prefix; only the first one drops them in close().
 */
export async function startTestApp(env: Record<string, string> = {}, share?: TestApp): Promise<TestApp> {
  const db = share ? { url: share.databaseUrl, drop: async () => undefined } : await createDatabase('t_cp');
  const natsPrefix = share ? share.natsPrefix : uniqueName('t_cp');
  const config = loadConfig({
    DATABASE_URL: db.url,
    NATS_URL: TEST_NATS_URL,
    NATS_PREFIX: natsPrefix,
    JWT_SECRET: 'test-secret-test-secret',
    ALLOW_PRIVATE_TARGETS: 'true',
    MIN_INTERVAL_SECONDS: '1',
    REGIONS: 'eu-west,us-east,ap-south',
    RATE_LIMIT_PER_MINUTE: '100000',
    LOG_LEVEL: 'warn',
    PORT: '0',
    ...env,
  });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  return {
    app,
    baseUrl,
    api: `${baseUrl}/api/v1`,
    config,
    databaseUrl: db.url,
    natsPrefix,
    close: async () => {
      await app.close();
      if (!share) {
        await deleteNatsPrefix(natsPrefix);
        await db.drop();
      }
    },
  };
}

/** Signs up a fresh account and returns its first API key. */
export async function signup(api: string, email = `${uniqueName('user')}@example.com`): Promise<{ key: string; accountId: string; email: string }> {
  const res = await fetch(`${api}/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'correct horse battery', name: 'Test User' }),
  });
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { data: { api_key: { key: string }; account: { id: string } } };
  return { key: body.data.api_key.key, accountId: body.data.account.id, email };
}

/** fetch + JSON with an API key. */
export async function call(api: string, key: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(`${api}${path}`, {
    method,
    headers: { 'x-api-key': key, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: parsed, headers: res.headers };
}
