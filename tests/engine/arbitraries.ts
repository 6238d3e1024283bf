/** fast-check generators for random networks, datasets and options, shared by the engine's property tests. */
import fc from 'fast-check';
import {
  ACTIVATIONS,
  type ActivationName,
  type CostName,
  DEFAULT_TRAIN_OPTIONS,
  type Dataset,
  type Network,
  type TrainOptions,
  createNetwork,
  layoutOf,
} from '../../src/engine';

export interface Case {
  net: Network;
  data: Dataset;
  options: TrainOptions;
}

export interface CaseShape {
  sizes: number[];
  activations: ActivationName[];
  cost: CostName;
  count: number;
}

/**
 * Values in [−limit, limit], finite. fast-check's doubles favour 0, the bounds and tiny magnitudes
 * (good for edge cases); `uniform` draws evenly over the interval instead, i.e. generic values.
 */
const uniform = (limit: number) => fc.noBias(fc.integer({ min: -1_000_000, max: 1_000_000 })).map((k) => (k / 1_000_000) * limit);
const bounded = (limit: number, generic: boolean) => (generic ? uniform(limit) : fc.oneof(fc.double({ min: -limit, max: limit, noNaN: true }), uniform(limit)));

/** inputs 1–4, 0–3 hidden layers of 1–5, outputs 1–3, any activation per layer; cross-entropy only on a sigmoid output. */
export function shapeArbitrary(options: { minHidden?: number } = {}): fc.Arbitrary<CaseShape> {
  const activation = fc.constantFrom(...ACTIVATIONS);
  return fc
    .record({
      inputs: fc.integer({ min: 1, max: 4 }),
      hidden: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: options.minHidden ?? 0, maxLength: 3 }),
      outputs: fc.integer({ min: 1, max: 3 }),
      count: fc.integer({ min: 1, max: 4 }),
      crossEntropy: fc.boolean(),
    })
    .chain(({ inputs, hidden, outputs, count, crossEntropy }) =>
      fc.array(activation, { minLength: hidden.length + 1, maxLength: hidden.length + 1 }).map((activations): CaseShape => {
        const output = activations[activations.length - 1];
        return {
          sizes: [inputs, ...hidden, outputs],
          activations,
          cost: crossEntropy && output === 'sigmoid' ? 'crossEntropy' : 'quadratic',
          count,
        };
      }),
    );
}

/**
 * Random parameters, inputs, targets (in [0, 1] for cross-entropy) and leaky slope for a shape.
 * `generic`: every value drawn evenly from its interval (no bias towards 0 and the bounds).
 */
export function caseArbitrary(shape: fc.Arbitrary<CaseShape> = shapeArbitrary(), generic = false): fc.Arbitrary<Case> {
  return shape.chain((s) => {
    const parameterCount = layoutOf(s.sizes).parameterCount;
    const nIn = s.sizes[0];
    const nOut = s.sizes[s.sizes.length - 1];
    const target = s.cost === 'crossEntropy' ? bounded(0.5, generic).map((t) => t + 0.5) : bounded(1.5, generic);
    return fc
      .record({
        params: fc.array(bounded(1.5, generic), { minLength: parameterCount, maxLength: parameterCount }),
        inputs: fc.array(bounded(1.5, generic), { minLength: s.count * nIn, maxLength: s.count * nIn }),
        targets: fc.array(target, { minLength: s.count * nOut, maxLength: s.count * nOut }),
        leakySlope: fc.double({ min: 0.01, max: 0.3, noNaN: true }),
      })
      .map(
        ({ params, inputs, targets, leakySlope }): Case => ({
          net: createNetwork(s.sizes, s.activations, Float64Array.from(params), leakySlope),
          data: {
            name: 'random',
            kind: 'custom',
            count: s.count,
            inputSize: nIn,
            outputSize: nOut,
            inputs: Float64Array.from(inputs),
            targets: Float64Array.from(targets),
            domain: [-1.5, 1.5, -1.5, 1.5],
          },
          options: { ...DEFAULT_TRAIN_OPTIONS, cost: s.cost },
        }),
      );
  });
}

/** A dataset from rows, for hand-written cases. */
export function datasetOf(inputs: number[][], targets: number[][]): Dataset {
  return {
    name: 'fixed',
    kind: 'custom',
    count: inputs.length,
    inputSize: inputs[0].length,
    outputSize: targets[0].length,
    inputs: Float64Array.from(inputs.flat()),
    targets: Float64Array.from(targets.flat()),
    domain: [-1, 1, -1, 1],
  };
}
