import type { EventName } from './events';

/**
 * The events of a regional incident (decisions/regional-incident.ts), pure: opening one is
 * `monitor.degraded` (the monitor's own channels get it too; a region's trouble is never
 * `monitor.down`) then `incident.created`; resolving it is `incident.resolved`. The monitor's
 * status changes keep their own events (fan-out.ts `raisedEvents`).
 */
export function regionalEvents(state: 'open' | 'resolved'): EventName[] {
  return state === 'open' ? ['monitor.degraded', 'incident.created'] : ['incident.resolved'];
}
