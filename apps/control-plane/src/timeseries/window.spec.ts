import {
  DAY_MS,
  defaultBucket,
  foldedThroughOf,
  foldedUntil,
  HOUR_MS,
  MINUTE_MS,
  planWindow,
  Range,
  seriesStarts,
} from './window';

const T0 = Date.parse('2026-03-10T00:00:00Z');

/** Every piece is aligned to its source, pieces do not overlap, and together they are exactly [from, to). */
function checkPlan(from: number, to: number, bucket: 'minute' | 'hour' | 'day', folded = Infinity) {
  const plan = planWindow(new Date(from), new Date(to), bucket, folded);
  const all: (Range & { src: string })[] = [
    ...plan.day.map((r) => ({ ...r, src: 'day' })),
    ...plan.hour.map((r) => ({ ...r, src: 'hour' })),
    ...plan.raw.map((r) => ({ ...r, src: 'raw' })),
  ].sort((a, b) => a.from.getTime() - b.from.getTime());
  let at = from;
  for (const r of all) {
    expect(r.from.getTime()).toBe(at);
    expect(r.to.getTime()).toBeGreaterThan(r.from.getTime());
    if (r.src === 'day') expect([r.from.getTime() % DAY_MS, r.to.getTime() % DAY_MS]).toEqual([0, 0]);
    if (r.src === 'hour') expect([r.from.getTime() % HOUR_MS, r.to.getTime() % HOUR_MS]).toEqual([0, 0]);
    at = r.to.getTime();
  }
  expect(at).toBe(to);
  if (bucket === 'minute') expect(plan.day.length + plan.hour.length).toBe(0);
  if (bucket === 'hour') expect(plan.day).toHaveLength(0);
  for (const r of plan.day) expect(r.to.getTime()).toBeLessThanOrEqual(folded);
  return plan;
}

describe('planWindow', () => {
  const offsets = [
    0,
    1,
    59_999,
    MINUTE_MS,
    17 * MINUTE_MS + 5,
    HOUR_MS - 1,
    HOUR_MS,
    5 * HOUR_MS + 3,
    DAY_MS - 1,
    DAY_MS,
    DAY_MS + 7 * MINUTE_MS,
  ];
  const lengths = [
    1,
    MINUTE_MS,
    HOUR_MS - 1,
    HOUR_MS,
    HOUR_MS + 1,
    23 * HOUR_MS,
    DAY_MS,
    DAY_MS + HOUR_MS + 1,
    3 * DAY_MS + 61 * MINUTE_MS,
    90 * DAY_MS,
  ];
  it.each(['minute', 'hour', 'day'] as const)('covers every window exactly once with aligned pieces (%s)', (bucket) => {
    for (const o of offsets) for (const l of lengths) checkPlan(T0 + o, T0 + o + l, bucket);
  });

  it('reads whole days from daily rollups, whole hours from hourly rollups and the cut edges raw', () => {
    const plan = checkPlan(T0 + 10 * MINUTE_MS, T0 + 3 * DAY_MS + 2 * HOUR_MS + 5 * MINUTE_MS, 'day');
    expect(plan.raw.map((r) => [r.from.getTime() - T0, r.to.getTime() - T0])).toEqual([
      [10 * MINUTE_MS, HOUR_MS],
      [3 * DAY_MS + 2 * HOUR_MS, 3 * DAY_MS + 2 * HOUR_MS + 5 * MINUTE_MS],
    ]);
    expect(plan.hour.map((r) => [r.from.getTime() - T0, r.to.getTime() - T0])).toEqual([
      [HOUR_MS, DAY_MS],
      [3 * DAY_MS, 3 * DAY_MS + 2 * HOUR_MS],
    ]);
    expect(plan.day.map((r) => [r.from.getTime() - T0, r.to.getTime() - T0])).toEqual([[DAY_MS, 3 * DAY_MS]]);
  });

  it('covers every window exactly once whatever day the daily rollups are built through', () => {
    for (const folded of [T0 - 5 * DAY_MS, T0, T0 + DAY_MS, T0 + 2 * DAY_MS, T0 + 50 * DAY_MS])
      for (const o of offsets) for (const l of lengths) checkPlan(T0 + o, T0 + o + l, 'day', folded);
  });

  it('reads the days not folded yet from hourly rollups', () => {
    const span = (rs: Range[]) => rs.map((r) => [(r.from.getTime() - T0) / HOUR_MS, (r.to.getTime() - T0) / HOUR_MS]);
    // Days 1 and 2 folded, day 3 not yet: its hours come from hourly rollups.
    const plan = checkPlan(T0 + 10 * MINUTE_MS, T0 + 4 * DAY_MS + 2 * HOUR_MS, 'day', T0 + 3 * DAY_MS);
    expect(span(plan.day)).toEqual([[24, 72]]);
    expect(span(plan.hour)).toEqual([
      [1, 24],
      [72, 98],
    ]);
    // Nothing folded in the window: no daily rollups at all.
    expect(checkPlan(T0 + 10 * MINUTE_MS, T0 + 4 * DAY_MS, 'day', T0).day).toEqual([]);
    // foldedUntil is the start of the day after the last folded one.
    expect(foldedUntil('2026-03-12')).toBe(T0 + 3 * DAY_MS);
  });

  it('answers a window inside one hour from raw rows only, and an empty window with nothing', () => {
    expect(planWindow(new Date(T0 + 5), new Date(T0 + HOUR_MS - 5), 'day')).toEqual({
      day: [],
      hour: [],
      raw: [{ from: new Date(T0 + 5), to: new Date(T0 + HOUR_MS - 5) }],
    });
    expect(planWindow(new Date(T0), new Date(T0), 'hour')).toEqual({ day: [], hour: [], raw: [] });
  });
});

describe('series buckets', () => {
  it('start at the bucket containing `from` and stop before `to`', () => {
    expect(seriesStarts(new Date(T0 + 30 * MINUTE_MS), new Date(T0 + 2 * HOUR_MS), 'hour')).toEqual([T0, T0 + HOUR_MS]);
    expect(seriesStarts(new Date(T0), new Date(T0 + 2 * HOUR_MS + 1), 'hour')).toHaveLength(3);
  });
  it('default to minutes up to 6 h, hours up to 14 days, days beyond', () => {
    expect(defaultBucket(new Date(T0), new Date(T0 + 6 * HOUR_MS))).toBe('minute');
    expect(defaultBucket(new Date(T0), new Date(T0 + 6 * HOUR_MS + 1))).toBe('hour');
    expect(defaultBucket(new Date(T0), new Date(T0 + 14 * DAY_MS))).toBe('hour');
    expect(defaultBucket(new Date(T0), new Date(T0 + 30 * DAY_MS))).toBe('day');
  });
});

describe('foldedThroughOf', () => {
  it('is the fold watermark when the monitor has one', () => {
    expect(
      foldedThroughOf({ createdAt: new Date('2026-01-01T12:00:00Z'), fold: { foldedThrough: '2026-03-09' } }),
    ).toBe('2026-03-09');
  });

  it('is the day before the UTC creation day when the monitor was never folded', () => {
    expect(foldedThroughOf({ createdAt: new Date('2026-03-10T00:00:00Z'), fold: null })).toBe('2026-03-09');
    expect(foldedThroughOf({ createdAt: new Date('2026-03-10T23:59:59.999Z') })).toBe('2026-03-09');
    expect(foldedThroughOf({ createdAt: new Date('2026-03-01T08:00:00Z') })).toBe('2026-02-28');
  });
});
