import { dependsOnProblems, findCycle } from './dependency-rules';

const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges));

describe('dependsOnProblems (pure)', () => {
  const g = graph({ a: [], b: ['a'], c: ['b'], d: [], self: [] });

  it('accepts the account’s own monitors, in any number and order, when no cycle forms', () => {
    expect(dependsOnProblems('self', [], g)).toEqual([]);
    expect(dependsOnProblems('self', ['a', 'b', 'c', 'd'], g)).toEqual([]);
    expect(dependsOnProblems('d', ['c'], g)).toEqual([]); // d → c → b → a
  });

  it('refuses an unknown id (another account’s answers the same), itself, each entry by its index', () => {
    expect(dependsOnProblems('self', ['a', 'mon_other_account', 'self'], g)).toEqual([
      { field: 'depends_on[1]', message: 'no monitor "mon_other_account" in this account' },
      { field: 'depends_on[2]', message: 'a monitor cannot depend on itself' },
    ]);
  });

  it('refuses a cycle of every length 2..6, naming the path', () => {
    for (let n = 2; n <= 6; n++) {
      // m(n-1) → … → m1 → m0 exists; m0 is edited to depend on m(n-1), which reaches m0 back.
      const edges: Record<string, string[]> = {};
      for (let i = 0; i < n; i++) edges[`m${i}`] = i === 0 ? [] : [`m${i - 1}`];
      const problems = dependsOnProblems('m0', [`m${n - 1}`], graph(edges));
      const path = ['m0', ...Array.from({ length: n - 1 }, (_, k) => `m${n - 1 - k}`), 'm0'];
      expect(problems).toEqual([
        { field: 'depends_on', message: `depends_on would make a cycle: ${path.join(' → ')}` },
      ]);
    }
  });

  it('a cycle elsewhere in the account that does not reach the edited monitor is not its problem; shared dependencies (a diamond) are no cycle', () => {
    const withCycle = graph({ x: ['y'], y: ['x'], a: [], self: [] });
    expect(dependsOnProblems('self', ['a'], withCycle)).toEqual([]);
    expect(dependsOnProblems('self', ['x'], withCycle)).toEqual([]); // reaches a cycle, never itself: terminates
    const diamond = graph({ top: [], l: ['top'], r: ['top'], self: [] });
    expect(dependsOnProblems('self', ['l', 'r'], diamond)).toEqual([]);
  });
});

describe('findCycle (pure)', () => {
  it('uses the new list for the edited monitor, the stored lists for the others', () => {
    const g = graph({ a: ['self'], self: ['a'] });
    expect(findCycle('self', [], g)).toBeNull(); // its stored list is replaced by the new, empty one
    expect(findCycle('self', ['a'], g)).toEqual(['self', 'a', 'self']);
  });
});
