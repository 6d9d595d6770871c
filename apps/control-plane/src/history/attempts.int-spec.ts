import { Client } from 'pg';
import type { AttemptV1 } from '@parallax/contracts';
import { FakeProbes, waitFor } from '../testing/fake-probe';
import { call, signup, startTestApp, TestApp } from '../testing/harness';

jest.setTimeout(120_000);

/**
 * In-region retries on the control plane's side (issue 15 item 3): the monitor field, the
 * job that carries it, and the attempts a probe reports stored in `check_results.attempts`
 * and shown by the check history; a result without them (an older probe) is stored as before.
 */
describe('in-region retries: monitor field, jobs, stored attempts', () => {
  let t: TestApp;
  let key: string;
  let probes: FakeProbes;
  let pg: Client;
  const attempts: AttemptV1[] = [
    {
      attempt: 1,
      offset_ms: 0,
      duration_ms: 3.2,
      is_up: false,
      status_code: 503,
      error_class: 'http_5xx',
      error: 'expected status 200, got 503',
    },
    { attempt: 2, offset_ms: 253.6, duration_ms: 2.9, is_up: true, status_code: 200, error_class: null, error: null },
  ];

  beforeAll(async () => {
    t = await startTestApp({ PRESENCE_TTL_SECONDS: '3600', REGION_GRACE_SECONDS: '3600' });
    key = (await signup(t.api)).key;
    pg = new Client({ connectionString: t.databaseUrl });
    await pg.connect();
    probes = new FakeProbes(t.natsPrefix, ['eu-west', 'us-east', 'ap-south']);
    // A probe that knows retries reports its attempts; for jobs without retries it reports none (an older probe too).
    probes.verdict = (_region, job) =>
      job.retries
        ? { is_up: true, status_code: 200, response_ms: 3, attempts }
        : { is_up: true, status_code: 200, response_ms: 3 };
    await probes.start();
  });
  afterAll(async () => {
    await probes?.stop();
    await pg?.end();
    await t?.close();
  });

  const checks = async (id: string) => (await call(t.api, key, 'GET', `/monitors/${id}/checks?limit=5`)).body.data;
  const create = async (body: Record<string, unknown>) =>
    call(t.api, key, 'POST', '/monitors', { name: 'r', url: 'http://127.0.0.1:1/', check_interval: 300, ...body });

  it('retries travels in the job; the reported attempts are stored and listed per region', async () => {
    const m = (await create({ retries: 2 })).body.data;
    expect(m.retries).toBe(2);
    const [round] = await waitFor('round decided', async () => {
      const c = await checks(m.id);
      return c.length && c[0].status !== null && c[0].decided_at ? c : null;
    });
    expect(round.status).toBe('up');
    expect(probes.jobs.filter((j) => j.monitor_id === m.id).map((j) => j.retries)).toEqual([2, 2, 2]);
    for (const r of round.region_results) expect(r.attempts).toEqual(attempts);
    const stored = await pg.query(`SELECT region, attempts FROM check_results WHERE monitor_id = $1 ORDER BY region`, [
      m.id,
    ]);
    expect(stored.rows.map((r: { attempts: unknown }) => r.attempts)).toEqual([attempts, attempts, attempts]);
    // The logs list them too, per region's result.
    const logs = (await call(t.api, key, 'GET', `/monitors/${m.id}/logs`)).body.data;
    expect(logs).toHaveLength(3);
    for (const l of logs) expect(l.attempts).toEqual(attempts);
  });

  it('retries 0 (the default): no retries in the job, results without attempts stored as before', async () => {
    const m = (await create({})).body.data;
    expect(m.retries).toBe(0);
    const [round] = await waitFor('round decided', async () => {
      const c = await checks(m.id);
      return c.length && c[0].decided_at ? c : null;
    });
    expect(round.status).toBe('up');
    expect(probes.jobs.filter((j) => j.monitor_id === m.id).every((j) => !('retries' in j))).toBe(true);
    for (const r of round.region_results) expect(r.attempts).toBeNull();
    for (const l of (await call(t.api, key, 'GET', `/monitors/${m.id}/logs`)).body.data) expect(l.attempts).toBeNull();
    const stored = await pg.query(`SELECT attempts FROM check_results WHERE monitor_id = $1`, [m.id]);
    expect(stored.rows).toHaveLength(3);
    expect(stored.rows.every((r: { attempts: unknown }) => r.attempts === null)).toBe(true);
  });

  it('validates retries (0..3), only for types that retry; a heartbeat ignores it; PATCH changes it', async () => {
    for (const retries of [4, -1, 1.5, 'x', null]) expect((await create({ retries })).status).toBe(422);
    const domain = await create({ monitor_type: 'domain', domain: 'example.com', url: undefined, retries: 1 });
    expect(domain.status).toBe(422);
    expect(JSON.stringify(domain.body)).toContain('retries');
    const tcp = (await create({ monitor_type: 'tcp', host: '127.0.0.1', port: 1, url: undefined, retries: 3 })).body
      .data;
    expect(tcp.retries).toBe(3);
    const patched = (await call(t.api, key, 'PATCH', `/monitors/${tcp.id}`, { retries: 1 })).body.data;
    expect(patched.retries).toBe(1);
    const hb = (
      await call(t.api, key, 'POST', '/monitors', {
        name: 'hb',
        monitor_type: 'heartbeat',
        heartbeat_interval: 60,
        retries: 2,
      })
    ).body.data;
    expect(hb.retries).toBeNull();
  });
});
