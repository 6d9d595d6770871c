import { Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { RateLimiter } from '../accounts/rate-limit.guard';
import { APP_CONFIG, AppConfig } from '../config/config';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { validationFailed } from '../common/errors';
import { CurrentPrincipal, Principal, Public } from '../common/principal';
import type { PingKind } from './heartbeat-rules';
import { HeartbeatsService } from './heartbeats.service';
import { MonitorsService } from '../monitors/monitors.service';
import { ApiEnvelope, ApiErrors } from '../common/openapi';
import { PingTokenView, PingView } from './dto/ping.view';

const KINDS: Record<string, PingKind> = { start: 'start', fail: 'fail' };

function pingKind(kind: string): PingKind {
  const k = Object.prototype.hasOwnProperty.call(KINDS, kind) ? KINDS[kind] : undefined;
  if (!k)
    throw validationFailed([
      { field: 'kind', message: 'the ping path is /api/ping/{id}, /api/ping/{id}/start or /api/ping/{id}/fail' },
    ]);
  return k;
}

interface ClientRequest {
  ip?: string;
}

/**
 * `GET|POST|HEAD /api/ping/{id}?token=` (StatusRooster: no `/v1`, no API key): records a
 * ping. Not under the API throttle but its own limits, counted before the monitor is
 * read: PING_RATE_LIMIT_PER_MONITOR_PER_MINUTE per monitor id and
 * PING_RATE_LIMIT_PER_IP_PER_MINUTE per client IP (429 with Retry-After). `/start` marks the start of a run, `/fail` reports that the
 * job failed (down at once). HEAD is answered by the GET route.
 */
@ApiTags('heartbeats')
@Public()
@SkipThrottle()
@Controller('api/ping')
export class PingController {
  constructor(
    private readonly heartbeats: HeartbeatsService,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private async ping(req: ClientRequest, id: string, token: string | undefined, kind: PingKind) {
    const limits = this.config.pingRateLimit;
    await this.limiter.consume(`ping:ip:${req.ip ?? 'unknown'}`, limits.perIpPerMinute);
    await this.limiter.consume(`ping:mon:${id}`, limits.perMonitorPerMinute);
    return this.heartbeats.ping(id, typeof token === 'string' ? token : undefined, kind);
  }

  // Two routes per method (not one `:id{/:kind}`): an OpenAPI path parameter is always
  // required, so the optional `kind` would make the document invalid.
  @Get(':id')
  @ApiOperation({ summary: 'Record a heartbeat ping (GET, POST or HEAD): the job succeeded' })
  @ApiQuery({ name: 'token', required: true, description: 'the token of the ping_url' })
  @ApiOkResponse({ type: PingView, description: 'bare answer (no envelope)' })
  @ApiErrors(404, 422, 429)
  get(@Req() req: ClientRequest, @Param('id') id: string, @Query('token') token?: string) {
    return this.ping(req, id, token, 'success');
  }

  @Get(':id/:kind')
  @ApiOperation({ summary: 'Record the start (/start) or the failure (/fail) of a run (GET or HEAD)' })
  @ApiParam({ name: 'kind', required: true, enum: ['start', 'fail'] })
  @ApiQuery({ name: 'token', required: true, description: 'the token of the ping_url' })
  @ApiOkResponse({ type: PingView, description: 'bare answer (no envelope)' })
  @ApiErrors(404, 422, 429)
  getKind(
    @Req() req: ClientRequest,
    @Param('id') id: string,
    @Param('kind') kind: string,
    @Query('token') token?: string,
  ) {
    return this.ping(req, id, token, pingKind(kind));
  }

  @Post(':id')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record a heartbeat ping (POST); the body is ignored' })
  @ApiQuery({ name: 'token', required: true })
  @ApiOkResponse({ type: PingView, description: 'bare answer (no envelope)' })
  @ApiErrors(404, 422, 429)
  post(@Req() req: ClientRequest, @Param('id') id: string, @Query('token') token?: string) {
    return this.ping(req, id, token, 'success');
  }

  @Post(':id/:kind')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the start (/start) or the failure (/fail) of a run (POST); the body is ignored' })
  @ApiParam({ name: 'kind', required: true, enum: ['start', 'fail'] })
  @ApiQuery({ name: 'token', required: true })
  @ApiOkResponse({ type: PingView, description: 'bare answer (no envelope)' })
  @ApiErrors(404, 422, 429)
  postKind(
    @Req() req: ClientRequest,
    @Param('id') id: string,
    @Param('kind') kind: string,
    @Query('token') token?: string,
  ) {
    return this.ping(req, id, token, pingKind(kind));
  }
}

@ApiTags('monitors')
@ApiSecurity('api_key')
@ApiBearerAuth()
@Controller('monitors')
export class PingTokenController {
  constructor(private readonly monitors: MonitorsService) {}

  @Post(':id/ping-token')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Issue a new ping token for a heartbeat monitor (the old ping_url stops working); the full ping_url is shown once',
  })
  @ApiEnvelope(PingTokenView)
  @ApiErrors(401, 403, 404, 429)
  rotate(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.monitors.rotatePingToken(p, id);
  }
}
