/** The finder behind "Inspect this epoch" and the tour's step 3: the epoch where a twin's two costs differ most. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildRun, datasetCost, questionConfig, twinRun } from '../../src/engine';
import { largestCostGap } from '../../src/app/tour/largestCostGap';

const f = (values: number[]) => Float64Array.from(values);

describe('largestCostGap', () => {
  test('finds the epoch of the largest |buggy − correct|, counted as epochs completed', () => {
    // costs[k] belongs to the network after k + 1 epochs
    expect(largestCostGap(f([1, 0.5, 0.2, 0.1]), f([1, 0.9, 0.3, 0.25]))).toEqual({ epoch: 2, correctCost: 0.5, buggyCost: 0.9, gap: expect.closeTo(0.4, 12) });
  });

  test('a gap in either direction counts, and the earliest of equal gaps wins', () => {
    expect(largestCostGap(f([0.9, 0.1, 0.5]), f([0.1, 0.9, 0.5]))?.epoch).toBe(1);
    expect(largestCostGap(f([0.2, 0.7]), f([0.6, 0.1]))?.epoch).toBe(2);
  });

  test('only epochs both twins ran, and never a non-finite cost (a diverged twin)', () => {
    expect(largestCostGap(f([1, 1, 1]), f([1, 0.5]))?.epoch).toBe(2);
    expect(largestCostGap(f([1, 1, 1]), f([1, Infinity, NaN]))).toEqual({ epoch: 1, correctCost: 1, buggyCost: 1, gap: 0 });
    expect(largestCostGap(f([]), f([]))).toBeNull();
    expect(largestCostGap(f([NaN]), f([1]))).toBeNull();
  });

  test('no epoch has a larger gap than the one found (property)', () => {
    const costs = fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 1, maxLength: 50 });
    fc.assert(
      fc.property(costs, costs, (a, b) => {
        const found = largestCostGap(f(a), f(b))!;
        const n = Math.min(a.length, b.length);
        for (let k = 0; k < n; k++) expect(Math.abs(b[k] - a[k])).toBeLessThanOrEqual(found.gap);
        expect(found.gap).toBe(Math.abs(b[found.epoch - 1] - a[found.epoch - 1]));
      }),
    );
  });

  test("on the question's AND twin, the buggy network after the epoch found has the buggy cost found", () => {
    const config = { ...questionConfig('AND'), seed: 1, epochs: 3000 };
    const twin = twinRun(config);
    const found = largestCostGap(twin.correct.costs, twin.buggy.costs)!;
    expect(found.epoch).toBeGreaterThan(0);
    expect(found.buggyCost).toBeGreaterThan(found.correctCost);
    // retrain the buggy run alone to that epoch: its cost there is the one the finder reported
    const run = buildRun({ ...config, derivative: 'buggy' });
    run.trainer.train(found.epoch);
    expect(datasetCost(run.net, run.data, run.trainer.options)).toBe(found.buggyCost);
  });
});
