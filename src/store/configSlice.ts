import { DEFAULT_CONFIG, PRESETS, configError } from '../engine';
import type { StateCreator } from 'zustand/vanilla';
import { needsNewRun } from '../worker/protocol';
import type { ConfigSlice, LabState } from './types';

/** The settings the lab opens with: the engine's defaults, stopping where the CLI stops. */
export const INITIAL_STOP = { maxEpochs: DEFAULT_CONFIG.epochs, targetCost: 0 };

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
    if (!Number.isInteger(stop.maxEpochs) || stop.maxEpochs < 0 || stop.maxEpochs > 10_000_000)
      return `stop after: expected a whole number of epochs from 0 (no limit) to 10,000,000, got ${String(stop.maxEpochs)}`;
    if (typeof stop.targetCost !== 'number' || !Number.isFinite(stop.targetCost) || stop.targetCost < 0)
      return `target cost: expected a number ≥ 0 (0 = none), got ${String(stop.targetCost)}`;
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
