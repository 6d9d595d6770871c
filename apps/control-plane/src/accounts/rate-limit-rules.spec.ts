import { activeHits, callerKey, loginLockoutMs, secondsUntilReset } from './rate-limit-rules';

describe('rate-limit rules', () => {
  const state = { windowStartMs: 1_000, hits: 4, lastHitMs: 5_000 };

  it('counts hits only inside the window', () => {
    expect(activeHits(null, 60_000, 0)).toBe(0);
    expect(activeHits(state, 60_000, 1_000)).toBe(4);
    expect(activeHits(state, 60_000, 60_999)).toBe(4);
    expect(activeHits(state, 60_000, 61_000)).toBe(0);
  });

  it('says when the window resets, in whole seconds, at least 1', () => {
    expect(secondsUntilReset(null, 60_000, 0)).toBe(60);
    expect(secondsUntilReset(state, 60_000, 1_000)).toBe(60);
    expect(secondsUntilReset(state, 60_000, 60_500)).toBe(1);
    expect(secondsUntilReset(state, 60_000, 90_000)).toBe(1);
    expect(secondsUntilReset(state, 60_000, 30_001)).toBe(31);
  });

  it('locks a login after `after` failures, doubling the wait up to the maximum', () => {
    const policy = { after: 3, baseMs: 30_000, maxMs: 100_000 };
    expect(loginLockoutMs(0, 0, 0, policy)).toBe(0);
    expect(loginLockoutMs(2, 0, 0, policy)).toBe(0);
    expect(loginLockoutMs(3, 0, 0, policy)).toBe(30_000);
    expect(loginLockoutMs(3, 0, 10_000, policy)).toBe(20_000);
    expect(loginLockoutMs(3, 0, 30_000, policy)).toBe(0);
    expect(loginLockoutMs(4, 0, 0, policy)).toBe(60_000);
    expect(loginLockoutMs(5, 0, 0, policy)).toBe(100_000);
    expect(loginLockoutMs(10_000, 0, 0, policy)).toBe(100_000);
  });

  it('keys an authenticated caller by account, others by IP', () => {
    expect(callerKey('acc_1', '10.0.0.1')).toBe('acc:acc_1');
    expect(callerKey(null, '10.0.0.1')).toBe('ip:10.0.0.1');
    expect(callerKey(undefined, undefined)).toBe('ip:unknown');
  });
});
