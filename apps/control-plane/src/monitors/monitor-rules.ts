import { ExpressionError, parseKeyword, parseThreshold } from '@parallax/checks';
import { FieldError } from '../common/errors';
import type { PlanLimits } from '../config/config';
import { defaultQuorum } from '../decisions/quorum';
import { heartbeatFieldErrors, heartbeatMinInterval } from '../heartbeats/heartbeat-rules';
import type { UpdateMonitorDto } from './dto/monitor.dto';
import type { MonitorEntity, MonitorType } from './monitor.entity';

/**
 * Monitor validation rules beyond field types (pure; the service adds the
 * checks that need I/O: DNS for the SSRF guard, slug uniqueness, plan counts).
 */
export interface MonitorDraft {
  url: string;
  keyword: string;
  responseThresholdMs: string | null;
  regions: string[];
  quorum: number;
  basicAuthUser: string;
  basicAuthPass: string;
  alertEmail: string;
  alertSlackWebhook: string;
  webhookUrl: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkHttpUrl(field: string, value: string, errors: FieldError[]): URL | null {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    errors.push({ field, message: `${field} must be a valid URL including http:// or https://` });
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    errors.push({ field, message: `${field} must use http:// or https://` });
    return null;
  }
  if (u.username || u.password) {
    errors.push({ field, message: `${field} must not contain credentials; use basic_auth_user and basic_auth_pass` });
    return null;
  }
  return u;
}

export function validateDraft(d: MonitorDraft, configuredRegions: readonly string[]): FieldError[] {
  const errors: FieldError[] = [];
  checkHttpUrl('url', d.url, errors);
  if (d.keyword) {
    try {
      parseKeyword(d.keyword);
    } catch (e) {
      if (!(e instanceof ExpressionError)) throw e;
      errors.push({ field: 'keyword', message: `keyword is not a valid expression: ${e.message}` });
    }
  }
  if (d.responseThresholdMs) {
    try {
      parseThreshold(d.responseThresholdMs);
    } catch (e) {
      if (!(e instanceof ExpressionError)) throw e;
      errors.push({ field: 'response_threshold_ms', message: `response_threshold_ms must look like "> 2000", "< 50" or "200-3000": ${e.message}` });
    }
  }
  if (d.regions.length === 0) errors.push({ field: 'regions', message: 'regions must list at least one region' });
  const seen = new Set<string>();
  d.regions.forEach((r, i) => {
    if (!configuredRegions.includes(r)) {
      errors.push({ field: `regions[${i}]`, message: `unknown region "${r}"; configured regions: ${configuredRegions.join(', ')}` });
    } else if (seen.has(r)) {
      errors.push({ field: `regions[${i}]`, message: `region "${r}" is listed twice` });
    }
    seen.add(r);
  });
  if (d.regions.length > 0 && (d.quorum < 1 || d.quorum > d.regions.length)) {
    errors.push({ field: 'quorum', message: `quorum must be between 1 and ${d.regions.length} (the number of regions)` });
  }
  if (d.basicAuthUser && !d.basicAuthPass) {
    errors.push({ field: 'basic_auth_pass', message: 'basic_auth_pass is required when basic_auth_user is set' });
  }
  errors.push(...alertFieldErrors(d));
  return errors;
}

/** The notification fields every monitor type has. */
export function alertFieldErrors(d: Pick<MonitorDraft, 'alertEmail' | 'alertSlackWebhook' | 'webhookUrl'>): FieldError[] {
  const errors: FieldError[] = [];
  if (d.alertEmail && !EMAIL.test(d.alertEmail)) errors.push({ field: 'alert_email', message: 'alert_email must be an email address' });
  if (d.alertSlackWebhook) checkHttpUrl('alert_slack_webhook', d.alertSlackWebhook, errors);
  if (d.webhookUrl) checkHttpUrl('webhook_url', d.webhookUrl, errors);
  return errors;
}

/** Interval rules: below the plan minimum is 403 (reference), above the maximum 422. */
export function intervalProblem(interval: number, plan: PlanLimits): { code: 'forbidden' | 'validation'; message: string } | null {
  if (interval < plan.minIntervalSeconds) {
    return { code: 'forbidden', message: `check_interval ${interval} is below your plan minimum of ${plan.minIntervalSeconds} seconds` };
  }
  if (interval > plan.maxIntervalSeconds) {
    return { code: 'validation', message: `check_interval must be between ${plan.minIntervalSeconds} and ${plan.maxIntervalSeconds} seconds` };
  }
  return null;
}

/** The quorum after an update: kept when still valid and not the old default, else the new default. */
export function nextQuorum(oldRegions: number, oldQuorum: number, newRegions: number, requested: number | undefined): number {
  if (requested !== undefined) return requested;
  if (oldQuorum === defaultQuorum(oldRegions) || oldQuorum > newRegions) return defaultQuorum(newRegions);
  return oldQuorum;
}

export function planLimitMessage(plan: 'free' | 'pro', limits: Record<'free' | 'pro', PlanLimits>): string {
  return plan === 'free'
    ? `Free plan limited to ${limits.free.maxMonitors} monitors. Upgrade to Pro for up to ${limits.pro.maxMonitors}.`
    : `Pro plan limited to ${limits.pro.maxMonitors} monitors.`;
}

export interface TypeRuleContext {
  regions: readonly string[];
  minIntervalSeconds: number;
}

/** The fields only heartbeat monitors take, as named in requests. */
const HEARTBEAT_ONLY = ['heartbeat_interval', 'heartbeat_grace_period'] as const;

/**
 * Field rules per monitor type (one entry per type, no if/else chain). A request's
 * fields that belong to another type are refused when they would silently do nothing
 * (heartbeat timing on a probe monitor); probe-only fields sent for a heartbeat
 * monitor are ignored, as its url, regions and quorum are fixed.
 */
export const TYPE_RULES: Record<MonitorType, (m: MonitorEntity, dto: UpdateMonitorDto, ctx: TypeRuleContext) => FieldError[]> = {
  http: (m, dto, ctx) => [
    ...validateDraft(m, ctx.regions),
    ...HEARTBEAT_ONLY.filter((f) => dto[f] !== undefined && dto[f] !== null).map((field) => ({ field, message: `${field} applies only to heartbeat monitors` })),
  ],
  heartbeat: (m, _dto, ctx) => [
    ...heartbeatFieldErrors(m.heartbeatInterval ?? NaN, m.heartbeatGracePeriod ?? NaN, heartbeatMinInterval(ctx.minIntervalSeconds)),
    ...alertFieldErrors(m),
  ],
};
