import { Client } from 'pg';
import { call, signup, startTestApp, TestApp } from '../testing/harness';

jest.setTimeout(90_000);

/**
 * Issue 13 item 5: `forward_headers_on_redirect` and a custom header's `sensitive` mark through
 * the REST API (real PostgreSQL): default false, stored and read back, toggled by PATCH, refused
 * for a type without http redirects. What the probe sends is libs/checks/src/http-redirect.int-spec.ts.
 */
describe('forward_headers_on_redirect through the API', () => {
  let t: TestApp;
  let key: string;
  const api = (method: string, path: string, body?: unknown) => call(t.api, key, method, path, body);

  beforeAll(async () => {
    t = await startTestApp();
    key = (await signup(t.api)).key;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('defaults to false, stores the option and the sensitive marks, and PATCH changes it', async () => {
    const plain = await api('POST', '/monitors', { name: 'plain', url: 'https://example.com/' });
    expect(plain.status).toBe(201);
    expect(plain.body.data.forward_headers_on_redirect).toBe(false);

    const headers = [
      { key: 'X-Trace', value: 't-1' },
      { key: 'X-Api-Key', value: 'k-1', sensitive: true },
      { key: 'Accept', value: 'text/html', sensitive: false },
    ];
    const res = await api('POST', '/monitors', {
      name: 'fwd',
      url: 'https://example.com/',
      forward_headers_on_redirect: true,
      custom_headers: headers,
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      forward_headers_on_redirect: true,
      custom_headers: [
        { key: 'X-Trace', value: 't-1' },
        { key: 'X-Api-Key', value: 'k-1', sensitive: true },
        { key: 'Accept', value: 'text/html' },
      ],
    });
    const id = res.body.data.id as string;

    const db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    try {
      const row = await db.query('SELECT forward_headers_on_redirect, custom_headers FROM monitors WHERE id = $1', [
        id,
      ]);
      expect(row.rows[0]).toEqual({
        forward_headers_on_redirect: true,
        custom_headers: [
          { key: 'X-Trace', value: 't-1' },
          { key: 'X-Api-Key', value: 'k-1', sensitive: true },
          { key: 'Accept', value: 'text/html' },
        ],
      });
    } finally {
      await db.end();
    }

    const off = await api('PATCH', `/monitors/${id}`, { forward_headers_on_redirect: false });
    expect([off.status, off.body.data?.forward_headers_on_redirect]).toEqual([200, false]);
    const json = await api('POST', '/monitors', {
      monitor_type: 'json_api',
      name: 'j',
      url: 'https://api.example.com/',
      forward_headers_on_redirect: true,
    });
    expect([json.status, json.body.data?.forward_headers_on_redirect]).toEqual([201, true]);
  });

  it('answers 422 naming the field for a wrong type, a tcp monitor or a non-boolean mark', async () => {
    const cases: [unknown, string][] = [
      [{ name: 'x', url: 'https://example.com/', forward_headers_on_redirect: 'yes' }, 'forward_headers_on_redirect'],
      [
        { name: 'x', monitor_type: 'tcp', host: 'example.com', port: 80, forward_headers_on_redirect: true },
        'forward_headers_on_redirect',
      ],
      [
        { name: 'x', url: 'https://example.com/', custom_headers: [{ key: 'X', value: 'v', sensitive: 'no' }] },
        'custom_headers[0].sensitive',
      ],
    ];
    for (const [body, field] of cases) {
      const res = await api('POST', '/monitors', body);
      expect({ status: res.status, fields: (res.body.details ?? []).map((d: { field: string }) => d.field) }).toEqual({
        status: 422,
        fields: [field],
      });
    }
    const list = await api('GET', '/monitors?limit=100');
    expect((list.body.data as { name: string }[]).filter((m) => m.name === 'x')).toEqual([]);
  });
});
