import { call, signup, startTestApp, TestApp } from '../testing/harness';

jest.setTimeout(60_000);

/**
 * Plans (SPEC 3.1, StatusRooster "Plan Limits"): a monitor limit and an interval floor
 * per plan, configurable for self-hosting. Two replicas share one database: one signs
 * accounts up on the free plan, the other on pro, and both enforce each account's plan.
 */
describe('plans (real PostgreSQL + NATS)', () => {
  let free: TestApp;
  let pro: TestApp;
  let freeKey: string;
  let proKey: string;
  const plans = {
    PLAN_FREE_MAX_MONITORS: '2',
    PLAN_PRO_MAX_MONITORS: '3',
    PLAN_FREE_MIN_INTERVAL_SECONDS: '120',
    PLAN_PRO_MIN_INTERVAL_SECONDS: '30',
  };
  const body = (check_interval: number) => ({ name: 'web', url: 'http://127.0.0.1:9/', check_interval });

  beforeAll(async () => {
    free = await startTestApp({ ...plans, DEFAULT_PLAN: 'free' });
    pro = await startTestApp({ ...plans, DEFAULT_PLAN: 'pro' }, free);
    freeKey = (await signup(free.api)).key;
    proKey = (await signup(pro.api)).key;
  });
  afterAll(async () => {
    await pro?.close();
    await free?.close();
  });

  it('reports each plan limit in /auth/me', async () => {
    expect((await call(free.api, freeKey, 'GET', '/auth/me')).body.data.limits).toEqual({
      max_monitors: 2,
      min_interval_seconds: 120,
    });
    // Either replica answers with the account's own plan.
    expect((await call(free.api, proKey, 'GET', '/auth/me')).body.data.limits).toEqual({
      max_monitors: 3,
      min_interval_seconds: 30,
    });
  });

  it('refuses an interval below the plan minimum with 403, above the maximum with 422', async () => {
    const low = await call(free.api, freeKey, 'POST', '/monitors', body(60));
    expect(low.status).toBe(403);
    expect(low.body.error).toBe('check_interval 60 is below your plan minimum of 120 seconds');
    const high = await call(free.api, freeKey, 'POST', '/monitors', body(301));
    expect(high.status).toBe(422);
    expect(JSON.stringify(high.body)).toContain('check_interval must be between 120 and 300 seconds');
    expect((await call(free.api, proKey, 'POST', '/monitors', body(20))).status).toBe(403);
    expect((await call(free.api, proKey, 'POST', '/monitors', body(30))).status).toBe(201);
  });

  it('uses the plan default interval when none is given', async () => {
    const res = await call(free.api, freeKey, 'POST', '/monitors', { name: 'default', url: 'http://127.0.0.1:9/' });
    expect(res.status).toBe(201);
    expect(res.body.data.check_interval).toBe(120);
  });

  it('refuses to lower an existing monitor below the plan minimum on update (403), and keeps it', async () => {
    const list = (await call(free.api, freeKey, 'GET', '/monitors')).body.data;
    const res = await call(free.api, freeKey, 'PATCH', `/monitors/${list[0].id}`, { check_interval: 60 });
    expect(res.status).toBe(403);
    expect((await call(free.api, freeKey, 'GET', `/monitors/${list[0].id}`)).body.data.check_interval).toBe(120);
  });

  it('enforces the monitor limit of each plan with the reference message, heartbeats included', async () => {
    expect(
      (await call(free.api, freeKey, 'POST', '/monitors', { monitor_type: 'heartbeat', name: 'cron' })).status,
    ).toBe(201);
    const over = await call(free.api, freeKey, 'POST', '/monitors', { monitor_type: 'heartbeat', name: 'cron 2' });
    expect(over.status).toBe(403);
    expect(over.body.error).toBe('Free plan limited to 2 monitors. Upgrade to Pro for up to 3.');
    expect((await call(pro.api, proKey, 'POST', '/monitors', body(60))).status).toBe(201);
    expect((await call(pro.api, proKey, 'POST', '/monitors', body(60))).status).toBe(201);
    const proOver = await call(pro.api, proKey, 'POST', '/monitors', body(60));
    expect(proOver.status).toBe(403);
    expect(proOver.body.error).toBe('Pro plan limited to 3 monitors.');
  });
});
