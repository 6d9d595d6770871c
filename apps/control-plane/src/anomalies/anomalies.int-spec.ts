import { seededRandom } from '@parallax/testing';
import { Client } from 'pg';
import { Clock } from '../common/clock';
import { call, signup, startTestApp, TestApp } from '../testing/harness';
import { bucketOf } from '../timeseries/histogram';
import { AnomaliesService } from './anomalies.service';
import { HOUR_MS } from './anomaly-rules';

jest.setTimeout(180_000);

const rng = seededRandom;
const gaussian = (r: () => number) => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());

const SAMPLES = 20;
const WEEKS = 6;

/**
 * The anomaly sweep on real hourly rollups in PostgreSQL: six weeks of generated history
 * for three regions of one monitor (20 timed results an hour, 3 % noise): eu-west steps
 * from 120 to 400 ms for its last hours, ap-south drifts up 2 ms a day, us-east follows
 * busy afternoons and slow weekends. The sweep (driven on the injected clock) must open
 * anomalies for the step and the drift, none for the seasonality, notify only the webhook
 * that opted in to `monitor.anomaly`, and close the step's when it returns.
 */
describe('anomalies end to end', () => {
  let t: TestApp;
  let pg: Client;
  let clock: Clock;
  let sweep: AnomaliesService;

  beforeAll(async () => {
    // The test sweeps on its own clock; no background sweep in between.
    t = await startTestApp({ ANOMALY_SWEEP: 'false' });
    pg = new Client({ connectionString: t.databaseUrl });
    await pg.connect();
    clock = t.app.get(Clock);
    sweep = t.app.get(AnomaliesService);
  });

  afterAll(async () => {
    clock?.set(null);
    await pg?.end();
    await t?.close();
  });

  async function insertHours(
    monitorId: string,
    accountId: string,
    region: string,
    hours: number[],
    shape: (at: number) => number,
    seed: number,
  ) {
    const r = rng(seed);
    const rows = hours.map((at) => {
      const values = Array.from({ length: SAMPLES }, () => Math.max(1, shape(at) * (1 + 0.03 * gaussian(r))));
      const hist: Record<string, number> = {};
      for (const v of values) hist[bucketOf(v)] = (hist[bucketOf(v)] ?? 0) + 1;
      return {
        monitor_id: monitorId,
        account_id: accountId,
        region,
        bucket_start: new Date(at).toISOString(),
        checks: SAMPLES,
        failures: 0,
        degraded: 0,
        rt_count: SAMPLES,
        rt_sum: values.reduce((a, b) => a + b, 0),
        rt_min: Math.min(...values),
        rt_max: Math.max(...values),
        hist,
      };
    });
    await pg.query(
      `INSERT INTO rollups_hourly (monitor_id, bucket_start, region, account_id, checks, failures, degraded, rt_count, rt_sum, rt_min, rt_max, hist)
       SELECT monitor_id, bucket_start, region, account_id, checks, failures, degraded, rt_count, rt_sum, rt_min, rt_max, hist
         FROM jsonb_to_recordset($1::jsonb) AS x(monitor_id text, bucket_start timestamptz, region text, account_id text, checks int, failures int, degraded int, rt_count int, rt_sum float8, rt_min float8, rt_max float8, hist jsonb)`,
      [JSON.stringify(rows)],
    );
  }

  it('finds the step and the drift, stays quiet on seasonality, notifies the opted-in webhook, closes on return; list and acknowledge are account-scoped', async () => {
    const { key, accountId } = await signup(t.api);
    const other = await signup(t.api);
    const monitorId = (
      await call(t.api, key, 'POST', '/monitors', {
        name: 'anomalous',
        url: 'http://127.0.0.1:1/',
        check_interval: 60,
        paused: true,
      })
    ).body.data.id;
    const optIn = (
      await call(t.api, key, 'POST', '/webhooks', { url: 'http://127.0.0.1:9/opt-in', events: ['monitor.anomaly'] })
    ).body.data;
    const all = (await call(t.api, key, 'POST', '/webhooks', { url: 'http://127.0.0.1:9/all', events: ['*'] })).body
      .data;
    expect(optIn.events).toEqual(['monitor.anomaly']);
    expect(all.events).not.toContain('monitor.anomaly');

    // The real time (rollup retention works on it), frozen: the last closed hour is `last`.
    const now = Math.floor(Date.now() / HOUR_MS) * HOUR_MS + 10 * 60_000;
    clock.set(now);
    const last = Math.floor(now / HOUR_MS) * HOUR_MS - HOUR_MS;
    const start = last - WEEKS * 7 * 24 * HOUR_MS;
    const hours: number[] = [];
    for (let at = start; at <= last; at += HOUR_MS) hours.push(at);
    const stepAt = last - 5 * HOUR_MS;
    await insertHours(monitorId, accountId, 'eu-west', hours, (at) => (at >= stepAt ? 400 : 120), 1);
    await insertHours(monitorId, accountId, 'ap-south', hours, (at) => 100 + (2 * (at - start)) / (24 * HOUR_MS), 2);
    const seasonal = (at: number) => {
      const h = new Date(at).getUTCHours();
      const weekend = [0, 6].includes(new Date(at).getUTCDay());
      return (200 + 120 * Math.sin((2 * Math.PI * (h - 8)) / 24)) * (weekend ? 0.7 : 1);
    };
    await insertHours(monitorId, accountId, 'us-east', hours, seasonal, 3);

    await sweep.sweepAll();
    const listed = await call(t.api, key, 'GET', `/monitors/anomalies?monitor_id=${monitorId}`);
    expect(listed.status).toBe(200);
    const found: any[] = listed.body.data;
    const byRegion = (r: string) => found.filter((a) => a.region === r);
    // The step: p50 and p95 opened at the hour it started, still open.
    expect(
      byRegion('eu-west')
        .map((a) => a.metric)
        .sort(),
    ).toEqual(['p50_ms', 'p95_ms']);
    for (const a of byRegion('eu-west')) {
      expect(a).toMatchObject({
        status: 'open',
        started_at: new Date(stepAt).toISOString(),
        ended_at: null,
        acknowledged: false,
      });
      expect(a.observed).toBeGreaterThan(a.expected.upper);
      expect(a.expected.value).toBeLessThan(160);
    }
    // The drift: found (open), above a baseline weeks old.
    expect(byRegion('ap-south').length).toBeGreaterThanOrEqual(1);
    expect(byRegion('ap-south').some((a) => a.metric === 'p50_ms' && a.status === 'open')).toBe(true);
    // Seasonality and noise: nothing.
    expect(byRegion('us-east')).toEqual([]);
    expect(listed.body.meta.total).toBe(found.length);

    // Only the opted-in webhook gets monitor.anomaly, one event per opened anomaly.
    const deliveries = async (webhookId: string) =>
      (
        await pg.query(`SELECT event, payload FROM notification_deliveries WHERE webhook_id = $1 ORDER BY sequence`, [
          webhookId,
        ])
      ).rows;
    const sent = await deliveries(optIn.id);
    expect(sent.length).toBe(found.length);
    expect(sent.every((d) => d.event === 'monitor.anomaly' && d.payload.anomaly.state === 'open')).toBe(true);
    expect(await deliveries(all.id)).toEqual([]);

    // Swept again in the same hour: nothing new.
    await sweep.sweepAll();
    expect((await call(t.api, key, 'GET', `/monitors/anomalies?monitor_id=${monitorId}`)).body.data.length).toBe(
      found.length,
    );
    expect((await deliveries(optIn.id)).length).toBe(found.length);

    // eu-west back to normal for three hours: its anomalies close where it returned.
    const back = [last + HOUR_MS, last + 2 * HOUR_MS, last + 3 * HOUR_MS];
    await insertHours(monitorId, accountId, 'eu-west', back, () => 120, 4);
    await insertHours(monitorId, accountId, 'us-east', back, seasonal, 5);
    await insertHours(monitorId, accountId, 'ap-south', back, (at) => 100 + (2 * (at - start)) / (24 * HOUR_MS), 6);
    clock.set(now + 3 * HOUR_MS);
    await sweep.sweepAll();
    const closed = (
      await call(t.api, key, 'GET', `/monitors/anomalies?monitor_id=${monitorId}&region=eu-west&status=closed`)
    ).body.data;
    expect(closed.map((a: any) => a.metric).sort()).toEqual(['p50_ms', 'p95_ms']);
    for (const a of closed) expect(a.ended_at).toBe(new Date(last + HOUR_MS).toISOString());
    const metrics = await (await fetch(`${t.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/^parallax_anomalies_total\{metric="p50_ms",change="closed"\} 1$/m);
    expect(
      Number(/^parallax_anomalies_total\{metric="p95_ms",change="opened"\} (\d+)$/m.exec(metrics)?.[1]),
    ).toBeGreaterThanOrEqual(1);
    const closedEvents = (await deliveries(optIn.id)).filter((d) => d.payload.anomaly.state === 'closed');
    expect(closedEvents.map((d) => d.payload.anomaly.region)).toEqual(['eu-west', 'eu-west']);

    // Acknowledge: leaves the default list, shown with acknowledged=true|all; idempotent.
    const id = closed[0].id;
    const ack = await call(t.api, key, 'POST', `/monitors/anomalies/${id}/acknowledge`);
    expect(ack.status).toBe(200);
    expect(ack.body.data).toMatchObject({ id, acknowledged: true });
    expect((await call(t.api, key, 'POST', `/monitors/anomalies/${id}/acknowledge`)).body.data.acknowledged_at).toBe(
      ack.body.data.acknowledged_at,
    );
    expect((await call(t.api, key, 'GET', '/monitors/anomalies')).body.data.map((a: any) => a.id)).not.toContain(id);
    expect(
      (await call(t.api, key, 'GET', '/monitors/anomalies?acknowledged=true')).body.data.map((a: any) => a.id),
    ).toEqual([id]);
    expect((await call(t.api, key, 'GET', '/monitors/anomalies?acknowledged=all')).body.meta.total).toBe(found.length);
    expect((await call(t.api, key, 'GET', '/monitors/anomalies?metric=error_rate')).body.data).toEqual([]);

    // Another account sees none and cannot acknowledge them.
    expect((await call(t.api, other.key, 'GET', '/monitors/anomalies?acknowledged=all')).body.data).toEqual([]);
    const foreign = await call(t.api, other.key, 'POST', `/monitors/anomalies/${found[0].id}/acknowledge`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('not_found');
    expect((await call(t.api, key, 'POST', '/monitors/anomalies/ano_nope/acknowledge')).status).toBe(404);
    // The monitor route still answers for real ids.
    expect((await call(t.api, key, 'GET', `/monitors/${monitorId}`)).status).toBe(200);
  });
});
