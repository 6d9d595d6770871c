import { z } from 'zod';
import { DEFAULT_NATS_PREFIX, NATS_PREFIX_PATTERN, REGION_ID_PATTERN } from '@parallax/contracts';

/**
 * The control plane's configuration, read from the environment once at boot and
 * validated into a typed, frozen object. Nothing else reads process.env.
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (min: number, max: number) =>
  z.coerce
    .number({ message: 'must be a number' })
    .int('must be an integer')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

const schema = z.object({
  PORT: int(0, 65535).default(3000),
  DATABASE_URL: z
    .string({ required_error: 'is required (e.g. postgres://user@127.0.0.1:5432/parallax)' })
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
  NATS_URL: z.string().default('nats://127.0.0.1:4222'),
  NATS_PREFIX: z.string().regex(NATS_PREFIX_PATTERN, 'letters, digits, "-" and "_" only').default(DEFAULT_NATS_PREFIX),
  NATS_USER: z.string().optional(),
  NATS_PASS: z.string().optional(),
  NATS_CREDS_FILE: z.string().optional(),
  NATS_TLS_CA: z.string().min(1).optional(),
  REGIONS: z
    .string()
    .default('eu-west,us-east,ap-south')
    .transform((s) =>
      s
        .split(',')
        .map((r) => r.trim())
        .filter(Boolean),
    )
    .refine((rs) => rs.length > 0, 'must list at least one region id')
    .refine((rs) => rs.every((r) => REGION_ID_PATTERN.test(r)), 'region ids are lowercase letters, digits and "-"')
    .refine((rs) => new Set(rs).size === rs.length, 'must not repeat a region'),
  JWT_SECRET: z
    .string({ required_error: 'is required (at least 16 characters)' })
    .min(16, 'must be at least 16 characters'),
  JWT_TTL_SECONDS: int(60, 30 * 86400).default(86400),
  SCRYPT_LOG2_N: int(14, 20).default(17),
  ALLOW_PRIVATE_TARGETS: bool.default('false'),
  PUBLIC_PAGE_CACHE_MS: int(0, 60_000).default(5000),
  DEFAULT_PLAN: z
    .enum(['unlimited', 'free', 'pro'], { message: 'must be unlimited, free or pro' })
    .default('unlimited'),
  MIN_INTERVAL_SECONDS: int(1, 3600).optional(),
  PLAN_FREE_MAX_MONITORS: int(1, 1_000_000).default(10),
  PLAN_PRO_MAX_MONITORS: int(1, 1_000_000).default(200),
  PLAN_FREE_MIN_INTERVAL_SECONDS: int(1, 3600).optional(),
  PLAN_PRO_MIN_INTERVAL_SECONDS: int(1, 3600).optional(),
  PLAN_UNLIMITED_MIN_INTERVAL_SECONDS: int(1, 3600).optional(),
  RATE_LIMIT_PER_MINUTE: int(1, 1_000_000).default(120),
  TOOLS_RATE_LIMIT_PER_MINUTE: int(1, 10_000).default(10),
  ANOMALY_SWEEP: bool.default('true'),
  WHOIS_RDAP_SERVER: z
    .string()
    .url('must be an http(s) URL of an RDAP base')
    .refine((u) => /^https?:\/\//.test(u), 'must be an http:// or https:// URL')
    .optional(),
  WHOIS_SERVER: z
    .string()
    .regex(/^[a-z0-9.-]+(:\d{1,5})?$/i, 'must be host or host:port')
    .optional(),
  PUBLIC_RATE_LIMIT_PER_MINUTE: int(1, 1_000_000).optional(),
  TRUST_PROXY: int(0, 10).default(0),
  DB_POOL_SIZE: int(1, 1000).default(20),
  DB_BACKGROUND_POOL_SIZE: int(1, 1000).default(10),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  AUTH_FAILURES_PER_MINUTE: int(1, 1_000_000).default(10),
  LOGIN_LOCKOUT_AFTER: int(1, 1000).default(5),
  LOGIN_LOCKOUT_BASE_SECONDS: int(1, 86400).default(30),
  LOGIN_LOCKOUT_MAX_SECONDS: int(1, 86400).default(900),
  MAX_API_KEYS_PER_ACCOUNT: int(1, 10_000).default(25),
  PING_RATE_LIMIT_PER_MONITOR_PER_MINUTE: int(1, 1_000_000).default(60),
  PING_RATE_LIMIT_PER_IP_PER_MINUTE: int(1, 1_000_000).default(600),
  ROUND_GRACE_SECONDS: int(1, 300).default(5),
  SCHEDULER_TICK_MS: int(50, 60_000).default(500),
  PRESENCE_TTL_SECONDS: int(5, 3600).default(20),
  REGION_GRACE_SECONDS: int(0, 86400).default(30),
  RESULTS_MAX_AGE_HOURS: int(1, 24 * 30).default(72),
  RESULTS_STREAM_MAX_BYTES: int(1024 * 1024, 2 ** 50).default(1024 ** 3),
  RESULTS_STREAM_REPLICAS: int(1, 5).default(1),
  PUBLIC_URL: z
    .string()
    .url('must be an absolute URL such as https://status.example.com')
    .refine((u) => /^https?:\/\//.test(u), 'must be an http:// or https:// URL')
    .optional(),
  RETENTION_DAYS: int(1, 3650).default(90),
  PARTITIONS_AHEAD_DAYS: int(1, 60).default(3),
  INGEST_BATCH_SIZE: int(1, 5000).default(500),
  INGEST_MAX_DELIVER: int(1, 100).default(5),
  INGEST_RETRY_BACKOFF_MS: int(10, 60_000).default(1000),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL (e.g. smtp://user:pass@mail.example.com:587)')
    .optional(),
  SMTP_FROM: z.string().default('Parallax <parallax@localhost>'),
  NOTIFY_RETRY_SCHEDULE: z
    .string()
    .default('5s,10s,30s,1m,2m,5m,30m,2h,5h,10h,10h')
    .transform((s, ctx) => {
      const delays = parseDurations(s);
      if (!delays)
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: 'must be a comma-separated list of durations like 5s,5m,2h (ms, s, m, h)',
        });
      return delays ?? [];
    }),
  NOTIFY_POLL_MS: int(10, 60_000).default(250),
  NOTIFY_CONCURRENCY: int(1, 256).default(16),
  NOTIFY_TIMEOUT_MS: int(100, 60_000).default(10_000),
  NOTIFY_LOG_RETENTION_DAYS: int(1, 3650).default(30),
  NOTIFY_RATE_LIMIT_PER_HOUR: int(1, 100_000).default(30),
  NOTIFY_EMAIL_RATE_LIMIT_PER_HOUR: int(1, 100_000).default(30),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** `"5s,5m,2h"` → milliseconds; null when any item is not a duration. */
export function parseDurations(list: string): number[] | null {
  const unit: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const out: number[] = [];
  for (const item of list.split(',').map((x) => x.trim())) {
    const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(item);
    if (!m) return null;
    out.push(Math.round(Number(m[1]) * unit[m[2]]));
  }
  return out.length > 0 ? out : null;
}

export interface NotifyConfig {
  /** SMTP server for alert emails (`smtp://user:pass@host:port`); emails are not sent without it. */
  smtpUrl?: string;
  smtpFrom: string;
  /** Delay before each retry after a failed attempt (jittered ±10 %); past the last one a delivery fails. */
  retryScheduleMs: number[];
  pollMs: number;
  concurrency: number;
  /** A delivery succeeds on a 2xx within this time. */
  timeoutMs: number;
  /** Finished deliveries (and their attempt log) older than this are deleted. */
  logRetentionDays: number;
  /** Notifications per monitor and destination per hour; more are collapsed (counted, carried by the next one). */
  rateLimitPerHour: number;
  /** Alert emails per address per hour, across every monitor (addresses are not verified). */
  emailRateLimitPerHour: number;
}

export type PlanName = 'unlimited' | 'free' | 'pro';

export interface PlanLimits {
  /** Monitors an account may have; null: no limit (the unlimited plan). */
  maxMonitors: number | null;
  minIntervalSeconds: number;
  maxIntervalSeconds: number;
  defaultIntervalSeconds: number;
}

export interface AppConfig {
  port: number;
  databaseUrl: string;
  /** The control plane's address as its users reach it (ping URLs are built from it). */
  publicUrl: string;
  nats: {
    url: string;
    prefix: string;
    user?: string;
    pass?: string;
    credsFile?: string;
    /** CA file for a private CA on tls:// (NATS_TLS_CA). */ tlsCaFile?: string;
  };
  regions: string[];
  jwtSecret: string;
  jwtTtlSeconds: number;
  /** scrypt cost of new password hashes: N = 2^this (r = 8, p = 1); 17 is OWASP's minimum. */
  scryptLog2N: number;
  allowPrivateTargets: boolean;
  /** How long a replica reuses a rendered public page answer (0: never). */
  publicPageCacheMs: number;
  /** The plan of new accounts: `unlimited` (self-hosted, the default) or `free`/`pro` for a hosted service. */
  defaultPlan: PlanName;
  plans: Record<PlanName, PlanLimits>;
  rateLimitPerMinute: number;
  /** Tools (whois, MTR): lookups per minute per account (per replica), and the registry overrides of the whois tool. */
  tools: { ratePerMinute: number; rdapServer: string | null; whoisServer: string | null };
  /** Whether this replica runs the periodic anomaly sweep (tests call it directly). */
  anomalySweep: boolean;
  /** Requests per minute per client IP on unauthenticated routes (signup, login, public pages, badges, feeds). */
  publicRateLimitPerMinute: number;
  /** Connections of the request pool and of the background pool (scheduler), each per replica. */
  dbPools: { request: number; background: number };
  /** When set, GET /metrics needs `Authorization: Bearer <this>`. */
  metricsToken?: string;
  /** Reverse-proxy hops in front of the control plane whose X-Forwarded-For is believed (0: none, the socket address is the client). */
  trustProxy: number;
  /** Requests with a bad API key or JWT per client IP per minute; beyond it a 429 before any lookup. */
  authFailuresPerMinute: number;
  /** Login lockout per account: after `after` failures, `baseSeconds` doubled per further failure, at most `maxSeconds`. */
  loginLockout: { after: number; baseSeconds: number; maxSeconds: number };
  maxApiKeysPerAccount: number;
  /** Heartbeat pings per minute per monitor id and per client IP. */
  pingRateLimit: { perMonitorPerMinute: number; perIpPerMinute: number };
  roundGraceSeconds: number;
  schedulerTickMs: number;
  presenceTtlSeconds: number;
  /** How long a region may be without a live probe before the scheduler stops sending it jobs. */
  regionGraceSeconds: number;
  resultsMaxAgeHours: number;
  /** Bytes each region's results stream may hold (discard new: a full region's probes keep results in their outbox). */
  resultsStreamMaxBytes: number;
  /** JetStream replicas of each region's results stream (3 on a 3-node NATS cluster: one node may fail without losing a result). */
  resultsStreamReplicas: number;
  /** Days of per-region results (daily partitions) and rollups kept; older partitions are dropped whole. */
  retentionDays: number;
  /** Daily result partitions created ahead of today. */
  partitionsAheadDays: number;
  /** Results stored per ingestion transaction at most. */
  ingestBatchSize: number;
  /** Deliveries of a result whose storing keeps failing before it goes to the dead-letter table. */
  ingestMaxDeliver: number;
  /** First redelivery delay of such a result; doubled per delivery, at most 30 s. */
  ingestRetryBackoffMs: number;
  notify: NotifyConfig;
  logLevel: string;
}

export class ConfigError extends Error {}

/** Validates an environment; throws ConfigError listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.NATS_USER && !e.NATS_PASS)
    throw new ConfigError('invalid configuration:\n  NATS_PASS: is required when NATS_USER is set');
  // The references allow 60-300 s; self-hosted installs (and tests) may lower the floor.
  // A plan may set its own floor (PLAN_<PLAN>_MIN_INTERVAL_SECONDS); the reference default is
  // 60 s for free and pro. The unlimited plan (self-hosted) has no monitor limit and a 1 s floor.
  const plan = (maxMonitors: number | null, planMin: number | undefined, floor = 60): PlanLimits => {
    const minInterval = planMin ?? e.MIN_INTERVAL_SECONDS ?? floor;
    const maxInterval = Math.max(300, minInterval);
    return {
      maxMonitors,
      minIntervalSeconds: minInterval,
      maxIntervalSeconds: maxInterval,
      defaultIntervalSeconds: Math.min(Math.max(60, minInterval), maxInterval),
    };
  };
  return Object.freeze({
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    nats: {
      url: e.NATS_URL,
      prefix: e.NATS_PREFIX,
      user: e.NATS_USER,
      pass: e.NATS_PASS,
      credsFile: e.NATS_CREDS_FILE,
      tlsCaFile: e.NATS_TLS_CA,
    },
    regions: e.REGIONS,
    jwtSecret: e.JWT_SECRET,
    jwtTtlSeconds: e.JWT_TTL_SECONDS,
    scryptLog2N: e.SCRYPT_LOG2_N,
    allowPrivateTargets: e.ALLOW_PRIVATE_TARGETS,
    publicPageCacheMs: e.PUBLIC_PAGE_CACHE_MS,
    defaultPlan: e.DEFAULT_PLAN,
    plans: {
      unlimited: plan(null, e.PLAN_UNLIMITED_MIN_INTERVAL_SECONDS, 1),
      free: plan(e.PLAN_FREE_MAX_MONITORS, e.PLAN_FREE_MIN_INTERVAL_SECONDS),
      pro: plan(e.PLAN_PRO_MAX_MONITORS, e.PLAN_PRO_MIN_INTERVAL_SECONDS),
    },
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    anomalySweep: e.ANOMALY_SWEEP,
    tools: {
      ratePerMinute: e.TOOLS_RATE_LIMIT_PER_MINUTE,
      rdapServer: e.WHOIS_RDAP_SERVER ?? null,
      whoisServer: e.WHOIS_SERVER ?? null,
    },
    publicRateLimitPerMinute: e.PUBLIC_RATE_LIMIT_PER_MINUTE ?? e.RATE_LIMIT_PER_MINUTE,
    trustProxy: e.TRUST_PROXY,
    dbPools: { request: e.DB_POOL_SIZE, background: e.DB_BACKGROUND_POOL_SIZE },
    metricsToken: e.METRICS_TOKEN,
    authFailuresPerMinute: e.AUTH_FAILURES_PER_MINUTE,
    loginLockout: {
      after: e.LOGIN_LOCKOUT_AFTER,
      baseSeconds: e.LOGIN_LOCKOUT_BASE_SECONDS,
      maxSeconds: Math.max(e.LOGIN_LOCKOUT_MAX_SECONDS, e.LOGIN_LOCKOUT_BASE_SECONDS),
    },
    maxApiKeysPerAccount: e.MAX_API_KEYS_PER_ACCOUNT,
    pingRateLimit: {
      perMonitorPerMinute: e.PING_RATE_LIMIT_PER_MONITOR_PER_MINUTE,
      perIpPerMinute: e.PING_RATE_LIMIT_PER_IP_PER_MINUTE,
    },
    roundGraceSeconds: e.ROUND_GRACE_SECONDS,
    schedulerTickMs: e.SCHEDULER_TICK_MS,
    presenceTtlSeconds: e.PRESENCE_TTL_SECONDS,
    regionGraceSeconds: e.REGION_GRACE_SECONDS,
    resultsMaxAgeHours: e.RESULTS_MAX_AGE_HOURS,
    resultsStreamMaxBytes: e.RESULTS_STREAM_MAX_BYTES,
    resultsStreamReplicas: e.RESULTS_STREAM_REPLICAS,
    retentionDays: e.RETENTION_DAYS,
    partitionsAheadDays: e.PARTITIONS_AHEAD_DAYS,
    ingestBatchSize: e.INGEST_BATCH_SIZE,
    ingestMaxDeliver: e.INGEST_MAX_DELIVER,
    ingestRetryBackoffMs: e.INGEST_RETRY_BACKOFF_MS,
    notify: {
      smtpUrl: e.SMTP_URL,
      smtpFrom: e.SMTP_FROM,
      retryScheduleMs: e.NOTIFY_RETRY_SCHEDULE,
      pollMs: e.NOTIFY_POLL_MS,
      concurrency: e.NOTIFY_CONCURRENCY,
      timeoutMs: e.NOTIFY_TIMEOUT_MS,
      logRetentionDays: e.NOTIFY_LOG_RETENTION_DAYS,
      rateLimitPerHour: e.NOTIFY_RATE_LIMIT_PER_HOUR,
      emailRateLimitPerHour: e.NOTIFY_EMAIL_RATE_LIMIT_PER_HOUR,
    },
    logLevel: e.LOG_LEVEL,
  });
}

/** The process environment, validated: the one place the control plane reads process.env. */
export function loadConfigFromEnv(): AppConfig {
  return loadConfig(process.env);
}

/**
 * DATABASE_URL alone, for the TypeORM CLI (`npm run migration:generate`, `database/typeorm-cli.config.ts`),
 * which needs no other setting: a scratch database by default.
 */
export function databaseUrlFromEnv(env: Record<string, string | undefined> = process.env): string {
  return env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/parallax_migrate';
}

/** Injection token for the validated AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
