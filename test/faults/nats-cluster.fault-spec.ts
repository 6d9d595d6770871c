import { Client } from 'pg';
import { connect } from 'nats';
import { natsNames } from '@parallax/contracts';
import { waitFor, WebhookReceiver } from '@parallax/testing';
import { NatsCluster } from '../support/nats-server';
import { LocalSystem, REGIONS } from '../support/system';
import { RegionalTarget } from '../support/target';

jest.setTimeout(300_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sum of a metric's samples in a Prometheus text exposition (every label set, or those matching `labels`). */
function metricSum(text: string, name: string, labels = ''): number {
  let total = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (labels && !line.includes(labels)) continue;
    total += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return total;
}

/**
 * Beyond one machine: a 3-node NATS cluster (routes on loopback, JetStream, the results
 * streams with 3 replicas), two control-plane replicas and three probes, every app given
 * all three server URLs. Under steady load (1 s monitors, some flapping so notifications
 * flow) the node leading a results stream is SIGKILLed. Afterwards: every result a probe
 * ran is stored, every round is decided, every notification is delivered, and both
 * control planes and every probe carried on by themselves.
 */
describe('NATS cluster: one node SIGKILLed under load', () => {
  const receiver = new WebhookReceiver();
  const steady = new RegionalTarget();
  const flapping = new RegionalTarget();
  let cluster: NatsCluster;
  let sys: LocalSystem;
  let pg: Client;
  let webhookId = '';

  beforeAll(async () => {
    cluster = await NatsCluster.start(3);
    await receiver.start();
    await steady.start();
    await flapping.start();
    sys = new LocalSystem({
      natsUrl: cluster.url,
      controlPlanes: 2,
      controlPlaneReadyMs: 120_000,
      controlPlaneEnv: {
        RESULTS_STREAM_REPLICAS: '3',
        NOTIFY_POLL_MS: '50',
        NOTIFY_TIMEOUT_MS: '4000',
        NOTIFY_RETRY_SCHEDULE: '300ms,1s,2s,5s,10s',
        RATE_LIMIT_PER_MINUTE: '100000',
      },
    });
    await sys.start().catch((e: Error) => {
      throw new Error(
        `${e.message}\n${sys.cps.map((p, i) => `--- control plane ${i}\n${p?.tail(30)}`).join('\n')}\n${cluster.tail()}`,
      );
    });
    pg = new Client({ connectionString: sys.databaseUrl });
    await pg.connect();
    const w = await sys.call('POST', '/webhooks', { url: receiver.url('/hook'), events: ['*'] });
    expect(w.status).toBe(201);
    webhookId = w.body.data.id;
  });

  afterAll(async () => {
    await pg?.end();
    await sys?.stop();
    await receiver.stop();
    await steady.stop();
    await flapping.stop();
    await cluster?.dispose();
  });

  it('loses no result, no round and no notification, and every client fails over', async () => {
    // The results streams are replicated on all three nodes.
    const nc = await connect({ servers: cluster.urls });
    const jsm = await nc.jetstreamManager();
    const names = natsNames(sys.prefix);
    const stream = async (region: string) => jsm.streams.info(names.regionResultsStream(region));
    for (const region of REGIONS) {
      const info = await stream(region);
      expect(info.config.num_replicas).toBe(3);
      expect(info.cluster?.replicas).toHaveLength(2);
    }

    const ids: string[] = [];
    for (let i = 0; i < 16; i++) {
      const res = await sys.callOn(i % 2, 'POST', '/monitors', {
        name: `load ${i}`,
        url: (i % 4 === 0 ? flapping : steady).url,
        check_interval: 1,
        timeout: 2,
      });
      expect(res.status).toBe(201);
      ids.push(res.body.data.id);
    }
    const monitors = async () => Promise.all(ids.map((id) => sys.monitor(id)));
    await waitFor('every monitor up', async () => (await monitors()).every((m) => m.status === 'up'), 60_000, 250);

    // Flap a quarter of the monitors (two regions of three fail) all along: notifications flow.
    let flap = true;
    const flapper = (async () => {
      while (flap) {
        if (flapping.failing.size) flapping.failing.clear();
        else ['eu-west', 'us-east'].forEach((r) => flapping.failing.add(r));
        await sleep(2_500);
      }
      flapping.failing.clear();
    })();

    await sleep(6_000);
    // Kill the node that leads the first region's results stream (its leader must move).
    const leader = (await stream(REGIONS[0])).cluster?.leader;
    const victim = cluster.nodes.findIndex((_, i) => `n${i + 1}` === leader);
    expect(victim).toBeGreaterThanOrEqual(0);
    const storedBefore = await Promise.all(
      [0, 1].map(async (i) => metricSum(await sys.metrics(i), 'parallax_results_ingested_total', 'outcome="stored"')),
    );
    const killedAt = new Date();
    await cluster.nodes[victim].kill9();

    // Both control planes and every probe go on through the two nodes left.
    await waitFor(
      'a new leader for every results stream',
      async () => {
        for (const region of REGIONS) {
          const l = (await stream(region).catch(() => undefined))?.cluster?.leader;
          if (!l || l === leader) return false;
        }
        return true;
      },
      60_000,
      250,
    );
    await waitFor(
      'rounds with all three regions after the kill',
      async () => {
        const r = await pg.query(
          `SELECT count(*)::int AS n FROM rounds WHERE monitor_id = ANY($1) AND scheduled_at > $2::timestamptz + interval '5 seconds' AND regions_checked = 3`,
          [ids, killedAt],
        );
        return r.rows[0].n >= ids.length * 3;
      },
      60_000,
      500,
    );
    await waitFor(
      'both replicas store results after the kill',
      async () => {
        const now = await Promise.all(
          [0, 1].map(async (i) =>
            metricSum(await sys.metrics(i), 'parallax_results_ingested_total', 'outcome="stored"'),
          ),
        );
        return now.every((n, i) => n > storedBefore[i]);
      },
      60_000,
      500,
    );
    await waitFor(
      'an incident opened after the kill',
      async () => {
        const r = await pg.query(
          `SELECT count(*)::int AS n FROM notification_deliveries WHERE webhook_id = $1 AND event = 'incident.created' AND created_at > $2`,
          [webhookId, killedAt],
        );
        return r.rows[0].n > 0;
      },
      60_000,
      500,
    );

    // Stop the load and let everything settle.
    flap = false;
    await flapper;
    await waitFor(
      'every monitor up again',
      async () => (await monitors()).every((m) => m.status === 'up'),
      60_000,
      250,
    );
    for (const id of ids)
      expect((await sys.call('PATCH', `/monitors/${id}/toggle`, { is_active: false })).status).toBe(200);
    await waitFor(
      'every round decided',
      async () => (await pg.query(`SELECT count(*)::int AS n FROM rounds WHERE decided_at IS NULL`)).rows[0].n === 0,
      60_000,
      250,
    );
    const probeMetrics = async () =>
      Promise.all(sys.probePorts.map(async (port) => (await fetch(`http://127.0.0.1:${port}/metrics`)).text()));
    await waitFor(
      'no result pending in any probe',
      async () => (await probeMetrics()).every((m) => metricSum(m, 'probe_results_pending') === 0),
      60_000,
      250,
    );
    const checksRun = async () => (await probeMetrics()).reduce((n, m) => n + metricSum(m, 'probe_checks_total'), 0);
    const storedRows = async () =>
      (await pg.query(`SELECT count(*)::int AS n FROM check_results WHERE monitor_id = ANY($1)`, [ids])).rows[0].n;
    await waitFor('every result run is stored', async () => (await storedRows()) === (await checksRun()), 60_000, 250);
    await waitFor(
      'outbox drained',
      async () =>
        (await pg.query(`SELECT count(*)::int AS n FROM notification_deliveries WHERE status = 'pending'`)).rows[0]
          .n === 0,
      60_000,
      250,
    );

    // No result lost: every check a probe ran is a stored result; no probe gave one up.
    const m = await probeMetrics();
    const ran = await checksRun();
    expect(ran).toBeGreaterThan(ids.length * 3 * 20);
    expect(await storedRows()).toBe(ran);
    for (const text of m) expect(metricSum(text, 'probe_results_lost_total')).toBe(0);
    // Nothing refused by ingestion either (only stored, late or duplicate).
    for (const i of [0, 1]) {
      const text = await sys.metrics(i);
      for (const outcome of ['orphan', 'expired', 'not_dispatched'])
        expect(metricSum(text, 'parallax_results_ingested_total', `outcome="${outcome}"`)).toBe(0);
    }

    // No round lost: every scheduled round is decided, with data or as no_data.
    const rounds = (
      await pg.query(`SELECT outcome, count(*)::int AS n FROM rounds WHERE monitor_id = ANY($1) GROUP BY outcome`, [
        ids,
      ])
    ).rows as { outcome: string; n: number }[];
    for (const r of rounds) expect(['up', 'degraded', 'down', 'no_data']).toContain(r.outcome);
    expect(rounds.reduce((n, r) => n + r.n, 0)).toBeGreaterThan(ids.length * 20);

    // No notification lost: every outbox row delivered, and the receiver saw each webhook-id.
    const rows = (await pg.query(`SELECT id, status FROM notification_deliveries WHERE webhook_id = $1`, [webhookId]))
      .rows as { id: string; status: string }[];
    expect(rows.length).toBeGreaterThan(ids.length + 4);
    expect(rows.filter((r) => r.status !== 'delivered')).toEqual([]);
    const seen = new Set(receiver.delivered('/hook').map((r) => String(r.headers['webhook-id'])));
    expect(rows.filter((r) => !seen.has(r.id))).toEqual([]);

    // Every process is still the one started: they failed over, nobody restarted them.
    for (const p of [...sys.cps, ...sys.probes]) expect(p!.alive).toBe(true);
    for (const i of [0, 1])
      expect((await fetch(`${sys.apis[i].replace('/api/v1', '')}/health/ready`)).status).toBe(200);
    process.stderr.write(
      `nats-cluster: killed n${victim + 1} (leader of ${REGIONS[0]}); ${ran} results stored, ${rows.length} notifications delivered, rounds ${JSON.stringify(rounds)}\n`,
    );
    await nc.close();
  });
});
