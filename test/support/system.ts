import { connect } from 'nats';
import { natsNames } from '@parallax/contracts';
import { call, createDatabase, deleteNatsPrefix, signup, TEST_NATS_URL, uniqueName, waitFor } from '@parallax/testing';
import { CONTROL_PLANE_MAIN, freePort, Proc, PROBE_MAIN } from './processes';

export const REGIONS = ['eu-west', 'us-east', 'ap-south'];

export interface LocalSystemOptions {
  /** NATS with JetStream the apps use (default: the tests' NATS). */
  natsUrl?: string;
  /** Control-plane replicas sharing the database and NATS prefix, each on its own port (default 1). */
  controlPlanes?: number;
  /** Extra environment for every control-plane replica (e.g. plan limits, rate limit). */
  controlPlaneEnv?: Record<string, string>;
  /** Extra environment for every probe (e.g. NODE_EXTRA_CA_CERTS for a test CA). */
  probeEnv?: Record<string, string>;
  /** Extra environment for one region's probe (e.g. a clock offset), over `probeEnv`. */
  probeEnvByRegion?: Record<string, Record<string, string>>;
  /** Keep every byte each process writes (default: the last 400 chunks). */
  keepAllOutput?: boolean;
  /** How long a control-plane replica may take to become ready (default 90 s; a NATS cluster creates replicated streams slowly on a loaded machine). */
  controlPlaneReadyMs?: number;
}

/**
 * The whole system as real processes for an end-to-end test: the built control plane
 * (one or more replicas) and one probe process per region, on their own database and
 * NATS prefix. `cp`, `api` and `call` address replica 0; `cps[i]`, `apis[i]` and
 * `callOn(i, …)` any replica.
 */
export class LocalSystem {
  /** Control-plane processes by replica index (the latest process of each). */
  readonly cps: (Proc | undefined)[] = [];
  /** API base URL of each replica (`http://127.0.0.1:<port>/api/v1`). */
  readonly apis: string[] = [];
  readonly probes: Proc[] = [];
  /** Metrics port of each probe, in REGIONS order. */
  readonly probePorts: number[] = [];
  /** The environment each probe was started with, in REGIONS order. */
  private readonly probeEnvs: Record<string, string>[] = [];
  key = '';
  readonly natsUrl: string;
  readonly prefix = uniqueName('t_e2e');
  private readonly replicas: number;
  private readonly cpEnv: Record<string, string>;
  private readonly probeEnv: Record<string, string>;
  private readonly probeEnvByRegion: Record<string, Record<string, string>>;
  private readonly readyMs: number;
  private readonly ports: number[] = [];
  private readonly keepAllOutput: boolean;
  /** Every control-plane and probe process started, restarted ones included (for whole-run log checks). */
  readonly allProcs: Proc[] = [];
  private db?: Awaited<ReturnType<typeof createDatabase>>;

  /** `new LocalSystem()`, `new LocalSystem(natsUrl)` or `new LocalSystem({ natsUrl, controlPlanes, controlPlaneEnv })`. */
  constructor(options: string | LocalSystemOptions = {}) {
    const o = typeof options === 'string' ? { natsUrl: options } : options;
    this.natsUrl = o.natsUrl ?? TEST_NATS_URL;
    this.replicas = o.controlPlanes ?? 1;
    this.cpEnv = o.controlPlaneEnv ?? {};
    this.probeEnv = o.probeEnv ?? {};
    this.probeEnvByRegion = o.probeEnvByRegion ?? {};
    this.keepAllOutput = o.keepAllOutput ?? false;
    this.readyMs = o.controlPlaneReadyMs ?? 90_000; // generous: boot (migrations check, NATS, streams) on a loaded 2-core machine
  }

  /** Replica 0's process. */
  get cp(): Proc | undefined {
    return this.cps[0];
  }

  /** Replica 0's API base URL. */
  get api(): string {
    return this.apis[0] ?? '';
  }

  /** The suite's database URL (for read-only assertions). */
  get databaseUrl(): string {
    return this.db!.url;
  }

  async start(): Promise<void> {
    this.db = await createDatabase('t_e2e');
    for (let i = 0; i < this.replicas; i++) {
      this.ports.push(await freePort());
      this.apis.push(`http://127.0.0.1:${this.ports[i]}/api/v1`);
    }
    // Replicas start together, as a Deployment's pods do (migrations serialise on a lock).
    await Promise.all(this.ports.map((_, i) => this.startControlPlane(i)));
    for (const region of REGIONS) {
      const metricsPort = await freePort();
      this.probePorts.push(metricsPort);
      this.probeEnvs.push({
        REGION: region,
        NATS_URL: this.natsUrl,
        NATS_PREFIX: this.prefix,
        ALLOW_PRIVATE_TARGETS: 'true',
        METRICS_PORT: String(metricsPort),
        PRESENCE_INTERVAL_MS: '1000',
        PROBE_CONCURRENCY: '16',
        LOG_LEVEL: 'warn',
        ...this.probeEnv,
        ...this.probeEnvByRegion[region],
      });
      this.probes.push(
        this.track(
          new Proc(`probe ${region}`, PROBE_MAIN, this.probeEnvs[this.probeEnvs.length - 1], {
            keepAllOutput: this.keepAllOutput,
          }),
        ),
      );
    }
    this.key = (await signup(this.api)).key;
    await waitFor(
      'three healthy regions',
      async () => (await this.call('GET', '/regions')).body.data?.every((r: { healthy: boolean }) => r.healthy),
      30_000,
      250,
    );
  }

  /** Starts (or starts again) control-plane replica `index` on its port and waits until it is ready. */
  async startControlPlane(index = 0): Promise<void> {
    const port = this.ports[index];
    if (port === undefined) throw new Error(`no control-plane replica ${index} (controlPlanes: ${this.replicas})`);
    const p = new Proc(
      this.replicas > 1 ? `control-plane ${index}` : 'control-plane',
      CONTROL_PLANE_MAIN,
      {
        PORT: String(port),
        DATABASE_URL: this.db!.url,
        NATS_URL: this.natsUrl,
        NATS_PREFIX: this.prefix,
        REGIONS: REGIONS.join(','),
        JWT_SECRET: 'e2e-secret-e2e-secret',
        ALLOW_PRIVATE_TARGETS: 'true',
        MIN_INTERVAL_SECONDS: '1',
        ROUND_GRACE_SECONDS: '2',
        SCHEDULER_TICK_MS: '100',
        LOG_LEVEL: 'warn',
        ...this.cpEnv,
      },
      { keepAllOutput: this.keepAllOutput },
    );
    this.track(p);
    this.cps[index] = p;
    await waitFor(
      `control plane ${index} ready`,
      async () => {
        if (!p.alive) throw new Error(`control plane ${index} exited:\n${p.tail()}`);
        return (await fetch(`http://127.0.0.1:${port}/health/ready`)).status === 200;
      },
      this.readyMs,
      200,
    );
  }

  /** Starts probe `index` (REGIONS order) again after it stopped, with its environment plus `extraEnv`. */
  restartProbe(index: number, extraEnv: Record<string, string> = {}): Proc {
    const p = this.track(
      new Proc(
        `probe ${REGIONS[index]}`,
        PROBE_MAIN,
        { ...this.probeEnvs[index], ...extraEnv },
        { keepAllOutput: this.keepAllOutput },
      ),
    );
    this.probes[index] = p;
    return p;
  }

  private track(p: Proc): Proc {
    this.allProcs.push(p);
    return p;
  }

  /** The text of replica `index`'s /metrics. */
  async metrics(index = 0): Promise<string> {
    const url = `http://127.0.0.1:${this.ports[index]}/metrics`;
    // Once more on a socket error: a kept-alive connection the server closed as it was reused.
    return (await fetch(url).catch(() => fetch(url))).text();
  }

  /** The text of probe `index`'s /metrics (REGIONS order). */
  async probeMetrics(index: number): Promise<string> {
    const url = `http://127.0.0.1:${this.probePorts[index]}/metrics`;
    return (await fetch(url).catch(() => fetch(url))).text();
  }

  /**
   * Results the probes have published so far, summed over the regions' results streams (each
   * stream's last sequence: it counts what was stored, whether or not ingestion took it since).
   */
  async resultsPublished(): Promise<number> {
    const nc = await connect({ servers: this.natsUrl });
    try {
      const jsm = await nc.jetstreamManager();
      const names = natsNames(this.prefix);
      const infos = await Promise.all(REGIONS.map((region) => jsm.streams.info(names.regionResultsStream(region))));
      return infos.reduce((sum, info) => sum + info.state.last_seq, 0);
    } finally {
      await nc.close();
    }
  }

  call(method: string, path: string, body?: unknown) {
    return call(this.api, this.key, method, path, body);
  }

  callOn(index: number, method: string, path: string, body?: unknown) {
    return call(this.apis[index], this.key, method, path, body);
  }

  async monitor(id: string) {
    return (await this.call('GET', `/monitors/${id}`)).body.data;
  }

  /** The monitor's outage (automatic) incidents; a region failing for a while also opens a regional one (decisions/regional-incident.ts). */
  async incidents(monitorId: string): Promise<any[]> {
    return (await this.call('GET', `/incidents?monitor_id=${monitorId}&type=automatic`)).body.data;
  }

  async stop(): Promise<void> {
    await Promise.all(this.probes.map((p) => p.stop()));
    await Promise.all(this.cps.map((p) => p?.stop()));
    await deleteNatsPrefix(this.prefix, this.natsUrl).catch(() => undefined);
    await this.db?.drop();
  }
}
