import { seededRandom } from '@parallax/testing';
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

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  nullable?: boolean;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
};
type Parameter = { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema?: Schema };
type Operation = { operationId?: string; parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> }; security?: unknown[] };
type Doc = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

const prng = seededRandom;

const SEED = Number(process.env.FUZZ_SEED ?? 13);
const CASES_PER_OPERATION = Number(process.env.FUZZ_CASES_PER_OPERATION ?? 40);

/** Hostile strings, as JSON source text so that lone surrogates and raw literals survive. */
const HOSTILE_STRING_SOURCES = [
  '""',
  '"a\\u0000b"',
  '"\\ud800"',
  '"x\\udfffy"',
  `"${'x'.repeat(100_000)}"`,
  '"\' OR 1=1 --"',
  '"Robert\'); DROP TABLE monitors;--"',
  '"%00%27%22"',
  '"\\u202e\\u0301\\ufeff\\u200b"',
  '"😀🏳️‍🌈 日本語"',
  '"../../../etc/passwd"',
  '"<script>alert(1)</script>"',
  '"${jndi:ldap://x}"',
  '"\\r\\nSet-Cookie: a=b"',
  '" "',
];
const HOSTILE_NUMBER_SOURCES = ['1e400', '-1e400', '-1', '0', '0.5', '-0.000001', '9007199254740993', '99999999999999999999999999', '2147483648', '-2147483649', '1e-400', 'NaN', '"1"', '"Infinity"'];
const WRONG_TYPE_SOURCES = ['null', 'true', 'false', '[]', '{}', '[null]', '[[[]]]', '{"a":1}', '"str"', '0', '{"__proto__":{"admin":true}}'];
const ODD_QUERY_VALUES = ['', '-1', '0', '1e400', '0.5', '99999999999999999999', 'NaN', 'Infinity', '%00', '%ED%A0%80', '%E0%A4', "'%20OR%201=1", 'x'.repeat(4000), 'true', '[]', '0000-01-01', '-infinity', '294277-01-01T00:00:00Z', '4714-11-24T00:00:00Z%20BC', '10000-01-01', '2026-02-30', '1970-01-01T00:00:00.000Z', 'null', '%F0%9F%98%80'];
const GARBAGE_IDS = ['%00', 'a%00b', '%ED%A0%80', '%', '-1', '0', '1e400', "x'%20OR%201=1", '..%2F..%2Fetc', 'x'.repeat(300), '%F0%9F%98%80', 'null', 'undefined', '__proto__', 'constructor', '00000000-0000-0000-0000-000000000000', 'mon_' + 'z'.repeat(22)];
const WRONG_CONTENT_TYPES = ['text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', 'application/octet-stream', 'application/json-patch+json'];

interface Case {
  label: string;
  path: string;
  query?: string;
  body?: string;
  contentType?: string;
  auth?: boolean;
}

describe('fuzz: every operation of the served OpenAPI document', () => {
  let t: TestApp;
  let key: string;
  let db: Client;
  let doc: Doc;
  const seeds: Record<string, string> = {};
  const figures = { operations: 0, requests: 0, fiveHundreds: 0, envelopeViolations: 0, writesRejected: 0, writesChangedAfterRejection: 0, byStatus: {} as Record<string, number> };
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
    t = await startTestApp({ LOG_LEVEL: 'debug', SMTP_URL: `smtp://fuzzuser:${secrets.smtp_password}@127.0.0.1:1` }, undefined, logStream as never);
    ({ key } = await signup(t.api));
    secrets.signup_api_key = key;
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    doc = (await (await fetch(`${t.baseUrl}/api/docs-json`)).json()) as Doc;
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
    const jsonApi = await call(t.api, key, 'POST', '/monitors', { name: 'fuzz json', monitor_type: 'json_api', url: 'http://127.0.0.1:1/api', auth_header: secrets.auth_header });
    seeds.jsonApi = jsonApi.body.data?.id;
    // Paused, so that the scheduler writes none of the seeds while the digests are compared.
    await call(t.api, key, 'PATCH', `/monitors/${seeds.jsonApi}/toggle`, {});
    seeds.monitor = monitor.body.data?.id;
    await call(t.api, key, 'PATCH', `/monitors/${seeds.monitor}/toggle`, {});
    const heartbeat = await call(t.api, key, 'POST', '/monitors', { name: 'fuzz heartbeat', monitor_type: 'heartbeat' });
    seeds.heartbeat = heartbeat.body.data?.id;
    const token = await call(t.api, key, 'POST', `/monitors/${seeds.heartbeat}/ping-token`);
    secrets.ping_token = new URL(token.body.data.ping_url).searchParams.get('token') as string;
    await call(t.api, key, 'PATCH', `/monitors/${seeds.heartbeat}/toggle`, {});
    const webhook = await call(t.api, key, 'POST', '/webhooks', { url: 'http://127.0.0.1:1/hook', events: ['monitor.down'] });
    seeds.webhook = webhook.body.data?.id;
    secrets.webhook_secret = webhook.body.data?.secret;
    const page = await call(t.api, key, 'POST', '/status-pages', { name: 'fuzz page', slug: `fuzz-${Date.now()}`, monitor_ids: [seeds.monitor] });
    seeds.statusPage = page.body.data?.id;
    seeds.slug = page.body.data?.slug;
    const incident = await call(t.api, key, 'POST', '/incidents', { title: 'fuzz incident', monitor_id: seeds.monitor, status: 'investigating', message: 'x' });
    seeds.incident = incident.body.data?.id;
    const subscriber = await call(t.api, key, 'POST', `/status-pages/${seeds.statusPage}/subscribers`, { email: 'fuzz@example.com' });
    seeds.subscriber = subscriber.body.data?.id;
    const apiKey = await call(t.api, key, 'POST', '/api-keys', { name: 'fuzz key' });
    seeds.apiKey = apiKey.body.data?.id;
    secrets.created_api_key = apiKey.body.data?.key;
    for (const [name, value] of Object.entries(secrets)) if (typeof value !== 'string' || value.length < 8) throw new Error(`seed secret ${name} missing: ${value}`);
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
    // The figures the closing note of issue 13 asks for.
    console.log(`fuzz figures (seed ${SEED}): ${JSON.stringify(figures)}`);
  });

  function resolve(schema: Schema | undefined, depth = 0): Schema {
    if (!schema || depth > 8) return {};
    if (schema.$ref) return resolve(doc.components.schemas[schema.$ref.split('/').pop() as string], depth + 1);
    const parts = schema.allOf ?? schema.oneOf ?? schema.anyOf;
    if (parts?.length) {
      const merged: Schema = { type: 'object', properties: {}, required: [] };
      for (const p of parts.map((s) => resolve(s, depth + 1))) {
        Object.assign(merged.properties as object, p.properties ?? {});
        merged.required!.push(...(p.required ?? []));
        if (p.type && p.type !== 'object') return p;
      }
      return merged;
    }
    return schema;
  }

  /** A plausible value from the schema (example, default, enum, format), so mutations reach past "required". */
  function plausible(schema: Schema | undefined, depth = 0): unknown {
    const s = resolve(schema);
    if (s.example !== undefined && (s.type !== 'object' || typeof s.example === 'object')) return s.example;
    if (s.default !== undefined) return s.default;
    if (s.enum?.length) return s.enum[0];
    switch (s.type) {
      case 'string':
        if (s.format === 'date-time') return '2026-01-01T00:00:00.000Z';
        if (s.format === 'email') return 'fuzz@example.com';
        if (s.format === 'uri' || s.format === 'url') return 'http://127.0.0.1:1/';
        return 'fuzz';
      case 'number':
      case 'integer':
        return s.minimum ?? 1;
      case 'boolean':
        return false;
      case 'array':
        return depth > 3 ? [] : [plausible(s.items, depth + 1)];
      case 'object':
      default: {
        if (!s.properties || depth > 3) return {};
        const out: Record<string, unknown> = {};
        for (const [name, prop] of Object.entries(s.properties)) out[name] = plausible(prop, depth + 1);
        return out;
      }
    }
  }

  function realId(path: string, name: string): string {
    if (name === 'slug') return seeds.slug;
    if (name === 'subscriberId') return seeds.subscriber;
    if (name === 'deliveryId') return 'dlv_missing';
    if (path.startsWith('/api/ping')) return seeds.heartbeat;
    if (path.startsWith('/api/v1/webhooks')) return seeds.webhook;
    if (path.startsWith('/api/v1/status-pages')) return seeds.statusPage;
    if (path.startsWith('/api/v1/incidents')) return seeds.incident;
    if (path.startsWith('/api/v1/api-keys')) return seeds.apiKey;
    return seeds.monitor;
  }

  function fillPath(template: string, params: Parameter[], garbage?: string): string {
    return template.replace(/\{(\w+)\}/g, (_m, name: string) => {
      if (garbage !== undefined) return garbage;
      if (name === 'kind') return params.find((p) => p.name === 'kind')?.schema?.enum?.[0]?.toString() ?? 'start';
      return encodeURIComponent(realId(template, name) ?? 'missing');
    });
  }

  /** Every case for one operation; the PRNG picks CASES_PER_OPERATION of them, always keeping the structural ones. */
  function casesFor(path: string, method: string, op: Operation, rand: () => number): Case[] {
    const params = op.parameters ?? [];
    const query = params.filter((p) => p.in === 'query');
    const hasPathParams = params.some((p) => p.in === 'path');
    const base = fillPath(path, params);
    const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
    const must: Case[] = [];
    const optional: Case[] = [];
    if (hasPathParams) for (const g of GARBAGE_IDS) optional.push({ label: `garbage id ${g.slice(0, 20)}`, path: fillPath(path, params, g) });
    for (const q of query) {
      for (const v of ODD_QUERY_VALUES) optional.push({ label: `query ${q.name}=${v.slice(0, 20)}`, path: base, query: `${q.name}=${v}` });
      optional.push({ label: `query ${q.name} repeated`, path: base, query: `${q.name}=1&${q.name}=x&${q.name}=%00` });
      optional.push({ label: `query ${q.name}[] array`, path: base, query: `${q.name}[]=1&${q.name}[a]=2` });
      optional.push({ label: `query ${q.name}[__proto__]`, path: base, query: `${q.name}[__proto__][x]=1` });
    }
    optional.push({ label: 'unknown query key', path: base, query: `__proto__[x]=1&constructor[prototype][y]=2&zz${'q'.repeat(500)}=1` });
    must.push({ label: 'no credentials', path: base, auth: false });
    const body = op.requestBody;
    if (body || ['post', 'put', 'patch'].includes(method)) {
      const schema = resolve(body?.content['application/json']?.schema);
      const valid = plausible(schema) as Record<string, unknown>;
      const props = Object.keys(schema.properties ?? {});
      const withProp = (name: string, source: string) => {
        const rest = JSON.stringify({ ...valid, [name]: undefined }).slice(1, -1);
        return `{${rest}${rest ? ',' : ''}${JSON.stringify(name)}:${source}}`;
      };
      must.push({ label: 'malformed JSON', path: base, body: '{"name":' });
      must.push({ label: 'truncated JSON with trailing garbage', path: base, body: '{"a":1}}garbage' });
      must.push({ label: 'JSON null body', path: base, body: 'null' });
      must.push({ label: 'JSON array body', path: base, body: '[1,2,3]' });
      must.push({ label: 'JSON string body', path: base, body: '"x"' });
      must.push({ label: 'JSON number body', path: base, body: '1e400' });
      must.push({ label: 'empty body with JSON type', path: base, body: '' });
      must.push({ label: 'deep nesting (40)', path: base, body: '{"a":'.repeat(40) + '1' + '}'.repeat(40) });
      must.push({ label: 'deep array nesting (5000)', path: base, body: '['.repeat(5000) + ']'.repeat(5000) });
      must.push({ label: '2 MB body', path: base, body: JSON.stringify({ ...valid, name: 'x'.repeat(2 * 1024 * 1024) }) });
      must.push({ label: '__proto__ at the top', path: base, body: `{"__proto__":{"isAdmin":true,"account_id":"acc_x"},${JSON.stringify(valid).slice(1)}` });
      must.push({ label: 'constructor.prototype', path: base, body: JSON.stringify({ ...valid, constructor: { prototype: { polluted: 1 } } }) });
      must.push({ label: 'unknown field', path: base, body: JSON.stringify({ ...valid, zz_unknown_field: 1 }) });
      must.push({ label: 'all properties null', path: base, body: JSON.stringify(Object.fromEntries(props.map((p) => [p, null]))) });
      for (const ct of WRONG_CONTENT_TYPES) optional.push({ label: `content-type ${ct}`, path: base, body: JSON.stringify(valid), contentType: ct });
      optional.push({ label: 'no content-type', path: base, body: JSON.stringify(valid), contentType: '' });
      for (const name of props) {
        const prop = resolve(schema.properties![name]);
        for (const src of WRONG_TYPE_SOURCES) optional.push({ label: `${name}=${src.slice(0, 20)}`, path: base, body: withProp(name, src) });
        for (const src of HOSTILE_NUMBER_SOURCES) optional.push({ label: `${name}=${src.slice(0, 20)}`, path: base, body: withProp(name, src) });
        for (const src of HOSTILE_STRING_SOURCES) optional.push({ label: `${name}=${src.slice(0, 20)}`, path: base, body: withProp(name, src) });
        optional.push({ label: `${name} deep`, path: base, body: withProp(name, '{"a":'.repeat(30) + '1' + '}'.repeat(30)) });
        optional.push({ label: `${name} huge array`, path: base, body: withProp(name, `[${Array.from({ length: 5000 }, () => (prop.items ? JSON.stringify(plausible(prop.items)) : '1')).join(',')}]`) });
        if (prop.type === 'array' && prop.items) {
          optional.push({ label: `${name} items hostile`, path: base, body: withProp(name, `[${pick(HOSTILE_STRING_SOURCES)},${pick(WRONG_TYPE_SOURCES)},${pick(HOSTILE_NUMBER_SOURCES)}]`) });
        }
        const item = resolve(prop.items);
        for (const [inner, innerSchema] of Object.entries({ ...(prop.properties ?? {}), ...(item.properties ?? {}) })) {
          const wrap = (src: string) => (prop.type === 'array' ? `[{${JSON.stringify(inner)}:${src}}]` : `{${JSON.stringify(inner)}:${src}}`);
          void innerSchema;
          optional.push({ label: `${name}.${inner} wrong`, path: base, body: withProp(name, wrap(pick([...WRONG_TYPE_SOURCES, ...HOSTILE_STRING_SOURCES, ...HOSTILE_NUMBER_SOURCES]))) });
        }
      }
    }
    // Shuffle with the seeded PRNG, keep the structural cases and a bounded sample of the rest.
    for (let i = optional.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [optional[i], optional[j]] = [optional[j], optional[i]];
    }
    return [...must, ...optional.slice(0, Math.max(0, CASES_PER_OPERATION - must.length))];
  }

  /** A digest of every application table: a rejected write must leave it unchanged. */
  async function snapshot(): Promise<Record<string, string>> {
    const tables = (
      await db.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND NOT (table_name LIKE ANY($1)) ORDER BY table_name`,
        [VOLATILE_TABLES],
      )
    ).rows.map((r) => r.table_name);
    const row = (name: string) => (ID_ONLY_TABLES.includes(name) ? `(x.id)::text` : `(to_jsonb(x) - '{${VOLATILE_COLUMNS.join(',')}}'::text[])::text`);
    const sql = tables.map((name) => `SELECT '${name}' AS t, md5(coalesce(string_agg(${row(name)}, ',' ORDER BY ${row(name)}), '')) AS h FROM "${name}" x`).join(' UNION ALL ');
    const rows = (await db.query<{ t: string; h: string }>(sql)).rows;
    return Object.fromEntries(rows.map((r) => [r.t, r.h]));
  }

  async function send(method: string, c: Case): Promise<{ status: number; json: any; text: string; contentType: string }> {
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
    const operations: Array<[string, string, Operation]> = [];
    for (const [path, item] of Object.entries(doc.paths)) for (const [method, op] of Object.entries(item)) operations.push([path, method, op]);
    // Deletes last, so that the seeds serve every other operation first.
    operations.sort((a, b) => Number(a[1] === 'delete') - Number(b[1] === 'delete'));
    expect(operations.length).toBeGreaterThan(50);
    for (const [path, method, op] of operations) {
      figures.operations++;
      const write = method !== 'get' && method !== 'head';
      for (const c of casesFor(path, method, op, rand)) {
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
          const valtrogen = path.startsWith('/s/{slug}/api/') && r.json?.success === false && typeof r.json?.error === 'string';
          const html = r.contentType.startsWith('text/html') || r.contentType.startsWith('image/svg+xml') || shields || valtrogen;
          const enveloped = r.json && typeof r.json.code === 'string' && typeof r.json.error === 'string' && r.json.data === null;
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
    expect(read.body.data).toMatchObject({ alert_slack_webhook: '********', alert_discord_webhook: '********', webhook_url: '********', basic_auth_pass: '********', bearer_token: '********' });
    const back = await call(t.api, key, 'PATCH', `/monitors/${seeds.monitor}`, { alert_slack_webhook: '********', webhook_url: '********', alert_discord_webhook: '********', name: 'fuzz seed renamed' });
    expect(back.status).toBe(200);
    const row = (await db.query('SELECT alert_slack_webhook, alert_discord_webhook, webhook_url FROM monitors WHERE id = $1', [seeds.monitor])).rows[0];
    expect(row).toEqual({ alert_slack_webhook: secrets.slack_webhook, alert_discord_webhook: secrets.discord_webhook, webhook_url: secrets.webhook_url });
    expect(JSON.stringify((await call(t.api, key, 'GET', '/monitors')).body)).not.toContain('secret-');
  });

  it('the logs of the whole run hold none of the secrets it created, also after failing requests that carry them', async () => {
    // Each secret in a rejected body, a malformed body, a query string and a 404's query; the ping with its token.
    for (const value of Object.values(secrets)) {
      const q = encodeURIComponent(value);
      await send('post', { label: 'leak body', path: '/api/v1/monitors', body: JSON.stringify({ name: 'leak', url: 'ftp://x', bearer_token: value, surprise: value }) });
      await send('post', { label: 'leak malformed', path: '/api/v1/api-keys', body: `{"name":"${value}",` });
      await send('get', { label: 'leak query', path: '/api/v1/monitors', query: `group=${q}&token=${q}&limit=${q}` });
      await send('get', { label: 'leak 404', path: `/api/v1/nothing`, query: `secret=${q}` });
      await send('post', { label: 'leak login', path: '/api/v1/auth/login', body: JSON.stringify({ email: 'nobody@example.com', password: value }), auth: false });
    }
    await send('get', { label: 'ping', path: `/api/ping/${seeds.heartbeat}`, query: `token=${encodeURIComponent(secrets.ping_token)}`, auth: false });
    await send('get', { label: 'ping wrong', path: `/api/ping/${seeds.heartbeat}`, query: `token=${encodeURIComponent(secrets.ping_token)}x`, auth: false });
    const all = logs.join('');
    expect(all.length).toBeGreaterThan(10_000);
    expect(all).toContain('/api/v1/monitors'); // the request log is there (the grep below is not vacuous)
    const leaked = Object.entries(secrets).filter(([, value]) => all.includes(value) || all.includes(encodeURIComponent(value)) || all.includes(JSON.stringify(value).slice(1, -1)));
    expect(leaked.map(([name]) => name)).toEqual([]);
  });
});

/**
 * Tables written only by background work, not by a request: the scheduler's rounds (and their
 * partitions) and the dispatcher's delivery attempts (the seed subscriber's confirmation mail, the
 * webhook's test deliveries go on being retried against a closed port while the suite runs).
 */
// rate_limit_counters: a refused request still counts against its caller's budget, by design.
const VOLATILE_TABLES = ['migrations', 'typeorm_metadata', 'rounds%', 'notification_attempts', 'rate_limit_counters'];
/** The dispatcher updates the status of existing deliveries; a request could only add or remove one. */
const ID_ONLY_TABLES = ['notification_deliveries'];
/** Columns bookkeeping touches on any authenticated request (the API key's last use). */
// Written by background work, not by the request: a monitor a fuzzed toggle resumed is scheduled
// and decided while the suite runs (the scheduler cursor and the decisions' read model).
const VOLATILE_COLUMNS = [
  'last_used_at', 'updated_at', 'next_due_at', 'next_round', 'status', 'status_changed_at', 'checks_total', 'checks_failed',
  'last_round_at', 'last_checked', 'last_status_code', 'last_response_ms', 'last_response_by_region', 'location_status',
  'pending_status', 'pending_rounds', 'pending_since', 'held_status', 'rollups_folded_through', 'ssl_expiry', 'ssl_issuer',
];
