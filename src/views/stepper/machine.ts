/**
 * The stepper's state machine: where in the pass the learner is, whether it plays, and whether the
 * "next epoch" step has asked the caller for a new pass. Pure: (state, action) → state, usable as a
 * React reducer or a store slice. Moving past the last step never wraps; it asks for a new pass
 * (see `requestsNextEpoch`) and waits until the caller loads it.
 */
import type { Phase } from './types';

export interface StepperState {
  /** phase of each step of the current pass, in order (from `stepPhases(sizes)`) */
  phases: Phase[];
  index: number;
  playing: boolean;
  /** the learner moved past "next epoch"; the caller has not loaded the new pass yet */
  awaitingPass: boolean;
}

export type StepperAction =
  /** a new pass: back to the first step, or (keepPosition, same shape) stay on the same step */
  | { type: 'load'; phases: Phase[]; keepPosition?: boolean }
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'jump'; phase: Phase }
  | { type: 'goto'; index: number }
  | { type: 'play' }
  | { type: 'pause' }
  /** one beat of "play through slowly": the next step, stopping on the last */
  | { type: 'tick' };

export function initialStepperState(phases: Phase[] = []): StepperState {
  return { phases, index: 0, playing: false, awaitingPass: false };
}

const lastIndex = (state: StepperState) => Math.max(0, state.phases.length - 1);

/** The first step of a phase, or −1. */
export function firstStepOf(phases: readonly Phase[], phase: Phase): number {
  return phases.indexOf(phase);
}

/** True when this action moves past the last step ("next epoch"): the caller should compute a new pass. */
export function requestsNextEpoch(state: StepperState, action: StepperAction): boolean {
  return action.type === 'next' && !state.awaitingPass && state.phases.length > 0 && state.index === lastIndex(state);
}

export function stepperReducer(state: StepperState, action: StepperAction): StepperState {
  switch (action.type) {
    case 'load': {
      const samePlace =
        action.keepPosition && !state.awaitingPass && action.phases.length === state.phases.length && action.phases.every((p, k) => p === state.phases[k]);
      return { phases: action.phases, index: samePlace ? state.index : 0, playing: samePlace ? state.playing : false, awaitingPass: false };
    }
    case 'next':
      if (state.awaitingPass || state.phases.length === 0) return state;
      if (state.index === lastIndex(state)) return { ...state, playing: false, awaitingPass: true };
      return { ...state, index: state.index + 1, playing: false };
    case 'previous':
      // while the new pass is on its way the old steps are stale; stay put
      if (state.awaitingPass || state.index === 0) return state.playing ? { ...state, playing: false } : state;
      return { ...state, index: state.index - 1, playing: false };
    case 'jump': {
      const target = firstStepOf(state.phases, action.phase);
      if (target < 0 || state.awaitingPass) return state;
      return { ...state, index: target, playing: false };
    }
    case 'goto': {
      if (state.awaitingPass || !Number.isInteger(action.index) || action.index < 0 || action.index > lastIndex(state)) return state;
      return { ...state, index: action.index, playing: false };
    }
    case 'play':
      if (state.awaitingPass || state.phases.length === 0) return state;
      // from the last step, play starts the pass over
      return { ...state, playing: true, index: state.index === lastIndex(state) ? 0 : state.index };
    case 'pause':
      return state.playing ? { ...state, playing: false } : state;
    case 'tick': {
      if (!state.playing || state.awaitingPass) return state;
      const index = Math.min(state.index + 1, lastIndex(state));
      return { ...state, index, playing: index < lastIndex(state) };
    }
  }
}

/**
 * Dispatches a user action and, when it moves past "next epoch", asks the caller for a new pass.
 * The panel's buttons and the container's keyboard hook both go through this.
 */
export function runStepperAction(state: StepperState, action: StepperAction, dispatch: (action: StepperAction) => void, onNextEpoch: () => void): void {
  const request = requestsNextEpoch(state, action);
  dispatch(action);
  if (request) onNextEpoch();
}
