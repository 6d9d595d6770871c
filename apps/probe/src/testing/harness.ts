/**
 * Helpers for the probe's integration tests: real NATS (JetStream), real HTTP targets
 * and the built probe spawned as a child process. Not part of the build.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import {
  connect,
  nanos,
  StorageType,
  type ConsumerMessages,
  type JsMsg,
  type NatsConnection,
  type Subscription,
} from 'nats';
import {
  encode,
  httpCheckSpec,
  jobId,
  natsNames,
  parsePresence,
  parseResult,
  type HttpCheckSpec,
  type JobV1,
  type NatsNames,
  type PresenceV1,
  type ResultV1,
} from '@parallax/contracts';
import { childEnv, TEST_NATS_URL, waitFor } from '@parallax/testing';

export { waitFor } from '@parallax/testing';
export const REPO_ROOT = join(__dirname, '..', '..', '..', '..');
export const PROBE_MAIN = join(REPO_ROOT, 'apps', 'probe', 'dist', 'main.js');

/** Builds the probe once if its dist is missing (CI builds before jest). */
export function ensureBuilt(): void {
  if (existsSync(PROBE_MAIN)) return;
  const r = spawnSync('npx', ['tsc', '-b', 'apps/probe/tsconfig.app.json'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (r.status !== 0 || !existsSync(PROBE_MAIN)) throw new Error(`cannot build the probe (${PROBE_MAIN})`);
}

// ---------------------------------------------------------------- NATS / JetStream

export interface Bus {
  nc: NatsConnection;
  prefix: string;
  names: NatsNames;
  /** Every result that reached the stream, with its Nats-Msg-Id. */
  results: Array<{ msgId: string | undefined; subject: string; result: ResultV1 }>;
  publishJob(job: JobV1, subject?: string): Promise<void>;
  publishRaw(subject: string, payload: Uint8Array | string): Promise<void>;
  /** Creates the results stream and starts reading it (when started with `{ stream: false }`). */
  createStream(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Connects, creates this suite's results stream (as the control plane would) and reads it.
 * With `{ stream: false }` the stream is created later by `createStream()`.
 */
export async function startBus(opts: { stream?: boolean } = {}): Promise<Bus> {
  const prefix = `t_probe_${randomBytes(4).toString('hex')}`;
  const names = natsNames(prefix);
  const nc = await connect({ servers: TEST_NATS_URL, name: `probe-test ${prefix}` });
  const jsm = await nc.jetstreamManager();
  const results: Bus['results'] = [];
  let messages: ConsumerMessages | null = null;

  const createStream = async () => {
    await jsm.streams.add({
      name: names.resultsStream,
      subjects: [names.resultsWildcard],
      storage: StorageType.File,
      max_age: nanos(10 * 60_000),
      duplicate_window: nanos(120_000),
    });
    const consumer = await nc.jetstream().consumers.get(names.resultsStream);
    const iter = await consumer.consume();
    messages = iter;
    void (async () => {
      for await (const m of iter as AsyncIterable<JsMsg>) {
        const parsed = parseResult(m.data);
        if (!parsed.ok) throw new Error(`invalid result on the stream: ${parsed.error}`);
        results.push({ msgId: m.headers?.get('Nats-Msg-Id'), subject: m.subject, result: parsed.value });
      }
    })();
  };
  if (opts.stream !== false) await createStream();

  return {
    nc,
    prefix,
    names,
    results,
    createStream,
    async publishJob(job, subject = names.jobs(job.region)) {
      nc.publish(subject, encode(job));
      await nc.flush();
    },
    async publishRaw(subject, payload) {
      nc.publish(subject, typeof payload === 'string' ? Buffer.from(payload) : payload);
      await nc.flush();
    },
    async close() {
      await messages?.close().catch(() => undefined);
      await jsm.streams.delete(names.resultsStream).catch(() => undefined);
      await nc.drain().catch(() => undefined);
    },
  };
}

/** Collects every valid presence message on `subject` into `into` until the subscription ends. */
export function collectPresence(nc: NatsConnection, subject: string, into: PresenceV1[]): Subscription {
  return nc.subscribe(subject, {
    callback: (_e, m) => {
      const p = parsePresence(m.data);
      if (p.ok) into.push(p.value);
    },
  });
}

let round = 0;

/** A job for `url`; `id` makes the monitor id (and thus the job id) unique. */
export function makeJob(
  region: string,
  url: string,
  overrides: Omit<Partial<JobV1>, 'check'> & { check?: Partial<HttpCheckSpec> } = {},
): JobV1 {
  round++;
  const monitorId = overrides.monitor_id ?? `mon_${randomBytes(6).toString('hex')}`;
  const r = overrides.round ?? round;
  const { check, ...rest } = overrides;
  return {
    v: 1,
    job_id: jobId(monitorId, r),
    monitor_id: monitorId,
    round: r,
    region,
    scheduled_at: new Date().toISOString(),
    deadline: Date.now() + 60_000,
    ...rest,
    check: httpCheckSpec(url, check),
  };
}

// ---------------------------------------------------------------- HTTP target

export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
}

export interface Target {
  url: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

/**
 * A local HTTP target. Paths: `/ok` → 200 "OK"; `/slow/<ms>` answers after ms;
 * `/status/<code>`; anything else 200. Every request is recorded.
 */
export async function startTarget(): Promise<Target> {
  const seen: SeenRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const flakyCounts = new Map<string, number>();
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    seen.push({ method: req.method ?? 'GET', path, headers: req.headers });
    req.resume();
    const answer = (code = 200, body = 'OK') => {
      res.writeHead(code, { 'content-type': 'text/plain', connection: 'close' });
      res.end(body);
    };
    const slow = /^\/slow\/(\d+)/.exec(path);
    const status = /^\/status\/(\d{3})/.exec(path);
    // `/flaky/<n>/<key>`: 503 for the first n requests of that path, then 200.
    const flaky = /^\/flaky\/(\d+)\//.exec(path);
    if (flaky) {
      const n = (flakyCounts.get(path) ?? 0) + 1;
      flakyCounts.set(path, n);
      return n <= Number(flaky[1]) ? answer(503, 'flaky') : answer();
    }
    if (slow) {
      const t = setTimeout(() => {
        timers.delete(t);
        answer();
      }, Number(slow[1]));
      timers.add(t);
    } else if (status) answer(Number(status[1]), `status ${status[1]}`);
    else answer();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((r) => {
        for (const t of timers) clearTimeout(t);
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

// ---------------------------------------------------------------- probe process

export interface ProbeProcess {
  proc: ChildProcess;
  metricsPort: number;
  logs: Array<Record<string, unknown>>;
  stderr: string[];
  exited: Promise<number | null>;
  metrics(): Promise<string>;
  /** The value of one series of /metrics, e.g. `probe_jobs_dropped_total{region="x",reason="deadline"}`. */
  metric(name: string, labels?: Record<string, string>): Promise<number>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function spawnProbe(env: Record<string, string>): Promise<ProbeProcess> {
  ensureBuilt();
  const proc = spawn(process.execPath, [PROBE_MAIN], {
    cwd: REPO_ROOT,
    env: childEnv({
      NATS_URL: TEST_NATS_URL,
      METRICS_PORT: '0',
      ALLOW_PRIVATE_TARGETS: 'true',
      LOG_LEVEL: 'info',
      ...env,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Array<Record<string, unknown>> = [];
  const stderr: string[] = [];
  let buf = '';
  proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buf += chunk;
    let i: number;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        logs.push({ msg: line, unstructured: true });
      }
    }
  });
  proc.stderr!.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
  const exited = new Promise<number | null>((resolve) => proc.on('close', (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((c) => (exitCode = c));

  // Stops waiting as soon as the probe exits: a probe that refuses to start fails fast with its stderr.
  await waitFor(
    'the probe to be ready',
    () => exitCode !== undefined || logs.some((l) => l.msg === 'probe ready'),
    30_000,
    50,
  );
  if (exitCode !== undefined) throw new Error(`probe exited (${exitCode}) during start: ${stderr.join('')}`);
  const listening = logs.find((l) => l.msg === 'metrics and health listening');
  const metricsPort = Number(listening?.metrics_port);
  const metrics = async () => {
    const res = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    return res.text();
  };
  return {
    proc,
    metricsPort,
    logs,
    stderr,
    exited,
    metrics,
    async metric(name, labels = {}) {
      const text = await metrics();
      for (const line of text.split('\n')) {
        if (!line.startsWith(name)) continue;
        const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
        if (!m || m[1] !== name) continue;
        const got: Record<string, string> = {};
        for (const [, k, v] of (m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) got[k] = v;
        if (Object.entries(labels).every(([k, v]) => got[k] === v)) return Number(m[3]);
      }
      return NaN;
    },
    async stop(signal = 'SIGTERM') {
      if (exitCode !== undefined) return exitCode;
      proc.kill(signal);
      const timer = setTimeout(() => proc.kill('SIGKILL'), 60_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
