/**
 * The inspectable pass and the boundary grids are what every view shows, so their numbers must
 * satisfy BP1–BP4 among themselves: views never recompute them.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  ACTIVATION_KERNELS,
  DEFAULT_TRAIN_OPTIONS,
  GridEvaluator,
  derivative,
  gridCellCentre,
  initializeNetwork,
  inspectPass,
  layoutOf,
  predict,
} from '../../src/engine';
import { caseArbitrary, shapeArbitrary } from './arbitraries';

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));

describe('inspectPass', () => {
  test.each(['correct', 'buggy'] as const)('%s mode: every record obeys the forward rule and BP1–BP4', (mode) => {
    fc.assert(
      fc.property(caseArbitrary(shapeArbitrary(), true), (c) => {
        const options = { ...c.options, derivative: mode, learningRate: 0.25 };
        const record = inspectPass(c.net, c.data, options);
        const { sizes, activations, leakySlope } = c.net;
        const layout = layoutOf(sizes);
        const p = record.paramsBefore;
        const L = sizes.length - 1;
        const aOf = (l: number, s: number, j: number) => (l === 0 ? record.inputs[s * sizes[0] + j] : record.layers[l - 1].a[s * sizes[l] + j]);
        for (let s = 0; s < record.count; s++) {
          for (let l = 1; l <= L; l++) {
            const layer = record.layers[l - 1];
            for (let j = 0; j < sizes[l]; j++) {
              const k = s * sizes[l] + j;
              let z = p[layout.biasOffset[l] + j];
              for (let i = 0; i < sizes[l - 1]; i++) z += p[layout.weightOffset[l] + j * sizes[l - 1] + i] * aOf(l - 1, s, i);
              expect(close(layer.z[k], z)).toBe(true);
              expect(layer.a[k]).toBe(ACTIVATION_KERNELS[activations[l - 1]].value(layer.z[k], leakySlope));
              expect(layer.fPrimeAtZ[k]).toBe(derivative(activations[l - 1], layer.z[k], leakySlope));
              expect(layer.fPrimeAtA[k]).toBe(derivative(activations[l - 1], layer.a[k], leakySlope));
              if (l === L) {
                const y = record.targets[s * sizes[L] + j];
                // BP1: δ^L = ∇_a C ⊙ f′(z^L), which is a − y for sigmoid with cross-entropy
                const expected = options.cost === 'crossEntropy' ? layer.a[k] - y : (layer.a[k] - y) * layer.fPrimeAtZ[k];
                expect(close(layer.delta[k], expected)).toBe(true);
              } else {
                // BP2 with f′ at z (correct) or at a (the slip)
                let back = 0;
                for (let m = 0; m < sizes[l + 1]; m++) back += p[layout.weightOffset[l + 1] + m * sizes[l] + j] * record.layers[l].delta[s * sizes[l + 1] + m];
                expect(close(layer.delta[k], back * (mode === 'correct' ? layer.fPrimeAtZ[k] : layer.fPrimeAtA[k]))).toBe(true);
              }
            }
          }
        }
        // the cost is the mean of the sample costs; the update is θ − η ∂C/∂θ
        expect(close(record.cost, record.sampleCosts.reduce((sum, c) => sum + c, 0) / record.count)).toBe(true);
        record.paramsAfter.forEach((after, k) => {
          expect(after).toBe(p[k] - 0.25 * record.gradient[k]);
        });
        expect(Array.from(record.paramsBefore)).toEqual(Array.from(c.net.params));
      }),
      { seed: 64, numRuns: 150 },
    );
  });

  test('inspecting changes nothing: the network keeps its parameters', () => {
    const net = initializeNetwork([2, 3, 1], ['sigmoid', 'sigmoid'], 'normal', 1);
    const before = net.params.slice();
    const record = inspectPass(
      net,
      {
        name: 'x',
        kind: 'custom',
        count: 1,
        inputSize: 2,
        outputSize: 1,
        inputs: Float64Array.from([1, 0]),
        targets: Float64Array.from([1]),
        domain: [0, 1, 0, 1],
      },
      DEFAULT_TRAIN_OPTIONS,
    );
    expect(net.params).toEqual(before);
    expect(record.paramsAfter).not.toEqual(before);
  });
});

describe('boundary grids', () => {
  test('row 0 is the top (x2 max), each cell holds the output at its centre, neuron grids the activations', () => {
    const net = initializeNetwork([2, 3, 1], ['tanh', 'sigmoid'], 'normal', 6);
    const domain = [-2, 2, -1, 3] as const;
    const grids = new GridEvaluator(net, domain, 10, 4).evaluate();
    expect(gridCellCentre(domain, 10, 0, 0)).toEqual([-1.8, 2.8]);
    for (const [r, c] of [
      [0, 0],
      [0, 9],
      [9, 0],
      [4, 7],
    ]) {
      const [x1, x2] = gridCellCentre(domain, 10, r, c);
      expect(grids.output[r * 10 + c]).toBe(Math.fround(predict(net, Float64Array.from([x1, x2]), 1)[0]));
    }
    const [x1, x2] = gridCellCentre(domain, 4, 1, 2);
    const hidden = Math.tanh(net.params[1 * 2 + 0] * x1 + net.params[1 * 2 + 1] * x2 + net.params[6 + 1]);
    expect(grids.neurons[0][1][1 * 4 + 2]).toBeCloseTo(hidden, 6);
    expect(grids.neurons).toHaveLength(2);
    expect(grids.neurons[0]).toHaveLength(3);
  });
});
