/**
 * What each tour step sets up and runs by itself, through the store's actions only. Each resolves
 * with a problem in words, or null once the lab shows what the step's sentence is about.
 */
import { type LabConfig, type Problem, questionConfig } from '../../engine';
import { gateComparisonRows } from '../../store/bugLabSlice';
import type { LabStore } from '../../store/labStore';
import { whenState } from '../../store/storySlice';
import type { LabState } from '../../store/types';
import { DEFAULT_SWEEP_STARTS } from '../../worker/sweep/sweepProtocol';
import { largestCostGap } from './largestCostGap';
import { QUESTION_AND } from './storySetup';
import type { TourStepId } from './tourSteps';

/** The question's AND with both fixes: f′(z) in BP2 and the gradient ÷ samples. */
export const FIXED_AND: LabConfig = { ...QUESTION_AND, derivative: 'correct', gradientDivisor: 'samples' };

/** The question's [2,2,1] on XOR with the correct derivative (still ÷ features), from a start that gets stuck … */
export const XOR_STUCK: LabConfig = { ...questionConfig('XOR'), derivative: 'correct', seed: 3 };
/** … from one that solves it (both seeds found by running; tests/tour/tourRuns.test.ts keeps them true) … */
export const XOR_SOLVED: LabConfig = { ...XOR_STUCK, seed: 1 };
/** … and the stuck start's seed with four hidden units (the answer's 2-4-1 shape). */
export const XOR_STUCK_FOUR_UNITS: LabConfig = { ...XOR_STUCK, hidden: [4] };

const same = (a: LabConfig | null, b: LabConfig) => a !== null && JSON.stringify(a) === JSON.stringify(b);

/** The twin run of the question's AND, run unless the bug lab already holds it. */
async function ensureQuestionTwin(store: LabStore): Promise<Problem | null> {
  const state = store.getState();
  const twin = state.bugLab.twin;
  if (twin.status === 'done' && same(twin.config, QUESTION_AND) && twin.result) return null;
  if (!same(state.config, QUESTION_AND) || state.stop.maxEpochs !== QUESTION_AND.epochs) {
    const problem = state.loadConfig(QUESTION_AND);
    if (problem) return problem;
  }
  if (twin.status === 'running') store.getState().cancelTwin();
  await store.getState().runTwin();
  const after = store.getState().bugLab.twin;
  return after.status === 'done' ? null : (after.error ?? 'the twin run was cancelled');
}

/**
 * The gate comparison (the question's net on OR, AND and XOR, both derivatives, the same seeds):
 * kept rows are used as they are, else it runs with `starts` per gate.
 */
export async function ensureGateRows(store: LabStore, starts = DEFAULT_SWEEP_STARTS): Promise<Problem | null> {
  const complete = (s: LabState) => gateComparisonRows(s).every((row) => row.result !== null);
  if (complete(store.getState())) return null;
  // one already running (the Bug lab's button) is waited for, not started twice
  if (store.getState().bugLab.gates.status === 'running') await whenState(store.subscribe, store.getState, (s) => s.bugLab.gates.status !== 'running');
  else await store.getState().compareGates(starts);
  const gates = store.getState().bugLab.gates;
  if (complete(store.getState())) return null;
  return gates.error ?? (gates.status === 'cancelled' ? 'the gate comparison was cancelled' : 'the gate comparison did not finish');
}

/** The epoch of step 3: where the question's AND twins' costs differ most. */
function saturationEpoch(state: LabState): number | null {
  const twin = state.bugLab.twin;
  if (!twin.result || !same(twin.config, QUESTION_AND)) return null;
  return largestCostGap(twin.result.correct.costs, twin.result.buggy.costs)?.epoch ?? null;
}

async function passesAt(store: LabStore, epoch: number): Promise<Problem | null> {
  store.getState().requestPasses();
  await whenState(
    store.subscribe,
    store.getState,
    (s) => s.run.error !== null || (s.stepThrough.passes?.runId === s.run.runId && s.stepThrough.passes.epoch === epoch),
  );
  return store.getState().run.error;
}

/** Sets the lab up for a step and runs what it needs. */
export async function runTourStep(store: LabStore, id: TourStepId, gateStarts = DEFAULT_SWEEP_STARTS): Promise<Problem | null> {
  const state = store.getState();
  switch (id) {
    case 'question':
      state.setUi({ mode: 'live' });
      return state.openRun(QUESTION_AND, QUESTION_AND.epochs);
    case 'twin':
      state.setUi({ mode: 'buglab' });
      return ensureQuestionTwin(store);
    case 'saturation': {
      const problem = await ensureQuestionTwin(store);
      if (problem) return problem;
      const epoch = saturationEpoch(store.getState());
      if (epoch === null) return 'the twin run left no epoch to inspect';
      return (await store.getState().inspectEpoch(QUESTION_AND, epoch)) ?? passesAt(store, epoch);
    }
    case 'fix':
      state.setUi({ mode: 'live' });
      return state.openRun(FIXED_AND, FIXED_AND.epochs);
    case 'gates':
      state.setUi({ mode: 'buglab' });
      return ensureGateRows(store, gateStarts);
    case 'xor':
      state.setUi({ mode: 'live' });
      return state.openRun(XOR_STUCK, XOR_STUCK.epochs);
  }
}
