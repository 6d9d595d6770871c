import { createServer, Server } from 'node:http';
import { loadConfig } from '../config/config';
import { call, signup, startTestApp, TestApp } from '../testing/harness';
import { NotificationTransport } from './transport';

jest.setTimeout(60_000);

/**
 * The dispatcher's sender against real servers on loopback: the SSRF guard (literal and
 * resolved addresses), a receiver that never answers, one that answers with a huge body
 * or trickles it; and the API refusing private webhook URLs.
 */
describe('notification transport', () => {
  let server: Server;
  let port = 0;
  const transports: NotificationTransport[] = [];
  const transport = (allowPrivate: boolean, timeoutMs = 1000) => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://x',
      JWT_SECRET: 'x'.repeat(16),
      ALLOW_PRIVATE_TARGETS: String(allowPrivate),
      NOTIFY_TIMEOUT_MS: String(timeoutMs),
    });
    const t = new NotificationTransport(config);
    transports.push(t);
    return t;
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        if (req.url === '/ok') {
          res.writeHead(204);
          res.end();
        } else if (req.url === '/huge') {
          // 200 MiB if anyone read it all.
          res.writeHead(200, { 'content-type': 'application/octet-stream' });
          const chunk = Buffer.alloc(1 << 20, 97);
          let n = 0;
          const push = () => {
            while (n < 200 && res.write(chunk)) n++;
            if (n < 200) res.once('drain', push);
            else res.end();
          };
          push();
        } else if (req.url === '/huge-error') {
          res.writeHead(500);
          for (let i = 0; i < 20; i++) res.write(Buffer.alloc(1 << 20, 98));
          res.end();
        } else if (req.url === '/trickle') {
          res.writeHead(200);
          res.write('x'); // and never ends
        } // '/hang': never answers
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as { port: number }).port;
  });
  afterAll(async () => {
    for (const t of transports) await t.onModuleDestroy();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('delivers to an allowed address and refuses private ones, literal or resolved, without connecting', async () => {
    expect(await transport(true).postJson(`http://127.0.0.1:${port}/ok`, '{}', {})).toMatchObject({
      status: 204,
      error: null,
    });
    expect(await transport(true).postJson(`http://localhost:${port}/ok`, '{}', {})).toMatchObject({
      status: 204,
      error: null,
    });
    const guarded = transport(false);
    for (const url of [
      `http://127.0.0.1:${port}/ok`,
      `http://localhost:${port}/ok`,
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]:1/',
      'http://10.0.0.1/',
      'http://[::ffff:127.0.0.1]:1/',
    ]) {
      const r = await guarded.postJson(url, '{}', {});
      expect(r.status).toBeNull();
      expect(r.error).toMatch(/private address/);
    }
  });

  it('gives up on a receiver that never answers at the timeout', async () => {
    const r = await transport(true, 500).postJson(`http://127.0.0.1:${port}/hang`, '{}', {});
    expect(r).toMatchObject({ status: null, error: 'no answer within 500 ms' });
    expect(r.durationMs).toBeLessThan(5_000);
  });

  it('never reads a huge or endless body: a 2xx counts at once, an error keeps 1 KiB for the log', async () => {
    const t = transport(true, 2_000);
    const huge = await t.postJson(`http://127.0.0.1:${port}/huge`, '{}', {});
    expect(huge).toMatchObject({ status: 200, error: null });
    const err = await t.postJson(`http://127.0.0.1:${port}/huge-error`, '{}', {});
    expect(err.status).toBe(500);
    expect(err.error).toMatch(/^HTTP 500: b{200}$/);
    const trickle = await t.postJson(`http://127.0.0.1:${port}/trickle`, '{}', {});
    expect(trickle).toMatchObject({ status: 200, error: null });
    expect(trickle.durationMs).toBeLessThan(10_000); // bounded by the timeout, not by the sender
  });

  it('reports an SMTP server that is not there as a retryable error', async () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://x',
      JWT_SECRET: 'x'.repeat(16),
      SMTP_URL: 'smtp://127.0.0.1:1',
      NOTIFY_TIMEOUT_MS: '1000',
    });
    const t = new NotificationTransport(config);
    transports.push(t);
    const r = await t.sendEmail('ops@example.com', 'subject', 'text', 'msg_x');
    expect(r.error).toMatch(/^SMTP: .*ECONNREFUSED/);
  });

  describe('the API without ALLOW_PRIVATE_TARGETS', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp({ ALLOW_PRIVATE_TARGETS: 'false' });
    });
    afterAll(() => app?.close());

    it('refuses webhook URLs that are or resolve to private addresses (422)', async () => {
      const key = (await signup(app.api)).key;
      for (const url of [
        'http://127.0.0.1/hook',
        'http://localhost/hook',
        'http://169.254.169.254/latest',
        'http://[::1]/x',
        'http://192.168.1.10/x',
      ]) {
        const res = await call(app.api, key, 'POST', '/webhooks', { url });
        expect(res.status).toBe(422);
        expect(res.body.details[0]).toMatchObject({ field: 'url' });
        expect(res.body.details[0].message).toMatch(/private address/);
      }
      expect((await call(app.api, key, 'GET', '/webhooks')).body.data).toEqual([]);
      // A monitor's own alert endpoints get the same guard.
      for (const field of ['webhook_url', 'alert_slack_webhook', 'alert_discord_webhook']) {
        const res = await call(app.api, key, 'POST', '/monitors', {
          name: 'public target',
          url: 'http://93.184.216.34/',
          [field]: 'http://169.254.169.254/latest',
        });
        expect(res.status).toBe(422);
        expect(res.body.details).toEqual([{ field, message: expect.stringMatching(/private address \(linkLocal\)/) }]);
      }
      expect((await call(app.api, key, 'GET', '/monitors')).body.data).toEqual([]);
    });
  });
});
