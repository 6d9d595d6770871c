import { Module } from '@nestjs/common';
import { IncidentsModule } from '../incidents/incidents.module';
import { StatusPagesModule } from '../status-pages/status-pages.module';
import { RollupsModule } from '../timeseries/rollups.module';
import { PublicStatusController } from './public-status.controller';
import { PublicStatusService } from './public-status.service';

/** The public surface of status pages: `/s/{slug}` (HTML) and `/api/public/status/{slug}` (StatusCore JSON). */
@Module({
  imports: [StatusPagesModule, RollupsModule, IncidentsModule],
  controllers: [PublicStatusController],
  providers: [PublicStatusService],
  exports: [PublicStatusService],
})
export class PublicStatusModule {}
