import { ClampedIntQuery } from '../common/query';

/** `GET /monitors/{id}/checks`. */
export class ChecksQuery {
  @ClampedIntQuery(1, 500, 100) limit!: number;
}
