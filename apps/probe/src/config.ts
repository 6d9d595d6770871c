import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { DEFAULT_CHILD_PATH } from '@parallax/checks';
import { DEFAULT_NATS_PREFIX, NATS_PREFIX_PATTERN, natsNames, REGION_ID_PATTERN } from '@parallax/contracts';

/**
 * The probe's configuration. This file is the only place that reads `process.env`:
 * everything is validated once at boot into a frozen, typed object; an invalid or
 * missing value is reported on one line each and the process exits with status 1.
 */

export const PROBE_CONFIG = Symbol('PROBE_CONFIG');

export interface ProbeConfig {
  readonly region: string;
  readonly natsServers: readonly string[];
  readonly natsPrefix: string;
  readonly natsUser: string | null;
  readonly natsPass: string | null;
  readonly natsCredsFile: string | null;
  readonly natsTlsCa: string | null;
  /**
   * Prefix of the connection's reply inboxes (JetStream publish acks arrive there).
   * Default `_INBOX.<prefix>.<region>`, so least-privilege credentials can allow
   * subscribing to `_INBOX.<prefix>.<region>.>` only (docs/nats-security.md).
   */
  readonly natsInboxPrefix: string;
  readonly concurrency: number;
  readonly queueLimit: number;
  /** Worker threads that run the checks; 0 runs them on the main thread. */
  readonly workers: number;
  readonly metricsPort: number;
  readonly probeId: string;
  readonly allowPrivateTargets: boolean;
  readonly maxBodyBytes: number;
  readonly presenceIntervalMs: number;
  readonly shutdownTimeoutMs: number;
  readonly logLevel: LogLevel;
  /** Added to the wall clock (tests only: plays a probe whose clock is wrong). */
  readonly clockOffsetMs: number;
  /** Presence reports the clock's skew against the control plane beyond this. */
  readonly clockSkewThresholdMs: number;
  /** The release version, from the root package.json. */
  readonly version: string;
  /** `Parallax/<version> (region=<id>)`, sent by every HTTP check. */
  readonly userAgent: string;
  /** `PATH` of the programs checks and tools run (ping, mtr): the probe's own, default `/usr/bin:/bin`. */
  readonly childPath: string;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

type Env = Record<string, string | undefined>;

/** An empty or blank variable counts as unset. */
function clean(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
}

function intVar(min: number, max: number) {
  return z
    .string()
    .regex(/^-?\d+$/, 'must be an integer')
    .transform((s) => Number(s))
    .refine((n) => n >= min && n <= max, `must be between ${min} and ${max}`)
    .optional();
}

const boolVar = z
  .string()
  .transform((s) => s.toLowerCase())
  .refine((s) => ['true', 'false', '1', '0', 'yes', 'no'].includes(s), 'must be true or false')
  .transform((s) => s === 'true' || s === '1' || s === 'yes')
  .optional();

const fileVar = z
  .string()
  .refine((p) => existsSync(p), 'file does not exist')
  .optional();

const natsUrlList = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((u) => u.trim())
      .filter(Boolean),
  )
  .refine((list) => list.length > 0, 'must list at least one server')
  .refine(
    (list) => list.every((u) => /^(nats|tls|ws|wss):\/\/[^\s]+$/.test(u) || /^[^\s:/]+:\d+$/.test(u)),
    'must be nats://host:port (comma separated for several)',
  )
  .optional();

/** Dot-separated subject tokens without wildcards or whitespace, e.g. `_INBOX.parallax.eu-west`. */
const INBOX_PREFIX_PATTERN = /^[^\s.*>]+(?:\.[^\s.*>]+)*$/;

const envSchema = z.object({
  REGION: z
    .string({ required_error: 'is required' })
    .regex(REGION_ID_PATTERN, 'must match ' + String(REGION_ID_PATTERN)),
  NATS_URL: natsUrlList,
  NATS_PREFIX: z.string().regex(NATS_PREFIX_PATTERN, 'letters, digits, "-" and "_" only (max 63)').optional(),
  NATS_USER: z.string().optional(),
  NATS_PASS: z.string().optional(),
  NATS_CREDS_FILE: fileVar,
  NATS_TLS_CA: fileVar,
  NATS_INBOX_PREFIX: z
    .string()
    .max(200, 'at most 200 characters')
    .regex(INBOX_PREFIX_PATTERN, 'must be subject tokens separated by "." without wildcards or spaces')
    .optional(),
  PROBE_CONCURRENCY: intVar(1, 4096),
  PROBE_QUEUE_LIMIT: intVar(1, 1_000_000),
  PROBE_WORKERS: intVar(0, 64),
  METRICS_PORT: intVar(0, 65535),
  PROBE_ID: z
    .string()
    .max(200, 'at most 200 characters')
    .regex(/^[\w.@:-]+$/, 'letters, digits, ".", "_", "-", ":" and "@" only')
    .optional(),
  ALLOW_PRIVATE_TARGETS: boolVar,
  PROBE_MAX_BODY_BYTES: intVar(1024, 1024 * 1024 * 1024),
  PRESENCE_INTERVAL_MS: intVar(100, 600_000),
  PROBE_SHUTDOWN_TIMEOUT_MS: intVar(1000, 3_600_000),
  LOG_LEVEL: z.enum(LOG_LEVELS).optional(),
  /** Tests only: shifts the probe's clock (at most a day either way). */
  PROBE_CLOCK_OFFSET_MS: intVar(-86_400_000, 86_400_000),
  PROBE_CLOCK_SKEW_THRESHOLD_MS: intVar(100, 3_600_000),
  /** Where ping and mtr are looked up (the only variable a child process gets, with LC_ALL=C). */
  PATH: z.string().optional(),
});

const KEYS = Object.keys(envSchema.shape) as Array<keyof typeof envSchema.shape>;

export type ConfigResult = { ok: true; config: ProbeConfig } | { ok: false; errors: string[] };

/** Validates the environment; never throws and never exits (main.ts does). */
export function loadConfig(env: Env = process.env, version: string = readVersion()): ConfigResult {
  const raw: Record<string, string | undefined> = {};
  for (const key of KEYS) raw[key] = key === 'NATS_PASS' ? env[key] || undefined : clean(env[key]);

  const parsed = envSchema.safeParse(raw);
  const errors: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? '(env)');
      const shown = name === 'NATS_PASS' || raw[name] === undefined ? '' : ` (got "${raw[name]}")`;
      errors.push(`${name}: ${issue.message}${shown}`);
    }
    return { ok: false, errors };
  }
  const e = parsed.data;
  if ((e.NATS_USER === undefined) !== (e.NATS_PASS === undefined)) {
    errors.push('NATS_USER/NATS_PASS: set both or neither');
  }
  if (e.NATS_CREDS_FILE !== undefined && e.NATS_USER !== undefined) {
    errors.push('NATS_CREDS_FILE: cannot be combined with NATS_USER/NATS_PASS');
  }
  if (errors.length > 0) return { ok: false, errors };

  const concurrency = e.PROBE_CONCURRENCY ?? 64;
  const natsPrefix = e.NATS_PREFIX ?? DEFAULT_NATS_PREFIX;
  const config: ProbeConfig = {
    region: e.REGION,
    natsServers: Object.freeze(e.NATS_URL ?? ['nats://127.0.0.1:4222']),
    natsPrefix,
    natsUser: e.NATS_USER ?? null,
    natsPass: e.NATS_PASS ?? null,
    natsCredsFile: e.NATS_CREDS_FILE ?? null,
    natsTlsCa: e.NATS_TLS_CA ?? null,
    natsInboxPrefix: e.NATS_INBOX_PREFIX ?? natsNames(natsPrefix).probeInboxPrefix(e.REGION),
    concurrency,
    queueLimit: e.PROBE_QUEUE_LIMIT ?? 4 * concurrency,
    workers: e.PROBE_WORKERS ?? defaultWorkers(),
    metricsPort: e.METRICS_PORT ?? 9464,
    probeId: e.PROBE_ID ?? defaultProbeId(),
    allowPrivateTargets: e.ALLOW_PRIVATE_TARGETS ?? false,
    maxBodyBytes: e.PROBE_MAX_BODY_BYTES ?? 1_048_576,
    presenceIntervalMs: e.PRESENCE_INTERVAL_MS ?? 5000,
    shutdownTimeoutMs: e.PROBE_SHUTDOWN_TIMEOUT_MS ?? 90_000,
    logLevel: e.LOG_LEVEL ?? 'info',
    clockOffsetMs: e.PROBE_CLOCK_OFFSET_MS ?? 0,
    clockSkewThresholdMs: e.PROBE_CLOCK_SKEW_THRESHOLD_MS ?? 2000,
    version,
    userAgent: `Parallax/${version} (region=${e.REGION})`,
    childPath: e.PATH ?? DEFAULT_CHILD_PATH,
  };
  return { ok: true, config: Object.freeze(config) };
}

/**
 * One check worker per core, at most 4 (the main thread keeps intake, publishing and
 * metrics); none on one or two cores. There a worker cannot add a core the main thread does
 * not already contend for, and it costs CPU per check (two cross-thread messages, a second
 * event loop to wake) and ~45-55 MB of RSS for its own V8 heap: on 2 vCPUs, 300 checks/s,
 * two workers took ~1.14-1.38 ms CPU per check and 259-276 MB peak RSS, the main thread alone
 * ~1.00-1.15 ms and 156-159 MB (`npm run bench -- probe`, docs/bench.md).
 */
export function defaultWorkers(cores: number = availableParallelism()): number {
  if (cores <= 2) return 0;
  return Math.min(cores, 4);
}

function defaultProbeId(): string {
  const host =
    hostname()
      .replace(/[^\w.-]/g, '_')
      .slice(0, 150) || 'probe';
  return `${host}-${process.pid}-${randomBytes(2).toString('hex')}`;
}

/** The version of the root package.json (`"name": "parallax"`), found by walking up from this file. */
export function readVersion(from: string = __dirname): string {
  let dir = from;
  for (let i = 0; i < 8; i++) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === 'parallax' && typeof pkg.version === 'string') return pkg.version;
      } catch {
        // not a readable package.json; keep walking
      }
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return '0.0.0';
}
