import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MonitorsModule } from '../monitors/monitors.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { MaintenanceController } from './maintenance.controller';
import { MaintenanceEntity, MaintenanceUpdateEntity } from './maintenance.entity';
import { MaintenanceRepository } from './maintenance.repository';
import { MaintenanceService } from './maintenance.service';
import { MaintenanceSweepService } from './maintenance-sweep.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([MaintenanceEntity, MaintenanceUpdateEntity]),
    MonitorsModule,
    NotificationsModule,
  ],
  controllers: [MaintenanceController],
  providers: [MaintenanceService, MaintenanceRepository, MaintenanceSweepService],
  exports: [MaintenanceService, MaintenanceRepository],
})
export class MaintenanceModule {}
