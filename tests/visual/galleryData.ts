/** Real engine data for the gallery: trained networks, their passes and grids, and long cost histories. */
import {
  type BoundaryGrids,
  type Dataset,
  GridEvaluator,
  type LabConfig,
  type Network,
  type PassRecord,
  buildRun,
  cloneNetwork,
  evaluate,
  inspectPass,
  questionConfig,
  trainOptionsOf,
} from '../../src/engine';

export interface Snapshot {
  config: LabConfig;
  data: Dataset;
  network: Network;
  pass: PassRecord;
  grids: BoundaryGrids;
  outputs: Float64Array;
  costs: Float64Array;
  epochs: number;
}

export function trainedSnapshot(config: LabConfig, epochs: number, resolution = 100): Snapshot {
  const run = buildRun(config);
  const costs = new Float64Array(epochs);
  const { ran } = run.trainer.train(epochs, costs);
  const options = trainOptionsOf(config);
  const network = cloneNetwork(run.net);
  const pass = inspectPass(network, run.data, options);
  const grids = new GridEvaluator(network, run.data.domain, resolution, 32).evaluate(network);
  const outputs = evaluate(network, run.data, options).outputs;
  return { config, data: run.data, network, pass, grids, outputs: Float64Array.from(outputs), costs, epochs: ran };
}

export const xorConfig: LabConfig = { ...questionConfig('XOR'), hidden: [2], derivative: 'correct', gradientDivisor: 'samples', learningRate: 1, seed: 1 };
export const spiralConfig: LabConfig = {
  ...questionConfig('XOR'),
  dataset: 'spiral',
  hidden: Array.from({ length: 8 }, () => 16),
  hiddenActivation: 'tanh',
  outputActivation: 'sigmoid',
  derivative: 'correct',
  gradientDivisor: 'samples',
  learningRate: 0.05,
  batchSize: 20,
  init: 'xavier',
  seed: 2,
};
export const circleConfig: LabConfig = {
  ...spiralConfig,
  dataset: 'circle',
  hidden: [6, 4],
  hiddenActivation: 'relu',
  init: 'he',
  learningRate: 0.1,
  batchSize: 10,
};

/** A real run's costs, `epochs` long (the question's XOR net, both derivatives for the twin). */
export function longHistory(config: LabConfig, epochs: number): Float64Array {
  const run = buildRun(config);
  const costs = new Float64Array(epochs);
  run.trainer.train(epochs, costs);
  return costs;
}

const cache = new Map<string, unknown>();
/** Computes once per page, on first use (so a section shown alone only pays for its own data). */
export function once<T>(key: string, make: () => T): T {
  if (!cache.has(key)) {
    const t0 = performance.now();
    cache.set(key, make());
    console.info(`gallery data ${key}: ${(performance.now() - t0).toFixed(0)} ms`);
  }
  return cache.get(key) as T;
}
