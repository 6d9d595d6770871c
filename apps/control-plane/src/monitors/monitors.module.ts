import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HeartbeatStateModule } from '../heartbeats/heartbeat-state.module';
import { SchedulerModule } from '../scheduler/scheduler.module';
import { MonitorAlertTargets } from './alert-targets.service';
import { MonitorEntity } from './monitor.entity';
import { MonitorsController } from './monitors.controller';
import { MonitorsRepository } from './monitors.repository';
import { MonitorsService } from './monitors.service';
import { SystemMonitorsRepository } from './system-monitors.repository';

@Module({
  imports: [TypeOrmModule.forFeature([MonitorEntity]), HeartbeatStateModule, SchedulerModule],
  controllers: [MonitorsController],
  providers: [MonitorsService, MonitorsRepository, SystemMonitorsRepository, MonitorAlertTargets],
  exports: [MonitorsService, MonitorsRepository, SystemMonitorsRepository, MonitorAlertTargets],
})
export class MonitorsModule {}
