import { Module } from '@nestjs/common';
import { IncidentsModule } from '../incidents/incidents.module';
import { MaintenanceModule } from '../maintenance/maintenance.module';
import { FeedsService } from './feeds.service';

/** Atom / RSS feeds of status pages (served by the page routes in badges/page-public.controller.ts). */
@Module({
  imports: [IncidentsModule, MaintenanceModule],
  providers: [FeedsService],
  exports: [FeedsService],
})
export class FeedsModule {}
