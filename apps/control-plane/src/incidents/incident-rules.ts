import type { IncidentRegionResult } from './incident.entity';
import { IMPACTS, MANUAL_STATUSES, type IncidentImpact, type ManualStatus } from './incident.entity';

/** Pure rules of incidents as a timeline (SPEC 3.7a). */

export const STATUS_LABELS: Record<string, string> = {
  open: 'Investigating',
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
};

export const TITLE_MAX = 200;
export const TEXT_MAX = 10_000;
export const LABEL_MAX = 64;
export const MAX_INCIDENT_MONITORS = 100;
/** Updates one incident may carry: a timeline, not a chat. */
export const MAX_UPDATES = 200;

export function isManualStatus(s: unknown): s is ManualStatus {
  return typeof s === 'string' && (MANUAL_STATUSES as readonly string[]).includes(s);
}

export function isImpact(s: unknown): s is IncidentImpact {
  return typeof s === 'string' && (IMPACTS as readonly string[]).includes(s);
}

/** An incident's label for a status ("Identified"); the status itself when unknown. */
export function statusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status;
}

/**
 * Text stored from user input: NUL and other control characters (but newlines and tabs)
 * become spaces, lone surrogates and non-characters are dropped, the result trimmed and cut
 * to `max` characters. PostgreSQL cannot store NUL; the public page must not carry the rest.
 */
export function cleanUserText(input: string, max: number): string {
  let out = '';
  let n = 0;
  for (const ch of input) {
    if (n >= max) break;
    const c = ch.codePointAt(0)!;
    if ((c < 0x20 && c !== 0x0a && c !== 0x09) || (c >= 0x7f && c <= 0x9f)) out += ' ';
    else if ((c >= 0xd800 && c <= 0xdfff) || c === 0xfffe || c === 0xffff) continue;
    else out += ch;
    n += 1;
  }
  return out.trim();
}

/** The first update of an automatic incident (label "Detected"), written by the decision: "Down in eu-west, us-east; ap-south up". */
export function detectedUpdate(
  regionResults: readonly IncidentRegionResult[] | null,
  affected: readonly string[],
): string {
  const rs = regionResults ?? [];
  const down = rs.filter((r) => r.is_up === false).map((r) => r.region);
  const failing = down.length ? down : [...affected];
  const up = rs.filter((r) => r.is_up === true).map((r) => r.region);
  const unknown = rs.filter((r) => r.is_up === null).map((r) => r.region);
  const parts = [`Down in ${failing.length ? failing.join(', ') : 'every region that answered'}`];
  if (up.length) parts.push(`${up.join(', ')} up`);
  if (unknown.length) parts.push(`no result from ${unknown.join(', ')}`);
  return parts.join('; ');
}

/** The last update of an automatic incident (label "Resolved"): "Recovered after 5 min: the monitor is up again". */
export function resolvedUpdate(durationSeconds: number | null): string {
  return durationSeconds === null
    ? 'Recovered: the monitor is up again'
    : `Recovered after ${humanDuration(durationSeconds)}: the monitor is up again`;
}

export function humanDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const m = Math.round(seconds / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
}

/** Is the incident over? Automatic and manual incidents alike end in `resolved`. */
export const isResolved = (status: string): boolean => status === 'resolved';

/**
 * The `status` filter of GET /incidents: `open` (StatusRooster) means every incident not
 * resolved yet, manual ones included; a manual status matches exactly; `resolved` both.
 */
export function statusFilter(status: string | undefined): { unresolved: true } | { exact: string } | null {
  if (status === undefined || status === '') return null;
  if (status === 'open') return { unresolved: true };
  if (status === 'resolved' || isManualStatus(status)) return { exact: status };
  return null;
}

/** The title of a regional incident (decisions/regional-incident.ts): "Shop API is degraded in eu-west". */
export function regionalTitle(monitorName: string, regions: readonly string[]): string {
  return `${monitorName} is degraded in ${regions.length ? regions.join(', ') : 'one region'}`;
}

/** The first update of a regional incident (label "Detected"). */
export function regionalDetectedUpdate(regions: readonly string[], rounds: number, up: readonly string[]): string {
  const where = regions.join(', ');
  const still = up.length ? `; the monitor is up from ${up.join(', ')}` : '';
  return `Failing in ${where} for ${rounds} consecutive round${rounds === 1 ? '' : 's'}${still}`;
}

/** The last update of a regional incident (label "Resolved"): recovered, superseded by an outage, or turned off. */
export function regionalResolvedUpdate(
  durationSeconds: number,
  reason: 'recovered' | 'superseded' | 'disabled',
): string {
  if (reason === 'superseded')
    return `Superseded after ${humanDuration(durationSeconds)}: the monitor is down (an outage incident follows it)`;
  if (reason === 'disabled')
    return `Closed after ${humanDuration(durationSeconds)}: regional incidents were turned off for this monitor`;
  return `Recovered after ${humanDuration(durationSeconds)}: every affected region answers again`;
}
