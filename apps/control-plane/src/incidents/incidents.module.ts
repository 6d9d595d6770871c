import { AutomaticIncidents } from './automatic-incidents.service';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MonitorsModule } from '../monitors/monitors.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { IncidentEntity, IncidentUpdateEntity } from './incident.entity';
import { IncidentsController } from './incidents.controller';
import { IncidentsRepository } from './incidents.repository';
import { SystemIncidentsRepository } from './system-incidents.repository';
import { IncidentsService } from './incidents.service';

@Module({
  imports: [TypeOrmModule.forFeature([IncidentEntity, IncidentUpdateEntity]), MonitorsModule, NotificationsModule],
  controllers: [IncidentsController],
  providers: [IncidentsService, IncidentsRepository, SystemIncidentsRepository, AutomaticIncidents],
  exports: [IncidentsService, IncidentsRepository, SystemIncidentsRepository, AutomaticIncidents],
})
export class IncidentsModule {}
