/**
 * Between the lab store and the shareable settings: read them from the store, put them into it,
 * and keep the address bar and the saved settings in step with it while the lab runs.
 */
import type { EngineMessage } from '../../engine';
import type { LabStore } from '../../store/labStore';
import type { LabState } from '../../store/types';
import { type SettingsStorage, saveSettings } from './persist';
import { LAB_UI_PROPERTIES, type SettingNote, type Settings, encodeSettings } from '../links/urlState';

export type LabSettings = Settings<typeof LAB_UI_PROPERTIES>;

type SettingsState = Pick<LabState, 'config' | 'speed' | 'ui' | 'stop'>;

export function settingsOfState(state: SettingsState): LabSettings {
  return {
    config: { ...state.config, hidden: [...state.config.hidden] },
    ui: { speed: state.speed, rounded: state.ui.rounded, costScale: state.ui.costScale, stopAfter: state.stop.maxEpochs, targetCost: state.stop.targetCost },
  };
}

/**
 * Puts decoded settings into the store (call before connectWorker, which sends them to the worker).
 * Returns the store's refusals, which decoded settings should never cause.
 */
export function applySettings(store: LabStore, settings: LabSettings): EngineMessage[] {
  const state = store.getState();
  const problems = [state.setConfig(settings.config), state.setStop({ maxEpochs: settings.ui.stopAfter, targetCost: settings.ui.targetCost })];
  state.setSpeed(settings.ui.speed);
  state.setUi({ rounded: settings.ui.rounded, costScale: settings.ui.costScale });
  return problems.filter((problem): problem is EngineMessage => problem !== null);
}

export interface KeepOptions {
  storage: SettingsStorage | null;
  /** shown when saving fails (storage full or blocked); called once per distinct message */
  onNote?: (note: SettingNote) => void;
  /** writes the query into the address bar, so a reload or a copied address opens the same settings */
  writeQuery?: (query: URLSearchParams) => void;
  /** settings that keep changing (typing a learning rate) are written once they rest this long */
  delayMs?: number;
}

/** Saves the settings and updates the address bar whenever they change. Returns the unsubscribe function. */
export function keepSettings(store: LabStore, options: KeepOptions): () => void {
  const { storage, onNote, writeQuery, delayMs = 300 } = options;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastNote = '';
  const write = () => {
    timer = null;
    const settings = settingsOfState(store.getState());
    writeQuery?.(encodeSettings(settings, LAB_UI_PROPERTIES));
    const note = saveSettings(storage, settings, LAB_UI_PROPERTIES);
    const said = note ? JSON.stringify(note.message) : '';
    if (note && said !== lastNote) onNote?.(note);
    lastNote = said;
  };
  const unsubscribe = store.subscribe((state, previous) => {
    const changed = state.config !== previous.config || state.speed !== previous.speed || state.ui !== previous.ui || state.stop !== previous.stop;
    if (!changed) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(write, delayMs);
  });
  return () => {
    unsubscribe();
    if (timer !== null) {
      clearTimeout(timer);
      write();
    }
  };
}
