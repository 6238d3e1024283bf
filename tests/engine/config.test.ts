/** Lab configurations: presets are valid, and a bad setting is named before anything is built. */
import { describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG, type LabConfig, PRESETS, answerConfig, buildRun, configError, questionConfig, runStart, sizesOf } from '../../src/engine';

describe('configurations', () => {
  test.each(PRESETS.map((p) => [p.id, p.config] as const))('preset %s is valid and builds', (_, config) => {
    expect(configError(config)).toBeNull();
    const run = buildRun(config);
    expect(run.net.sizes).toEqual(sizesOf(config, run.data));
  });

  test('the question\'s config carries both slips; the answer\'s is the 2-4-1 ReLU net', () => {
    expect(questionConfig('XOR')).toMatchObject({ derivative: 'buggy', gradientDivisor: 'features', hidden: [2] });
    expect(answerConfig()).toMatchObject({ hidden: [4], hiddenActivation: 'relu', outputActivation: 'leakyRelu', cost: 'quadratic', derivative: 'correct' });
  });

  test.each([
    ['dataset', { dataset: 'XAND' }, /^dataset: /],
    ['hidden activation', { hiddenActivation: 'softsign' }, /^hidden activation: /],
    ['output activation', { outputActivation: 'step' }, /^output activation: /],
    ['cross-entropy on a linear output', { outputActivation: 'linear' }, /^cost: cross-entropy needs a sigmoid output/],
    ['learning rate 0', { learningRate: 0 }, /^learning rate: /],
    ['learning rate NaN', { learningRate: Number.NaN }, /^learning rate: /],
    ['init', { init: 'zeros' }, /^init: /],
    ['negative seed', { seed: -1 }, /^seed: /],
    ['fractional data seed', { dataSeed: 0.5 }, /^data seed: /],
    ['zero epochs', { epochs: 0 }, /^epochs: /],
    ['nine hidden layers', { hidden: [2, 2, 2, 2, 2, 2, 2, 2, 2] }, /hidden layers/],
    ['a hidden layer of 0', { hidden: [3, 0] }, /^hidden layer 2: /],
    ['a negative batch size', { batchSize: -1 }, /^batch size: /],
    ['derivative', { derivative: 'sloppy' }, /^derivative: /],
  ])('%s is named', (_, change, message) => {
    const config = { ...DEFAULT_CONFIG, ...change } as LabConfig;
    expect(configError(config)).toMatch(message);
    expect(() => buildRun(config)).toThrow(RangeError);
  });

  test('one sweep start reports its seed, epochs and outcome', () => {
    const result = runStart({ ...DEFAULT_CONFIG, dataset: 'OR', hidden: [2], epochs: 3000, learningRate: 1 }, 4);
    expect(result).toMatchObject({ seed: 4, epochs: 3000, diverged: false, solved: true });
    expect(result.finalCost).toBeLessThan(0.1);
  });
});
