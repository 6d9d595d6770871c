import { ChoiceQuery, ClampedIntQuery, TextQuery } from '../common/query';

/**
 * The time-series endpoints' query DTOs (and the text parameters the history's share). Integers with bounds are clamped here (the reference);
 * times, dates, buckets and regions stay text and are parsed by the pure rules of
 * `query-params.ts` (422 naming the field), which need the clock and the monitor's regions.
 */
const REGION = "one of the monitor's regions; default: every region (and the whole monitor)";
export const region = () => TextQuery('eu-west', REGION);
export const from = () => TextQuery('2026-11-23T10:00:00Z', 'ISO 8601, default: 24 h before `to`', 'date-time');
export const to = () => TextQuery(undefined, 'ISO 8601, default: now', 'date-time');
export const date = () => TextQuery(undefined, 'YYYY-MM-DD (UTC), default today', 'date');

/** `GET /monitors/{id}/response-times`. */
export class ResponseTimesQuery {
  @from() from?: string;
  @to() to?: string;
  @ChoiceQuery(
    ['minute', 'hour', 'day'],
    'default: minute up to 6 h, hour up to 14 days, else day; at most 3,000 points',
  )
  bucket?: string;
  @region() region?: string;
}

/** `GET /monitors/{id}/uptime/daily`. */
export class DailyUptimeQuery {
  @ClampedIntQuery(1, 365, 90) days!: number;
  @region() region?: string;
}

/** `GET /monitors/{id}/uptime/hourly`. */
export class HourlyUptimeQuery {
  @date() date?: string;
  @region() region?: string;
}

/** `GET /monitors/{id}/stats`. */
export class StatsDaysQuery {
  @ClampedIntQuery(1, 365, 30) days!: number;
}
