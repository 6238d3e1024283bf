/** Options of one training run, and their validation. */
import type { ActivationName } from './activations';
import { type CostName, isCostName } from './costs';

export const DERIVATIVE_MODES = ['correct', 'buggy'] as const;
/** correct: BP2 uses f′(z^l); buggy: BP2 uses f′(a^l), the question's `sigmoidPrime(activations)`. */
export type DerivativeMode = (typeof DERIVATIVE_MODES)[number];

/** samples: average the gradient over the batch; features: divide by n_0, the question's `1/len(x)` slip. */
export const GRADIENT_DIVISORS = ['samples', 'features'] as const;
export type GradientDivisor = (typeof GRADIENT_DIVISORS)[number];

/** stable: the overflow-free logistic; naive: 1/(1+e^(−z)), whose e^(−z) overflows below z ≈ −709.78. */
export const SIGMOID_FORMS = ['stable', 'naive'] as const;
export type SigmoidForm = (typeof SIGMOID_FORMS)[number];

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

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  cost: 'crossEntropy',
  learningRate: 0.35,
  derivative: 'correct',
  batchSize: 0,
  gradientDivisor: 'samples',
  sigmoidForm: 'stable',
  freezeBiases: false,
};

export const MAX_LEARNING_RATE = 1e6;

/** A reason the options cannot train this output activation, or null. */
export function optionsError(options: TrainOptions, outputActivation: ActivationName): string | null {
  if (!isCostName(options.cost)) return `cost: unknown cost ${JSON.stringify(options.cost)} (expected crossEntropy or quadratic)`;
  if (options.cost === 'crossEntropy' && outputActivation !== 'sigmoid')
    return 'cost: cross-entropy needs a sigmoid output layer (its outputs must lie in (0, 1)); use the quadratic cost for other outputs';
  if (typeof options.learningRate !== 'number' || !Number.isFinite(options.learningRate) || options.learningRate <= 0 || options.learningRate > MAX_LEARNING_RATE)
    return `learning rate: expected a number in (0, ${MAX_LEARNING_RATE}], got ${String(options.learningRate)}`;
  if (!(DERIVATIVE_MODES as readonly string[]).includes(options.derivative)) return `derivative: expected correct or buggy, got ${String(options.derivative)}`;
  if (!Number.isInteger(options.batchSize) || options.batchSize < 0) return `batch size: expected a whole number ≥ 0 (0 = full batch), got ${String(options.batchSize)}`;
  if (!(GRADIENT_DIVISORS as readonly string[]).includes(options.gradientDivisor)) return `gradient divisor: expected samples or features, got ${String(options.gradientDivisor)}`;
  if (!(SIGMOID_FORMS as readonly string[]).includes(options.sigmoidForm)) return `sigmoid form: expected stable or naive, got ${String(options.sigmoidForm)}`;
  return null;
}
