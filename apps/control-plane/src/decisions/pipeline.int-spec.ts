import { Client } from 'pg';
import { resultMsgId } from '@parallax/contracts';
import { FakeProbes, waitFor } from '../testing/fake-probe';
import { call, signup, startTestApp, TestApp } from '../testing/harness';

jest.setTimeout(90_000);

/**
 * Scheduler → NATS jobs → (fake) probes → JetStream results → ingestion → quorum
 * decision → incidents, through the public API, with real PostgreSQL and NATS.
 */
describe('round pipeline', () => {
  let t: TestApp;
  let key: string;
  let probes: FakeProbes;
  const failing = new Set<string>();
  const silent = new Set<string>();

  beforeAll(async () => {
    t = await startTestApp({ ROUND_GRACE_SECONDS: '1', SCHEDULER_TICK_MS: '100' });
    key = (await signup(t.api)).key;
    probes = new FakeProbes(t.natsPrefix, ['eu-west', 'us-east', 'ap-south']);
    probes.verdict = (region) =>
      silent.has(region)
        ? 'silent'
        : failing.has(region)
          ? { is_up: false, status_code: 503, response_ms: 40 }
          : { is_up: true, status_code: 200, response_ms: 20 };
    await probes.start();
  });
  afterAll(async () => {
    await probes?.stop();
    await t?.close();
  });

  const get = async (id: string) => (await call(t.api, key, 'GET', `/monitors/${id}`)).body.data;

  it('turns up, degrades on one failing region, goes down with one incident on two, and resolves on recovery', async () => {
    // Regional incidents off (0): how many degraded rounds pass before the second region fails
    // depends on the machine's speed, and a third would open one (decisions/regional.int-spec.ts).
    const m = (
      await call(t.api, key, 'POST', '/monitors', {
        name: 'pipeline',
        url: 'http://127.0.0.1:1/',
        check_interval: 1,
        timeout: 2,
        regional_incident_rounds: 0,
      })
    ).body.data;
    await waitFor('up', async () => (await get(m.id)).status === 'up');
    const up = await get(m.id);
    expect(up.location_status).toEqual({ 'eu-west': 'up', 'us-east': 'up', 'ap-south': 'up' });
    expect(up.last_response_by_region).toEqual({ 'eu-west': 20, 'us-east': 20, 'ap-south': 20 });
    expect(up.last_status_code).toBe(200);

    failing.add('eu-west');
    await waitFor('degraded', async () => (await get(m.id)).status === 'degraded');
    expect((await call(t.api, key, 'GET', `/incidents?monitor_id=${m.id}`)).body.data).toEqual([]);

    failing.add('us-east');
    await waitFor('down', async () => (await get(m.id)).status === 'down');
    const open = await waitFor('incident', async () => {
      const list = (await call(t.api, key, 'GET', `/incidents?monitor_id=${m.id}&status=open`)).body.data;
      return list.length === 1 && list[0];
    });
    expect(open).toMatchObject({
      status: 'open',
      monitor_name: 'pipeline',
      regions_checked: 3,
      regions_up: 1,
      status_code: 503,
      resolved_at: null,
      duration_seconds: null,
    });
    expect(open.region_results.map((r: { region: string }) => r.region).sort()).toEqual([
      'ap-south',
      'eu-west',
      'us-east',
    ]);
    expect([...open.affected_regions].sort()).toEqual(['eu-west', 'us-east']);
    expect(open.failure_error_message).toMatch(/503/);

    // Several more down rounds: still exactly one incident.
    const downChecks = (await get(m.id)).checks_failed;
    await waitFor('more down rounds', async () => (await get(m.id)).checks_failed >= downChecks + 2);
    failing.clear();
    await waitFor('up again', async () => (await get(m.id)).status === 'up');
    const all = (await call(t.api, key, 'GET', `/incidents?monitor_id=${m.id}`)).body.data;
    expect(all).toHaveLength(1);
    expect(all[0].status).toBe('resolved');
    expect(all[0].duration_seconds).toBeGreaterThanOrEqual(1);
    expect(Date.parse(all[0].resolved_at)).toBeGreaterThan(Date.parse(all[0].started_at));
    // StatusPool's resolved= filter
    expect(
      (await call(t.api, key, 'GET', `/incidents?monitor_id=${m.id}&resolved=true`)).body.data.map(
        (i: { id: string }) => i.id,
      ),
    ).toEqual([all[0].id]);
    expect((await call(t.api, key, 'GET', `/incidents?monitor_id=${m.id}&resolved=false`)).body.data).toEqual([]);
    const single = (await call(t.api, key, 'GET', `/incidents/${all[0].id}`)).body.data;
    expect(single.id).toBe(all[0].id);
    const clamped = (await call(t.api, key, 'GET', '/incidents?limit=9999&hours=0&status=resolved')).body;
    expect(clamped.meta).toMatchObject({ total: 1, limit: 500, hours: 1 });
    expect((await call(t.api, key, 'GET', '/incidents/inc_doesnotexist')).status).toBe(404);

    const checks = (await call(t.api, key, 'GET', `/monitors/${m.id}/checks?limit=1000`)).body;
    expect(checks.meta.limit).toBe(500);
    expect(checks.data[0]).toMatchObject({
      regions_checked: 3,
      regions_up: 3,
      is_up: true,
      status: 'up',
      response_ms: 20,
    });
    expect(checks.data[0].region_results).toHaveLength(3);
    expect(checks.data[0].region_results[0].phases).toMatchObject({ connect: 1, first_byte: 5 });
    const after = await get(m.id);
    expect(after.checks_total).toBeGreaterThanOrEqual(after.checks_failed + 2);
    expect(after.uptime_percent).toBeLessThan(100);
    await call(t.api, key, 'DELETE', `/monitors/${m.id}`);
  });

  it('decides at the deadline when a region stays silent: unknown, never failing', async () => {
    silent.add('ap-south');
    failing.add('eu-west');
    const m = (
      await call(t.api, key, 'POST', '/monitors', {
        name: 'silent',
        url: 'http://127.0.0.1:1/',
        check_interval: 1,
        timeout: 1,
      })
    ).body.data;
    // quorum 2, reported 2 (eu-west failing, us-east up): effective quorum 2 → degraded, not down.
    await waitFor('degraded', async () => (await get(m.id)).status === 'degraded');
    const mm = await get(m.id);
    expect(mm.location_status).toEqual({ 'eu-west': 'down', 'us-east': 'up', 'ap-south': 'unknown' });
    const check = (await call(t.api, key, 'GET', `/monitors/${m.id}/checks?limit=1`)).body.data[0];
    expect(check).toMatchObject({ regions_checked: 2, regions_up: 1 });
    expect(check.region_results.find((r: { region: string }) => r.region === 'ap-south')).toMatchObject({
      reported: false,
      is_up: null,
    });
    silent.clear();
    failing.clear();
    await call(t.api, key, 'DELETE', `/monitors/${m.id}`);
  });

  it('stores a redelivered result once and drops malformed or mislabelled ones', async () => {
    const m = (
      await call(t.api, key, 'POST', '/monitors', {
        name: 'dedupe',
        url: 'http://127.0.0.1:1/',
        check_interval: 60,
        timeout: 1,
      })
    ).body.data;
    const job = await waitFor('a job', async () => probes.jobs.find((j) => j.monitor_id === m.id));
    await waitFor('decided', async () => (await get(m.id)).checks_total === 1);
    const result = probes.result(job, 'eu-west', { is_up: false, status_code: 500 });
    // Same identity as the one already stored (JetStream dedupes within its window; the
    // database key catches a redelivery after it): publish with a different msg id to
    // get past JetStream and prove the database ignores it (the fake probe published the
    // untagged id of an older probe; the tagged one the job asks for is valid too).
    await probes.publishRaw(
      'eu-west',
      Buffer.from(JSON.stringify(result)),
      resultMsgId(job.job_id, 'eu-west', job.result_tag),
    );
    await probes.publishRaw('eu-west', Buffer.from('{not json'), 'garbage-1');
    await probes.publishRaw('eu-west', Buffer.from(JSON.stringify({ ...result, region: 'us-east' })), 'mislabelled-1'); // region does not match subject
    const pg = new Client({ connectionString: t.databaseUrl });
    await pg.connect();
    try {
      let metrics = '';
      await waitFor(
        'stream drained',
        async () => {
          metrics = await (await fetch(`${t.baseUrl}/metrics`)).text();
          return (
            /parallax_results_refused_total\{reason="malformed"\} 1/.test(metrics) &&
            /parallax_results_refused_total\{reason="region_mismatch"\} 1/.test(metrics) &&
            /parallax_results_ingested_total\{region="eu-west",outcome="duplicate"\} 1/.test(metrics)
          );
        },
        10_000,
      ).catch((e) => {
        throw new Error(
          `${e.message}\n${metrics
            .split('\n')
            .filter((l) => l.startsWith('parallax_results'))
            .join('\n')}`,
        );
      });
      await waitFor('stream drained', async () => {
        const metrics = await (await fetch(`${t.baseUrl}/metrics`)).text();
        return (
          /parallax_results_refused_total\{reason="malformed"\} 1/.test(metrics) &&
          /parallax_results_refused_total\{reason="region_mismatch"\} 1/.test(metrics) &&
          /parallax_results_ingested_total\{region="eu-west",outcome="duplicate"\} 1/.test(metrics)
        );
      });
      const rows = await pg.query('SELECT region, is_up FROM check_results WHERE monitor_id = $1 ORDER BY region', [
        m.id,
      ]);
      expect(rows.rows).toEqual([
        { region: 'ap-south', is_up: true },
        { region: 'eu-west', is_up: true },
        { region: 'us-east', is_up: true },
      ]);
    } finally {
      await pg.end();
    }
    expect((await get(m.id)).status).toBe('up');
  });

  it('publishes a round that a dead replica claimed but never dispatched, with a fresh deadline', async () => {
    const m = (
      await call(t.api, key, 'POST', '/monitors', {
        name: 'orphaned round',
        url: 'http://127.0.0.1:1/',
        check_interval: 60,
        timeout: 1,
        paused: true,
      })
    ).body.data;
    const pg = new Client({ connectionString: t.databaseUrl });
    await pg.connect();
    try {
      // What a replica leaves behind when it is killed between its claim commit and its publish.
      await pg.query(
        `INSERT INTO rounds (id, monitor_id, account_id, round, scheduled_at, deadline_at, regions, quorum, created_at)
         SELECT 'chk_orphan', id, account_id, 42, now() - interval '3 s', now() + interval '500 ms', regions, quorum, now() - interval '3 s'
           FROM monitors WHERE id = $1`,
        [m.id],
      );
      const job = await waitFor('recovered job', async () =>
        probes.jobs.find((j) => j.monitor_id === m.id && j.round === 42),
      );
      expect(job.deadline).toBeGreaterThan(Date.now() - 1000);
      const round = await waitFor(
        'decided',
        async () => (await pg.query(`SELECT * FROM rounds WHERE id = 'chk_orphan' AND decided_at IS NOT NULL`)).rows[0],
      );
      expect(round).toMatchObject({ outcome: 'up', regions_checked: 3 });
      expect(probes.jobs.filter((j) => j.monitor_id === m.id && j.round === 42)).toHaveLength(3);
    } finally {
      await pg.end();
    }
  });

  it('lists configured regions and probe presence', async () => {
    const res = await call(t.api, key, 'GET', '/regions');
    expect(res.status).toBe(200);
    expect(res.body.data.map((r: { id: string }) => r.id)).toEqual(['eu-west', 'us-east', 'ap-south']);
    // The fake probes announce one probe per region, as real probes do.
    expect(res.body.data[0]).toMatchObject({
      id: 'eu-west',
      healthy: true,
      unhealthy_since: null,
      receiving_jobs: true,
      probes_online: 1,
    });
    // Counts, versions and load; never probe ids (operators see those in /metrics).
    expect(res.body.data[0]).toMatchObject({ versions: ['test'], capacity: 64, in_flight: 0, queued: 0 });
    expect(JSON.stringify(res.body)).not.toContain('fake-eu-west');
    await waitFor('probe ids in /metrics', async () =>
      /^parallax_probe_info\{region="eu-west",probe_id="fake-eu-west",version="test"\} 1$/m.test(
        await (await fetch(`${t.baseUrl}/metrics`)).text(),
      ),
    );
    expect(res.body.meta.unknown_region_probes).toEqual([]);
  });

  it('serves health and metrics without credentials', async () => {
    expect((await fetch(`${t.baseUrl}/health/live`)).status).toBe(200);
    const ready = await fetch(`${t.baseUrl}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, nats: { status: 'up' } },
    });
    const metrics = await (await fetch(`${t.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/parallax_jobs_dispatched_total\{region="eu-west"\} \d+/);
    expect(metrics).toMatch(/parallax_decisions_total\{decision="down"\} [1-9]/);
    expect(metrics).not.toMatch(/127\.0\.0\.1:1/);
  });
});
