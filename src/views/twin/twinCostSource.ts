/** The two cost histories of a twin run as a CostSource for the shared CostCurve (ids 'correct' and 'buggy'). */
import type { CostSeries, CostSource } from '../costCurve/CostCurve';
import { SERIES_COLORS } from '../palette';
import { t } from '../../i18n/setup';

/** The two series' names in the page's language (the gate table's column heads). */
export function twinSeriesLabels(): { correct: string; buggy: string } {
  return { correct: t('gates.correct'), buggy: t('gates.buggy') };
}

/** Epoch k+1's cost at index k of each array; the current epoch marked is the longer run's last. */
export function twinCostSource(correct: Float64Array, buggy: Float64Array, labels = twinSeriesLabels()): CostSource {
  const series: CostSeries[] = [
    { id: 'correct', label: labels.correct, color: SERIES_COLORS[0], costs: correct, length: correct.length },
    { id: 'buggy', label: labels.buggy, color: SERIES_COLORS[1], costs: buggy, length: buggy.length },
  ];
  const snapshot = { series, currentEpoch: Math.max(correct.length, buggy.length) };
  return { get: () => snapshot, subscribe: () => () => {} };
}
