/** Checks on what a user loads into the lab (a dataset of their own, or a network), the same in the worker and the store. */
import type { Dataset } from './datasets';
import { type Network, layoutOf, shapeError } from './network';
import type { LabConfig } from './settings';

/** A reason a dataset cannot be trained on, or null. */
export function datasetError(data: Dataset): string | null {
  if (data === null || typeof data !== 'object') return 'data: expected a dataset';
  const { count, inputSize, outputSize, inputs, targets, domain } = data;
  if (!Number.isInteger(count) || count < 1) return 'data: expected at least one sample';
  if (!Number.isInteger(inputSize) || inputSize < 1 || !Number.isInteger(outputSize) || outputSize < 1)
    return 'data: expected at least one input and one target per sample';
  if (!(inputs instanceof Float64Array) || inputs.length !== count * inputSize) return `data: expected ${count} × ${inputSize} inputs`;
  if (!(targets instanceof Float64Array) || targets.length !== count * outputSize) return `data: expected ${count} × ${outputSize} targets`;
  if (!inputs.every(Number.isFinite) || !targets.every(Number.isFinite)) return 'data: every input and target must be a finite number';
  if (!Array.isArray(domain) || domain.length !== 4 || !domain.every(Number.isFinite)) return 'data: expected a domain [x1 min, x1 max, x2 min, x2 max]';
  return null;
}

/** A reason a network cannot be trained on `data`, or null. */
export function networkError(network: Network, data: Dataset): string | null {
  if (network === null || typeof network !== 'object') return 'network: expected a network';
  const problem = shapeError(network.sizes, network.activations ?? []);
  if (problem) return problem;
  const count = layoutOf(network.sizes).parameterCount;
  if (!(network.params instanceof Float64Array) || network.params.length !== count)
    return `params: expected ${count} numbers for layers ${network.sizes.join('-')}`;
  if (!network.params.every(Number.isFinite)) return 'params: every weight and bias must be a finite number';
  const L = network.sizes.length - 1;
  if (network.sizes[0] !== data.inputSize) return `network: takes ${network.sizes[0]} inputs but the data has ${data.inputSize}`;
  if (network.sizes[L] !== data.outputSize) return `network: has ${network.sizes[L]} outputs but the data has ${data.outputSize} targets`;
  return null;
}

/** The configuration that describes a loaded network (its layers and activations), other settings kept. */
export function configForNetwork(config: LabConfig, network: Network): LabConfig {
  const L = network.sizes.length - 1;
  return {
    ...config,
    hidden: network.sizes.slice(1, L),
    hiddenActivation: L > 1 ? network.activations[0] : config.hiddenActivation,
    outputActivation: network.activations[L - 1],
    leakySlope: network.leakySlope,
  };
}
