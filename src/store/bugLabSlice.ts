/**
 * The bug lab's slice: a twin run and a sweep of the current configuration on the page's sweep
 * pool, with their progress and results (kept here, so they survive a switch of tabs), opening one
 * of a sweep's starts in the live lab, and loading a whole configuration (the fix path's steps).
 * The pool is attached from outside: Web Workers in the app, in-process fakes in the tests.
 */
import type { StateCreator } from 'zustand/vanilla';
import { type Dataset, type DerivativeMode, type LabConfig, MAX_TWIN_EPOCHS, type SweepSummary, type TwinResult, configError, namedDataset } from '../engine';
import { needsNewRun } from '../worker/protocol';
import type { SweepProgress } from '../worker/sweepPlan';
import type { SweepOutcome, TwinOptions, TwinOutcome, TwinProgress } from '../worker/sweepPool';
import type { SweepRequest, TwinGrids } from '../worker/sweepProtocol';
import type { LabState } from './types';

export type BugLabJobStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** What the slice needs of the sweep pool (SweepPool fits). */
export interface SweepRunner {
  readonly workerCount: number;
  run(request: SweepRequest, onProgress?: (progress: SweepProgress) => void): Promise<SweepOutcome>;
  cancel(): boolean;
  twin(config: LabConfig, options?: TwinOptions): Promise<TwinOutcome>;
  cancelTwin(): boolean;
}

export interface TwinJob {
  status: BugLabJobStatus;
  /** the configuration the twins trained (its epochs are the run's), and their data */
  config: LabConfig | null;
  data: Dataset | null;
  progress: TwinProgress | null;
  result: TwinResult | null;
  grids: TwinGrids | null;
  elapsedMs: number;
  error: string | null;
}

export interface SweepJob {
  status: BugLabJobStatus;
  /** the configuration every start trained (its epochs are each start's) */
  config: LabConfig | null;
  progress: SweepProgress | null;
  summary: SweepSummary | null;
  elapsedMs: number;
  workers: number;
  error: string | null;
}

export interface BugLabSlice {
  bugLab: { twin: TwinJob; sweep: SweepJob };
  /** Joins the slice to a pool (null detaches it); the app does this once. */
  attachSweepRunner(runner: SweepRunner | null): void;
  /** Twin run of the current configuration; resolves when it has settled (done, cancelled or failed). */
  runTwin(): Promise<void>;
  cancelTwin(): void;
  /** Sweep of `starts` seeds from the current seed on; resolves when it has settled. */
  runSweep(starts: number): Promise<void>;
  cancelSweep(): void;
  /** Opens one start of the last sweep in the live lab: its configuration, that seed and derivative. */
  openStart(seed: number, derivative: DerivativeMode): string | null;
  /** Applies a whole configuration as a fresh run that stops at its epochs (what a preset does). */
  loadConfig(config: LabConfig, presetId?: string | null): string | null;
}

const IDLE_TWIN: TwinJob = { status: 'idle', config: null, data: null, progress: null, result: null, grids: null, elapsedMs: 0, error: null };
const IDLE_SWEEP: SweepJob = { status: 'idle', config: null, progress: null, summary: null, elapsedMs: 0, workers: 0, error: null };

/** Epochs a twin run or a sweep start trains: the live lab's "Stop after", or the configuration's when that is 0. */
export function bugLabEpochs(state: Pick<LabState, 'stop' | 'config'>): number {
  return state.stop.maxEpochs > 0 ? state.stop.maxEpochs : state.config.epochs;
}

/** The user's own data when the live run trains on it (sweeps and twins then use it too). */
function customData(state: LabState): Dataset | undefined {
  return state.data?.kind === 'custom' ? state.data : undefined;
}

export const createBugLabSlice: StateCreator<LabState, [], [], BugLabSlice> = (set, get) => {
  let runner: SweepRunner | null = null;
  // a settled job of an older request must not overwrite a newer one
  let twinJobs = 0;
  let sweepJobs = 0;
  const setTwin = (patch: Partial<TwinJob>) => set({ bugLab: { ...get().bugLab, twin: { ...get().bugLab.twin, ...patch } } });
  const setSweep = (patch: Partial<SweepJob>) => set({ bugLab: { ...get().bugLab, sweep: { ...get().bugLab.sweep, ...patch } } });
  const NO_POOL = 'the bug lab’s workers are not running (reload the page)';

  return {
    bugLab: { twin: IDLE_TWIN, sweep: IDLE_SWEEP },

    attachSweepRunner(next) {
      runner = next;
    },

    async runTwin() {
      const state = get();
      const epochs = bugLabEpochs(state);
      const config = { ...state.config, epochs };
      const data = customData(state);
      const problem =
        (runner ? null : NO_POOL) ??
        (epochs > MAX_TWIN_EPOCHS ? `Twin run: at most ${MAX_TWIN_EPOCHS.toLocaleString('en')} epochs; set "Stop after" lower (it is ${epochs.toLocaleString('en')})` : null) ??
        configError(config, data);
      if (problem) return setTwin({ ...IDLE_TWIN, status: 'error', error: problem });
      const job = ++twinJobs;
      const shown = data ?? namedDataset(config.dataset, config.dataSeed);
      setTwin({ ...IDLE_TWIN, status: 'running', config, data: shown, progress: { epoch: 0, epochs, elapsedMs: 0, timeLeftMs: null } });
      const outcome = await runner!.twin(config, {
        epochs,
        data,
        onProgress: (progress) => {
          if (job === twinJobs) setTwin({ progress });
        },
      });
      if (job !== twinJobs) return;
      if (outcome.status === 'done') setTwin({ status: 'done', result: outcome.result, grids: outcome.grids, elapsedMs: outcome.elapsedMs, progress: null });
      else if (outcome.status === 'error') setTwin({ status: 'error', error: outcome.message, progress: null });
      else setTwin({ status: 'cancelled' });
    },

    cancelTwin() {
      runner?.cancelTwin();
    },

    async runSweep(starts) {
      const state = get();
      const config = { ...state.config, epochs: bugLabEpochs(state) };
      if (!runner) return setSweep({ ...IDLE_SWEEP, status: 'error', error: NO_POOL });
      if (state.bugLab.sweep.status === 'running') return;
      const job = ++sweepJobs;
      setSweep({ ...IDLE_SWEEP, status: 'running', config, progress: { done: 0, total: starts, elapsedMs: 0, timeLeftMs: null, solved: { correct: 0, buggy: 0 } } });
      const outcome = await runner.run({ config, starts, data: customData(state) }, (progress) => {
        if (job === sweepJobs) setSweep({ progress });
      });
      if (job !== sweepJobs) return;
      if (outcome.status === 'done') setSweep({ status: 'done', summary: outcome.summary, elapsedMs: outcome.elapsedMs, workers: outcome.workers });
      else if (outcome.status === 'cancelled') setSweep({ status: 'cancelled', progress: outcome.progress });
      else setSweep({ status: 'error', error: outcome.message });
    },

    cancelSweep() {
      runner?.cancel();
    },

    openStart(seed, derivative) {
      const swept = get().bugLab.sweep.config ?? get().config;
      const problem = get().loadConfig({ ...swept, seed, derivative });
      if (problem) return problem;
      get().setUi({ mode: 'live' });
      return null;
    },

    loadConfig(config, presetId = null) {
      const problem = configError(config, customData(get()));
      if (problem) return problem;
      const before = get().config;
      const stop = { ...get().stop, maxEpochs: config.epochs };
      set({ config, presetId, stop });
      get().send({ type: 'setStop', stop });
      get().send({ type: 'configure', config });
      // a fresh start even when only the options differ
      if (!needsNewRun(before, config)) get().send({ type: 'reset' });
      return null;
    },
  };
};
