import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/config';
import { PeriodicTask } from '../common/periodic-task';
import { MetricsService } from '../metrics/metrics.service';
import { MonitorAlertTargets } from '../monitors/alert-targets.service';
import type { NotificationPayload } from './events';
import { NotificationExtensions, RenderedMessage } from './extensions';
import { discordMessage, emailMessage, slackMessage } from './formats';
import { DeliveryEntity, WebhookEntity } from './notification.entity';
import type { AttemptRecord } from './notifications.repository';
import { SystemOutboxRepository } from './system-outbox.repository';
import { earlyRetryCount, nextDeliveryState } from './retry';
import { signedHeaders } from './signing';
import { NotificationTransport, SendOutcome } from './transport';

const PRUNE_EVERY_MS = 10 * 60_000;
/** The monitor field behind each of its own HTTP channels (cleared when the endpoint answers 410). */
const OWN_CHANNEL_FIELDS: Partial<
  Record<DeliveryEntity['channel'], 'webhookUrl' | 'alertSlackWebhook' | 'alertDiscordWebhook'>
> = {
  monitor_webhook: 'webhookUrl',
  slack: 'alertSlackWebhook',
  discord: 'alertDiscordWebhook',
};

/**
 * Sends the outbox. Every replica runs one: it claims due rows (SKIP LOCKED, with a lease
 * longer than a send can take), sends them with bounded concurrency, and records each
 * attempt with the delivery's next state. A 2xx is success, 410 Gone disables the
 * endpoint, another 4xx but 408/409/425/429 ends the delivery (saying why), anything else
 * is retried on the schedule (retry.ts) until it runs out. Time is the injected Clock's.
 */
@Injectable()
export class DispatcherService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DispatcherService.name);
  private readonly task: PeriodicTask;
  private readonly batch: number;
  private readonly leaseMs: number;
  private readonly earlyRetries: number;
  private nextPruneAt = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: SystemOutboxRepository,
    private readonly transport: NotificationTransport,
    private readonly metrics: MetricsService,
    private readonly alertTargets: MonitorAlertTargets,
    private readonly extensions: NotificationExtensions,
    private readonly clock: Clock,
  ) {
    this.batch = config.notify.concurrency * 4;
    this.leaseMs = config.notify.timeoutMs * 3 + 5_000;
    this.earlyRetries = earlyRetryCount(config.notify.retryScheduleMs);
    this.task = new PeriodicTask(
      this.logger,
      'notification dispatch',
      config.notify.pollMs,
      async () => (await this.dispatchOnce()) >= this.batch,
    );
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** One pass: claim, send, record. Returns how many deliveries it claimed. */
  async dispatchOnce(): Promise<number> {
    await this.pruneNowAndThen();
    const claimed = await this.repo.claim(this.batch, this.leaseMs, this.clock.now(), this.earlyRetries);
    if (claimed.length === 0) return 0;
    const secrets = new Map(
      (
        await this.repo.webhooksByIds([...new Set(claimed.map((d) => d.webhookId).filter((x): x is string => !!x))])
      ).map((w) => [w.id, w]),
    );
    // Deliveries of one destination+monitor go one after another, in sequence order (the
    // claim returns the head of each, and rows a failing head let past; keep the order local too).
    const lanes = new Map<string, DeliveryEntity[]>();
    for (const d of claimed) {
      const key = `${d.destination}|${d.monitorId ?? d.id}`;
      lanes.set(key, [...(lanes.get(key) ?? []), d]);
    }
    const queue = [...lanes.values()];
    const records: AttemptRecord[] = [];
    const gone: DeliveryEntity[] = [];
    const worker = async () => {
      for (let lane = queue.shift(); lane; lane = queue.shift()) {
        for (const d of lane) {
          const { gone: answeredGone, ...record } = await this.attempt(
            d,
            d.webhookId ? secrets.get(d.webhookId) : undefined,
          );
          records.push(record);
          if (answeredGone) gone.push(d);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.config.notify.concurrency, queue.length) }, worker));
    await this.repo.recordAttempts(records);
    for (const d of gone) {
      await this.repo.disableDestination(d, `endpoint answered 410 Gone at ${this.clock.now().toISOString()}`);
      const field = OWN_CHANNEL_FIELDS[d.channel];
      if (field && d.monitorId) await this.alertTargets.dropGone(d.monitorId, field, d.target); // a monitor's own channel is cleared (by the monitors context)
      this.logger.warn(
        { delivery_id: d.id, destination: d.webhookId ?? `${d.channel} of ${d.monitorId}` },
        'endpoint answered 410 Gone: disabled',
      );
    }
    return claimed.length;
  }

  /** Every 10 minutes: the delivery log keeps finished deliveries for NOTIFY_LOG_RETENTION_DAYS. */
  private async pruneNowAndThen(): Promise<void> {
    const now = this.clock.now().getTime();
    if (now < this.nextPruneAt) return;
    this.nextPruneAt = now + PRUNE_EVERY_MS;
    const before = new Date(now - this.config.notify.logRetentionDays * 86_400_000);
    let deleted = 0;
    for (let n = await this.repo.pruneFinished(before, 5_000); n > 0; n = await this.repo.pruneFinished(before, 5_000))
      deleted += n;
    if (deleted) this.logger.log({ deleted, before: before.toISOString() }, 'old deliveries pruned');
    // Rate-limit windows a day old with nothing collapsed waiting to be told.
    await this.repo.pruneRateCounters(new Date(now - 86_400_000));
  }

  private async attempt(
    d: DeliveryEntity,
    webhook: WebhookEntity | undefined,
  ): Promise<AttemptRecord & { gone: boolean }> {
    const attemptedAt = this.clock.now();
    // Another context's channel (status page subscribers) is rendered now; null: its subscriber is gone.
    const render = this.extensions.renderer(d.channel);
    let rendered: RenderedMessage | null | undefined;
    let renderError: string | null = null;
    if (render) {
      try {
        rendered = await render(d);
      } catch (e) {
        renderError = `could not render: ${(e as Error).message}`.slice(0, 300); // retried like a failed send
      }
    }
    const endpointActive = rendered === null ? false : !d.webhookId || webhook?.active === true; // an account webhook disabled or deleted meanwhile
    const outcome: SendOutcome = !endpointActive
      ? { status: null, error: rendered === null ? 'subscriber was removed' : 'webhook was disabled', durationMs: 0 }
      : renderError
        ? { status: null, error: renderError, durationMs: 0 }
        : rendered
          ? await this.sendRendered(rendered, d)
          : await this.send(d, webhook);
    const attempt = d.attempts + 1;
    const next = nextDeliveryState({
      endpointActive,
      email: d.channel === 'email' || rendered?.kind === 'email',
      status: outcome.status,
      error: outcome.error,
      attempt,
      schedule: this.config.notify.retryScheduleMs,
      random: Math.random(),
    });
    this.metrics.notificationDeliveries.inc({
      channel: d.channel,
      outcome: next.status === 'pending' ? 'retry' : next.status,
    });
    this.metrics.notificationDeliverySeconds.observe({ channel: d.channel }, outcome.durationMs / 1000);
    if (next.status === 'failed')
      this.logger.warn(
        { delivery_id: d.id, event: d.event, attempts: attempt, error: outcome.error, reason: next.reason },
        'delivery failed for good',
      );
    return {
      deliveryId: d.id,
      attempt,
      attemptedAt,
      responseStatus: outcome.status,
      durationMs: outcome.durationMs,
      error: next.status === 'failed' ? `${outcome.error ?? 'failed'}; ${next.reason}`.slice(0, 1000) : outcome.error,
      status: next.status,
      nextRetryAt: next.status === 'pending' ? new Date(attemptedAt.getTime() + next.retryInMs) : null,
      webhookId: d.webhookId,
      gone: next.status === 'disabled' && next.gone,
    };
  }

  private sendRendered(r: RenderedMessage, d: DeliveryEntity): Promise<SendOutcome> {
    return r.kind === 'email'
      ? this.transport.sendEmail(r.to, r.subject, r.text, d.id, r.headers)
      : this.transport.postJson(r.url, r.body, r.headers);
  }

  private send(d: DeliveryEntity, webhook: WebhookEntity | undefined): Promise<SendOutcome> {
    const payload = d.payload as unknown as NotificationPayload;
    switch (d.channel) {
      case 'webhook':
      case 'monitor_webhook': {
        const body = JSON.stringify(payload);
        const timestamp = Math.floor(this.clock.now().getTime() / 1000);
        // Account webhooks are signed; a monitor's webhook_url has no secret and gets the id and timestamp only.
        const headers = webhook
          ? signedHeaders(webhook.secret, d.id, timestamp, body)
          : { 'webhook-id': d.id, 'webhook-timestamp': String(timestamp) };
        return this.transport.postJson(webhook?.url ?? d.target, body, headers); // an account webhook's current URL
      }
      case 'slack':
        return this.transport.postJson(d.target, JSON.stringify(slackMessage(payload)), {});
      case 'discord':
        return this.transport.postJson(d.target, JSON.stringify(discordMessage(payload)), {});
      case 'email': {
        const { subject, text } = emailMessage(payload);
        return this.transport.sendEmail(d.target, subject, text, d.id);
      }
      default:
        return Promise.resolve({ status: null, error: `no renderer for channel ${d.channel}`, durationMs: 0 });
    }
  }
}
