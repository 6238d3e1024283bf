/**
 * A whole lab configuration (what the app's controls, the URL, the CLI flags and the presets
 * describe), and how to build a run from it. One table of defaults for every front end.
 */
import type { SlippedConfig, SlippedOptions } from './slipLibrary';
import type { ActivationName } from './activations';
import { type Dataset, type DatasetName, costTargetsError, namedDataset } from './datasets';
import { evaluate } from './evaluate';
import { type Network, initializeNetwork, shapeError } from './network';
import { type EngineMessage, EngineError, engineMessage } from './messages';
import { optionsError } from './options';
import { settingError } from './settingChecks';
import { CONFIG_SETTINGS, DEFAULT_CONFIG, type LabConfig, QUESTION_EPOCHS, TRAIN_OPTION_FIELDS, type TrainOptions, pick } from './settings';
import { Trainer } from './trainer';

export { DEFAULT_CONFIG, type LabConfig };

export interface Preset {
  id: string;
  title: string;
  description: string;
  config: LabConfig;
}

/** The question's setup: [2,2,1] sigmoid, cross-entropy, N(0,1), η = 0.35, 60,000 epochs, with its slips. */
export function questionConfig(dataset: DatasetName = 'XOR'): LabConfig {
  return {
    ...DEFAULT_CONFIG,
    dataset,
    hidden: [2],
    hiddenActivation: 'sigmoid',
    outputActivation: 'sigmoid',
    cost: 'crossEntropy',
    derivative: 'buggy',
    learningRate: 0.35,
    init: 'normal',
    epochs: QUESTION_EPOCHS,
    gradientDivisor: 'features',
  };
}

/**
 * The answer's network: 2-4-1, ReLU hidden, leaky ReLU (slope 0.1) output, quadratic cost, 250 epochs.
 * It sums the gradients over the four samples, which is the mean with η = 4 × 0.1 = 0.4.
 * (It also starts biases at zero: the closest init here is He, whose biases are zero.)
 */
export function answerConfig(): LabConfig {
  return {
    ...DEFAULT_CONFIG,
    dataset: 'XOR',
    hidden: [4],
    hiddenActivation: 'relu',
    outputActivation: 'leakyRelu',
    leakySlope: 0.1,
    cost: 'quadratic',
    derivative: 'correct',
    learningRate: 0.4,
    init: 'he',
    epochs: 250,
  };
}

export const PRESETS: readonly Preset[] = [
  { id: 'question-or', title: 'The question: OR', description: "The learner's [2,2,1] sigmoid net with both slips, on OR.", config: questionConfig('OR') },
  { id: 'question-and', title: 'The question: AND', description: 'The same code on AND: it rarely learns it.', config: questionConfig('AND') },
  { id: 'question-xor', title: 'The question: XOR', description: 'The same code on XOR.', config: questionConfig('XOR') },
  {
    id: 'answer',
    title: 'The answer: 2-4-1 ReLU',
    description: "The answer's ReLU network with a leaky-ReLU output and quadratic cost.",
    config: answerConfig(),
  },
  {
    id: 'fixed',
    title: 'Fixed: 2-4-1 sigmoid, correct δ',
    description: "The question's net with f′(z), the mean gradient and four hidden units: XOR is solved reliably.",
    config: { ...questionConfig('XOR'), hidden: [4], derivative: 'correct', gradientDivisor: 'samples', learningRate: 1, epochs: 10_000 },
  },
];

/** The network sizes n_0 … n_L of a configuration on a dataset. */
export function sizesOf(config: LabConfig, data: Pick<Dataset, 'inputSize' | 'outputSize'>): number[] {
  return [data.inputSize, ...config.hidden, data.outputSize];
}

export function activationsOf(config: LabConfig): ActivationName[] {
  return [...config.hidden.map(() => config.hiddenActivation), config.outputActivation];
}

export function trainOptionsOf(config: LabConfig): TrainOptions {
  // slips beyond the switches (the Bug lab's mystery) ride along; undefined clears them in Trainer.setOptions
  const options: SlippedOptions = pick(config, TRAIN_OPTION_FIELDS);
  options.slips = (config as LabConfig & SlippedConfig).slips;
  return options;
}

/**
 * The first problem with a configuration, or null. Messages name the setting. Each setting is
 * checked against its declaration in CONFIG_SETTINGS (custom data replaces the dataset's name);
 * then the shape and the options are checked together.
 */
export function configError(config: LabConfig, data?: Dataset): EngineMessage | null {
  for (const field of Object.keys(CONFIG_SETTINGS) as (keyof LabConfig)[]) {
    if (field === 'dataset' && data) continue;
    const problem = settingError(CONFIG_SETTINGS[field], config[field]);
    if (problem) return problem;
  }
  // layers[k] of the shape is the page's hidden layer k
  const shape = shapeError([2, ...config.hidden, 1], activationsOf(config), (k) => engineMessage('hiddenLayer', { layer: k }));
  if (shape) return shape;
  // the data meets the cost here: every path (CLI, worker, page, sweeps) asks configError with its data
  return optionsError(trainOptionsOf(config), config.outputActivation) ?? (data ? costTargetsError(config.cost, data) : null);
}

export interface Run {
  config: LabConfig;
  data: Dataset;
  net: Network;
  trainer: Trainer;
}

/** Builds the dataset, the seeded initial network and a trainer. Throws an EngineError (a RangeError) on a bad config. */
export function buildRun(config: LabConfig, customData?: Dataset, net?: Network): Run {
  // validate before building the named set: an unknown name must not fall through to some other set
  const problem = configError(config, customData);
  if (problem) throw new EngineError(problem);
  const data = customData ?? namedDataset(config.dataset, config.dataSeed);
  const network = net ?? initializeNetwork(sizesOf(config, data), activationsOf(config), config.init, config.seed, config.leakySlope);
  return { config, data, net: network, trainer: new Trainer(network, data, trainOptionsOf(config), config.seed) };
}

export interface StartResult {
  seed: number;
  finalCost: number;
  solved: boolean;
  epochs: number;
  diverged: boolean;
}

/** One start of a sweep: train config.epochs from `seed` and report the outcome. */
export function runStart(config: LabConfig, seed: number, data?: Dataset): StartResult {
  const run = buildRun({ ...config, seed }, data);
  const { ran, reason } = run.trainer.train(config.epochs);
  const evaluation = evaluate(run.net, run.data, run.trainer.options);
  return { seed, finalCost: evaluation.cost, solved: evaluation.solved, epochs: ran, diverged: reason === 'diverged' };
}
