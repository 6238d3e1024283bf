/**
 * The story's slice: whether the landing is shown, which step of the guided tour is open (and
 * whether its run has settled), and "Inspect this epoch", which opens Step through on one run
 * at one epoch by retraining that run there (the engine is exact, so it is the same network).
 */
import { type LabConfig, type Problem, configError, engineMessage } from '../engine';
import type { CoreState } from './coreState';
import type { SliceCreator } from './sliceCreator';
import type { BugLabSlice } from './bugLabSlice';
import type { StepSlice } from './stepSlice';

/** What this slice reads and writes of the store. */
type Needs = CoreState & BugLabSlice & StepSlice;
type Store = Needs & StorySlice;

type StoryStepStatus = 'running' | 'done' | 'error';

interface StoryState {
  /** the landing's story sentences above the views */
  landing: boolean;
  /** the open tour step, counted from 1, or null when the tour is closed */
  tourStep: number | null;
  /** the open step's own run: settled or not, and why it failed */
  stepStatus: StoryStepStatus;
  stepError: Problem | null;
  /** the last "Inspect this epoch": its epoch while it trains there, then when it is there */
  inspecting: { epoch: number; status: 'training' | 'done' | 'error'; error: Problem | null } | null;
}

export interface StorySlice {
  story: StoryState;
  setLanding(shown: boolean): void;
  /** Opens the tour at a step (null closes it; the lab stays as the step left it). */
  setTourStep(step: number | null): void;
  setStepStatus(status: StoryStepStatus, error?: Problem | null): void;
  /**
   * Opens Step through on `config`'s run (its seed, derivative and options) after `epoch` epochs:
   * a fresh run of that configuration, trained there at full speed. Resolves with a problem in
   * words (nothing changes then) or null once the live run stands at that epoch.
   */
  inspectEpoch(config: LabConfig, epoch: number): Promise<Problem | null>;
  /**
   * Makes the live run `config`'s run after `epoch` epochs: kept if it already is, else a fresh run
   * trained there at full speed. Resolves with a problem in words, or null once it stands there.
   */
  openRun(config: LabConfig, epoch: number): Promise<Problem | null>;
}

/** The live run is `config`'s, standing still after `epoch` epochs, with its snapshot there. */
export function liveRunIsAt(state: Store, config: LabConfig, epoch: number): boolean {
  const { run, snapshot } = state;
  return (
    JSON.stringify(state.config) === JSON.stringify(config) && !run.running && run.epoch === epoch && snapshot?.runId === run.runId && snapshot.epoch === epoch
  );
}

const INITIAL_STORY: StoryState = { landing: false, tourStep: null, stepStatus: 'done', stepError: null, inspecting: null };

/** Resolves once `ready(state)` holds (checked now and on every change); false if `stale()` turns true first. */
export function whenState(
  subscribe: (listener: (state: Store) => void) => () => void,
  get: () => Store,
  ready: (state: Store) => boolean,
  stale: () => boolean = () => false,
): Promise<boolean> {
  return new Promise((resolve) => {
    if (ready(get())) return resolve(true);
    const stop = subscribe((state) => {
      if (stale()) {
        stop();
        resolve(false);
      } else if (ready(state)) {
        stop();
        resolve(true);
      }
    });
  });
}

export const createStorySlice: SliceCreator<StorySlice, Needs> = (set, get, api) => {
  const update = (patch: Partial<StoryState>) => set({ story: { ...get().story, ...patch } });
  // a newer inspect overtakes an older one still training
  let inspections = 0;
  return {
    story: INITIAL_STORY,

    setLanding(shown) {
      update({ landing: shown });
    },

    setTourStep(step) {
      update({ tourStep: step, ...(step === null ? { stepStatus: 'done', stepError: null } : {}) });
    },

    setStepStatus(status, error = null) {
      update({ stepStatus: status, stepError: error });
    },

    async inspectEpoch(config, epoch) {
      get().setUi({ mode: 'step' });
      const problem = await get().openRun(config, epoch);
      if (problem === null) get().requestPasses();
      return problem;
    },

    async openRun(config, epoch) {
      const problem =
        (!Number.isInteger(epoch) || epoch < 0 || epoch > config.epochs ? engineMessage('epochRange', { max: config.epochs, value: String(epoch) }) : null) ??
        configError(config);
      if (problem) {
        update({ inspecting: { epoch, status: 'error', error: problem } });
        return problem;
      }
      const job = ++inspections;
      if (liveRunIsAt(get(), config, epoch)) {
        update({ inspecting: { epoch, status: 'done', error: null } });
        return null;
      }
      const before = get().run.runId;
      const refused = get().loadConfig(config);
      if (refused) {
        update({ inspecting: { epoch, status: 'error', error: refused } });
        return refused;
      }
      update({ inspecting: { epoch, status: 'training', error: null } });
      if (get().run.error) set({ run: { ...get().run, error: null } });
      if (epoch > 0) {
        get().setSpeed('max');
        get().trainEpochs(epoch);
      }
      const there = await whenState(
        api.subscribe,
        get,
        (s) => s.run.error !== null || (s.run.runId > before && liveRunIsAt(s, config, epoch)),
        () => job !== inspections,
      );
      if (!there) return engineMessage('runReplaced');
      const error = get().run.error;
      update({ inspecting: { epoch, status: error ? 'error' : 'done', error } });
      return error;
    },
  };
};
