import type { PlanLimits } from '../config/config';
import { MonitorEntity } from './monitor.entity';
import { monitorDefaults } from './monitor-fields';
import { alertFieldErrors, intervalProblem, nextQuorum, planLimitMessage, validateDraft } from './monitor-rules';

const CTX = { regions: ['eu-west', 'us-east', 'ap-south'], minIntervalSeconds: 30 };
const http = (over: Partial<MonitorEntity> = {}) =>
  Object.assign(monitorDefaults('mon_h', 'acc', ['eu-west'], 60, 'http'), { url: 'https://example.com', quorum: 1 }, over);
const fields = (m: MonitorEntity) => validateDraft(m, CTX).map((e) => e.field);

describe('validateDraft', () => {
  it('accepts a valid http monitor', () => {
    expect(validateDraft(http(), CTX)).toEqual([]);
    expect(validateDraft(http({ regions: ['eu-west', 'us-east'], quorum: 2 }), CTX)).toEqual([]);
  });

  it('runs the type rules first, then the regions, then the alert fields', () => {
    expect(fields(http({ url: 'ftp://x', regions: ['mars'], alertEmail: 'nope' }))).toEqual(['url', 'regions[0]', 'alert_email']);
  });

  it('needs at least one region for a probed type', () => {
    expect(validateDraft(http({ regions: [] }), CTX)).toEqual([{ field: 'regions', message: 'regions must list at least one region' }]);
  });

  it('refuses an unknown region and one listed twice, naming its index', () => {
    expect(validateDraft(http({ regions: ['eu-west', 'mars', 'eu-west'], quorum: 1 }), CTX)).toEqual([
      { field: 'regions[1]', message: 'unknown region "mars"; configured regions: eu-west, us-east, ap-south' },
      { field: 'regions[2]', message: 'region "eu-west" is listed twice' },
    ]);
  });

  it('needs the quorum between 1 and the number of regions', () => {
    const msg = { field: 'quorum', message: 'quorum must be between 1 and 2 (the number of regions)' };
    expect(validateDraft(http({ regions: ['eu-west', 'us-east'], quorum: 0 }), CTX)).toEqual([msg]);
    expect(validateDraft(http({ regions: ['eu-west', 'us-east'], quorum: 3 }), CTX)).toEqual([msg]);
    expect(validateDraft(http({ regions: ['eu-west', 'us-east'], quorum: 1 }), CTX)).toEqual([]);
  });

  it('does not judge regions nor quorum for a type no probe runs (heartbeat)', () => {
    const hb = Object.assign(monitorDefaults('mon_b', 'acc', [], 60, 'heartbeat'), { heartbeatInterval: 300, heartbeatGracePeriod: 60, quorum: 9 });
    expect(validateDraft(hb, CTX)).toEqual([]);
  });
});

describe('alertFieldErrors', () => {
  it('accepts empty alert fields and valid ones', () => {
    expect(alertFieldErrors({ alertEmail: '', alertSlackWebhook: '', webhookUrl: '', alertDiscordWebhook: '' })).toEqual([]);
    expect(
      alertFieldErrors({ alertEmail: 'ops@example.com', alertSlackWebhook: 'https://hooks.slack.com/x', webhookUrl: 'http://h.example/y', alertDiscordWebhook: 'https://discord.com/api/webhooks/1' }),
    ).toEqual([]);
  });

  it('refuses an address that is not an email and each URL that is not http(s)', () => {
    expect(alertFieldErrors({ alertEmail: 'ops@localhost', alertSlackWebhook: 'slack', webhookUrl: 'ftp://h/y', alertDiscordWebhook: 'https://u:p@d.example/' })).toEqual([
      { field: 'alert_email', message: 'alert_email must be an email address' },
      { field: 'alert_slack_webhook', message: 'alert_slack_webhook must be a valid URL including http:// or https://' },
      { field: 'webhook_url', message: 'webhook_url must use http:// or https://' },
      { field: 'alert_discord_webhook', message: 'alert_discord_webhook must not contain credentials; use basic_auth_user and basic_auth_pass' },
    ]);
  });
});

describe('intervalProblem', () => {
  const plan: PlanLimits = { maxMonitors: 10, minIntervalSeconds: 30, maxIntervalSeconds: 3600, defaultIntervalSeconds: 300 };

  it('accepts the bounds and anything between', () => {
    expect(intervalProblem(30, plan)).toBeNull();
    expect(intervalProblem(3600, plan)).toBeNull();
    expect(intervalProblem(300, plan)).toBeNull();
  });

  it('answers forbidden below the plan minimum and validation above the maximum', () => {
    expect(intervalProblem(29, plan)).toEqual({ code: 'forbidden', message: 'check_interval 29 is below your plan minimum of 30 seconds' });
    expect(intervalProblem(3601, plan)).toEqual({ code: 'validation', message: 'check_interval must be between 30 and 3600 seconds' });
  });
});

describe('nextQuorum', () => {
  it('takes a requested quorum as it is', () => {
    expect(nextQuorum(3, 2, 5, 4)).toBe(4);
    expect(nextQuorum(3, 1, 1, 1)).toBe(1);
  });

  it('moves a default quorum with the regions', () => {
    expect(nextQuorum(3, 2, 5, undefined)).toBe(3);
    expect(nextQuorum(5, 3, 1, undefined)).toBe(1);
  });

  it('keeps a chosen quorum that still fits, and resets one that no longer does', () => {
    expect(nextQuorum(3, 1, 5, undefined)).toBe(1);
    expect(nextQuorum(5, 5, 3, undefined)).toBe(2);
  });
});

describe('planLimitMessage', () => {
  const limits: Record<'free' | 'pro', PlanLimits> = {
    free: { maxMonitors: 5, minIntervalSeconds: 60, maxIntervalSeconds: 3600, defaultIntervalSeconds: 300 },
    pro: { maxMonitors: 100, minIntervalSeconds: 30, maxIntervalSeconds: 3600, defaultIntervalSeconds: 60 },
  };
  it('points a free account at the pro plan and tells a pro account its limit', () => {
    expect(planLimitMessage('free', limits)).toBe('Free plan limited to 5 monitors. Upgrade to Pro for up to 100.');
    expect(planLimitMessage('pro', limits)).toBe('Pro plan limited to 100 monitors.');
  });
});
