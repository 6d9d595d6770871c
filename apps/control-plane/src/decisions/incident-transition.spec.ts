import type { MonitorStatus } from '../monitors/monitor.entity';
import { IncidentAction, incidentLookupNeeded, incidentTransition, OpenIncident } from './incident-transition';
import type { RoundDecision } from './round-summary';

const DECISIONS: RoundDecision[] = ['up', 'degraded', 'down', 'warn', 'no_data'];
const STATUSES: MonitorStatus[] = ['pending', 'up', 'degraded', 'down', 'warn'];
const AT = new Date('2026-11-23T10:05:00Z');
const OPEN: OpenIncident = { id: 'inc_1', affectedRegions: ['eu-west'], startedAt: new Date('2026-11-23T10:00:00Z') };
const FAILING: string[][] = [[], ['eu-west'], ['us-east'], ['eu-west', 'us-east'], ['us-east', 'us-east']];

describe('incidentTransition (pure)', () => {
  it('matches the rule for every decision × previous status × open incident or none × maintenance × failing regions', () => {
    let cases = 0;
    for (const decision of DECISIONS) {
      for (const previousStatus of STATUSES) {
        for (const open of [null, OPEN]) {
          for (const maintenance of [false, true]) {
            for (const failing of FAILING) {
              const got = incidentTransition({ decision, previousStatus, open, failing, maintenance, at: AT });
              let want: IncidentAction = { kind: 'none' };
              if (decision === 'down' && open) {
                const added = failing.filter((r) => !open.affectedRegions.includes(r));
                if (added.length)
                  want = { kind: 'widen', incidentId: 'inc_1', affectedRegions: ['eu-west', ...new Set(added)] };
              } else if (decision === 'down' && !maintenance)
                want = { kind: 'open', affectedRegions: [...new Set(failing)], startedAt: AT };
              else if (decision !== 'down' && decision !== 'no_data' && previousStatus === 'down' && open)
                want = { kind: 'resolve', incidentId: 'inc_1', resolvedAt: AT, durationSeconds: 300 };
              expect([decision, previousStatus, !!open, maintenance, failing, got]).toEqual([
                decision,
                previousStatus,
                !!open,
                maintenance,
                failing,
                want,
              ]);
              cases++;
            }
          }
        }
      }
    }
    expect(cases).toBe(5 * 5 * 2 * 2 * 5);
  });

  it('opens in a maintenance window never, but resolves in one (the outage ended)', () => {
    expect(
      incidentTransition({
        decision: 'down',
        previousStatus: 'up',
        open: null,
        failing: ['a', 'b'],
        maintenance: true,
        at: AT,
      }),
    ).toEqual({ kind: 'none' });
    expect(
      incidentTransition({
        decision: 'up',
        previousStatus: 'down',
        open: OPEN,
        failing: [],
        maintenance: true,
        at: AT,
      }),
    ).toMatchObject({ kind: 'resolve' });
  });

  it('a monitor that went down inside a window and is still down after it opens its incident with the first round after the window', () => {
    expect(
      incidentTransition({
        decision: 'down',
        previousStatus: 'down',
        open: null,
        failing: ['a', 'b'],
        maintenance: false,
        at: AT,
      }),
    ).toEqual({ kind: 'open', affectedRegions: ['a', 'b'], startedAt: AT });
  });

  it('a resolution never has a negative duration (clock behind the incident start) and rounds to whole seconds', () => {
    const early = new Date(OPEN.startedAt.getTime() - 5_000);
    expect(
      incidentTransition({
        decision: 'up',
        previousStatus: 'down',
        open: OPEN,
        failing: [],
        maintenance: false,
        at: early,
      }),
    ).toMatchObject({ durationSeconds: 0 });
    const later = new Date(OPEN.startedAt.getTime() + 1_499);
    expect(
      incidentTransition({
        decision: 'degraded',
        previousStatus: 'down',
        open: OPEN,
        failing: ['a'],
        maintenance: false,
        at: later,
      }),
    ).toMatchObject({ durationSeconds: 1 });
  });

  it('looks the open incident up only when the transition can use it', () => {
    for (const d of DECISIONS)
      for (const s of STATUSES) expect(incidentLookupNeeded(d, s)).toBe(d === 'down' || s === 'down');
    // Whenever no lookup is needed, the answer does not depend on the open incident.
    for (const decision of DECISIONS) {
      for (const previousStatus of STATUSES) {
        if (incidentLookupNeeded(decision, previousStatus)) continue;
        for (const maintenance of [false, true]) {
          const a = incidentTransition({ decision, previousStatus, open: null, failing: ['a'], maintenance, at: AT });
          const b = incidentTransition({ decision, previousStatus, open: OPEN, failing: ['a'], maintenance, at: AT });
          expect(a).toEqual(b);
        }
      }
    }
  });
});
