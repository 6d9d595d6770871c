import { execFile } from 'node:child_process';
import type { MtrHopV1 } from '@parallax/contracts';
import { DEFAULT_CHILD_PATH } from './check';
import { resolveAndGuard } from './ssrf';

/**
 * MTR from a probe (issue 19 item 7): the system `mtr` (mtr-tiny in the probe image) with a
 * fixed argument vector and no shell, against an address the SSRF guard accepted, its
 * `--json` report turned into hops.
 */

const round3 = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? Math.round(v * 1000) / 1000 : null;

/** `mtr --json` report → hops (pure). Hosts `???` (no answer) have a null address; timings of a hop that lost every probe are null. */
export function parseMtrJson(text: string): MtrHopV1[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new Error('mtr printed something that is not JSON');
  }
  const hubs = (doc as { report?: { hubs?: unknown } })?.report?.hubs;
  if (!Array.isArray(hubs)) throw new Error('mtr report without hubs');
  return hubs.map((h: Record<string, unknown>, i): MtrHopV1 => {
    const sent = typeof h.Snt === 'number' ? h.Snt : 0;
    const loss = round3(h['Loss%']) ?? 100;
    const answered = loss < 100;
    const host = typeof h.host === 'string' && h.host !== '???' ? h.host : null;
    return {
      hop: typeof h.count === 'number' ? h.count : i + 1,
      address: host,
      loss_percent: loss,
      sent,
      best_ms: answered ? round3(h.Best) : null,
      avg_ms: answered ? round3(h.Avg) : null,
      worst_ms: answered ? round3(h.Wrst) : null,
    };
  });
}

/** The argument vector of one run (pure): numeric output, `count` probes per hop, 1 s apart at most. */
export function mtrArgs(address: string, count: number, intervalSeconds: number): string[] {
  return ['--json', '--no-dns', '-c', String(count), '-i', String(intervalSeconds), '--gracetime', '1', address];
}

export interface MtrRun {
  address: string;
  hops: MtrHopV1[];
}

/**
 * Resolves `host` (refused when private unless `allowPrivate`, or in `allowedCidrs`), runs
 * mtr against the address, and parses its report; rejects with a message on failure.
 */
export async function runMtr(
  host: string,
  opts: {
    count: number;
    timeoutMs: number;
    allowPrivate: boolean;
    allowedCidrs?: readonly string[];
    binary?: string;
    childPath?: string;
  },
): Promise<MtrRun> {
  const target = await resolveAndGuard(host, opts.allowPrivate, { allowedCidrs: opts.allowedCidrs });
  // Intervals under 1 s need root (raw sockets are needed anyway; the image runs mtr with NET_RAW).
  const interval = process.getuid?.() === 0 ? 0.2 : 1;
  const stdout = await new Promise<string>((resolve, reject) => {
    // Only PATH (the probe's, from its config: the library reads no environment) and LC_ALL=C, as for ping.
    const env = { PATH: opts.childPath ?? DEFAULT_CHILD_PATH, LC_ALL: 'C' };
    const args = mtrArgs(target.address, opts.count, interval);
    execFile(
      opts.binary ?? 'mtr',
      args,
      { timeout: opts.timeoutMs, maxBuffer: 1024 * 1024, shell: false, windowsHide: true, env },
      (err, out, errOut) => {
        if (err) {
          const e = err as NodeJS.ErrnoException & { killed?: boolean };
          if (e.code === 'ENOENT') return reject(new Error('mtr is not installed on this probe'));
          if (e.killed) return reject(new Error(`mtr did not finish within ${opts.timeoutMs} ms`));
          return reject(
            new Error(
              `mtr failed: ${String(errOut || e.message)
                .trim()
                .slice(0, 300)}`,
            ),
          );
        }
        resolve(out);
      },
    );
  });
  return { address: target.address, hops: parseMtrJson(stdout) };
}
