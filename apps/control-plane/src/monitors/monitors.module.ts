import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MonitorEntity } from './monitor.entity';
import { MonitorsController } from './monitors.controller';
import { MonitorsRepository } from './monitors.repository';
import { MonitorsService } from './monitors.service';
import { SystemMonitorsRepository } from './system-monitors.repository';

@Module({
  imports: [TypeOrmModule.forFeature([MonitorEntity])],
  controllers: [MonitorsController],
  providers: [MonitorsService, MonitorsRepository, SystemMonitorsRepository],
  exports: [MonitorsRepository, SystemMonitorsRepository],
})
export class MonitorsModule {}
