import type { DestinationStream } from 'pino';
import type { INestApplication } from '@nestjs/common';
import { createDatabase, deleteNatsPrefix, TEST_NATS_URL, uniqueName } from '@parallax/testing';
import { createApp } from '../bootstrap';
import { AppConfig, loadConfig } from '../config/config';

export { call, signup, waitFor } from '@parallax/testing';

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
export async function startTestApp(
  env: Record<string, string> = {},
  share?: TestApp,
  logStream?: DestinationStream,
): Promise<TestApp> {
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
    AUTH_FAILURES_PER_MINUTE: '100000',
    // A cheaper scrypt keeps suites that sign up many users fast; accounts/hardening.int-spec.ts runs the default (2^17).
    SCRYPT_LOG2_N: '14',
    LOGIN_LOCKOUT_AFTER: '1000',
    PING_RATE_LIMIT_PER_MONITOR_PER_MINUTE: '100000',
    PING_RATE_LIMIT_PER_IP_PER_MINUTE: '100000',
    LOG_LEVEL: 'warn',
    PORT: '0',
    ...env,
  });
  const app = await createApp(config, logStream);
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
