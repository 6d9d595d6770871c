import { Client } from 'pg';
import { jobId, resultMsgId, type JobV1 } from '@parallax/contracts';
import { FakeProbes, waitFor } from '../testing/fake-probe';
import { call, signup, startTestApp, TestApp } from '../testing/harness';
import { MetricsService } from '../metrics/metrics.service';

jest.setTimeout(90_000);

const REGIONS = ['eu-west', 'us-east', 'ap-south'];

/**
 * Poison results: whatever a region sends, ingestion stores a cleaned result and decides
 * the round, or (a result PostgreSQL still refuses) retries it a bounded number of times
 * and keeps it in the dead-letter table, never blocking the other results.
 */
describe('poison results', () => {
  let t: TestApp;
  let key: string;
  let probes: FakeProbes;
  let pg: Client;
  /** Regions whose results the test publishes by hand. */
  const byHand = new Map<string, (job: JobV1, region: string) => Promise<void>>();

  beforeAll(async () => {
    t = await startTestApp({
      ROUND_GRACE_SECONDS: '1',
      SCHEDULER_TICK_MS: '100',
      INGEST_MAX_DELIVER: '3',
      INGEST_RETRY_BACKOFF_MS: '50',
    });
    key = (await signup(t.api)).key;
    pg = new Client({ connectionString: t.databaseUrl });
    await pg.connect();
    probes = new FakeProbes(t.natsPrefix, REGIONS);
    probes.verdict = (region, job) => {
      const hand = byHand.get(job.monitor_id);
      if (hand) {
        void hand(job, region);
        return 'silent';
      }
      return { is_up: true, status_code: 200, response_ms: 20 };
    };
    await probes.start();
  });
  afterAll(async () => {
    await probes?.stop();
    await pg?.end();
    await t?.close();
  });

  const monitor = async (id: string) => (await call(t.api, key, 'GET', `/monitors/${id}`)).body.data;
  const create = async (name: string) =>
    (await call(t.api, key, 'POST', '/monitors', { name, url: 'http://127.0.0.1:1/', check_interval: 2, timeout: 2 }))
      .body.data;

  it('stores a result full of strings PostgreSQL refuses, cleaned, and decides the round down', async () => {
    const m = await create('poison strings');
    // JSON written by hand: a lone high surrogate (half an emoji), U+0000, a lone low
    // surrogate in a header name, dates PostgreSQL cannot store, oversize text.
    byHand.set(m.id, async (job, region) => {
      const raw = `{"v":1,"job_id":"${jobId(job.monitor_id, job.round)}","monitor_id":"${job.monitor_id}","round":${job.round},"region":"${region}",
        "probe_id":"p\\u0000-${region}","probe_version":"1","scheduled_at":"${job.scheduled_at}","started_at":"2026-02-30T10:00:00Z",
        "is_up":false,"status_code":500,"response_ms":12,
        "error":"${'e'.repeat(5000)}","phases":{"dns":0,"connect":1,"tls":null,"first_byte":2,"total":12},
        "response_headers":{"x-\\udc00\\u0000":"v\\ud83d","big":"${'h'.repeat(9000)}"},
        "response_body":"${'a'.repeat(2047)}\\ud83d\\ude00tail\\u0000",
        "ssl_expiry":"0000-01-01T00:00:00Z","ssl_issuer":"CN=\\ud800","details":{"k\\u0000":["\\udfff",{"deep":"\\u0000x"}]}}`;
      await probes.publishRaw(region, Buffer.from(raw), resultMsgId(job.job_id, region));
    });
    await waitFor('down', async () => (await monitor(m.id)).status === 'down', 30_000);
    // Down from the first rounds: none was lost to a redelivery loop.
    expect((await monitor(m.id)).checks_total).toBeLessThanOrEqual(2);
    byHand.delete(m.id);
    const rows = await pg.query(
      `SELECT region, probe_id, error, response_body, response_headers, ssl_expiry, ssl_issuer, details, checked_at FROM check_results WHERE monitor_id = $1 ORDER BY round, region LIMIT 3`,
      [m.id],
    );
    expect(rows.rows).toHaveLength(3);
    for (const r of rows.rows) {
      expect(r.probe_id).toBe(`p-${r.region}`);
      expect(r.error).toBe('e'.repeat(2048));
      // Cut on a code-point boundary: 2047 + the whole emoji would be 2049 code units.
      expect(r.response_body).toBe('a'.repeat(2047));
      expect(r.response_headers).toEqual({ 'x-\ufffd': 'v\ufffd', big: 'h'.repeat(2048) });
      expect(r.ssl_expiry).toBeNull();
      expect(r.ssl_issuer).toBe('CN=\ufffd');
      expect(r.details).toEqual({ k: ['\ufffd', { deep: 'x' }] });
      expect(r.checked_at.toISOString()).toBe('2026-03-02T10:00:00.000Z');
    }
    const incident = (await call(t.api, key, 'GET', `/incidents?monitor_id=${m.id}&status=open`)).body.data;
    expect(incident).toHaveLength(1);
    expect(incident[0].failure_response_body).toBe('a'.repeat(2047));
  });

  it('retries a result PostgreSQL still refuses a bounded number of times, dead-letters it, and stores the others', async () => {
    // A result the database refuses whatever its content: a trigger stands for any fault
    // left after cleaning (a constraint, a bug), so the bounded retry is what is tested.
    await pg.query(`CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.probe_id = 'poison' THEN RAISE EXCEPTION 'poison result refused by test trigger'; END IF; RETURN NEW; END $$`);
    await pg.query(
      `CREATE TRIGGER refuse_poison BEFORE INSERT ON check_results FOR EACH ROW EXECUTE FUNCTION refuse_poison()`,
    );
    const dead = () =>
      (
        t.app.get(MetricsService).registry.getSingleMetric('parallax_results_dead_lettered_total') as unknown as {
          get(): Promise<{ values: { value: number }[] }>;
        }
      ).get();
    const m = await create('poison store');
    let round: number | null = null;
    byHand.set(m.id, async (job, region) => {
      if (round === null) round = job.round;
      const r = probes.result(job, region, { is_up: false, status_code: 503 });
      if (job.round === round && region === 'us-east') r.probe_id = 'poison';
      await probes.publish(r);
    });
    await waitFor(
      'a dead letter',
      async () => (await pg.query(`SELECT * FROM dead_letter_results WHERE monitor_id = $1`, [m.id])).rows.length === 1,
      30_000,
    );
    const [letter] = (await pg.query(`SELECT * FROM dead_letter_results WHERE monitor_id = $1`, [m.id])).rows;
    expect(letter).toMatchObject({
      region: 'us-east',
      round: String(round),
      deliveries: 3,
      msg_id: resultMsgId(jobId(m.id, round!), 'us-east'),
    });
    expect(letter.reason).toMatch(/poison result refused by test trigger/);
    expect(JSON.parse(letter.payload.toString('utf8')).probe_id).toBe('poison');
    expect((await dead()).values[0].value).toBe(1);
    // The other regions' results of that round were stored, and the round decided by its deadline.
    const stored = await pg.query(
      `SELECT region FROM check_results WHERE monitor_id = $1 AND round = $2 ORDER BY region`,
      [m.id, round],
    );
    expect(stored.rows.map((r) => r.region)).toEqual(['ap-south', 'eu-west']);
    await waitFor(
      'round decided',
      async () =>
        (await pg.query(`SELECT outcome FROM rounds WHERE monitor_id = $1 AND round = $2`, [m.id, round])).rows[0]
          ?.outcome === 'down',
      30_000,
    );
    await waitFor('monitor down', async () => (await monitor(m.id)).status === 'down', 30_000);
    byHand.delete(m.id);
    await pg.query(`DROP TRIGGER refuse_poison ON check_results`);
  });
});
