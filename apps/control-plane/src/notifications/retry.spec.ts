import { loadConfig, parseDurations } from '../config/config';
import {
  earlyRetryCount,
  EARLY_RETRY_SPAN_MS,
  holdsBackLaterEvents,
  JITTER,
  minimumRetrySpanMs,
  nextDeliveryState,
  RETRYABLE_4XX,
  retryDelayMs,
  verdictFor,
} from './retry';

const loadDefaultSchedule = () =>
  loadConfig({
    DATABASE_URL: 'postgres://x@127.0.0.1/x',
    NATS_URL: 'nats://127.0.0.1:4222',
    JWT_SECRET: 'test-secret-test-secret',
  }).notify.retryScheduleMs;
const DEFAULT = parseDurations('5s,10s,30s,1m,2m,5m,30m,2h,5h,10h,10h')!;

describe('retry schedule', () => {
  it('the default keeps retrying for at least 24 h whatever the jitter', () => {
    expect(DEFAULT).toEqual([
      5_000, 10_000, 30_000, 60_000, 120_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000,
    ]);
    expect(loadDefaultSchedule()).toEqual(DEFAULT); // the config's default is this schedule
    expect(minimumRetrySpanMs(DEFAULT)).toBeGreaterThanOrEqual(24 * 3_600_000);
    let longest = 0;
    let shortest = 0;
    for (let n = 1; n <= DEFAULT.length; n++) {
      shortest += retryDelayMs(n, DEFAULT, 0)!;
      longest += retryDelayMs(n, DEFAULT, 0.999999)!;
    }
    expect(shortest).toBeGreaterThanOrEqual(24 * 3_600_000);
    expect(longest).toBeLessThanOrEqual(Math.ceil(DEFAULT.reduce((a, b) => a + b) * (1 + JITTER)));
  });

  it('retries within seconds first, then backs off; jitters within ±10 %, and gives up past the last entry', () => {
    expect(retryDelayMs(1, DEFAULT, 0.5)).toBe(5_000);
    expect(retryDelayMs(1, DEFAULT, 0)).toBe(4_500);
    expect(retryDelayMs(1, DEFAULT, 0.99999)).toBe(5_500);
    expect(retryDelayMs(2, DEFAULT, 0.5)).toBe(10_000);
    expect(retryDelayMs(3, DEFAULT, 0.5)).toBe(30_000);
    expect(retryDelayMs(11, DEFAULT, 0.5)).toBe(36_000_000);
    expect(retryDelayMs(12, DEFAULT, 0.5)).toBeNull();
    expect(retryDelayMs(0, DEFAULT, 0.5)).toBeNull();
    for (let n = 2; n <= 10; n++)
      expect(retryDelayMs(n, DEFAULT, 0.5)!).toBeGreaterThan(retryDelayMs(n - 1, DEFAULT, 0.5)!);
    // The finding: a receiver that answers 500 twice (about 7 s of trouble) gets the alert at the third attempt, within 17 s.
    expect(retryDelayMs(1, DEFAULT, 0.99999)! + retryDelayMs(2, DEFAULT, 0.99999)!).toBeLessThanOrEqual(16_500);
  });

  it('every status: 2xx delivered, 410 gone, other 4xx but 408/409/425/429 rejected, everything else (incl. no answer) retried', () => {
    expect([...RETRYABLE_4XX].sort()).toEqual([408, 409, 425, 429]);
    expect(verdictFor(null)).toBe('retry');
    for (let s = 100; s <= 599; s++) {
      const want =
        s >= 200 && s < 300
          ? 'delivered'
          : s === 410
            ? 'gone'
            : s >= 400 && s < 500 && ![408, 409, 425, 429].includes(s)
              ? 'rejected'
              : 'retry';
      expect([s, verdictFor(s)]).toEqual([s, want]);
    }
  });

  it('early retries: the leading schedule entries within 2 minutes in all hold back later events; past them a failing delivery steps aside', () => {
    expect(EARLY_RETRY_SPAN_MS).toBe(120_000);
    expect(earlyRetryCount(DEFAULT)).toBe(4); // 5 s + 10 s + 30 s + 1 min = 105 s; + 2 min is past the span
    expect(earlyRetryCount([])).toBe(0);
    expect(earlyRetryCount([200, 300, 400, 500])).toBe(4);
    expect(earlyRetryCount([120_000, 1])).toBe(1);
    expect(earlyRetryCount([60_000, 60_000, 1])).toBe(2);
    expect(earlyRetryCount([120_001, 1])).toBe(0);
    expect(earlyRetryCount([5 * 60_000, 5_000])).toBe(0); // never past a long wait, even when short ones follow
    for (let attempts = 0; attempts <= 12; attempts++) expect(holdsBackLaterEvents(attempts, 4)).toBe(attempts <= 4);
    // With the default, a failing head holds back the destination's later events for at most its first 5 attempts (≤ 105 s × 1.1).
    let held = 0;
    for (let n = 1; holdsBackLaterEvents(n, earlyRetryCount(DEFAULT)); n++) held += retryDelayMs(n, DEFAULT, 0.99999)!;
    expect(held).toBeLessThanOrEqual(Math.round(105_000 * 1.1));
  });

  it('parses duration lists and refuses anything else', () => {
    expect(parseDurations('100ms, 1.5s,2m,1h')).toEqual([100, 1500, 120_000, 3_600_000]);
    expect(parseDurations('')).toBeNull();
    expect(parseDurations('5')).toBeNull();
    expect(parseDurations('5s,,5m')).toBeNull();
    expect(parseDurations('-5s')).toBeNull();
    expect(parseDurations('1d')).toBeNull();
  });
});

describe('nextDeliveryState', () => {
  const base = {
    endpointActive: true,
    email: false,
    status: 200 as number | null,
    error: null as string | null,
    attempt: 1,
    schedule: [1000, 2000],
    random: 0.5,
  };

  it('delivered on a 2xx, or an email sent without error', () => {
    expect(nextDeliveryState(base)).toEqual({ status: 'delivered' });
    expect(nextDeliveryState({ ...base, status: 204 })).toEqual({ status: 'delivered' });
    expect(nextDeliveryState({ ...base, email: true, status: 250 })).toEqual({ status: 'delivered' });
    expect(nextDeliveryState({ ...base, email: true, status: null })).toEqual({ status: 'delivered' });
  });

  it('410 disables the endpoint (gone); an endpoint disabled meanwhile ends the delivery without sending', () => {
    expect(nextDeliveryState({ ...base, status: 410, error: 'HTTP 410' })).toEqual({ status: 'disabled', gone: true });
    expect(nextDeliveryState({ ...base, endpointActive: false, status: null, error: 'webhook was disabled' })).toEqual({
      status: 'disabled',
      gone: false,
    });
    expect(nextDeliveryState({ ...base, email: true, status: 410, error: 'SMTP: …' })).toMatchObject({
      status: 'pending',
    }); // 410 means nothing in SMTP
  });

  it('retries anything else on the schedule, then fails for good', () => {
    expect(nextDeliveryState({ ...base, status: 503, error: 'HTTP 503' })).toEqual({
      status: 'pending',
      retryInMs: 1000,
    });
    expect(nextDeliveryState({ ...base, status: null, error: 'no answer within 10000 ms', attempt: 2 })).toEqual({
      status: 'pending',
      retryInMs: 2000,
    });
    expect(nextDeliveryState({ ...base, status: 302, error: 'HTTP 302', attempt: 3 })).toEqual({
      status: 'failed',
      reason: 'retries exhausted after 3 attempts',
    });
    expect(nextDeliveryState({ ...base, email: true, status: 451, error: 'SMTP: rejected', attempt: 3 })).toEqual({
      status: 'failed',
      reason: 'retries exhausted after 3 attempts',
    });
    for (const s of [408, 409, 425, 429])
      expect(nextDeliveryState({ ...base, status: s, error: `HTTP ${s}` })).toEqual({
        status: 'pending',
        retryInMs: 1000,
      });
  });

  it('a 4xx a retry cannot fix ends the delivery at its first attempt and says why; email is never judged by HTTP codes', () => {
    for (const s of [400, 401, 403, 404, 405, 413, 415, 422, 451, 499]) {
      const next = nextDeliveryState({ ...base, status: s, error: `HTTP ${s}` });
      expect(next).toEqual({
        status: 'failed',
        reason: `not retried: the endpoint answered ${s}, a client error a retry cannot fix (only 408, 409, 425 and 429 are retried)`,
      });
    }
    expect(nextDeliveryState({ ...base, email: true, status: 404, error: 'SMTP: 404?' })).toMatchObject({
      status: 'pending',
    });
  });
});
