import { ClampedIntQuery } from '../common/query';

/** `GET /monitors/{id}/insights`. */
export class InsightsQuery {
  @ClampedIntQuery(1, 720, 24, 'the period; compared with the same length before it (1–720, default 24, clamped)')
  hours!: number;
}
