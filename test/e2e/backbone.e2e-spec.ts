import { waitFor } from '@parallax/testing';
import { LocalSystem, REGIONS } from '../support/system';
import { RegionalTarget } from '../support/target';

jest.setTimeout(240_000);

/**
 * The backbone, end to end, with real processes: the built control plane and three
 * probe processes against the local PostgreSQL and NATS, a local target whose
 * answer depends on the probe's region, and only the public REST API.
 */
describe('backbone end to end', () => {
  const target = new RegionalTarget();
  const sys = new LocalSystem();
  const call = (method: string, path: string, body?: unknown) => sys.call(method, path, body);
  const monitor = (id: string) => sys.monitor(id);
  const incidents = (id: string) => sys.incidents(id);

  beforeAll(async () => {
    await target.start();
    await sys.start();
  });

  afterAll(async () => {
    await sys.stop();
    await target.stop();
  });

  it('runs the whole path: up, degraded, down with one incident, SIGKILL without loss, recovery', async () => {
    const created = await call('POST', '/monitors', {
      name: 'Target',
      url: target.url,
      check_interval: 1,
      timeout: 2,
      keyword: 'Welcome',
    });
    expect(created.status).toBe(201);
    const id = created.body.data.id;

    // 1. Every region up.
    await waitFor('up', async () => (await monitor(id)).status === 'up', 30_000);
    const up = await monitor(id);
    expect(up.location_status).toEqual({ 'eu-west': 'up', 'us-east': 'up', 'ap-south': 'up' });
    for (const region of REGIONS) expect(typeof up.last_response_by_region[region]).toBe('number');
    expect([...target.userAgents].some((ua) => /^Parallax\/\S+ \(region=eu-west\)$/.test(ua))).toBe(true);
    const firstCheck = (await call('GET', `/monitors/${id}/checks?limit=1`)).body.data[0];
    for (const r of firstCheck.region_results) {
      expect(r.phases).toEqual(
        expect.objectContaining({
          dns: expect.any(Number),
          connect: expect.any(Number),
          first_byte: expect.any(Number),
          total: expect.any(Number),
        }),
      );
    }

    // 2. One failing region of three: degraded, no incident.
    target.failing.add('eu-west');
    await waitFor('degraded', async () => (await monitor(id)).status === 'degraded', 20_000);
    expect((await monitor(id)).location_status['eu-west']).toBe('down');
    expect(await incidents(id)).toEqual([]);

    // 3. Two failing regions: down, exactly one incident with every region's evidence.
    target.failing.add('us-east');
    await waitFor('down', async () => (await monitor(id)).status === 'down', 20_000);
    const opened = await waitFor('one open incident', async () => {
      const list = await incidents(id);
      return list.length === 1 && list[0].status === 'open' && list[0];
    });
    expect(opened.region_results.map((r: { region: string }) => r.region).sort()).toEqual([...REGIONS].sort());
    expect(opened).toMatchObject({ regions_checked: 3, regions_up: 1, status_code: 503 });
    expect([...opened.affected_regions].sort()).toEqual(['eu-west', 'us-east']);
    expect(opened.failure_response_body).toMatch(/Service Unavailable/);

    // 4. SIGKILL the control plane while results flow, then start it again.
    target.delayMs = 900; // every round has checks in flight when the kill lands
    const startedBefore = target.started;
    const slowInEveryRegion = () => target.started > startedBefore && REGIONS.every((r) => target.inFlight(r) > 0);
    await waitFor('a slow check in flight in every region', slowInEveryRegion, 30_000, 10);
    await sys.cp!.kill9();
    // Probes keep publishing in-flight results into JetStream: wait until every check in flight
    // at the kill has been answered and its result is in the streams (streams read first, so a
    // result that lands in between counts on top).
    const publishedAtKill = await sys.resultsPublished();
    const inFlightAtKill = target.started - target.finished;
    const publishedSinceKill = async () => (await sys.resultsPublished()) - publishedAtKill;
    const allPublished = async () => (await publishedSinceKill()) >= inFlightAtKill;
    await waitFor('results of the checks in flight at the kill published', allPublished, 30_000, 100);
    await sys.startControlPlane();
    const checksBefore = (await monitor(id)).checks_total;
    await waitFor(
      'more rounds after restart',
      async () => (await monitor(id)).checks_total >= checksBefore + 3,
      30_000,
    );
    const history = (await call('GET', `/monitors/${id}/checks?limit=500`)).body.data as any[];
    const withData = history.filter((c) => c.status !== 'no_data');
    expect(withData.length).toBeGreaterThan(5);
    // No result lost: every decided round heard from all three regions.
    expect(
      withData.filter((c) => c.regions_checked !== 3).map((c) => ({ round: c.round, checked: c.regions_checked })),
    ).toEqual([]);
    expect(history.filter((c) => c.status === 'no_data').length).toBeLessThanOrEqual(1);
    const afterRestart = await incidents(id);
    expect(afterRestart).toHaveLength(1);
    expect(afterRestart[0]).toMatchObject({ id: opened.id, status: 'open' });

    // 5. Recovery resolves the incident with a duration.
    target.delayMs = 0;
    target.failing.clear();
    await waitFor('up again', async () => (await monitor(id)).status === 'up', 20_000);
    const resolved = await incidents(id);
    expect(resolved).toHaveLength(1);
    expect(resolved[0].status).toBe('resolved');
    expect(resolved[0].duration_seconds).toBeGreaterThanOrEqual(3);
    expect(Date.parse(resolved[0].resolved_at)).toBeGreaterThan(Date.parse(resolved[0].started_at));
  });
});
