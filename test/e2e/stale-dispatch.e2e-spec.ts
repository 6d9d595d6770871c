import { connect, NatsConnection } from 'nats';
import { Client } from 'pg';
import type { JobV1 } from '@parallax/contracts';
import { waitFor } from '@parallax/testing';
import { PrivateNatsServer } from '../support/nats-server';
import { freePort } from '../support/processes';
import { LocalSystem } from '../support/system';
import { RegionalTarget } from '../support/target';

jest.setTimeout(180_000);

/**
 * Stale-dispatch recovery never re-sends a round a live replica is still publishing.
 * NATS hangs (SIGSTOP) while replica X publishes a round's jobs, so X's publish cannot
 * finish; the round stays undispatched past the stale threshold (2 s), and replica Y,
 * with nothing of its own to claim, runs its recovery pass. Y must leave the round to X:
 * when NATS answers again, every job reaches the probes exactly once.
 */
describe('stale-dispatch recovery with two replicas', () => {
  const target = new RegionalTarget();
  let nats: PrivateNatsServer;
  let sys: LocalSystem;
  let nc: NatsConnection;
  let pg: Client;
  const jobs = new Map<string, number>();

  beforeAll(async () => {
    nats = new PrivateNatsServer(await freePort());
    await nats.start();
    await target.start();
    sys = new LocalSystem({ natsUrl: nats.url, controlPlanes: 2 });
    await sys.start();
    nc = await connect({ servers: nats.url });
    nc.subscribe(`${sys.prefix}.jobs.*`, {
      callback: (_e, m) => {
        const job = JSON.parse(Buffer.from(m.data).toString()) as JobV1;
        const k = `${job.job_id}|${job.region}`;
        jobs.set(k, (jobs.get(k) ?? 0) + 1);
      },
    });
    await nc.flush();
    pg = new Client({ connectionString: sys.databaseUrl });
    await pg.connect();
  });

  afterAll(async () => {
    nats?.resume();
    await pg?.end();
    await nc?.close();
    await sys?.stop();
    await target.stop();
    await nats?.dispose();
  });

  it('leaves a round being published to the replica publishing it', async () => {
    // One monitor whose interval (5 s) is longer than the stale threshold: while one
    // replica is stuck publishing a round, the other has nothing due and runs recovery.
    const id = (
      await sys.call('POST', '/monitors', { name: 'slow publish', url: target.url, check_interval: 5, timeout: 3 })
    ).body.data.id;
    await waitFor('first round decided', async () => (await sys.monitor(id)).checks_total >= 1, 30_000, 250);

    nats.pause();
    try {
      // A round claimed during the hang stays undispatched (its publish cannot finish) for longer than the stale threshold.
      await waitFor(
        'a round undispatched for more than 3 s',
        async () =>
          (
            await pg.query(
              `SELECT count(*)::int AS n FROM rounds WHERE dispatched_at IS NULL AND created_at < now() - interval '3 seconds'`,
            )
          ).rows[0].n > 0,
        30_000,
        200,
      );
    } finally {
      nats.resume();
    }
    await waitFor(
      'every round dispatched',
      async () => (await pg.query('SELECT count(*)::int AS n FROM rounds WHERE dispatched_at IS NULL')).rows[0].n === 0,
      30_000,
      200,
    );
    const before = (await sys.monitor(id)).checks_total;
    await waitFor(
      'rounds decided after the hang',
      async () => (await sys.monitor(id)).checks_total >= before + 2,
      30_000,
      250,
    );
    await sys.call('PATCH', `/monitors/${id}/toggle`, { is_active: false });
    await waitFor(
      'every round decided',
      async () => (await pg.query('SELECT count(*)::int AS n FROM rounds WHERE decided_at IS NULL')).rows[0].n === 0,
      30_000,
      200,
    );
    await nc.flush();

    // Each (round, region) job was published once, by the replica that claimed it.
    const rounds = (await pg.query('SELECT round, regions FROM rounds WHERE monitor_id = $1', [id])).rows as {
      round: number;
      regions: string[];
    }[];
    const expected = new Map(
      rounds.flatMap((r) => r.regions.map((region) => [`${id}.${r.round}|${region}`, 1] as const)),
    );
    await waitFor('every job received', () => [...expected.keys()].every((k) => jobs.has(k)), 10_000);
    expect(Object.fromEntries(jobs)).toEqual(Object.fromEntries(expected));
    for (const i of [0, 1]) expect(await sys.metrics(i)).toMatch(/^parallax_rounds_redispatched_total 0$/m);
  });
});
