import { ClampedIntQuery, OffsetQuery } from '../common/query';

/** `GET /api-keys`. */
export class ApiKeyListQuery {
  @ClampedIntQuery(1, 500, 500) limit!: number;
  @OffsetQuery() offset?: number;
}
