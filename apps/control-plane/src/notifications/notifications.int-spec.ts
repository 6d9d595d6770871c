import { SystemOutboxRepository } from './system-outbox.repository';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { Webhook } from 'standardwebhooks';
import { WebhookReceiver } from '@parallax/testing';
import { Clock } from '../common/clock';
import { PartitionsService } from '../timeseries/partitions.service';
import { DispatcherService } from './dispatcher.service';
import { FakeProbes } from '../testing/fake-probe';
import { call, signup, startTestApp, TestApp, waitFor } from '../testing/harness';

jest.setTimeout(120_000);

interface Mail {
  to: string[];
  raw: string;
}

/**
 * Notifications end to end inside one control plane (real PostgreSQL, NATS, HTTP
 * receivers and an SMTP server on loopback): account webhooks API, signed deliveries
 * verified with the `standardwebhooks` package, retries until a dead receiver comes
 * back, 410 Gone, the delivery log and manual retry, the monitor's own channels
 * (webhook_url, Slack, Discord, email), SLA breach, and maintenance windows under a
 * clock the test sets.
 */
describe('notifications', () => {
  let t: TestApp;
  let key: string;
  let probes: FakeProbes;
  const receiver = new WebhookReceiver();
  const mails: Mail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  /** Monitor id → failing regions; every other region answers up. */
  const failing = new Map<string, Set<string>>();
  let pg: Client;

  beforeAll(async () => {
    await receiver.start();
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
    const smtpPort = (smtp.server.address() as { port: number }).port;
    t = await startTestApp({
      ROUND_GRACE_SECONDS: '1',
      SCHEDULER_TICK_MS: '100',
      NOTIFY_POLL_MS: '50',
      NOTIFY_RETRY_SCHEDULE: '200ms,300ms,400ms,500ms',
      NOTIFY_TIMEOUT_MS: '2000',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      SMTP_FROM: 'Parallax <alerts@parallax.test>',
    });
    key = (await signup(t.api)).key;
    probes = new FakeProbes(t.natsPrefix, ['eu-west', 'us-east', 'ap-south']);
    probes.verdict = (region, job) =>
      failing.get(job.monitor_id)?.has(region)
        ? { is_up: false, status_code: 503, response_ms: 30, error: 'HTTP 503' }
        : { is_up: true, status_code: 200, response_ms: 10 };
    await probes.start();
    pg = new Client({ connectionString: t.databaseUrl });
    await pg.connect();
  });
  afterAll(async () => {
    await pg?.end();
    await probes?.stop();
    await t?.close();
    await receiver.stop();
    await new Promise<void>((r) => smtp.close(() => r()));
  });

  const api = (method: string, path: string, body?: unknown) => call(t.api, key, method, path, body);
  const get = async (id: string) => (await api('GET', `/monitors/${id}`)).body.data;
  const setFailing = (monitorId: string, regions: string[]) => failing.set(monitorId, new Set(regions));
  const createMonitor = async (body: Record<string, unknown>) => {
    const res = await api('POST', '/monitors', { url: 'http://127.0.0.1:1/', check_interval: 1, timeout: 2, ...body });
    expect(res.status).toBe(201);
    return res.body.data as { id: string; name: string };
  };
  const payloads = (path: string, monitorId?: string) =>
    receiver
      .delivered(path)
      .map((r) => JSON.parse(r.body))
      .filter((p) => !monitorId || p.monitor?.id === monitorId);

  describe('account webhooks API', () => {
    it('creates with a generated whsec_ secret answered once, lists with ?active=, masks, deletes, and scopes to the account', async () => {
      const created = await api('POST', '/webhooks', {
        url: receiver.url('/api-a'),
        events: ['status_change', 'incident_created'],
      });
      expect(created.status).toBe(201);
      const w = created.body.data;
      expect(w).toMatchObject({ url: receiver.url('/api-a'), active: true, last_triggered_at: null, webhook_id: w.id });
      expect(w.id).toMatch(/^whk_/);
      expect(w.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(w.events).toEqual([
        'monitor.down',
        'monitor.up',
        'monitor.degraded',
        'monitor.slow',
        'monitor.warn',
        'monitor.flapping',
        'monitor.stable',
        'incident.created',
      ]);

      const mine = await api('GET', `/webhooks/${w.id}`);
      expect(mine.body.data.secret).toBe('whsec_********');
      expect(JSON.stringify(mine.body)).not.toContain(w.secret.slice(6));
      expect(JSON.stringify((await api('GET', '/webhooks')).body)).not.toContain(w.secret.slice(6));

      const given = await api('POST', '/webhooks', {
        url: receiver.url('/api-b'),
        secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
        active: false,
      });
      expect(given.status).toBe(201);
      expect(given.body.data.secret).toBe('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
      expect(given.body.data.events).toHaveLength(10); // default: every event

      const active = (await api('GET', '/webhooks?active=true')).body.data.map((x: { id: string }) => x.id);
      const inactive = (await api('GET', '/webhooks?active=false')).body.data.map((x: { id: string }) => x.id);
      expect(active).toContain(w.id);
      expect(active).not.toContain(given.body.data.id);
      expect(inactive).toEqual([given.body.data.id]);

      const other = (await signup(t.api)).key;
      expect((await call(t.api, other, 'GET', `/webhooks/${w.id}`)).status).toBe(404);
      expect((await call(t.api, other, 'DELETE', `/webhooks/${w.id}`)).status).toBe(404);
      expect((await call(t.api, other, 'GET', `/webhooks/${w.id}/deliveries`)).status).toBe(404);
      expect((await call(t.api, other, 'GET', '/webhooks')).body.data).toEqual([]);

      expect((await api('DELETE', `/webhooks/${given.body.data.id}`)).body.data).toEqual({
        deleted: true,
        webhook_id: given.body.data.id,
      });
      expect((await api('GET', `/webhooks/${given.body.data.id}`)).status).toBe(404);
      await api('DELETE', `/webhooks/${w.id}`);
    });

    it('refuses bad input with 4xx and a clear message, writing nothing', async () => {
      const cases: [unknown, RegExp][] = [
        [{ url: 'ftp://example.com/x' }, /url must use http/],
        [{ url: 'not a url' }, /url must be a valid URL/],
        [{ url: receiver.url('/x'), events: ['monitor.exploded'] }, /unknown events: monitor.exploded/],
        [{ url: receiver.url('/x'), events: [] }, /at least one event/],
        [{ url: receiver.url('/x'), secret: 'hunter2' }, /secret must be .*whsec_/],
        [{ url: receiver.url('/x'), secret: 'whsec_c2hvcnQ=' }, /24 to 64 random bytes/],
        [{ url: receiver.url('/x'), colour: 'red' }, /unknown field .*colour/],
        [{}, /url must be a string/],
      ];
      for (const [body, message] of cases) {
        const res = await api('POST', '/webhooks', body);
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(JSON.stringify(res.body)).toMatch(message);
      }
      expect((await api('GET', '/webhooks')).body.data).toEqual([]);
      expect((await api('POST', '/webhooks/whk_nope/test')).status).toBe(404);
    });
  });

  it('signs every delivery (verified with the standardwebhooks package); a tampered body or a stale timestamp fails verification; a flapping monitor yields its events in order', async () => {
    const w = (await api('POST', '/webhooks', { url: receiver.url('/signed'), events: ['*'] })).body.data;
    // Regional incidents off: how many 1 s rounds eu-west keeps failing alone depends on the machine's pace (decisions/regional.int-spec.ts covers them).
    // Seven changes in a minute would be flapping (collapsed into monitor.flapping): damping off here, every event is asserted.
    const m = await createMonitor({ name: 'flapper', regional_incident_rounds: 0, flap_threshold: 0 });
    await waitFor('up', async () => (await get(m.id)).status === 'up');
    for (let i = 0; i < 2; i++) {
      setFailing(m.id, ['eu-west', 'us-east']);
      await waitFor('down', async () => (await get(m.id)).status === 'down');
      setFailing(m.id, ['eu-west']);
      await waitFor('degraded', async () => (await get(m.id)).status === 'degraded');
      setFailing(m.id, []);
      await waitFor('up', async () => (await get(m.id)).status === 'up');
    }
    await api('PATCH', `/monitors/${m.id}/toggle`, { is_active: false });
    const expected = [
      'monitor.up',
      'monitor.down',
      'incident.created',
      'monitor.degraded',
      'incident.resolved',
      'monitor.up',
    ];
    const expectedAll = [...expected, ...expected.slice(1)];
    await waitFor('all events delivered', () => payloads('/signed', m.id).length >= expectedAll.length, 30_000);

    const hook = new Webhook(w.secret);
    const requests = receiver.delivered('/signed').filter((r) => JSON.parse(r.body).monitor?.id === m.id);
    for (const r of requests) {
      const headers = {
        'webhook-id': String(r.headers['webhook-id']),
        'webhook-timestamp': String(r.headers['webhook-timestamp']),
        'webhook-signature': String(r.headers['webhook-signature']),
      };
      expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
      expect(hook.verify(r.body, headers)).toEqual(JSON.parse(r.body));
      expect(() => hook.verify(r.body.replace('"flapper"', '"flapped"'), headers)).toThrow(/signature/i);
      const stale = String(Number(headers['webhook-timestamp']) - 600);
      expect(() => hook.verify(r.body, { ...headers, 'webhook-timestamp': stale })).toThrow(/too old/i);
      expect(() => new Webhook('whsec_' + Buffer.alloc(32, 7).toString('base64')).verify(r.body, headers)).toThrow(
        /signature/i,
      );
    }
    const got = requests.map((r) => JSON.parse(r.body));
    // Delivered in the order they happened, with strictly increasing sequence numbers.
    expect(got.map((p) => p.event)).toEqual(expectedAll);
    const seq = got.map((p) => p.sequence);
    expect(seq).toEqual([...seq].sort((a, b) => a - b));
    expect(new Set(seq).size).toBe(seq.length);
    const down = got.find((p) => p.event === 'monitor.down');
    expect(down).toMatchObject({
      monitor: { id: m.id, name: 'flapper', type: 'http', url: 'http://127.0.0.1:1/' },
      status: 'down',
      previous_status: 'up',
      decision: { regions_checked: 3, regions_up: 1, quorum: 2 },
    });
    expect(down.region_results).toHaveLength(3);
    expect(down.region_results.find((r: { region: string }) => r.region === 'eu-west')).toMatchObject({
      is_up: false,
      status_code: 503,
    });
    const created = got.find((p) => p.event === 'incident.created');
    const resolved = got.find((p) => p.event === 'incident.resolved');
    expect(created.incident.id).toMatch(/^inc_/);
    expect(resolved.incident).toMatchObject({ id: created.incident.id });
    expect(resolved.incident.resolved_at).not.toBeNull();
    // The delivery log shows them, with last_triggered_at set.
    const log = (await api('GET', `/webhooks/${w.id}/deliveries?limit=100`)).body;
    expect(log.meta.total).toBeGreaterThanOrEqual(expectedAll.length);
    expect(log.data.find((d: { status: string }) => d.status === 'delivered').attempt_log[0]).toMatchObject({
      attempt: 1,
      response_status: 204,
      error: null,
      next_retry_at: null,
    });
    expect((await api('GET', `/webhooks/${w.id}`)).body.data.last_triggered_at).not.toBeNull();
    await api('DELETE', `/webhooks/${w.id}`);
    await api('DELETE', `/monitors/${m.id}`);
  });

  it('a flapping probe monitor (flap_threshold 2): a webhook that subscribes to monitor.down alone gets its down, then one monitor.flapping, nothing more while it flaps (issue 15 item 5)', async () => {
    const w = (await api('POST', '/webhooks', { url: receiver.url('/flap-down'), events: ['monitor.down'] })).body.data;
    const m = await createMonitor({
      name: 'probe flapper',
      flap_threshold: 2,
      confirmation_rounds: 0,
      recovery_rounds: 0,
    });
    await waitFor('up', async () => (await get(m.id)).status === 'up');
    for (let i = 0; i < 3; i++) {
      setFailing(m.id, ['eu-west', 'us-east']);
      await waitFor('down', async () => (await get(m.id)).status === 'down');
      setFailing(m.id, []);
      await waitFor('up', async () => (await get(m.id)).status === 'up');
    }
    await api('PATCH', `/monitors/${m.id}/toggle`, { is_active: false });
    expect((await get(m.id)).flapping).toBe(true);
    await waitFor('down and flapping delivered', () => payloads('/flap-down', m.id).length >= 2, 30_000);
    const rows = (
      await pg.query(
        `SELECT event FROM notification_deliveries WHERE monitor_id = $1 AND webhook_id = $2 ORDER BY sequence`,
        [m.id, w.id],
      )
    ).rows.map((r) => r.event);
    expect(rows).toEqual(['monitor.down', 'monitor.flapping']);
    expect(payloads('/flap-down', m.id).map((p) => p.event)).toEqual(['monitor.down', 'monitor.flapping']);
    expect(payloads('/flap-down', m.id)[1]).toMatchObject({
      status: 'down',
      flapping: { changes: 3, window_seconds: 3600, collapsed: 0 },
    });
    await api('DELETE', `/webhooks/${w.id}`);
    await api('DELETE', `/monitors/${m.id}`);
  });

  it('keeps retrying a receiver that is down for its first attempts and delivers later; the log records every attempt', async () => {
    receiver.answer('/flaky', (_r, nth) => (nth < 3 ? 503 : 200));
    const w = (await api('POST', '/webhooks', { url: receiver.url('/flaky') })).body.data;
    const test = await api('POST', `/webhooks/${w.id}/test`);
    expect(test.status).toBe(202);
    expect(test.body.data).toMatchObject({ event: 'test', status: 'pending' });
    await waitFor('delivered after 3 failures', () => receiver.delivered('/flaky').length === 1, 20_000);
    expect(receiver.to('/flaky').map((r) => r.answered)).toEqual([503, 503, 503, 200]);
    // The same message every time (same webhook-id), each attempt signed afresh.
    expect(new Set(receiver.to('/flaky').map((r) => r.headers['webhook-id'])).size).toBe(1);
    expect(receiver.to('/flaky')[0].headers['webhook-id']).toBe(test.body.data.id);
    const d = await waitFor('log complete', async () => {
      const x = (await api('GET', `/webhooks/${w.id}/deliveries`)).body.data[0];
      return x.status === 'delivered' && x;
    });
    expect(d.attempts).toBe(4);
    expect(d.attempt_log.map((a: { response_status: number }) => a.response_status)).toEqual([503, 503, 503, 200]);
    expect(d.attempt_log[0].error).toMatch(/HTTP 503/);
    for (const a of d.attempt_log.slice(0, 3))
      expect(Date.parse(a.next_retry_at)).toBeGreaterThan(Date.parse(a.attempted_at));
    expect(d.attempt_log[3].next_retry_at).toBeNull();
    expect(JSON.parse(receiver.delivered('/flaky')[0].body)).toMatchObject({ event: 'test', sequence: null });
    await api('DELETE', `/webhooks/${w.id}`);
  });

  it('gives up after the last retry, disables an endpoint that answers 410 Gone, and retries by hand', async () => {
    receiver.answer('/dead', () => 500);
    const dead = (await api('POST', '/webhooks', { url: receiver.url('/dead') })).body.data;
    await api('POST', `/webhooks/${dead.id}/test`);
    const failed = await waitFor(
      'failed',
      async () => {
        const x = (await api('GET', `/webhooks/${dead.id}/deliveries`)).body.data[0];
        return x.status === 'failed' && x;
      },
      20_000,
    );
    expect(failed.attempts).toBe(5); // first attempt + the 4 retries of the schedule
    expect(failed.next_retry_at).toBeNull();
    expect(receiver.to('/dead')).toHaveLength(5);

    receiver.answer('/dead', () => 200);
    const again = await api('POST', `/webhooks/${dead.id}/deliveries/${failed.id}/retry`);
    expect(again.status).toBe(202);
    expect(again.body.data.status).toBe('pending');
    await waitFor('manual retry delivered', () => receiver.delivered('/dead').length === 1);
    expect((await api('POST', `/webhooks/${dead.id}/deliveries/msg_nope/retry`)).status).toBe(404);

    receiver.answer('/gone', () => 410);
    const gone = (await api('POST', '/webhooks', { url: receiver.url('/gone') })).body.data;
    await api('POST', `/webhooks/${gone.id}/test`);
    const w = await waitFor('disabled', async () => {
      const x = (await api('GET', `/webhooks/${gone.id}`)).body.data;
      return x.active === false && x;
    });
    expect(w.disabled_reason).toMatch(/410 Gone/);
    expect(receiver.to('/gone')).toHaveLength(1); // never retried
    const d = (await api('GET', `/webhooks/${gone.id}/deliveries`)).body.data[0];
    expect(d).toMatchObject({ status: 'disabled', attempts: 1, last_response_status: 410 });
    expect((await api('POST', `/webhooks/${gone.id}/test`)).status).toBe(409);

    // PATCH: a new URL and active again; bad input is refused; another account cannot touch it.
    expect((await api('PATCH', `/webhooks/${gone.id}`, { events: ['nope'] })).status).toBe(422);
    expect((await api('PATCH', `/webhooks/${gone.id}`, { secret: 'whsec_x' })).status).toBe(422);
    expect(
      (await call(t.api, (await signup(t.api)).key, 'PATCH', `/webhooks/${gone.id}`, { active: true })).status,
    ).toBe(404);
    const fixed = await api('PATCH', `/webhooks/${gone.id}`, {
      url: receiver.url('/gone-fixed'),
      active: true,
      events: ['status_change'],
    });
    expect(fixed.status).toBe(200);
    expect(fixed.body.data).toMatchObject({
      url: receiver.url('/gone-fixed'),
      active: true,
      disabled_reason: null,
      events: [
        'monitor.down',
        'monitor.up',
        'monitor.degraded',
        'monitor.slow',
        'monitor.warn',
        'monitor.flapping',
        'monitor.stable',
      ],
      secret: 'whsec_********',
    });
    await api('POST', `/webhooks/${gone.id}/test`);
    await waitFor('delivered to the new URL', () => receiver.delivered('/gone-fixed').length === 1);

    // A monitor's own channel answering 410 is cleared on the monitor.
    receiver.answer('/slack-gone', () => 410);
    const m = await createMonitor({ name: 'slack gone', alert_slack_webhook: receiver.url('/slack-gone') });
    await waitFor('slack channel cleared', async () => (await get(m.id)).alert_slack_webhook === '');
    expect(receiver.to('/slack-gone')).toHaveLength(1);
    await api('DELETE', `/monitors/${m.id}`);
    await api('DELETE', `/webhooks/${dead.id}`);
    await api('DELETE', `/webhooks/${gone.id}`);
  });

  it("sends the monitor's own channels in their formats: webhook_url, Slack blocks, Discord embeds coloured by status, email over SMTP", async () => {
    const m = await createMonitor({
      name: 'channels',
      webhook_url: receiver.url('/own'),
      alert_slack_webhook: receiver.url('/slack'),
      alert_discord_webhook: receiver.url('/discord'),
      alert_email: 'ops@example.com',
    });
    await waitFor('up', async () => (await get(m.id)).status === 'up');
    setFailing(m.id, ['eu-west', 'us-east', 'ap-south']);
    await waitFor('down', async () => (await get(m.id)).status === 'down');
    await api('PATCH', `/monitors/${m.id}/toggle`, { is_active: false });
    await waitFor(
      'every channel got up and down',
      () =>
        receiver.delivered('/own').length >= 2 &&
        receiver.delivered('/slack').length >= 2 &&
        receiver.delivered('/discord').length >= 2 &&
        mails.filter((x) => x.to.includes('ops@example.com')).length >= 2,
    );
    const own = payloads('/own', m.id);
    expect(own.map((p) => p.event)).toEqual(['monitor.up', 'monitor.down']); // incident events go to account webhooks only
    expect(receiver.delivered('/own')[0].headers['webhook-id']).toMatch(/^msg_/);

    const slack = receiver.delivered('/slack').map((r) => JSON.parse(r.body));
    expect(slack[1].text).toBe('channels is DOWN (was up)');
    expect(slack[1].blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'channels is DOWN (was up)' },
    });
    expect(JSON.stringify(slack[1].blocks[1])).toMatch(/Regions up\*\\n0\/3 \(quorum 2\)/);

    const discord = receiver.delivered('/discord').map((r) => JSON.parse(r.body).embeds[0]);
    expect(discord.map((e) => e.color)).toEqual([0x2ecc71, 0xe74c3c]);
    expect(discord[1].title).toBe('channels is DOWN (was up)');
    expect(discord[1].fields.find((f: { name: string }) => f.name === 'Failing').value).toMatch(/eu-west: HTTP 503/);

    const mail = mails.filter((x) => x.to.includes('ops@example.com'));
    expect(mail[1].raw).toMatch(/^Subject: \[Parallax\] channels is DOWN \(was up\)/m);
    expect(mail[1].raw).toMatch(/^From: Parallax <alerts@parallax.test>/m);
    expect(mail[1].raw).toMatch(/Regions up: 0\/3 \(quorum 2\)/);
    await api('DELETE', `/monitors/${m.id}`);
  });

  it('fires sla.breach once when uptime over the window falls below sla_target', async () => {
    const w = (await api('POST', '/webhooks', { url: receiver.url('/sla'), events: ['sla_breach'] })).body.data;
    expect(w.events).toEqual(['sla.breach']);
    const bad = await api('POST', '/monitors', { name: 'x', url: 'http://127.0.0.1:1/', sla_target: 101 });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toMatch(/sla_target must be between 0 and 100/);
    const m = await createMonitor({ name: 'sla', sla_target: 80, sla_window_days: 1 });
    expect((await get(m.id)).sla_target).toBe(80);
    await waitFor('4 up rounds', async () => (await get(m.id)).checks_total >= 4);
    setFailing(m.id, ['eu-west', 'us-east']);
    await waitFor('breach', () => payloads('/sla', m.id).length === 1, 20_000);
    await waitFor('a few more down rounds', async () => (await get(m.id)).checks_failed >= 4);
    await api('PATCH', `/monitors/${m.id}/toggle`, { is_active: false });
    const [breach] = payloads('/sla', m.id);
    expect(breach).toMatchObject({ event: 'sla.breach', sla: { target_percent: 80, window_days: 1 } });
    expect(breach.sla.uptime_percent).toBeLessThan(80);
    expect(payloads('/sla', m.id)).toHaveLength(1); // once, not on every down round
    await api('DELETE', `/webhooks/${w.id}`);
    await api('DELETE', `/monitors/${m.id}`);
  });

  it('notifies heartbeat status changes through the same path (webhook_url of a heartbeat monitor)', async () => {
    const res = await api('POST', '/monitors', {
      monitor_type: 'heartbeat',
      name: 'backup job',
      heartbeat_interval: 60,
      heartbeat_grace_period: 0,
      webhook_url: receiver.url('/hb'),
    });
    expect(res.status).toBe(201);
    const m = res.body.data;
    const u = new URL(m.ping_url);
    expect((await fetch(`${t.baseUrl}${u.pathname}${u.search}`)).status).toBe(200);
    await waitFor('heartbeat up', async () => (await get(m.id)).status === 'up');
    expect((await fetch(`${t.baseUrl}${u.pathname}/fail${u.search}`)).status).toBe(200);
    await waitFor('heartbeat down', async () => (await get(m.id)).status === 'down');
    await waitFor('up and down delivered', () => payloads('/hb', m.id).length === 2);
    const [up, down] = payloads('/hb', m.id);
    expect(up).toMatchObject({
      event: 'monitor.up',
      previous_status: 'pending',
      monitor: { id: m.id, type: 'heartbeat' },
    });
    expect(down).toMatchObject({ event: 'monitor.down', previous_status: 'up', status: 'down', region_results: [] });
    expect(down.sequence).toBe(up.sequence + 1);
    await api('DELETE', `/monitors/${m.id}`);
  });

  it('records the attempts of a delivery whose webhook was deleted mid-delivery without a foreign-key failure (the others still recorded)', async () => {
    const gone = (await api('POST', '/webhooks', { url: receiver.url('/gone-mid') })).body.data;
    const kept = (await api('POST', '/webhooks', { url: receiver.url('/kept-mid') })).body.data;
    const goneDelivery = (await api('POST', `/webhooks/${gone.id}/test`)).body.data.id as string;
    const keptDelivery = (await api('POST', `/webhooks/${kept.id}/test`)).body.data.id as string;
    await waitFor('kept delivered', () => receiver.delivered('/kept-mid').length >= 1);
    // The dispatcher sent both and now records them, but one webhook was deleted in between (its deliveries cascade away).
    await api('DELETE', `/webhooks/${gone.id}`);
    const attemptsOf = async (id: string) =>
      (await pg.query('SELECT count(*)::int AS n FROM notification_attempts WHERE delivery_id = $1', [id])).rows[0]
        .n as number;
    const before = await attemptsOf(keptDelivery);
    const at = new Date();
    const record = (deliveryId: string, webhookId: string) => ({
      deliveryId,
      attempt: 9,
      attemptedAt: at,
      responseStatus: 200,
      durationMs: 5,
      error: null,
      status: 'delivered' as const,
      nextRetryAt: null,
      webhookId,
    });
    await expect(
      t.app.get(SystemOutboxRepository).recordAttempts([record(goneDelivery, gone.id), record(keptDelivery, kept.id)]),
    ).resolves.toBeUndefined();
    expect(await attemptsOf(goneDelivery)).toBe(0);
    expect(await attemptsOf(keptDelivery)).toBe(before + 1);
    await api('DELETE', `/webhooks/${kept.id}`);
  });

  it('exports the outbox depth and the age of the oldest due delivery; a leased row waits for its lease', async () => {
    const clock = t.app.get(Clock);
    const w = (await api('POST', '/webhooks', { url: receiver.url('/leased') })).body.data;
    const accountId = (await pg.query('SELECT account_id FROM webhooks WHERE id = $1', [w.id])).rows[0].account_id;
    const now = clock.freeze();
    try {
      // What a replica that died mid-send leaves: due for 10 minutes, its lease still running for 2 s.
      await pg.query(
        `INSERT INTO notification_deliveries (id, account_id, webhook_id, channel, destination, target, event, payload, next_attempt_at, locked_until)
         VALUES ('msg_leased', $1, $2, 'webhook', $2, $3, 'test', '{"event":"test"}', $4::timestamptz - interval '10 minutes', $4::timestamptz + interval '2 seconds')`,
        [accountId, w.id, receiver.url('/leased'), now],
      );
      const metrics = await (await fetch(`${t.baseUrl}/metrics`)).text();
      expect(Number(/^parallax_notification_outbox_pending (\S+)$/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(1);
      expect(
        Number(/^parallax_notification_outbox_oldest_due_seconds (\S+)$/m.exec(metrics)?.[1]),
      ).toBeGreaterThanOrEqual(599);
      // A dispatch pass while the lease runs claims nothing of it.
      await t.app.get(DispatcherService).dispatchOnce();
      expect(
        (await pg.query(`SELECT attempts FROM notification_deliveries WHERE id = 'msg_leased'`)).rows[0].attempts,
      ).toBe(0);
      expect(receiver.to('/leased')).toHaveLength(0); // not while the lease runs
      clock.advance(2_001);
      await waitFor('sent once the lease expired', () => receiver.delivered('/leased').length === 1);
    } finally {
      clock.set(null);
    }
    expect(receiver.delivered('/leased')[0].headers['webhook-id']).toBe('msg_leased');
    await api('DELETE', `/webhooks/${w.id}`);
  });

  it('in a maintenance window records checks but opens no incident, queues nothing and counts nothing; a change that holds at its end is notified then to every channel (issue 15 item 9)', async () => {
    const clock = t.app.get(Clock);
    const w = (await api('POST', '/webhooks', { url: receiver.url('/maint') })).body.data;
    /**
     * The round the scheduler claims at the clock's instant, decided (the monitor checks every second), with the
     * confirmation round a status change asks for at the same (held) instant.
     */
    const roundNow = (id: string) =>
      waitFor(`round of ${id} at ${clock.now().toISOString()} decided`, async () => {
        const r = await pg.query('SELECT decided_at FROM rounds WHERE monitor_id = $1 AND scheduled_at = $2', [
          id,
          clock.now(),
        ]);
        const m = await pg.query('SELECT pending_status FROM monitor_state WHERE monitor_id = $1', [id]);
        const settled = (m.rows[0]?.pending_status ?? null) === null;
        return r.rows.length >= 1 && r.rows.every((x) => x.decided_at !== null) && settled;
      });
    /** Moves the clock one interval on, round by round, until `done` (at most `rounds` rounds). */
    const roundsUntil = async (id: string, done: () => Promise<boolean>, rounds = 10) => {
      for (let i = 0; i < rounds && !(await done()); i++) {
        clock.advance(1_000);
        await roundNow(id);
      }
      expect(await done()).toBe(true);
    };
    const inMaintenanceRounds = async (id: string) =>
      (await pg.query('SELECT count(*)::int AS n FROM rounds WHERE monitor_id = $1 AND in_maintenance', [id])).rows[0]
        .n as number;
    const mailsTo = (addr: string) => mails.filter((x) => x.to.includes(addr));
    // 2026-11-22 is a Sunday; the window crosses midnight into Monday. The monitor starts before it.
    clock.set(new Date('2026-11-22T22:58:00Z'));
    try {
      await t.app.get(PartitionsService).maintain(); // the round partitions of that day, as the periodic maintenance would make them
      const m = await createMonitor({
        name: 'maintained',
        maintenance_windows: [{ day: 'sunday', start_utc: '23:00', end_utc: '01:00' }],
        webhook_url: receiver.url('/maint-own'),
        alert_slack_webhook: receiver.url('/maint-slack'),
        alert_discord_webhook: receiver.url('/maint-discord'),
        alert_email: 'maint@example.com',
      });
      await roundNow(m.id); // a new monitor is checked at once
      await roundsUntil(m.id, async () => (await get(m.id)).status === 'up');
      await waitFor('up notified before the window', () => receiver.delivered('/maint-own').length >= 1);
      const countedBefore = (await get(m.id)).checks_total;
      expect(countedBefore).toBeGreaterThan(0);
      clock.set(new Date('2026-11-22T23:00:00Z'));
      await roundNow(m.id);
      setFailing(m.id, ['eu-west', 'us-east', 'ap-south']);
      await roundsUntil(m.id, async () => (await get(m.id)).status === 'down');
      const before = await inMaintenanceRounds(m.id);
      await roundsUntil(m.id, async () => (await inMaintenanceRounds(m.id)) >= before + 2);
      // Checks are recorded (rounds decided, marked), but left out of the counters and the uptime.
      expect((await get(m.id)).checks_total).toBe(countedBefore);
      expect(
        (
          await pg.query(
            `SELECT count(*)::int AS n FROM rounds WHERE monitor_id = $1 AND outcome = 'down' AND in_maintenance`,
            [m.id],
          )
        ).rows[0].n,
      ).toBeGreaterThanOrEqual(2);
      expect(
        (
          await pg.query(
            `SELECT count(*)::int AS n FROM rollups_hourly WHERE monitor_id = $1 AND region = '*' AND bucket_start >= '2026-11-22T23:00:00Z'`,
            [m.id],
          )
        ).rows[0].n,
      ).toBe(0);
      expect((await api('GET', `/incidents?monitor_id=${m.id}`)).body.data).toEqual([]);
      const queued = await pg.query(
        `SELECT count(*)::int AS n FROM notification_deliveries WHERE monitor_id = $1 AND event <> 'monitor.up'`,
        [m.id],
      );
      expect(queued.rows[0].n).toBe(0);
      const metrics = await (await fetch(`${t.baseUrl}/metrics`)).text();
      expect(metrics).toMatch(/parallax_notifications_suppressed_total\{event="monitor.down"\} [1-9]/);

      // The window ends (01:00 is outside: the end is exclusive) with the monitor still down:
      // "down" is notified then, to every channel, with the incident.
      clock.set(new Date('2026-11-23T01:00:00Z'));
      await roundNow(m.id);
      const incident = await waitFor(
        'incident after the window',
        async () => (await api('GET', `/incidents?monitor_id=${m.id}`)).body.data[0],
      );
      expect(incident.status).toBe('open');
      await waitFor(
        'down delivered to every channel',
        () =>
          payloads('/maint', m.id).length >= 3 &&
          receiver.delivered('/maint-own').length >= 2 &&
          receiver.delivered('/maint-slack').length >= 2 &&
          receiver.delivered('/maint-discord').length >= 2 &&
          mailsTo('maint@example.com').length >= 2,
      );
      expect(payloads('/maint', m.id).map((p) => [p.event, p.previous_status, p.status])).toEqual([
        ['monitor.up', 'pending', 'up'],
        ['monitor.down', 'up', 'down'],
        ['incident.created', 'up', 'down'],
      ]);
      expect(payloads('/maint-own', m.id).map((p) => p.event)).toEqual(['monitor.up', 'monitor.down']);
      expect(JSON.parse(receiver.delivered('/maint-slack')[1].body).text).toBe('maintained is DOWN (was up)');
      expect(JSON.parse(receiver.delivered('/maint-discord')[1].body).embeds[0].title).toBe(
        'maintained is DOWN (was up)',
      );
      expect(mailsTo('maint@example.com')[1].raw).toMatch(/^Subject: \[Parallax\] maintained is DOWN \(was up\)/m);

      // Later it recovers: "up (was down)", once.
      setFailing(m.id, []);
      await roundsUntil(m.id, async () => (await get(m.id)).status === 'up');
      await api('PATCH', `/monitors/${m.id}/toggle`, { is_active: false });
      await waitFor(
        'outbox of the monitor settled',
        async () =>
          (
            await pg.query(
              `SELECT count(*)::int AS n FROM notification_deliveries WHERE monitor_id = $1 AND status = 'pending'`,
              [m.id],
            )
          ).rows[0].n === 0,
      );
      const outbox = await pg.query(
        `SELECT DISTINCT event, sequence FROM notification_deliveries WHERE monitor_id = $1 ORDER BY sequence`,
        [m.id],
      );
      expect(outbox.rows.map((r) => r.event)).toEqual([
        'monitor.up',
        'monitor.down',
        'incident.created',
        'monitor.up',
        'incident.resolved',
      ]);
      await waitFor('up delivered', () => receiver.delivered('/maint-slack').length >= 3);
      expect(JSON.parse(receiver.delivered('/maint-slack')[2].body).text).toBe('maintained is UP (was down)');
      expect(payloads('/maint-own', m.id).map((p) => `${p.event} (was ${p.previous_status})`)).toEqual([
        'monitor.up (was pending)',
        'monitor.down (was up)',
        'monitor.up (was down)',
      ]);
      await api('DELETE', `/monitors/${m.id}`);
    } finally {
      clock.set(null);
      await api('DELETE', `/webhooks/${w.id}`);
    }
  });
});
