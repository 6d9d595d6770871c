import {
  ABSOLUTE_ERROR_BELOW_1MS,
  BUCKETS,
  bucketOf,
  exactQuantile,
  GAMMA,
  Hist,
  RELATIVE_ERROR,
  representative,
} from './histogram';

describe('log-scale histogram', () => {
  it('puts each value in the bucket whose range holds it', () => {
    for (const v of [0, 0.2, 0.999, 1, 1.01, 1.02, 2, 10, 99.9, 100, 1234.5, 30_000, 120_000, 1_000_000]) {
      const b = bucketOf(v);
      if (v < 1) expect(b).toBe(0);
      else {
        expect(Math.pow(GAMMA, b - 1)).toBeLessThanOrEqual(v * (1 + 1e-9));
        expect(Math.pow(GAMMA, b)).toBeGreaterThan(v);
      }
    }
    expect(bucketOf(1e12)).toBe(BUCKETS - 1);
  });

  it('reads every value back within the documented bound', () => {
    for (let v = 0; v < 1_000_000; v = v < 2 ? v + 0.013 : v * 1.0007) {
      const r = representative(bucketOf(v));
      expect(Math.abs(r - v)).toBeLessThanOrEqual(v >= 1 ? v * RELATIVE_ERROR + 1e-9 : ABSOLUTE_ERROR_BELOW_1MS);
    }
    expect(RELATIVE_ERROR).toBeLessThan(0.01);
  });

  it('merges by adding counts (also through the stored sparse form), so percentiles of merged parts equal those of the whole', () => {
    const values = Array.from({ length: 5000 }, (_, i) => ((i * 7919) % 3000) + (i % 13) / 7);
    const whole = new Hist();
    const parts = [new Hist(), new Hist(), new Hist()];
    values.forEach((v, i) => {
      whole.addValue(v);
      parts[i % 3].addValue(v);
    });
    const merged = parts.reduce(
      (acc, h) => acc.merge(Hist.fromSparse(JSON.parse(JSON.stringify(h.toSparse())))),
      new Hist(),
    );
    expect(merged.toSparse()).toEqual(whole.toSparse());
    expect([merged.lo, merged.hi]).toEqual([whole.lo, whole.hi]);
    const sorted = [...values].sort((a, b) => a - b);
    const qs = [0.01, 0.5, 0.9, 0.95, 0.99, 1];
    const got = merged.quantiles(values.length, qs, sorted[0], sorted[sorted.length - 1]);
    qs.forEach((q, i) => {
      const exact = exactQuantile(sorted, q)!;
      expect(Math.abs(got[i]! - exact)).toBeLessThanOrEqual(
        exact >= 1 ? exact * RELATIVE_ERROR : ABSOLUTE_ERROR_BELOW_1MS,
      );
    });
  });

  it('clamps to the exact min and max and answers null without values', () => {
    expect(new Hist().addValue(137.2).quantiles(1, [0.5, 0.99], 137.2, 137.2)).toEqual([137.2, 137.2]);
    expect(new Hist().quantiles(0, [0.5], 0, 0)).toEqual([null]);
    expect(exactQuantile([], 0.5)).toBeNull();
  });

  it('reads the stored jsonb text exactly as the parsed object, and falls back to JSON.parse for any other text', () => {
    const values = Array.from({ length: 3000 }, (_, i) => ((i * 104729) % 5000) / 3 + (i % 7));
    const h = new Hist();
    values.forEach((v) => h.addValue(v));
    const sparse = h.toSparse();
    // jsonb's text output: keys sorted by length then bytes, ", " and ": " separators.
    const keys = Object.keys(sparse).sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
    const jsonbText = `{${keys.map((k) => `"${k}": ${sparse[k]}`).join(', ')}}`;
    for (const text of [
      jsonbText,
      JSON.stringify(sparse),
      '{}',
      '{"3": 2.0}',
      ' {"3":2}',
      '{"3": 2, "x": 1}',
      '{"5": 1e1}',
    ]) {
      const parsed = JSON.parse(text) as Record<string, number>;
      const fast = Hist.fromJsonText(text);
      const slow = Hist.fromSparse(parsed);
      expect(fast.toSparse()).toEqual(slow.toSparse());
      expect([fast.lo, fast.hi]).toEqual([slow.lo, slow.hi]);
    }
    expect(Hist.fromJsonText(jsonbText).toSparse()).toEqual(sparse);
    expect(Hist.fromJsonText(null).hi).toBe(-1);
    expect(() => Hist.fromJsonText('{"3": ')).toThrow(SyntaxError);
  });

  it('grows its range as buckets arrive on either side and merges ranges that do not overlap', () => {
    const h = new Hist().add(300, 2).add(10).add(700, 3).add(300);
    expect(h.toSparse()).toEqual({ 10: 1, 300: 3, 700: 3 });
    expect([h.lo, h.hi]).toEqual([10, 700]);
    expect(h.count(300)).toBe(3);
    expect(h.count(0)).toBe(0);
    expect(h.count(BUCKETS + 5)).toBe(0);
    const m = new Hist()
      .add(0)
      .merge(new Hist().add(BUCKETS - 1, 4))
      .merge(new Hist());
    expect(m.toSparse()).toEqual({ 0: 1, [BUCKETS - 1]: 4 });
    // Not a bucket index: ignored.
    expect(new Hist().add(-1).add(BUCKETS).add(2.5).hi).toBe(-1);
    expect(m.quantiles(5, [0.2, 0.21, 1], 0.3, 5000)).toEqual([0.5, Math.min(5000, representative(BUCKETS - 1)), 5000]);
  });
});
