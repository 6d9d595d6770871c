import { MAINTENANCE_STATUSES, MaintenanceStatus } from './maintenance.entity';
import {
  isFinal,
  parseInstant,
  statusByClock,
  transitionEvents,
  transitionUpdate,
  windowProblems,
} from './maintenance-rules';

const start = new Date('2026-12-03T10:00:00Z');
const end = new Date('2026-12-03T12:00:00Z');
const at = (iso: string) => new Date(iso);

describe('statusByClock', () => {
  it.each<[MaintenanceStatus, string, MaintenanceStatus]>([
    ['scheduled', '2026-12-03T09:59:59.999Z', 'scheduled'],
    ['scheduled', '2026-12-03T10:00:00.000Z', 'in_progress'],
    ['scheduled', '2026-12-03T11:00:00Z', 'in_progress'],
    ['scheduled', '2026-12-03T12:00:00.000Z', 'completed'],
    ['scheduled', '2026-12-04T00:00:00Z', 'completed'],
    ['in_progress', '2026-12-03T11:59:59.999Z', 'in_progress'],
    ['in_progress', '2026-12-03T12:00:00Z', 'completed'],
    ['in_progress', '2026-12-03T09:00:00Z', 'in_progress'],
    ['completed', '2026-12-03T11:00:00Z', 'completed'],
    ['completed', '2026-12-03T09:00:00Z', 'completed'],
    ['cancelled', '2026-12-03T11:00:00Z', 'cancelled'],
    ['cancelled', '2026-12-03T13:00:00Z', 'cancelled'],
  ])('%s at %s → %s', (current, now, expected) => {
    expect(statusByClock(current, start, end, at(now))).toBe(expected);
  });
});

describe('transitionEvents', () => {
  it('names the events of every move, in order', () => {
    const table: Record<string, string[]> = {};
    for (const from of MAINTENANCE_STATUSES)
      for (const to of MAINTENANCE_STATUSES) table[`${from}→${to}`] = transitionEvents(from, to);
    expect(table).toEqual({
      'scheduled→scheduled': [],
      'scheduled→in_progress': ['maintenance.started'],
      'scheduled→completed': ['maintenance.started', 'maintenance.completed'],
      'scheduled→cancelled': ['maintenance.cancelled'],
      'in_progress→scheduled': [],
      'in_progress→in_progress': [],
      'in_progress→completed': ['maintenance.completed'],
      'in_progress→cancelled': ['maintenance.cancelled'],
      'completed→scheduled': [],
      'completed→in_progress': [],
      'completed→completed': [],
      'completed→cancelled': [],
      'cancelled→scheduled': [],
      'cancelled→in_progress': [],
      'cancelled→completed': [],
      'cancelled→cancelled': [],
    });
  });

  it('writes a timeline entry for each event', () => {
    expect(transitionUpdate('maintenance.started')).toEqual({
      label: 'In progress',
      content: 'Maintenance started.',
      status: 'in_progress',
    });
    expect(transitionUpdate('maintenance.completed').status).toBe('completed');
    expect(transitionUpdate('maintenance.cancelled').status).toBe('cancelled');
    expect(transitionUpdate('maintenance.scheduled').status).toBe('scheduled');
  });

  it('knows the final statuses', () => {
    expect(MAINTENANCE_STATUSES.filter(isFinal)).toEqual(['completed', 'cancelled']);
  });
});

describe('windowProblems', () => {
  const now = at('2026-12-03T08:00:00Z');
  it('accepts a window that ends after it starts, up to 31 days, starting within a year', () => {
    expect(windowProblems(start, end, now)).toEqual([]);
    expect(windowProblems(start, new Date(start.getTime() + 31 * 86_400_000), now)).toEqual([]);
    expect(windowProblems(at('2027-12-03T08:00:00Z'), at('2027-12-03T09:00:00Z'), now)).toEqual([]);
  });
  it('names the field of each problem', () => {
    expect(windowProblems(end, start, now)).toEqual([{ field: 'ends_at', message: 'ends_at must be after starts_at' }]);
    expect(windowProblems(start, start, now).map((p) => p.field)).toEqual(['ends_at']);
    expect(windowProblems(start, new Date(start.getTime() + 31 * 86_400_000 + 1), now)).toEqual([
      { field: 'ends_at', message: 'a maintenance lasts at most 31 days' },
    ]);
    expect(windowProblems(at('2027-12-05T08:00:00Z'), at('2027-12-05T09:00:00Z'), now).map((p) => p.field)).toEqual([
      'starts_at',
    ]);
  });
});

describe('parseInstant', () => {
  it('takes ISO 8601 instants with a zone', () => {
    expect(parseInstant('2026-12-03T10:00:00Z')?.toISOString()).toBe('2026-12-03T10:00:00.000Z');
    expect(parseInstant('2026-12-03T12:00:00.5+02:00')?.toISOString()).toBe('2026-12-03T10:00:00.500Z');
    expect(parseInstant('2026-12-03T10:00Z')?.toISOString()).toBe('2026-12-03T10:00:00.000Z');
  });
  it.each([
    ['2026-12-03T10:00:00'],
    ['2026-12-03'],
    ['tomorrow'],
    ['2026-13-45T10:00:00Z'],
    [''],
    [12],
    [null],
    ['x'.repeat(50)],
  ])('refuses %p', (s) => {
    expect(parseInstant(s)).toBeNull();
  });
});
