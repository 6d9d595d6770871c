import { ChoiceQuery, ClampedIntQuery, OffsetQuery, TextQuery } from '../common/query';
import { ANOMALY_METRIC_VALUES } from './dto/anomaly.view';

/** `GET /monitors/anomalies`. */
export class AnomalyListQuery {
  @ChoiceQuery(['true', 'false', 'all'], 'default false') acknowledged?: string;
  @ChoiceQuery(['open', 'closed']) status?: string;
  @TextQuery('mon_3k9x0q2m7d1v8b4n') monitor_id?: string;
  @TextQuery('eu-west') region?: string;
  @ChoiceQuery(ANOMALY_METRIC_VALUES) metric?: string;
  @ClampedIntQuery(1, 500, 50) limit!: number;
  @OffsetQuery() offset?: number;
}
