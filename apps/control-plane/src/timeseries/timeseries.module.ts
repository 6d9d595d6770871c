import { Module } from '@nestjs/common';
import { ResultsModule } from '../ingestion/results.module';
import { MonitorsModule } from '../monitors/monitors.module';
import { SchedulerModule } from '../scheduler/scheduler.module';
import { RollupsModule } from './rollups.module';
import { TimeseriesController } from './timeseries.controller';
import { TimeseriesService } from './timeseries.service';

/** Query side: response times, uptime, logs, status, history and stats of a monitor. */
@Module({
  imports: [RollupsModule, ResultsModule, MonitorsModule, SchedulerModule],
  controllers: [TimeseriesController],
  providers: [TimeseriesService],
  exports: [TimeseriesService],
})
export class TimeseriesModule {}
