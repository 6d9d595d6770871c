import { ChoiceQuery, ClampedIntQuery, OffsetQuery, TextQuery } from '../common/query';
import { MAX_OFFSET } from '../common/paging';
import { MONITOR_TYPES } from './monitor.entity';

/** `GET /monitors`: offset or 1-based page (at most 10,000 rows deep), or a keyset cursor. */
export class MonitorListQuery {
  @ChoiceQuery(['pending', 'up', 'degraded', 'down', 'warn', 'paused']) status?: string;
  @TextQuery() group?: string;
  @TextQuery('production,api', 'comma-separated; any of') tags?: string;
  @ChoiceQuery(MONITOR_TYPES) monitor_type?: string;
  @ClampedIntQuery(1, 1000, 500) limit!: number;
  @OffsetQuery('page with cursor (meta.next_cursor) instead', `0–${MAX_OFFSET}; beyond, 422 (page with cursor)`)
  offset?: number;
  @ClampedIntQuery(1, 1_000_000, 1, '1-based; used when offset is absent; offset (page − 1) × limit at most 10,000')
  page!: number;
  @TextQuery(undefined, 'meta.next_cursor of the previous page (keyset paging; offset and page are then ignored)')
  cursor?: string;
}
