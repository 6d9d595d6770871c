import { ApiProperty } from '@nestjs/swagger';
import { EVENTS } from '../events';

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'disabled', 'suppressed'] as const;

export class WebhookView {
  @ApiProperty({ example: 'whk_2m8x0c4v9b1n7q3k' }) id!: string;
  @ApiProperty({ example: 'https://hooks.example.com/parallax' }) url!: string;
  @ApiProperty({
    type: 'array',
    items: { type: 'string', enum: [...EVENTS] },
    example: ['monitor.down', 'monitor.up', 'incident.created'],
  })
  events!: string[];
  @ApiProperty({ example: 'Ops alerts' }) description!: string;
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'why the endpoint was disabled (410 Gone)' })
  disabled_reason!: string | null;
  @ApiProperty({ example: 'whsec_********', description: 'masked; answered in full only when created' })
  secret!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) last_triggered_at!: string | null;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
}

export class CreatedWebhookView extends WebhookView {
  @ApiProperty({ example: 'whk_2m8x0c4v9b1n7q3k', description: 'StatusPool’s name for id' }) webhook_id!: string;
  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    description: 'the Standard Webhooks secret, shown only in this answer',
  })
  declare secret: string;
}

export class DeletedWebhookView {
  @ApiProperty({ enum: [true] }) deleted!: true;
  @ApiProperty({ example: 'whk_2m8x0c4v9b1n7q3k' }) webhook_id!: string;
}

export class AttemptView {
  @ApiProperty({ example: 1 }) attempt!: number;
  @ApiProperty({ format: 'date-time' }) attempted_at!: string;
  @ApiProperty({ type: Number, nullable: true, example: 200 }) response_status!: number | null;
  @ApiProperty({ example: 84 }) duration_ms!: number;
  @ApiProperty({ type: String, nullable: true, example: null }) error!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) next_retry_at!: string | null;
}

export class DeliveryView {
  @ApiProperty({ example: 'msg_2Zb4mXk8Qp1Rt7Vw' }) id!: string;
  @ApiProperty({ enum: EVENTS }) event!: string;
  @ApiProperty({ type: String, nullable: true, example: 'mon_3k9x0q2m7d1v8b4n' }) monitor_id!: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 7 }) sequence!: number | null;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status!: string;
  @ApiProperty({ example: 1 }) attempts!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) next_retry_at!: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 200 }) last_response_status!: number | null;
  @ApiProperty({ type: String, nullable: true, example: null }) last_error!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) delivered_at!: string | null;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'the signed body sent (event, monitor, decision, region_results, …)',
  })
  payload!: Record<string, unknown>;
  @ApiProperty({ type: [AttemptView] }) attempt_log!: AttemptView[];
}
