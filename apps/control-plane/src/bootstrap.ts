import type { DestinationStream } from 'pino';
import 'reflect-metadata';
import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { connect, credsAuthenticator } from 'nats';
import { readFileSync } from 'node:fs';
import { json } from 'express';
import { Client } from 'pg';
import { AppModule } from './app.module';
import { Clock } from './common/clock';
import { IdParamGuard, inputNormaliser } from './common/input-normaliser';
import { createValidationPipe } from './common/validation';
import { AppConfig } from './config/config';
import { runMigrations } from './database/migrate';
import { NatsService } from './nats/nats.service';
import { customDomainMiddleware, DomainCache } from './public-status/custom-domain';
import { StatusPagesService } from './status-pages/status-pages.service';

function ownHostOf(publicUrl: string): string | null {
  try {
    return new URL(publicUrl).hostname.toLowerCase();
  } catch {
    return null;
  }
}

export class StartupError extends Error {}

/** Fails fast, with a message that says what to fix, when PostgreSQL or NATS is unreachable. */
export async function checkServices(config: AppConfig): Promise<void> {
  const pg = new Client({ connectionString: config.databaseUrl, connectionTimeoutMillis: 5000 });
  try {
    await pg.connect();
    await pg.query('SELECT 1');
  } catch (e) {
    const safeUrl = config.databaseUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
    throw new StartupError(
      `cannot reach PostgreSQL at DATABASE_URL=${safeUrl}: ${(e as Error).message}. Start PostgreSQL or fix DATABASE_URL.`,
    );
  } finally {
    await pg.end().catch(() => undefined);
  }
  try {
    const { url, user, pass, credsFile } = config.nats;
    const authenticator = credsFile ? credsAuthenticator(readFileSync(credsFile)) : undefined;
    const nc = await connect({
      servers: url.split(','),
      user,
      pass,
      authenticator,
      timeout: 5000,
      maxReconnectAttempts: 0,
    });
    const jsm = await nc.jetstreamManager().catch((e) => {
      throw new Error(`JetStream is not enabled on this server (${(e as Error).message}); start nats-server with -js`);
    });
    void jsm;
    await nc.close();
  } catch (e) {
    throw new StartupError(
      `cannot use NATS at NATS_URL=${config.nats.url}: ${(e as Error).message}. Start nats-server -js or fix NATS_URL.`,
    );
  }
}

/** `/api/v1` for the API; metrics, health, heartbeat pings, badges, public pages (`/s/…`) and a custom domain's `/api/badge`, `/api/feed` keep their paths. */
export function setGlobalPrefix(app: INestApplication): void {
  app.setGlobalPrefix('api/v1', {
    exclude: [
      { path: 'metrics', method: RequestMethod.GET },
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'api/ping/{*rest}', method: RequestMethod.ALL },
      { path: 'badge/{*rest}', method: RequestMethod.GET },
      { path: 's/{*rest}', method: RequestMethod.ALL },
      { path: 'api/public/{*rest}', method: RequestMethod.GET },
      { path: 'api/badge', method: RequestMethod.GET },
      { path: 'api/feed', method: RequestMethod.GET },
    ],
  });
}

/**
 * The OpenAPI document, generated from the controllers' decorators. Served at
 * /api/docs-json and written to docs/openapi.json by scripts/openapi.js.
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const doc = new DocumentBuilder()
    .setTitle('Parallax API')
    .setDescription(
      'Multi-region uptime monitoring with quorum decisions. Envelope: {"data": …, "error": null, "meta": {…}}; errors: {"data": null, "error": "…", "details"?: […]}.',
    )
    .setVersion('1')
    .addApiKey({ type: 'apiKey', name: 'X-API-Key', in: 'header' }, 'api_key')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, doc);
}

/** Builds the control plane: migrations, NATS stream, HTTP app. Used by main.ts and by tests. */
export async function createApp(config: AppConfig, logStream?: DestinationStream): Promise<INestApplication> {
  await checkServices(config);
  await runMigrations(config.databaseUrl);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, logStream), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  // A bulk create carries up to 1,000 monitors: its own, larger limit (first parser wins).
  app.use('/api/v1/monitors/bulk', json({ limit: '4mb' }));
  app.useBodyParser('json', { limit: '256kb' });
  app.useBodyParser('urlencoded', { limit: '16kb', extended: false }); // the status page's subscribe form
  // TRUST_PROXY hops of X-Forwarded-For are believed (0: none): req.ip is the client the rate limits count.
  app.set('trust proxy', config.trustProxy);
  // Before any route: refuses what the database and the libraries cannot take (docs/edge.md).
  app.use(inputNormaliser());
  setGlobalPrefix(app);
  // A page's custom domain: `/` and `/api/<path>` on it are that page's (rewritten to /s/{slug}/…).
  const pages = app.get(StatusPagesService);
  const clock = app.get(Clock);
  const domains = new DomainCache(
    (host) => pages.slugForDomain(host),
    undefined,
    undefined,
    () => clock.nowMs(),
  );
  app.use(customDomainMiddleware(ownHostOf(config.publicUrl), (host) => domains.get(host)));
  app.useGlobalGuards(new IdParamGuard());
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  // NATS connects (and the stream is ensured) before the consumers start in onApplicationBootstrap.
  await app.get(NatsService).connect();
  SwaggerModule.setup('api/docs', app, () => openApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
