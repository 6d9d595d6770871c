import { Module } from '@nestjs/common';
import { DecisionsModule } from '../decisions/decisions.module';
import { MonitorsModule } from '../monitors/monitors.module';
import { SchedulerModule } from '../scheduler/scheduler.module';
import { HistoryController } from './history.controller';
import { HistoryService } from './history.service';

@Module({
  imports: [MonitorsModule, SchedulerModule, DecisionsModule],
  controllers: [HistoryController],
  providers: [HistoryService],
})
export class HistoryModule {}
