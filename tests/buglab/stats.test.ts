import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { type StartResult, logHistogram, median, summarizeSweep, wilsonInterval } from '../../src/engine';

describe('Wilson 95% interval', () => {
  test('5 of 10 gives 23.66%–76.34% (hand-computed: centre 0.5, half-width 1.96/1.384·√(0.025+0.0096))', () => {
    const r = wilsonInterval(5, 10);
    expect(r.rate).toBe(0.5);
    expect(r.low).toBeCloseTo(0.236593, 5);
    expect(r.high).toBeCloseTo(0.763407, 5);
  });

  test('0 of 10 starts at exactly 0 and reaches 27.75%; 10 of 10 mirrors it', () => {
    const none = wilsonInterval(0, 10);
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.277533, 5);
    const all = wilsonInterval(10, 10);
    expect(all.high).toBe(1);
    expect(all.low).toBeCloseTo(1 - 0.277533, 5);
  });

  test('97 of 100 gives 91.55%–98.97% (centre 0.95261, half-width 0.03713)', () => {
    const r = wilsonInterval(97, 100);
    expect(r.low).toBeCloseTo(0.915481, 5);
    expect(r.high).toBeCloseTo(0.989744, 5);
  });

  test('no trials give the whole [0, 1] and a NaN rate', () => {
    expect(wilsonInterval(0, 0)).toMatchObject({ low: 0, high: 1 });
    expect(wilsonInterval(0, 0).rate).toBeNaN();
  });

  test('bad counts are refused with a message naming the field', () => {
    expect(() => wilsonInterval(11, 10)).toThrow(/successes/);
    expect(() => wilsonInterval(1, 2.5)).toThrow(/trials/);
  });

  test('the interval always contains the rate and stays inside [0, 1]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, share) => {
        const k = Math.round(share * n);
        const r = wilsonInterval(k, n);
        return r.low >= 0 && r.high <= 1 && r.low <= r.rate + 1e-12 && r.rate <= r.high + 1e-12;
      }),
    );
  });
});

describe('median', () => {
  test('odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  test('NaN counts as +Infinity (a diverged run is worst) and an empty list gives NaN', () => {
    expect(median([NaN, 1, 2])).toBe(2);
    expect(median([NaN, NaN, 1])).toBe(Infinity);
    expect(median([])).toBeNaN();
  });
});

describe('log-scale histogram', () => {
  test('one bin per decade: hand-placed values, with zero and non-finite bins of their own', () => {
    const h = logHistogram([[0.001, 0.01, 0.05, 1, 0, Infinity, NaN]], { binsPerDecade: 1 });
    expect(h.bins.map((b) => b.kind)).toEqual(['zero', 'range', 'range', 'range', 'nonFinite']);
    const ranges = h.bins.filter((b) => b.kind === 'range');
    expect(ranges.map((b) => [b.low, b.high])).toEqual([
      [0.001, 0.01],
      [0.01, 0.1],
      [0.1, 1],
    ]);
    expect(h.bins.map((b) => b.counts[0])).toEqual([1, 1, 2, 1, 2]);
    expect(h.bins[2].members[0]).toEqual([1, 2]);
    expect(h.bins[4].members[0]).toEqual([5, 6]);
    expect(h.lowExponent).toBe(-3);
    expect(h.highExponent).toBe(0);
    expect(h.maxCount).toBe(2);
  });

  test('two series share one set of bins', () => {
    const h = logHistogram([[0.02, 0.03], [0.5]], { binsPerDecade: 1 });
    expect(h.bins.map((b) => b.counts)).toEqual([
      [2, 0],
      [0, 1],
    ]);
  });

  test('four bins per decade put edges at 10^(k/4) and a value on an edge goes up', () => {
    const h = logHistogram([[1, 10 ** 0.25, 9.99]], { binsPerDecade: 4 });
    expect(h.bins).toHaveLength(4);
    expect(h.bins[1].low).toBeCloseTo(1.778279, 5);
    expect(h.bins.map((b) => b.counts[0])).toEqual([1, 1, 0, 1]);
  });

  test('a value just below a decade, where log10 rounds up to the decade, still falls inside the edges', () => {
    const h = logHistogram([[999.9999999999994]]);
    expect(h.bins[0].low).toBeLessThanOrEqual(999.9999999999994);
    expect(h.bins.reduce((n, b) => n + b.counts[0], 0)).toBe(1);
  });

  test('a single value still gets a bin; no values give no bins', () => {
    expect(logHistogram([[0.5]]).bins.filter((b) => b.kind === 'range')).toHaveLength(1);
    expect(logHistogram([[]]).bins).toHaveLength(0);
  });

  test('only zeros and non-finite values give just those two bins', () => {
    const h = logHistogram([[0, -0, NaN, -Infinity]]);
    expect(h.bins.map((b) => [b.kind, b.counts[0]])).toEqual([
      ['zero', 2],
      ['nonFinite', 2],
    ]);
  });

  test('many decades reduce the bins per decade to stay under maxBins', () => {
    const h = logHistogram([[1e-300, 1]], { binsPerDecade: 4, maxBins: 48 });
    expect(h.bins.length).toBeLessThanOrEqual(300);
    expect(h.binsPerDecade).toBe(1);
  });

  test('every value lands in exactly one bin, inside its edges', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: 1e-12, max: 1e3, noNaN: true }), fc.constant(0), fc.constant(NaN)), { minLength: 1, maxLength: 60 }),
        (values) => {
          const h = logHistogram([values]);
          const total = h.bins.reduce((sum, b) => sum + b.counts[0], 0);
          if (total !== values.length) return false;
          return h.bins.every((b, index) =>
            b.members[0].every((k) => {
              const v = values[k];
              if (b.kind !== 'range') return true;
              const last = index === h.bins.length - 1 || h.bins[index + 1].kind !== 'range';
              return v >= b.low && (v < b.high || (last && v <= b.high * (1 + 1e-12)));
            }),
          );
        },
      ),
    );
  });
});

describe('sweep summary', () => {
  const start = (seed: number, solved: boolean, finalCost: number, diverged = false): StartResult => ({ seed, solved, finalCost, epochs: 10, diverged });
  test('rates, paired outcomes, medians and records sorted by seed', () => {
    const s = summarizeSweep([
      { seed: 12, correct: start(12, true, 0.001), buggy: start(12, false, 0.3) },
      { seed: 10, correct: start(10, true, 0.002), buggy: start(10, true, 0.01) },
      { seed: 11, correct: start(11, false, 0.4), buggy: start(11, false, NaN, true) },
      { seed: 13, correct: start(13, true, 0.003), buggy: start(13, false, 0.35) },
    ]);
    expect(s.records.map((r) => r.seed)).toEqual([10, 11, 12, 13]);
    expect(s.firstSeed).toBe(10);
    expect(s.correct).toMatchObject({ successes: 3, trials: 4, rate: 0.75, diverged: 0 });
    expect(s.buggy).toMatchObject({ successes: 1, trials: 4, rate: 0.25, diverged: 1 });
    expect(s.correct.medianFinalCost).toBeCloseTo(0.0025, 12);
    expect(s.buggy.medianFinalCost).toBeCloseTo(0.325, 12);
    expect(s.outcomes).toEqual({ both: [10], correctOnly: [12, 13], buggyOnly: [], neither: [11] });
    const nonFinite = s.histogram.bins.at(-1)!;
    expect(nonFinite.kind).toBe('nonFinite');
    expect(nonFinite.members).toEqual([[], [1]]);
  });
});
