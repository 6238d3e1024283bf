/**
 * The settings the lab had before the guided tour opened: each tour step sets up runs of its own,
 * so on leaving, the lab offers them back ("Restore my settings") instead of silently keeping the
 * tour's. Held here, beside the tour, not in the store: only the page offers it.
 */
import { useSyncExternalStore } from 'react';
import type { LabStore } from '../../store/labStore';
import { type LabSettings, settingsOfState } from '../storage/storeBridge';

let before: LabSettings | null = null;
let offered = false;
const listeners = new Set<() => void>();
const publish = () => {
  for (const listener of listeners) listener();
};

const sameSettings = (a: LabSettings, b: LabSettings) => JSON.stringify(a) === JSON.stringify(b);

/** Follows the tour opening and closing: remembers the settings at its opening, offers them at its closing if the tour changed them. */
export function rememberSettingsBeforeTour(store: LabStore): () => void {
  return store.subscribe((state, previous) => {
    if (state.story.tourStep === previous.story.tourStep) return;
    if (previous.story.tourStep === null) {
      before = settingsOfState(previous);
      offered = false;
    } else if (state.story.tourStep === null && before !== null) {
      offered = !sameSettings(before, settingsOfState(state));
      if (!offered) before = null;
    }
    publish();
  });
}

/** Whether the offer to restore is up (the tour closed, having changed the settings). */
export function useRestoreOffered(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => offered,
  );
}

/** Closes the offer, keeping the lab as the tour left it. */
export function keepTourSettings(): void {
  before = null;
  offered = false;
  publish();
}

/** Puts back the settings from before the tour: a fresh run of them, as the link or the person had set them. */
export function restoreSettingsBeforeTour(store: LabStore): void {
  const settings = before;
  keepTourSettings();
  if (settings === null) return;
  const state = store.getState();
  state.applyConfig(settings.config, { fresh: true });
  state.setStop({ maxEpochs: settings.ui.stopAfter, targetCost: settings.ui.targetCost });
  state.setSpeed(settings.ui.speed);
  state.setUi({ rounded: settings.ui.rounded, costScale: settings.ui.costScale });
}
