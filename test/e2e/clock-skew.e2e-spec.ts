import { Client } from 'pg';
import { waitFor } from '@parallax/testing';
import { LocalSystem } from '../support/system';
import { RegionalTarget } from '../support/target';

jest.setTimeout(180_000);

const SKEWED = 'us-east';
const OFFSET_MS = 10_000;

/**
 * Issue 11 item 5, with the real processes: the us-east probe's clock is 10 s ahead
 * (PROBE_CLOCK_OFFSET_MS). With absolute deadlines it would think every job expired on
 * arrival and drop it; with `ttl_ms` its results are stored and counted, their
 * `checked_at` is on the control plane's clock, and the skew shows in /regions and /metrics.
 */
describe('a probe whose clock is 10 s ahead', () => {
  const sys = new LocalSystem({ probeEnvByRegion: { [SKEWED]: { PROBE_CLOCK_OFFSET_MS: String(OFFSET_MS) } } });
  const target = new RegionalTarget();

  beforeAll(async () => {
    await target.start();
    await sys.start();
  });
  afterAll(async () => {
    await sys.stop();
    await target.stop();
  });

  it('still has its results accepted, on the right clock, and its skew reported', async () => {
    const created = await sys.call('POST', '/monitors', {
      name: 'skew',
      url: target.url,
      check_interval: 1,
      timeout: 2,
    });
    expect(created.status).toBe(201);
    const id = created.body.data.id;

    const pg = new Client({ connectionString: sys.databaseUrl });
    await pg.connect();
    try {
      const counted = async () =>
        (
          await pg.query(
            `SELECT count(*)::int AS n FROM check_results WHERE monitor_id = $1 AND region = $2 AND NOT late`,
            [id, SKEWED],
          )
        ).rows[0].n as number;
      await waitFor('three counted us-east results', async () => (await counted()) >= 3, 60_000, 250);
      // started_at corrected by the estimated skew: never in the control plane's future.
      const future = await pg.query(
        `SELECT count(*)::int AS n FROM check_results WHERE monitor_id = $1 AND checked_at > received_at`,
        [id],
      );
      expect(future.rows[0].n).toBe(0);
      const rounds = await pg.query(
        `SELECT regions_checked FROM rounds WHERE monitor_id = $1 AND decided_at IS NOT NULL AND outcome = 'up' AND regions_checked = 3`,
        [id],
      );
      expect(rounds.rows.length).toBeGreaterThan(0);
      expect((await sys.monitor(id)).status).toBe('up');
    } finally {
      await pg.end();
    }

    const skewOf = async (region: string) =>
      (await sys.call('GET', '/regions')).body.data.find((r: { id: string }) => r.id === region).clock_skew;
    await waitFor('us-east skew in /regions', async () => (await skewOf(SKEWED)).max_ms >= OFFSET_MS, 30_000, 250);
    const skew = await skewOf(SKEWED);
    // arrival − sent on one host: the offset plus transit, never less.
    expect(skew.max_ms).toBeGreaterThanOrEqual(OFFSET_MS);
    expect(skew.max_ms).toBeLessThan(2 * OFFSET_MS);
    expect(skew).toMatchObject({ typical_ms: skew.max_ms, probes_skewed: 1 });
    expect(await skewOf('eu-west')).toEqual({ max_ms: 0, typical_ms: 0, probes_skewed: 0 });

    await waitFor(
      'skew gauge',
      async () => {
        const m = /^parallax_probe_clock_skew_seconds\{region="us-east"\} (\S+)$/m.exec(await sys.metrics());
        return m !== null && Number(m[1]) >= OFFSET_MS / 1000;
      },
      10_000,
      250,
    );
    expect(await sys.metrics()).toMatch(/^parallax_probe_clock_skew_seconds\{region="eu-west"\} 0$/m);
  });
});
