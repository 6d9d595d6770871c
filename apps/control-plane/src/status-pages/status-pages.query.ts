import { ClampedIntQuery, OffsetQuery } from '../common/query';

/** `GET /status-pages`. */
export class StatusPageListQuery {
  @ClampedIntQuery(1, 500, 100) limit!: number;
  @OffsetQuery() offset?: number;
}
