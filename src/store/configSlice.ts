import {
  DEFAULT_CONFIG,
  DEFAULT_STOP,
  type EngineMessage,
  type LabConfig,
  engineMessage,
  PRESETS,
  configError,
  needsNewRun,
  stopSettingsError,
} from '../engine';
import type { Dataset, StopSettings } from '../engine';
import type { LabEvent, Speed } from '../worker/lab/protocol';
import type { BridgeSlice } from './bridgeSlice';
import type { SliceCreator } from './sliceCreator';

/** The page's three modes, one tab each. */
export type LabMode = 'live' | 'step' | 'buglab';

interface UiToggles {
  /** decision boundary shows 0/1 instead of the output */
  rounded: boolean;
  costScale: 'linear' | 'log';
  mode: LabMode;
}

interface ApplyConfigOptions {
  fresh?: boolean;
  /** the preset the configuration is, if it is one */
  presetId?: string | null;
  namedData?: boolean;
}

export interface ConfigSlice {
  config: LabConfig;
  speed: Speed;
  stop: StopSettings;
  ui: UiToggles;
  /** the preset the current config came from, until a setting changes */
  presetId: string | null;
  /**
   * The one way a configuration reaches the lab: validates it and sends it to the worker; returns the
   * reason it was refused (nothing changes then), or null. `fresh` starts a new run from it (its own
   * epoch limit, new weights even when only options differ); `namedData` drops the user's own data.
   */
  applyConfig(config: LabConfig, options?: ApplyConfigOptions): EngineMessage | null;
  /** applyConfig of the current configuration with `patch` */
  setConfig(patch: Partial<LabConfig>): EngineMessage | null;
  /** applyConfig of a preset, fresh */
  applyPreset(id: string): EngineMessage | null;
  /** Trains on the named dataset of the setting again, dropping the user's own data. */
  useNamedData(): EngineMessage | null;
  setSpeed(speed: Speed): void;
  setStop(patch: Partial<StopSettings>): EngineMessage | null;
  setUi(patch: Partial<UiToggles>): void;
}

/** The run's data (the snapshot slice's, named by shape: that slice reads this one). */
type Needs = BridgeSlice & { data: Dataset | null };

/** The settings the lab opens with: the engine's defaults, stopping where the CLI stops. */
const INITIAL_STOP = DEFAULT_STOP;

/** The user's own data, which the worker keeps while the dataset setting stays (and `namedData` is not asked for). */
function keptData(state: ConfigSlice & Needs, config: LabConfig, namedData: boolean) {
  return !namedData && state.data?.kind === 'custom' && state.config.dataset === config.dataset ? state.data : undefined;
}

export const createConfigSlice: SliceCreator<ConfigSlice, Needs> = (set, get) => ({
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
    if (!preset) return engineMessage('unknownPreset', { id: JSON.stringify(id) });
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

/** A new run: the settings the worker started it with. */
export function configOnEvent(event: LabEvent): Partial<ConfigSlice> {
  return event.type === 'runStarted' ? { config: event.config } : {};
}
