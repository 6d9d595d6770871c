/**
 * Probe fleet health (SPEC 3.8), a pure function over the probes table.
 *
 * - A region is **healthy** while at least one of its probes that is not leaving was
 *   seen within the presence TTL.
 * - An unhealthy region is **unhealthy since** the moment its last probe stopped
 *   counting: last seen + TTL for a probe that vanished, the `leaving` announcement for
 *   one that shut down cleanly. A region with no probe on record has been unhealthy
 *   at least since this control plane started.
 * - A region **receives jobs** while healthy, and for `graceMs` after it became
 *   unhealthy or after this control plane started, whichever is later: a fresh control
 *   plane has seen no presence yet and must not take every region for dead.
 */

/** One region's probes as stored (aggregated by ProbesRepository.regionPresence). */
export interface RegionPresence {
  region: string;
  /** Probes not leaving, seen within the TTL. */
  online: number;
  /** Latest announcement of a probe that was not leaving. */
  lastAlive: Date | null;
  /** Latest `leaving` announcement. */
  lastLeft: Date | null;
}

export interface RegionHealth {
  region: string;
  healthy: boolean;
  probesOnline: number;
  /** Null while healthy. */
  unhealthySince: Date | null;
  receivingJobs: boolean;
}

export interface FleetHealth {
  at: Date;
  regions: RegionHealth[];
  /** Probes online that announce a region this control plane does not know (never trusted). */
  unknownRegionProbes: number;
  unknownRegions: string[];
}

export interface FleetHealthInput {
  configuredRegions: readonly string[];
  presence: readonly RegionPresence[];
  now: number;
  bootAt: number;
  ttlMs: number;
  graceMs: number;
}

export function fleetHealth(i: FleetHealthInput): FleetHealth {
  const byRegion = new Map(i.presence.map((p) => [p.region, p]));
  const regions = i.configuredRegions.map((region): RegionHealth => {
    const p = byRegion.get(region);
    const online = p?.online ?? 0;
    if (online > 0) return { region, healthy: true, probesOnline: online, unhealthySince: null, receivingJobs: true };
    const ends = [
      p?.lastAlive ? p.lastAlive.getTime() + i.ttlMs : null,
      p?.lastLeft ? p.lastLeft.getTime() : null,
    ].filter((t): t is number => t !== null);
    // The clamp to `now` covers a probe whose last announcement is just inside the TTL by
    // one clock and just outside by another.
    const since = ends.length ? Math.min(Math.max(...ends), i.now) : i.bootAt;
    const graceFrom = Math.max(since, i.bootAt);
    return {
      region,
      healthy: false,
      probesOnline: 0,
      unhealthySince: new Date(since),
      receivingJobs: i.now - graceFrom < i.graceMs,
    };
  });
  const unknown = i.presence.filter((p) => !i.configuredRegions.includes(p.region) && p.online > 0);
  return {
    at: new Date(i.now),
    regions,
    unknownRegionProbes: unknown.reduce((n, p) => n + p.online, 0),
    unknownRegions: unknown.map((p) => p.region).sort(),
  };
}

/**
 * A region's load on its capacity: (checks running + jobs waiting) / concurrent checks of
 * its online probes, 3 decimals; above 1 jobs wait for slots (add probes). Null without capacity.
 */
export function regionUtilisation(inFlight: number, queued: number, capacity: number): number | null {
  if (!(capacity > 0)) return null;
  return Math.round(((Math.max(0, inFlight) + Math.max(0, queued)) / capacity) * 1000) / 1000;
}
