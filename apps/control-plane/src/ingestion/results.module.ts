import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CheckResultEntity } from './check-result.entity';
import { ResultsRepository } from './results.repository';

/**
 * The check results table (`check_results`) and its repository. Ingestion writes it; the
 * decisions, the history and the time series read it through this module.
 */
@Module({
  imports: [TypeOrmModule.forFeature([CheckResultEntity])],
  providers: [ResultsRepository],
  exports: [ResultsRepository],
})
export class ResultsModule {}
