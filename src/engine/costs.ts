/**
 * Costs: one table of kernels, each with its value and its gradient ∇_a C side by side.
 * Cross-entropy: C = −(1/N) Σ_samples Σ_outputs [y ln a + (1−y) ln(1−a)]
 * Quadratic:     C =  (1/N) Σ_samples ½‖a − y‖²
 * The 1/N lives in the trainer (it averages over the batch); these give one output's term.
 */
import { exp, log, log1p } from './math';

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

export interface CostKernel {
  /** one output's term, from a = f(z) and z (the stable cross-entropy reads z) */
  term(a: number, z: number, y: number): number;
  /** the textbook term on a alone, as the question's naive sigmoid form computes it */
  textbookTerm(a: number, z: number, y: number): number;
  /** ∂C/∂a of one output's term */
  gradient(a: number, y: number): number;
  /**
   * BP1 in closed form where this cost's output layer makes ∇_a C ⊙ f′(z) simplify (cross-entropy
   * after the sigmoid it requires: (a − y)/(a(1 − a)) · a(1 − a) = a − y), else null: δ^L = ∇_a C ⊙ f′(z).
   */
  outputDelta: ((a: number, y: number) => number) | null;
}

const quadraticTerm = (a: number, _z: number, y: number): number => {
  const d = a - y;
  return 0.5 * d * d;
};

/** Every cost's kernel. */
export const COST_KERNELS: { readonly [name in CostName]: CostKernel } = {
  crossEntropy: {
    term: (_a, z, y) => crossEntropyFromZ(z, y),
    // ln a and ln(1 − a): −∞ once a rounds to 0 or 1
    textbookTerm: (a, _z, y) => -(y * log(a) + (1 - y) * log(1 - a)),
    gradient: (a, y) => (a - y) / (a * (1 - a)),
    outputDelta: (a, y) => a - y,
  },
  quadratic: {
    term: quadraticTerm,
    textbookTerm: quadraticTerm,
    gradient: (a, y) => a - y,
    outputDelta: null,
  },
};
