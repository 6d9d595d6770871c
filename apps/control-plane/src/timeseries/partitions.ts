import { DAY_MS, floorTo } from './window';

/** `YYYY-MM-DD` of a time (UTC). */
export const dayOf = (t: number | Date): string =>
  new Date(typeof t === 'number' ? t : t.getTime()).toISOString().slice(0, 10);

/** The first kept day: results scheduled before it are past the retention. */
export const retentionCutoff = (now: number, retentionDays: number): number =>
  floorTo(now, DAY_MS) - retentionDays * DAY_MS;

/**
 * Partition maintenance as a pure plan: partitions for yesterday (late results), today
 * and `aheadDays` days ahead must exist; partitions of days before the retention cutoff
 * are dropped whole. Days in between are created only when a result needs one.
 */
export function planPartitions(
  existing: string[],
  now: number,
  retentionDays: number,
  aheadDays: number,
): { create: string[]; drop: string[] } {
  const have = new Set(existing);
  const today = floorTo(now, DAY_MS);
  const create: string[] = [];
  for (let d = today - DAY_MS; d <= today + aheadDays * DAY_MS; d += DAY_MS) {
    if (d >= retentionCutoff(now, retentionDays) && !have.has(dayOf(d))) create.push(dayOf(d));
  }
  const cutoffDay = dayOf(retentionCutoff(now, retentionDays));
  const drop = existing.filter((d) => d < cutoffDay);
  return { create, drop };
}
