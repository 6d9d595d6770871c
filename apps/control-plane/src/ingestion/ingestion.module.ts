import { Module } from '@nestjs/common';
import { MonitorsModule } from '../monitors/monitors.module';
import { RollupsModule } from '../timeseries/rollups.module';
import { DecisionsModule } from '../decisions/decisions.module';
import { SchedulerModule } from '../scheduler/scheduler.module';
import { IngestionService } from './ingestion.service';
import { DeadLettersRepository } from './dead-letters.repository';
import { ResultsModule } from './results.module';

@Module({
  imports: [ResultsModule, DecisionsModule, SchedulerModule, MonitorsModule, RollupsModule],
  providers: [IngestionService, DeadLettersRepository],
})
export class IngestionModule {}
