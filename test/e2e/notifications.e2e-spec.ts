import { Client } from 'pg';
import { waitFor, WebhookReceiver } from '@parallax/testing';
import { Webhook } from 'standardwebhooks';
import { LocalSystem } from '../support/system';
import { RegionalTarget } from '../support/target';

jest.setTimeout(240_000);

interface Event {
  id: string;
  monitorId: string;
  event: string;
  sequence: number;
}

/**
 * Notifications with real processes: two control-plane replicas and three probes. Flapping
 * monitors produce events that the replicas deliver exactly once each, in order per
 * monitor, every one signed; then every replica is SIGKILLed while a delivery is in flight
 * (after the state change committed, before the receiver answered) and the restarted
 * control plane delivers it.
 */
describe('notifications across replicas and SIGKILL', () => {
  const receiver = new WebhookReceiver();
  const targets = Array.from({ length: 4 }, () => new RegionalTarget());
  const sys = new LocalSystem({
    controlPlanes: 2,
    controlPlaneEnv: {
      NOTIFY_POLL_MS: '50',
      NOTIFY_TIMEOUT_MS: '4000',
      NOTIFY_RETRY_SCHEDULE: '300ms,1s,2s,5s,10s',
      RATE_LIMIT_PER_MINUTE: '100000',
      PLAN_FREE_MAX_MONITORS: '100',
    },
  });
  let pg: Client;
  let secret = '';
  let webhookId = '';

  beforeAll(async () => {
    await receiver.start();
    for (const t of targets) await t.start();
    await sys.start();
    pg = new Client({ connectionString: sys.databaseUrl });
    await pg.connect();
    const w = await sys.call('POST', '/webhooks', { url: receiver.url('/hook'), events: ['*'] });
    expect(w.status).toBe(201);
    secret = w.body.data.secret;
    webhookId = w.body.data.id;
  });
  afterAll(async () => {
    await pg?.end();
    await sys.stop();
    for (const t of targets) await t.stop();
    await receiver.stop();
  });

  const received = (): Event[] =>
    receiver.delivered('/hook').map((r) => {
      const p = JSON.parse(r.body);
      return { id: String(r.headers['webhook-id']), monitorId: p.monitor?.id, event: p.event, sequence: p.sequence };
    });

  it('two replicas deliver every event of flapping monitors exactly once, in order per monitor, each signed', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await sys.callOn(i % 2, 'POST', '/monitors', {
        name: `flap ${i}`,
        url: targets[i % targets.length].url,
        check_interval: 1,
        timeout: 2,
      });
      expect(res.status).toBe(201);
      ids.push(res.body.data.id);
    }
    await waitFor(
      'every monitor up',
      async () => (await Promise.all(ids.map((id) => sys.monitor(id)))).every((m) => m.status === 'up'),
      60_000,
      250,
    );
    // Flap: down (two regions of three fail) and up again, targets out of step: each flip
    // waits until that target's monitors show it, while the other targets stay as they are.
    for (let round = 0; round < 6; round++) {
      const index = round % targets.length;
      const t = targets[index];
      if (t.failing.size) t.failing.clear();
      else ['eu-west', 'us-east'].forEach((r) => t.failing.add(r));
      const want = t.failing.size ? 'down' : 'up';
      const mine = ids.filter((_, i) => i % targets.length === index);
      await waitFor(
        `flip ${round}: monitors of target ${index} ${want}`,
        async () => (await Promise.all(mine.map((id) => sys.monitor(id)))).every((m) => m.status === want),
        60_000,
        250,
      );
    }
    for (const t of targets) t.failing.clear();
    await waitFor(
      'every monitor up again',
      async () => (await Promise.all(ids.map((id) => sys.monitor(id)))).every((m) => m.status === 'up'),
      60_000,
      250,
    );
    for (const id of ids) await sys.call('PATCH', `/monitors/${id}/toggle`, { is_active: false });
    await waitFor(
      'outbox drained',
      async () =>
        (await pg.query(`SELECT count(*)::int AS n FROM notification_deliveries WHERE status = 'pending'`)).rows[0]
          .n === 0,
      60_000,
      250,
    );

    const rows = (
      await pg.query(
        `SELECT id, monitor_id, event, sequence, status FROM notification_deliveries WHERE webhook_id = $1`,
        [webhookId],
      )
    ).rows;
    expect(rows.length).toBeGreaterThan(12 + 3 * 4); // ups, and at least a few down/incident/up cycles
    expect(rows.every((r) => r.status === 'delivered')).toBe(true);
    const got = received();
    // Exactly once: one request per outbox row, no id twice.
    expect(got).toHaveLength(rows.length);
    expect(new Set(got.map((e) => e.id))).toEqual(new Set(rows.map((r) => r.id)));
    // In order per monitor: the arrival order is the sequence order, without gaps.
    for (const id of ids) {
      const seq = got.filter((e) => e.monitorId === id).map((e) => e.sequence);
      expect(seq).toEqual(seq.map((_, i) => seq[0] + i));
    }
    const flapped = got.filter((e) => e.event === 'incident.created').length;
    expect(flapped).toBeGreaterThanOrEqual(3);
    // Every request verifies with the published library.
    const hook = new Webhook(secret);
    for (const r of receiver.delivered('/hook')) {
      expect(() =>
        hook.verify(r.body, {
          'webhook-id': String(r.headers['webhook-id']),
          'webhook-timestamp': String(r.headers['webhook-timestamp']),
          'webhook-signature': String(r.headers['webhook-signature']),
        }),
      ).not.toThrow();
    }
    const perReplica = await Promise.all(
      [0, 1].map(
        async (i) =>
          /parallax_notification_deliveries_total\{channel="webhook",outcome="delivered"\} (\d+)/.exec(
            await sys.metrics(i),
          )?.[1],
      ),
    );
    process.stderr.write(`deliveries per replica: ${perReplica.join(', ')}\n`);
    expect(perReplica.map(Number).reduce((a, b) => a + b)).toBe(rows.length);
  });

  it('a control plane SIGKILLed after the state change, while its delivery is in flight, delivers it after restart', async () => {
    receiver.answer('/hook', () => 'hang'); // the receiver takes the request and never answers
    const before = receiver.to('/hook').length;
    const t = targets[0];
    const m = (
      await sys.call('POST', '/monitors', { name: 'killed mid-delivery', url: t.url, check_interval: 1, timeout: 2 })
    ).body.data;
    await waitFor(
      'monitor.up in flight',
      () =>
        receiver
          .to('/hook')
          .slice(before)
          .some((r) => JSON.parse(r.body).monitor?.id === m.id),
      30_000,
    );
    const inFlight = receiver
      .to('/hook')
      .slice(before)
      .find((r) => JSON.parse(r.body).monitor?.id === m.id)!;
    expect(JSON.parse(inFlight.body).event).toBe('monitor.up');
    // The state change is committed; the delivery is claimed and unanswered. Kill everything.
    await Promise.all(sys.cps.map((p) => p!.kill9()));
    const row = (
      await pg.query('SELECT status, attempts FROM notification_deliveries WHERE id = $1', [
        inFlight.headers['webhook-id'],
      ])
    ).rows[0];
    expect(row).toEqual({ status: 'pending', attempts: 0 });

    receiver.answer('/hook', () => 200);
    await sys.startControlPlane(0);
    await sys.call('PATCH', `/monitors/${m.id}/toggle`, { is_active: false });
    const delivered = await waitFor(
      'delivered after restart',
      () => receiver.delivered('/hook').find((r) => r.headers['webhook-id'] === inFlight.headers['webhook-id']),
      60_000,
      200,
    );
    expect(JSON.parse(delivered.body)).toMatchObject({ event: 'monitor.up', monitor: { id: m.id } });
    expect(() => new Webhook(secret).verify(delivered.body, delivered.headers as Record<string, string>)).not.toThrow();
    expect(
      receiver.delivered('/hook').filter((r) => r.headers['webhook-id'] === inFlight.headers['webhook-id']),
    ).toHaveLength(1);
    // The receiver answers before the attempt is recorded: wait for the record.
    const after = await waitFor('attempt recorded', async () => {
      const row = (
        await pg.query('SELECT status, attempts FROM notification_deliveries WHERE id = $1', [
          inFlight.headers['webhook-id'],
        ])
      ).rows[0];
      return row.status !== 'pending' && row;
    });
    expect(after).toEqual({ status: 'delivered', attempts: 1 });
  });
});
