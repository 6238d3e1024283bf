/**
 * The settings the lab had before the guided tour opened: each tour step sets up runs of its own,
 * so on leaving, the lab offers them back ("Restore my settings") instead of silently keeping the
 * tour's. Held here, in the tour's own chunk (GuidedTour.tsx calls it), not in the store: only the page offers it.
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

/** The tour opens: remember the settings it is about to replace (kept from an earlier opening whose offer is still open). */
export function beginTour(store: LabStore): void {
  before ??= settingsOfState(store.getState());
  offered = false;
  publish();
}

/** The tour closes: offer the settings from before it, if it changed them. */
export function endTour(store: LabStore): void {
  offered = before !== null && !sameSettings(before, settingsOfState(store.getState()));
  if (!offered) before = null;
  publish();
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
