/**
 * The SLA rule (pure). Uptime over the monitor's window from round outcomes: down rounds
 * fail, rounds without data do not count, an empty window is 100 %. It fires once when
 * uptime falls below the target and re-arms when uptime is back at or above it.
 */

/** Only a down round can breach and only another round can re-arm: the window is read only then. */
export function slaNeedsWindow(breached: boolean, down: boolean): boolean {
  return down !== breached;
}

/** Uptime in percent of `total` counted rounds of which `failed` were down (100 for none). */
export function slaUptime(total: number, failed: number): number {
  return total === 0 ? 100 : ((total - failed) / total) * 100;
}

export type SlaStep = { kind: 'unchanged' } | { kind: 'breach'; uptimePercent: number } | { kind: 'rearm' };

/** What the window answers: the breach state changes (fire, or re-arm silently) or stays. */
export function slaStep(breached: boolean, total: number, failed: number, targetPercent: number): SlaStep {
  const uptime = slaUptime(total, failed);
  const below = uptime < targetPercent;
  if (below === breached) return { kind: 'unchanged' };
  return below ? { kind: 'breach', uptimePercent: Math.round(uptime * 1000) / 1000 } : { kind: 'rearm' };
}
