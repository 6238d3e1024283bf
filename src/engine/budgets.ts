/**
 * Work budgets for the inspectable pass and the gradient check: how much of a pass the
 * step-through keeps, and how many samples a gradient check can afford. The page's worker and the
 * CLI apply the same numbers (the CLI refuses beyond them unless told --force).
 */
import type { InspectOptions } from './inspect';
import { layoutOf } from './network';

export interface PassBudget {
  /** each sample's gradient is kept while count × parameterCount is at most this */
  sampleGradients: number;
  /** z, a, δ, f′(z), f′(a) are kept for as many samples as fit in this many numbers */
  sampleValues: number;
}

/**
 * The step-through's passes are exact and complete up to this size: per pass, at most 32 MB of
 * per-sample gradients (count × parameters) and 32 MB of per-sample z, a, δ, f′ values. A bigger
 * network on big data keeps the batch numbers and the first samples' values, and says so.
 */
export const STEP_PASS_BUDGET: PassBudget = { sampleGradients: 4_000_000, sampleValues: 4_000_000 };

/** The five per-sample arrays of each layer (z, a, δ, f′(z), f′(a)). */
export const VALUES_PER_NEURON = 5;

/** What of a pass over `count` samples fits the budget. */
export function keepWithin(sizes: readonly number[], count: number, budget: PassBudget): Required<InspectOptions> {
  const parameters = layoutOf(sizes).parameterCount;
  const neurons = sizes.slice(1).reduce((sum, n) => sum + n, 0);
  return {
    sampleGradients: count * parameters <= budget.sampleGradients,
    sampleLimit: Math.min(count, Math.floor(budget.sampleValues / Math.max(1, VALUES_PER_NEURON * neurons))),
  };
}

/**
 * Multiply-adds a gradient check may cost (about 1.5 s of the worker's time). Each of the P
 * parameters needs four costs over the data, each about P·N multiply-adds: 4·P²·N in all, so a big
 * network is checked on its first few samples (enough to test backprop), and a huge one not at all.
 */
export const GRADCHECK_BUDGET = 2e8;

/** Multiply-adds of a gradient check of P parameters over N samples. */
export function gradientCheckWork(parameterCount: number, sampleCount: number): number {
  return 4 * parameterCount * parameterCount * sampleCount;
}

/** How many samples (the first ones) a check of P parameters can afford; 0 = none. */
export function affordableSamples(parameterCount: number, sampleCount: number, budget = GRADCHECK_BUDGET): number {
  return Math.min(sampleCount, Math.floor(budget / gradientCheckWork(parameterCount, 1)));
}
