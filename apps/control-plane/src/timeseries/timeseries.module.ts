import { Module } from '@nestjs/common';
import { ResultsModule } from '../ingestion/results.module';
import { MonitorsModule } from '../monitors/monitors.module';
import { SchedulerModule } from '../scheduler/scheduler.module';
import { RollupsModule } from './rollups.module';
import { TimeseriesService } from './timeseries.service';

/**
 * Query side of the time series: response times, uptime, status and stats of a monitor over a
 * window (rollups plus raw edges). Served over HTTP by the history context's controller; used
 * by badges and insights too.
 */
@Module({
  imports: [RollupsModule, ResultsModule, MonitorsModule, SchedulerModule],
  providers: [TimeseriesService],
  exports: [TimeseriesService],
})
export class TimeseriesModule {}
