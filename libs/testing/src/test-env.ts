/**
 * Every environment read of the test support, in one place: the services the tests
 * use (PG_ADMIN_URL, TEST_NATS_URL, falling back to NATS_URL), the knobs of some suites
 * (the fuzz seed, the Chromium binary) and the environment of the built apps they spawn.
 */

/** PostgreSQL superuser connection used to create and drop each suite's database. */
export const PG_ADMIN_URL = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** NATS (with JetStream) used by the tests and by the apps they start. */
export const TEST_NATS_URL = process.env.TEST_NATS_URL ?? process.env.NATS_URL ?? 'nats://127.0.0.1:4222';

/** The fuzz suite's seed and cases per operation (FUZZ_SEED, FUZZ_CASES_PER_OPERATION): rerun a failure with its seed. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 13);
export const FUZZ_CASES_PER_OPERATION = Number(process.env.FUZZ_CASES_PER_OPERATION ?? 40);

/** The Chromium binary the browser tests drive (CHROMIUM_PATH; Debian's by default). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** This process's PATH, for a spawned tool that needs nothing else of the environment. */
export const TEST_PATH = process.env.PATH ?? '';

/** The environment of a spawned built app: only PATH from this process, plus `extra`. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: TEST_PATH, ...extra };
}

/** This process's whole environment plus `extra`, for tools (helm, node -e) a test runs. */
export function inheritedEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}
