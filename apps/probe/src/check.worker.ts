/**
 * Entry of a check worker thread (see check-workers.ts): runs the checks the main thread
 * sends and answers with their outcomes. No Nest, no NATS, no config reading: the check
 * context comes once as `workerData`.
 */
import { setMaxListeners } from 'node:events';
import { parentPort, workerData } from 'node:worker_threads';
import { runCheck, type CheckContext, type CheckOutcome } from '@parallax/checks';
import type { FromWorker, ToWorker, WorkerCheckContext } from './check-workers';

const port = parentPort;
if (!port) throw new Error('check.worker.js runs as a worker thread only');

/** Aborts every running check (shutdown timeout); each check listens on this one signal. */
const abort = new AbortController();
setMaxListeners(0, abort.signal);
const given = workerData as WorkerCheckContext;
const ctx: CheckContext = Object.freeze({
  region: given.region,
  userAgent: given.userAgent,
  allowPrivateTargets: given.allowPrivateTargets,
  maxBodyBytes: given.maxBodyBytes,
  childPath: given.childPath,
  signal: abort.signal,
});

function reply(id: number, outcome: CheckOutcome): void {
  port!.postMessage({ t: 'done', id, outcome } satisfies FromWorker);
}

port.on('message', (m: ToWorker) => {
  if (m.t === 'run') {
    const id = m.id;
    void runCheck(m.spec, ctx).then((outcome) => reply(id, outcome));
  } else if (m.t === 'abort') {
    abort.abort();
  }
});

port.postMessage({ t: 'ready' } satisfies FromWorker);
