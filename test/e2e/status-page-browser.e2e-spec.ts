import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_PATH, waitFor } from '@parallax/testing';
import { Browser, chromium, Page } from 'playwright-core';
import { LocalSystem } from '../support/system';
import { RegionalTarget } from '../support/target';

jest.setTimeout(300_000);

const CHROMIUM = CHROMIUM_PATH;
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);

/**
 * The status page in a real browser (Debian chromium through playwright-core) against
 * the real system: the built control plane, three probe processes and a local target
 * whose answer depends on the region. The banner follows the quorum, the region dots say
 * which region fails, 90 bars render, a maintenance window shows its banner, a scheduled
 * maintenance shows its banner and timeline once the sweep starts it, axe-core
 * finds no serious or critical violation, and screenshots are saved in test-artifacts/.
 */
describe('status page in a browser', () => {
  const target = new RegionalTarget();
  const sys = new LocalSystem({ controlPlaneEnv: { PUBLIC_PAGE_CACHE_MS: '0' } });
  let browser: Browser;
  let pageUrl: string;
  let monitorId: string;
  let other: string;
  let pageId: string;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await target.start();
    await sys.start();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
    const m = await sys.call('POST', '/monitors', {
      name: 'Checkout API',
      url: target.url,
      check_interval: 1,
      timeout: 2,
    });
    expect(m.status).toBe(201);
    monitorId = m.body.data.id;
    // Checked from ap-south only, which never fails here: joins the page for the screenshots.
    other = (
      await sys.call('POST', '/monitors', {
        name: 'Website',
        url: target.url,
        check_interval: 5,
        timeout: 2,
        regions: ['ap-south'],
      })
    ).body.data.id;
    const page = await sys.call('POST', '/status-pages', {
      slug: 'browser-test',
      title: 'Acme status',
      company_name: 'Acme Inc.',
      description: 'Live status of the Acme services, checked from three regions.',
      groups: [{ slug: 'core', name: 'Core services', monitor_ids: [monitorId] }],
    });
    expect(page.status).toBe(201);
    pageId = page.body.data.id;
    pageUrl = `${sys.api.replace(/\/api\/v1$/, '')}/s/browser-test`;
  });

  afterAll(async () => {
    await browser?.close();
    await sys.stop();
    await target.stop();
  });

  const open = async (opts: { width?: number; dark?: boolean } = {}): Promise<Page> => {
    const ctx = await browser.newContext({
      viewport: { width: opts.width ?? 1280, height: 900 },
      colorScheme: opts.dark ? 'dark' : 'light',
      bypassCSP: true,
    });
    const p = await ctx.newPage();
    const res = await p.goto(pageUrl);
    expect(res?.status()).toBe(200);
    return p;
  };
  const bannerOf = async (p: Page) => (await p.locator('#overall').textContent())?.trim();
  const status = async () => (await sys.monitor(monitorId)).status;

  it('follows the quorum: operational, degraded with the failing region named, major outage', async () => {
    await waitFor('up', async () => (await status()) === 'up', 30_000);
    let p = await open();
    expect(await bannerOf(p)).toBe('All systems operational');
    expect(await p.locator('ol.bars').first().locator('li').count()).toBe(90);
    expect(await p.locator('main h2').first().textContent()).toBe('Core services');
    await p.context().close();

    target.failing.add('eu-west');
    await waitFor('degraded', async () => (await status()) === 'degraded', 20_000);
    p = await open();
    expect(await bannerOf(p)).toBe('Degraded performance');
    const regions = p.locator('ul.regions').first();
    expect(await regions.getAttribute('aria-label')).toBe('Regions: failing in eu-west');
    expect((await regions.locator('li', { hasText: 'eu-west' }).textContent())?.trim()).toMatch(/eu-west\s*failing/);
    expect((await regions.locator('li', { hasText: 'us-east' }).textContent())?.trim()).toMatch(/us-east\s*up/);
    await p.context().close();

    target.failing.add('us-east');
    await waitFor('down', async () => (await status()) === 'down', 20_000);
    await waitFor('incident', async () => (await sys.incidents(monitorId)).length === 1, 20_000);
    p = await open();
    expect(await bannerOf(p)).toBe('Major outage');
    expect(await p.locator('ul.regions').first().getAttribute('aria-label')).toMatch(
      /^Regions: failing in (eu-west, us-east|us-east, eu-west)$/,
    );
    expect(await p.locator('#active').textContent()).toBe('Active incidents');
    await p.context().close();

    // A second, healthy monitor on the page: one of two down is a partial outage.
    expect((await sys.call('PATCH', `/status-pages/${pageId}`, { monitor_ids: [other] })).status).toBe(200);
    await waitFor('website up', async () => (await sys.monitor(other)).status === 'up', 30_000);
    p = await open();
    expect(await bannerOf(p)).toBe('Partial outage');
    await p.context().close();
  });

  it('shows the maintenance banner while a maintenance window is on', async () => {
    const now = Date.now();
    const windows = [{ day: 'daily', start_utc: hhmm(now - 5 * 60_000), end_utc: hhmm(now + 60 * 60_000) }];
    expect((await sys.call('PATCH', `/monitors/${monitorId}`, { maintenance_windows: windows })).status).toBe(200);
    const p = await open();
    expect(await bannerOf(p)).toBe('Under maintenance');
    expect(await p.locator('.monitor .state.maint').first().textContent()).toMatch(/Under maintenance/);
    await p.context().close();
    await sys.call('PATCH', `/monitors/${monitorId}`, { maintenance_windows: [] });
  });

  it('shows scheduled maintenance: the banner and its timeline once the sweep starts it, and the upcoming one', async () => {
    const now = Date.now();
    const created = await sys.call('POST', '/maintenance', {
      title: 'Database upgrade',
      description: 'PostgreSQL 15 to 16; writes pause for about a minute.',
      monitor_ids: [monitorId],
      starts_at: new Date(now + 2_000).toISOString(),
      ends_at: new Date(now + 3_600_000).toISOString(),
    });
    expect(created.status).toBe(201);
    const id = created.body.data.id as string;
    const soon = now + 2 * 86_400_000;
    expect(
      (
        await sys.call('POST', '/maintenance', {
          title: 'Network switch replacement',
          monitor_ids: [other],
          starts_at: new Date(soon).toISOString(),
          ends_at: new Date(soon + 7_200_000).toISOString(),
        })
      ).status,
    ).toBe(201);
    let p = await open();
    expect(await p.locator('#maint-upcoming').textContent()).toBe('Upcoming maintenance');
    expect(await p.locator('#maint-active').count()).toBe(0);
    await p.context().close();
    // The control plane's own sweep (every 5 s) moves it to in_progress at its start.
    await waitFor(
      'maintenance in progress',
      async () => (await sys.call('GET', `/maintenance/${id}`)).body.data.status === 'in_progress',
      30_000,
    );
    p = await open();
    expect(await p.locator('#maint-active').textContent()).toBe('Maintenance in progress');
    const article = p.locator(`#maintenance-${id}`);
    expect(await article.locator('h3').textContent()).toMatch(/Database upgrade\s*In progress/);
    expect(await article.locator('p.update').textContent()).toBe(
      'PostgreSQL 15 to 16; writes pause for about a minute.',
    );
    // The timeline: the sweep's entry (the first one only repeated the description).
    expect(await article.locator('ol.timeline li').allTextContents()).toEqual([
      expect.stringMatching(/In progress: Maintenance started\.$/),
    ]);
    expect(await p.locator('.monitor .state.maint').first().textContent()).toMatch(/Under maintenance/);
    await p.context().close();
  });

  it('has no serious or critical axe-core violations, light and dark, and saves screenshots', async () => {
    target.failing.delete('us-east'); // degraded: every kind of element on the page (incident, failing region)
    await waitFor('degraded again', async () => (await status()) === 'degraded', 20_000);
    const found: string[] = [];
    const report: Record<string, { id: string; impact: string | null; nodes: number }[]> = {};
    for (const dark of [false, true]) {
      for (const width of [1280, 375]) {
        const p = await open({ width, dark });
        await p.evaluate(AXE);
        const result = await p.evaluate(async () => {
          const axe = (
            globalThis as unknown as {
              axe: {
                run(
                  ctx: unknown,
                  opts: unknown,
                ): Promise<{ violations: { id: string; impact: string | null; nodes: unknown[] }[] }>;
              };
            }
          ).axe;
          const r = await axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
          });
          return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
        });
        report[`${dark ? 'dark' : 'light'} ${width}px`] = result;
        for (const v of result)
          if (v.impact === 'serious' || v.impact === 'critical')
            found.push(`${dark ? 'dark' : 'light'} ${width}px: ${v.id} (${v.impact}, ${v.nodes} nodes)`);
        // Nothing wider than the viewport (responsive down to 360 px).
        expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await p.screenshot({
          path: join(ARTIFACTS, `status-page-${width}-${dark ? 'dark' : 'light'}.png`),
          fullPage: true,
        });
        await p.context().close();
      }
    }
    // Every violation by impact, for the record (test-artifacts/axe-results.json).
    const byImpact: Record<string, number> = { critical: 0, serious: 0, moderate: 0, minor: 0 };
    for (const vs of Object.values(report)) for (const v of vs) byImpact[v.impact ?? 'minor'] += 1;
    writeFileSync(join(ARTIFACTS, 'axe-results.json'), JSON.stringify({ byImpact, views: report }, null, 2) + '\n');
    expect(found).toEqual([]);
  });
});
