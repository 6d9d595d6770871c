import {
  claimRound,
  expiredBy,
  firstPhasedRound,
  firstRound,
  latestRound,
  phaseMs,
  roundDeadline,
  roundDueAt,
  startBy,
} from './schedule';

describe('schedule math', () => {
  it('gives each monitor a stable phase inside its interval', () => {
    for (const interval of [1, 30, 60, 300]) {
      for (let i = 0; i < 200; i++) {
        const p = phaseMs(`mon_${i}`, interval);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThan(interval * 1000);
        expect(phaseMs(`mon_${i}`, interval)).toBe(p);
      }
    }
  });

  it('spreads monitors over the interval instead of firing together', () => {
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < 5000; i++) buckets[Math.floor(phaseMs(`mon_${i.toString(36)}x`, 60) / 6000)]++;
    for (const b of buckets) {
      expect(b).toBeGreaterThan(350);
      expect(b).toBeLessThan(650);
    }
  });

  it('latestRound and roundDueAt are inverse at slot boundaries', () => {
    const phase = 12_345;
    for (const round of [0, 1, 29_000_000, 29_000_001]) {
      const due = roundDueAt(round, 60, phase);
      expect(latestRound(due, 60, phase)).toBe(round);
      expect(latestRound(due - 1, 60, phase)).toBe(round - 1);
      expect(latestRound(due + 59_999, 60, phase)).toBe(round);
    }
  });

  it('claims the stored round when it is due, and schedules the next slot', () => {
    const phase = 500;
    const round = 1000;
    const now = roundDueAt(round, 10, phase) + 30; // 30 ms late
    expect(claimRound(round, now, 10, phase)).toEqual({
      round,
      nextRound: round + 1,
      nextDueAt: roundDueAt(round + 1, 10, phase),
      skipped: 0,
    });
  });

  it('a round claimed ahead of its slot takes the next number and leaves the schedule on the next slot', () => {
    const phase = 0;
    const now = roundDueAt(1000, 60, phase) + 10_000; // round 1000 ran; 1001 is stored as next
    let stored = 1001;
    const numbers: number[] = [];
    for (let i = 0; i < 5; i++) {
      // Five checks at once within the same slot (heartbeat pings that may change its status).
      const c = claimRound(stored, now + i * 1000, 60, phase);
      numbers.push(c.round);
      expect(c.nextDueAt).toBe(roundDueAt(1001, 60, phase));
      stored = c.nextRound;
    }
    expect(numbers).toEqual([1001, 1002, 1003, 1004, 1005]);
    // At the next slot the periodic check runs with the next unused number.
    expect(claimRound(stored, roundDueAt(1001, 60, phase), 60, phase)).toMatchObject({
      round: 1006,
      nextDueAt: roundDueAt(1002, 60, phase),
      skipped: 0,
    });
  });

  it('a restart within the interval neither skips nor repeats a round', () => {
    const phase = 0;
    const now = roundDueAt(1000, 60, phase) + 59_000; // down for 59 s
    expect(claimRound(1000, now, 60, phase)).toMatchObject({ round: 1000, nextRound: 1001, skipped: 0 });
  });

  it('after a long outage only the newest due round runs (no burst)', () => {
    const phase = 0;
    const now = roundDueAt(1010, 60, phase) + 5;
    const c = claimRound(1000, now, 60, phase);
    expect(c).toMatchObject({ round: 1010, nextRound: 1011, skipped: 10 });
    expect(c.nextDueAt).toBeGreaterThan(now);
  });

  it('a new monitor runs its current slot at once, then follows its phase', () => {
    const phase = 42_000;
    const now = 1_800_000_000_000;
    const f = firstRound(now, 60, phase);
    expect(f.nextDueAt).toBe(now);
    expect(roundDueAt(f.nextRound, 60, phase)).toBeLessThanOrEqual(now);
    const c = claimRound(f.nextRound, now, 60, phase);
    expect(c.round).toBe(f.nextRound);
    expect(c.nextDueAt).toBeGreaterThan(now);
    expect(c.nextDueAt - now).toBeLessThanOrEqual(60_000);
  });

  it('a monitor resumed in the slot it already ran waits for its next slot (a round number is never claimed twice)', () => {
    const phase = 42_000;
    const now = 1_800_000_000_000;
    const ran = claimRound(firstRound(now, 60, phase).nextRound, now, 60, phase);
    // Paused and resumed 10 s later, same interval: the stored next round is kept.
    const resumed = firstRound(now + 10_000, 60, phase, ran.nextRound);
    expect(resumed).toEqual({ nextRound: ran.round + 1, nextDueAt: roundDueAt(ran.round + 1, 60, phase) });
    // Numbers run ahead of slots (checks claimed early by pings): it still waits one slot only.
    expect(firstRound(now + 10_000, 60, phase, ran.round + 9)).toEqual({
      nextRound: ran.round + 9,
      nextDueAt: roundDueAt(ran.round + 1, 60, phase),
    });
    expect(claimRound(resumed.nextRound, resumed.nextDueAt, 60, phase).round).toBe(ran.round + 1);
    // Resumed after its next slot began: that slot runs at once.
    const later = now + 3 * 60_000;
    expect(firstRound(later, 60, phase, ran.nextRound)).toEqual({
      nextRound: latestRound(later, 60, phase),
      nextDueAt: later,
    });
    expect(latestRound(later, 60, phase)).toBeGreaterThan(ran.round);
  });
});

describe('round deadlines (one rule, one clock)', () => {
  const claimed = Date.parse('2026-12-02T12:00:00Z');
  it('gives the regions the timeout plus the grace from the claim', () => {
    expect(roundDeadline(claimed, 10, 5)).toBe(claimed + 15_000);
    expect(roundDeadline(claimed, 1, 0)).toBe(claimed + 1_000);
    expect(roundDeadline(claimed, 0, 0)).toBe(claimed); // a heartbeat check: decided at once
  });
  it('lets a probe start a job until the deadline minus the timeout, i.e. within the grace', () => {
    expect(startBy(roundDeadline(claimed, 10, 5), 10)).toBe(claimed + 5_000);
    expect(startBy(roundDeadline(claimed, 30, 0), 30)).toBe(claimed);
    for (const [timeout, grace] of [
      [1, 1],
      [5, 2],
      [60, 10],
    ])
      expect(startBy(roundDeadline(claimed, timeout, grace), timeout) - claimed).toBe(grace * 1000);
  });
  it('has the sweep decide a round only once its deadline is past by the redelivery wait', () => {
    const deadline = roundDeadline(claimed, 10, 5);
    const wait = 32_000;
    expect(deadline <= expiredBy(deadline + wait - 1, wait)).toBe(false);
    expect(deadline <= expiredBy(deadline + wait, wait)).toBe(true);
    expect(expiredBy(claimed, 0)).toBe(claimed);
  });
});

describe('firstPhasedRound (bulk create)', () => {
  it("starts at the monitor's next phase slot, within one interval after now, never at once", () => {
    for (const interval of [1, 60, 300]) {
      for (const id of ['mon_a', 'mon_b', 'mon_c', 'mon_d']) {
        const phase = phaseMs(id, interval);
        for (const now of [1_800_000_000_000, 1_800_000_000_000 + 123, 1_800_000_000_000 + interval * 1000 - 1]) {
          const f = firstPhasedRound(now, interval, phase);
          expect(f.nextDueAt).toBeGreaterThan(now);
          expect(f.nextDueAt).toBeLessThanOrEqual(now + interval * 1000);
          expect(f.nextDueAt).toBe(roundDueAt(f.nextRound, interval, phase));
          expect(f.nextRound).toBe(latestRound(now, interval, phase) + 1);
        }
      }
    }
  });

  it('spreads monitors created together over their interval', () => {
    const now = 1_800_000_000_000;
    const due = Array.from(
      { length: 1000 },
      (_, i) => firstPhasedRound(now, 60, phaseMs(`mon_${i.toString(36).padStart(16, '0')}`, 60)).nextDueAt - now,
    );
    const perTenSeconds = Array.from(
      { length: 6 },
      (_, k) => due.filter((d) => d > k * 10_000 && d <= (k + 1) * 10_000).length,
    );
    for (const n of perTenSeconds) expect(n).toBeGreaterThan(100); // ~167 each, none empty
    expect(perTenSeconds.reduce((a, b) => a + b, 0)).toBe(1000);
  });
});
