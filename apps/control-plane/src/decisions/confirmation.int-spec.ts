import { Client } from 'pg';
import { Clock } from '../common/clock';
import { FakeProbes, waitFor } from '../testing/fake-probe';
import { call, signup, startTestApp, TestApp } from '../testing/harness';

jest.setTimeout(120_000);

const INTERVAL = 300;

/**
 * The second opinion (decisions/confirmation.ts) through the real pipeline: scheduler →
 * NATS → fake probes → JetStream → ingestion → decision, real PostgreSQL and NATS. The
 * clock is frozen: a monitor's next interval round only comes when the test advances the
 * clock by the interval, so any round claimed while the clock stands still is a
 * confirmation round the decision asked for.
 */
describe('confirmation and recovery rounds', () => {
  let t: TestApp;
  let key: string;
  let probes: FakeProbes;
  let pg: Client;
  let clock: Clock;
  /** Failing regions per round, in the order the monitor's rounds come (default: every region up). */
  const script = new Map<string, string[][]>();
  const seen = new Map<string, number[]>();
  /** Slow regions (answering up in 800 ms) per round, likewise. */
  const slowScript = new Map<string, string[][]>();

  beforeAll(async () => {
    t = await startTestApp({
      ROUND_GRACE_SECONDS: '1',
      SCHEDULER_TICK_MS: '100',
      PRESENCE_TTL_SECONDS: '3600',
      REGION_GRACE_SECONDS: '3600',
    });
    clock = t.app.get(Clock);
    key = (await signup(t.api)).key;
    pg = new Client({ connectionString: t.databaseUrl });
    await pg.connect();
    probes = new FakeProbes(t.natsPrefix, ['eu-west', 'us-east', 'ap-south']);
    probes.verdict = (region, job) => {
      const rounds = seen.get(job.monitor_id) ?? [];
      if (!rounds.includes(job.round)) rounds.push(job.round);
      seen.set(job.monitor_id, rounds);
      const failing = script.get(job.monitor_id)?.[rounds.indexOf(job.round)] ?? [];
      const slow = slowScript.get(job.monitor_id)?.[rounds.indexOf(job.round)] ?? [];
      return failing.includes(region)
        ? { is_up: false, status_code: 503, response_ms: 40 }
        : { is_up: true, status_code: 200, response_ms: slow.includes(region) ? 800 : 20 };
    };
    await probes.start();
    clock.freeze();
  });
  afterAll(async () => {
    clock?.set(null);
    await probes?.stop();
    await pg?.end();
    await t?.close();
  });

  const get = async (id: string) => (await call(t.api, key, 'GET', `/monitors/${id}`)).body.data;
  const decided = async (id: string) =>
    (
      await pg.query(
        `SELECT round::int AS round, outcome, scheduled_at FROM rounds WHERE monitor_id = $1 AND decided_at IS NOT NULL ORDER BY round`,
        [id],
      )
    ).rows as { round: number; outcome: string; scheduled_at: Date }[];
  const incidents = async (id: string) => (await call(t.api, key, 'GET', `/incidents?monitor_id=${id}`)).body.data;
  const events = async (id: string) =>
    (
      await pg.query(`SELECT event FROM notification_deliveries WHERE monitor_id = $1 ORDER BY created_at`, [id])
    ).rows.map((r: { event: string }) => r.event);
  const create = async (name: string, failing: string[][], extra: Record<string, unknown> = {}) => {
    const m = (
      await call(t.api, key, 'POST', '/monitors', {
        name,
        url: 'http://127.0.0.1:1/',
        check_interval: INTERVAL,
        timeout: 2,
        webhook_url: 'http://127.0.0.1:9/hook',
        ...extra,
      })
    ).body.data;
    script.set(m.id, failing);
    await waitFor('first round decided', async () => (await decided(m.id)).length === 1);
    return m;
  };
  const nextInterval = () => clock.advance(INTERVAL * 1000);

  it('a one-round blip: the confirmation round is sent at once, disagrees, and nothing changes', async () => {
    const m = await create('blip', [[], ['eu-west', 'us-east']]);
    expect(await get(m.id)).toMatchObject({
      status: 'up',
      confirmation_rounds: 1,
      recovery_rounds: 1,
      pending_status: null,
    });
    nextInterval();
    // The clock stands still after the failing round: the third round is the confirmation.
    await waitFor('confirmation round decided', async () => (await decided(m.id)).length === 3);
    const rounds = await decided(m.id);
    expect(rounds.map((r) => r.outcome)).toEqual(['up', 'down', 'up']);
    expect(rounds[2].scheduled_at.getTime()).toBeLessThan(rounds[1].scheduled_at.getTime() + INTERVAL * 1000);
    const after = await get(m.id);
    expect(after).toMatchObject({ status: 'up', pending_status: null, checks_total: 3, checks_failed: 1 });
    expect(await incidents(m.id)).toEqual([]);
    expect(await events(m.id)).not.toContain('monitor.down');
  });

  it('a real outage: down when the confirmation agrees, incident from the first failing round; recovery likewise', async () => {
    const all = ['eu-west', 'us-east', 'ap-south'];
    const m = await create('outage', [[], all, all, [], []]);
    nextInterval();
    await waitFor('down', async () => (await get(m.id)).status === 'down');
    let rounds = await decided(m.id);
    expect(rounds.map((r) => r.outcome)).toEqual(['up', 'down', 'down']);
    const open = await waitFor('incident', async () => (await incidents(m.id))[0]);
    expect(open).toMatchObject({ status: 'open', resolved_at: null });
    expect(Date.parse(open.started_at)).toBe(rounds[1].scheduled_at.getTime());
    expect([...open.affected_regions].sort()).toEqual([...all].sort());
    expect(await events(m.id)).toContain('monitor.down');

    nextInterval();
    await waitFor('up', async () => (await get(m.id)).status === 'up');
    rounds = await decided(m.id);
    expect(rounds.map((r) => r.outcome)).toEqual(['up', 'down', 'down', 'up', 'up']);
    const [resolved] = await incidents(m.id);
    expect(resolved.status).toBe('resolved');
    expect(Date.parse(resolved.resolved_at)).toBe(rounds[3].scheduled_at.getTime());
    expect(resolved.duration_seconds).toBe(INTERVAL);
    expect((await incidents(m.id)).length).toBe(1);
    expect((await events(m.id)).filter((e: string) => e === 'monitor.down')).toHaveLength(1);
  });

  it('a recovery that one round contradicts stays down', async () => {
    const all = ['eu-west', 'us-east', 'ap-south'];
    const m = await create('relapse', [all, [], all]);
    expect((await get(m.id)).status).toBe('down'); // a new monitor takes its first decision at once
    nextInterval();
    await waitFor('confirmation decided', async () => (await decided(m.id)).length === 3);
    expect((await decided(m.id)).map((r) => r.outcome)).toEqual(['down', 'up', 'down']);
    expect((await get(m.id)).status).toBe('down');
    expect(await incidents(m.id)).toHaveLength(1);
    expect((await incidents(m.id))[0].status).toBe('open');
  });

  it('confirmation_rounds 2 needs two agreeing confirmation rounds; 0 changes at once', async () => {
    const two = ['eu-west', 'us-east'];
    const m = await create('two', [[], two, two, two], { confirmation_rounds: 2 });
    nextInterval();
    await waitFor('down', async () => (await get(m.id)).status === 'down');
    expect((await decided(m.id)).map((r) => r.outcome)).toEqual(['up', 'down', 'down', 'down']);

    const z = await create('zero', [[], two], { confirmation_rounds: 0 });
    nextInterval();
    await waitFor('down', async () => (await get(z.id)).status === 'down');
    expect((await decided(z.id)).map((r) => r.outcome)).toEqual(['up', 'down']);
  });

  it('latency-degraded: a quorum of slow regions makes the monitor degraded (confirmed, never down), notified as monitor.slow; one slow region does not', async () => {
    const slow2 = ['eu-west', 'us-east'];
    const all = ['eu-west', 'us-east', 'ap-south'];
    const m = (
      await call(t.api, key, 'POST', '/monitors', {
        name: 'slow',
        url: 'http://127.0.0.1:1/',
        check_interval: INTERVAL,
        timeout: 2,
        webhook_url: 'http://127.0.0.1:9/hook',
        degraded_threshold_ms: 500,
      })
    ).body.data;
    expect(m.degraded_threshold_ms).toBe(500);
    slowScript.set(m.id, [[], ['eu-west'], slow2, slow2, all, all, [], []]);
    await waitFor('first round decided', async () => (await decided(m.id)).length === 1);
    nextInterval(); // one slow region of three (quorum 2): up
    await waitFor('second round', async () => (await decided(m.id)).length === 2);
    expect((await decided(m.id)).map((r) => r.outcome)).toEqual(['up', 'up']);
    nextInterval(); // two slow: degraded once the confirmation round agrees
    await waitFor('degraded', async () => (await get(m.id)).status === 'degraded');
    expect((await decided(m.id)).map((r) => r.outcome)).toEqual(['up', 'up', 'degraded', 'degraded']);
    nextInterval(); // all three slow: still degraded, never down
    await waitFor('fifth round', async () => (await decided(m.id)).length === 5);
    expect((await get(m.id)).status).toBe('degraded');
    expect(await incidents(m.id)).toEqual([]);
    nextInterval(); // still slow (round 6), then fast again
    await waitFor('sixth round', async () => (await decided(m.id)).length === 6);
    nextInterval();
    await waitFor('up', async () => (await get(m.id)).status === 'up');
    const ev = await events(m.id);
    expect(ev).toEqual(['monitor.up', 'monitor.slow', 'monitor.up']);
    const slowPayload = (
      await pg.query(`SELECT payload FROM notification_deliveries WHERE monitor_id = $1 AND event = 'monitor.slow'`, [
        m.id,
      ])
    ).rows[0].payload;
    expect(slowPayload).toMatchObject({
      status: 'degraded',
      previous_status: 'up',
      slow: { regions: slow2, threshold_ms: 500 },
    });
    expect((await call(t.api, key, 'PATCH', `/monitors/${m.id}`, { degraded_threshold_ms: 0 })).status).toBe(422);
    expect(
      (await call(t.api, key, 'PATCH', `/monitors/${m.id}`, { degraded_threshold_ms: null })).body.data
        .degraded_threshold_ms,
    ).toBeNull();
  });

  it('validates confirmation_rounds and recovery_rounds (0..5), and a heartbeat shows none', async () => {
    for (const body of [
      { confirmation_rounds: 6 },
      { confirmation_rounds: -1 },
      { recovery_rounds: 1.5 },
      { recovery_rounds: 'x' },
    ]) {
      const r = await call(t.api, key, 'POST', '/monitors', {
        name: 'bad',
        url: 'http://127.0.0.1:1/',
        check_interval: INTERVAL,
        ...body,
      });
      expect(r.status).toBe(422);
    }
    const m = (
      await call(t.api, key, 'POST', '/monitors', {
        name: 'ok',
        url: 'http://127.0.0.1:1/',
        check_interval: INTERVAL,
        confirmation_rounds: 3,
        recovery_rounds: 0,
      })
    ).body.data;
    expect(m).toMatchObject({ confirmation_rounds: 3, recovery_rounds: 0 });
    const p = (await call(t.api, key, 'PATCH', `/monitors/${m.id}`, { recovery_rounds: 2 })).body.data;
    expect(p).toMatchObject({ confirmation_rounds: 3, recovery_rounds: 2 });
    const hb = (
      await call(t.api, key, 'POST', '/monitors', { name: 'hb', monitor_type: 'heartbeat', heartbeat_interval: 60 })
    ).body.data;
    expect(hb).toMatchObject({ confirmation_rounds: null, recovery_rounds: null, pending_status: null });
  });
});
