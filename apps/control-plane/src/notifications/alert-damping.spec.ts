import { dampen, DampingConfig, DampingState, EMPTY_DAMPING, quietMs, sameDamping } from './alert-damping';
import type { EventName, NotifiedStatus } from './events';
import { raisedEvents } from './fan-out';

const CFG: DampingConfig = { flapThreshold: 5, flapWindowSeconds: 3600, reminderIntervalSeconds: 0 };
const T0 = Date.UTC(2026, 11, 3, 12);
const MIN = 60_000;
const STATUSES: NotifiedStatus[] = ['pending', 'up', 'degraded', 'down', 'warn'];

/** Raised events of a plain status change (with the incident it opens or resolves). */
const raised = (previous: NotifiedStatus, to: NotifiedStatus): EventName[] =>
  raisedEvents({
    previous,
    to,
    incidentOpened: to === 'down' && previous !== 'down',
    incidentResolved: previous === 'down' && to !== 'down' && to !== 'pending',
    slaBreached: false,
  });

/** Runs a sequence of statuses one decision each, `stepMs` apart; answers every decision's written events. */
function run(statuses: NotifiedStatus[], cfg = CFG, stepMs = MIN, start: DampingState = EMPTY_DAMPING) {
  let state = start;
  let previous = statuses[0];
  const written: EventName[][] = [];
  const results = [];
  statuses.slice(1).forEach((to, i) => {
    const r = dampen({ state, config: cfg, previous, to, events: raised(previous, to), at: T0 + (i + 1) * stepMs });
    written.push(r.events.map((e) => e.event));
    results.push(r);
    state = r.state;
    previous = to;
  });
  return { written, state, results };
}

describe('dampen (pure): flap damping', () => {
  it('passes every raised event through unchanged for every previous × new status when the monitor does not flap', () => {
    let cases = 0;
    for (const previous of STATUSES) {
      for (const to of STATUSES) {
        for (const threshold of [0, 1, 5]) {
          const events = raised(previous, to);
          const r = dampen({
            state: EMPTY_DAMPING,
            config: { ...CFG, flapThreshold: threshold },
            previous,
            to,
            events,
            at: T0,
          });
          // One change is never more than a threshold of 1 or more (0: off).
          expect(r.events.map((e) => e.event)).toEqual(events);
          expect(r.collapsed).toEqual([]);
          const counted = previous !== to && previous !== 'pending' && to !== 'pending' ? 1 : 0;
          expect(r.state.changes).toHaveLength(counted);
          cases++;
        }
      }
    }
    expect(cases).toBe(75);
  });

  it('the (threshold + 1)-th change within the window is one monitor.flapping instead of its status and incident events; later ones are collapsed and counted', () => {
    const seq: NotifiedStatus[] = ['up', 'down', 'up', 'down', 'up', 'down', 'up', 'down', 'up'];
    const { written, state, results } = run(seq);
    expect(written.slice(0, 5)).toEqual([
      ['monitor.down', 'incident.created'],
      ['monitor.up', 'incident.resolved'],
      ['monitor.down', 'incident.created'],
      ['monitor.up', 'incident.resolved'],
      ['monitor.down', 'incident.created'],
    ]);
    expect(written[5]).toEqual(['monitor.flapping']);
    expect(results[5].collapsed).toEqual(['monitor.up', 'incident.resolved']);
    expect(results[5].events[0].flapping).toEqual({
      since: new Date(T0 + 6 * MIN).toISOString(),
      changes: 6,
      window_seconds: 3600,
      collapsed: 0,
    });
    expect(written.slice(6)).toEqual([[], []]);
    expect(state.flappingSince).toBe(T0 + 6 * MIN);
    expect(state.collapsed).toBe(4);
    expect(state.changes.length).toBeLessThanOrEqual(CFG.flapThreshold + 1);
  });

  it('for every threshold 1..6, exactly `threshold` changes are notified before the flapping message, never more', () => {
    for (let threshold = 1; threshold <= 6; threshold++) {
      const seq: NotifiedStatus[] = Array.from({ length: 40 }, (_, i) => (i % 2 ? 'down' : 'up'));
      const { written } = run(seq, { ...CFG, flapThreshold: threshold });
      const statusEvents = written.flat().filter((e) => e === 'monitor.up' || e === 'monitor.down');
      expect({ threshold, statusEvents: statusEvents.length }).toEqual({ threshold, statusEvents: threshold });
      expect(written.flat().filter((e) => e === 'monitor.flapping')).toHaveLength(1);
      expect(written.flat().filter((e) => e === 'monitor.stable')).toHaveLength(0);
    }
  });

  it('changes spread wider than the window never flap', () => {
    const seq: NotifiedStatus[] = Array.from({ length: 30 }, (_, i) => (i % 2 ? 'down' : 'up'));
    const { written, state } = run(seq, CFG, 13 * MIN); // 5 changes span 52 min, the 6th is 65 min after the first
    expect(written.flat()).not.toContain('monitor.flapping');
    expect(state.flappingSince).toBeNull();
  });

  it('threshold 0 never flaps however fast it changes', () => {
    const seq: NotifiedStatus[] = Array.from({ length: 50 }, (_, i) => (i % 2 ? 'down' : 'up'));
    const { written } = run(seq, { ...CFG, flapThreshold: 0 }, 1000);
    expect(written.flat().filter((e) => e === 'monitor.down')).toHaveLength(25);
    expect(written.flat()).not.toContain('monitor.flapping');
  });

  it('is stable again after a quarter of the window without a change: one monitor.stable with the status and the collapsed count, then counts afresh', () => {
    const flapping = run(['up', 'down', 'up', 'down', 'up', 'down', 'up', 'down']).state; // flapping, last change at T0 + 7 min, now down
    expect(flapping.flappingSince).not.toBeNull();
    const last = T0 + 7 * MIN;
    const early = dampen({
      state: flapping,
      config: CFG,
      previous: 'down',
      to: 'down',
      events: [],
      at: last + quietMs(CFG) - 1,
    });
    expect(early.events).toEqual([]);
    expect(early.state.flappingSince).not.toBeNull();
    const stable = dampen({
      state: flapping,
      config: CFG,
      previous: 'down',
      to: 'down',
      events: [],
      at: last + quietMs(CFG),
    });
    expect(stable.events).toEqual([
      {
        event: 'monitor.stable',
        flapping: {
          since: new Date(flapping.flappingSince!).toISOString(),
          changes: flapping.changes.length,
          window_seconds: 3600,
          collapsed: flapping.collapsed,
        },
      },
    ]);
    expect(stable.state).toMatchObject({
      flappingSince: null,
      collapsed: 0,
      changes: [],
      downNotifiedAt: last + quietMs(CFG),
      reminders: 0,
    });
    // Afresh: the next change is notified normally.
    const next = dampen({
      state: stable.state,
      config: CFG,
      previous: 'down',
      to: 'up',
      events: raised('down', 'up'),
      at: last + quietMs(CFG) + MIN,
    });
    expect(next.events.map((e) => e.event)).toEqual(['monitor.up', 'incident.resolved']);
  });

  it('a change while flapping restarts the quiet period', () => {
    const flapping = run(['up', 'down', 'up', 'down', 'up', 'down', 'up']).state;
    const at = T0 + 6 * MIN + quietMs(CFG) - MIN;
    const changed = dampen({
      state: flapping,
      config: CFG,
      previous: 'up',
      to: 'down',
      events: raised('up', 'down'),
      at,
    });
    expect(changed.events).toEqual([]);
    expect(
      dampen({ state: changed.state, config: CFG, previous: 'down', to: 'down', events: [], at: at + quietMs(CFG) - 1 })
        .events,
    ).toEqual([]);
    expect(
      dampen({
        state: changed.state,
        config: CFG,
        previous: 'down',
        to: 'down',
        events: [],
        at: at + quietMs(CFG),
      }).events.map((e) => e.event),
    ).toEqual(['monitor.stable']);
  });

  it('turning damping off while it flaps ends it with monitor.stable at the next decision', () => {
    const flapping = run(['up', 'down', 'up', 'down', 'up', 'down', 'up']).state;
    const r = dampen({
      state: flapping,
      config: { ...CFG, flapThreshold: 0 },
      previous: 'up',
      to: 'up',
      events: [],
      at: T0 + 8 * MIN,
    });
    expect(r.events.map((e) => e.event)).toEqual(['monitor.stable']);
    expect(r.state.flappingSince).toBeNull();
  });

  it('sla.breach is never collapsed; a change to or from pending is not counted', () => {
    const flapping = run(['up', 'down', 'up', 'down', 'up', 'down', 'up']).state;
    const r = dampen({
      state: flapping,
      config: CFG,
      previous: 'up',
      to: 'down',
      events: ['monitor.down', 'incident.created', 'sla.breach'],
      at: T0 + 8 * MIN,
    });
    expect(r.events.map((e) => e.event)).toEqual(['sla.breach']);
    expect(r.collapsed).toEqual(['monitor.down', 'incident.created']);
    expect(
      dampen({ state: EMPTY_DAMPING, config: CFG, previous: 'pending', to: 'up', events: ['monitor.up'], at: T0 }).state
        .changes,
    ).toEqual([]);
  });
});

describe('dampen (pure): reminders', () => {
  const R: DampingConfig = { ...CFG, reminderIntervalSeconds: 600 };
  const down = (state: DampingState, at: number) =>
    dampen({ state, config: R, previous: 'down', to: 'down', events: [], at });

  it('re-notifies monitor.down (reminder.count 1, 2, …) every interval while it stays down, from the down notification', () => {
    const went = dampen({
      state: EMPTY_DAMPING,
      config: R,
      previous: 'up',
      to: 'down',
      events: raised('up', 'down'),
      at: T0,
    });
    expect(went.state.downNotifiedAt).toBe(T0);
    expect(down(went.state, T0 + 600_000 - 1).events).toEqual([]);
    const first = down(went.state, T0 + 600_000);
    expect(first.events).toEqual([{ event: 'monitor.down', reminder: { count: 1 } }]);
    const second = down(first.state, T0 + 1_200_000);
    expect(second.events).toEqual([{ event: 'monitor.down', reminder: { count: 2 } }]);
    expect(second.state).toMatchObject({ downNotifiedAt: T0 + 1_200_000, reminders: 2 });
  });

  it('stops when it leaves down, never with interval 0, never while flapping; a monitor down before its state existed starts counting at once', () => {
    const went = dampen({
      state: EMPTY_DAMPING,
      config: R,
      previous: 'up',
      to: 'down',
      events: raised('up', 'down'),
      at: T0,
    });
    const up = dampen({
      state: went.state,
      config: R,
      previous: 'down',
      to: 'up',
      events: raised('down', 'up'),
      at: T0 + MIN,
    });
    expect(up.state).toMatchObject({ downNotifiedAt: null, reminders: 0 });
    for (const to of STATUSES.filter((s) => s !== 'down')) {
      expect(
        dampen({ state: went.state, config: R, previous: to, to, events: [], at: T0 + 10 * 600_000 }).events,
      ).toEqual([]);
    }
    expect(
      dampen({ state: went.state, config: CFG, previous: 'down', to: 'down', events: [], at: T0 + 10 * 600_000 })
        .events,
    ).toEqual([]);
    const flapping = run(['up', 'down', 'up', 'down', 'up', 'down', 'up', 'down'], R).state;
    expect(down(flapping, T0 + 7 * MIN + 600_000 - 1).events).toEqual([]);
    const unknown = down(EMPTY_DAMPING, T0);
    expect(unknown.events).toEqual([]);
    expect(unknown.state.downNotifiedAt).toBe(T0);
    expect(down(unknown.state, T0 + 600_000).events).toEqual([{ event: 'monitor.down', reminder: { count: 1 } }]);
  });

  it('after stable again while down, the stable message counts as the down notification', () => {
    const flapping = run(['up', 'down', 'up', 'down', 'up', 'down', 'up', 'down'], R).state;
    const at = T0 + 7 * MIN + quietMs(R);
    const stable = down(flapping, at);
    expect(stable.events.map((e) => e.event)).toEqual(['monitor.stable']);
    expect(down(stable.state, at + 600_000 - 1).events).toEqual([]);
    expect(down(stable.state, at + 600_000).events).toEqual([{ event: 'monitor.down', reminder: { count: 1 } }]);
  });
});

describe('sameDamping', () => {
  it('compares every field', () => {
    const a: DampingState = { changes: [1, 2], flappingSince: 3, collapsed: 4, downNotifiedAt: 5, reminders: 6 };
    expect(sameDamping(a, { ...a, changes: [1, 2] })).toBe(true);
    for (const b of [
      { changes: [1] },
      { changes: [1, 3] },
      { flappingSince: null },
      { collapsed: 0 },
      { downNotifiedAt: null },
      { reminders: 0 },
    ])
      expect(sameDamping(a, { ...a, ...b })).toBe(false);
  });
});
