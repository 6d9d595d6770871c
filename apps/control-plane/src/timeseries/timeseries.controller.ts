import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Paged } from '../common/envelope.interceptor';
import { CurrentPrincipal, Principal } from '../common/principal';
import { TimeseriesService } from './timeseries.service';
import { ApiEnvelope, ApiEnvelopeList, ApiErrors, intQuery, READ_ERRORS } from '../common/openapi';
import { DailyUptimeView, HourlyUptimeView, LogEntryView, LogsMetaView, MinutesView, MonitorHistoryView, MonitorStatsView, MonitorStatusView, ResponseTimesView } from './dto/timeseries.view';

const REGION = { name: 'region', required: false, example: 'eu-west', schema: { type: 'string' }, description: "one of the monitor's regions; default: every region (and the whole monitor)" };

@ApiTags('monitors')
@ApiSecurity('api_key')
@ApiBearerAuth()
@Controller('monitors')
export class TimeseriesController {
  constructor(private readonly ts: TimeseriesService) {}

  @Get(':id/response-times')
  @ApiOperation({ summary: 'Per-region response times: a series of count, avg, p50, p95, p99, min, max (and uptime) and a summary for the window' })
  @ApiQuery({ name: 'from', required: false, description: 'ISO 8601, default: 24 h before `to`', schema: { type: 'string', format: 'date-time' }, example: '2026-11-23T10:00:00Z' })
  @ApiQuery({ name: 'to', required: false, description: 'ISO 8601, default: now', schema: { type: 'string', format: 'date-time' } })
  @ApiQuery({ name: 'bucket', required: false, enum: ['minute', 'hour', 'day'], description: 'default: minute up to 6 h, hour up to 14 days, else day; at most 3,000 points' })
  @ApiQuery(REGION)
  @ApiEnvelope(ResponseTimesView)
  @ApiErrors(...READ_ERRORS, 422)
  responseTimes(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() q: Record<string, string>) {
    return this.ts.responseTimes(p, id, q);
  }

  @Get(':id/uptime/daily')
  @ApiOperation({ summary: 'Daily uptime entries (date, totalChecks, successChecks, uptime) ending today, and the outage days' })
  @ApiQuery(intQuery('days', 1, 365, 90))
  @ApiQuery(REGION)
  @ApiEnvelope(DailyUptimeView)
  @ApiErrors(...READ_ERRORS, 422)
  daily(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() q: Record<string, string>) {
    return this.ts.daily(p, id, q);
  }

  @Get(':id/uptime/hourly')
  @ApiOperation({ summary: '24 hourly uptime entries of one UTC date' })
  @ApiQuery({ name: 'date', required: false, description: 'YYYY-MM-DD (UTC), default today', schema: { type: 'string', format: 'date' } })
  @ApiQuery(REGION)
  @ApiEnvelope(HourlyUptimeView)
  @ApiErrors(...READ_ERRORS, 422)
  hourly(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() q: Record<string, string>) {
    return this.ts.hourly(p, id, q);
  }

  @Get(':id/uptime/minutes')
  @ApiOperation({ summary: 'The check records of one UTC hour: per region its results, else the rounds' })
  @ApiQuery({ name: 'date', required: false, description: 'YYYY-MM-DD (UTC), default today', schema: { type: 'string', format: 'date' } })
  @ApiQuery({ name: 'hour', required: true, description: '0–23 (UTC)', schema: { type: 'integer', minimum: 0, maximum: 23 } })
  @ApiQuery(REGION)
  @ApiEnvelope(MinutesView)
  @ApiErrors(...READ_ERRORS, 422)
  minutes(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() q: Record<string, string>) {
    return this.ts.minutes(p, id, q);
  }

  @Get(':id/logs')
  @ApiOperation({ summary: 'Check log: one entry per region result, newest first' })
  @ApiQuery({ name: 'from', required: false, description: 'ISO 8601, default: 24 h before `to`', schema: { type: 'string', format: 'date-time' }, example: '2026-11-23T10:00:00Z' })
  @ApiQuery({ name: 'to', required: false, description: 'ISO 8601, default: now', schema: { type: 'string', format: 'date-time' } })
  @ApiQuery(REGION)
  @ApiQuery(intQuery('page', 1, 1_000_000, 1, '1-based, default 1 (clamped)'))
  @ApiQuery(intQuery('limit', 1, 100, 20))
  @ApiEnvelopeList(LogEntryView, { meta: LogsMetaView })
  @ApiErrors(...READ_ERRORS, 422)
  async logs(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() q: Record<string, string>) {
    const { items, meta } = await this.ts.logs(p, id, q);
    return new Paged(items, meta);
  }

  @Get(':id/status')
  @ApiOperation({ summary: 'Current status, last check, response time and 30-day uptime' })
  @ApiEnvelope(MonitorStatusView)
  @ApiErrors(...READ_ERRORS)
  status(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.ts.status(p, id);
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'Rounds of the last hours (checked_at, status, response_time) with avg/min/max/uptime' })
  @ApiQuery(intQuery('hours', 1, 168, 24))
  @ApiEnvelope(MonitorHistoryView)
  @ApiErrors(...READ_ERRORS)
  history(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() q: Record<string, string>) {
    return this.ts.history(p, id, q);
  }

  @Get(':id/stats')
  @ApiOperation({ summary: 'Response-time and uptime statistics of the last days, overall and per region' })
  @ApiQuery(intQuery('days', 1, 365, 30))
  @ApiEnvelope(MonitorStatsView)
  @ApiErrors(...READ_ERRORS)
  stats(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() q: Record<string, string>) {
    return this.ts.stats(p, id, q);
  }
}
