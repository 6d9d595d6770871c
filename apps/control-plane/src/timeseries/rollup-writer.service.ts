import { Injectable } from '@nestjs/common';
import type { Tx } from '../database/transaction';
import { Observation, RollupsRepository } from './rollups.repository';

/**
 * The rollups as other contexts add to them, inside their transactions (they hold the
 * monitors' locks): ingestion adds stored results, decisions the decided rounds (region '*').
 * The fold (RollupFoldService) is the timeseries context's own; `rollups_hourly` and
 * `rollups_daily` keep one writing context.
 */
@Injectable()
export class RollupWriter {
  constructor(private readonly rollups: RollupsRepository) {}

  /** Adds observations to the hourly rollups, and to the daily ones of days already folded. */
  add(tx: Tx, observations: Observation[]): Promise<void> {
    return this.rollups.add(tx, observations);
  }
}
