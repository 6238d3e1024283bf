/**
 * Opening a link with `epoch=N`: once the worker has started the link's run, it trains N epochs at
 * full speed (the engine is exact, so this is the run the link was copied from), then the speed
 * goes back to the link's. The progress is watched by Copy link's status (CopyLink.tsx).
 */
import { useSyncExternalStore } from 'react';
import type { LabStore } from '../../store/labStore';
import { whenState } from '../../store/storySlice';

/** The epoch being retrained to, or null when no replay is under way. */
let target: number | null = null;
const listeners = new Set<() => void>();
const setTarget = (next: number | null) => {
  target = next;
  for (const listener of listeners) listener();
};

export function useReplayTarget(): number | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => target,
  );
}

/** Retrains the store's first run to `epoch`; resolves once it stands there (or stopped early: diverged, target cost, paused, replaced). */
export async function replayToEpoch(store: LabStore, epoch: number): Promise<void> {
  const started = await whenState(store.subscribe, store.getState, (s) => s.run.runId > 0 || s.run.halted !== null);
  const { run, speed } = store.getState();
  if (!started || run.halted) return;
  const runId = run.runId;
  setTarget(epoch);
  store.getState().setSpeed('max');
  store.getState().trainEpochs(epoch);
  await whenState(
    store.subscribe,
    store.getState,
    (s) => s.run.runId !== runId || s.run.error !== null || s.run.halted !== null || (!s.run.running && (s.run.epoch >= epoch || s.run.stopReason !== null)),
  );
  // the link's own speed again, unless the person chose another meanwhile
  if (store.getState().speed === 'max') store.getState().setSpeed(speed);
  setTarget(null);
}
