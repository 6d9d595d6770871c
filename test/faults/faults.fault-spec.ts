import { connect, type NatsConnection } from 'nats';
import { Client } from 'pg';
import { natsNames } from '@parallax/contracts';
import { waitFor } from '@parallax/testing';
import { PrivateNatsServer } from '../support/nats-server';
import { freePort } from '../support/processes';
import { LocalSystem, REGIONS } from '../support/system';
import { RegionalTarget } from '../support/target';

jest.setTimeout(30 * 60_000);

const MONITORS = 6;
/** A round still undecided this long after its deadline is lost (the sweep waits ack_wait + margin past it). */
const LOST_AFTER_S = 45;
/** Recovery: every monitor has a round decided with all three regions, scheduled after the fault ended. */
const RECOVERY_LIMIT_MS = 120_000;

interface Row {
  fault: string;
  roundsLost: number;
  duplicates: number;
  duplicateIncidents: number;
  recoverySeconds: number;
}

/**
 * Issue 11 item 8: steady load (monitors at 1 s from three regions, two control-plane
 * replicas, a test-owned nats-server), then each fault in turn; after each, the rounds,
 * results and incidents are checked in PostgreSQL and the time until every monitor is
 * decided by all three regions again is measured. Prints the table; fails on any loss.
 */
describe('fault suite', () => {
  let nats: PrivateNatsServer;
  let sys: LocalSystem;
  const target = new RegionalTarget();
  let pg: Client;
  const rows: Row[] = [];

  beforeAll(async () => {
    nats = new PrivateNatsServer(await freePort());
    await nats.start();
    sys = new LocalSystem({ natsUrl: nats.url, controlPlanes: 2 });
    await target.start();
    await sys.start();
    pg = new Client({ connectionString: sys.databaseUrl });
    await pg.connect();
    for (let i = 0; i < MONITORS; i++) {
      const r = await sys.call('POST', '/monitors', { name: `steady ${i}`, url: target.url, check_interval: 1, timeout: 2 });
      expect(r.status).toBe(201);
    }
    await recovered(Date.now() - 1000);
  });

  afterAll(async () => {
    console.log(table(rows));
    await pg?.end();
    await sys?.stop();
    await target.stop();
    await nats?.dispose();
  });

  const sqlNow = async () => (await pg.query(`SELECT now() AS t`)).rows[0].t as Date;

  /** Waits until every monitor has a round scheduled after `sinceMs` decided by all three regions, and both replicas are ready. */
  async function recovered(sinceMs: number): Promise<number> {
    await waitFor('recovered', async () => {
      for (let i = 0; i < 2; i++) {
        const ok = await fetch(`${sys.apis[i].replace('/api/v1', '')}/health/ready`).then((r) => r.status === 200, () => false);
        if (!ok) return false;
      }
      const r = await pg.query(
        `SELECT count(DISTINCT monitor_id)::int AS n FROM rounds WHERE scheduled_at > $1 AND decided_at IS NOT NULL AND regions_checked = 3`,
        [new Date(sinceMs)],
      );
      return r.rows[0].n === MONITORS;
    }, RECOVERY_LIMIT_MS, 250);
    return (Date.now() - sinceMs) / 1000;
  }

  /** Rounds lost, results stored twice, monitors with more than one open incident: over the whole run so far. */
  async function audit(): Promise<Pick<Row, 'roundsLost' | 'duplicates' | 'duplicateIncidents'>> {
    const now = await sqlNow();
    const lost = await pg.query(`SELECT count(*)::int AS n FROM rounds WHERE decided_at IS NULL AND deadline_at < $1::timestamptz - make_interval(secs => $2)`, [now, LOST_AFTER_S]);
    const dup = await pg.query(`SELECT (count(*) - count(DISTINCT (monitor_id, round, region)))::int AS n FROM check_results`);
    const inc = await pg.query(`SELECT count(*)::int AS n FROM (SELECT monitor_id FROM incidents WHERE resolved_at IS NULL GROUP BY monitor_id HAVING count(*) > 1) x`);
    return { roundsLost: lost.rows[0].n, duplicates: dup.rows[0].n, duplicateIncidents: inc.rows[0].n };
  }

  async function fault(name: string, run: () => Promise<void>): Promise<void> {
    await run();
    const endedAt = Date.now();
    const recoverySeconds = await recovered(endedAt);
    // Let the deadline sweep judge the rounds of the fault window before auditing them.
    await new Promise((r) => setTimeout(r, (LOST_AFTER_S + 5) * 1000));
    const a = await audit();
    rows.push({ fault: name, ...a, recoverySeconds: Math.round(recoverySeconds * 10) / 10 });
    expect({ fault: name, ...a }).toEqual({ fault: name, roundsLost: 0, duplicates: 0, duplicateIncidents: 0 });
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
      await pg.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [db]);
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
        const body = { v: 1, job_id: `${monitorId}:${i}`, monitor_id: monitorId, round: i, region: REGIONS[0], probe_id: s, probe_version: s, started_at: '+275760-09-13T00:00:00.000Z', is_up: false, status_code: 500, response_ms: 1, error: s, phases: { dns: null, connect: null, tls: null, first_byte: null, total: null }, response_headers: { [s]: s }, response_body: s };
        await nc.request(names.results(REGIONS[0]), Buffer.from(JSON.stringify(body)), { timeout: 5000 }).catch(() => undefined);
        nc.publish(names.results(REGIONS[0]), Buffer.from(i % 2 ? '{not json' : JSON.stringify(body).replace(/"v":1/, '"v":"\\u0000"')));
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
  const head = ['fault', 'rounds lost', 'duplicates', 'dup. incidents', 'recovery s'];
  const body = rows.map((r) => [r.fault, String(r.roundsLost), String(r.duplicates), String(r.duplicateIncidents), r.recoverySeconds.toFixed(1)]);
  const w = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(w[i])).join(' | ')} |`;
  return [line(head), `|${w.map((n) => '-'.repeat(n + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
