import { Module } from '@nestjs/common';
import { PartitionsRepository } from './partitions.repository';
import { PartitionsService } from './partitions.service';
import { RollupsRepository } from './rollups.repository';

/** Storage side of the time series: result partitions and rollups (used by ingestion and decisions). */
@Module({
  providers: [RollupsRepository, PartitionsRepository, PartitionsService],
  exports: [RollupsRepository, PartitionsService],
})
export class RollupsModule {}
