import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source';
import { BackgroundTransactionRunner, TransactionRunner } from './transaction';

export interface PoolSizes {
  /** Connections of the request pool (TypeORM's default DataSource). */
  request: number;
  /** Connections of the background pool (BackgroundTransactionRunner). */
  background: number;
}

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(databaseUrl: string, pools: PoolSizes = { request: 20, background: 5 }): DynamicModule {
    const options = dataSourceOptions(databaseUrl);
    return {
      module: DatabaseModule,
      imports: [TypeOrmModule.forRoot({ ...options, extra: { ...(options.extra as object), max: pools.request } })],
      providers: [
        TransactionRunner,
        {
          provide: BackgroundTransactionRunner,
          useFactory: async () => {
            const ds = new DataSource({ ...options, extra: { ...(options.extra as object), max: pools.background } });
            await ds.initialize();
            return new BackgroundTransactionRunner(ds);
          },
        },
      ],
      exports: [TransactionRunner, BackgroundTransactionRunner],
    };
  }
}
