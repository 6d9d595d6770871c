import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { waitFor } from '@parallax/testing';
import { LocalSystem } from '../support/system';

jest.setTimeout(180_000);

/**
 * Issue 11's reproduction, with the real processes: a target answering 500 with an
 * ordinary UTF-8 body whose emoji straddles the 2,048-character cut. Before, the probe
 * left half the emoji (a lone surrogate), PostgreSQL refused the batch and the result was
 * redelivered for ever: the monitor stayed `pending`. Now it reports `down` within two rounds.
 */
describe('a target whose failure body ends in an emoji at the cut', () => {
  const sys = new LocalSystem();
  let target: Server;
  let url = '';

  beforeAll(async () => {
    target = createServer((_req, res) => {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('a'.repeat(2047) + '😀');
    });
    await new Promise<void>((r) => target.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(target.address() as AddressInfo).port}/`;
    await sys.start();
  });
  afterAll(async () => {
    await sys.stop();
    await new Promise((r) => target.close(r));
  });

  it('is reported down within two rounds, with the body cut on a code-point boundary', async () => {
    const created = await sys.call('POST', '/monitors', { name: 'emoji 500', url, check_interval: 2, timeout: 2 });
    expect(created.status).toBe(201);
    const id = created.body.data.id;
    await waitFor('down', async () => (await sys.monitor(id)).status === 'down', 30_000);
    const m = await sys.monitor(id);
    expect(m.checks_total).toBeLessThanOrEqual(2);
    const pg = new Client({ connectionString: sys.databaseUrl });
    await pg.connect();
    try {
      const rows = (await pg.query(`SELECT response_body FROM check_results WHERE monitor_id = $1`, [id])).rows;
      expect(rows.length).toBeGreaterThanOrEqual(3);
      for (const r of rows) expect(r.response_body).toBe('a'.repeat(2047));
      expect((await pg.query(`SELECT count(*)::int AS n FROM dead_letter_results`)).rows[0].n).toBe(0);
    } finally {
      await pg.end();
    }
    const metrics = await sys.metrics();
    expect(metrics).toMatch(/^parallax_results_store_retries_total 0$/m);
  });
});
