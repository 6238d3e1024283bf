import { DEFAULT_CONFIG, DEFAULT_STOP, type LabConfig, PRESETS, configError, needsNewRun, stopSettingsError } from '../engine';
import type { StateCreator } from 'zustand/vanilla';
import type { ConfigSlice, LabState } from './types';

/** The settings the lab opens with: the engine's defaults, stopping where the CLI stops. */
export const INITIAL_STOP = DEFAULT_STOP;

/** The user's own data, which the worker keeps while the dataset setting stays (and `namedData` is not asked for). */
function keptData(state: LabState, config: LabConfig, namedData: boolean) {
  return !namedData && state.data?.kind === 'custom' && state.config.dataset === config.dataset ? state.data : undefined;
}

export const createConfigSlice: StateCreator<LabState, [], [], ConfigSlice> = (set, get) => ({
  config: DEFAULT_CONFIG,
  speed: 1000,
  stop: INITIAL_STOP,
  ui: { rounded: false, costScale: 'log', mode: 'live' },
  presetId: null,

  applyConfig(config, { fresh = false, presetId = null, namedData = false } = {}) {
    const state = get();
    const problem = configError(config, keptData(state, config, namedData));
    if (problem) return problem;
    if (!fresh) {
      set({ config, presetId });
      state.send({ type: 'configure', config, ...(namedData ? { dropData: true } : {}) });
      return null;
    }
    // a fresh start: the configuration's own epoch limit, and new weights even when only the options differ
    const stop = { ...state.stop, maxEpochs: config.epochs };
    set({ config, presetId, stop });
    state.send({ type: 'setStop', stop });
    state.send({ type: 'configure', config, ...(namedData ? { dropData: true } : {}) });
    if (!namedData && !needsNewRun(state.config, config)) state.send({ type: 'reset' });
    return null;
  },

  setConfig(patch) {
    return get().applyConfig({ ...get().config, ...patch });
  },

  applyPreset(id) {
    const preset = PRESETS.find((p) => p.id === id);
    if (!preset) return `preset: unknown preset ${JSON.stringify(id)}`;
    return get().applyConfig(preset.config, { fresh: true, presetId: id });
  },

  useNamedData() {
    return get().applyConfig(get().config, { namedData: true, presetId: get().presetId });
  },

  setSpeed(speed) {
    set({ speed });
    get().send({ type: 'setSpeed', speed });
  },

  setStop(patch) {
    const stop = { ...get().stop, ...patch };
    // the settings table's limits, so what is kept here survives a link and a reload
    const problem = stopSettingsError(stop);
    if (problem) return problem;
    set({ stop });
    get().send({ type: 'setStop', stop });
    return null;
  },

  setUi(patch) {
    set({ ui: { ...get().ui, ...patch } });
  },
});
