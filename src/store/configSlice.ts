import { DEFAULT_CONFIG, DEFAULT_STOP, PRESETS, configError, stopSettingsError } from '../engine';
import type { StateCreator } from 'zustand/vanilla';
import { needsNewRun } from '../worker/protocol';
import type { ConfigSlice, LabState } from './types';

/** The settings the lab opens with: the engine's defaults, stopping where the CLI stops. */
export const INITIAL_STOP = DEFAULT_STOP;

export const createConfigSlice: StateCreator<LabState, [], [], ConfigSlice> = (set, get) => ({
  config: DEFAULT_CONFIG,
  speed: 1000,
  stop: INITIAL_STOP,
  ui: { rounded: false, costScale: 'log', mode: 'live' },
  presetId: null,

  setConfig(patch) {
    const config = { ...get().config, ...patch };
    const problem = configError(config, keptCustomData(get(), config));
    if (problem) return problem;
    set({ config, presetId: null });
    get().send({ type: 'configure', config });
    return null;
  },

  applyPreset(id) {
    const preset = PRESETS.find((p) => p.id === id);
    if (!preset) return `preset: unknown preset ${JSON.stringify(id)}`;
    const before = get().config;
    const problem = configError(preset.config, keptCustomData(get(), preset.config));
    if (problem) return problem;
    const stop = { ...get().stop, maxEpochs: preset.config.epochs };
    set({ config: preset.config, presetId: id, stop });
    get().send({ type: 'setStop', stop });
    get().send({ type: 'configure', config: preset.config });
    // a preset is a fresh start even when only the options differ
    if (!needsNewRun(before, preset.config)) get().send({ type: 'reset' });
    return null;
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

/** The user's own data, which the worker keeps (and checks the new config against) while the dataset setting stays. */
function keptCustomData(state: LabState, next: LabState['config']): NonNullable<LabState['data']> | undefined {
  return state.data?.kind === 'custom' && next.dataset === state.config.dataset ? state.data : undefined;
}
