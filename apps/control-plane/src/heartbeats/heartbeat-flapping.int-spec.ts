import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { WebhookReceiver } from '@parallax/testing';
import { Clock } from '../common/clock';
import { HeartbeatsService } from './heartbeats.service';
import { call, signup, startTestApp, TestApp, waitFor } from '../testing/harness';

jest.setTimeout(120_000);

/**
 * The finding of issue 15: "Alternating /fail and success pings of a heartbeat sends
 * unbounded notifications, including emails to an unverified address." Reproduced through
 * the real ping endpoint (real PostgreSQL, NATS, a loopback webhook receiver and SMTP
 * server), on the injected Clock: flap damping turns the storm into a handful of messages,
 * and with damping off the rate limits (per monitor and destination, per email address)
 * still bound it, with the collapsed count carried by the next message.
 */
describe('heartbeat flapping (issue 15 finding)', () => {
  let t: TestApp;
  let key: string;
  let pg: Client;
  let clock: Clock;
  const receiver = new WebhookReceiver();
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (s, _session, cb) => s.on('data', () => undefined).on('end', () => cb()),
  });

  beforeAll(async () => {
    await receiver.start();
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
    t = await startTestApp({
      SCHEDULER_TICK_MS: '100',
      NOTIFY_POLL_MS: '50',
      SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}`,
      NOTIFY_RATE_LIMIT_PER_HOUR: '8',
      NOTIFY_EMAIL_RATE_LIMIT_PER_HOUR: '12',
    });
    key = (await signup(t.api)).key;
    pg = new Client({ connectionString: t.databaseUrl });
    await pg.connect();
    clock = t.app.get(Clock);
  });
  afterAll(async () => {
    clock?.set(null);
    await pg?.end();
    await t?.close();
    await receiver.stop();
    await new Promise<void>((r) => smtp.close(() => r()));
  });

  const api = (method: string, path: string, body?: unknown) => call(t.api, key, method, path, body);
  const ping = async (pingUrl: string, suffix = '') => {
    const u = new URL(pingUrl);
    const res = await fetch(`${t.baseUrl}${u.pathname}${suffix}${u.search}`);
    expect(res.status).toBe(200);
    return (await res.json()) as { status: string };
  };
  const create = async (extra: Record<string, unknown>) => {
    // A day's interval: the monitor never misses a heartbeat here; only the pings move it.
    const res = await api('POST', '/monitors', {
      monitor_type: 'heartbeat',
      name: 'flappy job',
      heartbeat_interval: 86400,
      heartbeat_grace_period: 0,
      ...extra,
    });
    expect(res.status).toBe(201);
    return res.body.data as { id: string; ping_url: string };
  };
  /** Outbox rows of a monitor: channel → events in sequence order. */
  const rows = async (monitorId: string) =>
    (
      await pg.query(
        `SELECT channel, event, payload FROM notification_deliveries WHERE monitor_id = $1 ORDER BY sequence, channel`,
        [monitorId],
      )
    ).rows as { channel: string; event: string; payload: any }[];
  const byChannel = (rs: { channel: string; event: string }[], channel: string) =>
    rs.filter((r) => r.channel === channel).map((r) => r.event);
  /** `n` alternations of /fail and a success ping, a second apart on the held clock. */
  const alternate = async (pingUrl: string, n: number) => {
    for (let i = 0; i < n; i++) {
      clock.advance(1000);
      expect((await ping(pingUrl, '/fail')).status).toBe('down');
      clock.advance(1000);
      expect((await ping(pingUrl)).status).toBe('up');
    }
  };

  it('40 alternations notify 5 changes and one monitor.flapping per channel (not 80); the monitor shows flapping; a quiet quarter-window later one monitor.stable', async () => {
    const m = await create({ webhook_url: receiver.url('/flap'), alert_email: 'unverified@example.com' });
    clock.freeze();
    await ping(m.ping_url);
    await alternate(m.ping_url, 20);
    const rs = await rows(m.id);
    const want = [
      'monitor.up',
      'monitor.down',
      'monitor.up',
      'monitor.down',
      'monitor.up',
      'monitor.down',
      'monitor.flapping',
    ];
    expect(byChannel(rs, 'monitor_webhook')).toEqual(want);
    expect(byChannel(rs, 'email')).toEqual(want);
    const flapping = rs.find((r) => r.event === 'monitor.flapping')!.payload;
    expect(flapping).toMatchObject({
      status: 'up',
      previous_status: 'down',
      flapping: { changes: 6, window_seconds: 3600, collapsed: 0 },
    });
    const doc = (await api('GET', `/monitors/${m.id}`)).body.data;
    expect(doc).toMatchObject({ status: 'up', flapping: true, flap_threshold: 5, flap_window_seconds: 3600 });
    expect(doc.flapping_since).not.toBeNull();
    // The status page says so too (StatusCore's JSON keeps the reference's monitor fields; the page shows it).
    const page = await api('POST', '/status-pages', { slug: 'flappy', title: 'Flappy', monitor_ids: [m.id] });
    expect(page.status).toBe(201);
    expect(await (await fetch(`${t.baseUrl}/s/flappy`)).text()).toContain('Operational (flapping)');
    // The incidents still open and resolve (the record is true); only the alerts are collapsed.
    expect((await api('GET', `/incidents?monitor_id=${m.id}&limit=100`)).body.data.length).toBe(20);

    // Quiet for a quarter of the window: the next check says it is stable again, once.
    clock.advance(15 * 60_000);
    await t.app.get(HeartbeatsService).tick();
    clock.advance(60_000);
    await t.app.get(HeartbeatsService).tick();
    const after = await rows(m.id);
    expect(byChannel(after, 'monitor_webhook')).toEqual([...want, 'monitor.stable']);
    const stable = after.find((r) => r.event === 'monitor.stable')!.payload;
    expect(stable).toMatchObject({ status: 'up', flapping: { since: flapping.flapping.since, collapsed: 68 } });
    expect((await api('GET', `/monitors/${m.id}`)).body.data).toMatchObject({ flapping: false, flapping_since: null });
    const html = await (await fetch(`${t.baseUrl}/s/flappy`, { headers: { 'cache-control': 'no-cache' } })).text();
    expect(html).toContain('Operational');
    expect(html).not.toContain('(flapping)');
    // Delivered to the receiver (the dispatcher runs on the held clock too).
    await waitFor(
      'flapping and stable delivered',
      () => receiver.delivered('/flap').filter((r) => /monitor\.(flapping|stable)/.test(r.body)).length === 2,
      30_000,
    );
    clock.set(null);
  });

  it('with damping off, the rate limit bounds it per monitor and destination (8 an hour) and per email address across monitors (12 an hour); the next message after the window carries the collapsed count', async () => {
    const a = await create({
      flap_threshold: 0,
      webhook_url: receiver.url('/rl-a'),
      alert_email: 'victim@example.com',
    });
    const b = await create({
      flap_threshold: 0,
      webhook_url: receiver.url('/rl-b'),
      alert_email: 'Victim@example.com',
    });
    clock.freeze();
    await ping(a.ping_url);
    await ping(b.ping_url);
    await alternate(a.ping_url, 20);
    await alternate(b.ping_url, 20);
    const ra = await rows(a.id);
    const rb = await rows(b.id);
    expect(byChannel(ra, 'monitor_webhook')).toHaveLength(8);
    expect(byChannel(rb, 'monitor_webhook')).toHaveLength(8);
    // One address (case aside) across both monitors: 12 emails in the hour, not 82.
    expect(byChannel(ra, 'email').length + byChannel(rb, 'email').length).toBe(12);
    expect(
      Number(
        (await (await fetch(`${t.baseUrl}/metrics`)).text()).match(
          /parallax_notifications_collapsed_total\{reason="rate_limit"\} (\d+)/,
        )?.[1],
      ),
    ).toBeGreaterThanOrEqual(82 - 16 + 82 - 12);

    // An hour later the next change goes out and says how many were collapsed before it.
    clock.advance(3_600_000);
    expect((await ping(a.ping_url, '/fail')).status).toBe('down');
    const next = (await rows(a.id)).filter((r) => r.channel === 'monitor_webhook').pop()!;
    expect(next.payload).toMatchObject({ event: 'monitor.down', rate_limited: { collapsed: 41 - 8 } });
    clock.set(null);
  });

  it('reminds of a heartbeat that stays down every reminder_interval_seconds (monitor.down with reminder.count), and stops once it is up', async () => {
    const m = await create({
      webhook_url: receiver.url('/remind'),
      reminder_interval_seconds: 600,
      check_interval: 60,
    });
    clock.freeze();
    await ping(m.ping_url);
    clock.advance(1000);
    await ping(m.ping_url, '/fail');
    const hb = t.app.get(HeartbeatsService);
    for (let i = 0; i < 25; i++) {
      clock.advance(60_000);
      await hb.tick();
    }
    clock.advance(1000);
    await ping(m.ping_url);
    for (let i = 0; i < 15; i++) {
      clock.advance(60_000);
      await hb.tick();
    }
    clock.set(null);
    const own = (await rows(m.id)).filter((r) => r.channel === 'monitor_webhook');
    expect(own.map((r) => [r.event, r.payload.reminder?.count ?? null])).toEqual([
      ['monitor.up', null],
      ['monitor.down', null],
      ['monitor.down', 1],
      ['monitor.down', 2],
      ['monitor.up', null],
    ]);
    expect(own[2].payload).toMatchObject({ status: 'down', previous_status: 'down' });
  });

  it('refuses damping settings out of range with a 422 naming the field', async () => {
    for (const [body, field] of [
      [{ flap_threshold: -1 }, 'flap_threshold'],
      [{ flap_threshold: 101 }, 'flap_threshold'],
      [{ flap_window_seconds: 59 }, 'flap_window_seconds'],
      [{ reminder_interval_seconds: 30 }, 'reminder_interval_seconds'],
      [{ reminder_interval_seconds: 604801 }, 'reminder_interval_seconds'],
    ] as const) {
      const res = await api('POST', '/monitors', { monitor_type: 'heartbeat', name: 'x', ...body });
      expect({ body, status: res.status }).toEqual({ body, status: 422 });
      expect(JSON.stringify(res.body)).toContain(`"${field}"`);
    }
  });
});
