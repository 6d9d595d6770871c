import { connect, type NatsConnection } from 'nats';
import { Client } from 'pg';
import { natsNames } from '@parallax/contracts';
import { waitFor } from '@parallax/testing';
import { PrivateNatsServer } from '../support/nats-server';
import { freePort } from '../support/processes';
import { LocalSystem, REGIONS } from '../support/system';
import { RegionalTarget } from '../support/target';
import { VerifyingWebhookReceiver } from '../support/verifying-receiver';

jest.setTimeout(40 * 60_000);

/** Monitors whose target always answers 200. */
const MONITORS = 6;
/** Monitors whose target fails in every region for FLAP_MS, then answers for FLAP_MS, all run long: status changes (down/up, incidents) while each fault happens. */
const FLAPPING = 4;
const FLAP_MS = 2_000;
const ALL = MONITORS + FLAPPING;
/** A round still undecided this long after its deadline is lost (the sweep waits ack_wait + margin past it). */
const LOST_AFTER_S = 45;
/** Healthy: both replicas ready and every monitor has a round scheduled after the fault ended decided by all three regions. */
const RECOVERY_LIMIT_MS = 120_000;
/** Longest wait for the outbox to be sent after the flapping stops (a claim lease of a killed replica is 11 s here). */
const DRAIN_LIMIT_MS = 120_000;

interface Row {
  fault: string;
  roundsLost: number;
  duplicates: number;
  duplicateIncidents: number;
  /** Outbox rows (for the suite's webhook) created from the fault's start until the flapping stopped (after healthy again and a notification since). */
  events: number;
  notificationsLost: number;
  notificationsDuplicated: number;
  recoveryFromStartSeconds: number;
  recoveryFromEndSeconds: number;
}

interface Audit {
  roundsLost: number;
  duplicates: number;
  duplicateIncidents: number;
  notificationsLost: number;
  notificationsDuplicated: number;
}

/**
 * Issue 11 item 8: steady load (monitors at 1 s from three regions, two control-plane
 * replicas, a test-owned nats-server), flapping monitors that change status every 2 s with
 * a signed webhook to a verifying receiver, then each fault in turn; after each, the rounds,
 * results, incidents and notifications are checked and the time until healthy is measured
 * from the fault's start and from its end. Prints the table; fails on any loss.
 */
describe('fault suite', () => {
  let nats: PrivateNatsServer;
  let sys: LocalSystem;
  const target = new RegionalTarget();
  const flapTarget = new RegionalTarget();
  const receiver = new VerifyingWebhookReceiver();
  let webhookId = '';
  let flapTimer: NodeJS.Timeout | undefined;
  const flapIds: string[] = [];
  let pg: Client;
  const rows: Row[] = [];
  /** The cumulative audit after the previous fault (rows show what each fault added). */
  let previous: Audit = {
    roundsLost: 0,
    duplicates: 0,
    duplicateIncidents: 0,
    notificationsLost: 0,
    notificationsDuplicated: 0,
  };

  const startFlapping = () => {
    flapTimer = setInterval(() => {
      if (flapTarget.failing.size) flapTarget.failing.clear();
      else REGIONS.forEach((r) => flapTarget.failing.add(r));
    }, FLAP_MS);
  };
  const stopFlapping = () => {
    clearInterval(flapTimer);
    flapTarget.failing.clear();
  };

  beforeAll(async () => {
    nats = new PrivateNatsServer(await freePort());
    await nats.start();
    sys = new LocalSystem({
      natsUrl: nats.url,
      controlPlanes: 2,
      // A claim lease of 3 × timeout + 5 s = 11 s: deliveries a killed replica held are sent again soon.
      controlPlaneEnv: {
        NOTIFY_POLL_MS: '100',
        NOTIFY_TIMEOUT_MS: '2000',
        NOTIFY_RETRY_SCHEDULE: '1s,2s,5s,10s,30s,1m',
      },
    });
    await target.start();
    await flapTarget.start();
    await receiver.start();
    await sys.start();
    pg = new Client({ connectionString: sys.databaseUrl });
    await pg.connect();
    const w = await sys.call('POST', '/webhooks', { url: receiver.url('/hook'), events: ['*'] });
    expect(w.status).toBe(201);
    receiver.secret = w.body.data.secret;
    webhookId = w.body.data.id;
    for (let i = 0; i < MONITORS; i++) {
      const r = await sys.call('POST', '/monitors', {
        name: `steady ${i}`,
        url: target.url,
        check_interval: 1,
        timeout: 2,
      });
      expect(r.status).toBe(201);
    }
    for (let i = 0; i < FLAPPING; i++) {
      // No confirmation rounds: every flip of the target is a status change.
      const r = await sys.call('POST', '/monitors', {
        name: `flapping ${i}`,
        url: flapTarget.url,
        check_interval: 1,
        timeout: 2,
        confirmation_rounds: 0,
        recovery_rounds: 0,
      });
      expect(r.status).toBe(201);
      flapIds.push(r.body.data.id);
    }
    await recovered(Date.now() - 1000);
    startFlapping();
  });

  afterAll(async () => {
    stopFlapping();
    console.log(table(rows));
    await pg?.end();
    await sys?.stop();
    await receiver.stop();
    await flapTarget.stop();
    await target.stop();
    await nats?.dispose();
  });

  const sqlNow = async () => (await pg.query(`SELECT now() AS t`)).rows[0].t as Date;

  /** Waits until healthy (both replicas ready, every monitor has a round scheduled after `sinceMs` decided by all three regions); returns when that held. */
  async function recovered(sinceMs: number): Promise<number> {
    await waitFor(
      'recovered',
      async () => {
        for (let i = 0; i < 2; i++) {
          const ok = await fetch(`${sys.apis[i].replace('/api/v1', '')}/health/ready`).then(
            (r) => r.status === 200,
            () => false,
          );
          if (!ok) return false;
        }
        const r = await pg.query(
          `SELECT count(DISTINCT monitor_id)::int AS n FROM rounds WHERE scheduled_at > $1 AND decided_at IS NOT NULL AND regions_checked = 3`,
          [new Date(sinceMs)],
        );
        return r.rows[0].n === ALL;
      },
      RECOVERY_LIMIT_MS,
      250,
    );
    return Date.now();
  }

  /**
   * Stops the flapping, waits until the flapping monitors are up again and the outbox has
   * nothing pending for the suite's webhook (every row delivered, or failed for good).
   */
  async function settleNotifications(): Promise<void> {
    stopFlapping();
    await waitFor(
      'flapping monitors up',
      async () => (await Promise.all(flapIds.map((id) => sys.monitor(id)))).every((m) => m?.status === 'up'),
      DRAIN_LIMIT_MS,
      250,
    );
    await waitFor(
      'outbox sent',
      async () =>
        (
          await pg.query(
            `SELECT count(*)::int AS n FROM notification_deliveries WHERE webhook_id = $1 AND status = 'pending'`,
            [webhookId],
          )
        ).rows[0].n === 0,
      DRAIN_LIMIT_MS,
      250,
    ).catch(() => undefined); // what is still pending then counts as lost
  }

  /** Over the whole run so far: rounds lost, results stored twice, monitors with more than one open incident, notifications lost and duplicated. */
  async function audit(): Promise<Audit> {
    const now = await sqlNow();
    const lost = await pg.query(
      `SELECT count(*)::int AS n FROM rounds WHERE decided_at IS NULL AND deadline_at < $1::timestamptz - make_interval(secs => $2)`,
      [now, LOST_AFTER_S],
    );
    const dup = await pg.query(
      `SELECT (count(*) - count(DISTINCT (monitor_id, round, region)))::int AS n FROM check_results`,
    );
    const inc = await pg.query(
      `SELECT count(*)::int AS n FROM (SELECT monitor_id FROM incidents WHERE resolved_at IS NULL GROUP BY monitor_id HAVING count(*) > 1) x`,
    );
    // Lost: an outbox row not accepted by the receiver (pending, failed, refused), or an
    // incident opened or resolved without its event in the outbox.
    const outbox = (await pg.query(`SELECT id FROM notification_deliveries WHERE webhook_id = $1`, [webhookId]))
      .rows as { id: string }[];
    const notReceived = outbox.filter((r) => !receiver.counts.has(r.id)).length;
    const missing = await pg.query(
      `SELECT count(*)::int AS n FROM incidents i, (VALUES ('incident.created', true), ('incident.resolved', false)) e(event, always)
        WHERE (e.always OR i.resolved_at IS NOT NULL)
          AND NOT EXISTS (SELECT 1 FROM notification_deliveries d WHERE d.webhook_id = $1 AND d.event = e.event AND d.payload->'incident'->>'id' = i.id)`,
      [webhookId],
    );
    // Duplicated: an id accepted more than once, or an accepted id that is no outbox row.
    const known = new Set(outbox.map((r) => r.id));
    const unknown = [...receiver.counts.keys()].filter((id) => !known.has(id)).length;
    return {
      roundsLost: lost.rows[0].n,
      duplicates: dup.rows[0].n,
      duplicateIncidents: inc.rows[0].n,
      notificationsLost: notReceived + missing.rows[0].n + receiver.rejected,
      notificationsDuplicated: receiver.duplicates() + unknown,
    };
  }

  /** Waits until the outbox has a row for the suite's webhook created after `sinceMs` (status changes are being notified). */
  const notifiedSince = (what: string, sinceMs: number) =>
    waitFor(
      what,
      async () =>
        (
          await pg.query(`SELECT 1 FROM notification_deliveries WHERE webhook_id = $1 AND created_at > $2 LIMIT 1`, [
            webhookId,
            new Date(sinceMs),
          ])
        ).rowCount === 1,
      RECOVERY_LIMIT_MS,
      250,
    );

  async function fault(name: string, run: () => Promise<void>): Promise<void> {
    // The fault strikes while the flapping monitors are changing status and being notified.
    await notifiedSince('notifications before the fault', Date.now());
    const startedAt = Date.now();
    await run();
    const endedAt = Date.now();
    const healthyAt = await recovered(endedAt);
    await notifiedSince('notifications after recovery', healthyAt);
    const events = (
      await pg.query(
        `SELECT count(*)::int AS n FROM notification_deliveries WHERE webhook_id = $1 AND created_at >= $2`,
        [webhookId, new Date(startedAt)],
      )
    ).rows[0].n as number;
    await settleNotifications();
    // Let the deadline sweep judge the rounds of the fault window before auditing them.
    await new Promise((r) => setTimeout(r, (LOST_AFTER_S + 5) * 1000));
    const a = await audit();
    const delta = (k: keyof Audit) => a[k] - previous[k];
    previous = a;
    rows.push({
      fault: name,
      roundsLost: delta('roundsLost'),
      duplicates: delta('duplicates'),
      duplicateIncidents: delta('duplicateIncidents'),
      events,
      notificationsLost: delta('notificationsLost'),
      notificationsDuplicated: delta('notificationsDuplicated'),
      recoveryFromStartSeconds: Math.round((healthyAt - startedAt) / 100) / 10,
      recoveryFromEndSeconds: Math.round((healthyAt - endedAt) / 100) / 10,
    });
    startFlapping();
    expect({ fault: name, ...a }).toEqual({
      fault: name,
      roundsLost: 0,
      duplicates: 0,
      duplicateIncidents: 0,
      notificationsLost: 0,
      notificationsDuplicated: 0,
    });
  }

  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('SIGKILL one control-plane replica of two', () =>
    fault('SIGKILL 1 of 2 control planes', async () => {
      await sys.cps[1]!.kill9();
      await pause(5_000);
      await sys.startControlPlane(1);
    }));

  it('SIGKILL every control plane and restart', () =>
    fault('SIGKILL all control planes, restart', async () => {
      await Promise.all([sys.cps[0]!.kill9(), sys.cps[1]!.kill9()]);
      await pause(3_000);
      await Promise.all([sys.startControlPlane(0), sys.startControlPlane(1)]);
    }));

  it('restart nats-server', () =>
    fault('restart nats-server', async () => {
      await nats.stop();
      await pause(3_000);
      await nats.start();
    }));

  it('terminate the PostgreSQL backends', () =>
    fault('pg_terminate_backend (app)', async () => {
      const db = new URL(sys.databaseUrl).pathname.slice(1);
      await pg.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
        [db],
      );
    }));

  it('SIGKILL a probe', () =>
    fault('SIGKILL probe us-east, restart', async () => {
      await sys.probes[1].kill9();
      await pause(5_000);
      sys.restartProbe(1);
    }));

  it('SIGSTOP a probe past its deadlines', () =>
    fault('SIGSTOP probe eu-west 10 s', async () => {
      sys.probes[0].child.kill('SIGSTOP');
      await pause(10_000);
      sys.probes[0].child.kill('SIGCONT');
    }));

  it('a poison result stream', () =>
    fault('poison results (every bad string)', async () => {
      const nc: NatsConnection = await connect({ servers: nats.url });
      const names = natsNames(sys.prefix);
      const monitorId = (await pg.query(`SELECT id FROM monitors LIMIT 1`)).rows[0].id as string;
      const bad = ['\u0000', '\ud83d', 'a'.repeat(2047) + '😀', '\udc00x', 'x'.repeat(100_000)];
      for (let i = 0; i < 50; i++) {
        const s = bad[i % bad.length];
        const body = {
          v: 1,
          job_id: `${monitorId}:${i}`,
          monitor_id: monitorId,
          round: i,
          region: REGIONS[0],
          probe_id: s,
          probe_version: s,
          started_at: '+275760-09-13T00:00:00.000Z',
          is_up: false,
          status_code: 500,
          response_ms: 1,
          error: s,
          phases: { dns: null, connect: null, tls: null, first_byte: null, total: null },
          response_headers: { [s]: s },
          response_body: s,
        };
        await nc
          .request(names.results(REGIONS[0]), Buffer.from(JSON.stringify(body)), { timeout: 5000 })
          .catch(() => undefined);
        nc.publish(
          names.results(REGIONS[0]),
          Buffer.from(i % 2 ? '{not json' : JSON.stringify(body).replace(/"v":1/, '"v":"\\u0000"')),
        );
      }
      await nc.drain();
    }));

  it('a clock-skewed probe', () =>
    fault('probe ap-south clock +10 s', async () => {
      await sys.probes[2].stop();
      sys.restartProbe(2, { PROBE_CLOCK_OFFSET_MS: '10000' });
    }));
});

function table(rows: Row[]): string {
  const head = [
    'fault',
    'rounds lost',
    'duplicates',
    'dup. incidents',
    'notifications',
    'notifications lost',
    'notifications duplicated',
    'recovery s from start',
    'recovery s from end',
  ];
  const body = rows.map((r) => [
    r.fault,
    String(r.roundsLost),
    String(r.duplicates),
    String(r.duplicateIncidents),
    String(r.events),
    String(r.notificationsLost),
    String(r.notificationsDuplicated),
    r.recoveryFromStartSeconds.toFixed(1),
    r.recoveryFromEndSeconds.toFixed(1),
  ]);
  const w = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(w[i])).join(' | ')} |`;
  return [line(head), `|${w.map((n) => '-'.repeat(n + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
