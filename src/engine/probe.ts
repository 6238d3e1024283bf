/**
 * The probe: a small network and data set on which every slip of the library, and every pair of
 * slips that can be made together, gives a gradient that differs from every other by far more than
 * 1e-6 relative (tests/engine/probe.test.ts proves it), so a pasted gradient names its slips.
 * Every layer has two neurons, so the off-by-one slips (BP4 with a^l, f′ of the wrong layer) have
 * the shapes to happen; there are 5 samples and 2 input features, so ÷ samples, ÷ features and no
 * division give three different sizes.
 */
import type { Dataset } from './datasets';
import { datasetFromRows } from './datasets';
import { EngineError } from './messages';
import { type Network, createNetwork, layoutOf } from './network';
import { serializeNetwork } from './networkFile';
import { DEFAULT_TRAIN_OPTIONS, type TrainOptions } from './settings';

/** η for the update-order slip, which reads weights already moved by η ∂C/∂W. */
export const PROBE_LEARNING_RATE = 0.5;

const WEIGHTS = [
  [
    [0.2, -0.7],
    [1.3, -1.1],
  ],
  [
    [0.2, 0.4],
    [0.6, 1.3],
  ],
  [
    [1.2, -0.5],
    [-0.1, -0.4],
  ],
];
const BIASES = [
  [0.4, 0.3],
  [1.4, 0.9],
  [-0.3, -0.9],
];
const INPUTS = [
  [-0.3, 0.4],
  [-1.4, 0.8],
  [-0.9, 1.4],
  [1.4, 0.4],
  [-1.3, 0.9],
];
const TARGETS = [
  [0.9, 0.1],
  [0.5, 0.6],
  [0.6, 0.4],
  [0.5, 0.5],
  [0.1, 0],
];

const PROBE_SIZES: readonly number[] = [2, 2, 2, 2];

/** The probe network: sigmoid everywhere, so cross-entropy (the question's cost) applies. */
export function probeNetwork(): Network {
  const layout = layoutOf(PROBE_SIZES);
  const params = new Float64Array(layout.parameterCount);
  for (let l = 1; l < PROBE_SIZES.length; l++) {
    WEIGHTS[l - 1].forEach((row, j) => {
      row.forEach((w, i) => {
        params[layout.weightOffset[l] + j * PROBE_SIZES[l - 1] + i] = w;
      });
    });
    BIASES[l - 1].forEach((b, j) => {
      params[layout.biasOffset[l] + j] = b;
    });
  }
  return createNetwork(PROBE_SIZES, ['sigmoid', 'sigmoid', 'sigmoid'], params);
}

export function probeData(): Dataset {
  const parsed = datasetFromRows(INPUTS, TARGETS, 'probe');
  if (!parsed.ok) throw new EngineError(parsed.error);
  return parsed.value;
}

/** The probe's training options: the mean cross-entropy, full batch, no slips. */
export const PROBE_OPTIONS: TrainOptions = {
  ...DEFAULT_TRAIN_OPTIONS,
  cost: 'crossEntropy',
  learningRate: PROBE_LEARNING_RATE,
  batchSize: 0,
  derivative: 'correct',
  gradientDivisor: 'samples',
  sigmoidForm: 'stable',
  freezeBiases: false,
};

export const PROBE_NETWORK_FILE_NAME = 'probe.json';
export const PROBE_DATA_FILE_NAME = 'probe-data.json';

/** probe.json: a backprop-lab/network file. */
export function probeNetworkText(): string {
  return `${serializeNetwork(probeNetwork())}\n`;
}

/** probe-data.json: {"inputs": [[…]], "targets": [[…]]}, one row per sample, and η for the update-order slip. */
export function probeDataText(): string {
  const rows = (m: number[][]) => m.map((r) => `    ${JSON.stringify(r)}`).join(',\n');
  return `{\n  "inputs": [\n${rows(INPUTS)}\n  ],\n  "targets": [\n${rows(TARGETS)}\n  ],\n  "learningRate": ${PROBE_LEARNING_RATE}\n}\n`;
}
