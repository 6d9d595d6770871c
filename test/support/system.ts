import { call, createDatabase, deleteNatsPrefix, signup, TEST_NATS_URL, uniqueName, waitFor } from '@parallax/testing';
import { CONTROL_PLANE_MAIN, freePort, Proc, PROBE_MAIN } from './processes';

export const REGIONS = ['eu-west', 'us-east', 'ap-south'];

/**
 * The whole system as real processes for an end-to-end test: the built control plane
 * and one probe process per region, on their own database and NATS prefix.
 */
export class LocalSystem {
  cp?: Proc;
  readonly probes: Proc[] = [];
  /** Metrics port of each probe, in REGIONS order. */
  readonly probePorts: number[] = [];
  api = '';
  key = '';
  private port = 0;
  private prefix = uniqueName('t_e2e');
  private db?: Awaited<ReturnType<typeof createDatabase>>;

  constructor(private readonly natsUrl: string = TEST_NATS_URL) {}

  async start(): Promise<void> {
    this.db = await createDatabase('t_e2e');
    this.port = await freePort();
    this.api = `http://127.0.0.1:${this.port}/api/v1`;
    await this.startControlPlane();
    for (const region of REGIONS) {
      const metricsPort = await freePort();
      this.probePorts.push(metricsPort);
      this.probes.push(
        new Proc(`probe ${region}`, PROBE_MAIN, {
          REGION: region,
          NATS_URL: this.natsUrl,
          NATS_PREFIX: this.prefix,
          ALLOW_PRIVATE_TARGETS: 'true',
          METRICS_PORT: String(metricsPort),
          PRESENCE_INTERVAL_MS: '1000',
          PROBE_CONCURRENCY: '16',
          LOG_LEVEL: 'warn',
        }),
      );
    }
    this.key = (await signup(this.api)).key;
    await waitFor('three healthy regions', async () => (await this.call('GET', '/regions')).body.data?.every((r: { healthy: boolean }) => r.healthy), 30_000, 250);
  }

  /** Starts (or starts again) the control plane and waits until it is ready. */
  async startControlPlane(): Promise<void> {
    const p = new Proc('control-plane', CONTROL_PLANE_MAIN, {
      PORT: String(this.port),
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
    });
    this.cp = p;
    await waitFor('control plane ready', async () => {
      if (!p.alive) throw new Error(`control plane exited:\n${p.tail()}`);
      return (await fetch(`http://127.0.0.1:${this.port}/health/ready`)).status === 200;
    }, 30_000, 200);
  }

  call(method: string, path: string, body?: unknown) {
    return call(this.api, this.key, method, path, body);
  }

  async monitor(id: string) {
    return (await this.call('GET', `/monitors/${id}`)).body.data;
  }

  async incidents(monitorId: string): Promise<any[]> {
    return (await this.call('GET', `/incidents?monitor_id=${monitorId}`)).body.data;
  }

  async stop(): Promise<void> {
    await Promise.all(this.probes.map((p) => p.stop()));
    await this.cp?.stop();
    await deleteNatsPrefix(this.prefix, this.natsUrl).catch(() => undefined);
    await this.db?.drop();
  }
}
