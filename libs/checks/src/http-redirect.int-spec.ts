import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpCheckSpec } from '@parallax/contracts';
import { HttpCheck } from './http.check';
import { JsonApiCheck } from './json-api.check';

jest.setTimeout(30_000);

interface Seen {
  url: string;
  method: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Issue 13 (5): a redirect to another origin carries none of the monitor's secrets. Two real loopback origins. */
describe('http check: what a redirect to another origin gets', () => {
  const check = new HttpCheck();
  const ctx = { region: 't', userAgent: 'parallax-test', allowPrivateTargets: true, maxBodyBytes: 1 << 20 };
  const seen: Record<'a' | 'b', Seen[]> = { a: [], b: [] };
  let a: http.Server;
  let b: http.Server;
  let originA = '';
  let originB = '';
  const serve = (name: 'a' | 'b') =>
    http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen[name].push({ url: req.url ?? '', method: req.method ?? '', headers: req.headers, body });
        const u = new URL(req.url ?? '/', 'http://x');
        const to = u.searchParams.get('to');
        if (to) {
          res.writeHead(Number(u.searchParams.get('status') ?? 302), {
            location: to === 'b' ? `${originB}/landing` : '/landing',
          });
          res.end();
          return;
        }
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('landed');
      });
    });
  beforeAll(async () => {
    a = serve('a');
    b = serve('b');
    await new Promise<void>((r) => a.listen(0, '127.0.0.1', r));
    await new Promise<void>((r) => b.listen(0, '127.0.0.1', r));
    originA = `http://127.0.0.1:${(a.address() as AddressInfo).port}`;
    originB = `http://127.0.0.1:${(b.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const s of [a, b]) {
      s.closeAllConnections();
      await new Promise<void>((r) => s.close(() => r()));
    }
  });

  const spec = (path: string, over: Partial<HttpCheckSpec> = {}): HttpCheckSpec => ({
    type: 'http',
    url: `${originA}${path}`,
    method: 'POST',
    headers: [
      { key: 'Cookie', value: 'session=cookie-secret' },
      { key: 'X-Api-Key', value: 'custom-header-secret' },
      { key: 'Authorization', value: 'Token header-secret' },
    ],
    body: '{"secret":"body-secret"}',
    content_type: 'application/json',
    timeout_ms: 5000,
    follow_redirects: true,
    expected_status_code: 200,
    keyword: null,
    response_threshold_ms: null,
    bearer_token: null,
    basic_auth_user: null,
    basic_auth_pass: null,
    ...over,
  });

  for (const status of [307, 308]) {
    it(`a ${status} to another origin keeps the method but drops Authorization, cookies, custom headers and the body`, async () => {
      const out = await check.run(
        spec(`/start?to=b&status=${status}`, { basic_auth_user: 'u', basic_auth_pass: 'basic-secret' }),
        ctx,
      );
      expect([out.is_up, out.error]).toEqual([true, null]);
      const landed = seen.b.at(-1)!;
      expect([landed.url, landed.method, landed.body]).toEqual(['/landing', 'POST', '']);
      expect(landed.headers.authorization).toBeUndefined();
      expect(landed.headers.cookie).toBeUndefined();
      expect(landed.headers['x-api-key']).toBeUndefined();
      expect(JSON.stringify(landed)).not.toMatch(/secret/);
      // The first origin got everything.
      const first = seen.a.at(-1)!;
      expect(first.body).toBe('{"secret":"body-secret"}');
      expect([first.headers.cookie, first.headers['x-api-key'], first.headers.authorization]).toEqual([
        'session=cookie-secret',
        'custom-header-secret',
        `Basic ${Buffer.from('u:basic-secret').toString('base64')}`,
      ]);
    });
  }

  it('forward_headers_on_redirect sends the unmarked custom headers to another origin, never credentials, cookies or sensitive ones', async () => {
    const headers = [
      { key: 'Cookie', value: 'session=cookie-secret' },
      { key: 'Authorization', value: 'Token header-secret' },
      { key: 'Proxy-Authorization', value: 'Basic proxy-secret' },
      { key: 'X-Api-Key', value: 'marked-secret', sensitive: true },
      { key: 'X-Trace', value: 'trace-1' },
      { key: 'Accept-Language', value: 'de', sensitive: false },
    ];
    const out = await check.run(
      spec('/start?to=b&status=308', { headers, bearer_token: 'bearer-secret', forward_headers_on_redirect: true }),
      ctx,
    );
    expect([out.is_up, out.error]).toEqual([true, null]);
    const landed = seen.b.at(-1)!;
    expect([landed.url, landed.method, landed.body]).toEqual(['/landing', 'POST', '']);
    expect([landed.headers['x-trace'], landed.headers['accept-language']]).toEqual(['trace-1', 'de']);
    for (const name of ['authorization', 'cookie', 'proxy-authorization', 'x-api-key'])
      expect(landed.headers[name]).toBeUndefined();
    expect(JSON.stringify(landed)).not.toMatch(/secret/);
    const first = seen.a.at(-1)!;
    expect([first.headers['x-api-key'], first.headers['proxy-authorization'], first.headers.authorization]).toEqual([
      'marked-secret',
      'Basic proxy-secret',
      'Bearer bearer-secret',
    ]);
  });

  it('without the option no custom header reaches another origin, not even an unmarked one', async () => {
    const out = await check.run(
      spec('/start?to=b&status=302', {
        method: 'GET',
        body: null,
        headers: [{ key: 'X-Trace', value: 'trace-2' }],
        forward_headers_on_redirect: false,
      }),
      ctx,
    );
    expect(out.is_up).toBe(true);
    expect(seen.a.at(-1)!.headers['x-trace']).toBe('trace-2');
    expect(seen.b.at(-1)!.headers['x-trace']).toBeUndefined();
  });

  it('json_api with forward_headers_on_redirect still drops its Authorization at another origin', async () => {
    const out = await new JsonApiCheck().run(
      {
        type: 'json_api',
        url: `${originA}/start?to=b&status=302`,
        authorization: 'Bearer json-secret',
        follow_redirects: true,
        forward_headers_on_redirect: true,
        expected_status_code: 200,
        timeout_ms: 5000,
        keyword: null,
        response_threshold_ms: null,
        json_assertions: [],
      },
      ctx,
    );
    // The landing page is not JSON; what matters is what it was sent.
    expect(out.is_up).toBe(false);
    expect(seen.a.at(-1)!.headers.authorization).toBe('Bearer json-secret');
    const landed = seen.b.at(-1)!;
    expect([landed.url, landed.headers.accept, landed.headers.authorization]).toEqual([
      '/landing',
      'application/json',
      undefined,
    ]);
  });

  it('a redirect within the same origin keeps credentials, custom headers and the 307 body', async () => {
    const out = await check.run(spec('/start?to=same&status=307', { bearer_token: 'bearer-secret' }), ctx);
    expect(out.is_up).toBe(true);
    const landed = seen.a.at(-1)!;
    expect([landed.url, landed.method, landed.body]).toEqual(['/landing', 'POST', '{"secret":"body-secret"}']);
    expect([landed.headers.authorization, landed.headers.cookie, landed.headers['x-api-key']]).toEqual([
      'Bearer bearer-secret',
      'session=cookie-secret',
      'custom-header-secret',
    ]);
  });
});
