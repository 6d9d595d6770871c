import { FieldError } from '../common/errors';
import type { PlanLimits, PlanName } from '../config/config';
import { defaultQuorum } from '../decisions/quorum';
import type { MonitorEntity } from './monitor.entity';
import { checkHttpUrl, TYPE_RULES, type TypeRuleContext } from './monitor-types';

/**
 * Monitor validation rules beyond field types (pure; the service adds the
 * checks that need I/O: DNS for the SSRF guard, slug uniqueness, plan counts).
 * The rules of each monitor type are in monitor-types.ts.
 */
export type MonitorDraft = Pick<
  MonitorEntity,
  'monitorType' | 'regions' | 'quorum' | 'alertEmail' | 'alertSlackWebhook' | 'webhookUrl' | 'alertDiscordWebhook'
>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The type's own rules, then the common ones (regions and quorum only for types the probes run). */
export function validateDraft(m: MonitorEntity, ctx: TypeRuleContext): FieldError[] {
  const errors: FieldError[] = [];
  const rules = TYPE_RULES[m.monitorType];
  rules.validate(m, errors, ctx);
  if (rules.probed) validateRegions(m, ctx.regions, errors);
  errors.push(...alertFieldErrors(m));
  errors.push(...dampingFieldErrors(m));
  return errors;
}

function validateRegions(d: MonitorDraft, configuredRegions: readonly string[], errors: FieldError[]): void {
  if (d.regions.length === 0) errors.push({ field: 'regions', message: 'regions must list at least one region' });
  const seen = new Set<string>();
  d.regions.forEach((r, i) => {
    if (!configuredRegions.includes(r)) {
      errors.push({
        field: `regions[${i}]`,
        message: `unknown region "${r}"; configured regions: ${configuredRegions.join(', ')}`,
      });
    } else if (seen.has(r)) {
      errors.push({ field: `regions[${i}]`, message: `region "${r}" is listed twice` });
    }
    seen.add(r);
  });
  if (d.regions.length > 0 && (d.quorum < 1 || d.quorum > d.regions.length)) {
    errors.push({
      field: 'quorum',
      message: `quorum must be between 1 and ${d.regions.length} (the number of regions)`,
    });
  }
}

/** The notification fields every monitor type has. */
export function alertFieldErrors(
  d: Pick<MonitorDraft, 'alertEmail' | 'alertSlackWebhook' | 'webhookUrl' | 'alertDiscordWebhook'>,
): FieldError[] {
  const errors: FieldError[] = [];
  if (d.alertEmail && !EMAIL.test(d.alertEmail))
    errors.push({ field: 'alert_email', message: 'alert_email must be an email address' });
  if (d.alertSlackWebhook) checkHttpUrl('alert_slack_webhook', d.alertSlackWebhook, errors);
  if (d.webhookUrl) checkHttpUrl('webhook_url', d.webhookUrl, errors);
  if (d.alertDiscordWebhook) checkHttpUrl('alert_discord_webhook', d.alertDiscordWebhook, errors);
  return errors;
}

/** Flap damping and reminder settings beyond their ranges (the DTO checks those): a reminder interval is 0 (off) or at least a minute. */
export function dampingFieldErrors(d: Pick<MonitorEntity, 'reminderIntervalSeconds'>): FieldError[] {
  if (d.reminderIntervalSeconds > 0 && d.reminderIntervalSeconds < 60) {
    return [
      {
        field: 'reminder_interval_seconds',
        message: 'reminder_interval_seconds must be 0 (off) or between 60 and 604800',
      },
    ];
  }
  return [];
}

/** Interval rules: below the plan minimum is 403 (reference), above the maximum 422. */
export function intervalProblem(
  interval: number,
  plan: PlanLimits,
): { code: 'forbidden' | 'validation'; message: string } | null {
  if (interval < plan.minIntervalSeconds) {
    return {
      code: 'forbidden',
      message: `check_interval ${interval} is below your plan minimum of ${plan.minIntervalSeconds} seconds`,
    };
  }
  if (interval > plan.maxIntervalSeconds) {
    return {
      code: 'validation',
      message: `check_interval must be between ${plan.minIntervalSeconds} and ${plan.maxIntervalSeconds} seconds`,
    };
  }
  return null;
}

/** The quorum after an update: kept when still valid and not the old default, else the new default. */
export function nextQuorum(
  oldRegions: number,
  oldQuorum: number,
  newRegions: number,
  requested: number | undefined,
): number {
  if (requested !== undefined) return requested;
  if (oldQuorum === defaultQuorum(oldRegions) || oldQuorum > newRegions) return defaultQuorum(newRegions);
  return oldQuorum;
}

/** Whether an account of this plan with `count` monitors may add `adding` more (null limit: always). */
export function withinPlanLimit(limits: PlanLimits, count: number, adding = 1): boolean {
  return limits.maxMonitors === null || count + adding <= limits.maxMonitors;
}

export function planLimitMessage(plan: PlanName, limits: Record<PlanName, PlanLimits>): string {
  if (plan === 'unlimited') return 'The unlimited plan has no monitor limit.';
  return plan === 'free'
    ? `Free plan limited to ${limits.free.maxMonitors} monitors. Upgrade to Pro for up to ${limits.pro.maxMonitors}.`
    : `Pro plan limited to ${limits.pro.maxMonitors} monitors.`;
}
