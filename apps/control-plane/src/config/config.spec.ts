import { ConfigError, loadConfig } from './config';

const valid = { DATABASE_URL: 'postgres://u@127.0.0.1:5432/db', JWT_SECRET: 'x'.repeat(16) };

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const c = loadConfig(valid);
    expect(c).toMatchObject({
      port: 3000,
      regions: ['eu-west', 'us-east', 'ap-south'],
      allowPrivateTargets: false,
      defaultPlan: 'unlimited',
      rateLimitPerMinute: 120,
      nats: { url: 'nats://127.0.0.1:4222', prefix: 'parallax' },
    });
    expect(c.plans.free).toEqual({
      maxMonitors: 10,
      minIntervalSeconds: 60,
      maxIntervalSeconds: 300,
      defaultIntervalSeconds: 60,
    });
    expect(c.plans.pro.maxMonitors).toBe(200);
    expect(c.plans.unlimited).toEqual({
      maxMonitors: null,
      minIntervalSeconds: 1,
      maxIntervalSeconds: 300,
      defaultIntervalSeconds: 60,
    });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('keeps free and pro with their limits for operators who set them', () => {
    expect(loadConfig({ ...valid, DEFAULT_PLAN: 'free' }).defaultPlan).toBe('free');
    expect(loadConfig({ ...valid, DEFAULT_PLAN: 'pro' }).defaultPlan).toBe('pro');
    const c = loadConfig({ ...valid, MIN_INTERVAL_SECONDS: '30', PLAN_UNLIMITED_MIN_INTERVAL_SECONDS: '5' });
    expect(c.plans.unlimited).toMatchObject({ maxMonitors: null, minIntervalSeconds: 5 });
    expect(loadConfig({ ...valid, MIN_INTERVAL_SECONDS: '30' }).plans.unlimited.minIntervalSeconds).toBe(30);
  });

  it('reads the rate limits and TRUST_PROXY (hops, 0 by default, validated)', () => {
    const d = loadConfig(valid);
    expect(d).toMatchObject({
      trustProxy: 0,
      publicRateLimitPerMinute: 120,
      authFailuresPerMinute: 10,
      loginLockout: { after: 5, baseSeconds: 30, maxSeconds: 900 },
      maxApiKeysPerAccount: 25,
      scryptLog2N: 17,
      jwtTtlSeconds: 86400,
      pingRateLimit: { perMonitorPerMinute: 60, perIpPerMinute: 600 },
    });
    const c = loadConfig({
      ...valid,
      TRUST_PROXY: '2',
      RATE_LIMIT_PER_MINUTE: '50',
      PUBLIC_RATE_LIMIT_PER_MINUTE: '7',
      LOGIN_LOCKOUT_BASE_SECONDS: '600',
      LOGIN_LOCKOUT_MAX_SECONDS: '60',
    });
    expect(c.trustProxy).toBe(2);
    expect(c.publicRateLimitPerMinute).toBe(7);
    expect(c.loginLockout.maxSeconds).toBe(600); // never below the base
    expect(() => loadConfig({ ...valid, TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: must be a number/);
    expect(() => loadConfig({ ...valid, TRUST_PROXY: '-1' })).toThrow(/TRUST_PROXY: must be at least 0/);
    expect(() => loadConfig({ ...valid, TRUST_PROXY: '11' })).toThrow(/TRUST_PROXY: must be at most 10/);
    expect(() => loadConfig({ ...valid, MAX_API_KEYS_PER_ACCOUNT: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...valid, SCRYPT_LOG2_N: '13' })).toThrow(/SCRYPT_LOG2_N: must be at least 14/);
  });

  it('lets self-hosted installs lower the minimum interval', () => {
    const c = loadConfig({ ...valid, MIN_INTERVAL_SECONDS: '1', ALLOW_PRIVATE_TARGETS: 'true', REGIONS: 'a1, b2' });
    expect(c.plans.free).toMatchObject({ minIntervalSeconds: 1, defaultIntervalSeconds: 60 });
    expect(c.allowPrivateTargets).toBe(true);
    expect(c.regions).toEqual(['a1', 'b2']);
  });

  it('gives each plan its own minimum interval when set', () => {
    const c = loadConfig({
      ...valid,
      MIN_INTERVAL_SECONDS: '30',
      PLAN_PRO_MIN_INTERVAL_SECONDS: '10',
      PLAN_FREE_MIN_INTERVAL_SECONDS: '120',
    });
    expect(c.plans.pro).toMatchObject({ minIntervalSeconds: 10, maxIntervalSeconds: 300, defaultIntervalSeconds: 60 });
    expect(c.plans.free).toMatchObject({
      minIntervalSeconds: 120,
      maxIntervalSeconds: 300,
      defaultIntervalSeconds: 120,
    });
    expect(loadConfig({ ...valid, MIN_INTERVAL_SECONDS: '30' }).plans.pro.minIntervalSeconds).toBe(30);
    expect(() => loadConfig({ ...valid, PLAN_PRO_MIN_INTERVAL_SECONDS: '0' })).toThrow(
      /PLAN_PRO_MIN_INTERVAL_SECONDS: must be at least 1/,
    );
  });

  it('names every missing or invalid variable in one message', () => {
    let message = '';
    try {
      loadConfig({
        PORT: 'eighty',
        REGIONS: 'eu-west,EU WEST',
        ALLOW_PRIVATE_TARGETS: 'maybe',
        DEFAULT_PLAN: 'gold',
        JWT_SECRET: 'short',
      });
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      message = (e as Error).message;
    }
    for (const expected of [
      /PORT: must be a number/,
      /DATABASE_URL: is required/,
      /REGIONS: region ids are lowercase/,
      /ALLOW_PRIVATE_TARGETS: must be true or false/,
      /DEFAULT_PLAN: must be unlimited, free or pro/,
      /JWT_SECRET: must be at least 16 characters/,
    ]) {
      expect(message).toMatch(expected);
    }
  });

  it('reads the region grace period (default 30 s, 0 allowed, never negative)', () => {
    expect(loadConfig(valid).regionGraceSeconds).toBe(30);
    expect(loadConfig({ ...valid, REGION_GRACE_SECONDS: '0' }).regionGraceSeconds).toBe(0);
    expect(loadConfig({ ...valid, REGION_GRACE_SECONDS: '120' }).regionGraceSeconds).toBe(120);
    expect(() => loadConfig({ ...valid, REGION_GRACE_SECONDS: '-1' })).toThrow(
      /REGION_GRACE_SECONDS: must be at least 0/,
    );
    expect(() => loadConfig({ ...valid, REGION_GRACE_SECONDS: 'soon' })).toThrow(
      /REGION_GRACE_SECONDS: must be a number/,
    );
  });

  it('refuses a repeated region and NATS_USER without NATS_PASS', () => {
    expect(() => loadConfig({ ...valid, REGIONS: 'a,a' })).toThrow(/must not repeat a region/);
    expect(() => loadConfig({ ...valid, NATS_USER: 'probe' })).toThrow(/NATS_PASS: is required when NATS_USER is set/);
  });

  it('reads the notification settings: SMTP URL, retry schedule (default ≥ 24 h), timeouts', () => {
    const c = loadConfig(valid);
    expect(c.notify).toEqual({
      smtpUrl: undefined,
      smtpFrom: 'Parallax <parallax@localhost>',
      retryScheduleMs: [
        5_000, 10_000, 30_000, 60_000, 120_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000,
      ],
      pollMs: 250,
      concurrency: 16,
      timeoutMs: 10_000,
      logRetentionDays: 30,
      rateLimitPerHour: 30,
      emailRateLimitPerHour: 30,
    });
    const custom = loadConfig({
      ...valid,
      SMTP_URL: 'smtps://u:p@mail.example.com:465',
      NOTIFY_RETRY_SCHEDULE: '100ms,1s',
      NOTIFY_TIMEOUT_MS: '2000',
      NOTIFY_RATE_LIMIT_PER_HOUR: '5',
      NOTIFY_EMAIL_RATE_LIMIT_PER_HOUR: '7',
    });
    expect(custom.notify).toMatchObject({
      smtpUrl: 'smtps://u:p@mail.example.com:465',
      retryScheduleMs: [100, 1000],
      timeoutMs: 2000,
      rateLimitPerHour: 5,
      emailRateLimitPerHour: 7,
    });
    expect(() => loadConfig({ ...valid, NOTIFY_RATE_LIMIT_PER_HOUR: '0' })).toThrow(/NOTIFY_RATE_LIMIT_PER_HOUR/);
    expect(() => loadConfig({ ...valid, SMTP_URL: 'mail.example.com' })).toThrow(
      /SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/,
    );
    expect(() => loadConfig({ ...valid, NOTIFY_RETRY_SCHEDULE: '5s,soon' })).toThrow(
      /NOTIFY_RETRY_SCHEDULE: must be a comma-separated list of durations/,
    );
    expect(() => loadConfig({ ...valid, NOTIFY_TIMEOUT_MS: '10' })).toThrow(/NOTIFY_TIMEOUT_MS: must be at least 100/);
  });
});
