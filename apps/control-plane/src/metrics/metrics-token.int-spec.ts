import { startTestApp, TestApp } from '../testing/harness';

/** `/metrics` behind METRICS_TOKEN (issue 13): real app, real HTTP. */
describe('METRICS_TOKEN (integration)', () => {
  const TOKEN = 'metrics-token-0123456789abcdef';
  let t: TestApp;
  let open: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ METRICS_TOKEN: TOKEN });
    open = await startTestApp({}, t);
  }, 90_000);

  afterAll(async () => {
    await open?.close();
    await t?.close();
  });

  it('refuses a scrape without the bearer token, with the envelope; answers with it', async () => {
    for (const headers of [
      {},
      { Authorization: 'Bearer wrong-token-wrong-token' },
      { Authorization: `Basic ${TOKEN}` },
      { Authorization: `Bearer ${TOKEN}x` },
    ]) {
      const res = await fetch(`${t.baseUrl}/metrics`, { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toContain('Bearer');
      const body = await res.json();
      expect(body).toMatchObject({ data: null, code: 'unauthorized' });
      expect(JSON.stringify(body)).not.toContain(TOKEN);
    }
    const ok = await fetch(`${t.baseUrl}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toMatch(/^# HELP parallax_/m);
  });

  it('without METRICS_TOKEN the scrape is open (in-cluster Prometheus)', async () => {
    const res = await fetch(`${open.baseUrl}/metrics`);
    expect(res.status).toBe(200);
  });
});
