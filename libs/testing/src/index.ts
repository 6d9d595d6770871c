import { connect } from 'nats';
import { Client } from 'pg';
import { randomBytes } from 'node:crypto';
import { natsNames } from '@parallax/contracts';
import { PG_ADMIN_URL, TEST_NATS_URL } from './test-env';

/**
 * Test support for integration and end-to-end tests: every suite gets its own
 * PostgreSQL database and NATS prefix, created here and dropped when it ends, so
 * suites run in parallel and leave nothing behind. Its environment overrides
 * (PG_ADMIN_URL, TEST_NATS_URL) are read in test-env.ts; never imported by application code.
 */
export {
  CHROMIUM_PATH,
  childEnv,
  FUZZ_CASES_PER_OPERATION,
  FUZZ_SEED,
  inheritedEnv,
  PG_ADMIN_URL,
  TEST_NATS_URL,
  TEST_PATH,
} from './test-env';

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

/** Removes the JetStream streams (and their consumers) of a test prefix: the results stream of each region and the old single one. */
export async function deleteNatsPrefix(prefix: string, natsUrl = TEST_NATS_URL): Promise<void> {
  const nc = await connect({ servers: natsUrl });
  try {
    const jsm = await nc.jetstreamManager();
    const n = natsNames(prefix);
    const ours = (s: { config: { name: string; subjects?: string[] } }) =>
      s.config.name === n.resultsStream ||
      (s.config.name.startsWith(`${n.resultsStream}_`) &&
        (s.config.subjects ?? []).every((x) => x.startsWith(`${prefix}.results.`)));
    const names: string[] = [];
    for await (const s of jsm.streams.list()) if (ours(s)) names.push(s.config.name);
    for (const name of names) await jsm.streams.delete(name).catch(() => undefined);
  } finally {
    await nc.close();
  }
}

/** Signs up a fresh account and returns its first API key. */
export async function signup(
  api: string,
  email = `${uniqueName('user')}@example.com`,
): Promise<{ key: string; accountId: string; email: string }> {
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
export async function call(
  api: string,
  key: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: any; headers: Headers }> {
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

/**
 * Polls `fn` (sync or async) every `everyMs` until it returns a truthy value, which it
 * resolves with; an exception counts as "not yet" and its message is kept for the
 * timeout error.
 */
export async function waitFor<T>(
  what: string,
  fn: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  timeoutMs = 20_000,
  everyMs = 100,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < end) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
}
export * from './targets';

export { WebhookReceiver, type Answer, type ReceivedRequest } from './webhook-receiver';
export { sipResponse, startSipResponder, type SipResponder } from './sip';
export { rdapDomainObject, startRegistryServers, whoisText, type DomainRecord, type RegistryServers } from './registry';
export * from './random';
export * from './fuzz-cases';
