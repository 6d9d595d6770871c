import { call, signup, startTestApp, TestApp } from '../testing/harness';

jest.setTimeout(90_000);

/**
 * Issue 13 (1): times at the edges of what the time-series endpoints accept answer 200 or a 422
 * naming the parameter, never a 500 (the fuzz suite found `GET /monitors/{id}/logs?to=0000-01-01`
 * answering 500). Real PostgreSQL, the in-process app.
 */
describe('time-series endpoints at the edges of time', () => {
  let t: TestApp;
  let key: string;
  let id = '';
  beforeAll(async () => {
    t = await startTestApp();
    key = (await signup(t.api)).key;
    const m = await call(t.api, key, 'POST', '/monitors', { name: 'edges', url: 'http://127.0.0.1:1/', paused: true });
    id = m.body.data.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const windows: [string, number, string?][] = [
    ['to=0000-01-01', 422, 'to'],
    ['from=0000-06-01T00:00:00Z&to=0001-06-01T00:00:00Z', 422, 'from'],
    ['to=0001-01-01T12:00:00Z', 422, 'from'],
    ['from=0001-01-01T00:00:00Z&to=0001-01-02T00:00:00Z', 200],
    ['from=9999-12-30T00:00:00Z&to=9999-12-31T23:59:59Z', 200],
  ];
  it.each(['logs', 'response-times', 'history', 'stats'])('/%s', async (path) => {
    for (const [query, status, field] of windows) {
      const res = await call(t.api, key, 'GET', `/monitors/${id}/${path}?${query}`);
      const fields = (res.body.details ?? []).map((d: { field: string }) => d.field);
      // history and stats may take other parameters than from/to; what matters is: no 5xx, and a 422 names its field.
      expect({ query, fiveHundred: res.status >= 500 }).toEqual({ query, fiveHundred: false });
      if (path === 'logs' || path === 'response-times')
        expect({ query, status: res.status, fields: field ? fields : [] }).toEqual({
          query,
          status,
          fields: field ? [field] : [],
        });
    }
  });
});
