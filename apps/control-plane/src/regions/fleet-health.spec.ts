import { fleetHealth, FleetHealthInput, RegionPresence, regionUtilisation } from './fleet-health';

const T0 = Date.parse('2030-01-01T00:00:00Z');
const s = (n: number) => n * 1000;
const at = (secondsAfterT0: number) => new Date(T0 + s(secondsAfterT0));

/** Boot at T0, TTL 20 s, grace 30 s, regions a and b. */
function run(presence: RegionPresence[], nowSeconds: number, over: Partial<FleetHealthInput> = {}) {
  return fleetHealth({
    configuredRegions: ['a', 'b'],
    presence,
    now: T0 + s(nowSeconds),
    bootAt: T0,
    ttlMs: s(20),
    graceMs: s(30),
    ...over,
  });
}
const region = (h: ReturnType<typeof run>, id: string) => h.regions.find((r) => r.region === id)!;

describe('fleetHealth', () => {
  it('a region with a probe online is healthy and receives jobs', () => {
    const h = run([{ region: 'a', online: 2, lastAlive: at(99), lastLeft: null }], 100);
    expect(region(h, 'a')).toEqual({
      region: 'a',
      healthy: true,
      probesOnline: 2,
      unhealthySince: null,
      receivingJobs: true,
    });
  });

  it('right after boot no region is dead: regions never seen get jobs for the grace period', () => {
    expect(region(run([], 0), 'b')).toMatchObject({ healthy: false, receivingJobs: true, unhealthySince: at(0) });
    expect(region(run([], 29), 'b')).toMatchObject({ healthy: false, receivingJobs: true });
    expect(region(run([], 30), 'b')).toMatchObject({ healthy: false, receivingJobs: false, unhealthySince: at(0) });
  });

  it('a vanished probe stops counting at last seen + TTL, and its region gets jobs for the grace after that', () => {
    const p = [{ region: 'a', online: 0, lastAlive: at(100), lastLeft: null }];
    expect(region(run(p, 125), 'a')).toMatchObject({ healthy: false, unhealthySince: at(120), receivingJobs: true });
    expect(region(run(p, 149), 'a')).toMatchObject({ receivingJobs: true });
    expect(region(run(p, 150), 'a')).toMatchObject({ healthy: false, unhealthySince: at(120), receivingJobs: false });
  });

  it('a region that died long before this replica booted still gets the grace after boot', () => {
    const p = [{ region: 'a', online: 0, lastAlive: new Date(T0 - s(3600)), lastLeft: null }];
    const h = run(p, 10);
    expect(region(h, 'a')).toMatchObject({
      healthy: false,
      unhealthySince: new Date(T0 - s(3580)),
      receivingJobs: true,
    });
    expect(region(run(p, 31), 'a').receivingJobs).toBe(false);
  });

  it('a probe that left cleanly stops counting when it announced leaving', () => {
    const p = [{ region: 'a', online: 0, lastAlive: at(50), lastLeft: at(100) }];
    expect(region(run(p, 101), 'a')).toMatchObject({ healthy: false, unhealthySince: at(100), receivingJobs: true });
    expect(region(run(p, 131), 'a').receivingJobs).toBe(false);
  });

  it('a grace of 0 skips an unhealthy region at once', () => {
    const p = [{ region: 'a', online: 0, lastAlive: at(100), lastLeft: null }];
    expect(region(run(p, 121, { graceMs: 0 }), 'a').receivingJobs).toBe(false);
  });

  it('lists probes of regions it does not know apart and never as a configured region', () => {
    const h = run(
      [
        { region: 'a', online: 1, lastAlive: at(99), lastLeft: null },
        { region: 'mars', online: 2, lastAlive: at(99), lastLeft: null },
        { region: 'venus', online: 0, lastAlive: at(10), lastLeft: null },
      ],
      100,
    );
    expect(h.regions.map((r) => r.region)).toEqual(['a', 'b']);
    expect(h.unknownRegionProbes).toBe(2);
    expect(h.unknownRegions).toEqual(['mars']);
  });
});

describe('regionUtilisation', () => {
  it.each([
    [0, 0, 128, 0],
    [64, 0, 128, 0.5],
    [128, 0, 128, 1],
    [128, 64, 128, 1.5],
    [1, 0, 3, 0.333],
    [-1, 0, 4, 0],
    [5, 0, 0, null],
    [0, 0, -1, null],
  ])('in_flight %p, queued %p, capacity %p → %p', (inFlight, queued, capacity, expected) => {
    expect(regionUtilisation(inFlight, queued, capacity)).toBe(expected);
  });
});
