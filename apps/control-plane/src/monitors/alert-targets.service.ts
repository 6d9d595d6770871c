import { Injectable } from '@nestjs/common';
import { SystemMonitorsRepository } from './system-monitors.repository';

export type OwnAlertField = 'webhookUrl' | 'alertSlackWebhook' | 'alertDiscordWebhook';

/**
 * The monitors context's answer to a dead alert target: when a monitor's own webhook, Slack
 * or Discord endpoint answers 410 Gone, the dispatcher (notifications) asks for it to be
 * cleared here, so the monitor's configuration keeps one writing context (monitors).
 * Background work, across accounts.
 */
@Injectable()
export class MonitorAlertTargets {
  constructor(private readonly monitors: SystemMonitorsRepository) {}

  /** Clears the target if it still is `value` (an edit made since wins). */
  async dropGone(monitorId: string, field: OwnAlertField, value: string): Promise<void> {
    await this.monitors.clearAlertTarget(monitorId, field, value);
  }
}
