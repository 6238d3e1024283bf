import { type Problem, STOP_SETTINGS } from '../engine';
import type { LabEvent, LabStopReason } from '../worker/lab/protocol';
import type { BridgeSlice } from './bridgeSlice';
import type { ConfigSlice } from './configSlice';
import type { SliceCreator } from './sliceCreator';

export interface RunState {
  runId: number;
  running: boolean;
  epoch: number;
  epochsPerSecond: number;
  stopReason: LabStopReason | null;
  message: Problem | null;
  /** the worker's last refusal or failure: a coded message, or a fault's own words */
  error: Problem | null;
  /** why the lab cannot train any more (its worker was given up on), or null; Play and Step do nothing then */
  halted: Problem | null;
  /** Play at the epoch limit raised "Stop after" from `from` to `to` and trains on: the status says so until the run stops */
  raisedLimit: { from: number; to: number } | null;
  /** the epoch whose weights training continues from after an option changed mid-run (derivative, η …), or null */
  carriedOver: number | null;
}

export interface RunSlice {
  run: RunState;
  play(): void;
  pause(): void;
  togglePlay(): void;
  /** the Step button: one epoch, then paused */
  trainOneEpoch(): void;
  /** trains this many epochs, then stops (the tour and "open the run at epoch N") */
  trainEpochs(epochs: number): void;
  /** Raises "Stop after" by its own span (60,000 → 120,000) and plays on from the current weights (Play does this at the limit). */
  continuePastLimit(): void;
  /** Back to this seed's initial weights with BP2's f′(z), and Play: the stuck-run note's one click. */
  resetWithCorrectDerivative(): void;
  reset(): void;
  newSeed(): void;
}

type Needs = BridgeSlice & Pick<ConfigSlice, 'stop' | 'setStop' | 'config' | 'setConfig'>;

/** The largest "Stop after" the settings allow (configSlice.setStop checks it). */
const MAX_STOP_AFTER = STOP_SETTINGS.maxEpochs.max;

/** Whether a stopped run stands at its epoch limit, so Play without raising it would train nothing. */
export const atEpochLimit = (state: Pick<RunSlice, 'run'> & Pick<ConfigSlice, 'stop'>): boolean =>
  !state.run.running && state.stop.maxEpochs > 0 && state.run.epoch >= state.stop.maxEpochs;

export const createRunSlice: SliceCreator<RunSlice, Needs> = (set, get) => {
  /** Sends a command that trains or starts a run, unless the lab is halted (its message then stays). */
  const command = (send: () => void) => {
    const run = get().run;
    if (run.halted) return;
    if (run.error) set({ run: { ...run, error: null } });
    send();
  };
  /** Raises "Stop after" by its own span (60,000 → 120,000, or no limit past the largest); false when it could not. */
  const raiseLimit = (): boolean => {
    const { run, stop } = get();
    if (run.halted) return false;
    const next = run.epoch + stop.maxEpochs;
    const to = next <= MAX_STOP_AFTER ? next : 0;
    const problem = get().setStop({ maxEpochs: to });
    if (problem) {
      set({ run: { ...get().run, error: problem } });
      return false;
    }
    set({ run: { ...get().run, raisedLimit: { from: stop.maxEpochs, to } } });
    return true;
  };
  return {
    run: {
      runId: 0,
      running: false,
      epoch: 0,
      epochsPerSecond: 0,
      stopReason: null,
      message: null,
      error: null,
      halted: null,
      raisedLimit: null,
      carriedOver: null,
    },
    play() {
      // at the limit, Play trains on past it (the status names the new limit) instead of a refusal that says to raise it
      if (atEpochLimit(get())) return get().continuePastLimit();
      command(() => get().send({ type: 'play' }));
    },
    continuePastLimit() {
      if (raiseLimit()) command(() => get().send({ type: 'play' }));
    },
    resetWithCorrectDerivative() {
      if (get().run.halted) return;
      const problem = get().config.derivative === 'correct' ? null : get().setConfig({ derivative: 'correct' });
      if (problem) return set({ run: { ...get().run, error: problem } });
      // straight to the worker: the store still holds the old run's epoch (at its limit) until the reset's runStarted arrives
      command(() => {
        get().send({ type: 'reset' });
        get().send({ type: 'play' });
      });
    },
    pause() {
      get().send({ type: 'pause' });
    },
    togglePlay() {
      if (get().run.running) get().pause();
      else get().play();
    },
    trainOneEpoch() {
      // at the limit a step goes past it as Play does: "Stop after" is raised first (the status names it), never overrun
      if (atEpochLimit(get()) && !raiseLimit()) return;
      command(() => get().send({ type: 'trainOneEpoch' }));
    },
    trainEpochs(epochs) {
      command(() => get().send({ type: 'trainEpochs', epochs }));
    },
    reset() {
      command(() => get().send({ type: 'reset' }));
    },
    newSeed() {
      command(() => get().send({ type: 'newSeed' }));
    },
  };
};

/** What the worker's events change of the run's state (events of other runs are dropped before this). */
export function runOnEvent(state: Pick<RunSlice, 'run'>, event: LabEvent): Partial<RunSlice> {
  const run = state.run;
  switch (event.type) {
    case 'error':
      return { run: { ...run, error: event.message } };
    case 'answered':
      // a refused request is an error like any other for the status line; its action's promise rejects with it too
      return event.error === null ? {} : { run: { ...run, error: event.error } };
    case 'runStarted':
      return {
        run: {
          ...run,
          runId: event.runId,
          running: false,
          epoch: 0,
          epochsPerSecond: 0,
          stopReason: null,
          message: null,
          error: null,
          raisedLimit: null,
          carriedOver: null,
        },
      };
    case 'configured':
      // options changed, weights kept: the next epochs train on from these
      return run.epoch > 0 ? { run: { ...run, carriedOver: run.epoch } } : {};
    case 'snapshot':
      return event.snapshot.scrubbed ? {} : { run: { ...run, epoch: Math.max(run.epoch, event.snapshot.epoch) } };
    case 'status': {
      const { running, epoch, epochsPerSecond, stopReason, message } = event.status;
      const finished = stopReason !== null && stopReason !== 'paused';
      // a status from before the raise (the setStop's) still stands at the old limit: only a stop after it ends the raise
      const raisedLimit = finished && run.raisedLimit && epoch > run.raisedLimit.from ? null : run.raisedLimit;
      return { run: { ...run, running, epoch, epochsPerSecond, stopReason, message, raisedLimit, carriedOver: finished ? null : run.carriedOver } };
    }
    default:
      return {};
  }
}
