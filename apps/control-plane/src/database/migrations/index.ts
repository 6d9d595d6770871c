import { Initial1795433151966 } from './1795433151966-Initial';
import { RoundSkippedRegions1795438489241 } from './1795438489241-RoundSkippedRegions';
import { HeartbeatMonitors1795441459599 } from './1795441459599-HeartbeatMonitors';
import { MonitorTypes1795441687634 } from './1795441687634-MonitorTypes';

/** Every migration, in order. Run at start by runMigrations (database/migrate.ts). */
export const MIGRATIONS = [Initial1795433151966, RoundSkippedRegions1795438489241, HeartbeatMonitors1795441459599, MonitorTypes1795441687634];
