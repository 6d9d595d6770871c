import { seededRandom } from '@parallax/testing';
import { ABSOLUTE_ERROR_BELOW_1MS, BUCKETS, bucketOf, exactQuantile, GAMMA, Hist, RELATIVE_ERROR, representative, sparseQuantiles } from './histogram';

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
    const merged = parts.reduce((acc, h) => acc.merge(Hist.fromSparse(JSON.parse(JSON.stringify(h.toSparse())))), new Hist());
    expect(merged.toSparse()).toEqual(whole.toSparse());
    expect([merged.lo, merged.hi]).toEqual([whole.lo, whole.hi]);
    const sorted = [...values].sort((a, b) => a - b);
    const qs = [0.01, 0.5, 0.9, 0.95, 0.99, 1];
    const got = merged.quantiles(values.length, qs, sorted[0], sorted[sorted.length - 1]);
    qs.forEach((q, i) => {
      const exact = exactQuantile(sorted, q)!;
      expect(Math.abs(got[i]! - exact)).toBeLessThanOrEqual(exact >= 1 ? exact * RELATIVE_ERROR : ABSOLUTE_ERROR_BELOW_1MS);
    });
  });

  it('clamps to the exact min and max and answers null without values', () => {
    expect(new Hist().addValue(137.2).quantiles(1, [0.5, 0.99], 137.2, 137.2)).toEqual([137.2, 137.2]);
    expect(new Hist().quantiles(0, [0.5], 0, 0)).toEqual([null]);
    expect(exactQuantile([], 0.5)).toBeNull();
  });

  it('sparseQuantiles answers what Hist.quantiles answers, on the stored form', () => {
    const r = seededRandom(19);
    const qs = [0.01, 0.5, 0.95, 0.99, 1];
    for (let n = 0; n < 300; n++) {
      const h = new Hist();
      const values = Array.from({ length: 1 + Math.floor(r() * 60) }, () => (r() < 0.1 ? r() : Math.exp(r() * 9)));
      for (const v of values) h.addValue(v);
      const stored = JSON.parse(JSON.stringify(h.toSparse()));
      const [min, max] = [Math.min(...values), Math.max(...values)];
      expect(sparseQuantiles(stored, values.length, qs, min, max)).toEqual(h.quantiles(values.length, qs, min, max));
      // A count above the histogram's (rows written apart) reads the max, as Hist does.
      expect(sparseQuantiles(stored, values.length + 5, qs, min, max)).toEqual(h.quantiles(values.length + 5, qs, min, max));
    }
    expect(sparseQuantiles({}, 0, [0.5], 0, 0)).toEqual([null]);
    expect(sparseQuantiles(null, 3, [0.5], 1, 9)).toEqual([9]);
  });
});
