import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import type { Server as HttpServer } from 'node:http';
import { Logger, PinoLogger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { loadConfig } from './config';
import { JobsServer } from './jobs.server';
import { PresenceAnnouncer } from './presence';
import { ShutdownService } from './shutdown';

async function bootstrap(): Promise<void> {
  const loaded = loadConfig();
  if (!loaded.ok) {
    for (const line of loaded.errors) process.stderr.write(`invalid configuration: ${line}\n`);
    process.exit(1);
  }
  const config = loaded.config;

  const app = await NestFactory.create(AppModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  const log = await app.resolve(PinoLogger);
  log.setContext('main');

  app.get(ShutdownService).install(app);
  app.connectMicroservice({ strategy: app.get(JobsServer) }, { inheritAppConfig: true });

  // HTTP first, so /health/live answers while NATS is still unreachable.
  await app.listen(config.metricsPort, '0.0.0.0');
  const port = ((app.getHttpServer() as HttpServer).address() as AddressInfo).port;
  log.info(
    { metrics_port: port, concurrency: config.concurrency, queue_limit: config.queueLimit, workers: config.workers },
    'metrics and health listening',
  );

  await app.startAllMicroservices();
  app.get(PresenceAnnouncer).start();
  log.info({ user_agent: config.userAgent }, 'probe ready');
}

bootstrap().catch((e: unknown) => {
  process.stderr.write(`probe failed to start: ${(e as Error)?.stack ?? String(e)}\n`);
  process.exit(1);
});
