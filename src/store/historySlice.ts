import type { StateCreator } from 'zustand/vanilla';
import type { CostHistory, HistorySlice, LabState } from './types';

export const createHistorySlice: StateCreator<LabState, [], [], HistorySlice> = () => ({
  history: { runId: 0, costs: new Float64Array(1024), length: 0 },
});

/**
 * The history with `costs` written from epoch index `start` on. The array grows by doubling, so
 * a million epochs cost about twenty copies in all; it is reused (not copied) otherwise.
 */
export function appendCosts(history: CostHistory, start: number, costs: Float64Array): CostHistory {
  const end = start + costs.length;
  let array = history.costs;
  if (end > array.length) {
    let capacity = array.length;
    while (capacity < end) capacity *= 2;
    const grown = new Float64Array(capacity);
    grown.set(array.subarray(0, Math.min(history.length, start)));
    array = grown;
  }
  array.set(costs, start);
  return { runId: history.runId, costs: array, length: end };
}
