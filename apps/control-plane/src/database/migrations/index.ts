import { Initial1795433151966 } from './1795433151966-Initial';

/** Every migration, in order. Run at start by runMigrations (database/migrate.ts). */
export const MIGRATIONS = [Initial1795433151966];
