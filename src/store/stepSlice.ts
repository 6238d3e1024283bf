/**
 * The step-through's slice: the inspectable passes (both derivative modes) and the gradient check
 * of the live run, asked of the worker whenever the moment they describe (run, epoch, options)
 * changes, plus loading a worked example or the user's files into the lab. The stepper's position
 * is the view's own state (src/app/stepThrough); the numbers all come from the worker's engine.
 */
import {
  type Dataset,
  type EngineMessage,
  type LabConfig,
  type Network,
  type SampleSelection,
  type TrainOptions,
  configError,
  configForNetwork,
  datasetError,
  engineMessage,
  networkError,
} from '../engine';
import type { CheckedGradients, InspectEvent, InspectedPasses } from '../worker/lab/inspectProtocol';
import type { CoreState } from './coreState';
import type { SliceCreator } from './sliceCreator';

/** What this slice reads and writes of the store. */
type Needs = CoreState;
type Store = Needs & StepSlice;

interface StepThroughState {
  /** the latest passes the worker sent (they may belong to an earlier run until new ones arrive) */
  passes: InspectedPasses | null;
  /** the moment (see momentKey) the last request was for; a new request goes out when the lab moves on */
  requestedKey: string | null;
  /** "next epoch" was asked for and its passes have not arrived yet */
  advancing: boolean;
  /** the sample the stepper and its graph show */
  sample: SampleSelection;
  /** gradient-check mode: the graph coloured by each parameter's relative error */
  gradCheckOn: boolean;
  gradCheck: CheckedGradients | null;
  gradCheckKey: string | null;
}

export interface StepSlice {
  stepThrough: StepThroughState;
  /** Asks the worker for the passes of the live network, unless they were already asked for this moment or it is training. */
  requestPasses(): void;
  /** Trains one epoch of the live run (the one the live lab shows) and asks for the passes after it. */
  nextEpoch(): void;
  selectStepSample(sample: SampleSelection): void;
  setGradCheckOn(on: boolean): void;
  /** Runs the gradient check for the live network when gradient-check mode is on and the moment changed. */
  requestGradientCheck(): void;
  /**
   * Loads a network, a dataset and/or training options into the lab (the worker's configure,
   * loadData and loadNetwork). Everything is checked first: a problem is returned in words and
   * nothing is sent.
   */
  loadIntoLab(load: LabLoad): EngineMessage | null;
}

interface LabLoad {
  network?: Network;
  data?: Dataset;
  options?: TrainOptions;
}

const OPTION_KEYS = [
  'cost',
  'learningRate',
  'derivative',
  'batchSize',
  'gradientDivisor',
  'sigmoidForm',
  'freezeBiases',
] as const satisfies readonly (keyof TrainOptions & keyof LabConfig)[];

/** Identifies what a pass depends on: the run, its epoch and the training options. */
function momentKey(runId: number, epoch: number, options: Pick<TrainOptions, (typeof OPTION_KEYS)[number]>): string {
  return [runId, epoch, ...OPTION_KEYS.map((key) => String(options[key]))].join('|');
}

/** The live lab's moment, or null before its first snapshot. */
export function currentMomentKey(state: Store): string | null {
  const snapshot = state.snapshot;
  return snapshot ? momentKey(snapshot.runId, snapshot.epoch, state.config) : null;
}

/** True when the passes describe the live run as it is now. */
export function passesAreCurrent(state: Store): boolean {
  const passes = state.stepThrough.passes;
  return passes !== null && momentKey(passes.runId, passes.epoch, passes.options) === currentMomentKey(state);
}

const INITIAL_STEP_THROUGH: StepThroughState = {
  passes: null,
  requestedKey: null,
  advancing: false,
  sample: 0,
  gradCheckOn: false,
  gradCheck: null,
  gradCheckKey: null,
};

export const createStepSlice: SliceCreator<StepSlice, Needs> = (set, get) => {
  const update = (patch: Partial<StepThroughState>) => set({ stepThrough: { ...get().stepThrough, ...patch } });
  return {
    stepThrough: INITIAL_STEP_THROUGH,

    requestPasses() {
      const state = get();
      if (state.run.running) return;
      // the next epoch's passes are on their way, unless a new run (a restarted worker, a load) overtook them
      const { advancing, passes } = state.stepThrough;
      if (advancing && (passes === null || passes.runId === state.run.runId)) return;
      const key = currentMomentKey(state);
      if (key === null || key === state.stepThrough.requestedKey) return;
      update({ requestedKey: key, advancing: false });
      // a refusal is in the status line; the same moment may be asked for again
      state.request({ type: 'inspectPass' }).catch(() => get().stepThrough.requestedKey === key && update({ requestedKey: null }));
    },

    nextEpoch() {
      if (get().stepThrough.advancing) return;
      update({ advancing: true, requestedKey: null });
      // refused or lost (the reason is in the status line): Next epoch works again
      get()
        .request({ type: 'inspectPass', advance: true })
        .catch(() => update({ advancing: false }));
    },

    selectStepSample(sample) {
      const count = get().stepThrough.passes?.pass.count ?? get().data?.count ?? 0;
      if (sample !== 'mean' && !(Number.isInteger(sample) && sample >= 0 && sample < count)) return;
      update({ sample });
    },

    setGradCheckOn(on) {
      update({ gradCheckOn: on });
      if (on) get().requestGradientCheck();
    },

    requestGradientCheck() {
      const state = get();
      if (!state.stepThrough.gradCheckOn || state.run.running) return;
      const key = currentMomentKey(state);
      if (key === null || key === state.stepThrough.gradCheckKey) return;
      update({ gradCheckKey: key });
      state.request({ type: 'gradientCheck' }).catch(() => get().stepThrough.gradCheckKey === key && update({ gradCheckKey: null }));
    },

    loadIntoLab({ network, data, options }) {
      const state = get();
      if (data) {
        const problem = datasetError(data);
        if (problem) return problem;
      }
      const target = data ?? state.data;
      if (network) {
        if (!target) return engineMessage('noDataYet');
        const problem = networkError(network, target);
        if (problem) return problem;
      }
      let config = network ? configForNetwork(state.config, network) : state.config;
      if (options) config = { ...config, ...pickOptions(options) };
      // the data the run will train on: the loaded file's, else the user's own data the worker keeps
      const problem = configError(config, data ?? (state.data?.kind === 'custom' ? state.data : undefined));
      if (problem) return problem;
      // checked above against the data being loaded, which applyConfig cannot know yet
      if (JSON.stringify(config) !== JSON.stringify(state.config)) {
        set({ config, presetId: null });
        state.send({ type: 'configure', config });
      }
      // a refusal shows in the status line
      if (data) state.loadData(data).catch(() => {});
      if (network) state.loadNetwork(network).catch(() => {});
      return null;
    },
  };
};

function pickOptions(options: TrainOptions): Pick<LabConfig, (typeof OPTION_KEYS)[number]> {
  const { cost, learningRate, derivative, batchSize, gradientDivisor, sigmoidForm, freezeBiases } = options;
  return { cost, learningRate, derivative, batchSize, gradientDivisor, sigmoidForm, freezeBiases };
}

export function isStepEvent(event: { type: string }): event is InspectEvent {
  return event.type === 'inspected' || event.type === 'gradientChecked';
}

/** What a step-through event changes; answers about an earlier run are dropped. */
export function applyStepEvent(state: Store, event: InspectEvent): Partial<Store> {
  if (event.runId < state.run.runId) return {};
  const current = state.stepThrough;
  if (event.type === 'gradientChecked') {
    const { type: _type, ...checked } = event;
    return { stepThrough: { ...current, gradCheck: checked, gradCheckKey: momentKey(event.runId, event.epoch, event.options) } };
  }
  const { type: _type, ...passes } = event;
  const sample = current.sample === 'mean' || current.sample < passes.pass.count ? current.sample : 0;
  return { stepThrough: { ...current, passes, sample, advancing: false, requestedKey: momentKey(event.runId, event.epoch, event.options) } };
}
