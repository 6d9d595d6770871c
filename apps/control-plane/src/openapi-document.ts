import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { openApiDocument, setGlobalPrefix } from './bootstrap';
import { loadConfig } from './config/config';

/**
 * The OpenAPI document without PostgreSQL or NATS: the app module in Nest's preview mode
 * (modules scanned, no provider instantiated). scripts/openapi.js writes it to
 * docs/openapi.json; common/openapi.int-spec.ts checks it equals the served one.
 */
export async function buildOpenApiDocument(): Promise<OpenAPIObject> {
  const config = loadConfig({
    DATABASE_URL: 'postgres://openapi@127.0.0.1:1/openapi',
    NATS_URL: 'nats://127.0.0.1:1',
    JWT_SECRET: 'openapi-document-only-secret',
    LOG_LEVEL: 'error',
  });
  const app = await NestFactory.create(AppModule.forRoot(config), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  setGlobalPrefix(app);
  const doc = openApiDocument(app);
  await app.close();
  return doc;
}

/** Stable JSON text of the document (2-space indent, trailing newline). */
export function openApiText(doc: OpenAPIObject): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
