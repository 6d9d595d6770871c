import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connect } from 'nats';
import { waitFor } from '@parallax/testing';

export const NATS_SERVER_BIN = '/usr/sbin/nats-server';

/** A private nats-server with JetStream (file store in a temp dir) that a test can stop and restart. */
export class PrivateNatsServer {
  private child?: ChildProcess;
  readonly storeDir = mkdtempSync(path.join(tmpdir(), 'parallax-nats-'));

  constructor(readonly port: number) {}

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.child = spawn(NATS_SERVER_BIN, ['-a', '127.0.0.1', '-p', String(this.port), '-js', '-sd', this.storeDir], { stdio: 'ignore' });
    await waitFor('nats-server accepting connections', async () => {
      const nc = await connect({ servers: this.url, timeout: 500, reconnect: false });
      await nc.jetstreamManager();
      await nc.close();
      return true;
    }, 15_000, 100);
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.storeDir, { recursive: true, force: true });
  }
}
