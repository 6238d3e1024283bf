/**
 * The bug lab's slice: a twin run and a sweep of the current configuration on the page's sweep
 * pool, with their progress and results (kept here, so they survive a switch of tabs; a sweep's
 * result is kept per configuration, so a sweep of OR never erases AND's), the gate comparison, opening one
 * of a sweep's starts in the live lab, and loading a whole configuration (the fix path's steps).
 * The pool is attached from outside: Web Workers in the app, in-process fakes in the tests.
 */
import {
  COMPARED_GATES,
  type Dataset,
  type DerivativeMode,
  type EngineMessage,
  type GateName,
  type LabConfig,
  MAX_TWIN_EPOCHS,
  type Problem,
  type SweepSummary,
  type TwinResult,
  configError,
  engineMessage,
  gateComparisonConfig,
  namedDataset,
  sweepKey,
} from '../engine';
import type { SweepProgress } from '../worker/sweep/sweepPlan';
import type { SweepOutcome, TwinOptions, TwinOutcome, TwinProgress } from './sweepPool';
import { DEFAULT_SWEEP_STARTS, type SweepRequest, type TwinGrids } from '../worker/sweep/sweepProtocol';
import type { CoreState } from './coreState';
import type { SliceCreator } from './sliceCreator';

/** What this slice reads and writes of the store. */
type Needs = CoreState;
type Store = Needs & BugLabSlice;

type BugLabJobStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** What the slice needs of the sweep pool (SweepPool fits). */
interface SweepRunner {
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
  error: Problem | null;
}

/** A finished sweep of one configuration. */
export interface SweepResult {
  config: LabConfig;
  summary: SweepSummary;
  elapsedMs: number;
  workers: number;
}

/** The latest sweep: its status and progress (its result also goes to sweepResults). */
interface SweepRun {
  status: BugLabJobStatus;
  /** the configuration every start trained (its epochs are each start's) */
  config: LabConfig | null;
  /** sweepKey of that configuration and its data */
  key: string | null;
  progress: SweepProgress | null;
  summary: SweepSummary | null;
  elapsedMs: number;
  workers: number;
  error: Problem | null;
}

/** The gate comparison: the question's [2,2,1] preset on OR, AND and XOR, both derivatives. */
interface GateComparisonRun {
  status: BugLabJobStatus;
  starts: number;
  /** the gate being swept while running */
  gate: GateName | null;
  /** the running gate's starts done of its total; timeLeftMs is the whole comparison's (this gate's and the gates after it) */
  progress: SweepProgress | null;
  error: Problem | null;
}

/** The time a comparison still needs: the running gate's own estimate plus, for each gate after it, the mean time of the gates done (or this gate's whole estimate while none is). */
export function comparisonTimeLeft(progress: SweepProgress, gatesAfter: number, doneMs: readonly number[]): number | null {
  if (progress.timeLeftMs === null) return null;
  const perGate = doneMs.length > 0 ? doneMs.reduce((sum, ms) => sum + ms, 0) / doneMs.length : progress.elapsedMs + progress.timeLeftMs;
  return progress.timeLeftMs + gatesAfter * perGate;
}

interface GateComparisonRow {
  gate: GateName;
  result: SweepResult;
}

export interface BugLabSlice {
  bugLab: {
    twin: TwinJob;
    sweep: SweepRun;
    /** every finished sweep, by sweepKey(config, data): one per configuration */
    sweepResults: Record<string, SweepResult>;
    gates: GateComparisonRun;
  };
  /** Joins the slice to a pool (null detaches it); the app does this once. */
  attachSweepRunner(runner: SweepRunner | null): void;
  /** Twin run of the current configuration; resolves when it has settled (done, cancelled or failed). */
  runTwin(): Promise<void>;
  cancelTwin(): void;
  /** Sweep of `starts` seeds from the current seed on; resolves when it has settled. */
  runSweep(starts: number): Promise<void>;
  cancelSweep(): void;
  /**
   * Sweeps the question's preset on OR, AND and XOR from its seed on (`starts` each, default 100,
   * at most 1,000). Resolves with the three rows once done, or null when cancelled or failed.
   */
  compareGates(starts?: number): Promise<GateComparisonRow[] | null>;
  cancelGates(): void;
  /** Opens one start of the last sweep in the live lab: its configuration, that seed and derivative. */
  openStart(seed: number, derivative: DerivativeMode): EngineMessage | null;
  /** Applies a whole configuration as a fresh run that stops at its epochs (what a preset does). */
  loadConfig(config: LabConfig, presetId?: string | null): EngineMessage | null;
}

const IDLE_TWIN: TwinJob = { status: 'idle', config: null, data: null, progress: null, result: null, grids: null, elapsedMs: 0, error: null };
const IDLE_GATES: GateComparisonRun = { status: 'idle', starts: 0, gate: null, progress: null, error: null };
const IDLE_SWEEP: SweepRun = { status: 'idle', config: null, key: null, progress: null, summary: null, elapsedMs: 0, workers: 0, error: null };

/** Epochs a twin run or a sweep start trains: the live lab's "Stop after", or the configuration's when that is 0. */
export function bugLabEpochs(state: Pick<Store, 'stop' | 'config'>): number {
  return state.stop.maxEpochs > 0 ? state.stop.maxEpochs : state.config.epochs;
}

/** The kept result of the sweep the bug lab would run now (its configuration and data), or null. */
export function currentSweepResult(state: Store): SweepResult | null {
  return state.bugLab.sweepResults[currentSweepKey(state)] ?? null;
}

/** sweepKey of what a sweep would train now: the configuration with the bug lab's epochs, and the data. */
export function currentSweepKey(state: Store): string {
  return sweepKey({ ...state.config, epochs: bugLabEpochs(state) }, customData(state));
}

/** The gate comparison's rows: the kept result of each gate's configuration (null where none yet). */
export function gateComparisonRows(state: Pick<Store, 'bugLab'>): Array<{ gate: GateName; result: SweepResult | null }> {
  return COMPARED_GATES.map((gate) => ({ gate, result: state.bugLab.sweepResults[sweepKey(gateComparisonConfig(gate))] ?? null }));
}

/** The user's own data when the live run trains on it (sweeps and twins then use it too). */
function customData(state: Store): Dataset | undefined {
  return state.data?.kind === 'custom' ? state.data : undefined;
}

const startProgress = (total: number): SweepProgress => ({ done: 0, total, elapsedMs: 0, timeLeftMs: null, solved: { correct: 0, buggy: 0 } });

export const createBugLabSlice: SliceCreator<BugLabSlice, Needs> = (set, get) => {
  let runner: SweepRunner | null = null;
  // a settled job of an older request must not overwrite a newer one
  let twinJobs = 0;
  let sweepJobs = 0;
  const setTwin = (patch: Partial<TwinJob>) => set({ bugLab: { ...get().bugLab, twin: { ...get().bugLab.twin, ...patch } } });
  const setSweep = (patch: Partial<SweepRun>) => set({ bugLab: { ...get().bugLab, sweep: { ...get().bugLab.sweep, ...patch } } });
  const setGates = (patch: Partial<GateComparisonRun>) => set({ bugLab: { ...get().bugLab, gates: { ...get().bugLab.gates, ...patch } } });
  const keep = (result: SweepResult, data?: Dataset) =>
    set({ bugLab: { ...get().bugLab, sweepResults: { ...get().bugLab.sweepResults, [sweepKey(result.config, data)]: result } } });
  const NO_POOL = engineMessage('noSweepPool');

  return {
    bugLab: { twin: IDLE_TWIN, sweep: IDLE_SWEEP, sweepResults: {}, gates: IDLE_GATES },

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
        (epochs > MAX_TWIN_EPOCHS ? engineMessage('twinTooLong', { max: MAX_TWIN_EPOCHS.toLocaleString('en'), epochs: epochs.toLocaleString('en') }) : null) ??
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
      const data = customData(state);
      setSweep({ ...IDLE_SWEEP, status: 'running', config, key: sweepKey(config, data), progress: startProgress(starts) });
      const outcome = await runner.run({ config, starts, data }, (progress) => {
        if (job === sweepJobs) setSweep({ progress });
      });
      if (outcome.status === 'done') keep({ config, summary: outcome.summary, elapsedMs: outcome.elapsedMs, workers: outcome.workers }, data);
      if (job !== sweepJobs) return;
      if (outcome.status === 'done') setSweep({ status: 'done', summary: outcome.summary, elapsedMs: outcome.elapsedMs, workers: outcome.workers });
      else if (outcome.status === 'cancelled') setSweep({ status: 'cancelled', progress: outcome.progress });
      else setSweep({ status: 'error', error: outcome.message });
    },

    cancelSweep() {
      runner?.cancel();
    },

    async compareGates(starts = DEFAULT_SWEEP_STARTS) {
      if (!runner) {
        setGates({ ...IDLE_GATES, status: 'error', error: NO_POOL });
        return null;
      }
      if (get().bugLab.gates.status === 'running') return null;
      const rows: GateComparisonRow[] = [];
      setGates({ ...IDLE_GATES, status: 'running', starts });
      const doneMs: number[] = [];
      for (const [index, gate] of COMPARED_GATES.entries()) {
        const config = gateComparisonConfig(gate);
        const gatesAfter = COMPARED_GATES.length - 1 - index;
        setGates({ gate, progress: startProgress(starts) });
        const outcome = await runner.run({ config, starts }, (progress) =>
          setGates({ progress: { ...progress, timeLeftMs: comparisonTimeLeft(progress, gatesAfter, doneMs) } }),
        );
        if (outcome.status === 'cancelled') {
          setGates({ status: 'cancelled', gate: null });
          return null;
        }
        if (outcome.status === 'error') {
          setGates({ status: 'error', gate: null, error: engineMessage('namedProblem', { name: gate, problem: outcome.message }) });
          return null;
        }
        const result = { config, summary: outcome.summary, elapsedMs: outcome.elapsedMs, workers: outcome.workers };
        doneMs.push(outcome.elapsedMs);
        keep(result);
        rows.push({ gate, result });
      }
      setGates({ status: 'done', gate: null, progress: null });
      return rows;
    },

    cancelGates() {
      if (get().bugLab.gates.status === 'running') runner?.cancel();
    },

    openStart(seed, derivative) {
      const swept = currentSweepResult(get())?.config ?? get().bugLab.sweep.config ?? get().config;
      const problem = get().loadConfig({ ...swept, seed, derivative });
      if (problem) return problem;
      get().setUi({ mode: 'live' });
      return null;
    },

    loadConfig(config, presetId = null) {
      return get().applyConfig(config, { fresh: true, presetId });
    },
  };
};
