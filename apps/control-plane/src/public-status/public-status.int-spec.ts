import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { resolve } from 'node:path';
import { examplesByPath, jsonBlocks, shapeMismatches } from '../testing/json-shape';
import { FakeProbes, waitFor } from '../testing/fake-probe';
import { call, signup, startTestApp, TestApp } from '../testing/harness';

jest.setTimeout(120_000);

const REFERENCE_DIR = resolve(__dirname, '../../../../../shared/reference');

const SECRETS = {
  pass: 'pw-S3CRET-basic-9f2c',
  bearer: 'tok-S3CRET-bearer-41aa',
  header: 'hdr-S3CRET-value-77de',
  webhook: 'https://hooks.example.com/S3CRET-webhook-path',
  privateUrl: 'http://127.0.0.1:1/private-S3CRET-admin',
  publicUrl: 'http://127.0.0.1:1/public-target-path',
  error: 'upstream said S3CRET-error-detail at 10.1.2.3',
};

/**
 * The public surface of a status page through the real pipeline (fake probes over real
 * NATS/JetStream, real PostgreSQL): the HTML page follows one then two failing regions,
 * StatusCore's JSON keeps its shape, caching headers and 304s, the custom domain, and no
 * answer carries anything private.
 */
describe('public status page (real pipeline)', () => {
  let t: TestApp;
  let key: string;
  let accountId: string;
  let probes: FakeProbes;
  const failing = new Set<string>();
  let site: { id: string; slug: string };
  let api: { id: string; slug: string };
  let hidden: { id: string; slug: string };
  let foreign: { id: string; slug: string };

  beforeAll(async () => {
    t = await startTestApp({
      ROUND_GRACE_SECONDS: '1',
      SCHEDULER_TICK_MS: '100',
      PUBLIC_URL: 'https://parallax.example.com',
      PUBLIC_PAGE_CACHE_MS: '0',
    });
    ({ key, accountId } = await signup(t.api));
    const otherKey = (await signup(t.api)).key;
    probes = new FakeProbes(t.natsPrefix, ['eu-west', 'us-east', 'ap-south']);
    probes.verdict = (region, job) =>
      job.monitor_id === site.id && failing.has(region)
        ? { is_up: false, status_code: 503, response_ms: 40, error: SECRETS.error }
        : { is_up: true, status_code: 200, response_ms: 20 };
    await probes.start();
    const mk = async (k: string, body: Record<string, unknown>) => {
      const res = await call(t.api, k, 'POST', '/monitors', { check_interval: 1, timeout: 2, ...body });
      expect(res.status).toBe(201);
      return res.body.data as { id: string; slug: string };
    };
    // Regional incidents off: how many 1 s rounds eu-west fails alone before a second region does depends on the machine's pace
    // (decisions/regional.int-spec.ts and the page's regional rendering cover them).
    site = await mk(key, {
      name: 'Website',
      url: SECRETS.publicUrl,
      slug: 'website',
      basic_auth_user: 'u',
      basic_auth_pass: SECRETS.pass,
      webhook_url: SECRETS.webhook,
      regional_incident_rounds: 0,
    });
    api = await mk(key, {
      name: 'Public API',
      url: 'http://127.0.0.1:1/api',
      slug: 'public-api',
      bearer_token: SECRETS.bearer,
      custom_headers: [{ key: 'X-Key', value: SECRETS.header }],
    });
    hidden = await mk(key, {
      name: 'Hidden admin',
      url: SECRETS.privateUrl,
      slug: 'hidden-admin',
      public: false,
      bearer_token: SECRETS.bearer,
    });
    foreign = await mk(otherKey, { name: 'Foreign thing', url: 'http://127.0.0.1:1/foreign', slug: 'foreign-thing' });
    const page = await call(t.api, key, 'POST', '/status-pages', {
      slug: 'acme',
      title: 'Acme status',
      company_name: 'Acme Inc.',
      custom_domain: 'status.acme.test',
      groups: [{ slug: 'web', name: 'Web', monitor_ids: [site.id] }],
      monitor_ids: [api.id],
    });
    expect(page.status).toBe(201);
  });
  afterAll(async () => {
    await probes?.stop();
    await t?.close();
  });

  /** node:http, not fetch: fetch may not set Host and adds Cache-Control: no-cache to conditional requests. */
  const fetchPath = (path: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: { get(n: string): string | null }; text(): Promise<string> }>(
      (resolve, reject) => {
        const u = new URL(`${t.baseUrl}${path}`);
        const req = request({ host: u.hostname, port: u.port, path: u.pathname + u.search, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const body = Buffer.concat(chunks).toString('utf8');
            resolve({
              status: res.statusCode ?? 0,
              headers: { get: (n) => (res.headers[n.toLowerCase()] as string | undefined) ?? null },
              text: async () => body,
            });
          });
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end();
      },
    );
  const html = async () => {
    const res = await fetchPath('/s/acme');
    expect(res.status).toBe(200);
    return res.text();
  };
  const banner = (doc: string) => /<p class="banner (\w+)"[^>]*>([^<]*)</.exec(doc)?.slice(1, 3);
  const get = async (id: string) => (await call(t.api, key, 'GET', `/monitors/${id}`)).body.data;
  const answers: { path: string; body: string }[] = [];
  const keep = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetchPath(path, headers);
    const body = await res.text();
    answers.push({ path, body });
    return { res, body };
  };

  it('shows operational, then degraded naming the failing region, then a major outage', async () => {
    await waitFor('both up', async () => (await get(site.id)).status === 'up' && (await get(api.id)).status === 'up');
    let doc = await html();
    expect(banner(doc)).toEqual(['operational', 'All systems operational']);
    expect(doc).toContain('<h2 id="group-0">Web</h2>');
    expect(doc).toContain('<h2 id="ungrouped">Other services</h2>');
    expect((doc.match(/<li class="bar /g) ?? []).length).toBe(180);
    expect(doc).toMatch(/<noscript><meta http-equiv="refresh" content="60"><\/noscript>/);
    expect(doc).toContain('location.reload()');
    expect(doc).toMatch(/<main id="main">/);

    failing.add('eu-west');
    await waitFor('degraded', async () => (await get(site.id)).status === 'degraded');
    doc = await html();
    expect(banner(doc)).toEqual(['degraded', 'Degraded performance']);
    expect(doc).toContain('aria-label="Regions: failing in eu-west"');
    expect(doc).toMatch(/eu-west<span class="region-state"> failing<\/span>/);

    failing.add('us-east');
    await waitFor('down', async () => (await get(site.id)).status === 'down');
    await waitFor(
      'incident open',
      async () =>
        (await call(t.api, key, 'GET', `/incidents?monitor_id=${site.id}&status=open`)).body.data.length === 1,
    );
    doc = await html();
    expect(banner(doc)).toEqual(['partial_outage', 'Partial outage']);
    expect(doc).toContain('Active incidents');
    expect(doc).toContain(
      '<strong>Detected</strong>: <span class="update">Down in eu-west, us-east; ap-south up</span>',
    );
    expect(doc).toContain('Failing in eu-west, us-east (HTTP 5xx server error)');
    answers.push({ path: '/s/acme (outage)', body: doc });
  });

  it("answers StatusCore's public JSON in its shape, with CORS and cache headers", async () => {
    const { res, body } = await keep('/api/public/status/acme');
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cache-control')).toBe('public, max-age=30, stale-while-revalidate=60');
    const doc = JSON.parse(body);
    expect(Object.keys(doc).sort()).toEqual(['company_name', 'incidents', 'maintenance', 'monitors']);
    expect(doc.company_name).toBe('Acme Inc.');
    expect(doc.monitors.map((m: { id: string }) => m.id)).toEqual(['website', 'public-api']);
    for (const m of doc.monitors) {
      expect(Object.keys(m).sort()).toEqual(['history', 'id', 'name', 'status', 'type', 'uptime_percentage']);
      expect(m.uptime_percentage).toMatch(/^\d{1,3}\.\d{2}$/);
      expect(m.history).toHaveLength(90);
    }
    expect(doc.monitors[0]).toMatchObject({ name: 'Website', type: 'http', status: 'down' });
    expect(doc.incidents).toHaveLength(1);
    // The reference's five fields, then the timeline's.
    expect(Object.keys(doc.incidents[0])).toEqual([
      'id',
      'monitor_name',
      'started_at',
      'resolved_at',
      'status',
      'type',
      'title',
      'impact',
      'incident_status',
      'updates',
    ]);
    expect(doc.incidents[0]).toMatchObject({
      monitor_name: 'Website',
      status: 'open',
      resolved_at: null,
      type: 'automatic',
      title: 'Website is down',
      incident_status: 'investigating',
    });
    expect(doc.incidents[0].updates).toEqual([
      {
        id: expect.stringMatching(/^upd_/),
        timestamp: doc.incidents[0].started_at,
        label: 'Detected',
        content: 'Down in eu-west, us-east; ap-south up',
      },
    ]);
    expect((await fetchPath('/api/public/status/nope')).status).toBe(404);
  });

  it("answers Valtrogen's monitors, monitor, hourly, minutes and group endpoints with the reference's envelope", async () => {
    const json = async (path: string, headers: Record<string, string> = {}) => {
      const { res, body } = await keep(path, headers);
      expect({
        path,
        cors: res.headers.get('access-control-allow-origin'),
        methods: res.headers.get('access-control-allow-methods'),
      }).toEqual({ path, cors: '*', methods: 'GET' });
      if (res.status === 200)
        expect(res.headers.get('cache-control')).toBe('public, max-age=30, stale-while-revalidate=60');
      return { status: res.status, doc: JSON.parse(body) };
    };
    const list = await json('/s/acme/api/monitors');
    expect(list.status).toBe(200);
    expect(Object.keys(list.doc).sort()).toEqual(['groups', 'monitors', 'success']);
    expect(list.doc.success).toBe(true);
    expect(list.doc.groups).toEqual([{ id: 'web', name: 'Web', order: 0 }]);
    expect(list.doc.monitors.map((m: { id: string }) => m.id)).toEqual(['website', 'public-api']);
    for (const m of list.doc.monitors) {
      expect(Object.keys(m).sort()).toEqual([
        'dailyUptimes',
        'id',
        'lastChecked',
        'name',
        'overallUptime',
        'responseTime',
        'status',
        'statusCode',
        'type',
      ]);
      expect(m.dailyUptimes).toHaveLength(90);
      expect(typeof m.lastChecked).toBe('number');
      expect(Object.keys(m.dailyUptimes[89]).sort()).toEqual(['date', 'successChecks', 'totalChecks', 'uptime']);
    }
    const website = list.doc.monitors[0];
    expect(website).toMatchObject({ name: 'Website', type: 'http', status: 'down', statusCode: 503 });
    const today = new Date().toISOString().slice(0, 10);
    expect(website.dailyUptimes[89].date).toBe(today);
    expect(website.dailyUptimes[89].totalChecks).toBeGreaterThan(website.dailyUptimes[89].successChecks);

    const detail = await json('/s/acme/api/monitors/website');
    expect(detail.status).toBe(200);
    expect(Object.keys(detail.doc).sort()).toEqual(['group', 'maintenanceLogs', 'monitor', 'success']);
    expect(Object.keys(detail.doc.monitor).sort()).toEqual([
      'history',
      'id',
      'name',
      'outages',
      'overallUptime',
      'status',
      'type',
    ]);
    expect(detail.doc.monitor.history).toHaveLength(90);
    expect(detail.doc.monitor.outages.map((d: { date: string }) => d.date)).toEqual([today]);
    expect(detail.doc.group).toEqual({ id: 'web', name: 'Web' });
    expect((await json('/s/acme/api/monitors/public-api')).doc.group).toBeNull();

    const hourly = await json(`/s/acme/api/monitors?monitorId=website&date=${today}`);
    expect(hourly.status).toBe(200);
    expect(Object.keys(hourly.doc).sort()).toEqual(['hourlyData', 'success']);
    expect(hourly.doc.hourlyData.map((h: { hour: number }) => h.hour)).toEqual(Array.from({ length: 24 }, (_, i) => i));
    const checked = hourly.doc.hourlyData.filter((h: { totalChecks: number }) => h.totalChecks > 0);
    expect(checked.length).toBeGreaterThan(0);

    // The minute records of the hours that have rounds: successes and failures (an error class, never the probe's message).
    const records: { success: boolean; error?: string; statusCode?: number }[] = [];
    for (const h of checked)
      records.push(...(await json(`/s/acme/api/minutes?monitorId=website&date=${today}&hour=${h.hour}`)).doc.records);
    expect(records.length).toBeGreaterThan(0);
    expect(records.length).toBeLessThanOrEqual(60 * checked.length);
    expect(records.filter((r) => !r.success).map((r) => r.error)).toContain('http_5xx');
    for (const r of records)
      expect(Object.keys(r).sort()).toEqual(
        r.success ? ['responseTime', 'statusCode', 'success', 'timestamp'] : ['error', 'success', 'timestamp'],
      );

    const group = await json('/s/acme/api/groups/web');
    expect(group.status).toBe(200);
    expect(Object.keys(group.doc).sort()).toEqual(['group', 'maintenanceLogs', 'monitors', 'stats', 'success']);
    expect(group.doc.group).toEqual({ id: 'web', name: 'Web', order: 0 });
    expect(group.doc.monitors.map((m: { id: string }) => m.id)).toEqual(['website']);
    expect(group.doc.stats).toEqual({ total: 1, up: 0, degraded: 0, down: 1 });

    // Hostile input: a path that does not decode is a 4xx, never a 5xx.
    for (const path of [
      '/s/acme/api/monitors/%E0%A4%A',
      '/s/acme/api/groups/%ZZ',
      '/s/acme/api/minutes?monitorId=%ZZ&date=x&hour=1',
    ]) {
      const r = await fetchPath(path);
      await r.text();
      expect({ path, status: r.status >= 400 && r.status < 500 }).toEqual({ path, status: true });
    }

    // On the custom domain, at /api/...
    const onDomain = await json('/api/monitors/website', { host: 'status.acme.test' });
    expect(onDomain.doc.monitor.id).toBe('website');
    expect((await json('/api/groups/web', { host: 'status.acme.test' })).doc.stats.total).toBe(1);

    // 400s and 404s in the envelope: private, foreign and unknown monitors are not found.
    for (const [path, status] of [
      ['/s/acme/api/monitors/hidden-admin', 404],
      ['/s/acme/api/monitors/foreign-thing', 404],
      ['/s/acme/api/monitors/nope', 404],
      ['/s/acme/api/monitors/..%2Fx', 400],
      ['/s/nope/api/monitors', 404],
      ['/s/acme/api/monitors?monitorId=hidden-admin&date=' + today, 404],
      ['/s/acme/api/monitors?monitorId=website&date=2025-02-30', 400],
      ['/s/acme/api/monitors?monitorId=website', 400],
      ['/s/acme/api/minutes?monitorId=website&date=' + today, 400],
      ['/s/acme/api/minutes?monitorId=website&date=' + today + '&hour=24', 400],
      ['/s/acme/api/minutes?monitorId=foreign-thing&date=' + today + '&hour=1', 404],
      ['/s/acme/api/groups/nope', 404],
      ['/s/acme/api/groups/a%20b', 400],
    ] as const) {
      const r = await json(path);
      expect({ path, status: r.status, success: r.doc.success, error: typeof r.doc.error }).toEqual({
        path,
        status,
        success: false,
        error: 'string',
      });
    }
  });

  it('answers 304 to a matching If-None-Match, and 404 pages for unknown slugs', async () => {
    // A page whose only monitor is paused: its JSON does not change between two requests.
    const still = (
      await call(t.api, key, 'POST', '/monitors', {
        name: 'Still',
        url: 'http://127.0.0.1:1/still',
        check_interval: 60,
        paused: true,
      })
    ).body.data;
    expect(
      (await call(t.api, key, 'POST', '/status-pages', { slug: 'frozen', title: 'Frozen', monitor_ids: [still.id] }))
        .status,
    ).toBe(201);
    const first = await fetchPath('/api/public/status/frozen');
    const etag = first.headers.get('etag');
    expect(JSON.parse(await first.text()).monitors[0]).toMatchObject({ id: still.slug, status: 'paused' });
    expect(etag).toBeTruthy();
    const again = await fetchPath('/api/public/status/frozen', { 'if-none-match': etag! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const stale = await fetchPath('/api/public/status/frozen', { 'if-none-match': '"something-else"' });
    expect(stale.status).toBe(200);
    for (const path of ['/s/frozen/api/monitors', `/s/frozen/api/monitors/${still.slug}`]) {
      const v = await fetchPath(path);
      const tag = v.headers.get('etag');
      expect({ path, status: v.status, tag: !!tag }).toEqual({ path, status: 200, tag: true });
      expect(JSON.parse(await v.text()).monitors?.[0]?.status ?? 'paused').toBe('paused');
      const cached = await fetchPath(path, { 'if-none-match': tag! });
      expect({ path, status: cached.status }).toEqual({ path, status: 304 });
      await cached.text();
    }
    const page = await fetchPath('/s/acme');
    expect(page.headers.get('cache-control')).toBe('public, max-age=30, stale-while-revalidate=60');
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const missing = await fetchPath('/s/nope');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Status page not found');
  });

  it('serves the page at / and its JSON on its custom domain', async () => {
    const { res, body } = await keep('/', { host: 'status.acme.test' });
    expect(res.status).toBe(200);
    expect(body).toContain('<h1>Acme status</h1>');
    const other = await fetchPath('/', { host: 'unknown.acme.test' });
    expect(other.status).toBe(404);
    await other.text();
  });

  it('shows the target URL only with show_target_urls', async () => {
    expect(await html()).not.toContain(SECRETS.publicUrl);
    const page = (await call(t.api, key, 'GET', '/status-pages')).body.data[0];
    await call(t.api, key, 'PATCH', `/status-pages/${page.id}`, { show_target_urls: true });
    expect(await html()).toContain(SECRETS.publicUrl);
    const shown = JSON.parse(await (await fetchPath('/s/acme/api/monitors')).text());
    expect(shown.monitors[0].url).toBe(SECRETS.publicUrl);
    expect(JSON.parse(await (await fetchPath('/s/acme/api/monitors/website')).text()).monitor.url).toBe(
      SECRETS.publicUrl,
    );
    await call(t.api, key, 'PATCH', `/status-pages/${page.id}`, { show_target_urls: false });
    expect(JSON.parse(await (await fetchPath('/s/acme/api/monitors')).text()).monitors[0]).not.toHaveProperty('url');
  });

  it('leaks nothing private in any public answer', async () => {
    // A maintenance affecting a public and a private monitor: its public answers name only the public one, by slug.
    const soon = Date.now() + 3_600_000;
    const mnt = await call(t.api, key, 'POST', '/maintenance', {
      title: 'Planned work',
      monitor_ids: [site.id, hidden.id],
      starts_at: new Date(soon).toISOString(),
      ends_at: new Date(soon + 60_000).toISOString(),
    });
    expect(mnt.status).toBe(201);
    for (const path of [
      '/s/acme',
      '/s/acme/',
      '/api/public/status/acme',
      '/s/nope',
      '/api/public/status/nope',
      '/s/acme/api/maintenance',
      `/s/acme/api/maintenance/${mnt.body.data.id}`,
    ])
      await keep(path);
    const today = new Date().toISOString().slice(0, 10);
    const hour = new Date().getUTCHours();
    for (const path of [
      '/s/acme/api/monitors',
      '/s/acme/api/monitors/website',
      '/s/acme/api/monitors/public-api',
      '/s/acme/api/monitors/hidden-admin',
      '/s/acme/api/monitors/foreign-thing',
      `/s/acme/api/monitors?monitorId=website&date=${today}`,
      `/s/acme/api/monitors?monitorId=hidden-admin&date=${today}`,
      `/s/acme/api/minutes?monitorId=website&date=${today}&hour=${hour}`,
      `/s/acme/api/minutes?monitorId=hidden-admin&date=${today}&hour=${hour}`,
      '/s/acme/api/groups/web',
      // Badges and feeds of the page and its monitors.
      '/s/acme/api/badge',
      '/s/acme/api/badge?type=uptime',
      '/s/acme/api/badge?type=response-time',
      '/s/acme/api/badge?monitorId=website&type=uptime',
      '/s/acme/api/badge?monitorId=hidden-admin',
      '/s/acme/api/feed',
      '/s/acme/api/feed?format=rss',
      `/badge/${site.id}.svg`,
      `/badge/${site.id}/status.svg`,
      `/badge/${site.id}/response.svg`,
      `/badge/${site.id}/shields.json?type=status`,
      `/badge/${hidden.id}.svg`,
      `/badge/${foreign.id}/status.svg`,
    ])
      await keep(path);
    await keep('/api/feed', { host: 'status.acme.test' });
    await keep('/api/badge', { host: 'status.acme.test' });
    const detail = JSON.parse((await keep('/api/monitors/website', { host: 'status.acme.test' })).body);
    expect(
      detail.maintenanceLogs.map((l: { id: string; affectedMonitors: string[] }) => [l.id, l.affectedMonitors]),
    ).toEqual([[mnt.body.data.id, [site.slug]]]);
    await keep('/api/groups/web', { host: 'status.acme.test' });
    const onDomain = await keep('/api/maintenance', { host: 'status.acme.test' });
    expect(
      JSON.parse(onDomain.body).logs.map((l: { id: string; affectedMonitors: string[] }) => [l.id, l.affectedMonitors]),
    ).toEqual([[mnt.body.data.id, [site.slug]]]);
    const forbidden = [
      ...Object.values(SECRETS),
      'S3CRET',
      hidden.id,
      hidden.slug,
      'Hidden admin',
      foreign.id,
      foreign.slug,
      'Foreign thing',
      site.id,
      api.id,
      accountId,
      'fake-eu-west',
      'fake-us-east',
      'probe_id',
      '10.1.2.3',
      'X-Key',
      'basic_auth',
      'bearer',
    ];
    expect(answers.length).toBeGreaterThanOrEqual(35);
    for (const a of answers) {
      for (const f of forbidden)
        expect({ path: a.path, leaked: a.body.includes(f) ? f : null }).toEqual({ path: a.path, leaked: null });
    }
    failing.clear();
  });
  it("matches the shape of every JSON example of Valtrogen's public API and StatusCore's public status", async () => {
    // After the privacy test: the website recovered (its incident resolves), a maintenance affects it.
    await waitFor(
      'incident resolved',
      async () =>
        (await call(t.api, key, 'GET', `/incidents?monitor_id=${site.id}`)).body.data?.[0]?.status === 'resolved',
      60_000,
    );
    const valtrogen = examplesByPath(readFileSync(resolve(REFERENCE_DIR, 'valtrogen-public-status-api.txt'), 'utf8'));
    expect([...valtrogen.keys()]).toEqual([
      '/api/maintenance',
      '/api/maintenance/:id',
      '/api/monitors',
      '/api/monitors/:monitorId',
      '/api/monitors?monitorId=:id&date=:date',
      '/api/groups/:groupId',
      '/api/minutes',
    ]);
    const logs = JSON.parse(await fetchPath('/s/acme/api/maintenance').then((r) => r.text())).logs as { id: string }[];
    expect(logs.length).toBeGreaterThan(0);
    const today = new Date().toISOString().slice(0, 10);
    const hourly = JSON.parse(await (await fetchPath(`/s/acme/api/monitors?monitorId=website&date=${today}`)).text())
      .hourlyData as { hour: number; totalChecks: number }[];
    const hour = [...hourly].reverse().find((h) => h.totalChecks > 0)!.hour;
    const paths: Record<string, string> = {
      '/api/maintenance': '/s/acme/api/maintenance',
      '/api/maintenance/:id': `/s/acme/api/maintenance/${logs[0].id}`,
      '/api/monitors': '/s/acme/api/monitors',
      '/api/monitors/:monitorId': '/s/acme/api/monitors/website',
      '/api/monitors?monitorId=:id&date=:date': `/s/acme/api/monitors?monitorId=website&date=${today}`,
      '/api/groups/:groupId': '/s/acme/api/groups/web',
      '/api/minutes': `/s/acme/api/minutes?monitorId=website&date=${today}&hour=${hour}`,
    };
    // The reference elides some arrays (`[ ... ]`): they hold what the same document shows elsewhere.
    const logExample = (valtrogen.get('/api/maintenance') as { logs: unknown[] }).logs[0];
    const dayExample = (valtrogen.get('/api/monitors') as { monitors: { dailyUptimes: unknown[] }[] }).monitors[0]
      .dailyUptimes[0];
    const elements = { maintenanceLogs: logExample, 'monitors[].history': dayExample };
    const mismatches: Record<string, string[]> = {};
    for (const [refPath, example] of valtrogen) {
      const res = await fetchPath(paths[refPath]);
      expect({ path: paths[refPath], status: res.status }).toEqual({ path: paths[refPath], status: 200 });
      mismatches[refPath] = shapeMismatches(example, JSON.parse(await res.text()), {
        elements,
        maps: ['monitorDetails'],
      });
    }

    // StatusCore: the public status example (its ids are numbers; ours are the monitor's slug and the incident's id).
    const statuscore = readFileSync(resolve(REFERENCE_DIR, 'statuscore-api.txt'), 'utf8');
    const [scExample] = jsonBlocks(statuscore.slice(statuscore.indexOf('GET /api/public/status/:slug')));
    const sc = JSON.parse(await (await fetchPath('/api/public/status/acme')).text());
    // Its history is elided: ours holds 90 days, uptime_percentage null on a day without checks.
    const historyEntry = { date: '2024-01-14', uptime_percentage: '99.95', checks: 1440, failures: 1 };
    mismatches['statuscore /api/public/status/:slug'] = shapeMismatches(scExample, sc, {
      allowed: {
        'monitors[].id': 'string',
        'incidents[].id': 'string',
        'monitors[].history[].uptime_percentage': ['string', 'null'],
      },
      elements: { 'monitors[].history': historyEntry },
    });
    expect(mismatches).toEqual(Object.fromEntries(Object.keys(mismatches).map((k) => [k, []])));
    expect(sc.incidents.some((i: { resolved_at: unknown }) => typeof i.resolved_at === 'string')).toBe(true);
  });
});
