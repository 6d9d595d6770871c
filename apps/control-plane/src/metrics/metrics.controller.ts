import { Controller, Get, Header, Inject, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { SkipThrottle } from '@nestjs/throttler';
import { DomainError } from '../common/errors';
import { Public } from '../common/principal';
import { matchesSha256, sha256Hex } from '../common/secret-hash';
import { APP_CONFIG, AppConfig } from '../config/config';
import { MetricsService } from './metrics.service';
import { OperationsService } from './operations.service';

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/** True when the request may scrape: no METRICS_TOKEN configured, or `Authorization: Bearer <METRICS_TOKEN>`. */
export function metricsAuthorised(token: string | undefined, authorization: unknown): boolean {
  if (!token) return true;
  const match = typeof authorization === 'string' ? BEARER.exec(authorization) : null;
  return !!match && matchesSha256(match[1], sha256Hex(token));
}

/** `GET /metrics` (Prometheus text). Not under the rate limits; with METRICS_TOKEN set, a bearer token is required. */
@SkipThrottle()
@ApiExcludeController()
@Controller()
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    private readonly operations: OperationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('metrics')
  @Header('Cache-Control', 'no-store')
  async scrape(@Req() req: Request, @Res() res: Response): Promise<void> {
    if (!metricsAuthorised(this.config.metricsToken, req.headers.authorization)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="parallax-metrics"');
      throw new DomainError('unauthorized', 'GET /metrics needs Authorization: Bearer <METRICS_TOKEN>');
    }
    await this.operations.refreshGauges();
    res.setHeader('Content-Type', this.metrics.registry.contentType);
    res.send(await this.metrics.registry.metrics());
  }
}
