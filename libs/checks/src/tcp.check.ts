import type * as net from 'node:net';
import { performance } from 'node:perf_hooks';
import type { TcpCheckSpec } from '@parallax/contracts';
import { EMPTY_PHASES, type Check, type CheckContext, type CheckOutcome } from './check';
import { connectGuarded, deadlineSignal, round2, Stopped } from './connect';
import { describeError } from './http.check';

/** Bytes of the reply kept while waiting for `expect` (and shown in the error). */
const MAX_REPLY_BYTES = 64 * 1024;

/** Reads from `socket` until `expect` appears, the peer closes, or the signal fires. */
function readUntil(
  socket: net.Socket,
  expect: string,
  signal: AbortSignal,
): Promise<{ found: boolean; reply: string; closed: boolean }> {
  return new Promise((resolve, reject) => {
    let reply = '';
    const finish = (found: boolean, closed: boolean) => {
      cleanup();
      resolve({ found, reply, closed });
    };
    const onData = (chunk: Buffer) => {
      reply += chunk.toString('utf8');
      if (reply.includes(expect)) return finish(true, false);
      if (reply.length > MAX_REPLY_BYTES) finish(false, false);
    };
    const onEnd = () => finish(reply.includes(expect), true);
    const onError = (e: Error) => {
      cleanup();
      reject(e);
    };
    const onAbort = () => {
      cleanup();
      reject(signal.reason);
    };
    const cleanup = () => {
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.off('close', onEnd);
      socket.off('error', onError);
      signal.removeEventListener('abort', onAbort);
    };
    socket.on('data', onData);
    socket.once('end', onEnd);
    socket.once('close', onEnd);
    socket.once('error', onError);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * tcp: guarded DNS lookup, TCP connect (the connect time is the response time), then
 * optionally `send` a string and wait for `expect` in the reply (the time to the match is
 * `first_byte`). Up when the connection opens (and the expected string arrives).
 */
export class TcpCheck implements Check<TcpCheckSpec> {
  readonly type = 'tcp' as const;

  async run(spec: TcpCheckSpec, ctx: CheckContext): Promise<CheckOutcome> {
    const start = performance.now();
    const phases = { ...EMPTY_PHASES };
    const phase = { name: 'resolving DNS' };
    const d = deadlineSignal(spec.timeout_ms, ctx.signal);
    let socket: net.Socket | undefined;
    let error: string | null = null;
    let responseMs: number | null = null;
    const details: Record<string, unknown> = { host: spec.host, port: spec.port };
    try {
      const c = await connectGuarded(spec.host, spec.port, ctx, d.signal, phase);
      socket = c.socket;
      socket.on('error', () => {});
      details.address = c.address;
      phases.dns = round2(c.dnsMs);
      phases.connect = round2(c.connectMs);
      details.connect_ms = phases.connect;
      responseMs = phases.connect;
      if (spec.send !== null && spec.send !== '') {
        phase.name = 'sending';
        socket.write(spec.send);
      }
      if (spec.expect !== null && spec.expect !== '') {
        phase.name = 'waiting for the expected reply';
        const r = await readUntil(socket, spec.expect, d.signal);
        phases.first_byte = round2(performance.now() - start);
        details.reply = r.reply.slice(0, 256);
        if (!r.found) {
          error = `expected ${JSON.stringify(spec.expect)} in the reply, got ${JSON.stringify(r.reply.slice(0, 200))}${r.closed ? ' before the connection closed' : ''}`;
        }
      }
    } catch (e) {
      if (e instanceof Stopped)
        error = d.timedOut() ? `timeout after ${spec.timeout_ms} ms (${phase.name})` : `check aborted (${phase.name})`;
      else error = describeError(e);
    } finally {
      d.dispose();
      socket?.destroy();
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
