import { applyOrder, dependencyCause } from './dependencies';

describe('dependencyCause (pure)', () => {
  it('is the first dependency, in depends_on order, with an open incident; null when none is down', () => {
    const open = new Map([
      ['b', 'inc_b'],
      ['c', 'inc_c'],
    ]);
    expect(dependencyCause([], open)).toBeNull();
    expect(dependencyCause(['a'], open)).toBeNull();
    expect(dependencyCause(['a', 'c', 'b'], open)).toEqual({ monitorId: 'c', incidentId: 'inc_c' });
    expect(dependencyCause(['b', 'c'], open)).toEqual({ monitorId: 'b', incidentId: 'inc_b' });
    expect(dependencyCause(['a', 'b'], new Map())).toBeNull();
  });
});

describe('applyOrder (pure)', () => {
  it('monitors without dependencies first, then by id, each monitor’s rounds in their order', () => {
    const items = [
      { monitorId: 'a', hasDependencies: true, scheduledAt: 2, round: 2 },
      { monitorId: 'z', hasDependencies: false, scheduledAt: 1, round: 1 },
      { monitorId: 'a', hasDependencies: true, scheduledAt: 1, round: 1 },
      { monitorId: 'b', hasDependencies: false, scheduledAt: 5, round: 5 },
      { monitorId: 'b', hasDependencies: false, scheduledAt: 5, round: 4 },
    ];
    expect([...items].sort(applyOrder).map((i) => `${i.monitorId}${i.round}`)).toEqual(['b4', 'b5', 'z1', 'a1', 'a2']);
  });
});
