import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionsModule } from '../regions/regions.module';
import { MonitorSchedules } from './monitor-schedules.service';
import { RoundRecords } from './round-records.service';
import { RoundEntity } from './round.entity';
import { RoundsRepository } from './rounds.repository';
import { SchedulerService } from './scheduler.service';

@Module({
  imports: [TypeOrmModule.forFeature([RoundEntity]), RegionsModule],
  providers: [RoundsRepository, SchedulerService, MonitorSchedules, RoundRecords],
  exports: [RoundsRepository, SchedulerService, MonitorSchedules, RoundRecords],
})
export class SchedulerModule {}
