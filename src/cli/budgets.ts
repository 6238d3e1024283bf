/**
 * The page's work budgets on the command line (the engine's GRADCHECK_BUDGET and STEP_PASS_BUDGET):
 * work beyond them is refused with the limit named, unless --force asks for it anyway.
 */
import { GRADCHECK_BUDGET, STEP_PASS_BUDGET, VALUES_PER_NEURON, affordableSamples, gradientCheckWork, keepWithin, layoutOf } from '../engine';
import { UsageError } from './errors';
import { num } from './format';

const n = (x: number): string => x.toLocaleString('en-US');

/** Refuses a gradient check of `sizes` over `count` samples that the page would not run in full. */
export function checkGradcheckBudget(sizes: readonly number[], count: number, force: boolean): void {
  const parameters = layoutOf(sizes).parameterCount;
  const work = gradientCheckWork(parameters, count);
  if (force || work <= GRADCHECK_BUDGET) return;
  const affordable = affordableSamples(parameters, count);
  const page = affordable === 0 ? 'the page does not run it' : `the page checks only the first ${n(affordable)} samples`;
  throw new UsageError(
    `${n(parameters)} parameters on ${n(count)} samples take about ${num(work, 2).replace('e+', 'e')} multiply-adds (four costs over the data per parameter), over the gradient-check budget of ${num(GRADCHECK_BUDGET, 2).replace('e+', 'e')} (${page}); use a smaller network or fewer rows, or --force to run it anyway`,
  );
}

/** Refuses a pass whose per-sample values (z, a, δ, f′ of every neuron) exceed the step-through's budget. */
export function checkStepBudget(sizes: readonly number[], count: number, force: boolean): void {
  const { sampleLimit } = keepWithin(sizes, count, STEP_PASS_BUDGET);
  if (force || sampleLimit >= count) return;
  const neurons = sizes.slice(1).reduce((sum, size) => sum + size, 0);
  throw new UsageError(
    `${n(count)} samples × ${n(neurons)} neurons × ${VALUES_PER_NEURON} values (z, a, δ, f′) are over the step-through's budget of ${n(STEP_PASS_BUDGET.sampleValues)} per-sample values (the page keeps samples 1–${n(sampleLimit)}); use at most ${n(sampleLimit)} rows with this network, or --force to print them all`,
  );
}
