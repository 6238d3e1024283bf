/**
 * The cost curve's data source over the history slice: a transient subscription (no React
 * render per batch) that tells its listener at most once per animation frame.
 */
import type { LabStore } from './labStore';

/** Same shape as the cost curve's CostSeries / CostSource (structural, so the store needs no view import). */
export interface HistorySeries {
  id: string;
  label: string;
  color?: string;
  costs: Float64Array;
  length: number;
}

export interface HistorySource {
  get(): { series: HistorySeries[]; currentEpoch: number };
  subscribe(listener: () => void): () => void;
}

type FrameScheduler = (fn: () => void) => void;

const nextFrame: FrameScheduler =
  typeof requestAnimationFrame === 'function' ? (fn) => void requestAnimationFrame(() => fn()) : (fn) => fn();

export function historyCostSource(store: LabStore, label = 'Cost', schedule: FrameScheduler = nextFrame): HistorySource {
  return {
    get() {
      const { history, inspect } = store.getState();
      return {
        series: [{ id: 'live', label, costs: history.costs, length: history.length }],
        currentEpoch: inspect.scrubEpoch ?? history.length,
      };
    },
    subscribe(listener) {
      let queued = false;
      let active = true;
      const unsubscribe = store.subscribe((state, previous) => {
        if (state.history === previous.history && state.inspect.scrubEpoch === previous.inspect.scrubEpoch) return;
        if (queued) return;
        queued = true;
        schedule(() => {
          queued = false;
          if (active) listener();
        });
      });
      return () => {
        active = false;
        unsubscribe();
      };
    },
  };
}
