import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { Client } from 'pg';
import { fuzzCases, seededRandom, waitFor, WebhookReceiver, type FuzzCase, type FuzzDoc } from '@parallax/testing';
import { LocalSystem } from '../support/system';

// About 40 s on an idle 2-core box; the budget is for a box that runs other suites meanwhile (no timing is asserted).
jest.setTimeout(480_000);

/** Fuzz cases per operation against the process (the in-process suite runs 40 with table digests). */
const CASES_PER_OPERATION = 6;
/** Fuzz requests in flight at once (cases of one operation; deletes still come last). */
const FUZZ_CONCURRENCY = 4;

/**
 * Issue 13 item 5: "a test greps the logs of a whole fuzz run and a whole integration run for
 * every secret it created". The built control plane and three probes run as child processes at
 * LOG_LEVEL=debug; every byte they write to stdout and stderr is kept. The run creates every
 * kind of secret (API keys, a JWT, ping tokens, webhook and subscriber secrets, basic-auth
 * password, bearer token, json_api auth header, sensitive custom headers, the SMTP URL's
 * password, Slack/Discord/webhook URLs), makes things fail (bad logins up to the lockout, 200
 * random API keys up to 429, a 500 from the edge provoked by a trigger whose error message and
 * detail echo the secret, deliveries to endpoints answering 500 and to a closed SMTP port,
 * checks that fail, redirects to another origin) and sends the fuzz cases of the served OpenAPI
 * document to the process. Then the logs of every process are grepped for every secret.
 */
describe('the logs of a whole run of real processes hold none of its secrets', () => {
  const receiver = new WebhookReceiver();
  /** Origin A: the monitors' targets (a failing page, redirects to origin B). */
  let a: Server;
  /** Origin B: where the redirects land; records what each request carried. */
  let b: Server;
  const landed: { path: string; headers: IncomingHttpHeaders }[] = [];
  let originA = '';
  let originB = '';
  let pg: Client;
  let doc: FuzzDoc;
  const seeds: Record<string, string> = {};
  const s = (name: string) =>
    `${name}-${Math.random().toString(36).slice(2, 10)}${Math.random().toString(36).slice(2, 10)}`;
  /** Every secret the run creates or sends; filled as they are made. */
  const secrets: Record<string, string> = {
    smtp_password: s('smtp-pass'),
    signup_password: s('signup-pass'),
    basic_auth_pass: s('basic-pass'),
    bearer_token: s('bearer-tok'),
    auth_header: `Bearer ${s('json-api-tok')}`,
    sensitive_header: s('sensitive-hdr'),
    cookie_header: s('cookie-val'),
    slack_webhook_secret: s('slack-secret'),
    discord_webhook_secret: s('discord-secret'),
    own_webhook_secret: s('own-hook-secret'),
    trigger_secret: s('trigger-echo'),
    wrong_password: s('wrong-pass'),
  };
  const figures = {
    fuzzOperations: 0,
    fuzzRequests: 0,
    fuzz5xx: 0,
    badLogins: 0,
    randomKeys: 0,
    randomKeys429: 0,
    deliveriesFailed: 0,
    logBytes: 0,
  };
  const sys = new LocalSystem({
    keepAllOutput: true,
    controlPlaneEnv: {
      LOG_LEVEL: 'debug',
      SMTP_URL: `smtp://leakuser:${secrets.smtp_password}@127.0.0.1:1`,
      SMTP_FROM: 'parallax@example.com',
      TRUST_PROXY: '1',
      RATE_LIMIT_PER_MINUTE: '100000',
      AUTH_FAILURES_PER_MINUTE: '10',
      LOGIN_LOCKOUT_AFTER: '3',
      NOTIFY_POLL_MS: '50',
      NOTIFY_TIMEOUT_MS: '2000',
      NOTIFY_RETRY_SCHEDULE: '100ms,200ms',
      PLAN_FREE_MAX_MONITORS: '100',
    },
    probeEnv: { LOG_LEVEL: 'debug' },
  });

  const request = async (
    method: string,
    path: string,
    opts: { key?: string | null; jwt?: string; body?: string; contentType?: string; ip?: string } = {},
  ) => {
    const headers: Record<string, string> = {};
    if (opts.key !== null) headers['x-api-key'] = opts.key ?? sys.key;
    if (opts.jwt) headers.authorization = `Bearer ${opts.jwt}`;
    if (opts.body !== undefined && opts.contentType !== '')
      headers['content-type'] = opts.contentType ?? 'application/json';
    if (opts.ip) headers['x-forwarded-for'] = opts.ip;
    const base = sys.api.replace(/\/api\/v1$/, '');
    const res = await fetch(`${base}${path}`, {
      method: method.toUpperCase(),
      headers,
      body: opts.body,
      redirect: 'manual',
    });
    const text = await res.text();
    let json: any = null;
    try {
      json = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, json, text };
  };

  beforeAll(async () => {
    await receiver.start();
    for (const p of ['/slack', '/discord', '/hook', '/acct-hook', '/sub-hook']) receiver.answer(p, () => 500);
    a = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      req.resume();
      if (path === '/down') {
        res.writeHead(500, { 'content-type': 'text/plain' }).end('broken on purpose');
      } else if (path === '/redirect') {
        res.writeHead(307, { location: `${originB}/landing` }).end();
      } else if (path === '/api') {
        res.writeHead(302, { location: `${originB}/json` }).end();
      } else {
        res.writeHead(404).end();
      }
    });
    b = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      landed.push({ path, headers: req.headers });
      req.resume();
      res
        .writeHead(200, { 'content-type': path === '/json' ? 'application/json' : 'text/plain' })
        .end(path === '/json' ? '{"ok":true}' : 'landed');
    });
    await new Promise<void>((r) => a.listen(0, '127.0.0.1', r));
    await new Promise<void>((r) => b.listen(0, '127.0.0.1', r));
    originA = `http://127.0.0.1:${(a.address() as { port: number }).port}`;
    originB = `http://127.0.0.1:${(b.address() as { port: number }).port}`;
    await sys.start();
    pg = new Client({ connectionString: sys.databaseUrl });
    await pg.connect();
  });
  afterAll(async () => {
    await pg?.end();
    await sys.stop();
    await receiver.stop();
    for (const srv of [a, b]) {
      srv?.closeAllConnections();
      await new Promise((r) => srv?.close(r));
    }
    process.stderr.write(`log-leak run figures: ${JSON.stringify(figures)}\n`);
  });

  it('creates every kind of secret, makes things fail, fuzzes the process, and no log line holds a secret', async () => {
    // Accounts: a signup with our own password, a login (a JWT), a second API key; LocalSystem's
    // own signup used the harness password, which is a secret of this run too.
    secrets.harness_password = 'correct horse battery';
    secrets.harness_api_key = sys.key;
    const email = `leaks-${Date.now()}@example.com`;
    const signup = await request('POST', '/api/v1/auth/signup', {
      key: null,
      body: JSON.stringify({ email, password: secrets.signup_password, name: 'Leak Test' }),
    });
    expect([signup.status, signup.json.error, signup.json.details]).toEqual([201, null, undefined]);
    secrets.signup_api_key = signup.json.data.api_key.key;
    const login = await request('POST', '/api/v1/auth/login', {
      key: null,
      body: JSON.stringify({ email, password: secrets.signup_password }),
    });
    expect([login.status, login.json.error, login.json.details]).toEqual([200, null, undefined]);
    secrets.jwt = login.json.data.token;
    expect((await request('GET', '/api/v1/auth/me', { key: null, jwt: secrets.jwt })).status).toBe(200);
    const key2 = await sys.call('POST', '/api-keys', { name: 'second key' });
    expect([key2.status, key2.body.error, key2.body.details]).toEqual([201, null, undefined]);
    secrets.second_api_key = key2.body.data.key;
    seeds.apiKey = key2.body.data.id;

    // Monitors carrying every kind of monitor credential. One fails (500) and alerts Slack,
    // Discord, its own webhook and email, which all fail in turn.
    const down = await sys.call('POST', '/monitors', {
      name: 'leaky down',
      url: `${originA}/down`,
      check_interval: 1,
      timeout: 2,
      basic_auth_user: 'leak-user',
      basic_auth_pass: secrets.basic_auth_pass,
      alert_email: 'ops@example.com',
      alert_slack_webhook: receiver.url(`/slack?path=services/T0/B0/${secrets.slack_webhook_secret}`),
      alert_discord_webhook: receiver.url(`/discord?path=api/webhooks/1/${secrets.discord_webhook_secret}`),
      webhook_url: receiver.url(`/hook?sig=${secrets.own_webhook_secret}`),
    });
    expect([down.status, down.body.error, down.body.details]).toEqual([201, null, undefined]);
    seeds.monitor = down.body.data.id;
    const redirect = await sys.call('POST', '/monitors', {
      name: 'leaky redirect',
      url: `${originA}/redirect`,
      http_method: 'POST',
      request_body: '{"x":1}',
      request_content_type: 'application/json',
      check_interval: 1,
      timeout: 2,
      bearer_token: secrets.bearer_token,
      forward_headers_on_redirect: true,
      custom_headers: [
        { key: 'X-Trace', value: 'trace-forwarded' },
        { key: 'X-Api-Key', value: secrets.sensitive_header, sensitive: true },
        { key: 'Cookie', value: `session=${secrets.cookie_header}` },
      ],
    });
    expect([redirect.status, redirect.body.error, redirect.body.details]).toEqual([201, null, undefined]);
    const jsonApi = await sys.call('POST', '/monitors', {
      monitor_type: 'json_api',
      name: 'leaky json',
      url: `${originA}/api`,
      auth_header: secrets.auth_header,
      check_interval: 1,
      timeout: 2,
    });
    expect([jsonApi.status, jsonApi.body.error, jsonApi.body.details]).toEqual([201, null, undefined]);
    const heartbeat = await sys.call('POST', '/monitors', {
      monitor_type: 'heartbeat',
      name: 'leaky heartbeat',
      heartbeat_interval: 60,
    });
    expect([heartbeat.status, heartbeat.body.error, heartbeat.body.details]).toEqual([201, null, undefined]);
    seeds.heartbeat = heartbeat.body.data.id;
    const token = await sys.call('POST', `/monitors/${seeds.heartbeat}/ping-token`);
    expect([token.status, token.body.error, token.body.details]).toEqual([200, null, undefined]);
    secrets.ping_token = new URL(token.body.data.ping_url).searchParams.get('token')!;

    // An account webhook, a status page with a webhook subscriber, an incident: their secrets too.
    const hook = await sys.call('POST', '/webhooks', { url: receiver.url('/acct-hook'), events: ['*'] });
    expect([hook.status, hook.body.error, hook.body.details]).toEqual([201, null, undefined]);
    seeds.webhook = hook.body.data.id;
    secrets.webhook_secret = hook.body.data.secret;
    const page = await sys.call('POST', '/status-pages', {
      title: 'leak page',
      slug: `leak-${Date.now()}`,
      monitor_ids: [seeds.monitor],
    });
    expect([page.status, page.body.error, page.body.details]).toEqual([201, null, undefined]);
    seeds.statusPage = page.body.data.id;
    seeds.slug = page.body.data.slug;
    const sub = await sys.call('POST', `/status-pages/${seeds.statusPage}/subscribers`, {
      type: 'webhook',
      url: receiver.url('/sub-hook'),
    });
    expect([sub.status, sub.body.error, sub.body.details]).toEqual([201, null, undefined]);
    seeds.subscriber = sub.body.data.id;
    secrets.subscriber_secret = sub.body.data.secret;
    const incident = await sys.call('POST', '/incidents', {
      title: 'leak incident',
      monitor_id: seeds.monitor,
      status: 'investigating',
      description: 'x',
    });
    expect([incident.status, incident.body.error, incident.body.details]).toEqual([201, null, undefined]);
    seeds.incident = incident.body.data.id;
    expect((await sys.call('POST', `/webhooks/${seeds.webhook}/test`)).status).toBeLessThan(300);
    for (const [name, value] of Object.entries(secrets))
      if (typeof value !== 'string' || value.length < 8) throw new Error(`secret ${name} missing: ${value}`);

    // Pings: a good token, a wrong one, a /fail with the token in the query.
    expect(
      (
        await request('GET', `/api/ping/${seeds.heartbeat}?token=${encodeURIComponent(secrets.ping_token)}`, {
          key: null,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await request('GET', `/api/ping/${seeds.heartbeat}?token=${encodeURIComponent(secrets.ping_token)}x`, {
          key: null,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await request('POST', `/api/ping/${seeds.heartbeat}/fail?token=${encodeURIComponent(secrets.ping_token)}`, {
          key: null,
          body: 'job output',
          contentType: 'text/plain',
        })
      ).status,
    ).toBeLessThan(300);

    // Bad logins up to the lockout (the right password is refused then too).
    for (let i = 0; i < 5; i++) {
      const r = await request('POST', '/api/v1/auth/login', {
        key: null,
        body: JSON.stringify({ email, password: secrets.wrong_password }),
        ip: '198.51.100.7',
      });
      expect([401, 429]).toContain(r.status);
      figures.badLogins++;
    }
    expect(
      (
        await request('POST', '/api/v1/auth/login', {
          key: null,
          body: JSON.stringify({ email, password: secrets.signup_password }),
          ip: '198.51.100.7',
        })
      ).status,
    ).toBe(429);

    // 200 random API keys from one client behind the proxy: 401 until its failure budget is spent, then 429.
    const randomKeys: string[] = [];
    for (let i = 0; i < 200; i++) {
      const k = `px_${s('rand').replace(/-/g, '')}${i}`;
      randomKeys.push(k);
      const r = await request('GET', '/api/v1/monitors', { key: k, ip: '203.0.113.9' });
      expect([401, 429]).toContain(r.status);
      figures.randomKeys++;
      if (r.status === 429) figures.randomKeys429++;
    }
    expect(figures.randomKeys429).toBeGreaterThanOrEqual(190);

    // A 500 from the edge: a trigger refuses one insert with an error whose message and detail echo
    // the secrets the statement carried (as PostgreSQL echoes values), and the statement's bound
    // parameters hold them too. The answer is a 500 with an error id; the log line must hold none.
    await pg.query(`CREATE FUNCTION leak_boom() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.name = 'explode' THEN
          RAISE EXCEPTION 'boom % %', NEW.bearer_token, NEW.basic_auth_pass USING DETAIL = 'Key (bearer_token)=(' || NEW.bearer_token || ') is echoed', HINT = NEW.basic_auth_pass;
        END IF;
        RETURN NEW;
      END $$`);
    await pg.query(`CREATE TRIGGER leak_boom BEFORE INSERT ON monitors FOR EACH ROW EXECUTE FUNCTION leak_boom()`);
    const boom = await request('POST', `/api/v1/monitors?token=${encodeURIComponent(secrets.trigger_secret)}`, {
      body: JSON.stringify({
        name: 'explode',
        url: `${originA}/down`,
        bearer_token: secrets.trigger_secret,
        basic_auth_user: 'u',
        basic_auth_pass: secrets.basic_auth_pass,
      }),
    });
    expect([boom.status, boom.json?.code, typeof boom.json?.error_id]).toEqual([500, 'internal', 'string']);
    expect(boom.text).not.toContain(secrets.trigger_secret);
    await pg.query(`DROP TRIGGER leak_boom ON monitors`);

    // Checks ran: the failing monitor is down and its deliveries failed for good (Slack, Discord,
    // own webhook, email to a closed SMTP port, the page subscriber); the redirect landed on origin B.
    await waitFor(
      'the failing monitor down',
      async () => (await sys.monitor(seeds.monitor)).status === 'down',
      120_000,
      250,
    );
    await waitFor(
      'deliveries failed for good',
      async () => {
        const rows = (await pg.query(`SELECT channel FROM notification_deliveries WHERE status = 'failed'`)).rows.map(
          (r) => r.channel as string,
        );
        figures.deliveriesFailed = rows.length;
        return ['slack', 'discord', 'monitor_webhook', 'email', 'webhook'].every((c) => rows.includes(c));
      },
      120_000,
      250,
    );
    await waitFor(
      'both redirects landed on origin B',
      () => landed.some((l) => l.path === '/landing') && landed.some((l) => l.path === '/json'),
      120_000,
      250,
    );
    // Item 5 end to end: the unmarked header followed the redirect, the credentials did not.
    const atB = landed.find((l) => l.path === '/landing')!;
    expect(atB.headers['x-trace']).toBe('trace-forwarded');
    for (const name of ['authorization', 'cookie', 'x-api-key']) expect(atB.headers[name]).toBeUndefined();
    expect(landed.find((l) => l.path === '/json')!.headers.authorization).toBeUndefined();

    // The fuzz cases of the served document, against the process.
    doc = (await (await fetch(`${sys.api.replace(/\/api\/v1$/, '')}/api/docs-json`)).json()) as FuzzDoc;
    const { casesFor } = fuzzCases(doc, seeds);
    const rand = seededRandom(13);
    const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => [path, method, op] as const),
    );
    operations.sort((x, y) => Number(x[1] === 'delete') - Number(y[1] === 'delete'));
    const fiveHundreds: string[] = [];
    for (const [path, method, op] of operations) {
      figures.fuzzOperations++;
      const cases = casesFor(path, method, op, rand, CASES_PER_OPERATION) as FuzzCase[];
      for (let i = 0; i < cases.length; i += FUZZ_CONCURRENCY) {
        await Promise.all(
          cases.slice(i, i + FUZZ_CONCURRENCY).map(async (c) => {
            const r = await request(method, `${c.path}${c.query ? `?${c.query}` : ''}`, {
              key: c.auth === false ? null : sys.key,
              body: c.body,
              contentType: c.contentType,
            });
            figures.fuzzRequests++;
            if (r.status >= 500) fiveHundreds.push(`${method.toUpperCase()} ${path} [${c.label}] → ${r.status}`);
          }),
        );
      }
    }
    figures.fuzz5xx = fiveHundreds.length;
    expect(fiveHundreds).toEqual([]);
    // Every secret once more in a rejected body, a malformed body, a query string and a 404's query.
    for (const value of Object.values(secrets)) {
      const q = encodeURIComponent(value);
      await request('POST', '/api/v1/monitors', {
        body: JSON.stringify({ name: 'leak', url: 'ftp://x', bearer_token: value, surprise: value }),
      });
      await request('POST', '/api/v1/api-keys', { body: `{"name":"${value}",` });
      await request('GET', `/api/v1/monitors?group=${q}&token=${q}&limit=${q}`);
      await request('GET', `/api/v1/nothing?secret=${q}`, { key: null });
    }

    // Stop every process (their shutdown logs count too), then grep everything they wrote.
    await Promise.all([...sys.probes, ...sys.cps].map((p) => p?.stop()));
    const outputs = sys.allProcs.map((p) => ({ name: p.name, text: p.allOutput() }));
    const all = outputs.map((o) => o.text).join('\n');
    figures.logBytes = all.length;
    // Not vacuous: the request log, the 500's error id, a failed delivery and every probe are in it.
    expect(all).toContain('/api/v1/monitors');
    expect(all).toContain(boom.json.error_id);
    expect(all).toContain('delivery failed for good');
    for (const o of outputs)
      expect({ name: o.name, bytes: o.text.length > 100 }).toEqual({ name: o.name, bytes: true });
    const forms = (v: string) => [
      v,
      encodeURIComponent(v),
      JSON.stringify(v).slice(1, -1),
      Buffer.from(v).toString('base64'),
    ];
    secrets.basic_auth_header = Buffer.from(`leak-user:${secrets.basic_auth_pass}`).toString('base64');
    const leaked = Object.entries(secrets).flatMap(([name, v]) =>
      outputs.filter((o) => forms(v).some((f) => o.text.includes(f))).map((o) => `${name} in ${o.name}`),
    );
    const randomLeaked = randomKeys.filter((k) => all.includes(k));
    expect({ leaked, randomKeysLeaked: randomLeaked.length }).toEqual({ leaked: [], randomKeysLeaked: 0 });
  });
});
