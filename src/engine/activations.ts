/**
 * Activations f and their derivatives f′, side by side. Each derivative is a function of the
 * pre-activation z; the buggy derivative mode passes a = f(z) to the same function instead,
 * which is exactly the question's `sigmoidPrime(activations)` slip.
 */
import { exp, tanh } from './math';

export const ACTIVATIONS = ['sigmoid', 'tanh', 'relu', 'leakyRelu', 'linear'] as const;
export type ActivationName = (typeof ACTIVATIONS)[number];

/** Slope of leaky ReLU for z < 0 unless a network says otherwise. */
export const DEFAULT_LEAKY_SLOPE = 0.01;

export function isActivationName(name: unknown): name is ActivationName {
  return typeof name === 'string' && (ACTIVATIONS as readonly string[]).includes(name);
}

/** Numerically stable logistic: finite and in [0, 1] for every finite z (no exp overflow). */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + exp(-z));
  const e = exp(z);
  return e / (1 + e);
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

/** f(z) */
export function activate(name: ActivationName, z: number, leakySlope = DEFAULT_LEAKY_SLOPE): number {
  switch (name) {
    case 'sigmoid':
      return sigmoid(z);
    case 'tanh':
      return tanh(z);
    case 'relu':
      return z > 0 ? z : 0;
    case 'leakyRelu':
      return z > 0 ? z : leakySlope * z;
    case 'linear':
      return z;
  }
}

/** f′(x): the derivative as a function of its argument. Correct use passes x = z. */
export function derivative(name: ActivationName, x: number, leakySlope = DEFAULT_LEAKY_SLOPE): number {
  switch (name) {
    case 'sigmoid': {
      const s = sigmoid(x);
      return s * (1 - s);
    }
    case 'tanh': {
      const t = tanh(x);
      return 1 - t * t;
    }
    case 'relu':
      return x > 0 ? 1 : 0;
    case 'leakyRelu':
      return x > 0 ? 1 : leakySlope;
    case 'linear':
      return 1;
  }
}

/** Whether f′ has a jump (ReLU-like kinks make finite differences unreliable right at z = 0). */
export function hasKink(name: ActivationName): boolean {
  return name === 'relu' || name === 'leakyRelu';
}

/** The numeric code used in the hot loops (a switch on a small integer is fastest in V8). */
export function activationCode(name: ActivationName): number {
  return ACTIVATIONS.indexOf(name);
}
