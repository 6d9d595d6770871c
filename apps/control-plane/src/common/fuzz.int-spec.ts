import {
  FUZZ_CASES_PER_OPERATION,
  FUZZ_SEED,
  fuzzCases,
  seededRandom,
  type FuzzCase,
  type FuzzDoc,
  type FuzzOperation,
} from '@parallax/testing';
import { Client } from 'pg';
import { Writable } from 'node:stream';
import { call, signup, startTestApp, TestApp } from '../testing/harness';

jest.setTimeout(600_000);

/**
 * Issue 13 (2): a fuzz suite generated from the served OpenAPI document (not a hand list of routes).
 * Every operation gets malformed JSON, wrong types per property, numeric extremes, hostile strings,
 * unknown fields, `__proto__`, deep nesting, a 2 MB body, wrong content types, odd query values and
 * garbage ids. The suite asserts: no 5xx; every error answer carries the envelope (`code`, message);
 * a rejected write changes nothing (a digest of every table before and after).
 * Seeded (FUZZ_SEED, default 13) and bounded (FUZZ_CASES_PER_OPERATION, default 40).
 * The app's logs of the whole run are captured and grepped for every secret the run created.
 */

const prng = seededRandom;

const SEED = FUZZ_SEED;
const CASES_PER_OPERATION = FUZZ_CASES_PER_OPERATION;

type Case = FuzzCase;
type Operation = FuzzOperation;

describe('fuzz: every operation of the served OpenAPI document', () => {
  let t: TestApp;
  let key: string;
  let db: Client;
  let doc: FuzzDoc;
  const seeds: Record<string, string> = {};
  const figures = {
    operations: 0,
    requests: 0,
    fiveHundreds: 0,
    envelopeViolations: 0,
    writesRejected: 0,
    writesChangedAfterRejection: 0,
    byStatus: {} as Record<string, number>,
  };
  const failures: string[] = [];
  const logs: string[] = [];
  /** Every secret this run creates or sends: none may appear in the logs. */
  const secrets: Record<string, string> = {
    smtp_password: 'smtp-pass-9f1c2e7d',
    basic_auth_pass: 'basic-pass-4b7e1a90',
    bearer_token: 'bearer-tok-8d2f6c13',
    auth_header: 'Bearer json-api-tok-5a9e3b27',
    slack_webhook: 'http://127.0.0.1:1/services/T000/B000/slack-secret-7c41d9e2',
    discord_webhook: 'http://127.0.0.1:1/api/webhooks/1/discord-secret-2e8a6f15',
    webhook_url: 'http://127.0.0.1:1/hook?sig=own-webhook-secret-6b3d0c48',
    password: 'correct horse battery',
  };

  beforeAll(async () => {
    const logStream = new Writable({
      write(chunk: Buffer, _enc, done) {
        logs.push(chunk.toString());
        done();
      },
    });
    t = await startTestApp(
      { LOG_LEVEL: 'debug', SMTP_URL: `smtp://fuzzuser:${secrets.smtp_password}@127.0.0.1:1` },
      undefined,
      logStream as never,
    );
    ({ key } = await signup(t.api));
    secrets.signup_api_key = key;
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    doc = (await (await fetch(`${t.baseUrl}/api/docs-json`)).json()) as FuzzDoc;
    // One real resource of each kind, so that bodies also reach the services behind real ids.
    const monitor = await call(t.api, key, 'POST', '/monitors', {
      name: 'fuzz seed',
      url: 'http://127.0.0.1:1/',
      basic_auth_user: 'u',
      basic_auth_pass: secrets.basic_auth_pass,
      bearer_token: secrets.bearer_token,
      alert_slack_webhook: secrets.slack_webhook,
      alert_discord_webhook: secrets.discord_webhook,
      webhook_url: secrets.webhook_url,
    });
    const jsonApi = await call(t.api, key, 'POST', '/monitors', {
      name: 'fuzz json',
      monitor_type: 'json_api',
      url: 'http://127.0.0.1:1/api',
      auth_header: secrets.auth_header,
    });
    seeds.jsonApi = jsonApi.body.data?.id;
    // Paused, so that the scheduler writes none of the seeds while the digests are compared.
    await call(t.api, key, 'PATCH', `/monitors/${seeds.jsonApi}/toggle`, {});
    seeds.monitor = monitor.body.data?.id;
    await call(t.api, key, 'PATCH', `/monitors/${seeds.monitor}/toggle`, {});
    const heartbeat = await call(t.api, key, 'POST', '/monitors', {
      name: 'fuzz heartbeat',
      monitor_type: 'heartbeat',
    });
    seeds.heartbeat = heartbeat.body.data?.id;
    const token = await call(t.api, key, 'POST', `/monitors/${seeds.heartbeat}/ping-token`);
    secrets.ping_token = new URL(token.body.data.ping_url).searchParams.get('token') as string;
    await call(t.api, key, 'PATCH', `/monitors/${seeds.heartbeat}/toggle`, {});
    const webhook = await call(t.api, key, 'POST', '/webhooks', {
      url: 'http://127.0.0.1:1/hook',
      events: ['monitor.down'],
    });
    seeds.webhook = webhook.body.data?.id;
    secrets.webhook_secret = webhook.body.data?.secret;
    const page = await call(t.api, key, 'POST', '/status-pages', {
      title: 'fuzz page',
      slug: `fuzz-${Date.now()}`,
      monitor_ids: [seeds.monitor],
    });
    seeds.statusPage = page.body.data?.id;
    seeds.slug = page.body.data?.slug;
    const incident = await call(t.api, key, 'POST', '/incidents', {
      title: 'fuzz incident',
      monitor_id: seeds.monitor,
      status: 'investigating',
      description: 'x',
    });
    seeds.incident = incident.body.data?.id;
    const subscriber = await call(t.api, key, 'POST', `/status-pages/${seeds.statusPage}/subscribers`, {
      email: 'fuzz@example.com',
    });
    seeds.subscriber = subscriber.body.data?.id;
    const apiKey = await call(t.api, key, 'POST', '/api-keys', { name: 'fuzz key' });
    seeds.apiKey = apiKey.body.data?.id;
    secrets.created_api_key = apiKey.body.data?.key;
    for (const [name, value] of Object.entries(secrets))
      if (typeof value !== 'string' || value.length < 8) throw new Error(`seed secret ${name} missing: ${value}`);
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
    // The figures the closing note of issue 13 asks for.
    console.log(`fuzz figures (seed ${SEED}): ${JSON.stringify(figures)}`);
  });

  /** A digest of every application table: a rejected write must leave it unchanged. */
  async function snapshot(): Promise<Record<string, string>> {
    const tables = (
      await db.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND NOT (table_name LIKE ANY($1)) ORDER BY table_name`,
        [VOLATILE_TABLES],
      )
    ).rows.map((r) => r.table_name);
    const row = (name: string) =>
      ID_ONLY_TABLES.includes(name)
        ? `(x.id)::text`
        : `(to_jsonb(x) - '{${VOLATILE_COLUMNS.join(',')}}'::text[])::text`;
    const sql = tables
      .map(
        (name) =>
          `SELECT '${name}' AS t, md5(coalesce(string_agg(${row(name)}, ',' ORDER BY ${row(name)}), '')) AS h FROM "${name}" x`,
      )
      .join(' UNION ALL ');
    const rows = (await db.query<{ t: string; h: string }>(sql)).rows;
    return Object.fromEntries(rows.map((r) => [r.t, r.h]));
  }

  async function send(
    method: string,
    c: Case,
  ): Promise<{ status: number; json: any; text: string; contentType: string }> {
    const headers: Record<string, string> = {};
    if (c.auth !== false) headers['x-api-key'] = key;
    if (c.body !== undefined && c.contentType !== '') headers['content-type'] = c.contentType ?? 'application/json';
    const url = `${t.baseUrl}${c.path}${c.query ? `?${c.query}` : ''}`;
    const res = await fetch(url, { method: method.toUpperCase(), headers, body: c.body, redirect: 'manual' });
    const text = await res.text();
    let json: any = null;
    try {
      json = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, json, text, contentType: res.headers.get('content-type') ?? '' };
  }

  it('answers no 5xx, the envelope on every error, and rejected writes change nothing', async () => {
    const rand = prng(SEED);
    const { casesFor } = fuzzCases(doc, seeds);
    const operations: Array<[string, string, Operation]> = [];
    for (const [path, item] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(item)) operations.push([path, method, op]);
    // Deletes last, so that the seeds serve every other operation first.
    operations.sort((a, b) => Number(a[1] === 'delete') - Number(b[1] === 'delete'));
    expect(operations.length).toBeGreaterThan(50);
    for (const [path, method, op] of operations) {
      figures.operations++;
      const write = method !== 'get' && method !== 'head';
      for (const c of casesFor(path, method, op, rand, CASES_PER_OPERATION)) {
        const before = write ? await snapshot() : null;
        const r = await send(method, c);
        figures.requests++;
        figures.byStatus[r.status] = (figures.byStatus[r.status] ?? 0) + 1;
        const where = `${method.toUpperCase()} ${path} [${c.label}] → ${r.status}`;
        if (r.status >= 500) {
          figures.fiveHundreds++;
          failures.push(`${where}: ${r.text.slice(0, 300)}`);
        }
        if (r.status >= 400) {
          // The HTML status page answers its own error page and a badge an SVG image (so that an embed
          // still renders, as shields.io does), and shields.json its endpoint schema's `isError`
          // answer (shields.io reads nothing else); every other JSON answer carries the envelope.
          const shields = r.json?.schemaVersion === 1 && r.json?.isError === true;
          // Valtrogen's public API (`/s/{slug}/api/...`) answers errors in that reference's own shape.
          const valtrogen =
            path.startsWith('/s/{slug}/api/') && r.json?.success === false && typeof r.json?.error === 'string';
          const html =
            r.contentType.startsWith('text/html') || r.contentType.startsWith('image/svg+xml') || shields || valtrogen;
          const enveloped =
            r.json && typeof r.json.code === 'string' && typeof r.json.error === 'string' && r.json.data === null;
          if (!html && !enveloped) {
            figures.envelopeViolations++;
            failures.push(`${where}: no envelope: ${r.text.slice(0, 200)}`);
          }
          if (before) {
            figures.writesRejected++;
            const after = await snapshot();
            const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
            if (changed.length) {
              figures.writesChangedAfterRejection++;
              failures.push(`${where}: rejected write changed ${changed.join(', ')}`);
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(figures.requests).toBeGreaterThan(1000);
  });

  it('alert URLs (they embed secrets) are write-only: masked on read, kept when the mask is sent back', async () => {
    const read = await call(t.api, key, 'GET', `/monitors/${seeds.monitor}`);
    expect(read.body.data).toMatchObject({
      alert_slack_webhook: '********',
      alert_discord_webhook: '********',
      webhook_url: '********',
      basic_auth_pass: '********',
      bearer_token: '********',
    });
    const back = await call(t.api, key, 'PATCH', `/monitors/${seeds.monitor}`, {
      alert_slack_webhook: '********',
      webhook_url: '********',
      alert_discord_webhook: '********',
      name: 'fuzz seed renamed',
    });
    expect(back.status).toBe(200);
    const row = (
      await db.query('SELECT alert_slack_webhook, alert_discord_webhook, webhook_url FROM monitors WHERE id = $1', [
        seeds.monitor,
      ])
    ).rows[0];
    expect(row).toEqual({
      alert_slack_webhook: secrets.slack_webhook,
      alert_discord_webhook: secrets.discord_webhook,
      webhook_url: secrets.webhook_url,
    });
    expect(JSON.stringify((await call(t.api, key, 'GET', '/monitors')).body)).not.toContain('secret-');
  });

  it('the logs of the whole run hold none of the secrets it created, also after failing requests that carry them', async () => {
    // Each secret in a rejected body, a malformed body, a query string and a 404's query; the ping with its token.
    for (const value of Object.values(secrets)) {
      const q = encodeURIComponent(value);
      await send('post', {
        label: 'leak body',
        path: '/api/v1/monitors',
        body: JSON.stringify({ name: 'leak', url: 'ftp://x', bearer_token: value, surprise: value }),
      });
      await send('post', { label: 'leak malformed', path: '/api/v1/api-keys', body: `{"name":"${value}",` });
      await send('get', { label: 'leak query', path: '/api/v1/monitors', query: `group=${q}&token=${q}&limit=${q}` });
      await send('get', { label: 'leak 404', path: `/api/v1/nothing`, query: `secret=${q}` });
      await send('post', {
        label: 'leak login',
        path: '/api/v1/auth/login',
        body: JSON.stringify({ email: 'nobody@example.com', password: value }),
        auth: false,
      });
    }
    await send('get', {
      label: 'ping',
      path: `/api/ping/${seeds.heartbeat}`,
      query: `token=${encodeURIComponent(secrets.ping_token)}`,
      auth: false,
    });
    await send('get', {
      label: 'ping wrong',
      path: `/api/ping/${seeds.heartbeat}`,
      query: `token=${encodeURIComponent(secrets.ping_token)}x`,
      auth: false,
    });
    const all = logs.join('');
    expect(all.length).toBeGreaterThan(10_000);
    expect(all).toContain('/api/v1/monitors'); // the request log is there (the grep below is not vacuous)
    const leaked = Object.entries(secrets).filter(
      ([, value]) =>
        all.includes(value) ||
        all.includes(encodeURIComponent(value)) ||
        all.includes(JSON.stringify(value).slice(1, -1)),
    );
    expect(leaked.map(([name]) => name)).toEqual([]);
  });
});

/**
 * Tables written only by background work, not by a request: the scheduler's rounds (and their
 * partitions) and the dispatcher's delivery attempts (the seed subscriber's confirmation mail, the
 * webhook's test deliveries go on being retried against a closed port while the suite runs).
 */
// rate_limit_counters: a refused request still counts against its caller's budget, by design.
// anomaly_sweeps: the anomaly sweep enrols new monitors and advances its watermark on its own timer.
// region_streaks: the decisions' per-region failure streaks of a monitor being checked (background work).
// alert_state, notification_rate_limits: written by the decisions of a monitor a fuzzed toggle resumed (flap damping, rate limits).
// monitor_state: the decisions' read model of such a monitor (its row appears with its first decision).
const VOLATILE_TABLES = [
  'migrations',
  'typeorm_metadata',
  'rounds%',
  'notification_attempts',
  'rate_limit_counters',
  'anomaly_sweeps',
  'region_streaks',
  'alert_state',
  'notification_rate_limits',
  'monitor_state',
];
/** The dispatcher updates the status of existing deliveries; a request could only add or remove one. */
const ID_ONLY_TABLES = ['notification_deliveries'];
/** Columns bookkeeping touches on any authenticated request (the API key's last use). */
// Written by background work, not by the request: a monitor a fuzzed toggle resumed is scheduled
// and decided while the suite runs (the scheduler cursor and the decisions' read model).
const VOLATILE_COLUMNS = [
  'last_used_at',
  'updated_at',
  'next_due_at',
  'next_round',
  'status',
  'status_changed_at',
  'checks_total',
  'checks_failed',
  'last_round_at',
  'last_checked',
  'last_status_code',
  'last_response_ms',
  'last_response_by_region',
  'location_status',
  'pending_status',
  'pending_rounds',
  'pending_since',
  'held_status',
  'folded_through',
  'ssl_expiry',
  'ssl_issuer',
];
