import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connect, type NatsConnection, type NatsError } from 'nats';
import { Client } from 'pg';
import { encode, jobId, natsNames, resultMsgId, type ResultV1 } from '@parallax/contracts';
import { call, createDatabase, inheritedEnv, signup, uniqueName, waitFor } from '@parallax/testing';
import { PrivateNatsServer } from '../support/nats-server';
import { CONTROL_PLANE_MAIN, freePort, Proc, PROBE_MAIN, ROOT } from '../support/processes';
import { RegionalTarget } from '../support/target';

jest.setTimeout(180_000);

const GENERATOR = path.join(ROOT, 'deploy/nats/gen-accounts.js');
const A = 'eu-west';
const B = 'us-east';

interface GeneratedUser {
  role: 'control-plane' | 'probe';
  region: string | null;
  user: string;
  password: string;
}

interface Denial {
  operation: string;
  subject: string;
  queue?: string;
}

/** A NATS client that records the permission violations the server reports to it. */
async function client(
  user: GeneratedUser,
  url: string,
  inboxPrefix?: string,
): Promise<{ nc: NatsConnection; denials: Denial[] }> {
  const nc = await connect({
    servers: url,
    user: user.user,
    pass: user.password,
    inboxPrefix,
    reconnect: false,
    name: `lp-test ${user.user}`,
  });
  const denials: Denial[] = [];
  void (async () => {
    for await (const s of nc.status()) {
      if (s.type === 'error' && s.permissionContext) denials.push(s.permissionContext as Denial);
    }
  })();
  return { nc, denials };
}

/** Subscribes and resolves with the error the server closes the subscription with; messages it gets go to `got`. */
function trySubscribe(nc: NatsConnection, subject: string, queue?: string, got: string[] = []): Promise<NatsError> {
  return new Promise((resolve) => {
    nc.subscribe(subject, {
      queue,
      callback: (err, msg) => {
        if (err) resolve(err);
        else got.push(msg.subject);
      },
    });
  });
}

/**
 * Least-privilege NATS credentials, with real processes: a nats-server running the
 * configuration that deploy/nats/gen-accounts.js generates for regions A and B (with
 * this test's prefix), the built control plane with its own user, and a real probe of
 * region A with A's credentials (and the default, derived inbox prefix). A client with
 * A's credentials then tries everything a compromised probe of A might.
 */
/** A result of region B for this test's monitor, as an impostor would forge it. */
function forgedResult(monitorId: string, round: number): ResultV1 {
  return {
    v: 1,
    job_id: jobId(monitorId, round),
    monitor_id: monitorId,
    round,
    region: B,
    probe_id: 'impostor',
    probe_version: '0.0.0',
    started_at: new Date().toISOString(),
    is_up: false,
    status_code: 503,
    response_ms: 1,
    error: 'forged',
    phases: { dns: null, connect: null, tls: null, first_byte: null, total: null },
    response_headers: null,
    response_body: null,
  };
}

describe('least-privilege NATS credentials', () => {
  const prefix = uniqueName('t_lp');
  const names = natsNames(prefix);
  const dir = mkdtempSync(path.join(tmpdir(), 'parallax-lp-'));
  const target = new RegionalTarget();
  const open: NatsConnection[] = [];
  let users: GeneratedUser[] = [];
  let cpUser: GeneratedUser;
  let aUser: GeneratedUser;
  let bUser: GeneratedUser;
  let nats: PrivateNatsServer | undefined;
  let db: Awaited<ReturnType<typeof createDatabase>> | undefined;
  let cp: Proc | undefined;
  let probe: Proc | undefined;
  let probeB: Proc | undefined;
  let port = 0;
  let api = '';
  let key = '';
  let monitorId = '';
  let targetStarted = false;
  let probeMetricsPort = 0;

  const rest = (method: string, p: string, body?: unknown) => call(api, key, method, p, body);
  const as = async (user: GeneratedUser, inboxPrefix?: string) => {
    const c = await client(user, nats!.url, inboxPrefix);
    open.push(c.nc);
    return c;
  };
  const asA = () => as(aUser, names.probeInboxPrefix(A));
  const refused = async (reason: string) => {
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    const m = new RegExp(`^parallax_results_refused_total\\{reason="${reason}"\\} (\\d+)`, 'm').exec(text);
    return m ? Number(m[1]) : 0;
  };
  const refusedMismatches = () => refused('region_mismatch');

  beforeAll(async () => {
    // The configuration as an operator would generate it, with this test's prefix (JetStream store in the temp dir).
    execFileSync(
      process.execPath,
      [
        GENERATOR,
        '--prefix',
        prefix,
        '--regions',
        `${A},${B}`,
        '--out',
        dir,
        '--store-dir',
        path.join(dir, 'jetstream'),
        '--no-tls',
      ],
      {
        stdio: 'pipe',
      },
    );
    users = JSON.parse(readFileSync(path.join(dir, 'users.json'), 'utf8')) as GeneratedUser[];
    cpUser = users.find((u) => u.role === 'control-plane')!;
    aUser = users.find((u) => u.region === A)!;
    bUser = users.find((u) => u.region === B)!;
    nats = new PrivateNatsServer(await freePort(), {
      configFile: path.join(dir, 'nats-server.conf'),
      user: cpUser.user,
      pass: cpUser.password,
    });
    await nats.start();
    await target.start();
    targetStarted = true;
    db = await createDatabase('t_lp');
    port = await freePort();
    api = `http://127.0.0.1:${port}/api/v1`;

    const control = new Proc('control-plane', CONTROL_PLANE_MAIN, {
      PORT: String(port),
      DATABASE_URL: db.url,
      NATS_URL: nats.url,
      NATS_PREFIX: prefix,
      NATS_USER: cpUser.user,
      NATS_PASS: cpUser.password,
      REGIONS: `${A},${B}`,
      JWT_SECRET: 'e2e-secret-e2e-secret',
      ALLOW_PRIVATE_TARGETS: 'true',
      MIN_INTERVAL_SECONDS: '1',
      ROUND_GRACE_SECONDS: '2',
      SCHEDULER_TICK_MS: '100',
      LOG_LEVEL: 'warn',
    });
    cp = control;
    await waitFor(
      'control plane ready',
      async () => {
        if (!control.alive) throw new Error(`control plane exited:\n${control.tail()}`);
        return (await fetch(`http://127.0.0.1:${port}/health/ready`)).status === 200;
      },
      30_000,
      200,
    );

    // No NATS_INBOX_PREFIX: the probe's default must be what the generated permissions allow.
    probeMetricsPort = await freePort();
    probe = new Proc(`probe ${A}`, PROBE_MAIN, {
      REGION: A,
      NATS_URL: nats.url,
      NATS_PREFIX: prefix,
      NATS_USER: aUser.user,
      NATS_PASS: aUser.password,
      ALLOW_PRIVATE_TARGETS: 'true',
      METRICS_PORT: String(probeMetricsPort),
      PRESENCE_INTERVAL_MS: '1000',
      PROBE_CONCURRENCY: '8',
      PROBE_WORKERS: '1',
      LOG_LEVEL: 'warn',
    });
    key = (await signup(api)).key;
    await waitFor(
      `region ${A} healthy`,
      async () => {
        const regions = (await rest('GET', '/regions')).body.data as Array<{
          id?: string;
          region?: string;
          healthy: boolean;
        }>;
        return regions?.some((r) => (r.id ?? r.region) === A && r.healthy);
      },
      30_000,
      250,
    );
  });

  afterAll(async () => {
    await Promise.all(open.map((nc) => nc.close().catch(() => undefined)));
    await probe?.stop();
    await probeB?.stop();
    await cp?.stop();
    await nats?.dispose();
    await db?.drop();
    if (targetStarted) await target.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('generates one user per region whose permissions name only that region', () => {
    expect(users.map((u) => u.user).sort()).toEqual(
      [`${prefix}-control-plane`, `${prefix}-probe-${A}`, `${prefix}-probe-${B}`].sort(),
    );
    const conf = readFileSync(path.join(dir, 'nats-server.conf'), 'utf8');
    expect(conf).toContain(`"${names.jobs(A)} ${names.jobsQueue(A)}"`);
    expect(conf).toContain(`"${names.probeInboxPrefix(A)}.>"`);
    expect(conf).not.toMatch(/^\s*no_auth_user/m);
  });

  it('writes a tls {} block and tls:// URLs unless --no-tls', () => {
    const byDefault = execFileSync(process.execPath, [GENERATOR, '--regions', A, '--passwords', 'env'], {
      encoding: 'utf8',
    });
    expect(byDefault).toMatch(
      /^tls \{\n {2}cert_file: "\/etc\/nats\/tls\/server\.crt"\n {2}key_file: "\/etc\/nats\/tls\/server\.key"$/m,
    );
    const plain = execFileSync(process.execPath, [GENERATOR, '--regions', A, '--passwords', 'env', '--no-tls'], {
      encoding: 'utf8',
    });
    expect(plain).not.toMatch(/^tls \{/m);
    expect(plain).toContain('TLS disabled (--no-tls)');
    const out = mkdtempSync(path.join(tmpdir(), 'parallax-gen-'));
    try {
      execFileSync(process.execPath, [GENERATOR, '--regions', A, '--out', out], { stdio: 'pipe' });
      expect(readFileSync(path.join(out, `probe-${A}.env`), 'utf8')).toMatch(
        /^NATS_URL=tls:\/\/nats\.example\.com:4222$/m,
      );
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
    const clash = spawnSync(process.execPath, [GENERATOR, '--regions', A, '--no-tls', '--tls-cert', 'x'], {
      encoding: 'utf8',
    });
    expect(clash.status).not.toBe(0);
    expect(clash.stderr).toContain('--no-tls cannot be combined');
  });

  it('ships deploy/nats/nats-server.conf as the generator makes it', () => {
    const shipped = readFileSync(path.join(ROOT, 'deploy/nats/nats-server.conf'), 'utf8');
    const generated = execFileSync(
      process.execPath,
      [GENERATOR, '--regions', 'eu-west,us-east,ap-south', '--passwords', 'env'],
      { encoding: 'utf8' },
    );
    expect(shipped).toBe(generated);
  });

  it('runs a probe of A end to end with A credentials', async () => {
    const created = await rest('POST', '/monitors', {
      name: 'Only A',
      url: target.url,
      check_interval: 1,
      timeout: 2,
      regions: [A],
    });
    expect(created.status).toBe(201);
    monitorId = created.body.data.id;
    await waitFor(
      'monitor up',
      async () => (await rest('GET', `/monitors/${monitorId}`)).body.data.status === 'up',
      30_000,
      250,
    );
    const m = (await rest('GET', `/monitors/${monitorId}`)).body.data;
    expect(m.location_status).toEqual({ [A]: 'up' });
    expect(target.hits.get(A)).toBeGreaterThan(0);
    const checks = (await rest('GET', `/monitors/${monitorId}/checks?limit=5`)).body.data as Array<{
      region_results: Array<{ region: string; is_up?: boolean }>;
    }>;
    expect(checks.length).toBeGreaterThan(0);
    expect(checks[0].region_results.map((r) => r.region)).toEqual([A]);
    // The probe ran into no permission it lacks (e.g. on its reply inbox or the JetStream API):
    // every result was acknowledged by JetStream at the first attempt.
    expect(probe!.tail(400)).not.toMatch(/denied|Permissions Violation/i);
    const probeMetrics = await (await fetch(`http://127.0.0.1:${probeMetricsPort}/metrics`)).text();
    expect(Number(/^probe_results_published_total\{[^}]*\} (\d+)/m.exec(probeMetrics)?.[1] ?? 0)).toBeGreaterThan(0);
    expect(probeMetrics).not.toMatch(/^probe_results_publish_failures_total\{[^}]*\} [1-9]/m);
  });

  it('refuses a client without credentials', async () => {
    await expect(connect({ servers: nats!.url, reconnect: false })).rejects.toMatchObject({
      code: 'AUTHORIZATION_VIOLATION',
    });
    await expect(
      connect({ servers: nats!.url, user: aUser.user, pass: bUser.password, reconnect: false }),
    ).rejects.toMatchObject({ code: 'AUTHORIZATION_VIOLATION' });
  });

  it("does not let A's credentials read B's jobs", async () => {
    const a = await asA();
    const b = await as(bUser, names.probeInboxPrefix(B));
    const control = await as(cpUser);

    // B's own credentials may take B's jobs in B's queue group: the positive control.
    const bGot: string[] = [];
    b.nc.subscribe(names.jobs(B), { queue: names.jobsQueue(B), callback: (_err, msg) => bGot.push(msg.subject) });
    await b.nc.flush();

    const aGot: string[] = [];
    const attempts: Array<[string, string | undefined]> = [
      [names.jobs(B), names.jobsQueue(B)],
      [names.jobs(B), undefined],
      [names.jobs(B), names.jobsQueue(A)],
      [`${prefix}.jobs.*`, names.jobsQueue(A)],
      [`${prefix}.>`, undefined],
      ['>', undefined],
      // Its own region's jobs, but outside the queue group: it could not skim the region's jobs either.
      [names.jobs(A), undefined],
      [names.jobs(A), 'another-group'],
    ];
    const timers: NodeJS.Timeout[] = [];
    const errors = await Promise.all(
      attempts.map(([subject, queue]) => {
        const p = trySubscribe(a.nc, subject, queue, aGot);
        return Promise.race([p, new Promise<'no error'>((r) => timers.push(setTimeout(() => r('no error'), 5000)))]);
      }),
    );
    timers.forEach(clearTimeout);
    for (const [i, err] of errors.entries()) {
      const [subject, queue] = attempts[i];
      expect({ subject, queue, code: err === 'no error' ? err : err?.code }).toEqual({
        subject,
        queue,
        code: 'PERMISSIONS_VIOLATION',
      });
      expect((err as NatsError).message).toContain(`Permissions Violation for Subscription to "${subject}"`);
    }
    await waitFor(
      'every denial reported on the connection',
      () => a.denials.filter((d) => d.operation === 'subscription').length === attempts.length,
      5000,
    );
    expect(a.denials.filter((d) => d.operation === 'subscription').map((d) => d.subject)).toEqual(
      expect.arrayContaining([names.jobs(B), '>']),
    );

    // A job for B goes out (with the control plane's credentials): B gets it, A nothing.
    control.nc.publish(names.jobs(B), encode({ v: 1 } as never));
    await control.nc.flush();
    await waitFor('B receives its job', () => bGot.length === 1, 5000);
    await a.nc.flush();
    expect(aGot).toEqual([]);
    expect(a.nc.isClosed()).toBe(false); // a permission violation is reported, not fatal
  });

  it("answers MTR for A through A's probe, and does not let A's credentials take or answer B's tool requests", async () => {
    // The real probe of A answers its region's request (subscribe in its queue group, one reply allowed).
    const mtr = await rest('GET', `/monitors/${monitorId}/mtr?regions=${A}`);
    expect(mtr.status).toBe(200);
    expect(mtr.body.data.regions).toEqual([expect.objectContaining({ region: A, error: null })]);
    expect(mtr.body.data.regions[0].hops.length).toBeGreaterThan(0);
    expect(probe!.tail(400)).not.toMatch(/denied|Permissions Violation/i);

    const a = await asA();
    const attempts: Array<[string, string | undefined]> = [
      [names.tools(B), names.jobsQueue(B)],
      [names.tools(B), names.jobsQueue(A)],
      [names.tools(B), undefined],
      [names.toolsWildcard, names.jobsQueue(A)],
      [names.tools(A), undefined],
    ];
    const timers: NodeJS.Timeout[] = [];
    const errors = await Promise.all(
      attempts.map(([subject, queue]) =>
        Promise.race([
          trySubscribe(a.nc, subject, queue),
          new Promise<'no error'>((r) => timers.push(setTimeout(() => r('no error'), 5000))),
        ]),
      ),
    );
    timers.forEach(clearTimeout);
    for (const [i, err] of errors.entries()) {
      const [subject, queue] = attempts[i];
      expect({ subject, queue, code: err === 'no error' ? err : err?.code }).toEqual({
        subject,
        queue,
        code: 'PERMISSIONS_VIOLATION',
      });
    }
    // Nor may it publish to an inbox it got no request from (a forged answer for B).
    const control = await as(cpUser);
    const inbox = `_INBOX.forged.${uniqueName('x')}`;
    const got: string[] = [];
    control.nc.subscribe(inbox, { callback: (_err, msg) => got.push(msg.subject) });
    await control.nc.flush();
    a.nc.publish(inbox, encode({ v: 1, region: B } as never));
    a.nc.publish(names.tools(B), encode({ v: 1 } as never));
    await a.nc.flush();
    await waitFor(
      'both publishes denied',
      () =>
        a.denials.filter((d) => d.operation === 'publish' && (d.subject === inbox || d.subject === names.tools(B)))
          .length === 2,
      5000,
    );
    await control.nc.flush();
    expect(got).toEqual([]);
  });

  it("does not let A's credentials publish as B (results or presence)", async () => {
    const a = await asA();
    const control = await as(cpUser);
    const presence: string[] = [];
    control.nc.subscribe(names.presenceWildcard, { callback: (_err, msg) => presence.push(msg.subject) });
    await control.nc.flush();
    const jsm = await control.nc.jetstreamManager();
    // Each region's results stream (a work queue: stored results leave it) counts what it ever took.
    const taken = async (region: string) => (await jsm.streams.info(names.regionResultsStream(region))).state.last_seq;
    expect(await taken(A)).toBeGreaterThan(0); // the probe's own results went in
    const bBefore = await taken(B);

    const forged = forgedResult(monitorId, 1);

    // Core NATS publishes: the server reports the violation and drops the message.
    a.nc.publish(names.results(B), encode(forged));
    a.nc.publish(names.presence(B), encode({ v: 1, region: B } as never));
    // JetStream publish (with a reply inbox): rejected with the permission error, no ack.
    await expect(
      a.nc
        .jetstream()
        .publish(names.results(B), encode(forged), { msgID: resultMsgId(forged.job_id, B), timeout: 5000 }),
    ).rejects.toMatchObject({
      code: 'PERMISSIONS_VIOLATION',
    });
    // A marker on an allowed subject, after the denied ones on the same connection.
    a.nc.publish(names.presence(A), encode({ v: 1, marker: true } as never));
    await a.nc.flush();

    await waitFor('the marker reaches the control-plane subscriber', () => presence.includes(names.presence(A)), 5000);
    await waitFor('both denials reported', () => a.denials.filter((d) => d.operation === 'publish').length >= 3, 5000);
    expect(
      a.denials
        .filter((d) => d.operation === 'publish')
        .map((d) => d.subject)
        .sort(),
    ).toEqual([names.presence(B), names.results(B), names.results(B)].sort());
    expect(presence).not.toContain(names.presence(B));
    expect(await taken(B)).toBe(bBefore);
    expect(a.nc.isClosed()).toBe(false);
  });

  it("does not let A's credentials use the JetStream API or read other replies", async () => {
    const a = await asA();
    await expect(a.nc.jetstreamManager()).rejects.toMatchObject({ code: 'PERMISSIONS_VIOLATION' });
    for (const S of [names.regionResultsStream(A), names.regionResultsStream(B)]) {
      for (const subject of [
        `$JS.API.STREAM.INFO.${S}`,
        `$JS.API.STREAM.MSG.GET.${S}`,
        `$JS.API.DIRECT.GET.${S}`,
        `$JS.API.CONSUMER.CREATE.${S}`,
        `$JS.API.CONSUMER.MSG.NEXT.${S}.${names.resultsConsumer}`,
        `$JS.API.STREAM.PURGE.${S}`,
        `$JS.API.STREAM.DELETE.${S}`,
      ]) {
        await expect(a.nc.request(subject, encode({} as never), { timeout: 5000 })).rejects.toMatchObject({
          code: 'PERMISSIONS_VIOLATION',
        });
      }
    }
    // Nor listen to results on the wire, or to anyone else's replies.
    for (const subject of [
      names.resultsWildcard,
      names.results(B),
      names.presenceWildcard,
      '_INBOX.>',
      `${names.probeInboxPrefix(B)}.>`,
      '$JS.>',
    ]) {
      const err = await trySubscribe(a.nc, subject);
      expect({ subject, code: err?.code }).toEqual({ subject, code: 'PERMISSIONS_VIOLATION' });
    }
    // The streams and their consumers are intact.
    const control = await as(cpUser);
    const info = await (await control.nc.jetstreamManager()).streams.info(names.regionResultsStream(A));
    expect(info.state.last_seq).toBeGreaterThan(0);
  });

  it('refuses a result that A publishes on its own subject while claiming to be B', async () => {
    const a = await asA();
    const before = await refusedMismatches();
    const latest = (await rest('GET', `/monitors/${monitorId}/checks?limit=1`)).body.data[0] as { round: number };
    const round = latest.round + 2; // a round still to come, so a stored result would show up in it
    const forged = forgedResult(monitorId, round);
    // A may publish on A's subject, so NATS accepts it into the stream (the ack proves A's reply inbox works) ...
    const ack = await a.nc
      .jetstream()
      .publish(names.results(A), encode(forged), { msgID: resultMsgId(forged.job_id, B), timeout: 5000 });
    expect(ack.stream).toBe(names.regionResultsStream(A));
    // ... and the control plane refuses it.
    await waitFor('region_mismatch counted', async () => (await refusedMismatches()) === before + 1, 15_000, 200);
    await waitFor(
      'the forged round decided',
      async () => {
        const checks = (await rest('GET', `/monitors/${monitorId}/checks?limit=20`)).body.data as Array<{
          round: number;
        }>;
        return checks.some((c) => c.round >= round);
      },
      15_000,
      250,
    );
    const checks = (await rest('GET', `/monitors/${monitorId}/checks?limit=500`)).body.data as Array<{
      round: number;
      region_results: Array<{ region: string }>;
      response_ms_by_region: Record<string, number | null>;
    }>;
    expect(
      checks
        .flatMap((c) => [...c.region_results.map((r) => r.region), ...Object.keys(c.response_ms_by_region)])
        .filter((r) => r !== A),
    ).toEqual([]);
    expect((await rest('GET', `/monitors/${monitorId}`)).body.data.location_status).toEqual({ [A]: 'up' });
    const pg = new Client({ connectionString: db!.url });
    await pg.connect();
    try {
      const { rows } = await pg.query('SELECT count(*)::int AS n FROM check_results WHERE region = $1', [B]);
      expect(rows[0].n).toBe(0);
    } finally {
      await pg.end();
    }
    expect(await refusedMismatches()).toBe(before + 1);
  });

  it("does not let A suppress B's results by publishing B's message ids first (per-region de-duplication)", async () => {
    // The connections of the tests above leave (B's queue group member among them).
    await Promise.all(open.splice(0).map((nc) => nc.close().catch(() => undefined)));
    const metricsPort = await freePort();
    probeB = new Proc(`probe ${B}`, PROBE_MAIN, {
      REGION: B,
      NATS_URL: nats!.url,
      NATS_PREFIX: prefix,
      NATS_USER: bUser.user,
      NATS_PASS: bUser.password,
      ALLOW_PRIVATE_TARGETS: 'true',
      METRICS_PORT: String(metricsPort),
      PRESENCE_INTERVAL_MS: '1000',
      PROBE_WORKERS: '0',
      LOG_LEVEL: 'warn',
    });
    await waitFor(
      `region ${B} healthy`,
      async () => {
        const regions = (await rest('GET', '/regions')).body.data as Array<{
          id?: string;
          region?: string;
          healthy: boolean;
        }>;
        return regions?.some((r) => (r.id ?? r.region) === B && r.healthy);
      },
      30_000,
      250,
    );
    const created = await rest('POST', '/monitors', {
      name: 'A and B',
      url: target.url,
      check_interval: 1,
      timeout: 2,
      regions: [A, B],
    });
    expect(created.status).toBe(201);
    const id = created.body.data.id;
    await waitFor(
      'both regions answered',
      async () => {
        const checks = (await rest('GET', `/monitors/${id}/checks?limit=1`)).body.data as Array<{
          regions_checked: number;
        }>;
        return checks[0]?.regions_checked === 2;
      },
      30_000,
      250,
    );
    const latest = (await rest('GET', `/monitors/${id}/checks?limit=1`)).body.data[0] as { round: number };
    const a = await asA();
    const js = a.nc.jetstream();
    const rounds = Array.from({ length: 6 }, (_, i) => latest.round + 2 + i); // rounds still to come
    const mismatchesBefore = await refused('msg_id_mismatch');
    for (const round of rounds) {
      const job = jobId(id, round);
      // The ids B's result could have: the old untagged form and guessed tags. A may publish
      // on its own subject, so the stream accepts them (and, by id, would drop B's result) ...
      for (const msgID of [
        resultMsgId(job, B),
        resultMsgId(job, B, 'AAAAAAAAAAAAAAAAAAAAAA'),
        resultMsgId(job, A, 'x'),
      ]) {
        const ack = await js.publish(names.results(A), encode({ ...forgedResult(id, round), region: A }), {
          msgID,
          timeout: 5000,
        });
        expect(ack.duplicate).toBe(false);
      }
    }
    await waitFor(
      'the attacked rounds decided',
      async () => {
        const checks = (await rest('GET', `/monitors/${id}/checks?limit=20`)).body.data as Array<{ round: number }>;
        return checks.some((c) => c.round >= rounds[rounds.length - 1]);
      },
      30_000,
      250,
    );
    // ... but B's real results were stored for every attacked round ...
    const pg = new Client({ connectionString: db!.url });
    await pg.connect();
    try {
      const { rows } = await pg.query(
        `SELECT round::int, region, probe_id FROM check_results WHERE monitor_id = $1 AND round = ANY($2::bigint[]) ORDER BY round, region`,
        [id, rounds],
      );
      expect(rows.filter((r) => r.region === B).map((r) => r.round)).toEqual(rounds);
      expect(rows.some((r) => r.probe_id === 'impostor')).toBe(false);
    } finally {
      await pg.end();
    }
    // ... and each forgery was refused: its id is not the one its job and subject call for.
    await waitFor(
      'forgeries refused',
      async () => (await refused('msg_id_mismatch')) === mismatchesBefore + rounds.length * 3,
      15_000,
      200,
    );
    expect((await rest('GET', `/monitors/${id}`)).body.data.location_status).toEqual({ [A]: 'up', [B]: 'up' });
  });

  it("does not let A's credentials take over B's probe by announcing its id, alive and then leaving (presence keyed by region)", async () => {
    const pg = new Client({ connectionString: db!.url });
    await pg.connect();
    try {
      // B's probe id, as an operator sees it (tenants do not): the one that stored B's results.
      const bProbe = (await pg.query(`SELECT probe_id FROM check_results WHERE region = $1 LIMIT 1`, [B])).rows[0]
        .probe_id as string;
      const a = await asA();
      const forged = (leaving: boolean) =>
        encode({
          v: 1,
          region: A,
          probe_id: bProbe,
          version: 'evil',
          in_flight: 0,
          queued: 0,
          capacity: 1,
          started_at: new Date().toISOString(),
          sent_at: new Date().toISOString(),
          ...(leaving ? { leaving: true } : {}),
        } as never);
      // A may publish presence on its own subject only: that is where the forgery goes.
      a.nc.publish(names.presence(A), forged(false));
      a.nc.publish(names.presence(A), forged(true));
      await a.nc.flush();
      await waitFor(
        'the forged row stored under A',
        async () =>
          (await pg.query(`SELECT 1 FROM probes WHERE region = $1 AND probe_id = $2 AND leaving`, [A, bProbe])).rows
            .length === 1,
        15_000,
        100,
      );
      // The forgery is a row of its own under A: B's probe stays in B, not leaving, with its own version.
      const rows = (
        await pg.query(
          `SELECT region, leaving, version <> 'evil' AS own_version FROM probes WHERE probe_id = $1 ORDER BY region = $2`,
          [bProbe, A],
        )
      ).rows;
      expect(rows).toEqual([
        { region: B, leaving: false, own_version: true },
        { region: A, leaving: true, own_version: false },
      ]);
      const regions = (await rest('GET', '/regions')).body.data as Array<{
        id?: string;
        region?: string;
        healthy: boolean;
        receiving_jobs: boolean;
      }>;
      expect(regions.find((r) => (r.id ?? r.region) === B)).toMatchObject({ healthy: true, receiving_jobs: true });
      // B keeps getting jobs: a monitor of B alone is checked by B's probe after the forgery.
      const since = new Date();
      const m = await rest('POST', '/monitors', {
        name: 'B only',
        url: target.url,
        check_interval: 1,
        timeout: 2,
        regions: [B],
      });
      expect(m.status).toBe(201);
      await waitFor(
        'B checks after the forgery',
        async () =>
          (
            await pg.query(
              `SELECT 1 FROM check_results WHERE monitor_id = $1 AND region = $2 AND probe_id = $3 AND received_at > $4`,
              [m.body.data.id, B, bProbe, since],
            )
          ).rows.length > 0,
        30_000,
        250,
      );
    } finally {
      await pg.end();
    }
  });
});

/**
 * The same configuration with a `tls {}` block (generated with --tls-cert/--tls-key), a
 * private CA, and a real probe of A that trusts it through NATS_TLS_CA.
 */
describe('least-privilege NATS credentials over TLS', () => {
  const prefix = uniqueName('t_lptls');
  const names = natsNames(prefix);
  const dir = mkdtempSync(path.join(tmpdir(), 'parallax-lptls-'));
  const file = (name: string) => path.join(dir, name);
  const open: NatsConnection[] = [];
  let nats: PrivateNatsServer | undefined;
  let probe: Proc | undefined;
  let users: GeneratedUser[] = [];

  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe', cwd: dir });

  beforeAll(async () => {
    const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
    openssl(
      'req',
      '-x509',
      ...ec,
      '-keyout',
      'ca.key',
      '-out',
      'ca.crt',
      '-days',
      '1',
      '-subj',
      '/CN=parallax-test-ca',
    );
    openssl('req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1');
    writeFileSync(file('san.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
    openssl(
      'x509',
      '-req',
      '-in',
      'server.csr',
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'server.crt',
      '-days',
      '1',
      '-extfile',
      'san.ext',
    );
    execFileSync(
      process.execPath,
      [
        GENERATOR,
        '--prefix',
        prefix,
        '--regions',
        `${A},${B}`,
        '--out',
        dir,
        '--store-dir',
        file('jetstream'),
        '--tls-cert',
        file('server.crt'),
        '--tls-key',
        file('server.key'),
      ],
      { stdio: 'pipe' },
    );
    users = JSON.parse(readFileSync(file('users.json'), 'utf8')) as GeneratedUser[];
    const cpUser = users.find((u) => u.role === 'control-plane')!;
    nats = new PrivateNatsServer(await freePort(), {
      configFile: file('nats-server.conf'),
      user: cpUser.user,
      pass: cpUser.password,
      connectOptions: { tls: { caFile: file('ca.crt') } },
    });
    await nats.start();
  });

  afterAll(async () => {
    await Promise.all(open.map((nc) => nc.close().catch(() => undefined)));
    await probe?.stop();
    await nats?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves only TLS clients that trust its CA', async () => {
    expect(readFileSync(file('nats-server.conf'), 'utf8')).toMatch(/^tls \{$/m);
    const aUser = users.find((u) => u.region === A)!;
    // Without the CA the server certificate is refused.
    await expect(
      connect({ servers: nats!.url, user: aUser.user, pass: aUser.password, reconnect: false, timeout: 3000 }),
    ).rejects.toThrow(/certificate|self.signed|issuer/i);
    // A nats.js client without any tls option (like the control plane) trusts it through NODE_EXTRA_CA_CERTS.
    const script = `require('nats').connect({ servers: ${JSON.stringify(nats!.url)}, user: ${JSON.stringify(aUser.user)}, pass: ${JSON.stringify(aUser.password)}, reconnect: false })
      .then(async (nc) => { const tls = nc.info.tls_required; await nc.close(); console.log('connected tls=' + tls); }, (e) => { console.log('failed ' + e.message); process.exitCode = 1; })`;
    const run = spawnSync(process.execPath, ['-e', script], {
      cwd: ROOT,
      env: inheritedEnv({ NODE_EXTRA_CA_CERTS: file('ca.crt') }),
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.stdout.trim()).toBe('connected tls=true');
  });

  it('runs a probe of A over TLS with NATS_TLS_CA and A credentials', async () => {
    const aUser = users.find((u) => u.region === A)!;
    const cpUser = users.find((u) => u.role === 'control-plane')!;
    const control = await connect({
      servers: nats!.url,
      user: cpUser.user,
      pass: cpUser.password,
      tls: { caFile: file('ca.crt') },
      reconnect: false,
    });
    open.push(control);
    const presence: string[] = [];
    control.subscribe(names.presenceWildcard, { callback: (_err, msg) => presence.push(msg.subject) });
    await control.flush();
    const metricsPort = await freePort();
    const p = new Proc(`probe ${A} (tls)`, PROBE_MAIN, {
      REGION: A,
      NATS_URL: `tls://127.0.0.1:${nats!.port}`,
      NATS_PREFIX: prefix,
      NATS_USER: aUser.user,
      NATS_PASS: aUser.password,
      NATS_TLS_CA: file('ca.crt'),
      METRICS_PORT: String(metricsPort),
      PRESENCE_INTERVAL_MS: '500',
      PROBE_WORKERS: '0',
      LOG_LEVEL: 'warn',
    });
    probe = p;
    await waitFor(
      'probe ready over TLS',
      async () => {
        if (!p.alive) throw new Error(`probe exited:\n${p.tail()}`);
        return (await fetch(`http://127.0.0.1:${metricsPort}/health/ready`)).status === 200;
      },
      30_000,
      200,
    );
    await waitFor(`presence of ${A}`, () => presence.includes(names.presence(A)), 10_000);
    expect(p.tail(400)).not.toMatch(/denied|Permissions Violation|cannot connect/i);
  });
});
