/**
 * The library of backprop slips: each a named deviation from BP1–BP4 with one sentence, the wrong
 * line in the lab's NumPy-style program (views/codePanel/snippet.ts) and its fix. The one backward
 * pass (pass.ts) computes the gradient under any set of them. Three are the settings table's old
 * switches (derivative, gradient divisor, sigmoid form) and keep living there, so links still work.
 */
import type { TrainOptions } from './settings';

export const SLIP_IDS = [
  'derivativeAtA',
  'divideByFeatures',
  'sumNotMean',
  'answerBp1',
  'flippedSign',
  'noBiasGradient',
  'updateOrder',
  'bp4WrongLayer',
  'bp2WrongLayer',
  'naiveSigmoid',
] as const;
export type SlipId = (typeof SLIP_IDS)[number];

/** The line of the program a slip changes: two slips of one line cannot both be made. */
type SlipLine = 'bp1' | 'bp2' | 'divisor' | 'bp3' | 'bp4' | 'update' | 'sigmoid';

export interface Slip {
  id: SlipId;
  /** short name, e.g. "σ′ taken at a" */
  name: string;
  /** one sentence: what the code does instead */
  sentence: string;
  line: SlipLine;
  /** the wrong line in the lab's NumPy-style program, and the line that fixes it */
  wrong: string;
  fix: string;
  /**
   * false where the slip cannot change a gradient file: the naive sigmoid differs from the stable
   * one only where e^(−z) overflows, and there by less than 1e-300.
   */
  showsInGradients: boolean;
  /** which old switch holds this slip (its settings field and slipped value), if any */
  setting?: { field: 'derivative' | 'gradientDivisor' | 'sigmoidForm'; value: string };
}

export const SLIPS: Readonly<Record<SlipId, Slip>> = {
  derivativeAtA: {
    id: 'derivativeAtA',
    name: 'σ′ taken at a',
    sentence: "BP2 evaluates f′ at the activation a^l instead of z^l (the question's sigmoidPrime(activations)).",
    line: 'bp2',
    wrong: 'delta = (W[l].T @ delta) * f_prime(a[l - 1])',
    fix: 'delta = (W[l].T @ delta) * f_prime(z[l - 1])',
    showsInGradients: true,
    setting: { field: 'derivative', value: 'buggy' },
  },
  divideByFeatures: {
    id: 'divideByFeatures',
    name: '÷ input features',
    sentence: "The summed gradient is divided by the number of input features n₀ instead of the number of samples (the question's 1/len(x)).",
    line: 'divisor',
    wrong: 'n = len(X)',
    fix: 'n = X.shape[1]',
    showsInGradients: true,
    setting: { field: 'gradientDivisor', value: 'features' },
  },
  sumNotMean: {
    id: 'sumNotMean',
    name: 'sum instead of mean',
    sentence: 'The gradient is summed over the batch and never divided, so every step is as many times too large as there are samples.',
    line: 'divisor',
    wrong: 'n = 1',
    fix: 'n = X.shape[1]',
    showsInGradients: true,
  },
  answerBp1: {
    id: 'answerBp1',
    name: "answer's BP1 with cross-entropy",
    sentence: "The output error is (a − y)·σ′(z), the quadratic cost's BP1, although the cost is cross-entropy, whose δᴸ is a − y.",
    line: 'bp1',
    wrong: 'delta = (a[L] - Y) * f_prime(z[L])',
    fix: 'delta = a[L] - Y',
    showsInGradients: true,
  },
  flippedSign: {
    id: 'flippedSign',
    name: 'δᴸ = y − a',
    sentence: 'The sign of the output error is flipped, so every gradient points uphill.',
    line: 'bp1',
    wrong: 'delta = Y - a[L]',
    fix: 'delta = a[L] - Y',
    showsInGradients: true,
  },
  noBiasGradient: {
    id: 'noBiasGradient',
    name: 'bias gradient left out',
    sentence: 'BP3 is never computed, so the bias gradient is zero and the biases never move.',
    line: 'bp3',
    wrong: 'grad_b = np.zeros_like(b[l])',
    fix: 'grad_b = delta.sum(axis=1, keepdims=True) / n',
    showsInGradients: true,
  },
  updateOrder: {
    id: 'updateOrder',
    name: 'weights updated before BP2',
    sentence: 'W^(l+1) is updated before δ^l is computed from it, so BP2 reads weights already moved in this pass.',
    line: 'update',
    wrong: 'W[l] -= eta * grad_W   # placed above the BP2 line',
    fix: 'W[l] -= eta * grad_W   # placed below the BP2 line',
    showsInGradients: true,
  },
  bp4WrongLayer: {
    id: 'bp4WrongLayer',
    name: 'BP4 with a^l',
    sentence: "BP4 multiplies δ^l by the layer's own activation a^l instead of the previous layer's a^(l−1) (only where the shapes allow).",
    line: 'bp4',
    wrong: 'grad_W = delta @ a[l].T / n',
    fix: 'grad_W = delta @ a[l - 1].T / n',
    showsInGradients: true,
  },
  bp2WrongLayer: {
    id: 'bp2WrongLayer',
    name: 'f′ of the wrong layer',
    sentence: "BP2 multiplies by f′(z^(l+1)), the next layer's derivative, instead of f′(z^l) (only where the shapes allow).",
    line: 'bp2',
    wrong: 'delta = (W[l].T @ delta) * f_prime(z[l])',
    fix: 'delta = (W[l].T @ delta) * f_prime(z[l - 1])',
    showsInGradients: true,
  },
  naiveSigmoid: {
    id: 'naiveSigmoid',
    name: 'naive sigmoid',
    sentence: 'σ is computed as 1/(1 + e^(−z)), whose e^(−z) overflows to infinity once z < −709.78.',
    line: 'sigmoid',
    wrong: 'return 1.0 / (1.0 + np.exp(-z))',
    fix: 'return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))',
    showsInGradients: false,
    setting: { field: 'sigmoidForm', value: 'naive' },
  },
};

/**
 * Training options with slips of the library beyond the three switch fields. Not a setting of the
 * table (links and the CLI carry only the switches); the one backward pass reads it.
 */
export interface SlippedOptions extends TrainOptions {
  slips?: readonly SlipId[];
}

/** A configuration carrying such slips (config.ts's trainOptionsOf passes them on). */
export interface SlippedConfig {
  slips?: readonly SlipId[];
}

/** The slips the backward pass reads beside TrainOptions (the other three live in the options). */
export interface PassSlips {
  /** the two switch slips again, for a set carried in `slips` (the mystery keeps the switches untouched) */
  derivativeAtA: boolean;
  divideByFeatures: boolean;
  sumNotMean: boolean;
  answerBp1: boolean;
  flippedSign: boolean;
  noBiasGradient: boolean;
  updateOrder: boolean;
  bp4WrongLayer: boolean;
  bp2WrongLayer: boolean;
  /** η, read only by updateOrder (the weights BP2 reads are W − η ∂C/∂W) */
  learningRate: number;
}

const NO_PASS_SLIPS: PassSlips = Object.freeze({
  derivativeAtA: false,
  divideByFeatures: false,
  sumNotMean: false,
  answerBp1: false,
  flippedSign: false,
  noBiasGradient: false,
  updateOrder: false,
  bp4WrongLayer: false,
  bp2WrongLayer: false,
  learningRate: 0,
});

/** A set of slips in library order, without repeats. */
function slipSet(ids: Iterable<SlipId>): SlipId[] {
  const chosen = new Set(ids);
  return SLIP_IDS.filter((id) => chosen.has(id));
}

/** The slips the options' old switches hold. */
export function slipsOfOptions(options: Pick<TrainOptions, 'derivative' | 'gradientDivisor' | 'sigmoidForm'>): SlipId[] {
  return SLIP_IDS.filter((id) => {
    const setting = SLIPS[id].setting;
    return setting !== undefined && options[setting.field] === setting.value;
  });
}

/** The slips the switch fields hold and those in `options.slips`, in library order. */
export function slipsOf(options: SlippedOptions): SlipId[] {
  return slipSet([...slipsOfOptions(options), ...(options.slips ?? [])]);
}

/** Options that make exactly `ids` on top of `base`: the switch fields set from the set, the rest in `slips`. */
export function withSlips<T extends TrainOptions>(base: T, ids: readonly SlipId[]): T & SlippedOptions {
  const on = new Set(ids);
  const rest = ids.filter((id) => SLIPS[id].setting === undefined);
  const options: T & SlippedOptions = {
    ...base,
    derivative: on.has('derivativeAtA') ? 'buggy' : 'correct',
    gradientDivisor: on.has('divideByFeatures') ? 'features' : 'samples',
    sigmoidForm: on.has('naiveSigmoid') ? 'naive' : 'stable',
  };
  if (rest.length > 0) options.slips = slipSet(rest);
  else delete options.slips;
  return options;
}

/** What backward reads beside the switch fields (a shared constant when there are none: no allocation per pass). */
export function passSlipsOf(options: SlippedOptions): PassSlips {
  const ids = options.slips;
  if (!ids || ids.length === 0) return NO_PASS_SLIPS;
  return {
    derivativeAtA: ids.includes('derivativeAtA'),
    divideByFeatures: ids.includes('divideByFeatures'),
    sumNotMean: ids.includes('sumNotMean'),
    answerBp1: ids.includes('answerBp1'),
    flippedSign: ids.includes('flippedSign'),
    noBiasGradient: ids.includes('noBiasGradient'),
    updateOrder: ids.includes('updateOrder'),
    bp4WrongLayer: ids.includes('bp4WrongLayer'),
    bp2WrongLayer: ids.includes('bp2WrongLayer'),
    learningRate: options.learningRate,
  };
}

/**
 * Whether a slip changes anything on a network of these sizes and this cost: the off-by-one slips
 * need two neighbouring layers of one size, the answer's BP1 needs cross-entropy (it is the quadratic
 * cost's correct BP1), and the BP2 slips need a hidden layer.
 */
export function slipApplies(id: SlipId, sizes: readonly number[], cost: TrainOptions['cost']): boolean {
  const L = sizes.length - 1;
  switch (id) {
    case 'answerBp1':
      return cost === 'crossEntropy';
    case 'derivativeAtA':
    case 'updateOrder':
      return L >= 2;
    case 'bp4WrongLayer':
      return sizes.some((n, l) => l >= 1 && n === sizes[l - 1]);
    case 'bp2WrongLayer':
      return sizes.some((n, l) => l >= 1 && l < L && n === sizes[l + 1]);
    default:
      return true;
  }
}

/** Every single slip and every pair that can be made together, among `ids` (the diagnosis's candidates). */
export function singlesAndPairs(ids: readonly SlipId[]): SlipId[][] {
  const sets: SlipId[][] = ids.map((id) => [id]);
  for (let a = 0; a < ids.length; a++) for (let b = a + 1; b < ids.length; b++) if (SLIPS[ids[a]].line !== SLIPS[ids[b]].line) sets.push([ids[a], ids[b]]);
  return sets;
}

/** "σ′ taken at a, and ÷ input features" */
export function slipSetName(ids: readonly SlipId[]): string {
  const names = ids.map((id) => SLIPS[id].name);
  return names.length <= 1 ? (names[0] ?? 'no slip') : `${names.slice(0, -1).join(', ')}, and ${names[names.length - 1]}`;
}
