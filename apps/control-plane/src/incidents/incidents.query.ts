import { ChoiceQuery, ClampedIntQuery, OffsetQuery, TextQuery } from '../common/query';
import { MONITOR_TYPES } from '../monitors/monitor.entity';
import { INCIDENT_STATUSES, INCIDENT_TYPES } from './dto/incident.view';

/** `GET /incidents`: the choices are filters; another value filters nothing (as before). */
export class IncidentListQuery {
  @ChoiceQuery(INCIDENT_STATUSES) status?: string;
  @ChoiceQuery(
    ['true', 'false'],
    "StatusPool's filter: true = status resolved, false = open (status wins when both are given)",
  )
  resolved?: string;
  @ChoiceQuery(INCIDENT_TYPES) type?: string;
  @TextQuery('mon_3k9x0q2m7d1v8b4n') monitor_id?: string;
  @ChoiceQuery(MONITOR_TYPES) monitor_type?: string;
  @ClampedIntQuery(1, 8760, 720) hours!: number;
  @ClampedIntQuery(1, 500, 50) limit!: number;
  @OffsetQuery() offset?: number;
}
