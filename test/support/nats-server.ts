import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connect, type ConnectionOptions } from 'nats';
import { waitFor } from '@parallax/testing';
import { freePort } from './processes';

export const NATS_SERVER_BIN = '/usr/sbin/nats-server';

export interface PrivateNatsServerOptions {
  /**
   * A nats-server configuration file (`-c`) that enables JetStream with its own `store_dir`
   * (e.g. from deploy/nats/gen-accounts.js --store-dir); host and port below override its own.
   */
  configFile?: string;
  /** Credentials for the readiness check when the configuration requires authentication. */
  user?: string;
  pass?: string;
  /** Extra connection options for the readiness check (e.g. `tls` when the configuration requires it). */
  connectOptions?: Partial<ConnectionOptions>;
}

/** A private nats-server with JetStream (file store in a temp dir) that a test can stop and restart. */
export class PrivateNatsServer {
  private child?: ChildProcess;
  private readonly output: string[] = [];
  readonly storeDir = mkdtempSync(path.join(tmpdir(), 'parallax-nats-'));

  constructor(
    readonly port: number,
    private readonly options: PrivateNatsServerOptions = {},
  ) {}

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  /** The server's last log lines (it logs to stderr), for diagnosis. */
  tail(lines = 40): string {
    return this.output.join('').split('\n').slice(-lines).join('\n');
  }

  async start(): Promise<void> {
    // nats-server refuses -sd next to a configuration's own store_dir.
    const jetstream = this.options.configFile ? ['-c', this.options.configFile] : ['-js', '-sd', this.storeDir];
    const child = spawn(NATS_SERVER_BIN, [...jetstream, '-a', '127.0.0.1', '-p', String(this.port)], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    this.child = child;
    child.stderr!.on('data', (chunk: Buffer) => {
      this.output.push(chunk.toString());
      if (this.output.length > 200) this.output.splice(0, this.output.length - 200);
    });
    const { user, pass, connectOptions } = this.options;
    await waitFor(
      'nats-server accepting connections',
      async () => {
        if (child.exitCode !== null) throw new Error(`nats-server exited with ${child.exitCode}:\n${this.tail()}`);
        const nc = await connect({ servers: this.url, timeout: 500, reconnect: false, user, pass, ...connectOptions });
        await nc.jetstreamManager();
        await nc.close();
        return true;
      },
      15_000,
      100,
    );
  }

  /** SIGSTOP: the server stops answering (connections stay open), as a hung broker would. */
  pause(): void {
    this.child?.kill('SIGSTOP');
  }

  /** SIGCONT after pause(). */
  resume(): void {
    this.child?.kill('SIGCONT');
  }

  /** SIGKILL: the broker dies without a clean shutdown (the file store stays). */
  async kill9(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.storeDir, { recursive: true, force: true });
  }
}

/**
 * A NATS cluster of `size` nats-server processes on loopback: each with its own client
 * port, cluster (route) port, JetStream store dir and configuration file, routes to every
 * other node. Clients get every node's URL (`urls`) and fail over by themselves.
 */
export class NatsCluster {
  readonly nodes: PrivateNatsServer[] = [];
  private readonly dir = mkdtempSync(path.join(tmpdir(), 'parallax-nats-cluster-'));

  private constructor(private readonly size: number) {}

  /** Starts the nodes together (JetStream needs a majority of them to elect its leader). */
  static async start(size = 3, name = 'parallax-test'): Promise<NatsCluster> {
    const c = new NatsCluster(size);
    const ports: number[] = [];
    const routes: number[] = [];
    for (let i = 0; i < size; i++) {
      ports.push(await freePort());
      routes.push(await freePort());
    }
    for (let i = 0; i < size; i++) {
      const file = path.join(c.dir, `n${i + 1}.conf`);
      writeFileSync(
        file,
        [
          `server_name: n${i + 1}`,
          `jetstream { store_dir: "${path.join(c.dir, `n${i + 1}`)}", max_memory_store: 64MB, max_file_store: 8GB }`,
          `cluster {`,
          `  name: ${name}`,
          `  listen: 127.0.0.1:${routes[i]}`,
          `  routes: [${routes
            .filter((_, j) => j !== i)
            .map((p) => `nats-route://127.0.0.1:${p}`)
            .join(', ')}]`,
          `}`,
        ].join('\n') + '\n',
      );
      c.nodes.push(new PrivateNatsServer(ports[i], { configFile: file }));
    }
    await Promise.all(c.nodes.map((n) => n.start()));
    await waitFor(
      'JetStream meta leader elected',
      async () => {
        const nc = await connect({ servers: c.urls, timeout: 1000, reconnect: false });
        try {
          const info = await (await nc.jetstreamManager()).getAccountInfo();
          return info !== undefined;
        } finally {
          await nc.close();
        }
      },
      30_000,
      200,
    );
    return c;
  }

  /** Every node's client URL. */
  get urls(): string[] {
    return this.nodes.map((n) => n.url);
  }

  /** `nats://…,nats://…,nats://…` as the apps' NATS_URL takes it. */
  get url(): string {
    return this.urls.join(',');
  }

  tail(lines = 20): string {
    return this.nodes.map((n, i) => `--- n${i + 1}\n${n.tail(lines)}`).join('\n');
  }

  async dispose(): Promise<void> {
    await Promise.all(this.nodes.map((n) => n.dispose()));
    rmSync(this.dir, { recursive: true, force: true });
  }
}
