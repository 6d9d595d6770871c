import { connect, NatsConnection } from 'nats';
import { Client } from 'pg';
import { jobId, natsNames, parseJob } from '@parallax/contracts';
import { waitFor } from '@parallax/testing';
import { LocalSystem, REGIONS } from '../support/system';
import { RegionalTarget } from '../support/target';

jest.setTimeout(360_000); // waits on conditions, on a loaded shared machine

/** A job as seen by an observer subscribed to every region's jobs subject (outside the probes' queue groups). */
interface SeenJob {
  jobId: string;
  region: string;
  deadline: number;
  at: number;
}

interface RoundRow {
  monitor_id: string;
  round: number;
  outcome: string | null;
  regions_checked: number | null;
  created_at: Date;
  dispatched_at: Date | null;
  deadline_at: Date;
  decided_at: Date | null;
}

/** The value of an unlabelled counter, or the sum of a labelled one's series matching `labels`. */
function counter(metrics: string, name: string, labels = ''): number {
  let sum = 0;
  for (const line of metrics.split('\n')) {
    const m = new RegExp(`^${name}(\\{[^}]*\\})? (\\S+)$`).exec(line);
    if (m && (m[1] ?? '').includes(labels)) sum += Number(m[2]);
  }
  return sum;
}

const TIMEOUT_S = 3;
const STALE_DISPATCH_MS = 2_000; // the scheduler's outbox recovery threshold

/**
 * Two control-plane replicas (real processes, one database, one NATS prefix) and three
 * probes, under load: 40 monitors every second, some down (two regions of three fail),
 * some degraded (one fails), some up. One replica is SIGKILLed while results flow, the
 * survivor carries on alone, the killed one comes back. Every round is dispatched once,
 * every result stored once, every incident opened once.
 */
describe('control plane as two replicas, one SIGKILLed under load', () => {
  const up = new RegionalTarget();
  const degraded = new RegionalTarget();
  const down = new RegionalTarget();
  const sys = new LocalSystem({
    controlPlanes: 2,
    controlPlaneEnv: { PLAN_FREE_MAX_MONITORS: '1000', RATE_LIMIT_PER_MINUTE: '100000' },
  });
  const jobs: SeenJob[] = [];
  const malformed: string[] = [];
  let observer: NatsConnection | undefined;
  let pg: Client | undefined;

  beforeAll(async () => {
    degraded.failing.add('eu-west');
    down.failing.add('eu-west');
    down.failing.add('us-east');
    for (const t of [up, degraded, down]) {
      t.delayMs = 50; // checks are in flight at any moment
      await t.start();
    }
    await sys.start();
    observer = await connect({ servers: sys.natsUrl });
    const sub = observer.subscribe(natsNames(sys.prefix).jobs('*'));
    void (async () => {
      for await (const m of sub) {
        const parsed = parseJob(m.data);
        if (!parsed.ok) malformed.push(`${m.subject}: ${parsed.error}`);
        else
          jobs.push({
            jobId: parsed.value.job_id,
            region: parsed.value.region,
            deadline: parsed.value.deadline,
            at: Date.now(),
          });
      }
    })();
    await observer.flush();
    pg = new Client({ connectionString: sys.databaseUrl });
    await pg.connect();
  });

  afterAll(async () => {
    await observer?.close();
    await pg?.end();
    await sys.stop();
    for (const t of [up, degraded, down]) await t.stop();
  });

  it('dispatches every round once, stores every result once and opens every incident once', async () => {
    const SURVIVOR = 0;
    const VICTIM = 1;
    const kinds = ['down', 'degraded', 'up'] as const;
    const targets = { up, degraded, down };
    const expectedKind = new Map<string, (typeof kinds)[number]>();
    await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const kind = kinds[i % 3];
        // Created through both replicas.
        const res = await sys.callOn(i % 2, 'POST', '/monitors', {
          name: `${kind} ${i}`,
          url: targets[kind].url,
          check_interval: 1,
          timeout: TIMEOUT_S,
        });
        expect(res.status).toBe(201);
        expectedKind.set(res.body.data.id, kind);
      }),
    );
    const ids = [...expectedKind.keys()];

    // Load is flowing and every monitor has reached its state.
    await waitFor(
      'every monitor decided',
      async () => {
        const list = (await sys.callOn(SURVIVOR, 'GET', '/monitors?limit=500')).body.data as {
          id: string;
          status: string;
        }[];
        return list.length === ids.length && list.every((m) => m.status === expectedKind.get(m.id));
      },
      60_000,
      250,
    );
    const q = <T>(sql: string, params: unknown[] = []) => pg!.query(sql, params).then((r) => r.rows as T[]);
    /** Every monitor has a round created after `since` decided by all three regions. */
    const everyMonitorDecidedSince = async (since: number) =>
      (
        await q<{ n: number }>(
          'SELECT count(DISTINCT monitor_id)::int AS n FROM rounds WHERE created_at > $1 AND decided_at IS NOT NULL AND regions_checked = 3',
          [new Date(since)],
        )
      )[0].n === ids.length;
    // Jobs of every monitor are on the wire (load is flowing).
    const mark = jobs.length;
    await waitFor(
      'jobs of every monitor published',
      () => new Set(jobs.slice(mark).map((j) => j.jobId.slice(0, j.jobId.lastIndexOf('.')))).size === ids.length,
      30_000,
      100,
    );

    // SIGKILL one replica while results flow; the survivor runs alone until every round
    // created before the kill is dispatched (the victim's too: the stale-outbox recovery)
    // or decided, and it has decided a round of every monitor by itself.
    const killAt = Date.now();
    await sys.cps[VICTIM]!.kill9();
    await waitFor(
      'survivor alone: rounds of before the kill dispatched, every monitor decided since',
      async () =>
        (
          await q<{ n: number }>(
            'SELECT count(*)::int AS n FROM rounds WHERE created_at < $1 AND dispatched_at IS NULL AND decided_at IS NULL',
            [new Date(killAt)],
          )
        )[0].n === 0 && (await everyMonitorDecidedSince(killAt + STALE_DISPATCH_MS)),
      60_000,
      250,
    );
    expect(sys.cps[SURVIVOR]!.alive).toBe(true);

    // The killed replica comes back and both run until it has claimed rounds and stored
    // results, and every monitor has a round decided since.
    const restartAt = Date.now();
    await sys.startControlPlane(VICTIM);
    await waitFor(
      'restarted replica working',
      async () => {
        const m = await sys.metrics(VICTIM);
        return (
          counter(m, 'parallax_rounds_claimed_total') > 0 &&
          counter(m, 'parallax_results_ingested_total', 'outcome="stored"') > 0 &&
          (await everyMonitorDecidedSince(restartAt))
        );
      },
      60_000,
      250,
    );

    // Pause everything, then wait until every round is decided.
    for (const id of ids)
      expect((await sys.callOn(SURVIVOR, 'PATCH', `/monitors/${id}/toggle`, { is_active: false })).status).toBe(200);
    await waitFor(
      'every round decided',
      async () => (await q<{ n: number }>('SELECT count(*)::int AS n FROM rounds WHERE decided_at IS NULL'))[0].n === 0,
      60_000,
      250,
    );
    // The observer has seen, in every region, the jobs of every round decided with data.
    await waitFor(
      'the last jobs reach the observer',
      async () => {
        const seen = new Set(jobs.map((j) => `${j.jobId}|${j.region}`));
        const withData = await q<{ monitor_id: string; round: number }>(
          `SELECT monitor_id, round::int AS round FROM rounds WHERE outcome <> 'no_data'`,
        );
        return withData.every((r) => REGIONS.every((region) => seen.has(`${jobId(r.monitor_id, r.round)}|${region}`)));
      },
      30_000,
      100,
    );

    const rounds = await q<RoundRow>(
      'SELECT monitor_id, round::int AS round, outcome, regions_checked, created_at, dispatched_at, deadline_at, decided_at FROM rounds',
    );
    const roundByJob = new Map(rounds.map((r) => [jobId(r.monitor_id, r.round), r]));
    expect(rounds.length).toBeGreaterThan(ids.length * 8);

    // 1. Every round dispatched once. The unique key (monitor, round) holds by itself;
    //    on the wire, no (job, region) was published twice, except rounds the killed
    //    replica published but did not mark dispatched, which the survivor's outbox
    //    recovery published again.
    expect(malformed).toEqual([]);
    const copies = new Map<string, SeenJob[]>();
    for (const j of jobs) copies.set(`${j.jobId}|${j.region}`, [...(copies.get(`${j.jobId}|${j.region}`) ?? []), j]);
    const published = new Set(jobs.map((j) => j.jobId));
    for (const job of published) {
      const round = roundByJob.get(job);
      expect({ job, known: !!round }).toEqual({ job, known: true });
      for (const region of REGIONS)
        expect({ job, region, published: copies.has(`${job}|${region}`) }).toEqual({ job, region, published: true });
    }
    const republished = new Set<string>();
    for (const [key, seen] of copies) {
      if (seen.length === 1) continue;
      const [job] = key.split('|');
      const round = roundByJob.get(job)!;
      const dispatchedAt = round.dispatched_at?.getTime() ?? NaN;
      const recoveredStartBy = round.deadline_at.getTime() - TIMEOUT_S * 1000;
      const explained =
        seen.length === 2 &&
        round.created_at.getTime() < killAt && // claimed before the kill
        seen[0].at < killAt + 1_000 && // first published by the replica that was then killed
        dispatchedAt >= killAt && // marked dispatched only after the kill ...
        dispatchedAt < restartAt && // ... while the survivor was the only replica alive
        dispatchedAt - round.created_at.getTime() >= STALE_DISPATCH_MS - 50 && // by the stale-outbox recovery
        seen[1].at >= killAt &&
        seen[1].deadline === recoveredStartBy && // with the deadline the recovery gave it
        seen[0].deadline !== seen[1].deadline;
      expect({ key, explained, seen, round }).toEqual({ key, explained: true, seen, round });
      republished.add(job);
    }
    const survivorMetrics = await sys.metrics(SURVIVOR);
    expect(republished.size).toBeLessThanOrEqual(counter(survivorMetrics, 'parallax_rounds_redispatched_total'));

    // 2. No result lost: every round with data heard from all three regions in time
    //    (including results the killed replica had pulled from the shared consumer but
    //    not acked: they must reach the survivor before the round's deadline); a round
    //    may be "no data" only if its jobs were never published.
    const noData = rounds.filter((r) => r.outcome === 'no_data');
    // (When not, the round's times against the kill and the restart say which phase lost it.)
    for (const r of noData) {
      const where = {
        job: jobId(r.monitor_id, r.round),
        created: r.created_at,
        deadline: r.deadline_at,
        decided: r.decided_at,
        killAt: new Date(killAt),
        restartAt: new Date(restartAt),
      };
      expect({ ...where, published: published.has(where.job) }).toEqual({ ...where, published: false });
    }
    expect(rounds.length).toBe(published.size + noData.length);
    // Every result stored exactly once (the unique key forbids twice; none missing), once
    // the shared consumer has nothing left to deliver.
    const names = natsNames(sys.prefix);
    const jsm = await observer!.jetstreamManager();
    await waitFor(
      'results consumer drained',
      async () => {
        const infos = await Promise.all(
          REGIONS.map((region) => jsm.consumers.info(names.regionResultsStream(region), names.resultsConsumer)),
        );
        return infos.every((info) => info.num_pending === 0 && info.num_ack_pending === 0);
      },
      45_000,
      250,
    );
    const stored = await q<{ monitor_id: string; round: number; region: string; late: boolean }>(
      'SELECT monitor_id, round::int AS round, region, late FROM check_results',
    );
    expect(stored.length).toBe(copies.size);
    for (const r of stored)
      expect({ result: r, published: copies.has(`${jobId(r.monitor_id, r.round)}|${r.region}`) }).toEqual({
        result: r,
        published: true,
      });
    const lateRegions = new Map<string, string[]>();
    for (const r of stored.filter((x) => x.late))
      lateRegions.set(jobId(r.monitor_id, r.round), [
        ...(lateRegions.get(jobId(r.monitor_id, r.round)) ?? []),
        r.region,
      ]);
    const short = rounds
      .filter((r) => r.outcome !== 'no_data' && r.regions_checked !== 3)
      .map((r) => ({
        job: jobId(r.monitor_id, r.round),
        outcome: r.outcome,
        checked: r.regions_checked,
        created_at: r.created_at,
        deadline_at: r.deadline_at,
        late_regions: lateRegions.get(jobId(r.monitor_id, r.round)) ?? [],
      }));
    expect({ killAt: new Date(killAt), short }).toEqual({ killAt: new Date(killAt), short: [] });
    expect(stored.filter((r) => r.late)).toEqual([]);

    // Every round decided as its target answers: two failing regions → down, one → degraded.
    const wrong = rounds.filter((r) => r.outcome !== 'no_data' && r.outcome !== expectedKind.get(r.monitor_id));
    expect(
      wrong.map((r) => ({
        job: jobId(r.monitor_id, r.round),
        outcome: r.outcome,
        expected: expectedKind.get(r.monitor_id),
      })),
    ).toEqual([]);

    // 3. Every monitor that went down has exactly one outage incident (open); the others none (a degraded one has its regional incident).
    const incidents = await q<{ monitor_id: string; n: number; open: number }>(
      `SELECT monitor_id, count(*)::int AS n, count(*) FILTER (WHERE status = 'open')::int AS open FROM incidents WHERE type = 'automatic' GROUP BY monitor_id`,
    );
    const byMonitor = new Map(incidents.map((i) => [i.monitor_id, i]));
    for (const id of ids) {
      const want = expectedKind.get(id) === 'down' ? { n: 1, open: 1 } : undefined;
      const got = byMonitor.get(id);
      expect({ id, incidents: got && { n: got.n, open: got.open } }).toEqual({ id, incidents: want });
    }
    const someDown = ids.find((id) => expectedKind.get(id) === 'down')!;
    const viaApi = await sys.callOn(VICTIM, 'GET', `/incidents?monitor_id=${someDown}&type=automatic`);
    expect(viaApi.body.data).toHaveLength(1);
    expect(viaApi.body.data[0]).toMatchObject({ status: 'open', regions_checked: 3, regions_up: 1 });

    // 4. Both the survivor and the restarted replica did work.
    const restartedMetrics = await sys.metrics(VICTIM);
    for (const [name, m] of [
      ['survivor', survivorMetrics],
      ['restarted', restartedMetrics],
    ] as const) {
      expect({ name, claimed: counter(m, 'parallax_rounds_claimed_total') > 0 }).toEqual({ name, claimed: true });
      expect({ name, stored: counter(m, 'parallax_results_ingested_total', 'outcome="stored"') > 0 }).toEqual({
        name,
        stored: true,
      });
    }
    expect(sys.cps[SURVIVOR]!.alive).toBe(true);
    expect(sys.cps[VICTIM]!.alive).toBe(true);
  });
});
