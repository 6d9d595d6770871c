import { execFile } from 'node:child_process';
import * as net from 'node:net';
import { performance } from 'node:perf_hooks';
import type { PingCheckSpec } from '@parallax/contracts';
import { DEFAULT_CHILD_PATH, EMPTY_PHASES, type Check, type CheckContext, type CheckOutcome } from './check';
import { deadlineSignal, guardedLookup, round2, Stopped } from './connect';
import { describeError } from './http.check';

/** What iputils `ping` printed in its summary (pure parse of its stdout). */
export interface PingSummary {
  transmitted: number;
  received: number;
  /** Percent of the transmitted echoes that got no reply. */
  packet_loss: number;
  rtt_min: number | null;
  rtt_avg: number | null;
  rtt_max: number | null;
  /** iputils' `mdev`: the standard deviation of the round-trip times. */
  rtt_stddev: number | null;
}

/**
 * Reads `N packets transmitted, M received[, +E errors], L% packet loss` and
 * `rtt min/avg/max/mdev = a/b/c/d ms` out of iputils ping's output (LC_ALL=C). null when
 * there is no summary line (ping failed before sending).
 */
export function parsePingOutput(stdout: string): PingSummary | null {
  const counts =
    /(\d+) packets transmitted, (\d+) (?:packets )?received(?:, \+\d+ errors)?(?:, \+\d+ duplicates)?, ([\d.]+)% packet loss/.exec(
      stdout,
    );
  if (!counts) return null;
  const rtt = /(?:rtt|round-trip) min\/avg\/max\/(?:mdev|stddev) = ([\d.]+)\/([\d.]+)\/([\d.]+)\/([\d.]+) ms/.exec(
    stdout,
  );
  const n = (s: string | undefined) => (s === undefined ? null : Number(s));
  return {
    transmitted: Number(counts[1]),
    received: Number(counts[2]),
    packet_loss: Number(counts[3]),
    rtt_min: n(rtt?.[1]),
    rtt_avg: n(rtt?.[2]),
    rtt_max: n(rtt?.[3]),
    rtt_stddev: n(rtt?.[4]),
  };
}

/** Up when some echo came back and the loss is at most `maxLoss` percent (pure). */
export function judgePing(s: PingSummary, maxLoss: number): string | null {
  if (s.transmitted === 0) return 'no echo request was sent';
  if (s.received === 0)
    return `no reply to ${s.transmitted} echo request${s.transmitted === 1 ? '' : 's'} (100% packet loss)`;
  if (s.packet_loss > maxLoss)
    return `${s.packet_loss}% packet loss (${s.received} of ${s.transmitted} replies) is above max_packet_loss ${maxLoss}%`;
  return null;
}

/**
 * The fixed argument vector of one run (no shell, the address is an IP literal the guard
 * accepted, so it can never be read as an option): numeric output, `count` echoes
 * `interval_ms` apart, each reply awaited at most what is left of the timeout after the
 * last echo is sent (at least 0.2 s).
 */
export function pingArgs(address: string, spec: Pick<PingCheckSpec, 'count' | 'interval_ms' | 'timeout_ms'>): string[] {
  const sending = (spec.count - 1) * spec.interval_ms;
  const wait = Math.max(200, Math.min(spec.timeout_ms - sending - 100, 10_000));
  return [
    net.isIPv6(address) ? '-6' : '-4',
    '-n',
    '-q',
    '-c',
    String(spec.count),
    '-i',
    (spec.interval_ms / 1000).toFixed(3),
    '-W',
    (wait / 1000).toFixed(3),
    '--',
    address,
  ];
}

interface Run {
  stdout: string;
  stderr: string;
  code: number | string | null;
}

/** Runs the system ping with only `PATH` (the context's) and `LC_ALL=C` in its environment. */
function runPing(args: string[], signal: AbortSignal, path: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      'ping',
      args,
      { signal, env: { PATH: path, LC_ALL: 'C' }, maxBuffer: 64 * 1024, windowsHide: true },
      (err, stdout, stderr) => {
        const code = err ? ((err as NodeJS.ErrnoException).code ?? (err as { status?: number }).status ?? null) : 0;
        resolve({ stdout: String(stdout), stderr: String(stderr), code: code as Run['code'] });
      },
    );
  });
}

/** A ping that printed no summary: why, in one line. */
function pingFailure(r: Run): string {
  if (r.code === 'ENOENT') return 'ping is not installed on this probe (install iputils-ping)';
  const text = `${r.stderr}\n${r.stdout}`.replace(/\s+/g, ' ').trim();
  if (/Operation not permitted|permission denied|socket: Permission/i.test(text)) {
    return `ping is not permitted on this probe (allow ICMP sockets with net.ipv4.ping_group_range or grant CAP_NET_RAW): ${text.slice(0, 200)}`;
  }
  return `ping failed: ${text.slice(0, 300) || `exit code ${String(r.code)}`}`;
}

/**
 * ping: guarded DNS lookup (the first address the SSRF guard accepts), then the system
 * `ping` with a fixed argument vector; packet loss and rtt min/avg/max/stddev in the result,
 * the average rtt as the response time.
 */
export class PingCheck implements Check<PingCheckSpec> {
  readonly type = 'ping' as const;

  async run(spec: PingCheckSpec, ctx: CheckContext): Promise<CheckOutcome> {
    const start = performance.now();
    const phases = { ...EMPTY_PHASES };
    const details: Record<string, unknown> = {
      host: spec.host,
      count: spec.count,
      interval_ms: spec.interval_ms,
      max_packet_loss: spec.max_packet_loss,
    };
    const d = deadlineSignal(spec.timeout_ms, ctx.signal);
    let error: string | null = null;
    let responseMs: number | null = null;
    let phase = 'resolving DNS';
    try {
      const target = await guardedLookup(spec.host, ctx, d.signal);
      phases.dns = net.isIP(spec.host) ? 0 : round2(performance.now() - start);
      const address = target.addresses[0].address;
      details.address = address;
      phase = 'waiting for echo replies';
      const r = await runPing(pingArgs(address, spec), d.signal, ctx.childPath ?? DEFAULT_CHILD_PATH);
      if (d.signal.aborted) throw d.signal.reason;
      const summary = parsePingOutput(r.stdout);
      if (summary === null) error = pingFailure(r);
      else {
        Object.assign(details, summary);
        responseMs = summary.rtt_avg;
        error = judgePing(summary, spec.max_packet_loss);
      }
    } catch (e) {
      if (e instanceof Stopped || d.signal.aborted)
        error = d.timedOut() ? `timeout after ${spec.timeout_ms} ms (${phase})` : `check aborted (${phase})`;
      else error = describeError(e);
    } finally {
      d.dispose();
    }
    phases.total = round2(performance.now() - start);
    return {
      is_up: error === null,
      status_code: null,
      response_ms: responseMs,
      error,
      phases,
      response_headers: null,
      response_body: null,
      details,
    };
  }
}
