import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mtrArgs, parseMtrJson, runMtr } from './mtr';

const REPORT = JSON.stringify({
  report: {
    mtr: { src: 'probe', dst: '192.0.2.1', tests: 3 },
    hubs: [
      { count: 1, host: '10.0.0.1', 'Loss%': 0.0, Snt: 3, Last: 0.5, Avg: 0.61, Best: 0.4, Wrst: 0.9, StDev: 0.2 },
      { count: 2, host: '???', 'Loss%': 100.0, Snt: 3, Last: 0.0, Avg: 0.0, Best: 0.0, Wrst: 0.0, StDev: 0.0 },
      {
        count: 3,
        host: '192.0.2.1',
        'Loss%': 33.3333,
        Snt: 3,
        Last: 12.1,
        Avg: 12.34567,
        Best: 11.9,
        Wrst: 13.2,
        StDev: 0.5,
      },
    ],
  },
});

describe('parseMtrJson', () => {
  it('turns hubs into hops: unanswered hops have no address and no timings', () => {
    expect(parseMtrJson(REPORT)).toEqual([
      { hop: 1, address: '10.0.0.1', loss_percent: 0, sent: 3, best_ms: 0.4, avg_ms: 0.61, worst_ms: 0.9 },
      { hop: 2, address: null, loss_percent: 100, sent: 3, best_ms: null, avg_ms: null, worst_ms: null },
      { hop: 3, address: '192.0.2.1', loss_percent: 33.333, sent: 3, best_ms: 11.9, avg_ms: 12.346, worst_ms: 13.2 },
    ]);
  });

  it('refuses what is not a report', () => {
    expect(() => parseMtrJson('mtr: unable to get raw sockets')).toThrow('not JSON');
    expect(() => parseMtrJson('{"report":{}}')).toThrow('without hubs');
  });
});

describe('mtrArgs', () => {
  it('is a fixed vector with the address last (no shell, no option injection from the target)', () => {
    expect(mtrArgs('192.0.2.1', 3, 0.2)).toEqual([
      '--json',
      '--no-dns',
      '-c',
      '3',
      '-i',
      '0.2',
      '--gracetime',
      '1',
      '192.0.2.1',
    ]);
  });
});

describe('runMtr', () => {
  it('refuses a private target unless allowed (SSRF guard before mtr runs)', async () => {
    await expect(
      runMtr('127.0.0.1', { count: 1, timeoutMs: 5000, allowPrivate: false, binary: '/nonexistent/mtr' }),
    ).rejects.toThrow(/private address \(loopback\)/);
  });

  it("looks mtr up on the PATH it is given (the probe's config), not the environment", async () => {
    const empty = mkdtempSync(join(tmpdir(), 'px-mtr-'));
    try {
      await expect(
        runMtr('127.0.0.1', { count: 1, timeoutMs: 5000, allowPrivate: true, childPath: empty }),
      ).rejects.toThrow('mtr is not installed on this probe');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('says when mtr is missing', async () => {
    await expect(
      runMtr('127.0.0.1', { count: 1, timeoutMs: 5000, allowPrivate: true, binary: '/nonexistent/mtr' }),
    ).rejects.toThrow('mtr is not installed on this probe');
  });

  it('traces 127.0.0.1 with the system mtr', async () => {
    const r = await runMtr('127.0.0.1', { count: 2, timeoutMs: 20_000, allowPrivate: true });
    expect(r.address).toBe('127.0.0.1');
    expect(r.hops).toHaveLength(1);
    expect(r.hops[0]).toMatchObject({ hop: 1, address: '127.0.0.1', loss_percent: 0, sent: 2 });
    expect(r.hops[0].best_ms).not.toBeNull();
  });
});
