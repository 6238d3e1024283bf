/**
 * Activations: one table of kernels, each with f and f′ side by side, and the loops the pass runs
 * over whole layers. Each kernel writes its own loops (not one generic loop calling f) so that V8
 * inlines f into them. f′ is a function of its argument: correct use passes z; the buggy mode
 * passes a = f(z) instead, which is exactly the question's `sigmoidPrime(activations)` slip.
 */
import { exp, tanh } from './math';

export const ACTIVATIONS = ['sigmoid', 'tanh', 'relu', 'leakyRelu', 'linear'] as const;
export type ActivationName = (typeof ACTIVATIONS)[number];

/** Slope of leaky ReLU for z < 0 unless a network says otherwise. */
export const DEFAULT_LEAKY_SLOPE = 0.01;

export function isActivationName(name: unknown): name is ActivationName {
  return typeof name === 'string' && (ACTIVATIONS as readonly string[]).includes(name);
}

/**
 * Numerically stable logistic: finite and in [0, 1] for every finite z (no exp overflow):
 * 1/(1 + e^(−z)) for z ≥ 0, e^z/(1 + e^z) below. One call of exp, so that V8 inlines it (a second
 * call site would stay a call, boxing its double argument and result on the heap).
 */
export function sigmoid(z: number): number {
  const positive = z >= 0;
  const e = exp(positive ? -z : z);
  return positive ? 1 / (1 + e) : e / (1 + e);
}

/**
 * The textbook form 1/(1+e^(−z)): e^(−z) overflows to Infinity for z < −709.78, the case
 * NumPy warns about. Kept only so the lab can show that slip; the engine uses `sigmoid`.
 */
export function naiveSigmoid(z: number): number {
  return 1 / (1 + exp(-z));
}

/** True where the naive form's e^(−z) overflows a double. */
export function naiveSigmoidOverflows(z: number): boolean {
  return exp(-z) === Infinity;
}

export interface ActivationKernel {
  /** f(z) */
  value(z: number, slope: number): number;
  /** f′(x): the derivative as a function of its argument (x = z when used correctly) */
  derivative(x: number, slope: number): number;
  /** a[k] = f(z[k]) for k < n; returns how many e^(−z) overflowed (only the naive sigmoid's can) */
  forward(z: Float64Array, a: Float64Array, n: number, slope: number): number;
  /** d[k] = d[k] · f′(x[k]) for k < n */
  scaleByDerivative(d: Float64Array, x: Float64Array, n: number, slope: number): void;
  /**
   * d[k] = d[k] · f′(z[k]) read from a[k] = f(z[k]), where that gives f′(z) bit for bit from the
   * very operations `value` used (σ′ = a(1 − a), tanh′ = 1 − a²) without a second exp; null where it cannot.
   */
  scaleByDerivativeOfValue: ((d: Float64Array, a: Float64Array, n: number) => void) | null;
}

function sigmoidSlope(x: number): number {
  const s = sigmoid(x);
  return s * (1 - s);
}

function tanhSlope(x: number): number {
  const t = tanh(x);
  return 1 - t * t;
}

const SIGMOID: ActivationKernel = {
  value: sigmoid,
  derivative: sigmoidSlope,
  forward(z, a, n) {
    for (let k = 0; k < n; k++) a[k] = sigmoid(z[k]);
    return 0;
  },
  scaleByDerivative(d, x, n) {
    for (let k = 0; k < n; k++) d[k] *= sigmoidSlope(x[k]);
  },
  scaleByDerivativeOfValue(d, a, n) {
    for (let k = 0; k < n; k++) d[k] *= a[k] * (1 - a[k]);
  },
};

const TANH: ActivationKernel = {
  value: tanh,
  derivative: tanhSlope,
  forward(z, a, n) {
    for (let k = 0; k < n; k++) a[k] = tanh(z[k]);
    return 0;
  },
  scaleByDerivative(d, x, n) {
    for (let k = 0; k < n; k++) d[k] *= tanhSlope(x[k]);
  },
  scaleByDerivativeOfValue(d, a, n) {
    for (let k = 0; k < n; k++) d[k] *= 1 - a[k] * a[k];
  },
};

const RELU: ActivationKernel = {
  value: (z) => (z > 0 ? z : 0),
  derivative: (x) => (x > 0 ? 1 : 0),
  forward(z, a, n) {
    for (let k = 0; k < n; k++) a[k] = z[k] > 0 ? z[k] : 0;
    return 0;
  },
  scaleByDerivative(d, x, n) {
    for (let k = 0; k < n; k++) d[k] *= x[k] > 0 ? 1 : 0;
  },
  // a > 0 exactly where z > 0
  scaleByDerivativeOfValue(d, a, n) {
    for (let k = 0; k < n; k++) d[k] *= a[k] > 0 ? 1 : 0;
  },
};

const LEAKY_RELU: ActivationKernel = {
  value: (z, slope) => (z > 0 ? z : slope * z),
  derivative: (x, slope) => (x > 0 ? 1 : slope),
  forward(z, a, n, slope) {
    for (let k = 0; k < n; k++) a[k] = z[k] > 0 ? z[k] : slope * z[k];
    return 0;
  },
  scaleByDerivative(d, x, n, slope) {
    for (let k = 0; k < n; k++) d[k] *= x[k] > 0 ? 1 : slope;
  },
  // a network file may bring a negative slope, and then a > 0 where z < 0
  scaleByDerivativeOfValue: null,
};

const LINEAR: ActivationKernel = {
  value: (z) => z,
  derivative: () => 1,
  forward(z, a, n) {
    for (let k = 0; k < n; k++) a[k] = z[k];
    return 0;
  },
  // d · 1 is d, to the bit: nothing to do
  scaleByDerivative() {},
  scaleByDerivativeOfValue() {},
};

/** Every activation's kernel. */
export const ACTIVATION_KERNELS: { readonly [name in ActivationName]: ActivationKernel } = {
  sigmoid: SIGMOID,
  tanh: TANH,
  relu: RELU,
  leakyRelu: LEAKY_RELU,
  linear: LINEAR,
};

/**
 * The question's naive sigmoid form: the textbook 1/(1+e^(−z)) forward, counting overflows, with the
 * stable σ′(z) (the slip is in the forward pass only); its a is not σ(z), so no f′ from a.
 */
export const NAIVE_SIGMOID_KERNEL: ActivationKernel = {
  value: naiveSigmoid,
  derivative: sigmoidSlope,
  forward(z, a, n) {
    let overflows = 0;
    for (let k = 0; k < n; k++) {
      const e = exp(-z[k]);
      if (e === Infinity) overflows++;
      a[k] = 1 / (1 + e);
    }
    return overflows;
  },
  scaleByDerivative: SIGMOID.scaleByDerivative,
  scaleByDerivativeOfValue: null,
};

/** f′(x) of a named activation. */
export function derivative(name: ActivationName, x: number, leakySlope = DEFAULT_LEAKY_SLOPE): number {
  return ACTIVATION_KERNELS[name].derivative(x, leakySlope);
}

/** Whether f′ has a jump (ReLU-like kinks make finite differences unreliable right at z = 0). */
export function hasKink(name: ActivationName): boolean {
  return name === 'relu' || name === 'leakyRelu';
}
