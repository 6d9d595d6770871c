import { DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { PROBE_CONFIG, type ProbeConfig } from './config';
import { HealthController, Lifecycle } from './health';
import { JobRunner } from './job.runner';
import { JobsController } from './jobs.controller';
import { JobsServer } from './jobs.server';
import { MetricsController, ProbeMetrics } from './metrics';
import { NatsService } from './nats.service';
import { PresenceAnnouncer } from './presence';
import { ResultsPublisher } from './results.publisher';
import { ProbeClock } from './probe-clock';
import { ShutdownService } from './shutdown';
import { ToolsResponder } from './tools.responder';

@Module({})
export class AppModule {
  static forRoot(config: ProbeConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          // No per-request logger middleware: the probe's HTTP endpoints (/metrics, /health)
          // are not logged, and that middleware runs an AsyncLocalStorage, whose first use
          // turns on promise hooks process-wide, a cost paid by every await of every check.
          forRoutes: [],
          pinoHttp: {
            level: config.logLevel,
            autoLogging: false,
            quietReqLogger: true,
            base: { app: 'probe', region: config.region, probe_id: config.probeId, version: config.version },
            redact: ['req.headers.authorization', 'req.headers.cookie'],
          },
        }),
        TerminusModule.forRoot({ errorLogStyle: 'json', gracefulShutdownTimeoutMs: 0 }),
      ],
      controllers: [JobsController, MetricsController, HealthController],
      providers: [
        { provide: PROBE_CONFIG, useValue: config },
        ProbeMetrics,
        ProbeClock,
        NatsService,
        ResultsPublisher,
        JobRunner,
        JobsServer,
        PresenceAnnouncer,
        Lifecycle,
        ShutdownService,
        ToolsResponder,
      ],
    };
  }
}
