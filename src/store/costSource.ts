/**
 * The cost curve's data source over the history slice: a transient subscription (no React
 * render per batch) that tells its listener at most once per animation frame.
 */
import type { LabStore } from './labStore';
import type { CurveWords } from './settingMarkers';

/** Same shape as the cost curve's CostSeries / CostSource (structural, so the store needs no view import). */
interface HistorySeries {
  id: string;
  label: string;
  color?: string;
  costs: Float64Array;
  length: number;
  faint?: boolean;
}

export interface HistorySource {
  get(): { series: HistorySeries[]; currentEpoch: number; markers: readonly { epoch: number; label: string }[] };
  subscribe(listener: () => void): () => void;
}

type FrameScheduler = (fn: () => void) => void;

const nextFrame: FrameScheduler = typeof requestAnimationFrame === 'function' ? (fn) => void requestAnimationFrame(() => fn()) : (fn) => fn();

/** `words` names the series and the markers, read on each get, so they follow a language switch. */
export function historyCostSource(store: LabStore, words: CurveWords, schedule: FrameScheduler = nextFrame): HistorySource {
  // the markers' words, built again only when the markers or the language change (get() runs every frame)
  let worded: { from: unknown; live: string; markers: { epoch: number; label: string }[] } | null = null;
  return {
    get() {
      const { history, hover, ghost, costMarkers } = store.getState();
      const liveLabel = words.live();
      if (!worded || worded.from !== costMarkers || worded.live !== liveLabel)
        worded = { from: costMarkers, live: liveLabel, markers: costMarkers.map((marker) => ({ epoch: marker.epoch, label: words.changes(marker.changes) })) };
      const live: HistorySeries = { id: 'live', label: liveLabel, costs: history.costs, length: history.length };
      return {
        // the ghost's id names its run, so a newer ghost never inherits an older one's reduction
        series: ghost
          ? [live, { id: `ghost-${ghost.runId}`, label: words.previousRun(ghost.derivative), costs: ghost.costs, length: ghost.length, faint: true }]
          : [live],
        currentEpoch: hover.scrubEpoch ?? history.length,
        markers: worded.markers,
      };
    },
    subscribe(listener) {
      let queued = false;
      let active = true;
      const unsubscribe = store.subscribe((state, previous) => {
        if (
          state.history === previous.history &&
          state.hover.scrubEpoch === previous.hover.scrubEpoch &&
          state.ghost === previous.ghost &&
          state.costMarkers === previous.costMarkers
        )
          return;
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
