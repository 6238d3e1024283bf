/**
 * Property tests of BP1–BP4 against central differences over random shapes, activations, costs,
 * inputs and parameters. Fixed fast-check seeds keep every run the same.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyticGradient, gradientCheck, hasKink, inspectPass, layoutOf } from '../../src/engine';
import { type Case, caseArbitrary, shapeArbitrary } from './arbitraries';

const TOLERANCE = 1e-6;
/** Every |z| at a ReLU-like layer must be this far from the kink for the whole batch. */
const KINK_MARGIN = 0.05;

function awayFromKinks(c: Case): boolean {
  const record = inspectPass(c.net, c.data, c.options);
  return record.layers.every((layer) => !hasKink(c.net.activations[layer.layer - 1]) || layer.z.every((z) => Math.abs(z) > KINK_MARGIN));
}

const hiddenLayers = (c: Case) => c.net.activations.slice(0, -1);

describe('correct mode: analytic gradient = central differences', () => {
  test('to relative 1e-6 for random shapes, activations and costs (edge-biased values)', () => {
    fc.assert(
      fc.property(caseArbitrary(), (c) => {
        fc.pre(awayFromKinks(c));
        const check = gradientCheck(c.net, c.data, c.options);
        expect(check.maxRelativeError, JSON.stringify(check.worst)).toBeLessThan(TOLERANCE);
      }),
      { seed: 20261127, numRuns: 600 },
    );
  });

  test('to relative 1e-6 for random shapes, activations and costs (evenly drawn values)', () => {
    fc.assert(
      fc.property(caseArbitrary(shapeArbitrary(), true), (c) => {
        fc.pre(awayFromKinks(c));
        const check = gradientCheck(c.net, c.data, c.options);
        expect(check.maxRelativeError, JSON.stringify(check.worst)).toBeLessThan(TOLERANCE);
      }),
      { seed: 1127, numRuns: 600 },
    );
  });

  test("backward's gradient is the batch mean of the per-sample gradients inspectPass reports", () => {
    fc.assert(
      fc.property(caseArbitrary(shapeArbitrary(), true), (c) => {
        const record = inspectPass(c.net, c.data, c.options);
        const gradient = analyticGradient(c.net, c.data, c.options);
        const P = layoutOf(c.net.sizes).parameterCount;
        for (let k = 0; k < P; k++) {
          let sum = 0;
          for (let s = 0; s < c.data.count; s++) sum += record.sampleGradients![s * P + k];
          const mean = sum / c.data.count;
          expect(Math.abs(gradient[k] - mean)).toBeLessThanOrEqual(1e-15 * Math.max(1, Math.abs(mean)));
          expect(record.gradient[k]).toBe(gradient[k]);
        }
      }),
      { seed: 31, numRuns: 300 },
    );
  });

  test('inspectPass splits the gradient into per-layer ∂C/∂W^l and ∂C/∂b^l in the params layout', () => {
    fc.assert(
      fc.property(caseArbitrary(), (c) => {
        const record = inspectPass(c.net, c.data, c.options);
        const layout = layoutOf(c.net.sizes);
        for (const layer of record.layers) {
          expect(Array.from(layer.gradWeights)).toEqual(Array.from(record.gradient.subarray(layout.weightOffset[layer.layer], layout.biasOffset[layer.layer])));
          expect(Array.from(layer.gradBiases)).toEqual(
            Array.from(record.gradient.subarray(layout.biasOffset[layer.layer], layout.biasOffset[layer.layer] + layer.size)),
          );
        }
      }),
      { seed: 5, numRuns: 100 },
    );
  });
});

describe("buggy mode (BP2 with f′(a^l)): the question's slip", () => {
  test('fails the same check by far when a hidden layer is sigmoid and gradient reaches it', () => {
    fc.assert(
      fc.property(caseArbitrary(shapeArbitrary({ minHidden: 1 }), true), (c) => {
        fc.pre(hiddenLayers(c).includes('sigmoid'));
        fc.pre(awayFromKinks(c));
        const record = inspectPass(c.net, c.data, c.options);
        const L = c.net.sizes.length - 1;
        // some sigmoid hidden layer receives a real correct-mode gradient (not a dead downstream path)
        fc.pre(
          record.layers.some(
            (layer) => layer.layer < L && c.net.activations[layer.layer - 1] === 'sigmoid' && layer.gradBiases.some((g) => Math.abs(g) > 1e-3),
          ),
        );
        const check = gradientCheck(c.net, c.data, { ...c.options, derivative: 'buggy' });
        expect(check.maxRelativeError).toBeGreaterThan(100 * TOLERANCE);
      }),
      { seed: 77, numRuns: 300 },
    );
  });

  test("on the question's [2,2,1] sigmoid net the hidden-layer gradients are off by percent, the output layer's are exact", () => {
    const c = fc.sample(caseArbitrary(fc.constant({ sizes: [2, 2, 1], activations: ['sigmoid', 'sigmoid'], cost: 'crossEntropy', count: 4 } as const), true), {
      seed: 3,
      numRuns: 1,
    })[0];
    const check = gradientCheck(c.net, c.data, { ...c.options, derivative: 'buggy' });
    const hidden = check.parameters.filter((p) => p.layer === 1);
    const output = check.parameters.filter((p) => p.layer === 2);
    expect(Math.max(...hidden.map((p) => p.relativeError))).toBeGreaterThan(1e-2);
    expect(Math.max(...output.map((p) => p.relativeError))).toBeLessThan(TOLERANCE);
  });

  test('equals correct mode bit for bit when every hidden layer is ReLU, leaky ReLU or linear (f′(a) = f′(z) there)', () => {
    const piecewiseLinear = shapeArbitrary().filter((s) =>
      s.activations.slice(0, -1).every((name) => name === 'relu' || name === 'leakyRelu' || name === 'linear'),
    );
    fc.assert(
      fc.property(caseArbitrary(piecewiseLinear), (c) => {
        const correct = analyticGradient(c.net, c.data, c.options);
        const buggy = analyticGradient(c.net, c.data, { ...c.options, derivative: 'buggy' });
        correct.forEach((g, k) => {
          expect(Object.is(buggy[k], g)).toBe(true);
        });
      }),
      { seed: 9, numRuns: 200 },
    );
  });
});
