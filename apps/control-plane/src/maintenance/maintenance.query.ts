import { ChoiceQuery, ClampedIntQuery, OffsetQuery, TextQuery } from '../common/query';
import { MAINTENANCE_STATUSES } from './maintenance.entity';

/** `GET /maintenance`. */
export class MaintenanceListQuery {
  @ChoiceQuery(MAINTENANCE_STATUSES) status?: string;
  @TextQuery('mon_3k9x0q2m7d1v8b4n') monitor_id?: string;
  @ClampedIntQuery(1, 500, 50) limit!: number;
  @OffsetQuery() offset?: number;
}
