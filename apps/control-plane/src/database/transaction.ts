import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** An open database transaction, passed from services to repositories. */
export type Tx = EntityManager;

/** Services open transactions through this; only repositories use the Tx they receive. */
@Injectable()
export class TransactionRunner {
  constructor(protected readonly dataSource: DataSource) {}

  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}

/**
 * Transactions of background work (the scheduler's claim and dispatch) on their own
 * connection pool (DB_BACKGROUND_POOL_SIZE), so that a flood of requests holding every
 * connection of the request pool (DB_POOL_SIZE) cannot starve them.
 */
export class BackgroundTransactionRunner extends TransactionRunner implements OnApplicationShutdown {
  /** The background pool's DataSource, for system repositories whose work runs outside requests (the notification dispatcher). */
  get source(): DataSource {
    return this.dataSource;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
