import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { httpCheckSpec, type HttpCheckSpec } from '@parallax/contracts';
import type { CheckContext, CheckOutcome } from './check';
import { HttpCheck } from './http.check';
import { runCheck } from './registry';
import type { LookupAllFn } from './ssrf';

/**
 * Real servers on 127.0.0.1: a node http server, an https server with a self-signed
 * certificate made by openssl, and raw TCP servers that misbehave.
 */

jest.setTimeout(20_000);

const MB = 1024 * 1024;
const check = new HttpCheck();

const baseCtx: CheckContext = {
  region: 'test-1',
  userAgent: 'Parallax/0.1 (+region test-1)',
  allowPrivateTargets: true,
  maxBodyBytes: MB,
};

/** Product defaults, with a 5 s timeout so that failing cases end quickly. */
function spec(url: string, over: Partial<HttpCheckSpec> = {}): HttpCheckSpec {
  return httpCheckSpec(url, { timeout_ms: 5000, ...over });
}

async function timed(p: Promise<CheckOutcome>): Promise<{ out: CheckOutcome; elapsed: number }> {
  const t0 = Date.now();
  const out = await p;
  return { out, elapsed: Date.now() - t0 };
}

function expectPhaseNumbers(out: CheckOutcome, tls: 'number' | 'null'): void {
  expect(typeof out.phases.dns).toBe('number');
  expect(typeof out.phases.connect).toBe('number');
  expect(typeof out.phases.first_byte).toBe('number');
  expect(typeof out.phases.total).toBe('number');
  if (tls === 'number') expect(typeof out.phases.tls).toBe('number');
  else expect(out.phases.tls).toBeNull();
  expect(out.phases.first_byte!).toBeLessThanOrEqual(out.phases.total!);
  expect(out.phases.connect!).toBeLessThanOrEqual(out.phases.total!);
  expect(out.response_ms).toBe(out.phases.total);
  // rounded to 0.01 ms
  for (const v of Object.values(out.phases)) if (typeof v === 'number') expect(Math.round(v * 100) / 100).toBe(v);
}

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)),
  );
}

function close(server: net.Server): Promise<void> {
  return new Promise((resolve) => {
    (server as http.Server).closeAllConnections?.();
    server.close(() => resolve());
  });
}

/** Sockets of the raw servers, destroyed in afterAll so that nothing keeps jest alive. */
const rawSockets = new Set<net.Socket>();
function rawServer(onConnection: (socket: net.Socket) => void): net.Server {
  return net.createServer((socket) => {
    rawSockets.add(socket);
    socket.on('close', () => rawSockets.delete(socket));
    socket.on('error', () => {});
    onConnection(socket);
  });
}

/** Sends a 50 MB body (close-delimited or chunked) as fast as the client reads it. */
function streamHuge(socket: net.Socket, chunked: boolean, stats: { sent: number }): void {
  const chunk = Buffer.alloc(64 * 1024, 'x');
  const total = 50 * MB;
  const pump = () => {
    while (stats.sent < total && !socket.destroyed) {
      stats.sent += chunk.length;
      const ok = socket.write(
        chunked ? Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]) : chunk,
      );
      if (!ok) return void socket.once('drain', pump);
    }
    if (!socket.destroyed) socket.end(chunked ? '0\r\n\r\n' : '');
  };
  pump();
}

let tmp: string;
let certPem: string;
let httpServer: http.Server;
let httpsServer: https.Server;
let httpPort: number;
let httpsPort: number;
let httpConnections = 0;
const seen: Array<{ method: string; url: string; headers: http.IncomingHttpHeaders; body: string }> = [];

const raw: Record<string, net.Server> = {};
const rawPort: Record<string, number> = {};
const hugeStats = { sent: 0 };
let refusedPort: number;

function app(req: http.IncomingMessage, res: http.ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
    const u = new URL(req.url ?? '/', 'http://x');
    const p = u.pathname;
    if (p === '/ok') {
      res.writeHead(200, { 'content-type': 'text/html', 'x-served-by': 'parallax-test' });
      return void res.end('<h1>Welcome to Parallax</h1> status: healthy');
    }
    if (p.startsWith('/status/')) {
      res.writeHead(Number(p.slice(8)), { 'content-type': 'text/plain', 'x-reason': 'maintenance' });
      return void res.end('down for maintenance '.repeat(200));
    }
    if (p === '/echo') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ method: req.method, headers: req.headers, body }));
    }
    if (p.startsWith('/redirect/')) {
      const n = Number(p.slice('/redirect/'.length));
      if (n === 0) {
        res.writeHead(200, { 'content-type': 'text/plain' });
        return void res.end('arrived');
      }
      res.writeHead(302, { location: `/redirect/${n - 1}` });
      return void res.end();
    }
    if (p === '/loop') {
      res.writeHead(302, { location: '/loop' });
      return void res.end();
    }
    if (p === '/goto') {
      res.writeHead(Number(u.searchParams.get('status') ?? 302), { location: u.searchParams.get('to') ?? '/ok' });
      return void res.end('moved');
    }
    if (p === '/slow') {
      setTimeout(
        () => {
          res.writeHead(200);
          res.end('slow but fine');
        },
        Number(u.searchParams.get('ms') ?? 300),
      );
      return;
    }
    if (p === '/declared-huge') {
      res.writeHead(200, { 'content-length': String(50 * MB) });
      res.write('x'.repeat(1024));
      return; // never finishes; the check must not wait for it
    }
    res.writeHead(404);
    res.end('not found');
  });
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'parallax-checks-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      join(tmp, 'key.pem'),
      '-out',
      join(tmp, 'cert.pem'),
      '-days',
      '30',
      '-subj',
      '/CN=localhost/O=Parallax Test CA',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  certPem = readFileSync(join(tmp, 'cert.pem'), 'utf8');
  const keyPem = readFileSync(join(tmp, 'key.pem'), 'utf8');

  httpServer = http.createServer(app);
  httpServer.on('connection', () => httpConnections++);
  httpPort = await listen(httpServer);
  httpsServer = https.createServer({ key: keyPem, cert: certPem }, app);
  httpsPort = await listen(httpsServer);

  // accepts and never answers
  raw.hang = rawServer(() => {});
  // resets the connection as soon as the request arrives
  raw.reset = rawServer((s) => s.once('data', () => s.resetAndDestroy()));
  // speaks something that is not HTTP
  raw.garbage = rawServer((s) => s.once('data', () => s.end('SSH-2.0-OpenSSH_9.6 not http at all\r\n\r\n')));
  // 50 MB close-delimited body
  raw.huge = rawServer((s) =>
    s.once('data', () => {
      s.write('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n');
      streamHuge(s, false, hugeStats);
    }),
  );
  // 50 MB chunked body
  raw.hugeChunked = rawServer((s) =>
    s.once('data', () => {
      s.write('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n');
      streamHuge(s, true, { sent: 0 });
    }),
  );
  // headers, a bit of the body, then nothing
  raw.stall = rawServer((s) =>
    s.once('data', () =>
      s.write('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\nWelcome, but'),
    ),
  );
  for (const [name, server] of Object.entries(raw)) rawPort[name] = await listen(server);

  const gone = net.createServer();
  refusedPort = await listen(gone);
  await close(gone);
});

afterAll(async () => {
  for (const s of rawSockets) s.destroy();
  await Promise.all([close(httpServer), close(httpsServer), ...Object.values(raw).map(close)]);
  rmSync(tmp, { recursive: true, force: true });
});

const url = (path: string) => `http://127.0.0.1:${httpPort}${path}`;
const lastSeen = () => seen[seen.length - 1];

describe('HttpCheck against a real http server', () => {
  it('reports a 200 as up with every phase measured and tls null', async () => {
    const out = await check.run(spec(url('/ok')), baseCtx);
    expect(out.is_up).toBe(true);
    expect(out.status_code).toBe(200);
    expect(out.error).toBeNull();
    expect(out.response_headers).toBeNull();
    expect(out.response_body).toBeNull();
    expect(out.phases.dns).toBe(0); // literal IP: no lookup
    expectPhaseNumbers(out, 'null');
    expect(out.ssl_expiry).toBeNull();
    expect(out.ssl_issuer).toBeNull();
  });

  it('measures a DNS lookup for a host name', async () => {
    let lookedUp = '';
    const lookup: LookupAllFn = (hostname, _o, cb) => {
      lookedUp = hostname;
      setTimeout(() => cb(null, [{ address: '127.0.0.1', family: 4 }]), 20);
    };
    const out = await check.run(spec(`http://app.example.test:${httpPort}/ok`), { ...baseCtx, lookup });
    expect(out.is_up).toBe(true);
    expect(lookedUp).toBe('app.example.test');
    expect(out.phases.dns!).toBeGreaterThanOrEqual(15);
    expect(lastSeen().headers.host).toBe(`app.example.test:${httpPort}`);
  });

  it('sends our User-Agent, which custom headers cannot override, nor Host', async () => {
    const out = await check.run(
      spec(url('/echo'), {
        headers: [
          { key: 'User-Agent', value: 'curl/8' },
          { key: 'Host', value: 'evil.example' },
          { key: 'X-Trace', value: 'abc' },
          { key: 'Accept', value: 'application/json' },
        ],
      }),
      baseCtx,
    );
    expect(out.is_up).toBe(true);
    const h = lastSeen().headers;
    expect(h['user-agent']).toBe('Parallax/0.1 (+region test-1)');
    expect(h.host).toBe(`127.0.0.1:${httpPort}`);
    expect(h['x-trace']).toBe('abc');
    expect(h.accept).toBe('application/json');
  });

  it('fails on a status mismatch and keeps headers and the first 2048 characters of the body', async () => {
    const out = await check.run(spec(url('/status/503')), baseCtx);
    expect(out.is_up).toBe(false);
    expect(out.status_code).toBe(503);
    expect(out.error).toBe('expected status 200, got 503');
    expect(out.response_headers?.['x-reason']).toBe('maintenance');
    expect(out.response_headers?.['content-type']).toBe('text/plain');
    expect(out.response_body).toHaveLength(2048);
    expect(out.response_body!.startsWith('down for maintenance down')).toBe(true);
    expectPhaseNumbers(out, 'null');
  });

  it('is up when the expected status is not 200 and matches', async () => {
    const out = await check.run(spec(url('/status/503'), { expected_status_code: 503 }), baseCtx);
    expect(out.is_up).toBe(true);
    expect(out.error).toBeNull();
  });

  it('sends method, body, content type and custom headers with basic auth', async () => {
    const out = await check.run(
      spec(url('/echo'), {
        method: 'POST',
        body: '{"ping":true}',
        content_type: 'application/json',
        headers: [{ key: 'X-Api-Version', value: '2' }],
        basic_auth_user: 'alice',
        basic_auth_pass: 's3cret:x',
      }),
      baseCtx,
    );
    expect(out.is_up).toBe(true);
    const s = lastSeen();
    expect(s.method).toBe('POST');
    expect(s.body).toBe('{"ping":true}');
    expect(s.headers['content-type']).toBe('application/json');
    expect(s.headers['content-length']).toBe('13');
    expect(s.headers['x-api-version']).toBe('2');
    expect(s.headers.authorization).toBe(`Basic ${Buffer.from('alice:s3cret:x').toString('base64')}`);
  });

  it('prefers the bearer token over basic auth and over a custom Authorization header', async () => {
    await check.run(
      spec(url('/echo'), {
        method: 'PUT',
        body: 'x=1',
        content_type: 'application/x-www-form-urlencoded',
        basic_auth_user: 'alice',
        basic_auth_pass: 'pw',
        bearer_token: 'tok-123',
        headers: [{ key: 'Authorization', value: 'Custom abc' }],
      }),
      baseCtx,
    );
    const s = lastSeen();
    expect(s.method).toBe('PUT');
    expect(s.headers.authorization).toBe('Bearer tok-123');
  });

  it('does not send a body with GET, nor an Authorization header when no credentials are set', async () => {
    await check.run(spec(url('/echo'), { method: 'GET', body: 'ignored', content_type: 'text/plain' }), baseCtx);
    const s = lastSeen();
    expect(s.method).toBe('GET');
    expect(s.body).toBe('');
    expect(s.headers['content-type']).toBeUndefined();
    expect(s.headers.authorization).toBeUndefined();
  });

  it('sends HEAD without reading a body', async () => {
    const out = await check.run(spec(url('/ok'), { method: 'HEAD' }), baseCtx);
    expect(out.is_up).toBe(true);
    expect(lastSeen().method).toBe('HEAD');
  });

  it('follows redirects up to 10 hops', async () => {
    const out = await check.run(spec(url('/redirect/10'), { keyword: 'arrived' }), baseCtx);
    expect(out.is_up).toBe(true);
    expect(out.status_code).toBe(200);
    expect(lastSeen().url).toBe('/redirect/0');
  });

  it('fails a redirect loop after 10 hops', async () => {
    const before = seen.length;
    const out = await check.run(spec(url('/loop')), baseCtx);
    expect(out.is_up).toBe(false);
    expect(out.error).toBe('too many redirects (more than 10)');
    expect(out.status_code).toBe(302);
    expect(seen.length - before).toBe(11);
  });

  it('compares the 3xx itself when redirects are not followed', async () => {
    const before = seen.length;
    const notFollowed = await check.run(spec(url('/redirect/3'), { follow_redirects: false }), baseCtx);
    expect(notFollowed.is_up).toBe(false);
    expect(notFollowed.status_code).toBe(302);
    expect(notFollowed.error).toBe('expected status 200, got 302');
    expect(notFollowed.response_headers?.location).toBe('/redirect/2');
    expect(seen.length - before).toBe(1);

    const expected302 = await check.run(
      spec(url('/redirect/3'), { follow_redirects: false, expected_status_code: 302 }),
      baseCtx,
    );
    expect(expected302.is_up).toBe(true);
  });

  it('turns POST into GET on 303 and keeps it on 307', async () => {
    await check.run(
      spec(url('/goto?status=303&to=/echo'), { method: 'POST', body: 'a', content_type: 'text/plain' }),
      baseCtx,
    );
    expect(lastSeen()).toMatchObject({ method: 'GET', url: '/echo', body: '' });
    await check.run(
      spec(url('/goto?status=307&to=/echo'), { method: 'POST', body: 'b', content_type: 'text/plain' }),
      baseCtx,
    );
    expect(lastSeen()).toMatchObject({ method: 'POST', url: '/echo', body: 'b' });
  });

  it('does not send credentials to another origin on redirect', async () => {
    const to = `http://localhost:${httpPort}/echo`;
    await check.run(spec(url(`/goto?to=${encodeURIComponent(to)}`), { bearer_token: 'secret-token' }), baseCtx);
    expect(lastSeen().headers.host).toBe(`localhost:${httpPort}`);
    expect(lastSeen().headers.authorization).toBeUndefined();
    await check.run(spec(url('/goto?to=/echo'), { bearer_token: 'secret-token' }), baseCtx);
    expect(lastSeen().headers.authorization).toBe('Bearer secret-token');
  });

  it('fails on a missing keyword and on a forbidden one', async () => {
    const missing = await check.run(spec(url('/ok'), { keyword: 'Goodbye' }), baseCtx);
    expect(missing.is_up).toBe(false);
    expect(missing.status_code).toBe(200);
    expect(missing.error).toBe('keyword "Goodbye" not found');
    expect(missing.response_body).toBe('<h1>Welcome to Parallax</h1> status: healthy');
    expect(missing.response_headers?.['x-served-by']).toBe('parallax-test');

    const forbidden = await check.run(spec(url('/ok'), { keyword: 'Welcome AND !healthy' }), baseCtx);
    expect(forbidden.is_up).toBe(false);
    expect(forbidden.error).toBe('forbidden keyword "healthy" found');

    const ok = await check.run(spec(url('/ok'), { keyword: 'Goodbye OR "to Parallax"' }), baseCtx);
    expect(ok.is_up).toBe(true);
  });

  it('reports an invalid keyword expression without sending a request', async () => {
    const before = seen.length;
    const out = await check.run(spec(url('/ok'), { keyword: 'OK AND' }), baseCtx);
    expect(out.is_up).toBe(false);
    expect(out.error).toMatch(/^invalid check configuration: dangling operator AND/);
    expect(seen.length).toBe(before);
  });

  it('fails on response-time thresholds', async () => {
    const slow = await check.run(spec(url('/slow?ms=300'), { response_threshold_ms: '> 100' }), baseCtx);
    expect(slow.is_up).toBe(false);
    expect(slow.status_code).toBe(200);
    expect(slow.error).toMatch(/^response time \d+(\.\d+)? ms exceeds threshold > 100$/);
    expect(slow.response_ms!).toBeGreaterThanOrEqual(290);

    const fast = await check.run(spec(url('/ok'), { response_threshold_ms: '< 5000' }), baseCtx);
    expect(fast.error).toMatch(/ms is below threshold < 5000$/);

    const range = await check.run(spec(url('/slow?ms=300'), { response_threshold_ms: '1-100' }), baseCtx);
    expect(range.error).toMatch(/ms is outside range 1-100$/);

    const fine = await check.run(spec(url('/slow?ms=50'), { response_threshold_ms: '0 - 4000' }), baseCtx);
    expect(fine.is_up).toBe(true);
  });

  it('refuses a loopback target when private targets are not allowed, before connecting', async () => {
    const before = httpConnections;
    const strict = { ...baseCtx, allowPrivateTargets: false };
    const literal = await check.run(spec(url('/ok')), strict);
    expect(literal.is_up).toBe(false);
    expect(literal.status_code).toBeNull();
    expect(literal.error).toBe('target is a private address (loopback); set ALLOW_PRIVATE_TARGETS=true to allow');
    expect(literal.phases.connect).toBeNull();

    const named = await check.run(spec(`http://localhost:${httpPort}/ok`), strict);
    expect(named.error).toBe(
      'target resolves to a private address (loopback); set ALLOW_PRIVATE_TARGETS=true to allow',
    );
    expect(named.phases.connect).toBeNull();
    expect(typeof named.phases.total).toBe('number');
    expect(httpConnections).toBe(before);
  });

  it('refuses a host name when any of its addresses is private (DNS answer checked, not re-resolved)', async () => {
    const lookup: LookupAllFn = (_h, _o, cb) =>
      cb(null, [
        { address: '93.184.216.34', family: 4 },
        { address: '10.0.0.1', family: 4 },
      ]);
    const out = await check.run(spec('http://mixed.example.test/'), { ...baseCtx, allowPrivateTargets: false, lookup });
    expect(out.error).toBe('target resolves to a private address (private); set ALLOW_PRIVATE_TARGETS=true to allow');
  });

  it('refuses a redirect to a private address on the next hop', async () => {
    const ctx = { ...baseCtx, allowPrivateTargets: false, allowedPrivateCidrs: ['127.0.0.1/32'] };
    const allowed = await check.run(spec(url('/ok')), ctx);
    expect(allowed.is_up).toBe(true);

    // Refused before any connection (the error names the refusal, not a timeout or a reset).
    const metadata = await check.run(
      spec(url(`/goto?to=${encodeURIComponent('http://169.254.169.254/latest/meta-data/')}`)),
      ctx,
    );
    expect(metadata.is_up).toBe(false);
    expect(metadata.status_code).toBeNull();
    expect(metadata.error).toBe('target is a private address (linkLocal); set ALLOW_PRIVATE_TARGETS=true to allow');

    const mapped = await check.run(spec(url(`/goto?to=${encodeURIComponent('http://[::ffff:10.1.2.3]/')}`)), ctx);
    expect(mapped.error).toBe('target is a private address (private); set ALLOW_PRIVATE_TARGETS=true to allow');

    const decimal = await check.run(spec(url(`/goto?to=${encodeURIComponent('http://2130706434/')}`)), ctx); // 127.0.0.2
    expect(decimal.error).toBe('target is a private address (loopback); set ALLOW_PRIVATE_TARGETS=true to allow');
  });

  it('fails a redirect to an unsupported protocol', async () => {
    const out = await check.run(spec(url(`/goto?to=${encodeURIComponent('file:///etc/passwd')}`)), baseCtx);
    expect(out.is_up).toBe(false);
    expect(out.error).toBe('redirect to unsupported protocol "file:"');
  });

  it('fails with a Content-Length beyond the body limit without reading the body', async () => {
    const { out, elapsed } = await timed(check.run(spec(url('/declared-huge')), baseCtx));
    expect(out.is_up).toBe(false);
    expect(out.status_code).toBe(200);
    expect(out.error).toBe(`response body larger than ${MB} bytes (Content-Length: ${50 * MB})`);
    expect(elapsed).toBeLessThan(1000);
  });
});

describe('HttpCheck against https', () => {
  it('measures the TLS phase and reads the certificate expiry and issuer', async () => {
    const out = await check.run(spec(`https://localhost:${httpsPort}/ok`, { keyword: 'Welcome' }), {
      ...baseCtx,
      tlsCa: certPem,
    });
    expect(out.error).toBeNull();
    expect(out.is_up).toBe(true);
    expectPhaseNumbers(out, 'number');
    expect(out.phases.tls!).toBeGreaterThan(0);
    expect(out.ssl_issuer).toBe('Parallax Test CA');
    const days = (Date.parse(out.ssl_expiry!) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29);
    expect(days).toBeLessThan(31);
    expect(out.ssl_expiry).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('verifies an IP address against the certificate without SNI', async () => {
    const out = await check.run(spec(`https://127.0.0.1:${httpsPort}/ok`), { ...baseCtx, tlsCa: certPem });
    expect(out.is_up).toBe(true);
    expect(out.phases.dns).toBe(0);
  });

  it('fails on an untrusted certificate but still reports its expiry', async () => {
    const out = await check.run(spec(`https://localhost:${httpsPort}/ok`), baseCtx);
    expect(out.is_up).toBe(false);
    expect(out.status_code).toBeNull();
    expect(out.error).toBe('TLS certificate error: self-signed certificate (DEPTH_ZERO_SELF_SIGNED_CERT)');
    expect(out.ssl_issuer).toBe('Parallax Test CA');
    expect(out.ssl_expiry).not.toBeNull();
    expect(typeof out.phases.connect).toBe('number');
    expect(out.phases.tls).toBeNull();
    expect(out.phases.first_byte).toBeNull();
  });

  it('fails when the certificate does not match the host name', async () => {
    const lookup: LookupAllFn = (_h, _o, cb) => cb(null, [{ address: '127.0.0.1', family: 4 }]);
    const out = await check.run(spec(`https://wrong.example.test:${httpsPort}/ok`), {
      ...baseCtx,
      tlsCa: certPem,
      lookup,
    });
    expect(out.is_up).toBe(false);
    expect(out.error).toMatch(/^TLS certificate error: Hostname\/IP does not match certificate's altnames/);
  });

  it('fails the TLS handshake against a plain http port', async () => {
    const out = await check.run(spec(`https://127.0.0.1:${httpPort}/ok`), baseCtx);
    expect(out.is_up).toBe(false);
    expect(out.error).toMatch(/^TLS handshake failed: /);
  });

  it('https monitors (a certificate expiry threshold): warn within it, not before; no certificate at all fails', async () => {
    const within = await check.run(spec(`https://localhost:${httpsPort}/ok`, { cert_expiry_threshold_days: 45 }), {
      ...baseCtx,
      tlsCa: certPem,
    });
    expect(within).toMatchObject({ is_up: true, warn: true, error: null, details: { expiry_threshold_days: 45 } });
    expect([29, 30]).toContain((within.details as { days_left: number }).days_left);
    const before = await check.run(spec(`https://localhost:${httpsPort}/ok`, { cert_expiry_threshold_days: 14 }), {
      ...baseCtx,
      tlsCa: certPem,
    });
    expect(before).toMatchObject({ is_up: true, warn: false, error: null });
    const plain = await check.run(spec(url('/ok'), { cert_expiry_threshold_days: 14 }), baseCtx);
    expect(plain).toMatchObject({
      is_up: false,
      warn: false,
      error: 'no TLS certificate was presented (https monitors need an https URL)',
    });
    const untrusted = await check.run(
      spec(`https://localhost:${httpsPort}/ok`, { cert_expiry_threshold_days: 45 }),
      baseCtx,
    );
    expect(untrusted).toMatchObject({
      is_up: false,
      warn: false,
      error: 'TLS certificate error: self-signed certificate (DEPTH_ZERO_SELF_SIGNED_CERT)',
    });
  });

  it('follows a redirect from http to https', async () => {
    const to = `https://localhost:${httpsPort}/ok`;
    const out = await check.run(spec(url(`/goto?status=301&to=${encodeURIComponent(to)}`)), {
      ...baseCtx,
      tlsCa: certPem,
    });
    expect(out.is_up).toBe(true);
    expect(typeof out.phases.tls).toBe('number');
    expect(out.ssl_issuer).toBe('Parallax Test CA');
  });
});

describe('HttpCheck against misbehaving targets', () => {
  it('times out on a target that accepts and never answers', async () => {
    const { out, elapsed } = await timed(
      check.run(spec(`http://127.0.0.1:${rawPort.hang}/`, { timeout_ms: 1000 }), baseCtx),
    );
    expect(out.is_up).toBe(false);
    expect(out.status_code).toBeNull();
    expect(out.error).toBe('timeout after 1000 ms (waiting for response headers)');
    expect(elapsed).toBeGreaterThanOrEqual(990);
    expect(elapsed).toBeLessThan(1500);
    expect(typeof out.phases.connect).toBe('number');
    expect(out.phases.first_byte).toBeNull();
    expect(out.phases.total!).toBeGreaterThanOrEqual(990);
  });

  it('times out while resolving DNS', async () => {
    const lookup: LookupAllFn = () => {}; // never answers
    const { out, elapsed } = await timed(
      check.run(spec('http://slow-dns.example.test/', { timeout_ms: 300 }), { ...baseCtx, lookup }),
    );
    expect(out.error).toBe('timeout after 300 ms (resolving DNS)');
    expect(out.phases.dns).toBeNull();
    expect(elapsed).toBeLessThan(800);
  });

  it('times out on a body that stalls after the headers', async () => {
    const { out, elapsed } = await timed(
      check.run(spec(`http://127.0.0.1:${rawPort.stall}/`, { timeout_ms: 800 }), baseCtx),
    );
    expect(out.is_up).toBe(false);
    expect(out.status_code).toBe(200);
    expect(out.error).toBe('timeout after 800 ms (reading response body)');
    expect(typeof out.phases.first_byte).toBe('number');
    expect(out.response_headers?.['content-length']).toBe('1000');
    expect(elapsed).toBeLessThan(1300);
  });

  it('reports a connection reset', async () => {
    const out = await check.run(spec(`http://127.0.0.1:${rawPort.reset}/`), baseCtx);
    expect(out.is_up).toBe(false);
    expect(out.status_code).toBeNull();
    expect(out.error).toBe('connection reset by peer (ECONNRESET)');
    expect(typeof out.phases.connect).toBe('number');
  });

  it('reports a response that is not HTTP', async () => {
    const out = await check.run(spec(`http://127.0.0.1:${rawPort.garbage}/`), baseCtx);
    expect(out.is_up).toBe(false);
    expect(out.status_code).toBeNull();
    expect(out.error).toMatch(/^invalid HTTP response: /);
  });

  it('stops reading a 50 MB body at the limit', async () => {
    const { out, elapsed } = await timed(
      check.run(spec(`http://127.0.0.1:${rawPort.huge}/`, { timeout_ms: 10_000 }), baseCtx),
    );
    expect(out.is_up).toBe(false);
    expect(out.status_code).toBe(200);
    expect(out.error).toBe(`response body larger than ${MB} bytes`);
    expect(out.response_body).toBe('x'.repeat(2048));
    expect(elapsed).toBeLessThan(2000);
    expect(hugeStats.sent).toBeLessThan(20 * MB);
  });

  it('stops reading a 50 MB chunked body at the limit, also with a keyword', async () => {
    const { out, elapsed } = await timed(
      check.run(spec(`http://127.0.0.1:${rawPort.hugeChunked}/`, { keyword: 'needle', timeout_ms: 10_000 }), baseCtx),
    );
    expect(out.error).toBe(`response body larger than ${MB} bytes`);
    expect(elapsed).toBeLessThan(2000);
  });

  it('reports a refused connection', async () => {
    const out = await check.run(spec(`http://127.0.0.1:${refusedPort}/`), baseCtx);
    expect(out.is_up).toBe(false);
    expect(out.error).toBe('connection refused (ECONNREFUSED)');
    expect(out.phases.dns).toBe(0);
    expect(out.phases.connect).toBeNull();
    expect(typeof out.phases.total).toBe('number');
  });

  it('reports a host name that does not resolve', async () => {
    const out = await check.run(spec('http://nosuch.invalid/'), baseCtx);
    expect(out.is_up).toBe(false);
    expect(out.status_code).toBeNull();
    expect(out.error).toBe('DNS lookup failed for nosuch.invalid (ENOTFOUND)');
    expect(out.phases.dns).toBeNull();
    expect(out.response_headers).toBeNull();
    expect(out.response_body).toBeNull();
  });

  it('stops when the probe aborts the check', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const { out, elapsed } = await timed(
      check.run(spec(`http://127.0.0.1:${rawPort.hang}/`, { timeout_ms: 5000 }), { ...baseCtx, signal: ac.signal }),
    );
    expect(out.is_up).toBe(false);
    expect(out.error).toBe('check aborted (waiting for response headers)');
    expect(elapsed).toBeLessThan(1000);
  });
});

describe('runCheck', () => {
  it('dispatches http specs to HttpCheck', async () => {
    const out = await runCheck(spec(url('/ok'), { keyword: 'healthy OR ready' }), baseCtx);
    expect(out.is_up).toBe(true);
    expect(out.status_code).toBe(200);
  });

  it('runs many checks concurrently, each on a fresh connection', async () => {
    const before = httpConnections;
    const n = 300;
    const t0 = Date.now();
    const outs: CheckOutcome[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        while (next < n) {
          next++;
          outs.push(
            await check.run(
              spec(url('/ok'), { keyword: 'Welcome AND !error', response_threshold_ms: '> 5000' }),
              baseCtx,
            ),
          );
        }
      }),
    );
    const elapsed = Date.now() - t0;
    expect(outs).toHaveLength(n);
    expect(outs.filter((o) => o.is_up)).toHaveLength(n);
    expect(httpConnections - before).toBe(n);
    expect(elapsed).toBeLessThan(10_000);
  });
});
