import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { childEnv } from '@parallax/testing';

export const ROOT = path.resolve(__dirname, '../..');
export const CONTROL_PLANE_MAIN = path.join(ROOT, 'apps/control-plane/dist/main.js');
export const PROBE_MAIN = path.join(ROOT, 'apps/probe/dist/main.js');

/**
 * A real child process (built app) whose output is kept for diagnosis: its last 400 chunks, or
 * with `keepAllOutput` every byte of stdout and stderr (the log-leak test greps all of it).
 */
export class Proc {
  readonly output: string[] = [];
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;

  constructor(
    readonly name: string,
    script: string,
    env: Record<string, string>,
    options: { keepAllOutput?: boolean } = {},
  ) {
    this.child = spawn(process.execPath, [script], { env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer) => {
      this.output.push(chunk.toString());
      if (!options.keepAllOutput && this.output.length > 400) this.output.splice(0, this.output.length - 400);
    };
    this.child.stdout!.on('data', keep);
    this.child.stderr!.on('data', keep);
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Everything kept of stdout and stderr (all of it with `keepAllOutput`). */
  allOutput(): string {
    return this.output.join('');
  }

  tail(lines = 40): string {
    return this.output.join('').split('\n').slice(-lines).join('\n');
  }

  /** SIGTERM, then SIGKILL after `graceMs`. */
  async stop(graceMs = 10_000): Promise<number | null> {
    if (!this.alive) return this.child.exitCode;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    const code = await this.exited;
    clearTimeout(timer);
    return code;
  }

  async kill9(): Promise<void> {
    if (!this.alive) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}
