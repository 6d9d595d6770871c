import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionsModule } from '../regions/regions.module';
import { RoundEntity } from './round.entity';
import { RoundsRepository } from './rounds.repository';
import { SchedulerService } from './scheduler.service';

@Module({
  imports: [TypeOrmModule.forFeature([RoundEntity]), RegionsModule],
  providers: [RoundsRepository, SchedulerService],
  exports: [RoundsRepository, SchedulerService],
})
export class SchedulerModule {}
