/**
 * Every setting of a run, declared once: its type, range or choices, default, link key, CLI flag,
 * label and help sentence. The checks (configError), the defaults, the link codec, the CLI's flags
 * and help, the worker's argument checks and the controls' limits are all read from this table.
 */
import { ACTIVATIONS, type ActivationName, DEFAULT_LEAKY_SLOPE } from './activations';
import { COSTS, type CostName } from './costs';
import { DATASETS, type DatasetName, MAX_USER_SAMPLES } from './datasets';
import { INIT_METHODS, type InitMethod, SHAPE_LIMITS } from './network';
import type { AnySetting, NumberSetting, Setting } from './settingKinds';

export const DERIVATIVE_MODES = ['correct', 'buggy'] as const;
/** correct: BP2 uses f′(z^l); buggy: BP2 uses f′(a^l), the question's `sigmoidPrime(activations)`. */
export type DerivativeMode = (typeof DERIVATIVE_MODES)[number];

/** samples: average the gradient over the batch; features: divide by n_0, the question's `1/len(x)` slip. */
export const GRADIENT_DIVISORS = ['samples', 'features'] as const;
export type GradientDivisor = (typeof GRADIENT_DIVISORS)[number];

/** stable: the overflow-free logistic; naive: 1/(1+e^(−z)), whose e^(−z) overflows below z ≈ −709.78. */
export const SIGMOID_FORMS = ['stable', 'naive'] as const;
export type SigmoidForm = (typeof SIGMOID_FORMS)[number];

/** Which network, on which data, from which start. */
interface NetworkSpec {
  dataset: DatasetName;
  /** sizes of the hidden layers only; inputs and outputs follow from the dataset */
  hidden: number[];
  hiddenActivation: ActivationName;
  outputActivation: ActivationName;
  init: InitMethod;
  seed: number;
  /** seed of the generated 2-D sets (kept apart so a new init seed keeps the same points) */
  dataSeed: number;
  leakySlope: number;
}

/** How the network learns. */
export interface TrainOptions {
  cost: CostName;
  learningRate: number;
  derivative: DerivativeMode;
  /** Samples per gradient step; 0 or ≥ the dataset size means full batch. */
  batchSize: number;
  gradientDivisor: GradientDivisor;
  sigmoidForm: SigmoidForm;
  /** Biases keep their values (many hand-worked textbook examples do this). */
  freezeBiases: boolean;
}

/** A whole lab configuration: the network spec plus the training options, trained for `epochs`. */
export interface LabConfig extends NetworkSpec, TrainOptions {
  epochs: number;
}

/** When a run ends by itself (the trainer takes any part of them); 0 turns a condition off. */
export interface StopSettings {
  maxEpochs: number;
  targetCost: number;
}

/** The largest seed: seeds are unsigned 32-bit words. */
export const MAX_SEED = 0xffffffff;
/** The question's epoch count (its loop of 60,000), which is also the default a new run trains for. */
export const QUESTION_EPOCHS = 60_000;
/** The ceiling of the learning rate and of a target cost: far beyond any useful value, and finite. */
const CEILING = 1e6;
const MAX_LEARNING_RATE = CEILING;

/** Every LabConfig setting; the order is the link's order and the order of the CLI's help. */
export const CONFIG_SETTINGS = {
  dataset: { kind: 'choice', key: 'data', flag: 'dataset', label: 'Dataset', help: 'the data to learn', choices: DATASETS, defaultValue: 'XOR' },
  hidden: {
    kind: 'list',
    key: 'hidden',
    flag: 'hidden',
    label: 'Hidden layers',
    help: 'the sizes of the hidden layers, e.g. 4 or 8,8 (the inputs and outputs follow from the data)',
    maxItems: SHAPE_LIMITS.maxHiddenLayers,
    min: 1,
    max: SHAPE_LIMITS.maxHiddenNeurons,
    itemName: 'hidden layer',
    defaultValue: [4],
  },
  hiddenActivation: {
    kind: 'choice',
    key: 'act',
    flag: 'hidden-activation',
    label: 'Hidden activation',
    help: 'the activation of every hidden layer',
    choices: ACTIVATIONS,
    defaultValue: 'sigmoid',
  },
  outputActivation: {
    kind: 'choice',
    key: 'out',
    flag: 'output-activation',
    label: 'Output activation',
    help: 'the activation of the output layer',
    choices: ACTIVATIONS,
    defaultValue: 'sigmoid',
  },
  cost: {
    kind: 'choice',
    key: 'cost',
    flag: 'cost',
    label: 'Cost',
    help: 'the cost C the network learns to lower (cross-entropy needs a sigmoid output)',
    choices: COSTS,
    defaultValue: 'crossEntropy',
  },
  derivative: {
    kind: 'choice',
    key: 'deriv',
    flag: 'derivative',
    label: 'Derivative',
    help: "which derivative BP2 uses: correct f′(z), or buggy f′(a), the question's slip",
    choices: DERIVATIVE_MODES,
    defaultValue: 'correct',
  },
  learningRate: {
    kind: 'number',
    key: 'lr',
    flag: 'learning-rate',
    label: 'Learning rate',
    help: 'η in w ← w − η ∂C/∂w',
    whole: false,
    min: 0,
    minExclusive: true,
    max: MAX_LEARNING_RATE,
    example: '0.35',
    defaultValue: 0.35,
  },
  batchSize: {
    kind: 'number',
    key: 'batch',
    flag: 'batch-size',
    label: 'Batch size',
    help: 'samples per gradient step (mini-batches are shuffled each epoch)',
    whole: true,
    min: 0,
    max: MAX_USER_SAMPLES,
    zero: '0 = full batch',
    example: '4',
    defaultValue: 0,
  },
  init: {
    kind: 'choice',
    key: 'init',
    flag: 'init',
    label: 'Initialisation',
    name: 'init',
    help: 'how the first weights are drawn (normal = N(0,1) for every weight and bias)',
    choices: INIT_METHODS,
    defaultValue: 'normal',
  },
  seed: {
    kind: 'number',
    key: 'seed',
    flag: 'seed',
    label: 'Seed',
    help: 'seed of the initial weights and the shuffling',
    whole: true,
    min: 0,
    max: MAX_SEED,
    example: '42',
    defaultValue: 1,
  },
  dataSeed: {
    kind: 'number',
    key: 'dseed',
    flag: 'data-seed',
    label: 'Data seed',
    help: 'seed of the generated 2-D sets',
    whole: true,
    min: 0,
    max: MAX_SEED,
    example: '0',
    defaultValue: 0,
  },
  epochs: {
    kind: 'number',
    key: 'epochs',
    flag: 'epochs',
    label: 'Epochs',
    help: 'epochs to train',
    whole: true,
    min: 1,
    max: 100_000_000,
    example: '60000',
    defaultValue: QUESTION_EPOCHS,
  },
  gradientDivisor: {
    kind: 'choice',
    key: 'div',
    flag: 'gradient-divisor',
    label: 'Gradient divisor',
    help: "what the gradient is divided by: samples (the mean over the batch), or features n₀ (the question's 1/len(x) slip)",
    choices: GRADIENT_DIVISORS,
    defaultValue: 'samples',
  },
  sigmoidForm: {
    kind: 'choice',
    key: 'sig',
    flag: 'sigmoid',
    label: 'Sigmoid form',
    help: 'how the sigmoid is computed: stable, or naive 1/(1+e^(−z)), which overflows below z ≈ −709.78',
    choices: SIGMOID_FORMS,
    defaultValue: 'stable',
  },
  freezeBiases: {
    kind: 'switch',
    key: 'freeze',
    flag: 'freeze-biases',
    label: 'Freeze biases',
    help: 'keep the biases at their initial values',
    defaultValue: false,
  },
  leakySlope: {
    kind: 'number',
    key: 'leak',
    flag: 'leaky-slope',
    label: 'Leaky ReLU slope',
    help: 'slope of leaky ReLU below zero',
    whole: false,
    min: 0,
    max: 1,
    example: '0.01',
    defaultValue: DEFAULT_LEAKY_SLOPE,
  },
} as const satisfies { readonly [K in keyof LabConfig]: Setting<LabConfig[K]> };

/** The CLI flags the table declares ("seed", "learning-rate" …). */
export type SettingFlag = NonNullable<(typeof CONFIG_SETTINGS)[keyof LabConfig]['flag']>;

/** The page's stop conditions (the link carries them; the CLI trains --epochs instead). */
export const STOP_SETTINGS: { readonly [K in keyof StopSettings]: NumberSetting } = {
  maxEpochs: {
    kind: 'number',
    key: 'stop',
    flag: null,
    label: 'Stop after',
    help: 'the epoch at which the run stops by itself',
    whole: true,
    min: 0,
    max: 10_000_000,
    zero: '0 = no limit',
    example: '60000',
    // the lab stops where the CLI stops
    defaultValue: CONFIG_SETTINGS.epochs.defaultValue,
  },
  targetCost: {
    kind: 'number',
    key: 'target',
    flag: null,
    label: 'Target cost',
    help: 'the cost at or below which the run stops by itself',
    whole: false,
    min: 0,
    max: CEILING,
    zero: '0 = none',
    example: '0.01',
    defaultValue: 0,
  },
};

type Values<T> = { -readonly [K in keyof T]: T[K] extends { defaultValue: infer V } ? (V extends readonly number[] ? number[] : V) : never };

function defaultsOf<T extends Readonly<Record<string, AnySetting>>>(table: T): Values<T> {
  const values: Record<string, unknown> = {};
  for (const [field, setting] of Object.entries(table)) values[field] = setting.kind === 'list' ? [...setting.defaultValue] : setting.defaultValue;
  return values as Values<T>;
}

export const DEFAULT_CONFIG: LabConfig = defaultsOf(CONFIG_SETTINGS);
export const DEFAULT_STOP: StopSettings = defaultsOf(STOP_SETTINGS);

export const TRAIN_OPTION_FIELDS = [
  'cost',
  'learningRate',
  'derivative',
  'batchSize',
  'gradientDivisor',
  'sigmoidForm',
  'freezeBiases',
] as const satisfies readonly (keyof TrainOptions)[];

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = pick(DEFAULT_CONFIG, TRAIN_OPTION_FIELDS);

/** The named fields of an object, copied. */
export function pick<T, K extends keyof T>(from: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) out[key] = from[key];
  return out;
}
