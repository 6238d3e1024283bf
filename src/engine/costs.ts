/**
 * Costs: one table of kernels, each with its value and its gradient ∇_a C side by side.
 * Cross-entropy: C = −(1/N) Σ_samples Σ_outputs [y ln a + (1−y) ln(1−a)]
 * Quadratic:     C =  (1/N) Σ_samples ½‖a − y‖²
 * The 1/N lives in the trainer (it averages over the batch); these give one output's term.
 */
import { exp, log, log1p } from './math';

export const COSTS = ['crossEntropy', 'quadratic'] as const;
export type CostName = (typeof COSTS)[number];

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
  /**
   * The batch's loop: each sample's cost into sampleCost, and δ^L's first factor into delta (the
   * closed form where there is one, else ∇_a C); returns the sum of the terms. `textbook` takes the
   * textbook term. Each cost writes its own loop so that V8 inlines its term into it.
   */
  costAndGradient(
    a: Float64Array,
    z: Float64Array,
    y: Float64Array,
    delta: Float64Array,
    sampleCost: Float64Array,
    count: number,
    outputs: number,
    textbook: boolean,
  ): number;
}

// The kernels' parts, named so that each table entry and its loop use the very same function.
const crossEntropyTerm = (_a: number, z: number, y: number): number => crossEntropyFromZ(z, y);
const crossEntropyTextbookTerm = (a: number, _z: number, y: number): number => -(y * log(a) + (1 - y) * log(1 - a)); // −∞ once a rounds to 0 or 1
const crossEntropyDelta = (a: number, y: number): number => a - y;
const quadraticTerm = (a: number, _z: number, y: number): number => {
  const d = a - y;
  return 0.5 * d * d;
};
const quadraticGradient = (a: number, y: number): number => a - y;

/** Every cost's kernel. */
export const COST_KERNELS: { readonly [name in CostName]: CostKernel } = {
  crossEntropy: {
    term: crossEntropyTerm,
    textbookTerm: crossEntropyTextbookTerm,
    gradient: (a, y) => (a - y) / (a * (1 - a)),
    outputDelta: crossEntropyDelta,
    costAndGradient(a, z, y, delta, sampleCost, count, outputs, textbook) {
      let total = 0;
      for (let s = 0; s < count; s++) {
        let c = 0;
        for (let j = 0; j < outputs; j++) {
          const k = s * outputs + j;
          c += textbook ? crossEntropyTextbookTerm(a[k], z[k], y[k]) : crossEntropyTerm(a[k], z[k], y[k]);
          delta[k] = crossEntropyDelta(a[k], y[k]);
        }
        sampleCost[s] = c;
        total += c;
      }
      return total;
    },
  },
  quadratic: {
    term: quadraticTerm,
    textbookTerm: quadraticTerm,
    gradient: quadraticGradient,
    outputDelta: null,
    costAndGradient(a, z, y, delta, sampleCost, count, outputs) {
      /* jscpd:ignore-start: one loop per cost, so its calls stay direct in the hot path (docs/architecture.md) */
      let total = 0;
      for (let s = 0; s < count; s++) {
        let c = 0;
        for (let j = 0; j < outputs; j++) {
          const k = s * outputs + j;
          c += quadraticTerm(a[k], z[k], y[k]);
          delta[k] = quadraticGradient(a[k], y[k]);
          /* jscpd:ignore-end */
        }
        sampleCost[s] = c;
        total += c;
      }
      return total;
    },
  },
};
