import { ResultBuffer } from './result-buffer';

const fill = (b: ResultBuffer<string>, items: string[]) => items.forEach((s) => b.push(s.split(':')[0], s));

describe('ResultBuffer', () => {
  it('takes monitors in the order their oldest result arrived, each monitor in arrival order', () => {
    const b = new ResultBuffer<string>();
    fill(b, ['a:1', 'b:1', 'a:2', 'c:1', 'b:2']);
    expect(b.size).toBe(5);
    expect(b.take(10)).toEqual({ items: ['a:1', 'a:2', 'b:1', 'b:2', 'c:1'], monitors: ['a', 'b', 'c'] });
    expect(b.size).toBe(0);
  });

  it('never hands out a monitor another batch holds, until it is released', () => {
    const b = new ResultBuffer<string>();
    fill(b, ['a:1', 'b:1']);
    expect(b.take(1)).toEqual({ items: ['a:1'], monitors: ['a'] });
    fill(b, ['a:2', 'c:1']);
    // a is held: its second result waits, b and c are free.
    expect(b.take(10)).toEqual({ items: ['b:1', 'c:1'], monitors: ['b', 'c'] });
    expect(b.take(10)).toEqual({ items: [], monitors: [] });
    expect(b.size).toBe(1);
    b.release(['a']);
    expect(b.take(10)).toEqual({ items: ['a:2'], monitors: ['a'] });
  });

  it('splits a monitor at the batch limit and keeps the rest, in order, held by that batch', () => {
    const b = new ResultBuffer<string>();
    fill(b, ['a:1', 'a:2', 'a:3', 'b:1']);
    expect(b.take(2)).toEqual({ items: ['a:1', 'a:2'], monitors: ['a'] });
    expect(b.take(5)).toEqual({ items: ['b:1'], monitors: ['b'] });
    b.release(['a']);
    expect(b.take(5)).toEqual({ items: ['a:3'], monitors: ['a'] });
    expect(b.size).toBe(0);
  });

  it('stops at the limit without holding monitors it took nothing from', () => {
    const b = new ResultBuffer<string>();
    fill(b, ['a:1', 'b:1', 'c:1']);
    expect(b.take(2).monitors).toEqual(['a', 'b']);
    expect(b.take(2)).toEqual({ items: ['c:1'], monitors: ['c'] });
  });
  it('lists the items waiting, not those a batch took', () => {
    const b = new ResultBuffer<string>();
    fill(b, ['a:1', 'b:1', 'a:2', 'c:1']);
    expect([...b.waiting()].sort()).toEqual(['a:1', 'a:2', 'b:1', 'c:1']);
    b.take(2);
    expect([...b.waiting()].length).toBe(b.size);
    expect(b.size).toBe(2);
  });
});
