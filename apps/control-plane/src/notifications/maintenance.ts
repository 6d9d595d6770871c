/**
 * Recurring per-monitor maintenance windows (StatusRooster `maintenance_windows`, SPEC 3.4):
 * `{ day: "monday"…"sunday" | "daily", start_utc: "HH:MM", end_utc: "HH:MM" }`, all in UTC.
 *
 * - A window covers [start, end): the start minute is inside, the end minute is not.
 * - `end_utc` earlier than `start_utc` crosses midnight: the window runs from `start` on its
 *   day to `end` on the next day (`{day: "sunday", 23:00, 01:00}` covers Sunday 23:00 to
 *   Monday 01:00; a daily one covers 23:00 to 01:00 every night).
 * - `start_utc` equal to `end_utc` covers the whole 24 h from `start` (a full day).
 * - Malformed entries (never stored: the API validates them) never match.
 */
export interface MaintenanceWindowLike {
  day: string;
  start_utc: string;
  end_utc: string;
}

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MINUTES_PER_DAY = 24 * 60;
const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minutes(hhmm: string): number | null {
  const m = HHMM.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** true when `window` covers the instant `now` (UTC). */
export function windowCovers(window: MaintenanceWindowLike, now: Date): boolean {
  const start = minutes(window.start_utc);
  const end = minutes(window.end_utc);
  if (start === null || end === null) return false;
  const day = window.day.toLowerCase();
  const dayIndex = day === 'daily' ? -1 : DAYS.indexOf(day);
  if (day !== 'daily' && dayIndex < 0) return false;
  const length = end > start ? end - start : end + MINUTES_PER_DAY - start; // equal: a full day
  const nowMinute =
    now.getUTCHours() * 60 + now.getUTCMinutes() + now.getUTCSeconds() / 60 + now.getUTCMilliseconds() / 60000;
  const today = now.getUTCDay();
  // The window may have started today or (when it crosses midnight) yesterday.
  for (const [startedOn, offset] of [
    [today, 0],
    [(today + 6) % 7, MINUTES_PER_DAY],
  ] as const) {
    if (dayIndex >= 0 && dayIndex !== startedOn) continue;
    const sinceStart = nowMinute + offset - start;
    if (sinceStart >= 0 && sinceStart < length) return true;
  }
  return false;
}

/** true when any of the monitor's windows covers `now`: checks run, but no incident opens and nothing is notified. */
export function inMaintenance(windows: readonly MaintenanceWindowLike[] | null | undefined, now: Date): boolean {
  return (windows ?? []).some((w) => windowCovers(w, now));
}
