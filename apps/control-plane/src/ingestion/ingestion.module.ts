import { Module } from '@nestjs/common';
import { DecisionsModule } from '../decisions/decisions.module';
import { SchedulerModule } from '../scheduler/scheduler.module';
import { IngestionService } from './ingestion.service';

@Module({
  imports: [DecisionsModule, SchedulerModule],
  providers: [IngestionService],
})
export class IngestionModule {}
