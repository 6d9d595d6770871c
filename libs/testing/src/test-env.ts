/**
 * Every environment read of the test support, in one place: the services the tests
 * use (PG_ADMIN_URL, TEST_NATS_URL, falling back to NATS_URL) and the environment of
 * the built apps they spawn.
 */

/** PostgreSQL superuser connection used to create and drop each suite's database. */
export const PG_ADMIN_URL = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** NATS (with JetStream) used by the tests and by the apps they start. */
export const TEST_NATS_URL = process.env.TEST_NATS_URL ?? process.env.NATS_URL ?? 'nats://127.0.0.1:4222';

/** The environment of a spawned built app: only PATH from this process, plus `extra`. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '', ...extra };
}

/** This process's whole environment plus `extra`, for tools (helm, node -e) a test runs. */
export function inheritedEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}
