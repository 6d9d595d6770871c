import type { MaintenanceStatus } from './maintenance.entity';

/**
 * Pure rules of scheduled maintenance (SPEC 3.7a).
 *
 * The status by the clock, `statusByClock(current, startsAt, endsAt, now)`:
 * - `cancelled` and `completed` are final: they never move again.
 * - at or after `endsAt`: `completed` (from `scheduled` too: a window that passed while no
 *   control plane ran starts and completes in one sweep);
 * - otherwise at or after `startsAt`: `in_progress`;
 * - otherwise: `scheduled`, except that a started maintenance never goes back (moving
 *   `starts_at` later while in progress keeps it in progress).
 * The window is [startsAt, endsAt): the start instant is inside, the end instant is not.
 *
 * `transitionEvents(from, to)`: the subscriber events of a move, in order.
 */
export const MAX_WINDOW_MS = 31 * 86_400_000;
export const MAX_AHEAD_MS = 366 * 86_400_000;
export const MAX_MAINTENANCE_MONITORS = 100;
export const MAX_MAINTENANCE_UPDATES = 200;

export function isFinal(s: MaintenanceStatus): boolean {
  return s === 'completed' || s === 'cancelled';
}

export function statusByClock(current: MaintenanceStatus, startsAt: Date, endsAt: Date, now: Date): MaintenanceStatus {
  if (isFinal(current)) return current;
  const t = now.getTime();
  if (t >= endsAt.getTime()) return 'completed';
  if (t >= startsAt.getTime() || current === 'in_progress') return 'in_progress';
  return 'scheduled';
}

export type MaintenanceEvent =
  'maintenance.scheduled' | 'maintenance.started' | 'maintenance.completed' | 'maintenance.cancelled';

export function transitionEvents(from: MaintenanceStatus, to: MaintenanceStatus): MaintenanceEvent[] {
  if (from === to || isFinal(from)) return [];
  if (to === 'cancelled') return ['maintenance.cancelled'];
  if (to === 'in_progress') return from === 'scheduled' ? ['maintenance.started'] : [];
  if (to === 'completed')
    return from === 'scheduled' ? ['maintenance.started', 'maintenance.completed'] : ['maintenance.completed'];
  return [];
}

export const STATUS_LABELS: Record<MaintenanceStatus, string> = {
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

/** The timeline text the sweep writes for a move. */
export function transitionUpdate(event: MaintenanceEvent): {
  label: string;
  content: string;
  status: MaintenanceStatus;
} {
  switch (event) {
    case 'maintenance.scheduled':
      return { label: 'Scheduled', content: 'Maintenance scheduled.', status: 'scheduled' };
    case 'maintenance.started':
      return { label: 'In progress', content: 'Maintenance started.', status: 'in_progress' };
    case 'maintenance.completed':
      return { label: 'Completed', content: 'Maintenance completed.', status: 'completed' };
    case 'maintenance.cancelled':
      return { label: 'Cancelled', content: 'Maintenance cancelled.', status: 'cancelled' };
  }
}

/** Problems of a window (field, message), empty when valid: ends after it starts, at most 31 days long, starts within a year. */
export function windowProblems(startsAt: Date, endsAt: Date, now: Date): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  if (endsAt.getTime() <= startsAt.getTime())
    out.push({ field: 'ends_at', message: 'ends_at must be after starts_at' });
  else if (endsAt.getTime() - startsAt.getTime() > MAX_WINDOW_MS)
    out.push({ field: 'ends_at', message: 'a maintenance lasts at most 31 days' });
  if (startsAt.getTime() - now.getTime() > MAX_AHEAD_MS)
    out.push({ field: 'starts_at', message: 'starts_at must be within a year from now' });
  return out;
}

/** An ISO 8601 instant with a time zone (Z or ±hh:mm), or null. */
export function parseInstant(s: unknown): Date | null {
  if (
    typeof s !== 'string' ||
    s.length > 40 ||
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(s)
  )
    return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d;
}
