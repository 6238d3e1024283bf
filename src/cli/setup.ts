/**
 * The flags every command shares, and how they become a LabConfig, a dataset and (with --network)
 * a starting network. Defaults come from the engine's DEFAULT_CONFIG or a --preset; flags override.
 */
import {
  ACTIVATIONS,
  COSTS,
  DATASETS,
  DEFAULT_CONFIG,
  DERIVATIVE_MODES,
  type Dataset,
  GRADIENT_DIVISORS,
  INIT_METHODS,
  type LabConfig,
  MAX_LEARNING_RATE,
  type Network,
  PRESETS,
  SHAPE_LIMITS,
  SIGMOID_FORMS,
  configError,
  namedDataset,
} from '../engine';
import { UsageError } from './errors';
import { type FlagTable, type FlagValues, readChoice, readIntList, readNumber } from './flags';
import { loadDataFile, loadNetworkFile } from './files';
import { describeConfig } from './format';

const MAX_SEED = 0xffffffff;

export const CONFIG_FLAGS = {
  preset: { kind: 'string', value: 'ID', help: `start from a preset: ${PRESETS.map((p) => p.id).join(', ')}` },
  dataset: { kind: 'string', value: 'NAME', help: `${DATASETS.join(', ')} (default ${DEFAULT_CONFIG.dataset})` },
  data: { kind: 'string', value: 'FILE', help: 'your own data: CSV with a header x1,…,y1,… or JSON {"inputs": [[…]], "targets": [[…]]}' },
  'data-seed': { kind: 'string', value: 'N', help: 'seed of the generated 2-D sets (default 0)' },
  network: { kind: 'string', value: 'FILE', help: 'start from a network file (its shape and activations)' },
  layers: { kind: 'string', value: 'LIST', help: 'all layer sizes, e.g. 2,4,1 (inputs and outputs must fit the data)' },
  hidden: { kind: 'string', value: 'LIST', help: 'hidden layer sizes only, e.g. 4 or 8,8 ("none" for no hidden layer)' },
  'hidden-activation': { kind: 'string', value: 'NAME', help: `${ACTIVATIONS.join(', ')}` },
  'output-activation': { kind: 'string', value: 'NAME', help: `${ACTIVATIONS.join(', ')}` },
  'leaky-slope': { kind: 'string', value: 'X', help: 'slope of leaky ReLU below zero (default 0.01)' },
  cost: { kind: 'string', value: 'NAME', help: 'crossEntropy (or cross-entropy), quadratic' },
  'learning-rate': { kind: 'string', value: 'η', help: `step size in (0, ${MAX_LEARNING_RATE}]` },
  epochs: { kind: 'string', value: 'N', help: 'epochs to train' },
  'batch-size': { kind: 'string', value: 'N', help: 'samples per step, 0 = full batch (mini-batches are shuffled each epoch)' },
  derivative: { kind: 'string', value: 'MODE', help: "correct: f′(z); buggy: f′(a), the question's slip" },
  init: { kind: 'string', value: 'NAME', help: `${INIT_METHODS.join(', ')} (normal = N(0,1) for every weight and bias)` },
  seed: { kind: 'string', value: 'N', help: 'seed of the initial weights and the shuffling' },
  'gradient-divisor': { kind: 'string', value: 'WHAT', help: "samples: mean over the batch; features: divide by n₀ (the question's 1/len(x) slip)" },
  sigmoid: { kind: 'string', value: 'FORM', help: 'stable, or naive 1/(1+e^(−z)) (overflows below z ≈ −709.78)' },
  'freeze-biases': { kind: 'boolean', help: 'keep the biases at their initial values' },
} as const satisfies FlagTable;

export type ConfigFlag = keyof typeof CONFIG_FLAGS;

/** Every flag of every command, so a flag used with the wrong command gets a fitting message. */
export const ALL_FLAG_NAMES: readonly string[] = [...Object.keys(CONFIG_FLAGS), 'out', 'inits', 'threads', 'tolerance', 'force', 'json', 'help'];

export interface Setup {
  config: LabConfig;
  data: Dataset;
  /** the starting network read from --network FILE, or null to draw one from the seed */
  fileNetwork: Network | null;
}

const str = (values: FlagValues, name: string): string | undefined => {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
};

/** Flags that describe the network's shape or weights, which --network FILE already fixes. */
const SHAPE_FLAGS = ['layers', 'hidden', 'hidden-activation', 'output-activation', 'init', 'leaky-slope'] as const;

export function readSetup(values: FlagValues): Setup {
  const presetId = str(values, 'preset');
  const preset = presetId === undefined ? null : PRESETS.find((p) => p.id === readChoice('preset', presetId, PRESETS.map((p) => p.id)));
  const config: LabConfig = { ...(preset?.config ?? DEFAULT_CONFIG), hidden: [...(preset?.config ?? DEFAULT_CONFIG).hidden] };

  const dataSeed = str(values, 'data-seed');
  if (dataSeed !== undefined) config.dataSeed = readNumber('data-seed', dataSeed, { integer: true, min: 0, max: MAX_SEED });
  const datasetName = str(values, 'dataset');
  const dataFile = str(values, 'data');
  if (datasetName !== undefined && dataFile !== undefined) throw new UsageError('--dataset and --data both name the data; give one of them');
  if (datasetName !== undefined) config.dataset = readChoice('dataset', datasetName, DATASETS);
  const data = dataFile === undefined ? namedDataset(config.dataset, config.dataSeed) : loadDataFile(dataFile);

  const networkFile = str(values, 'network');
  let fileNetwork: Network | null = null;
  if (networkFile !== undefined) {
    const clash = SHAPE_FLAGS.find((flag) => values[flag] !== undefined);
    if (clash) throw new UsageError(`--${clash}: the network's shape and weights come from --network ${networkFile}; give one of them`);
    fileNetwork = readNetworkFile(networkFile, data);
    const sizes = fileNetwork.sizes;
    config.hidden = sizes.slice(1, -1);
    if (config.hidden.length > 0) config.hiddenActivation = fileNetwork.activations[0];
    config.outputActivation = fileNetwork.activations[fileNetwork.activations.length - 1];
    config.leakySlope = fileNetwork.leakySlope;
  } else {
    readShape(values, config, data);
  }

  const choice = <K extends keyof LabConfig>(flag: string, key: K, choices: readonly string[]): void => {
    const text = str(values, flag);
    if (text !== undefined) (config[key] as string) = readChoice(flag, text, choices);
  };
  choice('hidden-activation', 'hiddenActivation', ACTIVATIONS);
  choice('output-activation', 'outputActivation', ACTIVATIONS);
  choice('cost', 'cost', COSTS);
  choice('derivative', 'derivative', DERIVATIVE_MODES);
  choice('init', 'init', INIT_METHODS);
  choice('gradient-divisor', 'gradientDivisor', GRADIENT_DIVISORS);
  choice('sigmoid', 'sigmoidForm', SIGMOID_FORMS);

  const number = (flag: string, key: 'learningRate' | 'epochs' | 'batchSize' | 'seed' | 'leakySlope', rule: Parameters<typeof readNumber>[2]): void => {
    const text = str(values, flag);
    if (text !== undefined) config[key] = readNumber(flag, text, rule);
  };
  number('learning-rate', 'learningRate', { min: 0, minExclusive: true, max: MAX_LEARNING_RATE });
  number('epochs', 'epochs', { integer: true, min: 1, max: 100_000_000 });
  number('batch-size', 'batchSize', { integer: true, min: 0, max: 1_000_000 });
  number('seed', 'seed', { integer: true, min: 0, max: MAX_SEED });
  number('leaky-slope', 'leakySlope', {});
  if (values['freeze-biases'] === true) config.freezeBiases = true;

  const problem = configError(config, data);
  if (problem) throw new UsageError(problem);
  return { config, data, fileNetwork };
}

function readShape(values: FlagValues, config: LabConfig, data: Dataset): void {
  const layers = str(values, 'layers');
  const hidden = str(values, 'hidden');
  if (layers !== undefined && hidden !== undefined) throw new UsageError('--layers and --hidden both set the shape; give one of them');
  if (hidden !== undefined) config.hidden = readIntList('hidden', hidden, 1, SHAPE_LIMITS.maxHiddenNeurons);
  if (layers !== undefined) {
    const sizes = readIntList('layers', layers, 1, 64);
    if (sizes.length < 2 || sizes[0] !== data.inputSize || sizes[sizes.length - 1] !== data.outputSize)
      throw new UsageError(`--layers: ${data.name} has ${data.inputSize} input(s) and ${data.outputSize} output(s), so the sizes must start with ${data.inputSize} and end with ${data.outputSize}, got ${layers}`);
    config.hidden = sizes.slice(1, -1);
  }
}

function readNetworkFile(path: string, data: Dataset): Network {
  const net = loadNetworkFile(path);
  const nIn = net.sizes[0];
  const nOut = net.sizes[net.sizes.length - 1];
  if (nIn !== data.inputSize || nOut !== data.outputSize)
    throw new UsageError(`--network ${path}: the network takes ${nIn} input(s) and gives ${nOut} output(s), but ${data.name} has ${data.inputSize} input(s) and ${data.outputSize} target(s) per sample`);
  return net;
}

/** The readable reports' first line: the run's settings, and where its weights came from. */
export function describeSetup(setup: Setup): string {
  return describeConfig(setup.config, setup.data) + (setup.fileNetwork ? ' · weights from --network' : '');
}
