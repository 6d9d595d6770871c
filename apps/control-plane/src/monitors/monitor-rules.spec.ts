import type { PlanLimits } from '../config/config';
import { MonitorEntity } from './monitor.entity';
import { monitorDefaults } from './monitor-fields';
import {
  alertFieldErrors,
  intervalProblem,
  nextQuorum,
  planLimitMessage,
  validateDraft,
  withinPlanLimit,
} from './monitor-rules';

const CTX = { regions: ['eu-west', 'us-east', 'ap-south'], minIntervalSeconds: 30 };
const http = (over: Partial<MonitorEntity> = {}) =>
  Object.assign(
    monitorDefaults('mon_h', 'acc', ['eu-west'], 60, 'http'),
    { url: 'https://example.com', quorum: 1 },
    over,
  );
const fields = (m: MonitorEntity) => validateDraft(m, CTX).map((e) => e.field);

describe('validateDraft', () => {
  it('accepts a valid http monitor', () => {
    expect(validateDraft(http(), CTX)).toEqual([]);
    expect(validateDraft(http({ regions: ['eu-west', 'us-east'], quorum: 2 }), CTX)).toEqual([]);
  });

  it('runs the type rules first, then the regions, then the alert fields', () => {
    expect(fields(http({ url: 'ftp://x', regions: ['mars'], alertEmail: 'nope' }))).toEqual([
      'url',
      'regions[0]',
      'alert_email',
    ]);
  });

  it('needs at least one region for a probed type', () => {
    expect(validateDraft(http({ regions: [] }), CTX)).toEqual([
      { field: 'regions', message: 'regions must list at least one region' },
    ]);
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
    const hb = Object.assign(monitorDefaults('mon_b', 'acc', [], 60, 'heartbeat'), {
      heartbeatInterval: 300,
      heartbeatGracePeriod: 60,
      quorum: 9,
    });
    expect(validateDraft(hb, CTX)).toEqual([]);
  });
});

describe('alertFieldErrors', () => {
  it('accepts empty alert fields and valid ones', () => {
    expect(
      alertFieldErrors({ alertEmail: '', alertSlackWebhook: '', webhookUrl: '', alertDiscordWebhook: '' }),
    ).toEqual([]);
    expect(
      alertFieldErrors({
        alertEmail: 'ops@example.com',
        alertSlackWebhook: 'https://hooks.slack.com/x',
        webhookUrl: 'http://h.example/y',
        alertDiscordWebhook: 'https://discord.com/api/webhooks/1',
      }),
    ).toEqual([]);
  });

  it('refuses an address that is not an email and each URL that is not http(s)', () => {
    expect(
      alertFieldErrors({
        alertEmail: 'ops@localhost',
        alertSlackWebhook: 'slack',
        webhookUrl: 'ftp://h/y',
        alertDiscordWebhook: 'https://u:p@d.example/',
      }),
    ).toEqual([
      { field: 'alert_email', message: 'alert_email must be an email address' },
      {
        field: 'alert_slack_webhook',
        message: 'alert_slack_webhook must be a valid URL including http:// or https://',
      },
      { field: 'webhook_url', message: 'webhook_url must use http:// or https://' },
      {
        field: 'alert_discord_webhook',
        message: 'alert_discord_webhook must not contain credentials; use basic_auth_user and basic_auth_pass',
      },
    ]);
  });
});

describe('intervalProblem', () => {
  const plan: PlanLimits = {
    maxMonitors: 10,
    minIntervalSeconds: 30,
    maxIntervalSeconds: 3600,
    defaultIntervalSeconds: 300,
  };

  it('accepts the bounds and anything between', () => {
    expect(intervalProblem(30, plan)).toBeNull();
    expect(intervalProblem(3600, plan)).toBeNull();
    expect(intervalProblem(300, plan)).toBeNull();
  });

  it('answers forbidden below the plan minimum and validation above the maximum', () => {
    expect(intervalProblem(29, plan)).toEqual({
      code: 'forbidden',
      message: 'check_interval 29 is below your plan minimum of 30 seconds',
    });
    expect(intervalProblem(3601, plan)).toEqual({
      code: 'validation',
      message: 'check_interval must be between 30 and 3600 seconds',
    });
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

const limits = (maxMonitors: number | null): PlanLimits => ({
  maxMonitors,
  minIntervalSeconds: 60,
  maxIntervalSeconds: 300,
  defaultIntervalSeconds: 60,
});

describe('withinPlanLimit', () => {
  it.each([
    [10, 9, 1, true],
    [10, 10, 1, false],
    [10, 0, 10, true],
    [10, 0, 11, false],
    [10, 5, 6, false],
    [null, 1_000_000, 1000, true],
    [null, 0, 1, true],
  ])('limit %p with %p monitors, adding %p: %p', (max, count, adding, expected) => {
    expect(withinPlanLimit(limits(max), count, adding)).toBe(expected);
  });

  it('adds one by default', () => {
    expect(withinPlanLimit(limits(3), 2)).toBe(true);
    expect(withinPlanLimit(limits(3), 3)).toBe(false);
  });
});

describe('planLimitMessage', () => {
  const plans = { unlimited: limits(null), free: limits(10), pro: limits(200) };
  it('names the limit and the upgrade', () => {
    expect(planLimitMessage('free', plans)).toBe('Free plan limited to 10 monitors. Upgrade to Pro for up to 200.');
    expect(planLimitMessage('pro', plans)).toBe('Pro plan limited to 200 monitors.');
    expect(planLimitMessage('unlimited', plans)).toBe('The unlimited plan has no monitor limit.');
  });
});
