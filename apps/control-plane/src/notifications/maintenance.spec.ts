import { inMaintenance, windowCovers } from './maintenance';

/** 2026-11-23 is a Monday. */
const at = (iso: string) => new Date(iso);

describe('inMaintenance', () => {
  it('is false without windows', () => {
    expect(inMaintenance([], at('2026-11-23T03:00:00Z'))).toBe(false);
    expect(inMaintenance(undefined, at('2026-11-23T03:00:00Z'))).toBe(false);
    expect(inMaintenance(null, at('2026-11-23T03:00:00Z'))).toBe(false);
  });

  describe('a daily window 02:00–04:00', () => {
    const w = [{ day: 'daily', start_utc: '02:00', end_utc: '04:00' }];
    it.each([
      ['2026-11-23T01:59:59.999Z', false],
      ['2026-11-23T02:00:00Z', true],
      ['2026-11-23T03:00:00Z', true],
      ['2026-11-23T03:59:59.999Z', true],
      ['2026-11-23T04:00:00Z', false],
      ['2026-11-24T02:30:00Z', true], // every day
      ['2026-11-29T02:30:00Z', true], // sunday too
      ['2026-11-23T14:00:00Z', false],
    ])('at %s → %s', (iso, expected) => expect(inMaintenance(w, at(iso))).toBe(expected));
  });

  describe('a weekly window (monday 02:00–04:00) only on its day', () => {
    const w = [{ day: 'monday', start_utc: '02:00', end_utc: '04:00' }];
    it.each([
      ['2026-11-23T02:30:00Z', true], // monday
      ['2026-11-24T02:30:00Z', false], // tuesday
      ['2026-11-22T02:30:00Z', false], // sunday
      ['2026-11-30T03:59:00Z', true], // next monday
    ])('at %s → %s', (iso, expected) => expect(inMaintenance(w, at(iso))).toBe(expected));
  });

  describe('a window crossing midnight', () => {
    const sunday = [{ day: 'sunday', start_utc: '23:00', end_utc: '01:00' }];
    it.each([
      ['2026-11-22T22:59:59Z', false], // sunday before
      ['2026-11-22T23:00:00Z', true], // sunday start
      ['2026-11-22T23:59:59Z', true],
      ['2026-11-23T00:00:00Z', true], // monday, carried over from sunday
      ['2026-11-23T00:59:59Z', true],
      ['2026-11-23T01:00:00Z', false], // end is exclusive
      ['2026-11-23T23:30:00Z', false], // monday night: not a sunday window
      ['2026-11-24T00:30:00Z', false], // tuesday early: carried over from monday, no
      ['2026-11-22T00:30:00Z', false], // sunday early: would come from saturday
    ])('sunday 23:00–01:00 at %s → %s', (iso, expected) => expect(inMaintenance(sunday, at(iso))).toBe(expected));

    const daily = [{ day: 'daily', start_utc: '22:30', end_utc: '00:15' }];
    it.each([
      ['2026-11-23T22:29:00Z', false],
      ['2026-11-23T22:30:00Z', true],
      ['2026-11-24T00:14:59Z', true],
      ['2026-11-24T00:15:00Z', false],
      ['2026-11-28T00:00:00Z', true], // saturday 00:00, from friday night
    ])('daily 22:30–00:15 at %s → %s', (iso, expected) => expect(inMaintenance(daily, at(iso))).toBe(expected));

    it('a saturday window carries into sunday (week wrap)', () => {
      const sat = [{ day: 'saturday', start_utc: '23:00', end_utc: '02:00' }];
      expect(inMaintenance(sat, at('2026-11-29T01:00:00Z'))).toBe(true); // sunday 01:00
      expect(inMaintenance(sat, at('2026-11-23T01:00:00Z'))).toBe(false); // monday 01:00
    });
  });

  it('start equal to end covers a full day from the start', () => {
    const w = [{ day: 'monday', start_utc: '06:00', end_utc: '06:00' }];
    expect(inMaintenance(w, at('2026-11-23T05:59:00Z'))).toBe(false); // monday before start
    expect(inMaintenance(w, at('2026-11-23T06:00:00Z'))).toBe(true);
    expect(inMaintenance(w, at('2026-11-23T23:59:00Z'))).toBe(true);
    expect(inMaintenance(w, at('2026-11-24T05:59:59Z'))).toBe(true); // tuesday, still in it
    expect(inMaintenance(w, at('2026-11-24T06:00:00Z'))).toBe(false);
  });

  it('evaluates in UTC whatever the offset of the input notation', () => {
    const w = [{ day: 'monday', start_utc: '02:00', end_utc: '04:00' }];
    // 2026-11-23 03:00 UTC written as Sunday 22:00 in New York (-05:00)
    expect(inMaintenance(w, at('2026-11-22T22:00:00-05:00'))).toBe(true);
    // Monday 04:30 in Berlin is Monday 03:30 UTC
    expect(inMaintenance(w, at('2026-11-23T04:30:00+01:00'))).toBe(true);
    // Monday 03:00 in Berlin is Monday 02:00 UTC: the start minute
    expect(inMaintenance(w, at('2026-11-23T03:00:00+01:00'))).toBe(true);
    // Monday 02:30 in Berlin is Monday 01:30 UTC: before
    expect(inMaintenance(w, at('2026-11-23T02:30:00+01:00'))).toBe(false);
  });

  it('any one of several windows is enough', () => {
    const w = [
      { day: 'tuesday', start_utc: '10:00', end_utc: '11:00' },
      { day: 'daily', start_utc: '02:00', end_utc: '03:00' },
    ];
    expect(inMaintenance(w, at('2026-11-24T10:30:00Z'))).toBe(true);
    expect(inMaintenance(w, at('2026-11-23T10:30:00Z'))).toBe(false);
    expect(inMaintenance(w, at('2026-11-23T02:30:00Z'))).toBe(true);
  });

  it('accepts day names in any case and never matches malformed entries', () => {
    expect(windowCovers({ day: 'Monday', start_utc: '02:00', end_utc: '04:00' }, at('2026-11-23T03:00:00Z'))).toBe(
      true,
    );
    expect(windowCovers({ day: 'someday', start_utc: '02:00', end_utc: '04:00' }, at('2026-11-23T03:00:00Z'))).toBe(
      false,
    );
    expect(windowCovers({ day: 'daily', start_utc: '2:00', end_utc: '04:00' }, at('2026-11-23T03:00:00Z'))).toBe(false);
    expect(windowCovers({ day: 'daily', start_utc: '02:00', end_utc: '24:00' }, at('2026-11-23T03:00:00Z'))).toBe(
      false,
    );
  });

  it('every day-of-week window matches exactly one weekday', () => {
    const days = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
    for (const [i, day] of days.entries()) {
      const hits = [22, 23, 24, 25, 26, 27, 28].filter((d) =>
        inMaintenance([{ day, start_utc: '12:00', end_utc: '13:00' }], at(`2026-11-${d}T12:30:00Z`)),
      );
      expect(hits).toEqual([22 + i]); // 2026-11-22 is a Sunday
    }
  });
});
