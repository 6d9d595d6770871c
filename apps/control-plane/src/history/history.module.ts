import { Module } from '@nestjs/common';
import { ResultsModule } from '../ingestion/results.module';
import { MonitorsModule } from '../monitors/monitors.module';
import { SchedulerModule } from '../scheduler/scheduler.module';
import { RollupsModule } from '../timeseries/rollups.module';
import { TimeseriesModule } from '../timeseries/timeseries.module';
import { HistoryController } from './history.controller';
import { HistoryService } from './history.service';

/**
 * The read API of a monitor's results: the history check by check (this context) and the
 * aggregates it serves from the time series (`TimeseriesService`).
 */
@Module({
  imports: [MonitorsModule, SchedulerModule, ResultsModule, RollupsModule, TimeseriesModule],
  controllers: [HistoryController],
  providers: [HistoryService],
})
export class HistoryModule {}
