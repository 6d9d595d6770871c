import { ChoiceQuery, ClampedIntQuery, OffsetQuery } from '../common/query';

/** `GET /webhooks`. */
export class WebhookListQuery {
  @ChoiceQuery(['true', 'false']) active?: string;
  @ClampedIntQuery(1, 100, 50) limit!: number;
  @OffsetQuery() offset?: number;
}

/** `GET /webhooks/{id}/deliveries`. */
export class DeliveryListQuery {
  @ClampedIntQuery(1, 100, 50) limit!: number;
  @OffsetQuery() offset?: number;
}
