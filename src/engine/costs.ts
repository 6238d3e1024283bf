/**
 * Costs over a batch of N samples, each keeping its value and its gradient ∇_a C side by side.
 * Cross-entropy: C = −(1/N) Σ_samples Σ_outputs [y ln a + (1−y) ln(1−a)]
 * Quadratic:     C =  (1/N) Σ_samples ½‖a − y‖²
 * The 1/N lives in the trainer (it averages over the batch); these give one sample's term.
 */
import { exp, log1p } from './math';

export const COSTS = ['crossEntropy', 'quadratic'] as const;
export type CostName = (typeof COSTS)[number];

export function isCostName(name: unknown): name is CostName {
  return typeof name === 'string' && (COSTS as readonly string[]).includes(name);
}

/** ln(1 + e^x) without overflow or loss for large |x|. */
export function softplus(x: number): number {
  return x > 0 ? x + log1p(exp(-x)) : log1p(exp(x));
}

/**
 * One output's cross-entropy term, from the sigmoid output's pre-activation z:
 * ln a = −softplus(−z), ln(1 − a) = −softplus(z), so the term stays finite even when
 * a rounds to exactly 0 or 1 (where the textbook form gives ln 0 = −∞).
 */
export function crossEntropyFromZ(z: number, y: number): number {
  const e = log1p(exp(-Math.abs(z)));
  const spPos = (z > 0 ? z : 0) + e; // softplus(z)  = −ln(1 − a)
  const spNeg = (z < 0 ? -z : 0) + e; // softplus(−z) = −ln a
  return y * spNeg + (1 - y) * spPos;
}

/** One output's quadratic term ½(a − y)². */
export function quadraticTerm(a: number, y: number): number {
  const d = a - y;
  return 0.5 * d * d;
}

/** ∂C/∂a of one sample's quadratic term: a − y. */
export function quadraticGradient(a: number, y: number): number {
  return a - y;
}

/** ∂C/∂a of one sample's cross-entropy term: (a − y) / (a(1 − a)). */
export function crossEntropyGradient(a: number, y: number): number {
  return (a - y) / (a * (1 - a));
}
