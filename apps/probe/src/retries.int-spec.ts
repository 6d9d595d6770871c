import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { JobV1 } from '@parallax/contracts';
import {
  makeJob,
  spawnProbe,
  startBus,
  startTarget,
  waitFor,
  type Bus,
  type ProbeProcess,
  type Target,
} from './testing/harness';

jest.setTimeout(60_000);

const REGION = 'eu-north';

/**
 * In-region retries (libs/checks retry.ts) in a real probe process against a loopback
 * target, results read from a real JetStream stream.
 */
describe('in-region retries', () => {
  let bus: Bus;
  let target: Target;
  let probe: ProbeProcess;

  beforeAll(async () => {
    bus = await startBus();
    target = await startTarget();
    probe = await spawnProbe({ REGION, NATS_PREFIX: bus.prefix, PROBE_ID: 'retry-1' });
  });

  afterAll(async () => {
    await probe?.stop();
    await bus?.close();
    await target?.close();
  });

  const resultOf = (job: JobV1) =>
    waitFor(`result of ${job.job_id}`, () => bus.results.find((r) => r.result.job_id === job.job_id)?.result, 30_000);
  const hits = (path: string) => target.seen.filter((s) => s.path === path).length;

  it('a target that fails the first attempt and answers the second: the region reports up, with both attempts', async () => {
    const job = makeJob(REGION, `${target.url}/flaky/1/a`, { retries: 2 });
    await bus.publishJob(job);
    const r = await resultOf(job);
    expect(r.is_up).toBe(true);
    expect(r.status_code).toBe(200);
    expect(r.attempts).toHaveLength(2);
    expect(r.attempts![0]).toMatchObject({
      attempt: 1,
      offset_ms: 0,
      is_up: false,
      status_code: 503,
      error_class: 'http_5xx',
    });
    expect(r.attempts![1]).toMatchObject({ attempt: 2, is_up: true, status_code: 200, error_class: null, error: null });
    // The second attempt started after the first ended and the 250 ms backoff (a timer may fire a millisecond early).
    expect(r.attempts![1].offset_ms).toBeGreaterThanOrEqual(r.attempts![0].duration_ms + 248);
    expect(hits('/flaky/1/a')).toBe(2);
  });

  it('retries 0 (or absent) keeps one attempt and no attempt list', async () => {
    const zero = makeJob(REGION, `${target.url}/flaky/1/b`, { retries: 0 });
    const absent = makeJob(REGION, `${target.url}/flaky/1/c`);
    await bus.publishJob(zero);
    await bus.publishJob(absent);
    for (const job of [zero, absent]) {
      const r = await resultOf(job);
      expect(r.is_up).toBe(false);
      expect(r.status_code).toBe(503);
      expect(r.attempts).toBeUndefined();
    }
    expect(hits('/flaky/1/b')).toBe(1);
    expect(hits('/flaky/1/c')).toBe(1);
  });

  it('a target that keeps failing: down after retries + 1 attempts, the last one reported', async () => {
    const job = makeJob(REGION, `${target.url}/status/500`, { retries: 3 });
    await bus.publishJob(job);
    const r = await resultOf(job);
    expect(r.is_up).toBe(false);
    expect(r.attempts!.map((a) => [a.attempt, a.error_class])).toEqual([
      [1, 'http_5xx'],
      [2, 'http_5xx'],
      [3, 'http_5xx'],
      [4, 'http_5xx'],
    ]);
    // Offsets grow by at least the backoff (250, 500, 750 ms; a timer may fire a millisecond early).
    const offsets = r.attempts!.map((a) => a.offset_ms);
    expect(offsets[1] - offsets[0]).toBeGreaterThanOrEqual(248);
    expect(offsets[2] - offsets[1]).toBeGreaterThanOrEqual(498);
    expect(offsets[3] - offsets[2]).toBeGreaterThanOrEqual(748);
  });

  it('tcp retries too: a refused port is tried again, its class recorded', async () => {
    const srv = createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const port = (srv.address() as AddressInfo).port;
    await new Promise<void>((r) => srv.close(() => r())); // nothing listens there now
    const job: JobV1 = {
      ...makeJob(REGION, target.url, { retries: 1 }),
      check: { type: 'tcp', host: '127.0.0.1', port, timeout_ms: 2000, send: null, expect: null },
    };
    await bus.publishJob(job);
    const r = await resultOf(job);
    expect(r.is_up).toBe(false);
    expect(r.attempts!.map((a) => a.error_class)).toEqual(['connection_refused', 'connection_refused']);
  });

  it('a job whose round is nearly over is not retried past its deadline', async () => {
    // Start-by now + 300 ms with a 1 s timeout: about 1.3 s of budget, less than the 500 ms reserve + 250 ms backoff + 1 s.
    const job = makeJob(REGION, `${target.url}/flaky/1/d`, {
      retries: 3,
      deadline: Date.now() + 300,
      check: { timeout_ms: 1000 },
    });
    await bus.publishJob(job);
    const r = await resultOf(job);
    expect(r.is_up).toBe(false);
    expect(r.attempts).toHaveLength(1);
  });
});
