import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Paged } from '../common/envelope.interceptor';
import { CurrentPrincipal, Principal } from '../common/principal';
import { TimeseriesService } from './timeseries.service';
import { ApiEnvelope, ApiEnvelopeList, ApiErrors, READ_ERRORS } from '../common/openapi';
import { DailyUptimeQuery, HistoryHoursQuery, HourlyUptimeQuery, LogsQuery, MinutesQuery, ResponseTimesQuery, StatsDaysQuery } from './timeseries.query';
import { DailyUptimeView, HourlyUptimeView, LogEntryView, LogsMetaView, MinutesView, MonitorHistoryView, MonitorStatsView, MonitorStatusView, ResponseTimesView } from './dto/timeseries.view';

@ApiTags('monitors')
@ApiSecurity('api_key')
@ApiBearerAuth()
@Controller('monitors')
export class TimeseriesController {
  constructor(private readonly ts: TimeseriesService) {}

  @Get(':id/response-times')
  @ApiOperation({ summary: 'Per-region response times: a series of count, avg, p50, p95, p99, min, max (and uptime) and a summary for the window' })
  @ApiEnvelope(ResponseTimesView)
  @ApiErrors(...READ_ERRORS, 422)
  responseTimes(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() q: ResponseTimesQuery) {
    return this.ts.responseTimes(p, id, q);
  }

  @Get(':id/uptime/daily')
  @ApiOperation({ summary: 'Daily uptime entries (date, totalChecks, successChecks, uptime) ending today, and the outage days' })
  @ApiEnvelope(DailyUptimeView)
  @ApiErrors(...READ_ERRORS, 422)
  daily(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() q: DailyUptimeQuery) {
    return this.ts.daily(p, id, q);
  }

  @Get(':id/uptime/hourly')
  @ApiOperation({ summary: '24 hourly uptime entries of one UTC date' })
  @ApiEnvelope(HourlyUptimeView)
  @ApiErrors(...READ_ERRORS, 422)
  hourly(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() q: HourlyUptimeQuery) {
    return this.ts.hourly(p, id, q);
  }

  @Get(':id/uptime/minutes')
  @ApiOperation({ summary: 'The check records of one UTC hour: per region its results, else the rounds' })
  @ApiEnvelope(MinutesView)
  @ApiErrors(...READ_ERRORS, 422)
  minutes(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() q: MinutesQuery) {
    return this.ts.minutes(p, id, q);
  }

  @Get(':id/logs')
  @ApiOperation({ summary: 'Check log: one entry per region result, newest first' })
  @ApiEnvelopeList(LogEntryView, { meta: LogsMetaView })
  @ApiErrors(...READ_ERRORS, 422)
  async logs(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() q: LogsQuery) {
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
  @ApiEnvelope(MonitorHistoryView)
  @ApiErrors(...READ_ERRORS)
  history(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() q: HistoryHoursQuery) {
    return this.ts.history(p, id, q);
  }

  @Get(':id/stats')
  @ApiOperation({ summary: 'Response-time and uptime statistics of the last days, overall and per region' })
  @ApiEnvelope(MonitorStatsView)
  @ApiErrors(...READ_ERRORS)
  stats(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() q: StatsDaysQuery) {
    return this.ts.stats(p, id, q);
  }
}
