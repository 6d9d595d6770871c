import { Module } from '@nestjs/common';
import { IncidentsModule } from '../incidents/incidents.module';
import { MaintenanceModule } from '../maintenance/maintenance.module';
import { StatusPagesModule } from '../status-pages/status-pages.module';
import { RollupsModule } from '../timeseries/rollups.module';
import { SchedulerModule } from '../scheduler/scheduler.module';
import { PublicStatusController } from './public-status.controller';
import { PublicStatusService } from './public-status.service';
import { ValtrogenController } from './valtrogen.controller';

/** The public surface of status pages: `/s/{slug}` (HTML) `/api/public/status/{slug}` (StatusCore JSON), Valtrogen's maintenance logs, monitors and groups. */
@Module({
  imports: [StatusPagesModule, RollupsModule, IncidentsModule, MaintenanceModule, SchedulerModule],
  controllers: [PublicStatusController, ValtrogenController],
  providers: [PublicStatusService],
  exports: [PublicStatusService],
})
export class PublicStatusModule {}
