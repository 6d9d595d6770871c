import { httpCheckSpec, type CheckSpec } from '@parallax/contracts';
import type { CheckOutcome } from './check';
import { EMPTY_PHASES } from './check';
import {
  errorClassOf,
  nextRetry,
  RETRY_BACKOFF_MS,
  RETRY_MIN_ATTEMPT_MS,
  RETRY_RESERVE_MS,
  retryable,
  runWithRetries,
} from './retry';

const out = (
  is_up: boolean,
  status_code: number | null = is_up ? 200 : 503,
  error: string | null = is_up ? null : `expected status 200, got ${status_code}`,
): CheckOutcome => ({
  is_up,
  status_code,
  response_ms: 5,
  error,
  phases: { ...EMPTY_PHASES },
  response_headers: null,
  response_body: null,
});

const http = (timeout_ms = 2000): CheckSpec => httpCheckSpec('http://127.0.0.1:1/', { timeout_ms });

describe('errorClassOf', () => {
  it.each([
    [out(true), null],
    [out(false, null, 'timeout after 2000 ms (connect)'), 'timeout'],
    [out(false, null, 'getaddrinfo ENOTFOUND nope.example'), 'dns'],
    [out(false, null, 'connect ECONNREFUSED 127.0.0.1:1'), 'connection_refused'],
    [out(false, null, 'read ECONNRESET'), 'connection_reset'],
    [out(false, null, 'socket hang up'), 'connection_reset'],
    [out(false, null, '100% packet loss'), 'unreachable'],
    [out(false, null, 'certificate has expired'), 'tls'],
    [out(false, 503), 'http_5xx'],
    [out(false, 404), 'http_4xx'],
    [out(false, 302, 'expected status 200, got 302'), 'http_status'],
    [out(false, 200, 'keyword "ok" not found'), 'assertion'],
    [
      out(false, null, 'target resolves to a private address (loopback); set ALLOW_PRIVATE_TARGETS=true to allow'),
      'blocked',
    ],
    [out(false, null, 'something odd'), 'other'],
    [out(false, null, null), 'other'],
  ])('%#: %j', (o, cls) => expect(errorClassOf(o)).toBe(cls));
});

describe('retryable', () => {
  it('every probed type but domain', () => {
    expect(
      ['http', 'json_api', 'ssl', 'tcp', 'dns', 'ping', 'sip'].every((t) => retryable(t as CheckSpec['type'])),
    ).toBe(true);
    expect(retryable('domain')).toBe(false);
  });
});

describe('nextRetry', () => {
  const base = {
    attempt: 1,
    retries: 3,
    errorClass: 'http_5xx' as const,
    elapsedMs: 10,
    budgetMs: 7000,
    timeoutMs: 2000,
  };

  it('backs off 250 ms × the failed attempt, with the full timeout when it fits', () => {
    expect(nextRetry(base)).toEqual({ retry: true, delayMs: RETRY_BACKOFF_MS, timeoutMs: 2000 });
    expect(nextRetry({ ...base, attempt: 2 })).toEqual({ retry: true, delayMs: 500, timeoutMs: 2000 });
    expect(nextRetry({ ...base, attempt: 3 })).toEqual({ retry: true, delayMs: 750, timeoutMs: 2000 });
  });

  it('stops after `retries` retries (and never more than 3)', () => {
    expect(nextRetry({ ...base, retries: 0 })).toEqual({ retry: false });
    expect(nextRetry({ ...base, retries: 1, attempt: 2 })).toEqual({ retry: false });
    expect(nextRetry({ ...base, retries: 9, attempt: 4 })).toEqual({ retry: false });
    expect(nextRetry({ ...base, retries: -1 })).toEqual({ retry: false });
    expect(nextRetry({ ...base, retries: 1.9 })).toEqual({ retry: true, delayMs: 250, timeoutMs: 2000 });
    expect(nextRetry({ ...base, retries: 1.9, attempt: 2 })).toEqual({ retry: false });
  });

  it('never retries an SSRF refusal', () => {
    expect(nextRetry({ ...base, errorClass: 'blocked' })).toEqual({ retry: false });
  });

  it('cuts the timeout to what is left of the budget (after the backoff and the publishing reserve)', () => {
    // 7000 − 500 reserve − 4000 elapsed − 250 backoff = 2250 ≥ 2000: full timeout; at 5000 elapsed 1250 left.
    expect(nextRetry({ ...base, elapsedMs: 4000 })).toEqual({ retry: true, delayMs: 250, timeoutMs: 2000 });
    expect(nextRetry({ ...base, elapsedMs: 5000 })).toEqual({ retry: true, delayMs: 250, timeoutMs: 1250 });
  });

  it('skips a retry that would have less than min(timeout, 1 s) left', () => {
    const edge = base.budgetMs - RETRY_RESERVE_MS - RETRY_BACKOFF_MS - RETRY_MIN_ATTEMPT_MS;
    expect(nextRetry({ ...base, elapsedMs: edge })).toEqual({ retry: true, delayMs: 250, timeoutMs: 1000 });
    expect(nextRetry({ ...base, elapsedMs: edge + 1 })).toEqual({ retry: false });
    // A timeout below 1 s needs only itself.
    expect(nextRetry({ ...base, timeoutMs: 300, elapsedMs: base.budgetMs - RETRY_RESERVE_MS - 250 - 300 })).toEqual({
      retry: true,
      delayMs: 250,
      timeoutMs: 300,
    });
    expect(nextRetry({ ...base, timeoutMs: 300, elapsedMs: base.budgetMs - RETRY_RESERVE_MS - 250 - 299 })).toEqual({
      retry: false,
    });
    // A budget already spent (a job that started late) never retries.
    expect(nextRetry({ ...base, budgetMs: 0 })).toEqual({ retry: false });
  });
});

describe('runWithRetries', () => {
  /** A runner on a fake clock: each attempt takes `took` ms, a sleep advances the clock. */
  const runner = (outcomes: (CheckOutcome | 'lost')[], took = 20) => {
    let t = 1000;
    const specs: CheckSpec[] = [];
    const sleeps: number[] = [];
    return {
      specs,
      sleeps,
      run: async (spec: CheckSpec) => {
        specs.push(spec);
        t += took;
        const o = outcomes.shift() ?? out(false);
        return o === 'lost' ? ({ lost: true } as const) : o;
      },
      sleep: async (ms: number) => {
        sleeps.push(ms);
        t += ms;
      },
      now: () => t,
    };
  };

  it('retries 0: one attempt, no attempt list (today’s behaviour)', async () => {
    const r = runner([out(false)]);
    const res = await runWithRetries(http(), 0, 7000, r);
    expect(res).toEqual({ outcome: out(false), attempts: null });
    expect(r.specs).toHaveLength(1);
    expect(r.sleeps).toEqual([]);
  });

  it('a failure then a success: up, both attempts recorded with their timing and class', async () => {
    const r = runner([out(false, 503), out(true)]);
    const res = await runWithRetries(http(), 2, 7000, r);
    expect(res.outcome).toEqual(out(true));
    expect(res.attempts).toEqual([
      {
        attempt: 1,
        offset_ms: 0,
        duration_ms: 20,
        is_up: false,
        status_code: 503,
        error_class: 'http_5xx',
        error: 'expected status 200, got 503',
      },
      { attempt: 2, offset_ms: 270, duration_ms: 20, is_up: true, status_code: 200, error_class: null, error: null },
    ]);
    expect(r.sleeps).toEqual([250]);
  });

  it('every attempt failing: the last outcome, retries + 1 attempts, growing backoff', async () => {
    const r = runner([out(false, 500), out(false, 502), out(false, 503), out(false, 504)]);
    const res = await runWithRetries(http(), 3, 7000, r);
    expect(res.outcome).toEqual(out(false, 504));
    expect(res.attempts!.map((a) => [a.attempt, a.status_code])).toEqual([
      [1, 500],
      [2, 502],
      [3, 503],
      [4, 504],
    ]);
    expect(r.sleeps).toEqual([250, 500, 750]);
  });

  it('an up first attempt is not retried, but listed', async () => {
    const r = runner([out(true)]);
    const res = await runWithRetries(http(), 3, 7000, r);
    expect(res.attempts).toHaveLength(1);
    expect(r.specs).toHaveLength(1);
  });

  it('the budget bounds the attempts, and a retry gets the timeout that is left', async () => {
    const r = runner([out(false), out(false), out(false)], 2000);
    const res = await runWithRetries(http(2000), 3, 5000, r);
    // 1st: 0–2000; left 5000 − 500 − 2000 − 250 = 2250 → full timeout; 2nd: 2250–4250; then 5000 − 500 − 4250 − 500 < 0: stop.
    expect(res.attempts).toHaveLength(2);
    expect(r.specs.map((s) => s.timeout_ms)).toEqual([2000, 2000]);
    const r2 = runner([out(false), out(false)], 2000);
    await runWithRetries(http(2000), 1, 4100, r2);
    expect(r2.specs.map((s) => s.timeout_ms)).toEqual([2000, 1350]);
  });

  it('a domain check and a lost check are not retried', async () => {
    const domain: CheckSpec = {
      type: 'domain',
      domain: 'example.com',
      expiry_threshold_days: 30,
      rdap_server: null,
      whois_server: null,
      timeout_ms: 2000,
    };
    const r = runner([out(false)]);
    expect((await runWithRetries(domain, 3, 7000, r)).attempts).toBeNull();
    expect(r.specs).toHaveLength(1);
    const lost = runner(['lost', out(true)]);
    expect(await runWithRetries(http(), 3, 7000, lost)).toEqual({ outcome: { lost: true }, attempts: null });
    expect(lost.specs).toHaveLength(1);
  });

  it('stops retrying once aborted (shutdown)', async () => {
    const r = runner([out(false), out(true)]);
    const res = await runWithRetries(http(), 3, 7000, { ...r, aborted: () => true });
    expect(res.outcome).toEqual(out(false));
    expect(r.specs).toHaveLength(1);
  });
});
