import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { defaultWorkers, loadConfig, readVersion } from './config';

const base = { REGION: 'eu-west' };

describe('loadConfig', () => {
  it('applies the defaults', () => {
    const r = loadConfig(base, '1.2.3');
    if (!r.ok) throw new Error(r.errors.join('\n'));
    const c = r.config;
    expect(c).toMatchObject({
      region: 'eu-west',
      natsServers: ['nats://127.0.0.1:4222'],
      natsPrefix: 'parallax',
      concurrency: 64,
      queueLimit: 256,
      workers: defaultWorkers(availableParallelism()),
      metricsPort: 9464,
      allowPrivateTargets: false,
      maxBodyBytes: 1_048_576,
      presenceIntervalMs: 5000,
      logLevel: 'info',
      version: '1.2.3',
      userAgent: 'Parallax/1.2.3 (region=eu-west)',
      natsUser: null,
      natsCredsFile: null,
      natsInboxPrefix: '_INBOX.parallax.eu-west',
    });
    expect(c.childPath).toBe('/usr/bin:/bin');
    expect(c.probeId).toMatch(/^.+-\d+-[0-9a-f]{4}$/);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('reads every variable', () => {
    const r = loadConfig(
      {
        REGION: 'us-east-1',
        NATS_URL: 'nats://a:4222, nats://b:4222',
        NATS_PREFIX: 't_probe_1',
        PROBE_CONCURRENCY: '8',
        PROBE_WORKERS: '3',
        METRICS_PORT: '0',
        PROBE_ID: 'p1',
        ALLOW_PRIVATE_TARGETS: 'true',
        PROBE_MAX_BODY_BYTES: '2048',
        PRESENCE_INTERVAL_MS: '250',
        NATS_USER: 'u',
        NATS_PASS: ' secret ',
        LOG_LEVEL: 'warn',
      },
      '0.1.0',
    );
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.config).toMatchObject({
      region: 'us-east-1',
      natsServers: ['nats://a:4222', 'nats://b:4222'],
      natsPrefix: 't_probe_1',
      concurrency: 8,
      queueLimit: 32,
      workers: 3,
      metricsPort: 0,
      probeId: 'p1',
      allowPrivateTargets: true,
      maxBodyBytes: 2048,
      presenceIntervalMs: 250,
      natsUser: 'u',
      natsPass: ' secret ',
      logLevel: 'warn',
    });
  });

  it('reports one line per invalid or missing value', () => {
    const r = loadConfig(
      { PROBE_CONCURRENCY: '0', METRICS_PORT: 'abc', ALLOW_PRIVATE_TARGETS: 'maybe', NATS_PREFIX: 'a.b' },
      '0.1.0',
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(5);
    expect(r.errors.join('\n')).toMatch(/^REGION: is required$/m);
    expect(r.errors.join('\n')).toMatch(/^PROBE_CONCURRENCY: must be between 1 and 4096/m);
    expect(r.errors.join('\n')).toMatch(/^METRICS_PORT: must be an integer/m);
    expect(r.errors.join('\n')).toMatch(/^ALLOW_PRIVATE_TARGETS: must be true or false/m);
    expect(r.errors.join('\n')).toMatch(/^NATS_PREFIX: /m);
  });

  it('takes a test clock offset either way (default 0) and a skew threshold (default 2 s), within bounds', () => {
    const d = loadConfig(base, '0.1.0');
    expect(d.ok && [d.config.clockOffsetMs, d.config.clockSkewThresholdMs]).toEqual([0, 2000]);
    const r = loadConfig({ ...base, PROBE_CLOCK_OFFSET_MS: '10000', PROBE_CLOCK_SKEW_THRESHOLD_MS: '500' }, '0.1.0');
    expect(r.ok && [r.config.clockOffsetMs, r.config.clockSkewThresholdMs]).toEqual([10_000, 500]);
    expect(loadConfig({ ...base, PROBE_CLOCK_OFFSET_MS: '-10000' }, '0.1.0')).toMatchObject({
      ok: true,
      config: { clockOffsetMs: -10_000 },
    });
    for (const [k, v] of [
      ['PROBE_CLOCK_OFFSET_MS', '86400001'],
      ['PROBE_CLOCK_OFFSET_MS', '10s'],
      ['PROBE_CLOCK_SKEW_THRESHOLD_MS', '99'],
    ]) {
      const bad = loadConfig({ ...base, [k]: v }, '0.1.0');
      expect(bad.ok).toBe(false);
      if (!bad.ok) expect(bad.errors.join('\n')).toMatch(new RegExp(`^${k}: `, 'm'));
    }
  });

  it('takes PROBE_WORKERS=0 (checks on the main thread) and refuses a negative or huge count', () => {
    const zero = loadConfig({ ...base, PROBE_WORKERS: '0' }, '0.1.0');
    expect(zero.ok && zero.config.workers).toBe(0);
    for (const bad of ['-1', '65', 'two']) {
      const r = loadConfig({ ...base, PROBE_WORKERS: bad }, '0.1.0');
      expect(r.ok).toBe(false);
      if (!r.ok)
        expect(r.errors).toEqual([expect.stringMatching(/^PROBE_WORKERS: must be (between 0 and 64|an integer)/)]);
    }
  });

  it('defaults to one check worker per core, at most 4, and none on one or two cores', () => {
    expect([1, 2, 3, 4, 16].map((cores) => defaultWorkers(cores))).toEqual([0, 0, 3, 4, 4]);
  });

  it('rejects a region id that cannot be a subject token', () => {
    const r = loadConfig({ REGION: 'eu.west' }, '0.1.0');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^REGION: must match/);
  });

  it('treats blank values as unset and requires user and password together', () => {
    const r = loadConfig({ REGION: 'x', NATS_URL: '  ', NATS_USER: 'u' }, '0.1.0');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual(['NATS_USER/NATS_PASS: set both or neither']);
  });

  it('does not echo the NATS password in errors', () => {
    const r = loadConfig({ REGION: 'x', NATS_PASS: 'hunter2', NATS_CREDS_FILE: '/nope' }, '0.1.0');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).not.toContain('hunter2');
  });

  it('derives the inbox prefix from the NATS prefix and region unless NATS_INBOX_PREFIX is set', () => {
    const derived = loadConfig({ REGION: 'us-east', NATS_PREFIX: 't_x' }, '0.1.0');
    expect(derived.ok && derived.config.natsInboxPrefix).toBe('_INBOX.t_x.us-east');
    const set = loadConfig({ ...base, NATS_INBOX_PREFIX: '_INBOX_eu-west' }, '0.1.0');
    expect(set.ok && set.config.natsInboxPrefix).toBe('_INBOX_eu-west');
    for (const bad of ['_INBOX.>', 'a.*.b', 'a..b', '.a', 'a b']) {
      const r = loadConfig({ ...base, NATS_INBOX_PREFIX: bad }, '0.1.0');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors).toEqual([expect.stringMatching(/^NATS_INBOX_PREFIX: must be subject tokens/)]);
    }
  });

  it('reads the version of the root package.json', () => {
    const root = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(readVersion(__dirname)).toBe(root.version);
  });

  it('takes the PATH of the programs checks run (ping, mtr) from the environment', () => {
    const r = loadConfig({ ...base, PATH: '/opt/probe/bin:/usr/bin' }, '1.2.3');
    expect(r.ok && r.config.childPath).toBe('/opt/probe/bin:/usr/bin');
  });
});
