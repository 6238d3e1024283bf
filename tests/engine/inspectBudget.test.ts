/**
 * A pass may leave out its per-sample parts (a big network on big data): what it keeps must be
 * exactly what the full record holds, and the batch numbers must not change at all.
 */
import { describe, expect, test } from 'vitest';
import {
  DEFAULT_TRAIN_OPTIONS,
  GridEvaluator,
  evaluate,
  gridResolutions,
  initializeNetwork,
  inspectPass,
  namedDataset,
  passEvaluation,
  weightsPerPoint,
} from '../../src/engine';

const net = initializeNetwork([2, 5, 3, 1], ['tanh', 'relu', 'sigmoid'], 'xavier', 3);
const data = namedDataset('spiral', 0);

describe('inspectPass with options', () => {
  const full = inspectPass(net, data, DEFAULT_TRAIN_OPTIONS);
  const limited = inspectPass(net, data, DEFAULT_TRAIN_OPTIONS, { sampleGradients: false, sampleLimit: 7 });

  test('by default everything is kept: every sample and each sample gradient', () => {
    expect(full.keptSamples).toBe(data.count);
    expect(full.sampleGradients).toHaveLength(data.count * net.params.length);
    expect(full.layers[0].z).toHaveLength(data.count * 5);
  });

  test('the batch numbers are identical, bit for bit', () => {
    expect(limited.cost).toBe(full.cost);
    expect(limited.gradient).toEqual(full.gradient);
    expect(limited.paramsAfter).toEqual(full.paramsAfter);
    expect(limited.sampleCosts).toEqual(full.sampleCosts);
    expect(limited.inputs).toEqual(full.inputs);
    expect(limited.count).toBe(full.count);
  });

  test('the first samples are kept exactly, the rest and the sample gradients are left out', () => {
    expect(limited.keptSamples).toBe(7);
    expect(limited.sampleGradients).toBeNull();
    limited.layers.forEach((layer, k) => {
      const n = layer.size;
      for (const key of ['z', 'a', 'delta', 'fPrimeAtZ', 'fPrimeAtA'] as const) {
        expect(layer[key]).toHaveLength(7 * n);
        expect(Array.from(layer[key])).toEqual(Array.from(full.layers[k][key].subarray(0, 7 * n)));
      }
    });
  });

  test('batch-mean activations are over every sample, kept or not', () => {
    limited.layers.forEach((layer, k) => {
      for (let j = 0; j < layer.size; j++) {
        let sum = 0;
        for (let s = 0; s < data.count; s++) sum += full.layers[k].a[s * layer.size + j];
        expect(layer.meanActivation[j]).toBe(sum / data.count);
        expect(full.layers[k].meanActivation[j]).toBe(sum / data.count);
      }
    });
  });

  test('a limit beyond the data keeps everything; 0 keeps no sample', () => {
    expect(inspectPass(net, data, DEFAULT_TRAIN_OPTIONS, { sampleLimit: 1e9 }).keptSamples).toBe(data.count);
    const none = inspectPass(net, data, DEFAULT_TRAIN_OPTIONS, { sampleLimit: 0 });
    expect(none.keptSamples).toBe(0);
    expect(none.layers[2].a).toHaveLength(0);
    expect(none.gradient).toEqual(full.gradient);
  });
});

describe('the evaluation from a pass', () => {
  test.each([
    ['spiral', 'crossEntropy', 'stable'],
    ['XOR', 'quadratic', 'stable'],
    ['circle', 'crossEntropy', 'naive'],
  ] as const)('%s, %s, %s sigmoid: equals evaluate() bit for bit, also when the pass keeps few samples', (name, cost, sigmoidForm) => {
    const options = { ...DEFAULT_TRAIN_OPTIONS, cost, sigmoidForm };
    const d = namedDataset(name, 1);
    const limited = inspectPass(net, d, options, { sampleGradients: false, sampleLimit: 1 });
    expect(passEvaluation(limited)).toEqual(evaluate(net, d, options));
    expect(passEvaluation(limited).outputs).toHaveLength(d.count);
  });
});

describe('grid resolutions within a budget', () => {
  const budget = { multiplyAdds: 16_000_000, neuronCells: 65_536, resolution: 100, neuronResolution: 32, minResolution: 16 };

  test('small networks keep the full grids (100² output, 32² per neuron)', () => {
    expect(gridResolutions([2, 4, 1], budget)).toEqual({ resolution: 100, neuronResolution: 32 });
    expect(gridResolutions([2, 8, 8, 1], budget)).toEqual({ resolution: 100, neuronResolution: 32 });
  });

  test('any shape up to the engine limit stays within the multiply-add budget, and the largest drops neuron grids', () => {
    for (const width of [4, 16, 32, 64]) {
      for (let layers = 1; layers <= 8; layers++) {
        const sizes = [2, ...Array<number>(layers).fill(width), 1];
        const { resolution, neuronResolution } = gridResolutions(sizes, budget);
        const cost =
          resolution ** 2 * weightsPerPoint(sizes) +
          (neuronResolution > 0 && neuronResolution !== resolution ? neuronResolution ** 2 * weightsPerPoint(sizes) : 0);
        if (resolution > budget.minResolution) expect(cost, sizes.join('-')).toBeLessThanOrEqual(budget.multiplyAdds);
        const neurons = sizes.slice(1).reduce((a, b) => a + b, 0);
        expect(neurons * neuronResolution ** 2).toBeLessThanOrEqual(budget.neuronCells);
      }
    }
    const largest = gridResolutions([2, ...Array<number>(8).fill(64), 1], budget);
    expect(largest.neuronResolution).toBe(0);
    expect(largest.resolution).toBeGreaterThanOrEqual(20);
  });

  test('neuron grids at the output resolution come from the same pass and match a separate one', () => {
    const small = initializeNetwork([2, 3, 1], ['tanh', 'sigmoid'], 'normal', 6);
    const shared = new GridEvaluator(small, [-1, 1, -1, 1], 12, 12).evaluate();
    const separate = new GridEvaluator(small, [-1, 1, -1, 1], 13, 12).evaluate();
    expect(shared.neurons[0][2]).toEqual(separate.neurons[0][2]);
    const none = new GridEvaluator(small, [-1, 1, -1, 1], 12, 0).evaluate();
    expect(none.neurons).toEqual([]);
    expect(none.output).toEqual(shared.output);
  });
});
