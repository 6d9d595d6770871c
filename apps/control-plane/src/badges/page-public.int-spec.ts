import type { Element } from '@xmldom/xmldom';
import { request } from 'undici';
import { FakeProbes } from '../testing/fake-probe';
import { call, signup, startTestApp, TestApp, waitFor } from '../testing/harness';
import { child, children, parseXml, text } from '../testing/xml';

jest.setTimeout(120_000);

/**
 * Valtrogen's `/api/badge` and `/api/feed` of a real status page (PostgreSQL, NATS, fake
 * probes deciding real rounds): every style and type, the page's overall status, a monitor
 * by slug, 404 for a monitor not on the page or private, hostile parameters, the custom
 * domain (`Host`), and the feed of the incidents a real outage opened and resolved, parsed
 * as Atom and RSS.
 */
describe('status page badge and feed (Valtrogen)', () => {
  let t: TestApp;
  let key: string;
  let probes: FakeProbes;
  const down = new Set<string>();
  let api: { id: string; slug: string };
  let web: { id: string; slug: string };
  let hidden: { id: string; slug: string };
  let pageUrl: string;

  beforeAll(async () => {
    t = await startTestApp({
      ROUND_GRACE_SECONDS: '1',
      SCHEDULER_TICK_MS: '100',
      PUBLIC_URL: 'https://parallax.test',
      PUBLIC_PAGE_CACHE_MS: '0',
    });
    key = (await signup(t.api)).key;
    probes = new FakeProbes(t.natsPrefix, ['eu-west', 'us-east', 'ap-south']);
    probes.verdict = (_region, job) =>
      down.has(job.monitor_id)
        ? { is_up: false, status_code: 503, response_ms: 30, error: 'HTTP 503' }
        : { is_up: true, status_code: 200, response_ms: 120 };
    await probes.start();
    const create = async (name: string, pub: boolean) => {
      const res = await call(t.api, key, 'POST', '/monitors', {
        name,
        url: 'http://127.0.0.1:1/',
        check_interval: 1,
        timeout: 2,
        public: pub,
      });
      expect(res.status).toBe(201);
      return res.body.data as { id: string; slug: string };
    };
    api = await create('Checkout API', true);
    web = await create('Website', true);
    hidden = await create('Internal', false);
    const page = await call(t.api, key, 'POST', '/status-pages', {
      slug: 'acme',
      title: 'Acme Status',
      company_name: 'Acme Inc.',
      custom_domain: 'status.acme.test',
      groups: [{ slug: 'core', name: 'Core', monitor_ids: [api.id, web.id] }],
    });
    expect(page.status).toBe(201);
    pageUrl = page.body.data.url;
    for (const m of [api, web])
      await waitFor(
        `${m.slug} up`,
        async () => (await call(t.api, key, 'GET', `/monitors/${m.id}`)).body.data.checks_total >= 2,
        30_000,
      );
  });
  afterAll(async () => {
    await probes?.stop();
    await t?.close();
  });

  const get = async (path: string, host?: string) => {
    const res = await request(`${t.baseUrl}${path}`, { headers: host ? { host } : {} });
    return { status: res.statusCode, headers: res.headers, body: await res.body.text() };
  };
  const svgText = (svg: string) => parseXml(svg, 'image/svg+xml').documentElement!.textContent ?? '';

  it('renders every style and type as SVG, with the 5-minute cache', async () => {
    for (const style of ['flat', 'flat-square', 'plastic', 'for-the-badge']) {
      for (const type of ['status', 'uptime', 'response-time']) {
        const res = await get(`/s/acme/api/badge?style=${style}&type=${type}`);
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
        expect(res.headers['cache-control']).toBe('public, max-age=300, stale-while-revalidate=60');
        const shown = svgText(res.body);
        const upper = style === 'for-the-badge';
        const expected = { status: 'operational', uptime: '100%', 'response-time': '120ms' }[type]!;
        expect(shown).toContain(upper ? expected.toUpperCase() : expected);
      }
    }
  });

  it('names a monitor by slug, applies label and colours, hides the dot, and answers 404 for a monitor not on the page', async () => {
    const one = await get(
      `/s/acme/api/badge?monitorId=${api.slug}&type=uptime&label=checkout&labelColor=24292e&color=0f62fe&logo=false`,
    );
    expect(one.status).toBe(200);
    expect(svgText(one.body)).toContain('checkout');
    expect(one.body).toContain('#24292e');
    expect(one.body).toContain('#0f62fe');
    expect(one.body).not.toContain('<image');
    expect((await get('/s/acme/api/badge')).body).toContain('<image');
    for (const id of [hidden.slug, 'nope', hidden.id, api.id]) {
      const res = await get(`/s/acme/api/badge?monitorId=${encodeURIComponent(id)}`);
      expect(res.status).toBe(404);
      expect(svgText(res.body)).toContain('not found');
      expect(res.body).not.toContain('Internal');
    }
    expect((await get('/s/nowhere/api/badge')).status).toBe(404);
  });

  it('refuses hostile parameters with a 400 badge that parses', async () => {
    for (const q of [
      'color=%22%3E%3Cscript%3Ealert(1)%3C/script%3E',
      "labelColor=555'%20onload='x",
      'style=social',
      'type=%00',
      'label=a&label=b',
    ]) {
      const res = await get(`/s/acme/api/badge?${q}`);
      expect(res.status).toBe(400);
      expect(res.body).not.toContain('<script');
      expect(svgText(res.body)).toContain('invalid');
    }
    const label = await get('/s/acme/api/badge?label=%3Cscript%3Ealert(1)%3C%2Fscript%3E%00%22');
    expect(label.status).toBe(200);
    expect(svgText(label.body)).toContain('<script>alert(1)</script> "');
    expect(label.body).not.toContain('<script>');
  });

  it('serves the same badge and feed at /api/… on the custom domain', async () => {
    const res = await get('/api/badge?type=status', 'status.acme.test');
    expect(res.status).toBe(200);
    expect(svgText(res.body)).toContain('operational');
    expect((await get('/api/badge', 'other.example')).status).toBe(404);
    const feed = await get('/api/feed', 'STATUS.ACME.TEST');
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
  });

  it('shows an outage in the overall status and the feed, Atom and RSS', async () => {
    down.add(api.id);
    await waitFor(
      'incident opened',
      async () => (await call(t.api, key, 'GET', `/incidents?monitor_id=${api.id}`)).body.data?.length >= 1,
      30_000,
    );
    expect(svgText((await get('/s/acme/api/badge')).body)).toContain('partial outage');
    expect(svgText((await get(`/s/acme/api/badge?monitorId=${api.slug}`)).body)).toContain('down');
    down.delete(api.id);
    await waitFor(
      'incident resolved',
      async () => (await call(t.api, key, 'GET', `/incidents?monitor_id=${api.id}`)).body.data[0].status === 'resolved',
      30_000,
    );
    const incident = (await call(t.api, key, 'GET', `/incidents?monitor_id=${api.id}`)).body.data[0];

    const atom = await get('/s/acme/api/feed');
    expect(atom.status).toBe(200);
    expect(atom.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(atom.headers['cache-control']).toBe('public, max-age=30, stale-while-revalidate=60');
    const feed = parseXml(atom.body).documentElement as unknown as Element;
    expect(text(child(feed, 'id'))).toBe(`${pageUrl}/api/feed`);
    expect(text(child(feed, 'title'))).toBe('Acme Status — Incidents & Maintenance');
    expect(text(child(child(feed, 'author'), 'name'))).toBe('Acme Inc.');
    const [entry] = children(feed, 'entry');
    expect(text(child(entry, 'id'))).toBe(`${pageUrl}/incidents/${incident.id}`);
    expect(text(child(entry, 'title'))).toBe('Checkout API is down');
    expect(text(child(entry, 'summary'))).toMatch(
      /^Status: Resolved — Affected services: 1 — Recovered after \d+ s: the monitor is up again$/,
    );
    expect(child(entry, 'category').getAttribute('term')).toBe('resolved');
    expect(text(child(entry, 'updated'))).toBe(new Date(incident.resolved_at).toISOString());
    expect(atom.body).not.toContain(hidden.id);

    const rss = await get('/s/acme/api/feed?format=rss');
    expect(rss.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    const channel = child(parseXml(rss.body).documentElement as unknown as Element, 'channel');
    const [item] = children(channel, 'item');
    expect(text(child(item, 'guid'))).toBe(`${pageUrl}/incidents/${incident.id}`);
    expect(text(child(item, 'category'))).toBe('Resolved');

    // the ETag revalidates
    const again = await request(`${t.baseUrl}/s/acme/api/feed`, {
      headers: { 'if-none-match': String(atom.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
    await again.body.dump();

    expect((await get('/s/acme/api/feed?format=json')).status).toBe(400);
    expect(JSON.parse((await get('/s/nowhere/api/feed')).body)).toEqual({
      success: false,
      data: null,
      error: 'status page not found',
      code: 'not_found',
    });
  });
});

/**
 * The per-replica answer cache of a page's public routes (PUBLIC_PAGE_CACHE_MS on): an answer
 * is reused within the TTL, parameters a route does not read (a cache-buster) share it, and
 * parameters it reads do not.
 */
describe('public answers reused per replica', () => {
  let t: TestApp;
  let key: string;
  let monitorId: string;

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_PAGE_CACHE_MS: '60000' });
    key = (await signup(t.api)).key;
    const m = await call(t.api, key, 'POST', '/monitors', {
      name: 'Cached API',
      url: 'http://127.0.0.1:1/',
      slug: 'cached-api',
      paused: true,
    });
    monitorId = m.body.data.id;
    const page = await call(t.api, key, 'POST', '/status-pages', {
      slug: 'cached',
      title: 'Before',
      groups: [{ slug: 'core', name: 'Core', monitor_ids: [monitorId] }],
    });
    expect(page.status).toBe(201);
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = async (path: string) => {
    const res = await request(`${t.baseUrl}${path}`);
    return { status: res.statusCode, etag: res.headers.etag, body: await res.body.text() };
  };

  it('answers Valtrogen routes, the page badge and the feed from the cache within the TTL, whatever parameters they do not read', async () => {
    const paths = [
      '/s/cached/api/monitors',
      '/s/cached/api/groups/core',
      '/s/cached/api/maintenance',
      '/s/cached/api/badge',
      '/s/cached/api/feed',
      '/s/cached',
    ];
    const first = await Promise.all(paths.map(get));
    for (const [i, r] of first.entries())
      expect({ path: paths[i], status: r.status }).toEqual({ path: paths[i], status: 200 });
    expect(first[4].body).toContain('<title>Before');
    // A change is not seen before the TTL ends (60 s here): the replica reuses what it rendered.
    expect(
      (
        await call(
          t.api,
          key,
          'PATCH',
          `/status-pages/${(await call(t.api, key, 'GET', '/status-pages')).body.data[0].id}`,
          { title: 'After' },
        )
      ).status,
    ).toBe(200);
    await call(t.api, key, 'PATCH', `/monitors/${monitorId}`, { name: 'Renamed API' });
    const again = await Promise.all(paths.map((p) => get(`${p}${p.includes('?') ? '&' : '?'}_=${Date.now()}`)));
    for (const [i, r] of again.entries())
      expect({ path: paths[i], body: r.body, etag: r.etag }).toEqual({
        path: paths[i],
        body: first[i].body,
        etag: first[i].etag,
      });
    // A parameter the route reads is another answer, rendered now.
    const monitor = JSON.parse((await get('/s/cached/api/monitors/cached-api')).body);
    expect(monitor.monitor.name).toBe('Renamed API');
    expect((await get('/s/cached/api/feed?format=rss')).body).toContain('<title>After');
    expect((await get('/s/cached/api/maintenance?limit=1')).status).toBe(200);
    expect((await get('/s/cached/api/maintenance?limit=0')).status).toBe(400);
  });
});
