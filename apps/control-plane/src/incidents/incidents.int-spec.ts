import { FakeProbes, waitFor } from '../testing/fake-probe';
import { call, signup, startTestApp, TestApp } from '../testing/harness';

jest.setTimeout(120_000);

type Incident = {
  id: string;
  type: string;
  title: string;
  status: string;
  impact: string;
  monitor_id: string | null;
  monitor_ids: string[];
  resolved_at: string | null;
  duration_seconds: number | null;
  updates: { id: string; label: string; content: string; status: string | null; created_at: string }[];
};

/**
 * Incidents as a timeline (SPEC 3.7a) against real PostgreSQL and the real pipeline (fake
 * probes over NATS): manual incidents through their statuses, updates on manual and
 * automatic incidents, the type / status / resolved filters, validation, accounts kept
 * apart, and the timeline on the status page and in StatusCore's JSON.
 */
describe('incidents with timelines', () => {
  let t: TestApp;
  let key: string;
  let otherKey: string;
  let probes: FakeProbes;
  const failing = new Set<string>();
  let web: { id: string; slug: string };
  let db: { id: string; slug: string };
  let foreign: { id: string };

  beforeAll(async () => {
    t = await startTestApp({ ROUND_GRACE_SECONDS: '1', SCHEDULER_TICK_MS: '100', PUBLIC_PAGE_CACHE_MS: '0' });
    key = (await signup(t.api)).key;
    otherKey = (await signup(t.api)).key;
    probes = new FakeProbes(t.natsPrefix, ['eu-west', 'us-east', 'ap-south']);
    probes.verdict = (region, job) =>
      job.monitor_id === web.id && failing.has(region)
        ? { is_up: false, status_code: 503, response_ms: 40, error: 'expected status 200, got 503' }
        : { is_up: true, status_code: 200, response_ms: 20 };
    await probes.start();
    const mk = async (k: string, body: Record<string, unknown>) => {
      const res = await call(t.api, k, 'POST', '/monitors', {
        check_interval: 1,
        timeout: 2,
        url: 'http://127.0.0.1:1/x',
        ...body,
      });
      expect(res.status).toBe(201);
      return res.body.data as { id: string; slug: string };
    };
    web = await mk(key, { name: 'Website', slug: 'website' });
    db = await mk(key, { name: 'Database', slug: 'database', check_interval: 60, paused: true });
    foreign = await mk(otherKey, { name: 'Foreign', check_interval: 60, paused: true });
    expect(
      (await call(t.api, key, 'POST', '/status-pages', { slug: 'tl', title: 'Timeline', monitor_ids: [web.id, db.id] }))
        .status,
    ).toBe(201);
  });
  afterAll(async () => {
    await probes?.stop();
    await t?.close();
  });

  const post = (path: string, body: unknown, k = key) => call(t.api, k, 'POST', path, body);
  const page = async () => (await fetch(`${t.baseUrl}/s/tl`)).text();

  let manual: Incident;

  it('creates a manual incident with its first update, and validates the input', async () => {
    const res = await post('/incidents', {
      title: '  Slow  queries ',
      description: 'Queries time out\nfor some users.',
      monitor_ids: [db.id],
      impact: 'major',
    });
    expect(res.status).toBe(201);
    manual = res.body.data;
    expect(manual).toMatchObject({
      type: 'manual',
      title: 'Slow  queries',
      status: 'investigating',
      impact: 'major',
      monitor_id: db.id,
      monitor_ids: [db.id],
      resolved_at: null,
    });
    expect(manual.updates).toEqual([
      {
        id: expect.stringMatching(/^upd_/),
        label: 'Investigating',
        content: 'Queries time out\nfor some users.',
        status: 'investigating',
        created_at: expect.any(String),
      },
    ]);
    // StatusPool's shape: monitor_id and title only.
    const pool = await post('/incidents', {
      monitor_id: web.id,
      title: 'Known issue',
      description: 'Logged from a runbook',
    });
    expect(pool.status).toBe(201);
    expect(pool.body.data).toMatchObject({
      monitor_id: web.id,
      monitor_ids: [web.id],
      status: 'investigating',
      impact: 'minor',
    });

    const bad = async (body: unknown, field: string) => {
      const r = await post('/incidents', body);
      expect({ status: r.status, fields: (r.body.details ?? []).map((d: { field: string }) => d.field) }).toEqual({
        status: 422,
        fields: expect.arrayContaining([field]),
      });
    };
    await bad({ title: ' \u0000 ' }, 'title');
    await bad({ title: 'x', monitor_ids: ['mon_nope'] }, 'monitor_ids[0]');
    await bad({ title: 'x', monitor_ids: [foreign.id] }, 'monitor_ids[0]');
    await bad({ title: 'x', status: 'exploded' }, 'status');
    await bad({ title: 'x', impact: 'huge' }, 'impact');
    await bad({ title: 'x', extra: 1 }, 'extra');
    await bad({ title: 'x'.repeat(100_000) }, 'title');
    // NUL and lone surrogates are refused at the edge, naming the field (docs/edge.md).
    await bad({ title: 'Slow \u0000queries' }, 'title');
    await bad({ title: 'lone \ud800 surrogate' }, 'title');
    expect((await post('/incidents', { title: 'lone surrogate refused, this one kept' })).status).toBe(201);
  });

  it('moves a manual incident through its statuses with updates and PATCH', async () => {
    let res = await post(`/incidents/${manual.id}/updates`, {
      label: 'Identified',
      content: 'An index was dropped.',
      status: 'identified',
    });
    expect(res.status).toBe(201);
    expect(res.body.data.status).toBe('identified');
    res = await post(`/incidents/${manual.id}/updates`, { label: 'Update', content: 'Rebuilding the index.' });
    expect(res.body.data.status).toBe('identified');
    res = await call(t.api, key, 'PATCH', `/incidents/${manual.id}`, { status: 'monitoring', impact: 'minor' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ status: 'monitoring', impact: 'minor', resolved_at: null });
    res = await post(`/incidents/${manual.id}/updates`, {
      label: 'Resolved',
      content: 'Queries are fast again.',
      status: 'resolved',
    });
    const done: Incident = res.body.data;
    expect(done.status).toBe('resolved');
    expect(done.resolved_at).not.toBeNull();
    expect(done.duration_seconds).toBeGreaterThanOrEqual(0);
    expect(done.updates.map((u) => [u.label, u.status])).toEqual([
      ['Investigating', 'investigating'],
      ['Identified', 'identified'],
      ['Update', null],
      ['Monitoring', 'monitoring'],
      ['Resolved', 'resolved'],
    ]);
    expect((await call(t.api, key, 'GET', `/incidents/${manual.id}`)).body.data.updates).toHaveLength(5);
    // Validation of updates.
    const u = await post(`/incidents/${manual.id}/updates`, { label: '', content: 'x' });
    expect(u.status).toBe(422);
    expect(u.body.details[0].field).toBe('label');
    expect((await post(`/incidents/${manual.id}/updates`, { label: 'x', content: 'y', status: 'nope' })).status).toBe(
      422,
    );
  });

  it('keeps accounts apart', async () => {
    expect((await call(t.api, otherKey, 'GET', `/incidents/${manual.id}`)).status).toBe(404);
    expect((await call(t.api, otherKey, 'PATCH', `/incidents/${manual.id}`, { title: 'mine' })).status).toBe(404);
    expect((await post(`/incidents/${manual.id}/updates`, { label: 'x', content: 'y' }, otherKey)).status).toBe(404);
    expect((await call(t.api, otherKey, 'GET', '/incidents')).body.data).toEqual([]);
  });

  let automatic: Incident;

  it('gives automatic incidents a first update from the decision, a last one on recovery, and takes updates', async () => {
    await waitFor(
      'web up',
      async () => (await call(t.api, key, 'GET', `/monitors/${web.id}`)).body.data.status === 'up',
    );
    failing.add('eu-west');
    failing.add('us-east');
    await waitFor(
      'incident open',
      async () => (await call(t.api, key, 'GET', `/incidents?type=automatic&status=open`)).body.data.length === 1,
    );
    automatic = (await call(t.api, key, 'GET', '/incidents?type=automatic')).body.data[0];
    expect(automatic).toMatchObject({
      type: 'automatic',
      title: 'Website is down',
      monitor_id: web.id,
      monitor_ids: [web.id],
      status: 'open',
    });
    expect(automatic.updates).toEqual([
      {
        id: expect.any(String),
        label: 'Detected',
        content: 'Down in eu-west, us-east; ap-south up',
        status: null,
        created_at: expect.any(String),
      },
    ]);

    const res = await post(`/incidents/${automatic.id}/updates`, {
      label: 'Identified',
      content: 'Our CDN in Europe fails.',
    });
    expect(res.status).toBe(201);
    expect(res.body.data.status).toBe('open');
    const withStatus = await post(`/incidents/${automatic.id}/updates`, {
      label: 'x',
      content: 'y',
      status: 'resolved',
    });
    expect(withStatus.status).toBe(422);
    expect(withStatus.body.details[0].field).toBe('status');
    expect((await call(t.api, key, 'PATCH', `/incidents/${automatic.id}`, { status: 'resolved' })).status).toBe(409);

    const doc = await page();
    expect(doc).toContain('Website is down');
    expect(doc).toContain('<strong>Identified</strong>: <span class="update">Our CDN in Europe fails.</span>');
    expect(doc.indexOf('Our CDN in Europe fails.')).toBeLessThan(doc.indexOf('Down in eu-west, us-east; ap-south up')); // newest first

    failing.clear();
    await waitFor(
      'resolved',
      async () => (await call(t.api, key, 'GET', `/incidents/${automatic.id}`)).body.data.status === 'resolved',
    );
    const resolved: Incident = (await call(t.api, key, 'GET', `/incidents/${automatic.id}`)).body.data;
    expect(resolved.updates.map((u) => u.label)).toEqual(['Detected', 'Identified', 'Resolved']);
    expect(resolved.updates[2].content).toMatch(/^Recovered after \d+ s: the monitor is up again$/);
  });

  it('filters by type, status and resolved', async () => {
    const ids = async (q: string) =>
      ((await call(t.api, key, 'GET', `/incidents${q}`)).body.data as Incident[]).map((i) => i.id).sort();
    const all = await ids('');
    expect(all.length).toBe(4);
    expect(await ids('?type=automatic')).toEqual([automatic.id]);
    expect((await ids('?type=manual')).length).toBe(3);
    expect(await ids('?type=manual&resolved=true')).toEqual([manual.id]);
    expect((await ids('?status=open')).length).toBe(2); // the two manual incidents still investigating
    expect((await ids('?resolved=false')).length).toBe(2);
    expect((await ids('?status=investigating')).length).toBe(2);
    expect(await ids(`?monitor_id=${db.id}`)).toEqual([manual.id]);
    expect((await ids(`?monitor_id=${web.id}`)).length).toBe(2);
  });

  it('shows manual incidents and their timelines on the page and in StatusCore JSON', async () => {
    const doc = await page();
    expect(doc).toContain('Slow  queries <span class="tag ok">Resolved</span>');
    expect(doc).toContain('Known issue <span class="tag bad">Investigating</span>');
    expect(doc).toContain('<strong>Identified</strong>: <span class="update">An index was dropped.</span>');
    expect(doc).toContain('Affected: Database');
    expect(doc).not.toContain('lone'); // no monitor of the page: not on it
    const json = await (await fetch(`${t.baseUrl}/api/public/status/tl`)).json();
    const slow = json.incidents.find((i: { id: string }) => i.id === manual.id);
    expect(slow).toMatchObject({
      monitor_name: 'Database',
      status: 'resolved',
      type: 'manual',
      title: 'Slow  queries',
      impact: 'minor',
      incident_status: 'resolved',
    });
    expect(slow.updates.map((u: { label: string }) => u.label)).toEqual([
      'Resolved',
      'Monitoring',
      'Update',
      'Identified',
      'Investigating',
    ]);
    const known = json.incidents.find((i: { title: string }) => i.title === 'Known issue');
    expect(known).toMatchObject({ status: 'open', incident_status: 'investigating', monitor_name: 'Website' });
  });
});
