import { Controller, Get } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '../common/principal';
import { NatsService } from '../nats/nats.service';

class HealthIndicatorView {
  @ApiProperty({ enum: ['up', 'down'] }) status!: string;
  @ApiPropertyOptional({ example: 'not connected' }) message?: string;
}

const INDICATORS = {
  type: 'object',
  additionalProperties: { $ref: '#/components/schemas/HealthIndicatorView' },
  example: { database: { status: 'up' }, nats: { status: 'up' } },
} as const;

/** @nestjs/terminus's answer (no envelope). */
class HealthView {
  @ApiProperty({ enum: ['ok', 'error', 'shutting_down'] }) status!: string;
  @ApiPropertyOptional(INDICATORS) info?: Record<string, HealthIndicatorView>;
  @ApiPropertyOptional(INDICATORS) error?: Record<string, HealthIndicatorView>;
  @ApiProperty(INDICATORS) details!: Record<string, HealthIndicatorView>;
}

@SkipThrottle()
@ApiTags('health')
@ApiExtraModels(HealthIndicatorView)
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicator: HealthIndicatorService,
    private readonly nats: NatsService,
  ) {}

  /** The process is alive (no dependencies checked). */
  @Public()
  @Get('live')
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOkResponse({ type: HealthView })
  live() {
    return this.health.check([]);
  }

  /** Ready to serve: PostgreSQL answers, NATS is connected and every region's results stream is consumed. */
  @Public()
  @Get('ready')
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOkResponse({ type: HealthView })
  @ApiServiceUnavailableResponse({
    type: HealthView,
    description: 'PostgreSQL or NATS is not available, or results cannot be consumed',
  })
  ready() {
    return this.health.check([
      () => this.db.pingCheck('database', { timeout: 2000 }),
      () => {
        const i = this.indicator.check('nats');
        return this.nats.isConnected ? i.up() : i.down({ message: 'not connected' });
      },
      () => {
        // Results are being consumed from every region's stream (false while a lost stream or consumer is recreated).
        const i = this.indicator.check('results');
        return this.nats.resultsConsumable ? i.up() : i.down({ message: 'results streams not consumed' });
      },
    ]);
  }
}
