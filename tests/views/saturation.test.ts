/** The Saturation view's numbers: read from the engine's two passes, σ′(a) never below σ′(1), δ scaled by σ′(a)/σ′(z). */
import { describe, expect, test } from 'vitest';
import { buildRun, derivative, inspectPass, questionConfig } from '../../src/engine';
import { SIGMA_PRIME_AT_ONE, saturationOf } from '../../src/views/saturation/saturation';
import { directionSentence } from '../../src/views/saturation/SaturationView';

function passesAfter(epochs: number) {
  const run = buildRun({ ...questionConfig('AND'), seed: 1 });
  run.trainer.train(epochs);
  const buggy = inspectPass(run.net, run.data, run.trainer.options);
  const correct = inspectPass(run.net, run.data, { ...run.trainer.options, derivative: 'correct' });
  return { buggy, correct };
}

describe('saturationOf', () => {
  test("each hidden neuron's z, a and both slopes, whichever mode the first pass used", () => {
    const { buggy, correct } = passesAfter(3000);
    const a = saturationOf(buggy, correct, 'buggy', 1, 2)!;
    const b = saturationOf(correct, buggy, 'correct', 1, 2)!;
    expect(a).toEqual(b);
    for (const n of a.neurons) {
      expect(n.atZ).toBe(derivative('sigmoid', n.z));
      expect(n.atA).toBe(derivative('sigmoid', n.a));
      expect(n.atA).toBeGreaterThanOrEqual(SIGMA_PRIME_AT_ONE);
      expect(n.atA).toBeLessThanOrEqual(0.25);
      // BP2 multiplies the same (Wᵀδ)ⱼ by each slope
      if (n.atZ > 1e-12) expect(n.deltaBuggy / n.deltaCorrect).toBeCloseTo(n.atA / n.atZ, 6);
    }
    expect(SIGMA_PRIME_AT_ONE).toBeCloseTo(0.196612, 6);
  });

  test('on the stuck AND run the true slopes vanish and the update changes direction', () => {
    const { buggy, correct } = passesAfter(20_000);
    const summary = saturationOf(buggy, correct, 'buggy', 1, 0)!;
    for (const n of summary.neurons) {
      expect(Math.abs(n.z)).toBeGreaterThan(100);
      expect(n.atZ).toBeLessThan(1e-40);
    }
    expect(summary.entries).toBe(6);
    expect(summary.flippedSigns).toBeGreaterThan(0);
    expect(summary.sizeRatio).toBeGreaterThan(1);
    expect(directionSentence(summary)).toMatch(/of the 6 entries of layer 1’s gradient point the other way/);
  });

  test('no summary for the output layer or a sample that is not there', () => {
    const { buggy, correct } = passesAfter(10);
    expect(saturationOf(buggy, correct, 'buggy', 2, 0)).toBeNull();
    expect(saturationOf(buggy, correct, 'buggy', 1, 4)).toBeNull();
  });
});
