import { createServer, type Server } from 'node:net';
import { call, signup } from '@parallax/testing';
import { LocalSystem, REGIONS } from '../support/system';

jest.setTimeout(180_000);

/**
 * MTR from three regions: the built control plane asks each region's real probe process
 * (request/reply on <prefix>.tools.<region>) to run the system mtr (mtr-tiny) against the
 * monitor's target, 127.0.0.1 here (private targets allowed); hops come back per region.
 */
describe('GET /monitors/{id}/mtr', () => {
  const system = new LocalSystem({ controlPlaneEnv: { TOOLS_RATE_LIMIT_PER_MINUTE: '4' } });
  let target: Server;
  let port = 0;

  beforeAll(async () => {
    target = createServer((s) => s.end());
    await new Promise<void>((r) => target.listen(0, '127.0.0.1', r));
    port = (target.address() as { port: number }).port;
    await system.start();
  });

  afterAll(async () => {
    await system.stop();
    await new Promise((r) => target?.close(r));
  });

  it('returns hops from every region, a subset on ?regions=, refuses unknown regions, and limits each account', async () => {
    const created = await system.call('POST', '/monitors', {
      name: 'traced',
      url: `http://127.0.0.1:${port}/`,
      check_interval: 60,
      timeout: 10,
      regions: REGIONS,
      paused: true,
    });
    expect(created.status).toBe(201);
    const id = created.body.data.id;

    const all = await system.call('GET', `/monitors/${id}/mtr`);
    expect(all.status).toBe(200);
    expect(all.body.data).toMatchObject({ monitor_id: id, target: '127.0.0.1', count: 3, timeout_ms: 10_000 });
    expect(all.body.data.regions.map((r: any) => r.region)).toEqual(REGIONS);
    for (const r of all.body.data.regions) {
      expect({ region: r.region, error: r.error, address: r.address }).toEqual({
        region: r.region,
        error: null,
        address: '127.0.0.1',
      });
      expect(r.probe_id).toEqual(expect.any(String));
      expect(r.hops).toHaveLength(1);
      expect(r.hops[0]).toMatchObject({ hop: 1, address: '127.0.0.1', loss_percent: 0, sent: 3 });
      expect(r.hops[0].best_ms).toBeLessThanOrEqual(r.hops[0].avg_ms);
      expect(r.hops[0].avg_ms).toBeLessThanOrEqual(r.hops[0].worst_ms);
    }
    // Each answer came from a probe of its own region.
    expect(new Set(all.body.data.regions.map((r: any) => r.probe_id)).size).toBe(3);

    const one = await system.call('GET', `/monitors/${id}/mtr?regions=us-east`);
    expect(one.body.data.regions.map((r: any) => [r.region, r.error])).toEqual([['us-east', null]]);

    const bad = await system.call('GET', `/monitors/${id}/mtr?regions=mars`);
    expect([bad.status, bad.body.code, bad.body.details[0].field]).toEqual([422, 'validation_failed', 'regions']);

    const heartbeat = await system.call('POST', '/monitors', {
      name: 'cron',
      monitor_type: 'heartbeat',
      heartbeat_interval: 3600,
    });
    expect((await system.call('GET', `/monitors/${heartbeat.body.data.id}/mtr`)).status).toBe(422);

    // Two counted runs so far of 4 a minute (refused requests are not counted).
    expect((await system.call('GET', `/monitors/${id}/mtr?regions=eu-west`)).status).toBe(200);
    expect((await system.call('GET', `/monitors/${id}/mtr?regions=eu-west`)).status).toBe(200);
    const limited = await system.call('GET', `/monitors/${id}/mtr?regions=eu-west`);
    expect([limited.status, limited.body.code]).toEqual([429, 'rate_limited']);

    // Another account cannot trace this monitor.
    const other = await signup(system.api);
    expect((await call(system.api, other.key, 'GET', `/monitors/${id}/mtr`)).status).toBe(404);
  });

  it('answers per region with an error when a region has no probe listening', async () => {
    const created = await system.call('POST', '/monitors', {
      name: 'traced 2',
      url: `http://127.0.0.1:${port}/`,
      check_interval: 60,
      timeout: 5,
      regions: REGIONS,
      paused: true,
    });
    const other = await signup(system.api);
    // A fresh account (own budget); the probe of ap-south stops.
    const apSouth = system.probes[REGIONS.indexOf('ap-south')];
    await apSouth.stop();
    const monitor = (
      await call(system.api, other.key, 'POST', '/monitors', {
        name: 'traced 3',
        url: `http://127.0.0.1:${port}/`,
        check_interval: 60,
        timeout: 5,
        regions: REGIONS,
        paused: true,
      })
    ).body.data;
    expect(created.status).toBe(201);
    const r = await call(system.api, other.key, 'GET', `/monitors/${monitor.id}/mtr`);
    expect(r.status).toBe(200);
    const byRegion = Object.fromEntries(r.body.data.regions.map((x: any) => [x.region, x]));
    expect(byRegion['eu-west'].error).toBeNull();
    expect(byRegion['us-east'].hops).toHaveLength(1);
    expect(byRegion['ap-south']).toMatchObject({ hops: [], probe_id: null });
    expect(byRegion['ap-south'].error).toMatch(/no probe of this region is listening|no answer from the region/);
  });
});
