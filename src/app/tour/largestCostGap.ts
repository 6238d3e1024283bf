/**
 * Where a twin run's two cost curves are furthest apart: the moment "Inspect this epoch" and the
 * tour's step 3 open in Step through. costs[k] is the cost at epoch k + 1 (README, Notation: the
 * whole dataset's cost after k + 1 epochs' updates), so the epoch returned (epochs completed) is the
 * one whose network has that cost.
 */

export interface CostGap {
  /** epochs completed: the pass Step through shows there starts from these costs */
  epoch: number;
  correctCost: number;
  buggyCost: number;
  /** |buggy − correct| */
  gap: number;
}

/**
 * The epoch of the largest |buggy − correct| cost over the epochs both twins ran; the earliest one
 * on a tie. A non-finite cost (a diverged twin) is skipped: there is no pass to inspect there.
 * Null when the twins share no finite epoch.
 */
export function largestCostGap(correct: ArrayLike<number>, buggy: ArrayLike<number>): CostGap | null {
  const length = Math.min(correct.length, buggy.length);
  let best: CostGap | null = null;
  for (let k = 0; k < length; k++) {
    const c = correct[k];
    const b = buggy[k];
    if (!Number.isFinite(c) || !Number.isFinite(b)) continue;
    const gap = Math.abs(b - c);
    if (best === null || gap > best.gap) best = { epoch: k + 1, correctCost: c, buggyCost: b, gap };
  }
  return best;
}
