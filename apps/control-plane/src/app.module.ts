import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AccountsModule, ApiThrottlerGuard, AuthGuard } from './accounts/accounts.module';
import { BadgesModule } from './badges/badges.module';
import { ClockModule } from './common/clock';
import { EnvelopeInterceptor } from './common/envelope.interceptor';
import { HttpErrorFilter } from './common/http-error.filter';
import { AppConfig } from './config/config';
import { AppConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DecisionsModule } from './decisions/decisions.module';
import { OperationsModule } from './health/operations.module';
import { HeartbeatsModule } from './heartbeats/heartbeats.module';
import { HistoryModule } from './history/history.module';
import { IncidentsModule } from './incidents/incidents.module';
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

/** pino-http request serializer: masks a `token` query parameter (heartbeat ping URLs). */
export function redactTokenInRequest<T extends { url?: string; query?: Record<string, unknown> }>(req: T): T {
  if (typeof req.url === 'string') req.url = req.url.replace(/([?&]token=)[^&#]*/gi, '$1[redacted]');
  if (req.query && typeof req.query === 'object' && 'token' in req.query) req.query = { ...req.query, token: '[redacted]' };
  return req;
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot({
          forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
          pinoHttp: {
            level: config.logLevel,
            autoLogging: { ignore: (req) => req.url === '/metrics' || (req.url ?? '').startsWith('/health') },
            redact: ['req.headers["x-api-key"]', 'req.headers.authorization', 'req.headers.cookie'],
            customProps: () => ({ app: 'control-plane' }),
            // Ping URLs carry their token in the query string: never log it.
            serializers: { req: redactTokenInRequest },
          },
        }),
        DatabaseModule.forRoot(config.databaseUrl, config.dbPools),
        ClockModule,
        MetricsModule,
        NatsModule,
        AccountsModule,
        MonitorsModule,
        SchedulerModule,
        DecisionsModule,
        IngestionModule,
        IncidentsModule,
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
