import { RATE_WINDOW_MS, RateCounter, rateLimit, RateRequest } from './rate-limit';

const T0 = Date.UTC(2026, 11, 3, 12);
const one = (key: string, limit: number): RateRequest => ({ keys: [{ key, limit }] });

describe('rateLimit (pure)', () => {
  it('allows `limit` rows per key and window for every limit 1..10, collapses the rest and counts them on the key', () => {
    for (let limit = 1; limit <= 10; limit++) {
      const r = rateLimit(
        new Map(),
        Array.from({ length: 15 }, () => one('k', limit)),
        T0,
      );
      expect(r.verdicts.filter((v) => v.allowed)).toHaveLength(limit);
      expect(r.verdicts.slice(0, limit).every((v) => v.allowed)).toBe(true);
      expect(r.counters.get('k')).toEqual({ windowStart: T0, sent: limit, collapsed: 15 - limit });
    }
  });

  it('a new window starts once the old one is over; the first row out carries the collapsed count and resets it', () => {
    const full = new Map<string, RateCounter>([['k', { windowStart: T0, sent: 3, collapsed: 4 }]]);
    expect(rateLimit(full, [one('k', 3)], T0 + RATE_WINDOW_MS - 1).verdicts).toEqual([
      { allowed: false, collapsedBefore: 0 },
    ]);
    const next = rateLimit(full, [one('k', 3), one('k', 3)], T0 + RATE_WINDOW_MS);
    expect(next.verdicts).toEqual([
      { allowed: true, collapsedBefore: 4 },
      { allowed: true, collapsedBefore: 0 },
    ]);
    expect(next.counters.get('k')).toEqual({ windowStart: T0 + RATE_WINDOW_MS, sent: 2, collapsed: 0 });
    // A clock set back before the window restarts it too (never stuck).
    expect(rateLimit(full, [one('k', 3)], T0 - 1).verdicts[0].allowed).toBe(true);
  });

  it('a row with several keys goes out only when every key has room, counts sent on all and collapsed on the first', () => {
    const counters = new Map<string, RateCounter>([['address:a@x', { windowStart: T0, sent: 2, collapsed: 0 }]]);
    const row = (mon: string): RateRequest => ({
      keys: [
        { key: `email:${mon}|${mon}`, limit: 10 },
        { key: 'address:a@x', limit: 3 },
      ],
    });
    const r = rateLimit(counters, [row('m1'), row('m2'), row('m3')], T0 + 1);
    expect(r.verdicts.map((v) => v.allowed)).toEqual([true, false, false]);
    expect(r.counters.get('address:a@x')).toEqual({ windowStart: T0, sent: 3, collapsed: 0 });
    expect(r.counters.get('email:m1|m1')).toEqual({ windowStart: T0 + 1, sent: 1, collapsed: 0 });
    expect(r.counters.get('email:m2|m2')).toEqual({ windowStart: T0 + 1, sent: 0, collapsed: 1 });
    // Untouched counters are not answered; the input map is not changed.
    expect(counters.get('address:a@x')!.sent).toBe(2);
  });

  it('keys are independent; a row without keys always goes out', () => {
    const r = rateLimit(new Map(), [one('a', 1), one('b', 1), one('a', 1), { keys: [] }], T0);
    expect(r.verdicts.map((v) => v.allowed)).toEqual([true, true, false, true]);
    expect([...r.counters.keys()].sort()).toEqual(['a', 'b']);
  });
});
