/**
 * The saturation lock (engine/health.ts): the question's AND run from seed 1 merges samples (1, 1),
 * (0, 1) and (1, 0) in a saturated hidden layer, which is why switching to f′(z) on its weights
 * cannot solve it, while the same start trained with f′(z) from epoch 0 has no lock.
 */
import { describe, expect, test } from 'vitest';
import { buildRun, derivative, inspectPass, questionConfig, saturationLock, trainOptionsOf } from '../../src/engine';

const AND = { ...questionConfig('AND'), seed: 1 };

function trainedAnd(epochs: number, mode: 'buggy' | 'correct' = 'buggy') {
  const run = buildRun({ ...AND, derivative: mode });
  run.trainer.train(epochs);
  return run;
}

describe('saturationLock', () => {
  test('the buggy AND run at 60,000: samples (1, 1), (0, 1), (1, 0) share the hidden activations (1, 0), |z| in the thousands, σ′(z) = 0', () => {
    const run = trainedAnd(60_000);
    const pass = inspectPass(run.net, run.data, run.trainer.options);
    const lock = saturationLock(run.net, pass, 'buggy');
    expect(lock).not.toBeNull();
    const inputs = lock!.samples.map((s) => Array.from(pass.inputs.subarray(2 * s, 2 * s + 2)));
    const targets = lock!.samples.map((s) => pass.targets[s]);
    expect(inputs.map((x) => x.join(','))).toEqual(expect.arrayContaining(['1,1', '0,1', '1,0']));
    expect(new Set(targets)).toEqual(new Set([0, 1]));
    expect(lock).toMatchObject({ layer: 1, activations: [1, 0], spread: 0, maxSlopeAtZ: 0, maxDeltaAtZ: 0 });
    expect(lock!.minAbsZ).toBeGreaterThan(1000);
    // the buggy slope σ′(a) with a ∈ (0, 1) never falls below σ′(1)
    expect(lock!.minSlopeAtA).toBeGreaterThanOrEqual(derivative('sigmoid', 1));
  });

  test('δ with f′(z) read from a buggy pass equals the δ of the pass trained with f′(z), on the same weights', () => {
    const run = trainedAnd(2_000);
    const buggy = saturationLock(run.net, inspectPass(run.net, run.data, run.trainer.options), 'buggy')!;
    const correctOptions = trainOptionsOf({ ...AND, derivative: 'correct' });
    const correct = saturationLock(run.net, inspectPass(run.net, run.data, correctOptions), 'correct')!;
    expect(correct.samples).toEqual(buggy.samples);
    expect(buggy.maxDeltaAtZ).toBeGreaterThan(0);
    expect(buggy.maxDeltaAtZ).toBeCloseTo(correct.maxDeltaAtZ, 40);
    expect(buggy.maxDeltaAtZ / correct.maxDeltaAtZ).toBeCloseTo(1, 12);
  });

  test('the same start trained with f′(z) solves AND and has no lock; a ReLU hidden layer is not judged', () => {
    const run = trainedAnd(60_000, 'correct');
    expect(saturationLock(run.net, inspectPass(run.net, run.data, run.trainer.options), 'correct')).toBeNull();
    const relu = buildRun({ ...AND, hiddenActivation: 'relu' });
    relu.trainer.train(100);
    expect(saturationLock(relu.net, inspectPass(relu.net, relu.data, relu.trainer.options), 'buggy')).toBeNull();
  });
});
