import type { AttemptEntity, DeliveryEntity, WebhookEntity } from './notification.entity';

export interface WebhookResponse {
  id: string;
  url: string;
  events: string[];
  description: string;
  active: boolean;
  disabled_reason: string | null;
  /** Masked: the secret is answered only when the webhook is created. */
  secret: string;
  last_triggered_at: string | null;
  created_at: string;
}

export function toWebhookResponse(w: WebhookEntity): WebhookResponse {
  return {
    id: w.id,
    url: w.url,
    events: w.events,
    description: w.description,
    active: w.active,
    disabled_reason: w.disabledReason,
    secret: 'whsec_********',
    last_triggered_at: w.lastTriggeredAt ? w.lastTriggeredAt.toISOString() : null,
    created_at: w.createdAt.toISOString(),
  };
}

export interface AttemptResponse {
  attempt: number;
  attempted_at: string;
  response_status: number | null;
  duration_ms: number;
  error: string | null;
  next_retry_at: string | null;
}

export interface DeliveryResponse {
  id: string;
  event: string;
  monitor_id: string | null;
  sequence: number | null;
  status: DeliveryEntity['status'];
  attempts: number;
  next_retry_at: string | null;
  last_response_status: number | null;
  last_error: string | null;
  delivered_at: string | null;
  created_at: string;
  payload: Record<string, unknown>;
  attempt_log: AttemptResponse[];
}

export function toDeliveryResponse(d: DeliveryEntity, attempts: AttemptEntity[]): DeliveryResponse {
  return {
    id: d.id,
    event: d.event,
    monitor_id: d.monitorId,
    sequence: d.sequence,
    status: d.status,
    attempts: d.attempts,
    next_retry_at: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
    last_response_status: d.lastResponseStatus,
    last_error: d.lastError,
    delivered_at: d.deliveredAt ? d.deliveredAt.toISOString() : null,
    created_at: d.createdAt.toISOString(),
    payload: d.payload,
    attempt_log: attempts.map((a) => ({
      attempt: a.attempt,
      attempted_at: a.attemptedAt.toISOString(),
      response_status: a.responseStatus,
      duration_ms: a.durationMs,
      error: a.error,
      next_retry_at: a.nextRetryAt ? a.nextRetryAt.toISOString() : null,
    })),
  };
}
