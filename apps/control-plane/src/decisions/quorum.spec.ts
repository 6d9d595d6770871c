import { decide, defaultQuorum, RegionVerdict } from './quorum';

const REGIONS = ['eu-west', 'us-east', 'ap-south', 'sa-east', 'af-south'];
type State = 'up' | 'down' | 'missing';

function* states(n: number): Generator<State[]> {
  const total = 3 ** n;
  for (let i = 0; i < total; i++) {
    const s: State[] = [];
    let x = i;
    for (let k = 0; k < n; k++) {
      s.push((['up', 'down', 'missing'] as const)[x % 3]);
      x = Math.floor(x / 3);
    }
    yield s;
  }
}

describe('decide (quorum rule, SPEC 4)', () => {
  it('matches the rule for every combination of 1..5 regions × every quorum × up/down/missing', () => {
    let cases = 0;
    for (let n = 1; n <= REGIONS.length; n++) {
      const regions = REGIONS.slice(0, n);
      for (let quorum = 1; quorum <= n; quorum++) {
        for (const s of states(n)) {
          const results: RegionVerdict[] = [];
          s.forEach((st, i) => st !== 'missing' && results.push({ region: regions[i], isUp: st === 'up' }));
          const reported = s.filter((x) => x !== 'missing').length;
          const failing = s.filter((x) => x === 'down').length;
          const q = Math.min(quorum, reported);
          const expected = reported === 0 ? 'no_data' : failing === 0 ? 'up' : failing >= q ? 'down' : 'degraded';
          const got = decide({ regions, quorum, results });
          expect(got.decision).toBe(expected);
          expect(got.reported).toHaveLength(reported);
          expect(got.failing).toHaveLength(failing);
          expect(got.unknown).toHaveLength(n - reported);
          expect(got.effectiveQuorum).toBe(q);
          cases++;
        }
      }
    }
    // 3·1 + 9·2 + 27·3 + 81·4 + 243·5
    expect(cases).toBe(3 + 18 + 81 + 324 + 1215);
  });

  const three = ['eu-west', 'us-east', 'ap-south'];
  const r = (region: string, isUp: boolean) => ({ region, isUp });

  it('one failing region of three with quorum 2 is degraded, not down', () => {
    expect(
      decide({ regions: three, quorum: 2, results: [r('eu-west', false), r('us-east', true), r('ap-south', true)] })
        .decision,
    ).toBe('degraded');
  });

  it('two failing regions of three with quorum 2 is down', () => {
    const d = decide({
      regions: three,
      quorum: 2,
      results: [r('eu-west', false), r('us-east', false), r('ap-south', true)],
    });
    expect(d.decision).toBe('down');
    expect(d.failing).toEqual(['eu-west', 'us-east']);
  });

  it('a region that did not report is unknown, never failing', () => {
    const d = decide({ regions: three, quorum: 2, results: [r('eu-west', false), r('us-east', true)] });
    expect(d).toMatchObject({ decision: 'degraded', unknown: ['ap-south'], failing: ['eu-west'] });
  });

  it('the quorum shrinks to the reported regions: the only reporter failing is down', () => {
    expect(decide({ regions: three, quorum: 2, results: [r('us-east', false)] })).toMatchObject({
      decision: 'down',
      effectiveQuorum: 1,
    });
  });

  it('no region reported is no data', () => {
    expect(decide({ regions: three, quorum: 2, results: [] }).decision).toBe('no_data');
  });

  it('ignores results of regions outside the round and counts a region once', () => {
    const d = decide({
      regions: three,
      quorum: 2,
      results: [r('mars-1', false), r('eu-west', true), r('eu-west', false), r('us-east', true)],
    });
    expect(d.reported).toEqual(['eu-west', 'us-east']);
    expect(d.failing).toEqual(['eu-west']);
    expect(d.decision).toBe('degraded');
  });

  it('rejects a quorum below 1', () => {
    expect(() => decide({ regions: three, quorum: 0, results: [] })).toThrow(RangeError);
  });

  it('defaults the quorum to a strict majority', () => {
    expect([1, 2, 3, 4, 5, 6].map(defaultQuorum)).toEqual([1, 2, 2, 3, 3, 4]);
  });
});
