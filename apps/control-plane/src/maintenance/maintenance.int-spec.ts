import { Client } from 'pg';
import { WebhookReceiver } from '@parallax/testing';
import { Clock } from '../common/clock';
import { FakeProbes } from '../testing/fake-probe';
import { call, signup, startTestApp, TestApp, waitFor } from '../testing/harness';
import { MaintenanceService } from './maintenance.service';

jest.setTimeout(180_000);

type Maintenance = {
  id: string;
  status: string;
  title: string;
  monitor_ids: string[];
  starts_at: string;
  ends_at: string;
  updates: { label: string; content: string; status: string | null }[];
};

/**
 * Scheduled maintenance (SPEC 3.7a) against real PostgreSQL, NATS (fake probes) and two
 * control-plane replicas on one database: CRUD and validation, statuses moved by the
 * injected clock through the sweep (each transition once across replicas), checks recorded
 * but no incident, no notification and no uptime while in progress, the change notified at
 * its end, and the maintenance on the status page, in StatusCore's JSON and Valtrogen's logs.
 */
describe('scheduled maintenance', () => {
  let t: TestApp;
  let t2: TestApp;
  let key: string;
  let otherKey: string;
  let probes: FakeProbes;
  let pg: Client;
  const receiver = new WebhookReceiver();
  const failing = new Set<string>();
  let web: { id: string; slug: string };
  let api2: { id: string; slug: string };
  let hidden: { id: string; slug: string };
  let clock: Clock;
  let t0: number;

  beforeAll(async () => {
    await receiver.start();
    const env = { ROUND_GRACE_SECONDS: '1', SCHEDULER_TICK_MS: '100', PUBLIC_PAGE_CACHE_MS: '0', NOTIFY_POLL_MS: '50' };
    t = await startTestApp(env);
    t2 = await startTestApp(env, t);
    key = (await signup(t.api)).key;
    otherKey = (await signup(t.api)).key;
    probes = new FakeProbes(t.natsPrefix, ['eu-west', 'us-east', 'ap-south']);
    probes.verdict = (_region, job) =>
      failing.has(job.monitor_id)
        ? { is_up: false, status_code: 503, response_ms: 40, error: 'expected status 200, got 503' }
        : { is_up: true, status_code: 200, response_ms: 20 };
    await probes.start();
    pg = new Client({ connectionString: t.databaseUrl });
    await pg.connect();
    // Both replicas on one clock each, at the same whole minute: the test moves them together.
    clock = t.app.get(Clock);
    t0 = Math.ceil(Date.now() / 60_000) * 60_000 + 60_000;
    for (const a of [t, t2]) a.app.get(Clock).set(t0);
    // The account webhook first: it hears the monitors' very first decisions.
    expect((await call(t.api, key, 'POST', '/webhooks', { url: receiver.url('/acct') })).status).toBe(201);
    // No confirmation rounds: this suite is about maintenance, one round moves the status (issue 15's rule has its own suite).
    const mk = async (body: Record<string, unknown>, k = key) => {
      const res = await call(t.api, k, 'POST', '/monitors', {
        check_interval: 1,
        timeout: 2,
        url: 'http://127.0.0.1:1/x',
        public: true,
        confirmation_rounds: 0,
        recovery_rounds: 0,
        ...body,
      });
      expect(res.status).toBe(201);
      return res.body.data as { id: string; slug: string };
    };
    web = await mk({ name: 'Website', slug: 'website' });
    api2 = await mk({ name: 'API', slug: 'api', check_interval: 60, paused: true });
    hidden = await mk({ name: 'Hidden', slug: 'hidden', check_interval: 60, paused: true, public: false });
    expect(
      (
        await call(t.api, key, 'POST', '/status-pages', {
          slug: 'mnt',
          title: 'Maint page',
          monitor_ids: [web.id, api2.id],
        })
      ).status,
    ).toBe(201);
  });
  afterAll(async () => {
    await pg?.end();
    await probes?.stop();
    await t2?.close();
    await t?.close();
    await receiver.stop();
  });

  const api = (method: string, path: string, body?: unknown, k = key) => call(t.api, k, method, path, body);
  const setBoth = (ms: number) => {
    for (const a of [t, t2]) a.app.get(Clock).set(ms);
  };
  const iso = (ms: number) => new Date(ms).toISOString();
  const roundNow = (id: string) =>
    waitFor(`round of ${id} at ${clock.now().toISOString()} decided`, async () => {
      const r = await pg.query('SELECT decided_at FROM rounds WHERE monitor_id = $1 AND scheduled_at = $2', [
        id,
        clock.now(),
      ]);
      return r.rows.length === 1 && r.rows[0].decided_at !== null;
    });
  const roundsUntil = async (id: string, done: () => Promise<boolean>, rounds = 10) => {
    for (let i = 0; i < rounds && !(await done()); i++) {
      setBoth(clock.nowMs() + 1_000);
      await roundNow(id);
    }
    expect(await done()).toBe(true);
  };
  const monitor = async (id: string) => (await api('GET', `/monitors/${id}`)).body.data;
  const sweepBoth = async () =>
    (await Promise.all([t.app.get(MaintenanceService).sweep(), t2.app.get(MaintenanceService).sweep()])).reduce(
      (a, b) => a + b,
      0,
    );

  it('creates, lists, reads, validates, and keeps accounts apart', async () => {
    const res = await api('POST', '/maintenance', {
      title: '  DB upgrade ',
      description: 'PostgreSQL 16',
      monitor_ids: [api2.id],
      starts_at: iso(t0 + 3_600_000),
      ends_at: iso(t0 + 7_200_000),
    });
    expect(res.status).toBe(201);
    const m: Maintenance = res.body.data;
    expect(m).toMatchObject({
      id: expect.stringMatching(/^mnt_/),
      title: 'DB upgrade',
      status: 'scheduled',
      monitor_ids: [api2.id],
      starts_at: iso(t0 + 3_600_000),
    });
    expect(m.updates).toEqual([
      expect.objectContaining({ label: 'Scheduled', content: 'PostgreSQL 16', status: 'scheduled' }),
    ]);
    expect((await api('GET', `/maintenance/${m.id}`)).body.data.id).toBe(m.id);
    expect((await api('GET', '/maintenance?status=scheduled')).body.data.map((x: Maintenance) => x.id)).toContain(m.id);
    expect((await api('GET', '/maintenance?status=completed')).body.data).toEqual([]);

    const bad = async (body: unknown, field: string) => {
      const r = await api('POST', '/maintenance', body);
      expect({ status: r.status, fields: (r.body.details ?? []).map((d: { field: string }) => d.field) }).toEqual({
        status: 422,
        fields: expect.arrayContaining([field]),
      });
    };
    const ok = { title: 'x', starts_at: iso(t0), ends_at: iso(t0 + 60_000) };
    await bad({ ...ok, title: ' \u0000 ' }, 'title');
    await bad({ ...ok, starts_at: 'tomorrow' }, 'starts_at');
    await bad({ ...ok, ends_at: '2026-12-03T10:00:00' }, 'ends_at');
    await bad({ ...ok, ends_at: iso(t0) }, 'ends_at');
    await bad({ ...ok, monitor_ids: ['mon_nope'] }, 'monitor_ids[0]');
    const foreign = (
      await call(t.api, otherKey, 'POST', '/monitors', { name: 'F', url: 'http://127.0.0.1:1/', paused: true })
    ).body.data;
    await bad({ ...ok, monitor_ids: [foreign.id] }, 'monitor_ids[0]');
    expect((await api('PATCH', `/maintenance/${m.id}`, { status: 'completed' })).status).toBe(422);
    expect((await api('GET', `/maintenance/${m.id}`, undefined, otherKey)).status).toBe(404);
    expect((await api('PATCH', `/maintenance/${m.id}`, { title: 'mine' }, otherKey)).status).toBe(404);
    expect((await api('DELETE', `/maintenance/${m.id}`, undefined, otherKey)).status).toBe(404);

    setBoth(t0 + 1_000);
    const moved = await api('PATCH', `/maintenance/${m.id}`, { ends_at: iso(t0 + 5_400_000) });
    expect(moved.status).toBe(200);
    expect(moved.body.data.updates.map((u: { label: string }) => u.label)).toEqual(['Scheduled', 'Rescheduled']);
    setBoth(t0 + 2_000);
    const cancelled = await api('PATCH', `/maintenance/${m.id}`, { status: 'cancelled' });
    expect(cancelled.body.data).toMatchObject({ status: 'cancelled' });
    expect((await api('PATCH', `/maintenance/${m.id}`, { title: 'again' })).status).toBe(409);
    // Cancelled stays cancelled whatever the clock says: one due now (it started a minute ago), cancelled, then swept.
    // (The clock never jumps ahead here: the scheduler would claim the monitors' rounds there.)
    const due = (
      await api('POST', '/maintenance', {
        title: 'due',
        monitor_ids: [api2.id],
        starts_at: iso(t0 - 60_000),
        ends_at: iso(t0 + 3_600_000),
      })
    ).body.data;
    expect((await api('PATCH', `/maintenance/${due.id}`, { status: 'cancelled' })).body.data.status).toBe('cancelled');
    await sweepBoth();
    expect((await api('GET', `/maintenance/${due.id}`)).body.data.status).toBe('cancelled');
    await api('DELETE', `/maintenance/${due.id}`);
    setBoth(t0 + 3_000);
    expect((await api('DELETE', `/maintenance/${m.id}`)).body.data).toEqual({ deleted: true, maintenance_id: m.id });
    expect((await api('GET', `/maintenance/${m.id}`)).status).toBe(404);
  });

  it('moves by the clock once across two replicas; in progress: checks recorded, no incident, nothing notified, no uptime; at its end the held change is notified', async () => {
    await roundNow(web.id);
    await roundsUntil(web.id, async () => (await monitor(web.id)).status === 'up');
    await waitFor('up notified', () =>
      receiver.delivered('/acct').some((r) => JSON.parse(r.body).event === 'monitor.up'),
    );
    const start = clock.nowMs() + 10_000;
    const end = start + 30_000;
    const created = await api('POST', '/maintenance', {
      title: 'Web deploy',
      monitor_ids: [web.id, hidden.id],
      starts_at: iso(start),
      ends_at: iso(end),
    });
    const id = created.body.data.id as string;
    expect(await sweepBoth()).toBe(0);

    setBoth(start);
    // Both replicas sweep at once (their periodic sweeps may too): the transition happens once.
    await sweepBoth();
    expect(await sweepBoth()).toBe(0);
    const running = (await api('GET', `/maintenance/${id}`)).body.data as Maintenance;
    expect(running.status).toBe('in_progress');
    expect(running.updates.map((u) => u.label)).toEqual(['Scheduled', 'In progress']);

    // The page, StatusCore's JSON and Valtrogen's logs show it.
    const html = await (await fetch(`${t.baseUrl}/s/mnt`)).text();
    expect(html).toMatch(/<p class="banner maintenance" role="status" id="overall">Under maintenance<\/p>/);
    expect(html).toContain('<h2 id="maint-active">Maintenance in progress</h2>');
    expect(html).toContain('Web deploy');
    expect(html).not.toContain('Hidden');
    const core = await (await fetch(`${t.baseUrl}/api/public/status/mnt`)).json();
    expect(core.maintenance).toEqual([
      expect.objectContaining({
        id,
        status: 'in_progress',
        monitor_ids: ['website'],
        starts_at: iso(start),
        ends_at: iso(end),
      }),
    ]);
    const logs = await fetch(`${t.baseUrl}/s/mnt/api/maintenance?status=in_progress`);
    expect(logs.headers.get('access-control-allow-origin')).toBe('*');
    expect(logs.headers.get('cache-control')).toBe('public, max-age=30, stale-while-revalidate=60');
    const body = await logs.json();
    expect(body).toEqual({
      success: true,
      logs: [
        {
          id,
          title: 'Web deploy',
          description: null,
          status: 'in_progress',
          affectedMonitors: ['website'],
          startTime: start,
          endTime: end,
          events: [
            expect.objectContaining({ label: 'Scheduled', timestamp: expect.any(Number) }),
            { id: expect.any(String), timestamp: start, label: 'In progress', content: 'Maintenance started.' },
          ],
          createdAt: expect.any(Number),
          updatedAt: start,
        },
      ],
    });
    expect((await (await fetch(`${t.baseUrl}/s/mnt/api/maintenance?status=completed`)).json()).logs).toEqual([]);
    expect((await (await fetch(`${t.baseUrl}/s/mnt/api/maintenance?limit=1&offset=1`)).json()).logs).toEqual([]);
    for (const q of ['status=exploded', 'limit=0', 'limit=abc', 'offset=-1']) {
      const r = await fetch(`${t.baseUrl}/s/mnt/api/maintenance?${q}`);
      expect({ q, status: r.status, body: (await r.json()).success }).toEqual({ q, status: 400, body: false });
    }
    const detail = await (await fetch(`${t.baseUrl}/s/mnt/api/maintenance/${id}`)).json();
    expect(detail).toMatchObject({
      success: true,
      log: { id, status: 'in_progress' },
      monitorDetails: {
        website: { name: 'Website', status: 'maintenance', overallUptime: 100, lastChecked: expect.any(Number) },
      },
    });
    expect(Object.keys(detail.monitorDetails)).toEqual(['website']);
    expect((await fetch(`${t.baseUrl}/s/mnt/api/maintenance/not-an-id`)).status).toBe(400);
    expect((await fetch(`${t.baseUrl}/s/mnt/api/maintenance/mnt_0000000000000000`)).status).toBe(404);
    expect((await fetch(`${t.baseUrl}/s/nope/api/maintenance`)).status).toBe(404);

    // The monitor fails in every region while in progress.
    const counted = (await monitor(web.id)).checks_total;
    failing.add(web.id);
    await roundsUntil(web.id, async () => (await monitor(web.id)).status === 'down');
    await roundsUntil(
      web.id,
      async () =>
        (await pg.query('SELECT count(*)::int AS n FROM rounds WHERE monitor_id = $1 AND in_maintenance', [web.id]))
          .rows[0].n >= 3,
    );
    expect((await monitor(web.id)).checks_total).toBe(counted);
    expect((await api('GET', `/incidents?monitor_id=${web.id}`)).body.data).toEqual([]);
    const queued = await pg.query(
      `SELECT count(*)::int AS n FROM notification_deliveries WHERE monitor_id = $1 AND event <> 'monitor.up'`,
      [web.id],
    );
    expect(queued.rows[0].n).toBe(0);

    // The end: completed once; the first round after it notifies "down" (was up) and opens the incident.
    setBoth(end);
    await sweepBoth();
    const done = (await api('GET', `/maintenance/${id}`)).body.data as Maintenance;
    expect(done.status).toBe('completed');
    expect(done.updates.map((u) => u.label)).toEqual(['Scheduled', 'In progress', 'Completed']);
    expect(
      (await pg.query(`SELECT count(*)::int AS n FROM maintenance_updates WHERE maintenance_id = $1`, [id])).rows[0].n,
    ).toBe(3);
    await roundNow(web.id);
    await waitFor(
      'down and incident delivered',
      () => receiver.delivered('/acct').filter((r) => JSON.parse(r.body).monitor?.id === web.id).length >= 3,
    );
    const events = receiver
      .delivered('/acct')
      .map((r) => JSON.parse(r.body))
      .filter((p) => p.monitor?.id === web.id)
      .map((p) => `${p.event} ${p.previous_status}→${p.status}`);
    expect(events).toEqual(['monitor.up pending→up', 'monitor.down up→down', 'incident.created up→down']);
    expect((await api('GET', `/incidents?monitor_id=${web.id}`)).body.data[0].status).toBe('open');
    const after = await (await fetch(`${t.baseUrl}/s/mnt`)).text();
    expect(after).not.toContain('Maintenance in progress');
    failing.delete(web.id);
    await roundsUntil(web.id, async () => (await monitor(web.id)).status === 'up');
    await api('PATCH', `/monitors/${web.id}/toggle`, { is_active: false });
  });

  it('shows upcoming maintenance on the page', async () => {
    const soon = clock.nowMs() + 86_400_000;
    const m = (
      await api('POST', '/maintenance', {
        title: 'Network work',
        monitor_ids: [api2.id],
        starts_at: iso(soon),
        ends_at: iso(soon + 3_600_000),
      })
    ).body.data;
    const html = await (await fetch(`${t.baseUrl}/s/mnt`)).text();
    expect(html).toContain('<h2 id="maint-upcoming">Upcoming maintenance</h2>');
    expect(html).toContain(`id="maintenance-${m.id}"`);
    expect(html).toMatch(/<p class="banner operational"/);
  });
});
