import { DataSource } from 'typeorm';
import { call, signup, startTestApp, TestApp } from '../testing/harness';
import { asAccountId } from '../common/account-id';
import { StatusPageListing } from './page-listing.service';
import { StatusPagesService } from './status-pages.service';

jest.setTimeout(60_000);

describe('status pages API (real PostgreSQL + NATS)', () => {
  let t: TestApp;
  let key: string;
  let otherKey: string;
  let pages: StatusPagesService;
  const mon: Record<string, string> = {};

  const monitor = async (k: string, name: string, extra: Record<string, unknown> = {}) => {
    const res = await call(t.api, k, 'POST', '/monitors', {
      name,
      url: 'http://127.0.0.1:9/health',
      check_interval: 300,
      paused: true,
      ...extra,
    });
    expect({ status: res.status, body: res.status === 201 ? null : res.body }).toEqual({ status: 201, body: null });
    return res.body.data.id as string;
  };

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL: 'https://parallax.example.com' });
    key = (await signup(t.api)).key;
    otherKey = (await signup(t.api)).key;
    pages = t.app.get(StatusPagesService);
    mon.api = await monitor(key, 'API');
    mon.web = await monitor(key, 'Website');
    mon.db = await monitor(key, 'Database');
    mon.secret = await monitor(key, 'Internal admin', { public: false });
    mon.foreign = await monitor(otherKey, 'Not yours');
  });
  afterAll(async () => {
    await t?.close();
  });

  const full = () => ({
    slug: 'acme',
    title: 'Acme status',
    description: 'Everything Acme runs',
    company_name: 'Acme Inc.',
    groups: [
      { slug: 'web', name: 'Web', order: 2, monitor_ids: [mon.web] },
      { slug: 'core', name: 'Core', order: 1, monitor_ids: [mon.api, mon.db] },
    ],
    monitor_ids: [],
    custom_domain: 'Status.Acme.TEST',
    theme: 'dark',
    accent_color: '#1F6FEB',
    show_regions: true,
    show_target_urls: false,
  });

  let pageId: string;

  it('creates a page with ordered groups, in the envelope', async () => {
    const res = await call(t.api, key, 'POST', '/status-pages', full());
    expect(res.status).toBe(201);
    expect(res.body.error).toBeNull();
    const p = res.body.data;
    pageId = p.id;
    expect(p.id).toMatch(/^sp_[a-z0-9]{16}$/);
    expect(p).toMatchObject({
      slug: 'acme',
      title: 'Acme status',
      company_name: 'Acme Inc.',
      groups: [
        { slug: 'core', name: 'Core', order: 0, monitor_ids: [mon.api, mon.db] },
        { slug: 'web', name: 'Web', order: 1, monitor_ids: [mon.web] },
      ],
      monitor_ids: [],
      custom_domain: 'status.acme.test',
      theme: 'dark',
      accent_color: '#1f6feb',
      show_regions: true,
      show_target_urls: false,
      url: 'https://status.acme.test',
    });
    const minimal = await call(t.api, key, 'POST', '/status-pages', { slug: 'acme-min', title: 'Minimal' });
    expect(minimal.status).toBe(201);
    expect(minimal.body.data).toMatchObject({
      groups: [],
      monitor_ids: [],
      theme: 'auto',
      accent_color: null,
      custom_domain: null,
      show_regions: true,
      show_target_urls: false,
      url: 'https://parallax.example.com/s/acme-min',
    });
    const list = await call(t.api, key, 'GET', '/status-pages');
    expect(list.body.meta.total).toBe(2);
    expect(list.body.data.map((x: { slug: string }) => x.slug)).toEqual(['acme', 'acme-min']);
  });

  it('answers 422 naming the field, and writes nothing', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ ...full(), slug: 'Acme Status' }, 'slug', /lowercase/],
      [{ ...full(), slug: '' }, 'slug', /lowercase/],
      [{ ...full(), slug: 'x'.repeat(65) }, 'slug', /1–64/],
      [{ ...full(), title: '   ' }, 'title', /empty/],
      [{ ...full(), title: undefined }, 'title', /string|empty/],
      [{ ...full(), theme: 'neon' }, 'theme', /one of: auto, light, dark/],
      [{ ...full(), accent_color: 'blue' }, 'accent_color', /#1f6feb/],
      [{ ...full(), custom_domain: 'https://status.acme.test/' }, 'custom_domain', /bare hostname/],
      [{ ...full(), custom_domain: 'parallax.example.com' }, 'custom_domain', /own host/],
      [{ ...full(), show_regions: 'yes' }, 'show_regions', /boolean/],
      [{ ...full(), surprise: 1 }, 'surprise', /unknown field/],
      [{ ...full(), groups: [{ slug: 'a', name: 'A', monitor_ids: 'x' }] }, 'groups[0].monitor_ids', /array/],
      [{ ...full(), groups: [{ slug: 'a', name: '', monitor_ids: [] }] }, 'groups[0].name', /empty/],
      [
        {
          ...full(),
          groups: [
            { slug: 'a', name: 'A', monitor_ids: [] },
            { slug: 'a', name: 'B', monitor_ids: [] },
          ],
        },
        'groups[1].slug',
        /used twice/,
      ],
      [{ ...full(), monitor_ids: [mon.api] }, 'monitor_ids[0]', /already listed at groups\[1\]\.monitor_ids\[0\]/],
      [{ ...full(), monitor_ids: [mon.foreign] }, 'monitor_ids[0]', /not found/],
      [{ ...full(), monitor_ids: ['mon_nope'] }, 'monitor_ids[0]', /not found/],
      [{ ...full(), monitor_ids: [mon.secret] }, 'monitor_ids[0]', /private/],
      [{ ...full(), slug: 'nul\u0000' }, 'slug', /NUL/],
      // An array where a group belongs (the fuzz found a 500 here): ValidateNested alone lets it through.
      [{ ...full(), groups: [[]] }, 'groups', /each group must be an object/],
      [{ ...full(), groups: [[[]]] }, 'groups', /each group must be an object/],
    ];
    for (const [payload, field, message] of cases) {
      const res = await call(t.api, key, 'POST', '/status-pages', {
        ...payload,
        slug: payload.slug ?? 'fresh',
        custom_domain: payload.custom_domain ?? null,
      });
      expect({ field, status: res.status }).toEqual({ field, status: 422 });
      const messages = res.body.details
        .filter((d: { field: string }) => d.field === field)
        .map((d: { message: string }) => d.message);
      expect({ field, messages: messages.join(' | ') }).toEqual({ field, messages: expect.stringMatching(message) });
    }
    expect((await call(t.api, key, 'GET', '/status-pages')).body.meta.total).toBe(2);
  });

  it('answers 409 for a taken slug or custom domain, from any account', async () => {
    const slug = await call(t.api, otherKey, 'POST', '/status-pages', { slug: 'acme', title: 'Mine' });
    expect(slug.status).toBe(409);
    // The whole answer: nothing about whose page holds the slug (no id, account, title or email).
    expect(slug.body).toEqual({ data: null, error: 'slug "acme" is already taken', code: 'conflict' });
    const domain = await call(t.api, otherKey, 'POST', '/status-pages', {
      slug: 'other',
      title: 'Mine',
      custom_domain: 'status.acme.test',
    });
    expect(domain.status).toBe(409);
    expect(domain.body.error).toMatch(/custom_domain "status.acme.test" is already used/);
    const rename = await call(t.api, key, 'PATCH', `/status-pages/${pageId}`, { slug: 'acme-min' });
    expect(rename.status).toBe(409);
    const concurrent = await Promise.all(
      [1, 2, 3].map(() => call(t.api, otherKey, 'POST', '/status-pages', { slug: 'race', title: 'Race' })),
    );
    expect(concurrent.map((r) => r.status).sort()).toEqual([201, 409, 409]);
  });

  it('answers 404 for another account’s page on every route', async () => {
    for (const [method, body] of [
      ['GET'],
      ['PATCH', { title: 'x' }],
      ['PUT', { slug: 'taken-over', title: 'x' }],
      ['DELETE'],
    ] as [string, unknown?][]) {
      const res = await call(t.api, otherKey, method, `/status-pages/${pageId}`, body);
      expect({ method, status: res.status }).toEqual({ method, status: 404 });
    }
    expect((await call(t.api, key, 'GET', `/status-pages/${pageId}`)).body.data.title).toBe('Acme status');
  });

  it('PATCH keeps omitted fields and lists; PUT replaces the page', async () => {
    const patched = await call(t.api, key, 'PATCH', `/status-pages/${pageId}`, {
      title: 'Acme',
      company_name: 'Acme Inc.',
    });
    expect(patched.status).toBe(200);
    expect(patched.body.data).toMatchObject({
      title: 'Acme',
      theme: 'dark',
      custom_domain: 'status.acme.test',
      groups: [{ slug: 'core' }, { slug: 'web' }],
    });
    const moved = await call(t.api, key, 'PATCH', `/status-pages/${pageId}`, {
      groups: [{ slug: 'core', name: 'Core', monitor_ids: [mon.api] }],
      monitor_ids: [mon.db, mon.web],
    });
    expect(moved.body.data).toMatchObject({
      groups: [{ slug: 'core', monitor_ids: [mon.api] }],
      monitor_ids: [mon.db, mon.web],
    });
    const put = await call(t.api, key, 'PUT', `/status-pages/${pageId}`, {
      slug: 'acme',
      title: 'Acme again',
      monitor_ids: [mon.api],
    });
    expect(put.status).toBe(200);
    expect(put.body.data).toMatchObject({
      title: 'Acme again',
      theme: 'auto',
      custom_domain: null,
      accent_color: null,
      company_name: '',
      groups: [],
      monitor_ids: [mon.api],
    });
    await call(t.api, key, 'PUT', `/status-pages/${pageId}`, full());
  });

  it('loads a page by slug or custom domain with only its own public monitors, in display order', async () => {
    const view = (await pages.loadBySlug('acme'))!;
    expect(view.page).toMatchObject({
      id: pageId,
      slug: 'acme',
      title: 'Acme status',
      url: 'https://status.acme.test',
      showRegions: true,
    });
    expect(view.groups.map((g) => [g.slug, g.monitors.map((m) => m.name)])).toEqual([
      ['core', ['API', 'Database']],
      ['web', ['Website']],
    ]);
    expect(view.monitors.map((m) => m.name)).toEqual(['API', 'Database', 'Website']);
    expect(view.monitors[0]).toMatchObject({
      status: 'pending',
      flapping: false,
      groupSlug: 'core',
      targetUrl: null,
      regions: ['eu-west', 'us-east', 'ap-south'],
    });
    expect(Object.keys(view.monitors[0]).sort()).toEqual(
      [
        'createdAt',
        'flapping',
        'groupSlug',
        'id',
        'intervalSeconds',
        'lastChecked',
        'lastResponseByRegion',
        'lastResponseMs',
        'lastStatusCode',
        'locationStatus',
        'maintenanceWindows',
        'name',
        'paused',
        'quorum',
        'regions',
        'slug',
        'status',
        'statusChangedAt',
        'targetUrl',
        'type',
      ].sort(),
    );
    expect((await pages.loadByDomain('status.acme.test'))!.page.id).toBe(pageId);
    expect(await pages.loadByDomain('nope.acme.test')).toBeNull();
    expect(await pages.loadBySlug('nope')).toBeNull();
    expect(await pages.slugForDomain('status.acme.test')).toBe('acme');

    // A monitor made private disappears from the page (its row stays, so making it public again brings it back).
    await call(t.api, key, 'PATCH', `/monitors/${mon.db}/public`, { public_status: false });
    expect((await pages.loadBySlug('acme'))!.monitors.map((m) => m.name)).toEqual(['API', 'Website']);
    const ds = t.app.get(DataSource);
    const showing = await ds.transaction((tx) =>
      t.app.get(StatusPageListing).pagesShowing(tx, view.page.accountId, mon.db),
    );
    expect(showing).toEqual([]);
    await call(t.api, key, 'PATCH', `/monitors/${mon.db}/public`, { public_status: true });
    const showingAgain = await ds.transaction((tx) =>
      t.app.get(StatusPageListing).pagesShowing(tx, view.page.accountId, mon.db),
    );
    expect(showingAgain).toEqual([
      {
        id: pageId,
        accountId: view.page.accountId,
        slug: 'acme',
        title: 'Acme status',
        url: 'https://status.acme.test',
      },
    ]);
    expect(await pages.summaryById(asAccountId(view.page.accountId), pageId)).toMatchObject({ slug: 'acme' });

    // target URLs only when the page shows them
    await call(t.api, key, 'PATCH', `/status-pages/${pageId}`, { show_target_urls: true });
    expect((await pages.loadBySlug('acme'))!.monitors[0].targetUrl).toBe('http://127.0.0.1:9/health');
    await call(t.api, key, 'PATCH', `/status-pages/${pageId}`, { show_target_urls: false });
  });

  it('deleting a monitor removes it from its pages; deleting a page answers deleted', async () => {
    expect((await call(t.api, key, 'DELETE', `/monitors/${mon.web}`)).status).toBe(200);
    const p = (await call(t.api, key, 'GET', `/status-pages/${pageId}`)).body.data;
    expect(p.groups).toEqual([
      { slug: 'core', name: 'Core', order: 0, monitor_ids: [mon.api, mon.db] },
      { slug: 'web', name: 'Web', order: 1, monitor_ids: [] },
    ]);
    const del = await call(t.api, key, 'DELETE', `/status-pages/${pageId}`);
    expect(del.body.data).toEqual({ deleted: true, id: pageId });
    expect((await call(t.api, key, 'GET', `/status-pages/${pageId}`)).status).toBe(404);
    expect(await pages.loadBySlug('acme')).toBeNull();
  });
});
