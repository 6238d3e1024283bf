/** Engine data for the view tests: small trained networks with their pass records and grids. */
import { GridEvaluator, type LabConfig, buildRun, cloneNetwork, inspectPass, questionConfig, trainOptionsOf } from '../../src/engine';

export function trained(config: LabConfig, epochs: number, resolution = 100) {
  const run = buildRun(config);
  run.trainer.train(epochs);
  const network = cloneNetwork(run.net);
  const pass = inspectPass(network, run.data, trainOptionsOf(config));
  const grids = new GridEvaluator(network, run.data.domain, resolution, 16).evaluate(network);
  return { data: run.data, network, pass, grids };
}

export const xorConfig: LabConfig = { ...questionConfig('XOR'), hidden: [2], derivative: 'correct', gradientDivisor: 'samples', learningRate: 1, seed: 1 };
export const questionXor: LabConfig = questionConfig('XOR');
