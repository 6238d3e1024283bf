/**
 * The engine against an outside reference: a scalar autodiff and naive nested loops written from
 * the formulas (scalarReference.ts), for a few fixed networks. Shares no code with src/engine.
 */
import { describe, expect, test } from 'vitest';
import {
  DEFAULT_TRAIN_OPTIONS,
  type Network,
  analyticGradient,
  createNetwork,
  datasetCost,
  evaluate,
  gateDataset,
  inspectPass,
  layoutOf,
} from '../../src/engine';
import { datasetOf } from './arbitraries';
import { type ReferenceNetwork, referenceCostAndGradient } from './scalarReference';

/** Flattens the question's nested layout into the engine's params by explicit index arithmetic. */
function toEngine(ref: ReferenceNetwork): Network {
  const layout = layoutOf(ref.sizes);
  const params = new Float64Array(layout.parameterCount);
  for (let l = 1; l < ref.sizes.length; l++) {
    for (let j = 0; j < ref.sizes[l]; j++) {
      for (let i = 0; i < ref.sizes[l - 1]; i++) params[layout.weightOffset[l] + j * ref.sizes[l - 1] + i] = ref.weights[l - 1][j][i];
      params[layout.biasOffset[l] + j] = ref.biases[l - 1][j];
    }
  }
  return createNetwork(ref.sizes, ref.activations, params, ref.leakySlope);
}

function expectClose(actual: number, expected: number, relative = 1e-12): void {
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(relative * Math.max(1e-3, Math.abs(expected)));
}

interface FixedCase {
  name: string;
  net: ReferenceNetwork;
  inputs: number[][];
  targets: number[][];
  cost: 'crossEntropy' | 'quadratic';
}

const GATE_ROWS = [
  [1, 1],
  [0, 1],
  [1, 0],
  [0, 0],
];

const CASES: FixedCase[] = [
  {
    name: "the question's [2,2,1] sigmoid net on XOR, cross-entropy",
    net: {
      sizes: [2, 2, 1],
      activations: ['sigmoid', 'sigmoid'],
      weights: [
        [
          [0.8, -1.3],
          [1.7, 0.4],
        ],
        [[-2.1, 1.25]],
      ],
      biases: [[0.3, -0.9], [0.15]],
      leakySlope: 0.01,
    },
    inputs: GATE_ROWS,
    targets: [[0], [1], [1], [0]],
    cost: 'crossEntropy',
  },
  {
    name: 'a [3,4,2] tanh → sigmoid net with two outputs, cross-entropy with soft targets',
    net: {
      sizes: [3, 4, 2],
      activations: ['tanh', 'sigmoid'],
      weights: [
        [
          [0.5, -0.2, 0.9],
          [-1.1, 0.3, 0.25],
          [0.7, 0.7, -0.6],
          [0.05, -0.8, 1.2],
        ],
        [
          [0.6, -1.4, 0.2, 0.9],
          [-0.3, 0.45, 1.1, -0.75],
        ],
      ],
      biases: [
        [0.1, -0.2, 0.3, 0],
        [0.4, -0.5],
      ],
      leakySlope: 0.01,
    },
    inputs: [
      [0.2, -1, 0.5],
      [1.5, 0.3, -0.7],
      [-0.4, 0.9, 1.1],
    ],
    targets: [
      [0.25, 1],
      [0.9, 0],
      [0, 0.6],
    ],
    cost: 'crossEntropy',
  },
  {
    name: 'a [2,3,3,1] ReLU → leaky ReLU → linear net, quadratic',
    net: {
      sizes: [2, 3, 3, 1],
      activations: ['relu', 'leakyRelu', 'linear'],
      weights: [
        [
          [1.2, -0.7],
          [-0.9, 1.4],
          [0.6, 0.8],
        ],
        [
          [0.5, -1.1, 0.9],
          [1.3, 0.2, -0.6],
          [-0.4, 0.7, 1.05],
        ],
        [[0.8, -1.2, 0.65]],
      ],
      biases: [[0.11, -0.23, 0.07], [0.19, -0.31, 0.05], [0.3]],
      leakySlope: 0.1,
    },
    inputs: [
      [1, 0.5],
      [-0.8, 1.2],
      [0.3, -1.1],
      [-1.3, -0.6],
    ],
    targets: [[1], [-0.5], [0.25], [2]],
    cost: 'quadratic',
  },
  {
    name: 'a [1,2,2] sigmoid → tanh net, quadratic on two outputs',
    net: {
      sizes: [1, 2, 2],
      activations: ['sigmoid', 'tanh'],
      weights: [
        [[2.5], [-1.5]],
        [
          [1.1, -0.9],
          [0.4, 1.6],
        ],
      ],
      biases: [
        [-0.5, 0.8],
        [0.2, -0.1],
      ],
      leakySlope: 0.01,
    },
    inputs: [[-1], [0], [0.5], [2]],
    targets: [
      [0.5, -0.5],
      [0, 0],
      [-1, 1],
      [0.3, 0.7],
    ],
    cost: 'quadratic',
  },
];

describe('the engine agrees with a scalar autodiff reference', () => {
  for (const c of CASES) {
    test(`${c.name}: cost, outputs and every ∂C/∂θ`, () => {
      const reference = referenceCostAndGradient(c.net, c.inputs, c.targets, c.cost);
      const net = toEngine(c.net);
      const data = datasetOf(c.inputs, c.targets);
      const options = { ...DEFAULT_TRAIN_OPTIONS, cost: c.cost };
      expectClose(datasetCost(net, data, options), reference.cost);
      const outputs = evaluate(net, data, options).outputs;
      reference.outputs.flat().forEach((a, k) => {
        expectClose(outputs[k], a);
      });
      const gradient = analyticGradient(net, data, options);
      const layout = layoutOf(c.net.sizes);
      for (let l = 1; l < c.net.sizes.length; l++) {
        for (let j = 0; j < c.net.sizes[l]; j++) {
          for (let i = 0; i < c.net.sizes[l - 1]; i++)
            expectClose(gradient[layout.weightOffset[l] + j * c.net.sizes[l - 1] + i], reference.gradWeights[l - 1][j][i]);
          expectClose(gradient[layout.biasOffset[l] + j], reference.gradBiases[l - 1][j]);
        }
      }
    });
  }

  test('the inspectable pass reports the reference cost and its sample gradients sum to N × the reference gradient', () => {
    const c = CASES[0];
    const reference = referenceCostAndGradient(c.net, c.inputs, c.targets, c.cost);
    const net = toEngine(c.net);
    const record = inspectPass(net, datasetOf(c.inputs, c.targets), { ...DEFAULT_TRAIN_OPTIONS, cost: c.cost });
    expectClose(record.cost, reference.cost);
    const P = layoutOf(c.net.sizes).parameterCount;
    // params layout of [2,2,1]: W¹ (4), b¹ (2), W² (2), b² (1)
    const flatReference = [...reference.gradWeights[0].flat(), ...reference.gradBiases[0], ...reference.gradWeights[1].flat(), ...reference.gradBiases[1]];
    for (let k = 0; k < P; k++) {
      let sum = 0;
      for (let s = 0; s < record.count; s++) sum += record.sampleGradients![s * P + k];
      expectClose(sum, c.inputs.length * flatReference[k]);
    }
  });
});

describe('buggy mode against a hand-written BP2 with σ′(a)', () => {
  test("the question's [2,2,1] net: δ¹ = (W²ᵀ δ²) ⊙ σ′(a¹) written in nested loops", () => {
    const c = CASES[0];
    const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
    const sigmoidPrime = (x: number) => sigmoid(x) * (1 - sigmoid(x));
    const W1 = c.net.weights[0],
      b1 = c.net.biases[0],
      W2 = c.net.weights[1],
      b2 = c.net.biases[1];
    const gW1 = [
        [0, 0],
        [0, 0],
      ],
      gb1 = [0, 0],
      gW2 = [0, 0];
    let gb2 = 0;
    for (let s = 0; s < 4; s++) {
      const x = c.inputs[s];
      const a1 = [0, 1].map((j) => sigmoid(W1[j][0] * x[0] + W1[j][1] * x[1] + b1[j]));
      const a2 = sigmoid(W2[0][0] * a1[0] + W2[0][1] * a1[1] + b2[0]);
      const d2 = a2 - c.targets[s][0]; // BP1 for sigmoid + cross-entropy
      const d1 = [0, 1].map((j) => W2[0][j] * d2 * sigmoidPrime(a1[j])); // the slip: σ′ at a, not z
      gb2 += d2 / 4;
      for (let j = 0; j < 2; j++) {
        gW2[j] += (d2 * a1[j]) / 4;
        gb1[j] += d1[j] / 4;
        for (let i = 0; i < 2; i++) gW1[j][i] += (d1[j] * x[i]) / 4;
      }
    }
    const buggy = analyticGradient(toEngine(c.net), gateDataset('XOR'), { ...DEFAULT_TRAIN_OPTIONS, derivative: 'buggy' });
    [...gW1.flat(), ...gb1, ...gW2, gb2].forEach((g, k) => {
      expectClose(buggy[k], g);
    });
  });
});
