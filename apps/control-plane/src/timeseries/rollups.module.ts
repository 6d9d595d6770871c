import { Module } from '@nestjs/common';
import { MonitorsModule } from '../monitors/monitors.module';
import { PartitionsRepository } from './partitions.repository';
import { PartitionsService } from './partitions.service';
import { RollupFoldService } from './rollup-fold.service';
import { RollupsRepository } from './rollups.repository';
import { RollupWriter } from './rollup-writer.service';

/** Storage side of the time series: result partitions and rollups (used by ingestion and decisions), and the daily fold. */
@Module({
  imports: [MonitorsModule],
  providers: [RollupsRepository, PartitionsRepository, PartitionsService, RollupFoldService, RollupWriter],
  exports: [RollupsRepository, PartitionsService, RollupFoldService, RollupWriter],
})
export class RollupsModule {}
