/** The two cost histories of a twin run as a CostSource for the shared CostCurve (ids 'correct' and 'buggy'). */
import type { CostSeries, CostSource } from '../costCurve/CostCurve';
import { SERIES_COLORS } from '../palette';

export const TWIN_SERIES_LABELS = { correct: 'Correct f′(z)', buggy: 'Buggy f′(a)' } as const;

/** Epoch k+1's cost at index k of each array; the current epoch marked is the longer run's last. */
export function twinCostSource(correct: Float64Array, buggy: Float64Array): CostSource {
  const series: CostSeries[] = [
    { id: 'correct', label: TWIN_SERIES_LABELS.correct, color: SERIES_COLORS[0], costs: correct, length: correct.length },
    { id: 'buggy', label: TWIN_SERIES_LABELS.buggy, color: SERIES_COLORS[1], costs: buggy, length: buggy.length },
  ];
  const snapshot = { series, currentEpoch: Math.max(correct.length, buggy.length) };
  return { get: () => snapshot, subscribe: () => () => {} };
}
