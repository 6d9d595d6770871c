import * as net from 'node:net';
import { performance } from 'node:perf_hooks';
import type { CheckContext } from './check';
import { resolveAndGuard, type ResolvedTarget } from './ssrf';

/**
 * Shared by the checks that open connections (http, tcp, ssl, sip, ...): a deadline signal, the guarded DNS lookup
 * and a TCP connect to the resolved address (never a second lookup, so no DNS-rebinding gap).
 */

/** Why a check stopped early: its timeout or the probe's shutdown signal. */
export class Stopped extends Error {
  readonly code = 'ECHECKSTOPPED';
}

/** An AbortSignal that fires at `timeoutMs` or when `outer` fires, and its disposer. */
export function deadlineSignal(
  timeoutMs: number,
  outer?: AbortSignal,
): { signal: AbortSignal; timedOut: () => boolean; dispose: () => void } {
  const ac = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ac.abort(new Stopped(`timeout after ${timeoutMs} ms`));
  }, timeoutMs);
  const onOuter = () => ac.abort(new Stopped('check aborted'));
  if (outer?.aborted) onOuter();
  else outer?.addEventListener('abort', onOuter, { once: true });
  return {
    signal: ac.signal,
    timedOut: () => timedOut,
    dispose: () => {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuter);
    },
  };
}

/** Waits for `p`, rejecting with the signal's reason as soon as it fires. */
export function raceSignal<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/** Resolves `host` through the SSRF guard (the check context's lookup and allow-list). */
export function guardedLookup(host: string, ctx: CheckContext, signal: AbortSignal): Promise<ResolvedTarget> {
  return raceSignal(
    resolveAndGuard(host, ctx.allowPrivateTargets, { lookup: ctx.lookup, allowedCidrs: ctx.allowedPrivateCidrs }),
    signal,
  );
}

const NEXT_ADDRESS_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'EAFNOSUPPORT',
]);

function connectOne(address: string, port: number, signal: AbortSignal): Promise<net.Socket> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: address, port, noDelay: true });
    const done = () => {
      socket.off('connect', onConnect);
      socket.off('error', onError);
      signal.removeEventListener('abort', onAbort);
    };
    const onConnect = () => {
      done();
      resolve(socket);
    };
    const onError = (e: Error) => {
      done();
      socket.destroy();
      reject(e);
    };
    const onAbort = () => {
      done();
      socket.on('error', () => {}).destroy();
      reject(signal.reason);
    };
    socket.once('connect', onConnect);
    socket.once('error', onError);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export interface GuardedConnection {
  socket: net.Socket;
  /** The address connected to. */
  address: string;
  dnsMs: number;
  connectMs: number;
}

/**
 * DNS (guarded), then TCP to the first address that accepts (the next one on refusal/unreachable).
 * `onResolved` gets the DNS time as soon as the lookup is done, also when no connection follows.
 */
export async function connectGuarded(
  host: string,
  port: number,
  ctx: CheckContext,
  signal: AbortSignal,
  phase: { name: string },
  onResolved?: (dnsMs: number) => void,
): Promise<GuardedConnection> {
  phase.name = 'resolving DNS';
  const t0 = performance.now();
  const target = await guardedLookup(host, ctx, signal);
  const dnsMs = net.isIP(host) ? 0 : performance.now() - t0;
  onResolved?.(dnsMs);
  phase.name = 'connecting';
  const t1 = performance.now();
  let last: unknown;
  for (const a of target.addresses) {
    try {
      const socket = await connectOne(a.address, port, signal);
      return { socket, address: a.address, dnsMs, connectMs: performance.now() - t1 };
    } catch (e) {
      last = e;
      if (signal.aborted || !NEXT_ADDRESS_CODES.has((e as NodeJS.ErrnoException).code ?? '')) throw e;
    }
  }
  throw last;
}

export const round2 = (ms: number) => Math.round(ms * 100) / 100;
