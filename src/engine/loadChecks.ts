/** Checks on what a user loads into the lab (a dataset of their own, or a network), the same in the worker and the store. */
import type { Dataset } from './datasets';
import { type Network, layoutOf, shapeError } from './network';
import { type EngineMessage, engineMessage } from './messages';
import type { LabConfig } from './settings';

/** A reason a dataset cannot be trained on, or null. */
export function datasetError(data: Dataset): EngineMessage | null {
  if (data === null || typeof data !== 'object') return engineMessage('loadNoDataset');
  const { count, inputSize, outputSize, inputs, targets, domain } = data;
  if (!Number.isInteger(count) || count < 1) return engineMessage('loadNoSamples');
  if (!Number.isInteger(inputSize) || inputSize < 1 || !Number.isInteger(outputSize) || outputSize < 1) return engineMessage('loadNoColumns');
  if (!(inputs instanceof Float64Array) || inputs.length !== count * inputSize) return engineMessage('loadInputCount', { count, width: inputSize });
  if (!(targets instanceof Float64Array) || targets.length !== count * outputSize) return engineMessage('loadTargetCount', { count, width: outputSize });
  if (!inputs.every(Number.isFinite) || !targets.every(Number.isFinite)) return engineMessage('loadNotFinite');
  if (!Array.isArray(domain) || domain.length !== 4 || !domain.every(Number.isFinite)) return engineMessage('loadDomain');
  return null;
}

/** A reason a network cannot be trained on `data`, or null. */
export function networkError(network: Network, data: Dataset): EngineMessage | null {
  if (network === null || typeof network !== 'object') return engineMessage('loadNoNetwork');
  const problem = shapeError(network.sizes, network.activations ?? []);
  if (problem) return problem;
  const count = layoutOf(network.sizes).parameterCount;
  if (!(network.params instanceof Float64Array) || network.params.length !== count)
    return engineMessage('loadParamCount', { count, layers: network.sizes.join('-') });
  if (!network.params.every(Number.isFinite)) return engineMessage('loadParamNotFinite');
  const L = network.sizes.length - 1;
  if (network.sizes[0] !== data.inputSize) return engineMessage('loadInputsDiffer', { count: network.sizes[0], data: data.inputSize });
  if (network.sizes[L] !== data.outputSize) return engineMessage('loadOutputsDiffer', { count: network.sizes[L], data: data.outputSize });
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
