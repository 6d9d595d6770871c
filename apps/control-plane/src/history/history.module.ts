import { Module } from '@nestjs/common';
import { ResultsModule } from '../ingestion/results.module';
import { MonitorsModule } from '../monitors/monitors.module';
import { SchedulerModule } from '../scheduler/scheduler.module';
import { RollupsModule } from '../timeseries/rollups.module';
import { HistoryController } from './history.controller';
import { HistoryService } from './history.service';

@Module({
  imports: [MonitorsModule, SchedulerModule, ResultsModule, RollupsModule],
  controllers: [HistoryController],
  providers: [HistoryService],
})
export class HistoryModule {}
