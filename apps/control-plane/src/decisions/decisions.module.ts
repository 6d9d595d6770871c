import { RollupsModule } from '../timeseries/rollups.module';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IncidentsModule } from '../incidents/incidents.module';
import { MaintenanceModule } from '../maintenance/maintenance.module';
import { CheckResultEntity } from '../ingestion/check-result.entity';
import { ResultsRepository } from '../ingestion/results.repository';
import { MonitorsModule } from '../monitors/monitors.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { SchedulerModule } from '../scheduler/scheduler.module';
import { DeadlineService } from './deadline.service';
import { DecisionService } from './decision.service';
import { IngestionProgress } from './ingestion-progress';

@Module({
  imports: [TypeOrmModule.forFeature([CheckResultEntity]), SchedulerModule, MonitorsModule, IncidentsModule, MaintenanceModule, RollupsModule, NotificationsModule],
  providers: [DecisionService, DeadlineService, ResultsRepository, IngestionProgress],
  exports: [DecisionService, ResultsRepository, IngestionProgress],
})
export class DecisionsModule {}
