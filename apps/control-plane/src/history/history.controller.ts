import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Paged } from '../common/envelope.interceptor';
import { ApiEnvelope, ApiEnvelopeList, ApiErrors, READ_ERRORS } from '../common/openapi';
import { CurrentPrincipal, Principal } from '../common/principal';
import {
  DailyUptimeView,
  HourlyUptimeView,
  MonitorStatsView,
  MonitorStatusView,
  ResponseTimesView,
} from '../timeseries/dto/timeseries.view';
import {
  DailyUptimeQuery,
  HourlyUptimeQuery,
  ResponseTimesQuery,
  StatsDaysQuery,
} from '../timeseries/timeseries.query';
import { TimeseriesService } from '../timeseries/timeseries.service';
import { CheckView, ChecksMetaView } from './dto/check.view';
import { LogEntryView, LogsMetaView, MinutesView, MonitorHistoryView } from './dto/history.view';
import { ChecksQuery, HistoryHoursQuery, LogsQuery, MinutesQuery } from './history.query';
import { HistoryService } from './history.service';

/**
 * Operation ids as they were before the history and time-series routes shared this controller
 * (generated clients name their calls by them).
 */
const TIMESERIES = (method: string) => `TimeseriesController_${method}`;

/**
 * The read API of a monitor's results: its history check by check (`HistoryService`: checks,
 * minutes, logs, history) and its aggregates (`TimeseriesService`: response times, daily and
 * hourly uptime, status, stats). One controller, in this order, so that the routes and the
 * OpenAPI document keep the order they had.
 */
@ApiTags('monitors')
@ApiSecurity('api_key')
@ApiBearerAuth()
@Controller('monitors')
export class HistoryController {
  constructor(
    private readonly checkHistory: HistoryService,
    private readonly ts: TimeseriesService,
  ) {}

  @Get(':id/checks')
  @ApiOperation({ summary: 'Check history, newest first: one entry per round with every region’s result' })
  @ApiEnvelopeList(CheckView, { meta: ChecksMetaView })
  @ApiErrors(...READ_ERRORS)
  async checks(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() q: ChecksQuery) {
    const { limit } = q;
    const { items, total } = await this.checkHistory.checks(p, id, limit);
    return new Paged(items, { monitor_id: id, total, limit });
  }

  @Get(':id/response-times')
  @ApiOperation({
    operationId: TIMESERIES('responseTimes'),
    summary:
      'Per-region response times: a series of count, avg, p50, p95, p99, min, max (and uptime) and a summary for the window',
  })
  @ApiEnvelope(ResponseTimesView)
  @ApiErrors(...READ_ERRORS, 422)
  responseTimes(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() q: ResponseTimesQuery) {
    return this.ts.responseTimes(p, id, q);
  }

  @Get(':id/uptime/daily')
  @ApiOperation({
    operationId: TIMESERIES('daily'),
    summary: 'Daily uptime entries (date, totalChecks, successChecks, uptime) ending today, and the outage days',
  })
  @ApiEnvelope(DailyUptimeView)
  @ApiErrors(...READ_ERRORS, 422)
  daily(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() q: DailyUptimeQuery) {
    return this.ts.daily(p, id, q);
  }

  @Get(':id/uptime/hourly')
  @ApiOperation({ operationId: TIMESERIES('hourly'), summary: '24 hourly uptime entries of one UTC date' })
  @ApiEnvelope(HourlyUptimeView)
  @ApiErrors(...READ_ERRORS, 422)
  hourly(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() q: HourlyUptimeQuery) {
    return this.ts.hourly(p, id, q);
  }

  @Get(':id/uptime/minutes')
  @ApiOperation({
    operationId: TIMESERIES('minutes'),
    summary: 'The check records of one UTC hour: per region its results, else the rounds',
  })
  @ApiEnvelope(MinutesView)
  @ApiErrors(...READ_ERRORS, 422)
  minutes(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() q: MinutesQuery) {
    return this.checkHistory.minutes(p, id, q);
  }

  @Get(':id/logs')
  @ApiOperation({ operationId: TIMESERIES('logs'), summary: 'Check log: one entry per region result, newest first' })
  @ApiEnvelopeList(LogEntryView, { meta: LogsMetaView })
  @ApiErrors(...READ_ERRORS, 422)
  async logs(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() q: LogsQuery) {
    const { items, meta } = await this.checkHistory.logs(p, id, q);
    return new Paged(items, meta);
  }

  @Get(':id/status')
  @ApiOperation({
    operationId: TIMESERIES('status'),
    summary: 'Current status, last check, response time and 30-day uptime',
  })
  @ApiEnvelope(MonitorStatusView)
  @ApiErrors(...READ_ERRORS)
  status(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.ts.status(p, id);
  }

  @Get(':id/history')
  @ApiOperation({
    operationId: TIMESERIES('history'),
    summary: 'Rounds of the last hours (checked_at, status, response_time) with avg/min/max/uptime',
  })
  @ApiEnvelope(MonitorHistoryView)
  @ApiErrors(...READ_ERRORS)
  history(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() q: HistoryHoursQuery) {
    return this.checkHistory.history(p, id, q);
  }

  @Get(':id/stats')
  @ApiOperation({
    operationId: TIMESERIES('stats'),
    summary: 'Response-time and uptime statistics of the last days, overall and per region',
  })
  @ApiEnvelope(MonitorStatsView)
  @ApiErrors(...READ_ERRORS)
  stats(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() q: StatsDaysQuery) {
    return this.ts.stats(p, id, q);
  }
}
