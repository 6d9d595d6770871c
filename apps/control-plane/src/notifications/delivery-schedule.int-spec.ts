import { Client } from 'pg';
import { WebhookReceiver } from '@parallax/testing';
import { Clock } from '../common/clock';
import { call, signup, startTestApp, TestApp, waitFor } from '../testing/harness';
import { DispatcherService } from './dispatcher.service';

jest.setTimeout(60_000);

/**
 * The default retry schedule end to end under the injected Clock (no sleeps): a real
 * control plane and PostgreSQL, a real HTTP receiver on loopback, the dispatcher's passes
 * called directly after the test moves the clock (its own timer runs once a minute only).
 */
describe('delivery schedule (default NOTIFY_RETRY_SCHEDULE, injected clock)', () => {
  let t: TestApp;
  let key: string;
  let clock: Clock;
  let dispatcher: DispatcherService;
  let pg: Client;
  const receiver = new WebhookReceiver();
  let now = Date.parse('2026-11-23T10:00:00Z');

  beforeAll(async () => {
    await receiver.start();
    t = await startTestApp({ NOTIFY_POLL_MS: '60000', NOTIFY_TIMEOUT_MS: '2000' });
    clock = t.app.get(Clock);
    clock.set(new Date(now));
    dispatcher = t.app.get(DispatcherService);
    key = (await signup(t.api)).key;
    pg = new Client({ connectionString: t.databaseUrl });
    await pg.connect();
  });
  afterAll(async () => {
    clock?.set(null);
    await pg?.end();
    await t?.close();
    await receiver.stop();
  });

  const api = (method: string, path: string, body?: unknown) => call(t.api, key, method, path, body);
  /** Moves the clock by `ms` and runs one dispatcher pass. */
  const at = async (ms: number) => {
    now += ms;
    clock.set(new Date(now));
    await dispatcher.dispatchOnce();
  };
  /** Waits for `cond`, running a dispatcher pass each time (the clock does not move). */
  const until = (what: string, cond: () => boolean) =>
    waitFor(what, async () => {
      await dispatcher.dispatchOnce();
      return cond();
    });
  const deliveries = async (webhookId: string) =>
    (await api('GET', `/webhooks/${webhookId}/deliveries?limit=100`)).body.data;

  it('the finding: a receiver that answers 500 twice gets the event at the third attempt, 15 s after the first (not 5 min)', async () => {
    receiver.answer('/twice', (_r, nth) => (nth < 2 ? 500 : 200));
    const w = (await api('POST', '/webhooks', { url: receiver.url('/twice') })).body.data;
    expect((await api('POST', `/webhooks/${w.id}/test`)).status).toBe(202);
    await at(0);
    await until('first attempt', () => receiver.to('/twice').length === 1);
    await at(4_400); // below 5 s − 10 % jitter: not yet due
    expect(receiver.to('/twice')).toHaveLength(1);
    await at(1_200); // 5.6 s: past 5 s + 10 %
    await until('second attempt', () => receiver.to('/twice').length === 2);
    await at(8_800); // 9 s after it, below 10 s − 10 %
    expect(receiver.to('/twice')).toHaveLength(2);
    await at(2_200); // 11 s after it
    await until('delivered at the third attempt', () => receiver.delivered('/twice').length === 1);
    const [d] = await deliveries(w.id);
    expect(d).toMatchObject({ status: 'delivered', attempts: 3 });
    const times = d.attempt_log.map((a: { attempted_at: string }) => Date.parse(a.attempted_at));
    expect(times[2] - times[0]).toBe(16_600); // 5.6 s + 11 s of clock time
    const waits = d.attempt_log
      .slice(0, 2)
      .map(
        (a: { attempted_at: string; next_retry_at: string }) =>
          Date.parse(a.next_retry_at) - Date.parse(a.attempted_at),
      );
    expect(waits[0]).toBeGreaterThanOrEqual(4_500);
    expect(waits[0]).toBeLessThanOrEqual(5_500);
    expect(waits[1]).toBeGreaterThanOrEqual(9_000);
    expect(waits[1]).toBeLessThanOrEqual(11_000);
  });

  it('a 4xx a retry cannot fix ends the delivery at once and says why; 408, 409, 425 and 429 are retried; 410 still disables', async () => {
    const statuses = [400, 401, 403, 404, 422, 408, 409, 425, 429, 410];
    const hooks: Record<number, string> = {};
    for (const s of statuses) {
      receiver.answer(`/s${s}`, () => s);
      hooks[s] = (await api('POST', '/webhooks', { url: receiver.url(`/s${s}`) })).body.data.id;
      await api('POST', `/webhooks/${hooks[s]}/test`);
    }
    await at(0);
    await until('every endpoint tried once', () => statuses.every((s) => receiver.to(`/s${s}`).length === 1));
    for (const s of [400, 401, 403, 404, 422]) {
      const [d] = await deliveries(hooks[s]);
      expect(d).toMatchObject({ status: 'failed', attempts: 1, next_retry_at: null, last_response_status: s });
      expect(d.last_error).toContain(`HTTP ${s}`);
      expect(d.last_error).toContain(`not retried: the endpoint answered ${s}, a client error a retry cannot fix`);
      expect(d.attempt_log[0].error).toBe(d.last_error);
    }
    for (const s of [408, 409, 425, 429])
      expect((await deliveries(hooks[s]))[0]).toMatchObject({ status: 'pending', attempts: 1 });
    expect((await api('GET', `/webhooks/${hooks[410]}`)).body.data).toMatchObject({ active: false });
    await at(6_000);
    await until('the retryable ones tried again', () =>
      [408, 409, 425, 429].every((s) => receiver.to(`/s${s}`).length === 2),
    );
    for (const s of [400, 401, 403, 404, 422, 410]) expect(receiver.to(`/s${s}`)).toHaveLength(1);
    for (const s of statuses) await api('DELETE', `/webhooks/${hooks[s]}`);
  });

  it("one failing delivery holds back the destination's later events of the monitor only for its early retries (≤ 2 min); order is kept through sequence", async () => {
    // The event with sequence 1 fails until the receiver is told otherwise; 2 and 3 would succeed.
    let fixed = false;
    receiver.answer('/hol', (r) => (JSON.parse(r.body).sequence === 1 && !fixed ? 503 : 204));
    const w = (await api('POST', '/webhooks', { url: receiver.url('/hol') })).body.data;
    const accountId = (await pg.query('SELECT account_id FROM webhooks WHERE id = $1', [w.id])).rows[0].account_id;
    const start = new Date(now);
    for (const sequence of [1, 2, 3]) {
      const payload = { event: sequence === 2 ? 'monitor.up' : 'monitor.down', sequence, monitor: { id: 'mon_hol' } };
      await pg.query(
        `INSERT INTO notification_deliveries (id, account_id, monitor_id, webhook_id, channel, destination, target, event, sequence, payload, next_attempt_at)
         VALUES ($1, $2, 'mon_hol', $3, 'webhook', $3, $4, $5, $6, $7, $8)`,
        [
          `msg_hol${sequence}`,
          accountId,
          w.id,
          receiver.url('/hol'),
          payload.event,
          sequence,
          JSON.stringify(payload),
          start,
        ],
      );
    }
    const seqs = () => receiver.to('/hol').map((r) => JSON.parse(r.body).sequence);
    await at(0);
    await until('head tried', () => seqs().length === 1);
    // Early retries (5 s, 10 s, 30 s): the later events wait behind the head (each pass sees them held).
    for (const [i, step] of [5_600, 11_100, 33_100].entries()) {
      await at(step); // past the retry's latest jittered time
      await until('head retried', () => seqs().length === i + 2);
      expect(seqs().every((s) => s === 1)).toBe(true);
    }
    // The last early retry (1 min) fails too: the head steps aside, and 2 and 3 go at once, in order.
    await at(66_100);
    await until('later events delivered', () => receiver.delivered('/hol').length === 2);
    expect(seqs()).toEqual([1, 1, 1, 1, 1, 2, 3]);
    expect(now - start.getTime()).toBeLessThanOrEqual(Math.round(105_000 * 1.1) + 1_000);
    // The head is still retried on its own schedule (2 min next) and arrives; the receiver orders by sequence.
    fixed = true;
    await at(132_100);
    await until('head delivered late', () => receiver.delivered('/hol').length === 3);
    const got = receiver.delivered('/hol').map((r) => JSON.parse(r.body).sequence);
    expect(got).toEqual([2, 3, 1]);
    expect([...got].sort()).toEqual([1, 2, 3]);
    const rows = await pg.query(
      `SELECT id, status, attempts FROM notification_deliveries WHERE monitor_id = 'mon_hol' ORDER BY sequence`,
    );
    expect(rows.rows).toEqual([
      { id: 'msg_hol1', status: 'delivered', attempts: 6 },
      { id: 'msg_hol2', status: 'delivered', attempts: 1 },
      { id: 'msg_hol3', status: 'delivered', attempts: 1 },
    ]);
  });
});
