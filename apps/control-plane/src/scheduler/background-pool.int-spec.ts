import { waitFor, WebhookReceiver } from '@parallax/testing';
import { DataSource, QueryRunner } from 'typeorm';
import { Clock } from '../common/clock';
import { call, signup, startTestApp, TestApp } from '../testing/harness';
import { DeadlineService } from '../decisions/deadline.service';
import { DispatcherService } from '../notifications/dispatcher.service';
import { SchedulerService } from './scheduler.service';

/**
 * Background work keeps its own pool (issue 13): with every connection of the request pool
 * held (as a ping flood would), the scheduler still claims rounds and the deadline sweep
 * still decides them (ingestion uses the same pool), and the notification dispatcher still
 * delivers. Real PostgreSQL, a real HTTP receiver.
 */
describe('the scheduler on its own database pool (integration)', () => {
  let t: TestApp;
  const held: QueryRunner[] = [];
  const receiver = new WebhookReceiver();

  beforeAll(async () => {
    await receiver.start();
    t = await startTestApp({ DB_POOL_SIZE: '2', DB_BACKGROUND_POOL_SIZE: '2' });
  }, 60_000);

  afterAll(async () => {
    for (const qr of held) await qr.release();
    await t?.close();
    await receiver.stop();
  });

  it('claims due rounds and sweeps deadlines while the request pool is exhausted', async () => {
    const { key } = await signup(t.api);
    const created = await call(t.api, key, 'POST', '/monitors', {
      name: 'starved?',
      url: 'http://127.0.0.1:1/',
      check_interval: 1,
      timeout: 1,
    });
    expect(created.status).toBe(201);
    const monitorId = created.body.data.id as string;
    // A delivery whose first attempt fails (500) before the pool is held: its retry is due only
    // once the clock moves on, so that retry is sent and recorded while the pool is exhausted.
    // (Not the monitor's own incident: with no probe connected, fleet health may count every
    // region unknown first, and then no incident opens.)
    receiver.answer('/starved', (_req, nth) => (nth === 0 ? 500 : 204));
    const hook = await call(t.api, key, 'POST', '/webhooks', { url: receiver.url('/starved') });
    expect(hook.status).toBe(201);
    const delivery = await call(t.api, key, 'POST', `/webhooks/${hook.body.data.id}/test`);
    expect(delivery.status).toBeLessThan(300);
    const deliveryId = delivery.body.data.id as string;
    const ds = t.app.get(DataSource);
    const row = async () =>
      (await ds.query(`SELECT status, attempts FROM notification_deliveries WHERE id = $1`, [deliveryId]))[0] as {
        status: string;
        attempts: number;
      };
    await waitFor(
      'the first attempt failed and recorded',
      async () => receiver.to('/starved').length === 1 && (await row()).attempts === 1,
    );
    expect(await row()).toEqual({ status: 'pending', attempts: 1 });
    expect(receiver.delivered('/starved')).toHaveLength(0);

    for (let i = 0; i < 2; i++) {
      const qr = ds.createQueryRunner();
      await qr.connect();
      held.push(qr);
    }
    // Every connection of the request pool is checked out and none is idle.
    const pool = (ds.driver as unknown as { master: { totalCount: number; idleCount: number; waitingCount: number } })
      .master;
    expect(pool.totalCount).toBe(2);
    expect(pool.idleCount).toBe(0);

    const before = Number(
      (await held[0].query(`SELECT count(*)::int AS n FROM rounds WHERE monitor_id = $1`, [monitorId]))[0].n,
    );
    t.app.get(Clock).advance(5_000); // the monitor is due
    await t.app.get(SchedulerService).tick();
    const after = Number(
      (await held[0].query(`SELECT count(*)::int AS n FROM rounds WHERE monitor_id = $1`, [monitorId]))[0].n,
    );
    expect(after).toBeGreaterThan(before);
    // The deadline sweep too (on the request pool it would wait forever): the deadlines pass, every round is decided.
    t.app.get(Clock).advance(60_000);
    await t.app.get(DeadlineService).sweep();
    const open = Number(
      (
        await held[0].query(`SELECT count(*)::int AS n FROM rounds WHERE monitor_id = $1 AND decided_at IS NULL`, [
          monitorId,
        ])
      )[0].n,
    );
    expect(open).toBe(0);
    // The dispatcher claims, sends and records the retry on the background pool too (its own
    // loop may hold the claim when our pass runs: SKIP LOCKED, ours then finds nothing).
    t.app.get(Clock).advance(1_000);
    const recorded = async () =>
      (await held[0].query(`SELECT status FROM notification_deliveries WHERE id = $1`, [deliveryId]))[0]
        .status as string;
    await waitFor(
      'the retry delivered and recorded on the background pool',
      async () => {
        await t.app.get(DispatcherService).dispatchOnce();
        return receiver.delivered('/starved').length === 1 && (await recorded()) === 'delivered';
      },
      20_000,
      50,
    );
    expect(receiver.to('/starved')).toHaveLength(2);
    // The request pool was never used for it: still both held, nothing waiting on it.
    expect(pool.totalCount).toBe(2);
  }, 60_000);
});
