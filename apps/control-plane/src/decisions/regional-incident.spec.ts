import type { MonitorStatus } from '../monitors/monitor.entity';
import { RegionalInput, RegionStreak, regionalTransition, sameStreak } from './regional-incident';

const T0 = new Date('2026-12-03T10:00:00Z');
const at = (min: number) => new Date(T0.getTime() + min * 60_000);
const REGIONS = ['eu-west', 'us-east', 'ap-south'];

const input = (o: Partial<RegionalInput> = {}): RegionalInput => ({
  regions: REGIONS,
  locationStatus: { 'eu-west': 'up', 'us-east': 'up', 'ap-south': 'up' },
  streaks: new Map(),
  k: 3,
  decision: 'up',
  status: 'up',
  open: null,
  maintenance: false,
  at: at(0),
  ...o,
});
const streaks = (o: Record<string, [number, number]>) =>
  new Map<string, RegionStreak>(Object.entries(o).map(([r, [rounds, min]]) => [r, { rounds, since: at(min) }]));
const euDown = { 'eu-west': 'down', 'us-east': 'up', 'ap-south': 'up' } as const;

describe('regionalTransition: streaks', () => {
  it('a failing region starts a streak at the round, and adds one per failing round', () => {
    const a = regionalTransition(input({ locationStatus: euDown, decision: 'degraded', status: 'degraded' }));
    expect(a.streaks).toEqual(streaks({ 'eu-west': [1, 0] }));
    const b = regionalTransition(
      input({ locationStatus: euDown, streaks: a.streaks, decision: 'degraded', status: 'degraded', at: at(1) }),
    );
    expect(b.streaks).toEqual(streaks({ 'eu-west': [2, 0] }));
  });

  it('an up region ends its streak; an unknown one keeps it; a region no longer monitored loses it', () => {
    const before = streaks({ 'eu-west': [2, 0], 'us-east': [1, 1], 'gone-region': [5, 0] });
    const r = regionalTransition(
      input({ streaks: before, locationStatus: { 'eu-west': 'up', 'us-east': 'unknown' }, at: at(2) }),
    );
    expect(r.streaks).toEqual(streaks({ 'us-east': [1, 1] }));
  });

  it('all up and no streaks: nothing to keep, nothing to do', () => {
    expect(regionalTransition(input())).toEqual({ streaks: new Map(), action: { kind: 'none' } });
  });

  it('streaks are kept whatever k (even off) while the monitor is not down', () => {
    for (const status of ['up', 'degraded', 'warn', 'pending'] as MonitorStatus[]) {
      for (const k of [0, 1, 3]) {
        const r = regionalTransition(
          input({ locationStatus: euDown, streaks: streaks({ 'eu-west': [4, 0] }), status, k, decision: 'degraded' }),
        );
        expect(r.streaks).toEqual(streaks({ 'eu-west': [5, 0] }));
      }
    }
  });

  it('a round after which the monitor is down ends every streak (only rounds while not down count)', () => {
    const all = { 'eu-west': 'down', 'us-east': 'down', 'ap-south': 'down' } as const;
    const r = regionalTransition(
      input({
        locationStatus: all,
        streaks: streaks({ 'eu-west': [2, 0] }),
        decision: 'down',
        status: 'down',
        at: at(2),
      }),
    );
    expect(r).toEqual({ streaks: new Map(), action: { kind: 'none' } });
    // A down round still waiting for its confirmation (status not down yet) counts.
    expect(
      regionalTransition(
        input({
          locationStatus: all,
          streaks: streaks({ 'eu-west': [2, 0] }),
          decision: 'down',
          status: 'degraded',
          at: at(2),
        }),
      ).streaks,
    ).toEqual(streaks({ 'eu-west': [3, 0], 'us-east': [1, 2], 'ap-south': [1, 2] }));
  });
});

describe('regionalTransition: opening', () => {
  it('opens at the k-th consecutive failing round while the monitor is up, degraded or warn, dated at the streak start', () => {
    for (const status of ['up', 'degraded', 'warn'] as MonitorStatus[]) {
      const r = regionalTransition(
        input({
          locationStatus: euDown,
          streaks: streaks({ 'eu-west': [2, 0] }),
          decision: 'degraded',
          status,
          at: at(2),
        }),
      );
      expect(r.action).toEqual({ kind: 'open', affectedRegions: ['eu-west'], startedAt: at(0) });
    }
  });

  it('not before the k-th round', () => {
    const r = regionalTransition(
      input({
        locationStatus: euDown,
        streaks: streaks({ 'eu-west': [1, 0] }),
        decision: 'degraded',
        status: 'degraded',
      }),
    );
    expect(r.action).toEqual({ kind: 'none' });
  });

  it('k = 1 opens at the first failing round; k = 0 never opens', () => {
    expect(
      regionalTransition(input({ locationStatus: euDown, k: 1, decision: 'degraded', status: 'degraded' })).action,
    ).toEqual({ kind: 'open', affectedRegions: ['eu-west'], startedAt: at(0) });
    expect(
      regionalTransition(
        input({
          locationStatus: euDown,
          streaks: streaks({ 'eu-west': [9, 0] }),
          k: 0,
          decision: 'degraded',
          status: 'degraded',
        }),
      ).action,
    ).toEqual({ kind: 'none' });
  });

  it('never while the monitor is down or pending, never on a down round (an outage waiting for confirmation), never in maintenance', () => {
    const base = { locationStatus: euDown, streaks: streaks({ 'eu-west': [2, 0] }) };
    expect(regionalTransition(input({ ...base, decision: 'down', status: 'down' })).action).toEqual({ kind: 'none' });
    expect(regionalTransition(input({ ...base, decision: 'degraded', status: 'pending' })).action).toEqual({
      kind: 'none',
    });
    expect(regionalTransition(input({ ...base, decision: 'down', status: 'degraded' })).action).toEqual({
      kind: 'none',
    });
    expect(
      regionalTransition(input({ ...base, decision: 'degraded', status: 'degraded', maintenance: true })).action,
    ).toEqual({ kind: 'none' });
  });

  it('an unknown round does not break a streak: failing, no result, failing, failing opens', () => {
    let s = regionalTransition(input({ locationStatus: euDown, decision: 'degraded', status: 'degraded' })).streaks;
    s = regionalTransition(
      input({ locationStatus: { 'eu-west': 'unknown', 'us-east': 'up', 'ap-south': 'up' }, streaks: s, at: at(1) }),
    ).streaks;
    s = regionalTransition(
      input({ locationStatus: euDown, streaks: s, decision: 'degraded', status: 'degraded', at: at(2) }),
    ).streaks;
    const r = regionalTransition(
      input({ locationStatus: euDown, streaks: s, decision: 'degraded', status: 'degraded', at: at(3) }),
    );
    expect(r.action).toEqual({ kind: 'open', affectedRegions: ['eu-west'], startedAt: at(0) });
  });

  it('a recovery between failures restarts the count', () => {
    let s = regionalTransition(
      input({
        locationStatus: euDown,
        streaks: streaks({ 'eu-west': [2, 0] }),
        decision: 'up',
        status: 'up',
        at: at(2),
        k: 4,
      }),
    ).streaks;
    s = regionalTransition(input({ streaks: s, at: at(3) })).streaks;
    expect(s.size).toBe(0);
    const r = regionalTransition(
      input({ locationStatus: euDown, streaks: s, decision: 'degraded', status: 'degraded', at: at(4) }),
    );
    expect(r.action).toEqual({ kind: 'none' });
    expect(r.streaks).toEqual(streaks({ 'eu-west': [1, 4] }));
  });

  it('two regions over k open one incident with both, started at the older streak', () => {
    const r = regionalTransition(
      input({
        regions: ['eu-west', 'us-east', 'ap-south', 'sa-east', 'af-south'],
        locationStatus: { 'eu-west': 'down', 'us-east': 'down', 'ap-south': 'up', 'sa-east': 'up', 'af-south': 'up' },
        streaks: streaks({ 'us-east': [4, 0], 'eu-west': [2, 2] }),
        decision: 'degraded',
        status: 'degraded',
        at: at(5),
      }),
    );
    expect(r.action).toEqual({ kind: 'open', affectedRegions: ['eu-west', 'us-east'], startedAt: at(0) });
  });

  it('a failing region that is still below k is not listed', () => {
    const r = regionalTransition(
      input({
        locationStatus: { 'eu-west': 'down', 'us-east': 'down', 'ap-south': 'up' },
        streaks: streaks({ 'eu-west': [2, 0] }),
        decision: 'degraded',
        status: 'degraded',
        k: 3,
        at: at(2),
      }),
    );
    expect(r.action).toEqual({ kind: 'open', affectedRegions: ['eu-west'], startedAt: at(0) });
  });
});

describe('regionalTransition: an open regional incident', () => {
  const open = { id: 'inc_r', affectedRegions: ['eu-west'], startedAt: at(0) };

  it('stays open while an affected region fails or has no result', () => {
    expect(
      regionalTransition(
        input({
          open,
          locationStatus: euDown,
          streaks: streaks({ 'eu-west': [3, 0] }),
          decision: 'degraded',
          status: 'degraded',
          at: at(3),
        }),
      ).action,
    ).toEqual({ kind: 'none' });
    expect(
      regionalTransition(
        input({ open, locationStatus: { 'eu-west': 'unknown' }, streaks: streaks({ 'eu-west': [3, 0] }), at: at(3) }),
      ).action,
    ).toEqual({ kind: 'none' });
  });

  it('widens with a region that becomes regionally failing', () => {
    const r = regionalTransition(
      input({
        open,
        locationStatus: { 'eu-west': 'down', 'us-east': 'down', 'ap-south': 'up' },
        streaks: streaks({ 'eu-west': [5, 0], 'us-east': [2, 3] }),
        decision: 'degraded',
        status: 'degraded',
        at: at(5),
      }),
    );
    expect(r.action).toEqual({ kind: 'widen', incidentId: 'inc_r', affectedRegions: ['eu-west', 'us-east'] });
  });

  it('resolves when every affected region reported up again, with its duration', () => {
    const r = regionalTransition(input({ open, streaks: streaks({ 'eu-west': [4, 0] }), at: at(4) }));
    expect(r.action).toEqual({
      kind: 'resolve',
      incidentId: 'inc_r',
      resolvedAt: at(4),
      durationSeconds: 240,
      reason: 'recovered',
    });
    expect(r.streaks.size).toBe(0);
  });

  it('stays open until the last affected region recovers', () => {
    const two = { ...open, affectedRegions: ['eu-west', 'us-east'] };
    const r = regionalTransition(
      input({
        open: two,
        locationStatus: { 'eu-west': 'up', 'us-east': 'down', 'ap-south': 'up' },
        streaks: streaks({ 'eu-west': [4, 0], 'us-east': [4, 0] }),
        decision: 'degraded',
        status: 'degraded',
        at: at(4),
      }),
    );
    expect(r.action).toEqual({ kind: 'none' });
  });

  it('an affected region removed from the monitor counts as recovered', () => {
    const r = regionalTransition(
      input({
        open,
        regions: ['us-east', 'ap-south'],
        locationStatus: { 'us-east': 'up', 'ap-south': 'up' },
        streaks: streaks({ 'eu-west': [4, 0] }),
        at: at(4),
      }),
    );
    expect(r.action).toMatchObject({ kind: 'resolve', reason: 'recovered' });
  });

  it('resolves in maintenance too (only opening waits for the window to end)', () => {
    expect(regionalTransition(input({ open, maintenance: true, at: at(4) })).action).toMatchObject({
      kind: 'resolve',
      reason: 'recovered',
    });
  });

  it('a full outage supersedes it at once', () => {
    const all = { 'eu-west': 'down', 'us-east': 'down', 'ap-south': 'down' } as const;
    const r = regionalTransition(
      input({
        open,
        locationStatus: all,
        streaks: streaks({ 'eu-west': [5, 0] }),
        decision: 'down',
        status: 'down',
        at: at(5),
      }),
    );
    expect(r.action).toEqual({
      kind: 'resolve',
      incidentId: 'inc_r',
      resolvedAt: at(5),
      durationSeconds: 300,
      reason: 'superseded',
    });
    expect(r.streaks).toEqual(new Map());
  });

  it('a down round still waiting for its confirmation (status not down yet) does not supersede it', () => {
    const all = { 'eu-west': 'down', 'us-east': 'down', 'ap-south': 'down' } as const;
    expect(
      regionalTransition(
        input({
          open,
          locationStatus: all,
          streaks: streaks({ 'eu-west': [5, 0] }),
          decision: 'down',
          status: 'degraded',
          at: at(5),
        }),
      ).action,
    ).toEqual({ kind: 'none' });
  });

  it('k set to 0 resolves it', () => {
    expect(
      regionalTransition(
        input({
          open,
          k: 0,
          locationStatus: euDown,
          streaks: streaks({ 'eu-west': [5, 0] }),
          decision: 'degraded',
          status: 'degraded',
          at: at(5),
        }),
      ).action,
    ).toMatchObject({
      kind: 'resolve',
      reason: 'disabled',
    });
  });

  it('the duration is never negative (a round older than the incident start)', () => {
    expect(regionalTransition(input({ open: { ...open, startedAt: at(10) }, at: at(4) })).action).toMatchObject({
      kind: 'resolve',
      durationSeconds: 0,
    });
  });
});

describe('regionalTransition: after a full outage', () => {
  it('a region still failing when the outage ends counts anew: k more rounds before a regional incident', () => {
    const all = { 'eu-west': 'down', 'us-east': 'down', 'ap-south': 'down' } as const;
    let s = regionalTransition(
      input({
        locationStatus: all,
        streaks: streaks({ 'eu-west': [8, 0] }),
        decision: 'down',
        status: 'down',
        at: at(8),
      }),
    ).streaks;
    // Recovering: the first degraded round is still `down` until the recovery is confirmed.
    s = regionalTransition(
      input({ locationStatus: euDown, streaks: s, decision: 'degraded', status: 'down', at: at(9) }),
    ).streaks;
    expect(s.size).toBe(0);
    for (let n = 1; n <= 2; n++) {
      const r = regionalTransition(
        input({ locationStatus: euDown, streaks: s, decision: 'degraded', status: 'degraded', at: at(9 + n) }),
      );
      expect(r.action).toEqual({ kind: 'none' });
      s = r.streaks;
    }
    const r = regionalTransition(
      input({ locationStatus: euDown, streaks: s, decision: 'degraded', status: 'degraded', at: at(12) }),
    );
    expect(r.action).toEqual({ kind: 'open', affectedRegions: ['eu-west'], startedAt: at(10) });
  });
});

describe('sameStreak', () => {
  it('compares rounds and start', () => {
    expect(sameStreak(undefined, undefined)).toBe(true);
    expect(sameStreak({ rounds: 1, since: at(0) }, undefined)).toBe(false);
    expect(sameStreak(undefined, { rounds: 1, since: at(0) })).toBe(false);
    expect(sameStreak({ rounds: 1, since: at(0) }, { rounds: 1, since: new Date(at(0)) })).toBe(true);
    expect(sameStreak({ rounds: 1, since: at(0) }, { rounds: 2, since: at(0) })).toBe(false);
    expect(sameStreak({ rounds: 1, since: at(0) }, { rounds: 1, since: at(1) })).toBe(false);
  });
});
