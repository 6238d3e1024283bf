/**
 * Opening a link with `epoch=N`: once the worker has started the link's run, it trains N epochs at
 * full speed (the engine is exact, so this is the run the link was copied from), then the speed
 * goes back to the link's. Loaded only for such a link; Copy link's status shows the progress (replayProgress.ts).
 */
import type { LabStore } from '../../store/labStore';
import { whenState } from '../../store/storySlice';
import { setReplayTarget as setTarget } from './replayProgress';
import { readEpochParam } from './epochLink';
import type { t } from '../../i18n/setup';

/** Retrains the store's first run to `epoch`; resolves once it stands there (or stopped early: diverged, target cost, paused, replaced). */
async function replayToEpoch(store: LabStore, epoch: number): Promise<void> {
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

/** Reads the link's `epoch=`: a bad or capped value is a note (worded by the page's `word`, so this chunk shares no i18n code); a good one is retrained to when `replay`. */
export async function openLinkEpoch(store: LabStore, search: string, replay: boolean, word: typeof t, words: Promise<void>): Promise<void> {
  const epoch = readEpochParam(search, store.getState().stop.maxEpochs);
  // its words travel with the coded messages' group (loaded right after the first render), not the first catalog
  await words;
  if (epoch.refused !== null) store.getState().addNotes([{ key: 'epoch', message: word('epochLink.bad', { shown: epoch.refused }) }]);
  if (epoch.capped !== null) store.getState().addNotes([{ key: 'epoch', message: word('epochLink.capped', { asked: epoch.capped, limit: epoch.epoch ?? 0 }) }]);
  if (epoch.epoch !== null && replay) await replayToEpoch(store, epoch.epoch);
}
