import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AnomaliesModule } from './anomalies/anomalies.module';
import type { DestinationStream } from 'pino';
import { AccountsModule, ApiThrottlerGuard, AuthGuard } from './accounts/accounts.module';
import { BadgesModule } from './badges/badges.module';
import { ClockModule } from './common/clock';
import { EnvelopeInterceptor } from './common/envelope.interceptor';
import { describeUnexpected, HttpErrorFilter } from './common/http-error.filter';
import { AppConfig } from './config/config';
import { AppConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DecisionsModule } from './decisions/decisions.module';
import { OperationsModule } from './health/operations.module';
import { HeartbeatsModule } from './heartbeats/heartbeats.module';
import { HistoryModule } from './history/history.module';
import { IncidentsModule } from './incidents/incidents.module';
import { MaintenanceModule } from './maintenance/maintenance.module';
import { IngestionModule } from './ingestion/ingestion.module';
import { MetricsModule } from './metrics/metrics.module';
import { MonitorsModule } from './monitors/monitors.module';
import { NotificationsModule } from './notifications/notifications.module';
import { NatsModule } from './nats/nats.module';
import { RegionsModule } from './regions/regions.module';
import { SchedulerModule } from './scheduler/scheduler.module';
import { StatusPagesModule } from './status-pages/status-pages.module';
import { SubscriptionsModule } from './subscriptions/subscriptions.module';
import { PublicStatusModule } from './public-status/public-status.module';
import { TimeseriesModule } from './timeseries/timeseries.module';
import { ToolsModule } from './tools/tools.module';

/**
 * pino-http request serializer: the path without its query string (ping URLs carry their token
 * there, and any query value may be a secret someone pasted), no query object, no body.
 */
export function safeRequestLog<T extends { url?: string; query?: unknown; body?: unknown }>(
  req: T,
): Omit<T, 'query' | 'body'> {
  const { query: _query, body: _body, ...rest } = req;
  void _query;
  void _body;
  if (typeof rest.url === 'string') rest.url = rest.url.split('?')[0];
  return rest;
}

@Module({})
export class AppModule {
  /** `logStream`: where the logs go instead of stdout (tests read them back to grep for secrets). */
  static forRoot(config: AppConfig, logStream?: DestinationStream): DynamicModule {
    const pinoOptions = {
      level: config.logLevel,
      autoLogging: {
        ignore: (req: { url?: string }) => req.url === '/metrics' || (req.url ?? '').startsWith('/health'),
      },
      redact: ['req.headers["x-api-key"]', 'req.headers.authorization', 'req.headers.cookie'],
      customProps: () => ({ app: 'control-plane' }),
      // Never a query string or a body; an error logs its class, codes and frames, never values
      // (QueryFailedError.parameters, the driver's message and detail): docs/edge.md.
      serializers: { req: safeRequestLog, err: describeUnexpected },
    };
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot({
          forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
          pinoHttp: logStream ? [pinoOptions, logStream] : pinoOptions,
        }),
        DatabaseModule.forRoot(config.databaseUrl, config.dbPools),
        ClockModule,
        MetricsModule,
        NatsModule,
        AccountsModule,
        // Before MonitorsModule: its routes (/monitors/anomalies…) must be registered before /monitors/:id.
        AnomaliesModule,
        ToolsModule,
        MonitorsModule,
        SchedulerModule,
        DecisionsModule,
        IngestionModule,
        IncidentsModule,
        MaintenanceModule,
        HeartbeatsModule,
        NotificationsModule,
        HistoryModule,
        TimeseriesModule,
        RegionsModule,
        StatusPagesModule,
        PublicStatusModule,
        OperationsModule,
        BadgesModule,
        SubscriptionsModule,
      ],
      providers: [
        { provide: APP_GUARD, useExisting: AuthGuard },
        { provide: APP_GUARD, useExisting: ApiThrottlerGuard },
        { provide: APP_INTERCEPTOR, useClass: EnvelopeInterceptor },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
      ],
    };
  }
}
