'use strict';
/**
 * Webhook delivery throughput (`npm run bench`, after `npm run build`). Not a test.
 *
 * Setup: a fresh PostgreSQL database and NATS prefix; BENCH_REPLICAS (2) built control
 * planes sharing them; a local HTTP receiver in this process (keep-alive, answers 204,
 * checks every BENCH_VERIFY_EVERY-th (50) signature with the `standardwebhooks` package);
 * one account and one account webhook (POST /webhooks).
 *
 * Load: BENCH_DELIVERIES (20,000) outbox rows written in one INSERT, as the decision path
 * writes them: BENCH_MONITORS (400) monitors × their events in sequence, all to the one
 * endpoint, so the per-monitor ordering rule applies. Measures the time from that commit
 * until the receiver has every message (deliveries/s), how the replicas shared the work
 * (parallax_notification_deliveries_total), attempt latency, duplicates (must be 0) and
 * per-monitor order violations (must be 0).
 *
 * Prints a table and a final JSON line; stops the replicas and drops the database.
 * Environment: PG_ADMIN_URL, NATS_URL, BENCH_REPLICAS, BENCH_DELIVERIES, BENCH_MONITORS,
 * BENCH_VERIFY_EVERY, BENCH_TIMEOUT_MS (120000), BENCH_NOTIFY_CONCURRENCY (NOTIFY_CONCURRENCY of the replicas).
 */
const { createServer } = require('node:http');
const { existsSync } = require('node:fs');
const { randomBytes } = require('node:crypto');
const { Client } = require('pg');
const { connect } = require('nats');
const { Webhook } = require('standardwebhooks');
const { natsNames } = require('@parallax/contracts');
const { machineCpu } = require('./bench-cpu');
const {
  api,
  CONTROL_PLANE_MAIN,
  createBenchDatabase,
  NATS_URL,
  runBench,
  freePort,
  parseMetrics,
  sleep,
  startControlPlane,
  stopControlPlane,
  sum,
  waitReady,
} = require('./bench-control-plane-process');

const REPLICAS = Number(process.env.BENCH_REPLICAS || 2);
const DELIVERIES = Number(process.env.BENCH_DELIVERIES || 20_000);
const MONITORS = Number(process.env.BENCH_MONITORS || 400);
const VERIFY_EVERY = Number(process.env.BENCH_VERIFY_EVERY || 50);
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS || 120_000);

function log(msg) {
  process.stderr.write(`[bench-webhooks] ${msg}\n`);
}

async function main() {
  if (!existsSync(CONTROL_PLANE_MAIN)) throw new Error(`${CONTROL_PLANE_MAIN} is missing: run \`npm run build\` first`);
  const tag = randomBytes(4).toString('hex');
  const dbName = `bench_wh_${tag}`;
  const prefix = `bench_wh_${tag}`;
  const cleanups = [];
  const db = await createBenchDatabase(dbName);
  const databaseUrl = db.databaseUrl;
  cleanups.push(db.drop);
  cleanups.push(async () => {
    const nc = await connect({ servers: NATS_URL });
    const jsm = await nc.jetstreamManager();
    for (const r of ['r1', 'r2', 'r3'])
      await jsm.streams.delete(natsNames(prefix).regionResultsStream(r)).catch(() => undefined);
    await nc.close();
  });

  // The receiver: counts messages by webhook-id and arrival order per monitor.
  const seen = new Map();
  const lastSeq = new Map();
  let requests = 0;
  let duplicates = 0;
  let outOfOrder = 0;
  let verified = 0;
  let badSignatures = 0;
  let hook = null;
  let lastAt = 0;
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      requests++;
      const body = Buffer.concat(chunks).toString('utf8');
      const id = req.headers['webhook-id'];
      if (seen.has(id)) duplicates++;
      seen.set(id, true);
      const p = JSON.parse(body);
      const prev = lastSeq.get(p.monitor.id) ?? 0;
      if (p.sequence <= prev) outOfOrder++;
      lastSeq.set(p.monitor.id, p.sequence);
      if (hook && requests % VERIFY_EVERY === 0) {
        try {
          hook.verify(body, req.headers);
          verified++;
        } catch {
          badSignatures++;
        }
      }
      lastAt = Date.now();
      res.writeHead(204);
      res.end();
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });
  const receiverUrl = `http://127.0.0.1:${server.address().port}/hook`;

  const cps = [];
  cleanups.push(() => Promise.all(cps.map((cp) => stopControlPlane(cp))));
  const pg = new Client({ connectionString: databaseUrl });
  try {
    log(`starting ${REPLICAS} control planes (database ${dbName})`);
    for (let i = 0; i < REPLICAS; i++) {
      cps.push(
        startControlPlane(
          i,
          {
            PORT: String(await freePort()),
            DATABASE_URL: databaseUrl,
            NATS_URL,
            NATS_PREFIX: prefix,
            REGIONS: 'r1,r2,r3',
            JWT_SECRET: `bench-secret-${tag}-${tag}`,
            ALLOW_PRIVATE_TARGETS: 'true',
            RATE_LIMIT_PER_MINUTE: '1000000',
            LOG_LEVEL: 'warn',
            ...(process.env.BENCH_NOTIFY_CONCURRENCY
              ? { NOTIFY_CONCURRENCY: process.env.BENCH_NOTIFY_CONCURRENCY }
              : {}),
          },
          (process.env.BENCH_CP_NODE_ARGS || '').split(' ').filter(Boolean),
        ),
      );
    }
    await Promise.all(cps.map((cp) => waitReady(cp)));
    await pg.connect();
    const signup = await api(cps[0].base, null, 'POST', '/auth/signup', {
      email: `bench-${tag}@example.com`,
      password: 'correct horse battery',
      name: 'Bench',
    });
    if (signup.status !== 201) throw new Error(`signup failed: ${signup.status} ${JSON.stringify(signup.body)}`);
    const key = signup.body.data.api_key.key;
    const created = await api(cps[0].base, key, 'POST', '/webhooks', { url: receiverUrl, events: ['*'] });
    if (created.status !== 201) throw new Error(`POST /webhooks: ${created.status} ${JSON.stringify(created.body)}`);
    const webhook = created.body.data;
    hook = new Webhook(webhook.secret);

    const perMonitor = Math.ceil(DELIVERIES / MONITORS);
    const before = await Promise.all(
      cps.map(async (cp) => parseMetrics(await (await fetch(`${cp.base}/metrics`)).text())),
    );
    const cpu0 = machineCpu();
    log(`writing ${DELIVERIES} outbox rows (${MONITORS} monitors × ${perMonitor} events) in one transaction`);
    const t0 = Date.now();
    await pg.query(
      `INSERT INTO notification_deliveries (id, account_id, monitor_id, webhook_id, channel, destination, target, event, sequence, payload, next_attempt_at)
       SELECT 'msg_bench_' || n, $1, 'mon_bench_' || (n % $4), $2, 'webhook', $2, $3, 'monitor.down', n / $4 + 1,
              jsonb_build_object('event', 'monitor.down', 'sequence', n / $4 + 1, 'timestamp', now(),
                'monitor', jsonb_build_object('id', 'mon_bench_' || (n % $4), 'name', 'bench ' || (n % $4), 'type', 'http', 'url', 'https://example.com/health'),
                'status', 'down', 'previous_status', 'up',
                'decision', jsonb_build_object('regions_checked', 3, 'regions_up', 1, 'quorum', 2),
                'region_results', jsonb_build_array(
                  jsonb_build_object('region', 'r1', 'is_up', false, 'status_code', 503, 'response_ms', 40, 'error', 'HTTP 503'),
                  jsonb_build_object('region', 'r2', 'is_up', false, 'status_code', 503, 'response_ms', 41, 'error', 'HTTP 503'),
                  jsonb_build_object('region', 'r3', 'is_up', true, 'status_code', 200, 'response_ms', 20, 'error', null))),
              now()
         FROM generate_series(0, $5 - 1) AS n`,
      [signup.body.data.account.id, webhook.id, receiverUrl, MONITORS, DELIVERIES],
    );
    const insertMs = Date.now() - t0;
    const deadline = Date.now() + TIMEOUT_MS;
    while (seen.size < DELIVERIES && Date.now() < deadline) await sleep(50);
    const seconds = ((lastAt || Date.now()) - t0) / 1000;
    const cpu1 = machineCpu();
    await sleep(1500); // duplicates, if any, would arrive now
    const after = await Promise.all(
      cps.map(async (cp) => parseMetrics(await (await fetch(`${cp.base}/metrics`)).text())),
    );
    const byReplica = cps.map(
      (_, i) =>
        sum(after[i], 'parallax_notification_deliveries_total', 'outcome="delivered"') -
        sum(before[i], 'parallax_notification_deliveries_total', 'outcome="delivered"'),
    );
    const latencyCount = cps.reduce(
      (n, _, i) =>
        n +
        sum(after[i], 'parallax_notification_delivery_seconds_count') -
        sum(before[i], 'parallax_notification_delivery_seconds_count'),
      0,
    );
    const latencySum = cps.reduce(
      (n, _, i) =>
        n +
        sum(after[i], 'parallax_notification_delivery_seconds_sum') -
        sum(before[i], 'parallax_notification_delivery_seconds_sum'),
      0,
    );
    const pendingLeft = (
      await pg.query(`SELECT count(*)::int AS n FROM notification_deliveries WHERE status <> 'delivered'`)
    ).rows[0].n;
    const result = {
      deliveries: DELIVERIES,
      received_unique: seen.size,
      requests,
      duplicates,
      out_of_order: outOfOrder,
      signatures_verified: verified,
      bad_signatures: badSignatures,
      not_delivered: pendingLeft,
      insert_ms: insertMs,
      seconds: Math.round(seconds * 100) / 100,
      deliveries_per_s: Math.round(seen.size / seconds),
      delivered_by_replica: byReplica,
      control_plane_cpu_s:
        Math.round(
          cps.reduce(
            (n, _, i) => n + sum(after[i], 'process_cpu_seconds_total') - sum(before[i], 'process_cpu_seconds_total'),
            0,
          ) * 10,
        ) / 10,
      mean_attempt_ms: latencyCount ? Math.round((latencySum / latencyCount) * 10000) / 10 : null,
      machine_cpu_busy:
        cpu0 && cpu1 && cpu1.total > cpu0.total
          ? Math.round(((cpu1.busy - cpu0.busy) / (cpu1.total - cpu0.total)) * 1000) / 1000
          : null,
      replicas: REPLICAS,
    };
    process.stdout.write(
      [
        '',
        `Webhook deliveries (${REPLICAS} replicas → one local receiver, ${MONITORS} monitors in order):`,
        `  delivered            ${result.received_unique}/${DELIVERIES} in ${result.seconds} s`,
        `  deliveries/s         ${result.deliveries_per_s}`,
        `  by replica           ${byReplica.join(' / ')}`,
        `  mean attempt         ${result.mean_attempt_ms} ms`,
        `  duplicates           ${duplicates}   out of order: ${outOfOrder}   bad signatures: ${badSignatures} (of ${verified + badSignatures} checked)`,
        `  machine CPU busy     ${result.machine_cpu_busy ?? '-'}   control planes' CPU ${result.control_plane_cpu_s} s of ${result.seconds} s wall`,
        '',
      ].join('\n') + '\n',
    );
    process.stdout.write(JSON.stringify({ bench: 'webhooks', ...result }) + '\n');
    if (seen.size < DELIVERIES || duplicates || outOfOrder || badSignatures) process.exitCode = 1;
  } finally {
    await pg.end().catch(() => undefined);
    for (const c of cleanups.reverse()) await c().catch((e) => log(`cleanup: ${e.message}`));
  }
}

runBench(main);
