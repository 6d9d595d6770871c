import { Controller, Get, Injectable } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { NatsService } from './nats.service';

/** Readiness flips to false when the probe starts shutting down. */
@Injectable()
export class Lifecycle {
  shuttingDown = false;
}

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly nats: NatsService,
    private readonly lifecycle: Lifecycle,
  ) {}

  /** The process is up and serving HTTP. */
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** Connected to NATS and not shutting down. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => {
        const s = this.indicators.check('nats');
        return this.nats.isConnected ? s.up() : s.down({ message: 'not connected to NATS' });
      },
      () => {
        const s = this.indicators.check('intake');
        return this.lifecycle.shuttingDown ? s.down({ message: 'shutting down' }) : s.up();
      },
    ]);
  }
}
