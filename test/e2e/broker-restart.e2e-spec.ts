import { call, createDatabase, signup, uniqueName, waitFor } from '@parallax/testing';
import { PrivateNatsServer } from '../support/nats-server';
import { CONTROL_PLANE_MAIN, freePort, Proc, PROBE_MAIN } from '../support/processes';
import { RegionalTarget } from '../support/target';

jest.setTimeout(240_000);

const REGIONS = ['eu-west', 'us-east', 'ap-south'];

/**
 * A NATS restart in the middle of a run: both apps reconnect by themselves, the
 * results stream (file storage) keeps what it had, probes re-publish what they
 * could not deliver, and the outage never shows up as a failure.
 */
describe('broker restart', () => {
  const target = new RegionalTarget();
  const probes: Proc[] = [];
  const probePorts: number[] = [];
  let nats: PrivateNatsServer;
  let cp: Proc | undefined;
  let db: Awaited<ReturnType<typeof createDatabase>>;
  let api: string;
  let key: string;

  beforeAll(async () => {
    db = await createDatabase('t_e2e_nats');
    nats = new PrivateNatsServer(await freePort());
    await nats.start();
    await target.start();
    const port = await freePort();
    const prefix = uniqueName('t_e2e');
    api = `http://127.0.0.1:${port}/api/v1`;
    cp = new Proc('control-plane', CONTROL_PLANE_MAIN, {
      PORT: String(port),
      DATABASE_URL: db.url,
      NATS_URL: nats.url,
      NATS_PREFIX: prefix,
      REGIONS: REGIONS.join(','),
      JWT_SECRET: 'e2e-secret-e2e-secret',
      ALLOW_PRIVATE_TARGETS: 'true',
      MIN_INTERVAL_SECONDS: '1',
      ROUND_GRACE_SECONDS: '2',
      SCHEDULER_TICK_MS: '100',
      LOG_LEVEL: 'warn',
    });
    await waitFor('control plane ready', async () => {
      if (!cp!.alive) throw new Error(`control plane exited:\n${cp!.tail()}`);
      return (await fetch(`http://127.0.0.1:${port}/health/ready`)).status === 200;
    }, 30_000, 200);
    for (const region of REGIONS) {
      const metricsPort = await freePort();
      probePorts.push(metricsPort);
      probes.push(
        new Proc(`probe ${region}`, PROBE_MAIN, {
          REGION: region,
          NATS_URL: nats.url,
          NATS_PREFIX: prefix,
          ALLOW_PRIVATE_TARGETS: 'true',
          METRICS_PORT: String(metricsPort),
          PRESENCE_INTERVAL_MS: '1000',
          LOG_LEVEL: 'warn',
        }),
      );
    }
    key = (await signup(api)).key;
  });

  afterAll(async () => {
    await Promise.all(probes.map((p) => p.stop()));
    await cp?.stop();
    await target.stop();
    await nats?.dispose();
    await db?.drop();
  });

  it('reconnects, loses no delivered result and raises no false alarm', async () => {
    await waitFor('three healthy regions', async () => (await call(api, key, 'GET', '/regions')).body.data?.every((r: { healthy: boolean }) => r.healthy), 30_000, 250);
    const id = (await call(api, key, 'POST', '/monitors', { name: 'through the restart', url: target.url, check_interval: 1, timeout: 2 })).body.data.id;
    const monitor = async () => (await call(api, key, 'GET', `/monitors/${id}`)).body.data;
    await waitFor('up', async () => (await monitor()).status === 'up', 30_000);

    target.delayMs = 300; // checks are in flight when the broker goes away
    await new Promise((r) => setTimeout(r, 1200));
    await nats.stop();
    await new Promise((r) => setTimeout(r, 3000));
    await nats.start();

    const before = (await monitor()).checks_total;
    await waitFor('rounds decided after the restart', async () => (await monitor()).checks_total >= before + 5, 60_000, 250);
    await waitFor('all three regions report again', async () => {
      const last = (await call(api, key, 'GET', `/monitors/${id}/checks?limit=1`)).body.data[0];
      return last?.regions_checked === 3;
    }, 30_000, 250);

    // The outage is never a failure: no round decided down, no incident.
    const history = (await call(api, key, 'GET', `/monitors/${id}/checks?limit=500`)).body.data as { status: string }[];
    expect(history.filter((c) => c.status === 'down')).toEqual([]);
    expect((await call(api, key, 'GET', `/incidents?monitor_id=${id}`)).body.data).toEqual([]);
    expect((await monitor()).status).toBe('up');

    // Probes kept what they could not publish and delivered it after the restart.
    for (const port of probePorts) {
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(metrics).not.toMatch(/^probe_results_lost_total(\{[^}]*\})? [1-9]/m);
      expect(metrics).toMatch(/^probe_results_pending(\{[^}]*\})? 0$/m);
    }
    expect(cp!.alive).toBe(true);
    for (const p of probes) expect(p.alive).toBe(true);
  });
});
