import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../common/principal';
import { BadgesService } from './badges.service';
import { ShieldsEndpointDto } from './dto';
import { sendAnswer } from './send';

const SVG = { 'image/svg+xml': { schema: { type: 'string' } } };
const HEADERS = {
  'Cache-Control': {
    description:
      '`public, max-age=300, stale-while-revalidate=60` (404/400: `public, max-age=60`; unavailable: `no-store`)',
    schema: { type: 'string' },
  },
  ETag: { description: 'revalidate with If-None-Match (304)', schema: { type: 'string' } },
};

/**
 * StatusRooster's badges (`/badge/{monitor_id}.svg` uptime, `/status.svg`, `/response.svg`)
 * and a shields.io endpoint JSON: public monitors only, no credentials, cached 5 minutes.
 * Outside `/api/v1`: no envelope. Limited per client IP like every public route (PUBLIC_RATE_LIMIT_PER_MINUTE).
 */
@ApiTags('badges')
@Public()
@Controller('badge')
export class BadgesController {
  constructor(private readonly badges: BadgesService) {}

  @Get(':id/status.svg')
  @ApiOperation({
    summary:
      'Current status badge: up (green), down (red), warn (amber, SSL), degraded (yellow), pending/paused (grey)',
  })
  @ApiProduces('image/svg+xml')
  @ApiParam({ name: 'id', description: 'monitor id (public monitors only)' })
  @ApiOkResponse({ description: 'SVG badge', content: SVG, headers: HEADERS })
  @ApiNotFoundResponse({ description: '"not found" SVG badge: unknown or private monitor', content: SVG })
  @ApiResponse({ status: 500, description: '"unavailable" SVG badge', content: SVG })
  async status(@Param('id') id: string, @Res() res: Response) {
    sendAnswer(res, await this.badges.rooster(id, 'status'));
  }

  @Get(':id/response.svg')
  @ApiOperation({ summary: 'Last response time badge: green < 500 ms, yellow-green < 1.5 s, yellow < 3 s, red ≥ 3 s' })
  @ApiProduces('image/svg+xml')
  @ApiParam({ name: 'id', description: 'monitor id (public monitors only)' })
  @ApiOkResponse({ description: 'SVG badge', content: SVG, headers: HEADERS })
  @ApiNotFoundResponse({ description: '"not found" SVG badge', content: SVG })
  @ApiResponse({ status: 500, description: '"unavailable" SVG badge', content: SVG })
  async response(@Param('id') id: string, @Res() res: Response) {
    sendAnswer(res, await this.badges.rooster(id, 'response'));
  }

  @Get(':id/shields.json')
  @ApiOperation({
    summary: 'shields.io endpoint JSON (schemaVersion 1), to restyle through https://img.shields.io/endpoint?url=…',
  })
  @ApiParam({ name: 'id', description: 'monitor id (public monitors only)' })
  @ApiQuery({ name: 'type', required: false, enum: ['uptime', 'status', 'response'] })
  @ApiOkResponse({ type: ShieldsEndpointDto, headers: HEADERS })
  @ApiResponse({ status: 400, type: ShieldsEndpointDto, description: 'unknown type (isError)' })
  @ApiNotFoundResponse({ type: ShieldsEndpointDto, description: 'unknown or private monitor (isError)' })
  @ApiResponse({ status: 500, type: ShieldsEndpointDto, description: 'unavailable (isError)' })
  async shields(@Param('id') id: string, @Query('type') type: unknown, @Res() res: Response) {
    sendAnswer(res, await this.badges.shields(id, type));
  }

  @Get(':id.svg')
  @ApiOperation({
    summary: 'Uptime badge (lifetime uptime_percent): green ≥ 99.5 %, yellow-green ≥ 99 %, yellow ≥ 95 %, red below',
  })
  @ApiProduces('image/svg+xml')
  @ApiParam({ name: 'id', description: 'monitor id (public monitors only)' })
  @ApiOkResponse({ description: 'SVG badge', content: SVG, headers: HEADERS })
  @ApiNotFoundResponse({ description: '"not found" SVG badge', content: SVG })
  @ApiResponse({ status: 500, description: '"unavailable" SVG badge', content: SVG })
  async uptime(@Param('id') id: string, @Res() res: Response) {
    sendAnswer(res, await this.badges.rooster(id, 'uptime'));
  }
}
