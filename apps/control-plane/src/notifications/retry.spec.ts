import { parseDurations } from '../config/config';
import { JITTER, minimumRetrySpanMs, nextDeliveryState, retryDelayMs, verdictFor } from './retry';

const DEFAULT = parseDurations('5s,5m,30m,2h,5h,10h,10h')!;

describe('retry schedule', () => {
  it('the default keeps retrying for at least 24 h whatever the jitter', () => {
    expect(DEFAULT).toEqual([5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]);
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

  it('grows exponentially-ish, jitters within ±10 %, and gives up past the last entry', () => {
    expect(retryDelayMs(1, DEFAULT, 0.5)).toBe(5_000);
    expect(retryDelayMs(1, DEFAULT, 0)).toBe(4_500);
    expect(retryDelayMs(1, DEFAULT, 0.99999)).toBe(5_500);
    expect(retryDelayMs(2, DEFAULT, 0.5)).toBe(300_000);
    expect(retryDelayMs(7, DEFAULT, 0.5)).toBe(36_000_000);
    expect(retryDelayMs(8, DEFAULT, 0.5)).toBeNull();
    expect(retryDelayMs(0, DEFAULT, 0.5)).toBeNull();
    for (let n = 2; n <= 5; n++) expect(retryDelayMs(n, DEFAULT, 0.5)!).toBeGreaterThan(retryDelayMs(n - 1, DEFAULT, 0.5)!);
  });

  it('treats any 2xx as delivered, 410 as gone, everything else (incl. no answer) as retry', () => {
    for (const s of [200, 201, 202, 204, 299]) expect(verdictFor(s)).toBe('delivered');
    expect(verdictFor(410)).toBe('gone');
    for (const s of [null, 100, 301, 302, 400, 401, 404, 429, 500, 503]) expect(verdictFor(s)).toBe('retry');
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
  const base = { endpointActive: true, email: false, status: 200 as number | null, error: null as string | null, attempt: 1, schedule: [1000, 2000], random: 0.5 };

  it('delivered on a 2xx, or an email sent without error', () => {
    expect(nextDeliveryState(base)).toEqual({ status: 'delivered' });
    expect(nextDeliveryState({ ...base, status: 204 })).toEqual({ status: 'delivered' });
    expect(nextDeliveryState({ ...base, email: true, status: 250 })).toEqual({ status: 'delivered' });
    expect(nextDeliveryState({ ...base, email: true, status: null })).toEqual({ status: 'delivered' });
  });

  it('410 disables the endpoint (gone); an endpoint disabled meanwhile ends the delivery without sending', () => {
    expect(nextDeliveryState({ ...base, status: 410, error: 'HTTP 410' })).toEqual({ status: 'disabled', gone: true });
    expect(nextDeliveryState({ ...base, endpointActive: false, status: null, error: 'webhook was disabled' })).toEqual({ status: 'disabled', gone: false });
    expect(nextDeliveryState({ ...base, email: true, status: 410, error: 'SMTP: …' })).toMatchObject({ status: 'pending' }); // 410 means nothing in SMTP
  });

  it('retries anything else on the schedule, then fails for good', () => {
    expect(nextDeliveryState({ ...base, status: 503, error: 'HTTP 503' })).toEqual({ status: 'pending', retryInMs: 1000 });
    expect(nextDeliveryState({ ...base, status: null, error: 'no answer within 10000 ms', attempt: 2 })).toEqual({ status: 'pending', retryInMs: 2000 });
    expect(nextDeliveryState({ ...base, status: 302, error: 'HTTP 302', attempt: 3 })).toEqual({ status: 'failed' });
    expect(nextDeliveryState({ ...base, email: true, status: 451, error: 'SMTP: rejected', attempt: 3 })).toEqual({ status: 'failed' });
  });
});
