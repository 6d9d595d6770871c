import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { databaseUrlFromEnv } from '../config/config';
import { dataSourceOptions } from './data-source';

/** Used only by the TypeORM CLI (`npm run migration:generate`) against a scratch database. */
export default new DataSource(dataSourceOptions(databaseUrlFromEnv()));
