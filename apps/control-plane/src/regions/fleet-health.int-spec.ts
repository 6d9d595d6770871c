import { Client } from 'pg';
import { connect } from 'nats';
import { encode, natsNames } from '@parallax/contracts';
import { TEST_NATS_URL } from '@parallax/testing';
import { FakeProbes, waitFor } from '../testing/fake-probe';
import { call, signup, startTestApp, TestApp } from '../testing/harness';

jest.setTimeout(90_000);

/**
 * Probe fleet health with real PostgreSQL and NATS: a region whose probe stops
 * announcing itself stops receiving jobs once REGION_GRACE_SECONDS have passed after
 * the presence TTL, its rounds are decided from the other regions with it unknown,
 * and jobs flow again when the probe comes back. A probe of an unknown region is
 * reported and its results are refused.
 */
describe('probe fleet health', () => {
  let t: TestApp;
  let key: string;
  let probes: FakeProbes;
  let pg: Client;
  const silent = new Set<string>();

  beforeAll(async () => {
    t = await startTestApp({
      REGION_GRACE_SECONDS: '2',
      PRESENCE_TTL_SECONDS: '5',
      ROUND_GRACE_SECONDS: '1',
      SCHEDULER_TICK_MS: '100',
    });
    key = (await signup(t.api)).key;
    probes = new FakeProbes(t.natsPrefix, ['eu-west', 'us-east', 'ap-south'], { presenceIntervalMs: 500 });
    probes.verdict = (region) => (silent.has(region) ? 'silent' : { is_up: true, status_code: 200, response_ms: 15 });
    await probes.start();
    pg = new Client({ connectionString: t.databaseUrl });
    await pg.connect();
  });
  afterAll(async () => {
    await pg?.end();
    await probes?.stop();
    await t?.close();
  });

  const get = async (id: string) => (await call(t.api, key, 'GET', `/monitors/${id}`)).body.data;
  const regions = async () => (await call(t.api, key, 'GET', '/regions')).body;
  const region = async (id: string) => (await regions()).data.find((r: { id: string }) => r.id === id);
  const metrics = async () => (await fetch(`${t.baseUrl}/metrics`)).text();
  const jobsOf = (monitorId: string, region: string) =>
    probes.jobs.filter((j) => j.monitor_id === monitorId && j.region === region).length;

  it('stops sending jobs to a region without probes after the grace, decides without it, and resumes when a probe returns', async () => {
    const m = (
      await call(t.api, key, 'POST', '/monitors', {
        name: 'fleet',
        url: 'http://127.0.0.1:1/',
        check_interval: 1,
        timeout: 1,
      })
    ).body.data;
    await waitFor('up', async () => (await get(m.id)).status === 'up');
    // Presence is announced on its own timer: wait for it rather than assume it came with the first results.
    await waitFor('ap-south probe online', async () => (await region('ap-south'))?.probes_online === 1);
    expect(await region('ap-south')).toMatchObject({
      healthy: true,
      unhealthy_since: null,
      receiving_jobs: true,
      probes_online: 1,
    });
    await waitFor(
      'healthy gauge',
      async () => /parallax_region_healthy\{region="ap-south"\} 1/.test(await metrics()),
      5_000,
    );

    // The ap-south probe vanishes: no more presence, no more results.
    probes.presenceOff.add('ap-south');
    silent.add('ap-south');
    const unhealthy = await waitFor('ap-south unhealthy', async () => {
      const r = await region('ap-south');
      return !r.healthy && r;
    });
    expect(unhealthy.probes_online).toBe(0);
    expect(Date.parse(unhealthy.unhealthy_since)).toBeLessThanOrEqual(Date.now());
    // Within the grace it still gets jobs (a probe restarting is not a dead region).
    const stopped = await waitFor(
      'ap-south no longer receiving jobs',
      async () => {
        const r = await region('ap-south');
        return !r.receiving_jobs && r;
      },
      15_000,
    );
    expect(stopped).toMatchObject({
      healthy: false,
      receiving_jobs: false,
      unhealthy_since: unhealthy.unhealthy_since,
    });
    // The gauges follow the scheduler's in-memory view (refreshed every second, not on scrape).
    const text = await waitFor(
      'gauges',
      async () => {
        const m = await metrics();
        return /parallax_region_receiving_jobs\{region="ap-south"\} 0/.test(m) && m;
      },
      5_000,
    );
    expect(text).toMatch(/parallax_region_healthy\{region="ap-south"\} 0/);
    expect(text).toMatch(/parallax_probes_online\{region="ap-south"\} 0/);
    expect(text).toMatch(/parallax_region_healthy\{region="eu-west"\} 1/);
    expect(text).toMatch(/parallax_probes_online\{region="eu-west"\} 1/);

    // No job reaches the region's subject any more, while rounds keep being decided. The
    // gauge above is the scheduler's view: a claim in flight when it changed may still
    // have sent ap-south a job, so the rounds after the next one are the ones that count.
    const lastRound = (
      await pg.query('SELECT coalesce(max(round), 0)::bigint AS r FROM rounds WHERE monitor_id = $1', [m.id])
    ).rows[0].r;
    const checksBefore = (await get(m.id)).checks_total;
    const later = await waitFor('two later rounds decided', async () => {
      const r = await pg.query(
        `SELECT round::bigint AS round, regions, skipped_regions FROM rounds WHERE monitor_id = $1 AND round > $2::bigint + 1 AND decided_at IS NOT NULL ORDER BY round`,
        [m.id, lastRound],
      );
      return r.rows.length >= 2 && r.rows;
    });
    for (const r of later)
      expect(r).toEqual({ round: r.round, regions: ['eu-west', 'us-east'], skipped_regions: ['ap-south'] });
    const laterRounds = new Set(later.map((r: { round: string }) => Number(r.round)));
    expect(
      probes.jobs
        .filter((j) => j.monitor_id === m.id && laterRounds.has(j.round))
        .map((j) => j.region)
        .sort(),
    ).toEqual([...laterRounds].flatMap(() => ['eu-west', 'us-east']).sort());
    const jobsBefore = jobsOf(m.id, 'ap-south');
    const mm = await get(m.id);
    expect(mm.checks_total).toBeGreaterThanOrEqual(checksBefore + 2);
    expect(mm.status).toBe('up');
    expect(mm.location_status).toEqual({ 'eu-west': 'up', 'us-east': 'up', 'ap-south': 'unknown' });
    expect(await metrics()).toMatch(/parallax_jobs_skipped_total\{region="ap-south"\} [1-9]/);
    const check = (await call(t.api, key, 'GET', `/monitors/${m.id}/checks?limit=1`)).body.data[0];
    expect(check).toMatchObject({
      status: 'up',
      regions: ['eu-west', 'us-east'],
      skipped_regions: ['ap-south'],
      regions_checked: 2,
      regions_up: 2,
    });
    expect(check.region_results.find((r: { region: string }) => r.region === 'ap-south')).toMatchObject({
      reported: false,
      is_up: null,
      skipped: true,
    });
    expect((await call(t.api, key, 'GET', `/incidents?monitor_id=${m.id}`)).body.data).toEqual([]);

    // A result for a region the round sent no job to is refused, never counted.
    const round = check.round as number;
    const job = probes.jobs.find((j) => j.monitor_id === m.id && j.round === round)!;
    await probes.publish(probes.result(job, 'ap-south', { is_up: false, status_code: 500 }));
    await waitFor('refused not_dispatched', async () =>
      /parallax_results_refused_total\{reason="not_dispatched"\} 1/.test(await metrics()),
    );
    const stored = await pg.query(
      `SELECT 1 FROM check_results WHERE monitor_id = $1 AND round = $2 AND region = 'ap-south'`,
      [m.id, round],
    );
    expect(stored.rows).toEqual([]);

    // A monitor whose only region is down gets no job at all: its rounds are "no data" at once.
    const solo = (
      await call(t.api, key, 'POST', '/monitors', {
        name: 'solo',
        url: 'http://127.0.0.1:1/',
        check_interval: 1,
        timeout: 5,
        regions: ['ap-south'],
        quorum: 1,
      })
    ).body.data;
    const noData = await waitFor(
      'a no-data round',
      async () => (await call(t.api, key, 'GET', `/monitors/${solo.id}/checks?limit=1`)).body.data[0],
    );
    expect(noData).toMatchObject({
      status: 'no_data',
      is_up: null,
      regions: [],
      skipped_regions: ['ap-south'],
      regions_checked: 0,
    });
    // Decided as it was claimed (in the claiming transaction, at the claim's instant), not by the deadline sweep after the 5 s timeout.
    const noDataRow = (
      await pg.query(
        'SELECT scheduled_at, dispatched_at, decided_at, deadline_at FROM rounds WHERE monitor_id = $1 AND round = $2',
        [solo.id, noData.round],
      )
    ).rows[0];
    expect(noDataRow.decided_at).toEqual(noDataRow.scheduled_at);
    expect(noDataRow.dispatched_at).toEqual(noDataRow.scheduled_at);
    expect(noDataRow.decided_at.getTime()).toBeLessThan(noDataRow.deadline_at.getTime());
    expect(jobsOf(solo.id, 'ap-south')).toBe(0);
    expect((await get(solo.id)).status).toBe('pending');
    await call(t.api, key, 'DELETE', `/monitors/${solo.id}`);

    // The probe comes back: the region is healthy and gets jobs again by itself.
    probes.presenceOff.delete('ap-south');
    silent.delete('ap-south');
    await waitFor('ap-south healthy again', async () => {
      const r = await region('ap-south');
      return r.healthy && r.receiving_jobs && r.unhealthy_since === null;
    });
    await waitFor('jobs flow to ap-south again', () => jobsOf(m.id, 'ap-south') > jobsBefore);
    await waitFor('ap-south counted again', async () => (await get(m.id)).location_status['ap-south'] === 'up');
    await waitFor(
      'healthy gauge',
      async () => /parallax_region_healthy\{region="ap-south"\} 1/.test(await metrics()),
      5_000,
    );
    const latest = (await call(t.api, key, 'GET', `/monitors/${m.id}/checks?limit=1`)).body.data[0];
    expect(latest).toMatchObject({
      regions: ['eu-west', 'us-east', 'ap-south'],
      skipped_regions: [],
      regions_checked: 3,
    });
    await call(t.api, key, 'DELETE', `/monitors/${m.id}`);
  });

  it('keeps presence per region: region A announcing a us-east probe id (even leaving) leaves us-east healthy and receiving jobs', async () => {
    const m = (
      await call(t.api, key, 'POST', '/monitors', {
        name: 'hijack',
        url: 'http://127.0.0.1:1/',
        check_interval: 1,
        timeout: 1,
      })
    ).body.data;
    await waitFor('up', async () => (await get(m.id)).status === 'up');
    // us-east's own probe stops announcing, so only its last row speaks for it ...
    probes.presenceOff.add('us-east');
    try {
      // ... and eu-west's credentials announce us-east's probe id, as alive and then leaving.
      const nc = await connect({ servers: TEST_NATS_URL });
      const names = natsNames(t.natsPrefix);
      const forged = (leaving: boolean) =>
        encode({
          v: 1,
          region: 'eu-west',
          probe_id: probes.probeId('us-east'),
          version: 'evil',
          in_flight: 0,
          queued: 0,
          capacity: 1,
          started_at: new Date().toISOString(),
          sent_at: new Date().toISOString(),
          ...(leaving ? { leaving: true } : {}),
        });
      nc.publish(names.presence('eu-west'), forged(false));
      nc.publish(names.presence('eu-west'), forged(true));
      await nc.flush();
      await nc.close();
      await waitFor(
        'the forged row stored under eu-west',
        async () =>
          (
            await pg.query(`SELECT 1 FROM probes WHERE region = 'eu-west' AND probe_id = $1 AND leaving`, [
              probes.probeId('us-east'),
            ])
          ).rows.length === 1,
      );
      const [row] = (
        await pg.query(`SELECT region, leaving, version FROM probes WHERE region = 'us-east' AND probe_id = $1`, [
          probes.probeId('us-east'),
        ])
      ).rows;
      expect(row).toEqual({ region: 'us-east', leaving: false, version: 'test' });
      // us-east announces itself again; the forged eu-west row never counts for it.
      probes.presenceOff.delete('us-east');
      expect(await region('us-east')).toMatchObject({ healthy: true, receiving_jobs: true, probes_online: 1 });
      expect(await region('eu-west')).toMatchObject({ healthy: true, probes_online: 1 });
      const before = jobsOf(m.id, 'us-east');
      await waitFor('us-east still gets jobs', () => jobsOf(m.id, 'us-east') > before);
    } finally {
      probes.presenceOff.delete('us-east');
      await call(t.api, key, 'DELETE', `/monitors/${m.id}`);
    }
  });

  it('reports a probe announcing an unknown region and refuses its results', async () => {
    const stranger = new FakeProbes(t.natsPrefix, ['mars-1'], { presenceIntervalMs: 500 });
    await stranger.start();
    try {
      const listed = await waitFor('unknown region probe listed', async () => {
        const body = await regions();
        return body.meta.unknown_region_probes.length > 0 && body;
      });
      expect(listed.meta.unknown_region_probes).toEqual([
        {
          region: 'mars-1',
          probes_online: 1,
          versions: ['test'],
          in_flight: 0,
          queued: 0,
          capacity: 64,
          utilisation: 0,
          clock_skew: { max_ms: 0, typical_ms: 0, probes_skewed: 0 },
        },
      ]);
      expect(listed.data.map((r: { id: string }) => r.id)).toEqual(['eu-west', 'us-east', 'ap-south']);
      // Each region's capacity is its online probes' slots, and its utilisation their load on it.
      for (const r of listed.data)
        expect(r.utilisation).toBe(
          r.capacity > 0 ? Math.round(((r.in_flight + r.queued) / r.capacity) * 1000) / 1000 : null,
        );
      await waitFor('unknown region gauge', async () => /^parallax_unknown_region_probes 1$/m.test(await metrics()));

      const m = (
        await call(t.api, key, 'POST', '/monitors', {
          name: 'stranger',
          url: 'http://127.0.0.1:1/',
          check_interval: 60,
          timeout: 1,
        })
      ).body.data;
      const job = await waitFor('a job', async () => probes.jobs.find((j) => j.monitor_id === m.id));
      await waitFor('decided', async () => (await get(m.id)).checks_total === 1);
      // Each known region has its own results stream and no stream takes an unknown region's
      // subject, so the broker itself refuses the publish (503: no stream answers).
      await expect(
        stranger.publish(stranger.result(job, 'mars-1', { is_up: false, status_code: 500 })),
      ).rejects.toThrow(/503/);
      const rows = await pg.query('SELECT region FROM check_results WHERE monitor_id = $1 ORDER BY region', [m.id]);
      expect(rows.rows.map((r) => r.region)).toEqual(['ap-south', 'eu-west', 'us-east']);
      expect((await get(m.id)).status).toBe('up');
      await call(t.api, key, 'DELETE', `/monitors/${m.id}`);
    } finally {
      await stranger.stop();
    }
  });
});
