import { parseLookupTarget, slidingWindow } from './tool-rules';

describe('parseLookupTarget', () => {
  it.each([
    ['example.com', { kind: 'domain', name: 'example.com' }],
    ['Example.COM.', { kind: 'domain', name: 'example.com' }],
    ['xn--bcher-kva.example', { kind: 'domain', name: 'xn--bcher-kva.example' }],
    ['93.184.216.34', { kind: 'ip', ip: '93.184.216.34' }],
    ['2001:db8::1', { kind: 'ip', ip: '2001:db8::1' }],
    ['[2001:db8::1]', { kind: 'ip', ip: '2001:db8::1' }],
  ])('%s is accepted', (raw, want) => {
    expect(parseLookupTarget(raw)).toEqual(want);
  });

  it.each(['', 'localhost', 'com', '-bad.com', 'bad-.com', 'a..com', 'exa mple.com', 'example.com/path', 'http://example.com', '1.2.3', '999.1.1.1', `${'a'.repeat(64)}.com`, `${'a.'.repeat(130)}com`, 'ex\u0000ample.com'])('%j is refused', (raw) => {
    expect(parseLookupTarget(raw)).toBeNull();
  });

  it('refuses what is not a string', () => {
    expect(parseLookupTarget(undefined)).toBeNull();
    expect(parseLookupTarget(['example.com'])).toBeNull();
  });
});

describe('slidingWindow', () => {
  it('allows up to the limit in the window, then says when to retry', () => {
    let calls: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = slidingWindow(calls, 1000 + i * 1000, 3, 60_000);
      expect(r.allowed).toBe(true);
      calls = r.calls;
    }
    const refused = slidingWindow(calls, 10_000, 3, 60_000);
    expect(refused).toEqual({ allowed: false, calls: [1000, 2000, 3000], retryAfterSeconds: 51 });
    // The oldest leaves the window: one more is allowed.
    const later = slidingWindow(calls, 61_001, 3, 60_000);
    expect(later.allowed).toBe(true);
    expect(later.calls).toEqual([2000, 3000, 61_001]);
  });
});
