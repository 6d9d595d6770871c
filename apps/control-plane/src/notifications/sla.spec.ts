import { slaNeedsWindow, slaStep, slaUptime } from './sla';

describe('slaNeedsWindow', () => {
  it('reads the window on a down round while not breached, and on any other round while breached', () => {
    expect(slaNeedsWindow(false, true)).toBe(true);
    expect(slaNeedsWindow(true, false)).toBe(true);
  });
  it('skips it when the round cannot change the state', () => {
    expect(slaNeedsWindow(false, false)).toBe(false);
    expect(slaNeedsWindow(true, true)).toBe(false);
  });
});

describe('slaUptime', () => {
  it('is 100 for an empty window and the share of rounds not down otherwise', () => {
    expect(slaUptime(0, 0)).toBe(100);
    expect(slaUptime(4, 1)).toBe(75);
    expect(slaUptime(3, 3)).toBe(0);
  });
});

describe('slaStep', () => {
  it('fires once when uptime falls below the target, with uptime rounded to 3 decimals', () => {
    expect(slaStep(false, 3, 1, 99.9)).toEqual({ kind: 'breach', uptimePercent: 66.667 });
    expect(slaStep(false, 1000, 2, 99.9)).toEqual({ kind: 'breach', uptimePercent: 99.8 });
  });
  it('does not fire again while breached and below', () => {
    expect(slaStep(true, 3, 1, 99.9)).toEqual({ kind: 'unchanged' });
  });
  it('re-arms (silently) once uptime is back at or above the target', () => {
    expect(slaStep(true, 1000, 1, 99.9)).toEqual({ kind: 'rearm' });
    expect(slaStep(true, 0, 0, 99.9)).toEqual({ kind: 'rearm' });
  });
  it('treats uptime equal to the target as met', () => {
    expect(slaStep(false, 4, 1, 75)).toEqual({ kind: 'unchanged' });
    expect(slaStep(false, 4, 1, 75.001)).toEqual({ kind: 'breach', uptimePercent: 75 });
  });
  it('stays unchanged while not breached and at or above the target', () => {
    expect(slaStep(false, 10, 0, 100)).toEqual({ kind: 'unchanged' });
  });
});
