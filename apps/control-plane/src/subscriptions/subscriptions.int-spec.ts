import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { Webhook } from 'standardwebhooks';
import { WebhookReceiver } from '@parallax/testing';
import { MaintenanceService } from '../maintenance/maintenance.service';
import { FakeProbes } from '../testing/fake-probe';
import { call, signup, startTestApp, TestApp, waitFor } from '../testing/harness';
import type { SubscribablePage } from './page-directory';

jest.setTimeout(120_000);

interface Mail {
  to: string[];
  headers: Record<string, string>;
  subject: string;
  text: string;
}

/** Headers (unfolded, lower-case names) and the decoded text/plain body of a raw message from nodemailer. */
function parseMail(raw: string, to: string[]): Mail {
  const [head, ...rest] = raw.split(/\r\n\r\n/);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split(/\r\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
  }
  let body = rest.join('\r\n\r\n');
  if (/quoted-printable/i.test(headers['content-transfer-encoding'] ?? '')) {
    body = Buffer.from(
      body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  } else if (/base64/i.test(headers['content-transfer-encoding'] ?? '')) {
    body = Buffer.from(body, 'base64').toString('utf8');
  }
  const subject = (headers.subject ?? '').replace(/=\?utf-8\?Q\?([^?]*)\?=/gi, (_, q: string) =>
    Buffer.from(
      q.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/g, (__, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8'),
  );
  return { to, headers, subject, text: body.replace(/\r\n/g, '\n') };
}

/**
 * Status page subscriptions end to end on a real control plane (PostgreSQL, NATS, fake
 * probes deciding real rounds, an SMTP server and an HTTP receiver on loopback):
 * subscribe, confirm through the emailed link, receive an automatic incident and its
 * resolution, unsubscribe through the link, receive nothing more; webhook subscribers
 * signed with Standard Webhooks; the owner API with masked emails; rate limits.
 * The page is a real status page listing the test's public monitor.
 */
describe('status page subscriptions', () => {
  let t: TestApp;
  let key: string;
  let accountId: string;
  let probes: FakeProbes;
  let pg: Client;
  const receiver = new WebhookReceiver();
  const mails: Mail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('latin1')));
      stream.on('end', () => {
        mails.push(
          parseMail(
            raw,
            session.envelope.rcptTo.map((r) => r.address),
          ),
        );
        callback();
      });
    },
  });
  const down = new Set<string>();
  let monitor: { id: string; name: string };
  let page: SubscribablePage;

  beforeAll(async () => {
    await receiver.start();
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
    t = await startTestApp({
      TRUST_PROXY: '1', // the test client plays a proxy in front: its X-Forwarded-For names the client
      ROUND_GRACE_SECONDS: '1',
      SCHEDULER_TICK_MS: '100',
      NOTIFY_POLL_MS: '50',
      NOTIFY_RETRY_SCHEDULE: '200ms,300ms',
      NOTIFY_TIMEOUT_MS: '2000',
      SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}`,
      SMTP_FROM: 'Acme Status <status@parallax.test>',
      PUBLIC_URL: 'https://parallax.test',
    });
    const s = await signup(t.api);
    key = s.key;
    accountId = s.accountId;
    probes = new FakeProbes(t.natsPrefix, ['eu-west', 'us-east', 'ap-south']);
    probes.verdict = (_region, job) =>
      down.has(job.monitor_id)
        ? { is_up: false, status_code: 503, response_ms: 30, error: 'HTTP 503' }
        : { is_up: true, status_code: 200, response_ms: 10 };
    await probes.start();
    pg = new Client({ connectionString: t.databaseUrl });
    await pg.connect();
    const created = await call(t.api, key, 'POST', '/monitors', {
      name: 'Checkout API',
      url: 'http://127.0.0.1:1/',
      check_interval: 1,
      timeout: 2,
      public: true,
    });
    expect(created.status).toBe(201);
    monitor = created.body.data;
    const created2 = await call(t.api, key, 'POST', '/status-pages', {
      slug: 'acme',
      title: 'Acme Status',
      monitor_ids: [monitor.id],
    });
    expect(created2.status).toBe(201);
    page = { id: created2.body.data.id, accountId, slug: 'acme', title: 'Acme Status', url: created2.body.data.url };
    await waitFor(
      'monitor up',
      async () => (await call(t.api, key, 'GET', `/monitors/${monitor.id}`)).body.data.status === 'up',
      30_000,
    );
  });
  afterAll(async () => {
    await pg?.end();
    await probes?.stop();
    await t?.close();
    await receiver.stop();
    await new Promise<void>((r) => smtp.close(() => r()));
  });

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${t.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  /** An emailed link, followed on the test server (PUBLIC_URL is the address users see). */
  const local = (link: string) => `${t.baseUrl}${new URL(link).pathname}${new URL(link).search}`;
  const mailsTo = (to: string) => mails.filter((m) => m.to.some((a) => a.toLowerCase() === to));
  const linkIn = (text: string, label: string) =>
    new RegExp(`${label}: (https://parallax\\.test/\\S+)`).exec(text)?.[1];
  const incidentOpen = async () =>
    (await pg.query(`SELECT count(*)::int AS n FROM incidents WHERE monitor_id = $1 AND status = 'open'`, [monitor.id]))
      .rows[0].n === 1;

  it('round trip: subscribe, confirm through the link, incident and resolution by email, unsubscribe through the link, nothing more', async () => {
    const ann = 'ann@example.com';
    const hook = await call(t.api, key, 'POST', `/status-pages/${page.id}/subscribers`, {
      type: 'webhook',
      url: receiver.url('/page-hook'),
    });
    expect(hook.status).toBe(201);
    const secret = hook.body.data.secret as string;
    expect(secret).toMatch(/^whsec_/);

    const sub = await post('/s/acme/subscribe', { email: ' Ann@Example.com ' });
    expect(sub.status).toBe(202);
    expect(await sub.json()).toEqual({ success: true, message: expect.stringContaining('Check your inbox') });

    const confirmMail = await waitFor('confirmation email', () =>
      mailsTo(ann).find((m) => m.subject.startsWith('Confirm')),
    );
    expect(confirmMail.subject).toBe('Confirm your subscription to Acme Status');
    const confirmLink = linkIn(confirmMail.text, 'Confirm');
    expect(confirmLink).toMatch(/^https:\/\/parallax\.test\/s\/acme\/confirm\?token=sub_/);

    // Not confirmed yet: an incident now reaches the webhook subscriber but not the address.
    const listed = await call(t.api, key, 'GET', `/status-pages/${page.id}/subscribers`);
    expect(listed.status).toBe(200);
    expect(listed.body.meta.total).toBe(2);
    const emailRow = listed.body.data.find((s: { type: string }) => s.type === 'email');
    expect(emailRow).toMatchObject({ email: 'A**@e******.com', status: 'pending', confirmed_at: null });
    expect(JSON.stringify(listed.body)).not.toContain('ann@');
    expect(JSON.stringify(listed.body)).not.toContain(secret.slice(6));

    const confirmed = await fetch(local(confirmLink!));
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain('Your subscription is confirmed');
    expect((await fetch(local(confirmLink!))).status).toBe(200); // a second click: already confirmed
    expect(
      (await call(t.api, key, 'GET', `/status-pages/${page.id}/subscribers`)).body.data.find(
        (s: { type: string }) => s.type === 'email',
      ).status,
    ).toBe('confirmed');

    down.add(monitor.id);
    const opened = await waitFor(
      'incident email',
      () => mailsTo(ann).find((m) => m.subject.includes('New incident')),
      30_000,
    );
    expect(opened.subject).toBe('[Acme Status] New incident: Checkout API is down');
    expect(opened.text).toContain('Affected services: Checkout API');
    expect(opened.text).toContain('Checkout API is down (failing in ');
    const unsubscribeLink = linkIn(opened.text, 'Unsubscribe');
    expect(unsubscribeLink).toMatch(/^https:\/\/parallax\.test\/s\/acme\/unsubscribe\?token=sub_/);
    expect(opened.headers['list-unsubscribe']).toBe(`<${unsubscribeLink}>`);
    expect(opened.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');

    down.delete(monitor.id);
    const resolved = await waitFor(
      'resolution email',
      () => mailsTo(ann).find((m) => m.subject.includes('Resolved')),
      30_000,
    );
    expect(resolved.subject).toBe('[Acme Status] Resolved: Checkout API is down');
    expect(resolved.text).toMatch(/Checkout API is back up after \d+/);

    // The webhook subscriber got both, signed (Standard Webhooks), in order.
    const hooks = await waitFor('webhook events', () => {
      const got = receiver.delivered('/page-hook');
      return got.length >= 2 ? got : null;
    });
    const wh = new Webhook(secret);
    const events = hooks.map(
      (r) =>
        wh.verify(r.body, {
          'webhook-id': String(r.headers['webhook-id']),
          'webhook-timestamp': String(r.headers['webhook-timestamp']),
          'webhook-signature': String(r.headers['webhook-signature']),
        }) as { event: string; page: { title: string }; affected_monitors: string[]; update: string },
    );
    expect(events.map((e) => e.event)).toEqual(['incident.created', 'incident.resolved']);
    expect(events[0]).toMatchObject({ page: { title: 'Acme Status' }, affected_monitors: ['Checkout API'] });

    // Unsubscribe through the link: a page with one button, then the POST.
    const form = await fetch(local(unsubscribeLink!));
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('<button type="submit">Unsubscribe</button>');
    const gone = await fetch(local(unsubscribeLink!), { method: 'POST' });
    expect(gone.status).toBe(200);
    expect(await gone.text()).toContain('You will not receive any more updates');
    expect(
      (
        await fetch(local(unsubscribeLink!), {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'List-Unsubscribe=One-Click',
        })
      ).status,
    ).toBe(200); // one-click, idempotent

    // A second incident: the webhook subscriber is told, the address is not (same transaction, so no row exists for it).
    const mailsBefore = mailsTo(ann).length;
    down.add(monitor.id);
    await waitFor('second incident to the webhook', () => receiver.delivered('/page-hook').length >= 3, 30_000);
    await waitFor('second incident open', incidentOpen);
    const rows = await pg.query(
      `SELECT count(*)::int AS n FROM notification_deliveries WHERE channel = 'page_email' AND event <> 'subscription.confirm' AND created_at > (SELECT max(created_at) FROM notification_deliveries WHERE channel = 'page_email' AND event = 'incident.resolved')`,
    );
    expect(rows.rows[0].n).toBe(0);
    expect(mailsTo(ann).length).toBe(mailsBefore);
    down.delete(monitor.id);
    await waitFor('resolved again', async () => !(await incidentOpen()), 30_000);
  });

  it('manual incidents with their updates and scheduled maintenance reach confirmed subscribers (email and signed webhook); the page has the form, the feed the maintenance', async () => {
    const cyd = 'cyd@example.com';
    const html = await (await fetch(`${t.baseUrl}/s/acme`)).text();
    expect(html).toContain('<form class="px-subscribe" method="post" action="/s/acme/subscribe">');
    // The form works without JavaScript: a urlencoded post answers an HTML page.
    const form = await fetch(`${t.baseUrl}/s/acme/subscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: `email=${encodeURIComponent(cyd)}`,
    });
    expect(form.status).toBe(202);
    expect(form.headers.get('content-type')).toMatch(/text\/html/);
    const confirmMail = await waitFor('cyd confirmation', () =>
      mailsTo(cyd).find((m) => m.subject.startsWith('Confirm')),
    );
    expect((await fetch(local(linkIn(confirmMail.text, 'Confirm')!))).status).toBe(200);
    const hooksBefore = receiver.delivered('/page-hook').length;

    const api = (method: string, path: string, body?: unknown) => call(t.api, key, method, path, body);
    const inc = (
      await api('POST', '/incidents', {
        title: 'Payment delays',
        description: 'Some payments are slow.',
        monitor_ids: [monitor.id],
      })
    ).body.data;
    await api('POST', `/incidents/${inc.id}/updates`, {
      label: 'Identified',
      content: 'A queue backlog; draining it.',
    });
    await api('PATCH', `/incidents/${inc.id}`, { status: 'resolved' });
    const now = Date.now();
    const mnt = (
      await api('POST', '/maintenance', {
        title: 'DB upgrade',
        monitor_ids: [monitor.id],
        starts_at: new Date(now + 1_000).toISOString(),
        ends_at: new Date(now + 2_000).toISOString(),
      })
    ).body.data;
    const sweep = t.app.get(MaintenanceService);
    await waitFor('maintenance completed', async () => {
      await sweep.sweep();
      return (await api('GET', `/maintenance/${mnt.id}`)).body.data.status === 'completed';
    });

    const subjects = [
      'New incident: Payment delays',
      'Incident update: Payment delays',
      'Resolved: Payment delays',
      'Maintenance scheduled: DB upgrade',
      'Maintenance started: DB upgrade',
      'Maintenance completed: DB upgrade',
    ].map((x) => `[Acme Status] ${x}`);
    await waitFor('six emails to cyd', () => subjects.every((x) => mailsTo(cyd).some((m) => m.subject === x)));
    const update = mailsTo(cyd).find((m) => m.subject === subjects[1])!;
    expect(update.text).toContain('A queue backlog; draining it.');
    expect(update.text).toContain('Affected services: Checkout API');
    expect(update.headers['list-unsubscribe']).toMatch(/^<https:\/\/parallax\.test\/s\/acme\/unsubscribe\?token=sub_/);
    const started = mailsTo(cyd).find((m) => m.subject === subjects[4])!;
    expect(started.text).toContain('Status: in_progress');
    expect(started.text).toContain(`Details: ${page.url}/maintenance/${mnt.id}`);

    const hooks = await waitFor('six webhook events', () => {
      const got = receiver.delivered('/page-hook').slice(hooksBefore);
      return got.length >= 6 ? got : null;
    });
    const secretRow = await pg.query(
      `SELECT secret FROM status_page_subscribers WHERE type = 'webhook' AND status_page_id = $1`,
      [page.id],
    );
    const wh = new Webhook(secretRow.rows[0].secret);
    const events = hooks.map(
      (r) =>
        wh.verify(r.body, {
          'webhook-id': String(r.headers['webhook-id']),
          'webhook-timestamp': String(r.headers['webhook-timestamp']),
          'webhook-signature': String(r.headers['webhook-signature']),
        }) as { event: string; subject: { kind: string; id: string } },
    );
    expect(events.map((e) => e.event).sort()).toEqual([
      'incident.created',
      'incident.resolved',
      'incident.updated',
      'maintenance.completed',
      'maintenance.scheduled',
      'maintenance.started',
    ]);
    expect(events.find((e) => e.event === 'maintenance.started')!.subject).toMatchObject({
      kind: 'maintenance',
      id: mnt.id,
    });
    // Each written in the transaction of its change, through the outbox (the delivery log has them).
    const rows = await pg.query(
      `SELECT event FROM notification_deliveries WHERE channel = 'page_email' AND target = $1 AND event LIKE 'maintenance.%'`,
      [cyd],
    );
    expect(rows.rows.map((r) => r.event).sort()).toEqual([
      'maintenance.completed',
      'maintenance.scheduled',
      'maintenance.started',
    ]);

    // The feed has the maintenance entry next to the incidents.
    const feed = await (await fetch(`${t.baseUrl}/s/acme/api/feed`)).text();
    expect(feed).toContain(`/maintenance/${mnt.id}</id>`);
    expect(feed).toContain('DB upgrade');
    expect(feed).toContain('Payment delays');
  });

  it('answers the same to an address already subscribed, sends it nothing, and refuses bad links', async () => {
    const bob = 'bob@example.com';
    expect((await post('/s/acme/subscribe', { email: bob }, { 'x-forwarded-for': '203.0.113.9' })).status).toBe(202);
    const first = await waitFor('bob confirmation', () => mailsTo(bob)[0]);
    const link = linkIn(first.text, 'Confirm')!;
    // a second subscribe sends a new link: the first stops working
    expect((await post('/s/acme/subscribe', { email: bob })).status).toBe(202);
    const second = await waitFor('second confirmation', () => mailsTo(bob)[1]);
    expect((await fetch(local(link))).status).toBe(400);
    expect((await fetch(local(linkIn(second.text, 'Confirm')!))).status).toBe(200);
    // confirmed: subscribing again answers the same and sends nothing (no row is written)
    expect((await post('/s/acme/subscribe', { email: bob })).status).toBe(202);
    const r = await pg.query(`SELECT count(*)::int AS n FROM notification_deliveries WHERE target = $1`, [bob]);
    expect(r.rows[0].n).toBe(2);

    for (const token of [
      '',
      'x',
      '%00',
      'sub_0000000000000000.' + 'A'.repeat(43),
      encodeURIComponent(linkIn(second.text, 'Confirm')!.split('token=')[1]) + 'x',
    ]) {
      expect((await fetch(`${t.baseUrl}/s/acme/confirm?token=${token}`)).status).toBe(400);
      expect((await fetch(`${t.baseUrl}/s/acme/unsubscribe?token=${token}`, { method: 'POST' })).status).toBe(400);
    }
    expect((await fetch(`${t.baseUrl}/s/acme/confirm?token=a&token=b`)).status).toBe(400);
  });

  it('validates input: not an address is 422, an unknown page 404, a form post answers HTML', async () => {
    for (const email of [
      'nope',
      '',
      'a@b',
      'x'.repeat(400),
      'ann@example.com\r\nBcc: eve@example.com',
      '\u0000@x.com',
    ]) {
      const res = await post('/s/acme/subscribe', { email });
      expect(res.status).toBe(422);
    }
    expect((await post('/s/acme/subscribe', { email: { $gt: '' } })).status).toBe(422);
    expect((await post('/s/acme/subscribe', '{"email":')).status).toBe(400);
    expect((await post('/s/nowhere/subscribe', { email: 'carl@example.com' })).status).toBe(404);
    const form = await fetch(`${t.baseUrl}/s/acme/subscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=dora%40example.com',
    });
    expect(form.status).toBe(202);
    expect(form.headers.get('content-type')).toMatch(/^text\/html/);
    await waitFor('dora confirmation', () => mailsTo('dora@example.com')[0]);
  });

  it('rate-limits per address and per IP, shared in PostgreSQL', async () => {
    const eve = 'eve@example.com';
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await post('/s/acme/subscribe', { email: eve }, { 'x-forwarded-for': '192.0.2.44' })).status);
    expect(statuses).toEqual([202, 202, 202, 429]);
    const limited = await post('/s/acme/subscribe', { email: eve }, { 'x-forwarded-for': '192.0.2.45' }); // another IP: the address is limited
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Per IP (X-Forwarded-For is believed for TRUST_PROXY=1 hop, as a proxy in front would send it).
    const perIp: number[] = [];
    for (let i = 0; i < 12; i++)
      perIp.push(
        (await post('/s/acme/subscribe', { email: `p${i}@example.com` }, { 'x-forwarded-for': '198.51.100.7' })).status,
      );
    expect(perIp.slice(0, 10).every((s) => s === 202)).toBe(true);
    expect(perIp.slice(10)).toEqual([429, 429]);
    // another client is not affected
    expect(
      (await post('/s/acme/subscribe', { email: 'fred@example.com' }, { 'x-forwarded-for': '198.51.100.8' })).status,
    ).toBe(202);
  });

  it('owner API: webhook subscribers only, SSRF-checked URL, account-scoped, delete', async () => {
    expect(
      (await call(t.api, key, 'POST', `/status-pages/${page.id}/subscribers`, { type: 'email', url: 'x' })).status,
    ).toBe(422);
    expect(
      (await call(t.api, key, 'POST', `/status-pages/${page.id}/subscribers`, { type: 'webhook', url: 'ftp://x' }))
        .status,
    ).toBe(422);
    expect(
      (await call(t.api, key, 'POST', `/status-pages/${page.id}/subscribers`, { type: 'sms', url: 'https://x.test' }))
        .status,
    ).toBe(422);
    const other = await signup(t.api);
    expect((await call(t.api, other.key, 'GET', `/status-pages/${page.id}/subscribers`)).status).toBe(404);
    expect(
      (
        await call(t.api, other.key, 'POST', `/status-pages/${page.id}/subscribers`, {
          type: 'webhook',
          url: receiver.url('/x'),
        })
      ).status,
    ).toBe(404);
    const list = (await call(t.api, key, 'GET', `/status-pages/${page.id}/subscribers?limit=500`)).body;
    expect(list.meta.limit).toBe(200);
    const hookId = list.data.find((s: { type: string }) => s.type === 'webhook').id;
    expect((await call(t.api, other.key, 'DELETE', `/status-pages/${page.id}/subscribers/${hookId}`)).status).toBe(404);
    expect((await call(t.api, key, 'DELETE', `/status-pages/${page.id}/subscribers/${hookId}`)).body.data).toEqual({
      deleted: true,
      subscriber_id: hookId,
    });
    expect((await call(t.api, key, 'DELETE', `/status-pages/${page.id}/subscribers/${hookId}`)).status).toBe(404);
  });

  it('deleting the page removes its subscribers (foreign key)', async () => {
    expect(
      (await pg.query('SELECT count(*)::int AS n FROM status_page_subscribers WHERE status_page_id = $1', [page.id]))
        .rows[0].n,
    ).toBeGreaterThan(0);
    expect((await call(t.api, key, 'DELETE', `/status-pages/${page.id}`)).status).toBe(200);
    expect(
      (await pg.query('SELECT count(*)::int AS n FROM status_page_subscribers WHERE status_page_id = $1', [page.id]))
        .rows[0].n,
    ).toBe(0);
    expect((await post('/s/acme/subscribe', { email: 'late@example.com' })).status).toBe(404);
  });
});
