import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FleetHealthService } from './fleet-health.service';
import { ProbeEntity } from './probe.entity';
import { ProbesRepository } from './probes.repository';
import { RegionsController } from './regions.controller';
import { RegionsService } from './regions.service';

@Module({
  imports: [TypeOrmModule.forFeature([ProbeEntity])],
  controllers: [RegionsController],
  providers: [RegionsService, ProbesRepository, FleetHealthService],
  exports: [RegionsService, FleetHealthService],
})
export class RegionsModule {}
