import { RollupsModule } from '../timeseries/rollups.module';
import { Module } from '@nestjs/common';
import { IncidentsModule } from '../incidents/incidents.module';
import { ResultsModule } from '../ingestion/results.module';
import { MaintenanceModule } from '../maintenance/maintenance.module';
import { MonitorsModule } from '../monitors/monitors.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { SchedulerModule } from '../scheduler/scheduler.module';
import { DeadlineService } from './deadline.service';
import { DecisionService } from './decision.service';
import { IngestionProgress } from './ingestion-progress';
import { MonitorStateRepository } from './monitor-state.repository';
import { RegionStreaksRepository } from './region-streaks.repository';
import { RegionalIncidents } from './regional-incidents.service';

@Module({
  imports: [
    ResultsModule,
    SchedulerModule,
    MonitorsModule,
    IncidentsModule,
    MaintenanceModule,
    RollupsModule,
    NotificationsModule,
  ],
  providers: [
    DecisionService,
    DeadlineService,
    IngestionProgress,
    RegionalIncidents,
    RegionStreaksRepository,
    MonitorStateRepository,
  ],
  exports: [DecisionService, IngestionProgress],
})
export class DecisionsModule {}
