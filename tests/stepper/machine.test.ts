import { describe, expect, test, vi } from 'vitest';
import {
  type StepperAction,
  type StepperState,
  firstStepOf,
  initialStepperState,
  requestsNextEpoch,
  runStepperAction,
  stepperReducer,
} from '../../src/views/stepper/machine';
import { stepPhases } from '../../src/views/stepper/steps';

const phases = stepPhases([2, 2, 1]); // 14 steps, the last is "next"
const last = phases.length - 1;
const run = (actions: StepperAction[], from = initialStepperState(phases)): StepperState => actions.reduce(stepperReducer, from);
const at = (index: number, extra: Partial<StepperState> = {}): StepperState => ({ ...initialStepperState(phases), index, ...extra });

describe('moving through the pass', () => {
  test('next and previous move one step and stop at the first step', () => {
    expect(run([{ type: 'next' }, { type: 'next' }]).index).toBe(2);
    expect(run([{ type: 'next' }, { type: 'previous' }, { type: 'previous' }]).index).toBe(0);
  });
  test('jump goes to the first step of a phase', () => {
    expect(run([{ type: 'jump', phase: 'bp2' }]).index).toBe(phases.indexOf('bp2'));
    expect(run([{ type: 'jump', phase: 'update' }]).index).toBe(11);
    expect(firstStepOf(phases, 'bp4')).toBe(8);
  });
  test('a phase the network does not have leaves the state alone', () => {
    const noHidden = initialStepperState(stepPhases([2, 1]));
    expect(stepperReducer(noHidden, { type: 'jump', phase: 'bp2' })).toBe(noHidden);
  });
  test('goto is bounded', () => {
    expect(run([{ type: 'goto', index: 5 }]).index).toBe(5);
    const s = at(3);
    expect(stepperReducer(s, { type: 'goto', index: 99 })).toBe(s);
    expect(stepperReducer(s, { type: 'goto', index: -1 })).toBe(s);
    expect(stepperReducer(s, { type: 'goto', index: 1.5 })).toBe(s);
  });
  test('with no pass loaded nothing moves', () => {
    const empty = initialStepperState();
    for (const action of [{ type: 'next' }, { type: 'play' }, { type: 'tick' }] as StepperAction[]) expect(stepperReducer(empty, action)).toEqual(empty);
  });
});

describe('next epoch', () => {
  test('next on the last step asks for a new pass once and waits for it', () => {
    const end = at(last);
    expect(requestsNextEpoch(end, { type: 'next' })).toBe(true);
    expect(requestsNextEpoch(at(last - 1), { type: 'next' })).toBe(false);
    const waiting = stepperReducer(end, { type: 'next' });
    expect(waiting).toMatchObject({ index: last, awaitingPass: true });
    expect(requestsNextEpoch(waiting, { type: 'next' })).toBe(false);
    for (const action of [{ type: 'next' }, { type: 'previous' }, { type: 'jump', phase: 'cost' }, { type: 'play' }] as StepperAction[]) {
      expect(stepperReducer(waiting, action)).toMatchObject({ index: last, awaitingPass: true });
    }
  });
  test('the new pass starts over at the first step', () => {
    const waiting = stepperReducer(at(last), { type: 'next' });
    expect(stepperReducer(waiting, { type: 'load', phases, keepPosition: true })).toEqual(initialStepperState(phases));
  });
  test('runStepperAction calls the caller exactly when the pass is over', () => {
    const onNextEpoch = vi.fn();
    const dispatch = vi.fn();
    runStepperAction(at(3), { type: 'next' }, dispatch, onNextEpoch);
    expect(onNextEpoch).not.toHaveBeenCalled();
    runStepperAction(at(last), { type: 'next' }, dispatch, onNextEpoch);
    expect(onNextEpoch).toHaveBeenCalledTimes(1);
    expect(dispatch).toHaveBeenCalledTimes(2);
  });
});

describe('loading a pass', () => {
  test('a pass of the same shape can keep the learner where they are (e.g. after switching the derivative)', () => {
    expect(stepperReducer(at(6), { type: 'load', phases, keepPosition: true }).index).toBe(6);
    expect(stepperReducer(at(6), { type: 'load', phases }).index).toBe(0);
  });
  test('a new shape always starts over', () => {
    const deeper = stepPhases([2, 3, 3, 1]);
    expect(stepperReducer(at(6), { type: 'load', phases: deeper, keepPosition: true })).toEqual(initialStepperState(deeper));
  });
});

describe('play through slowly', () => {
  test('each tick moves one step and play stops on the last step', () => {
    let s = run([{ type: 'play' }]);
    expect(s.playing).toBe(true);
    for (let k = 0; k < last; k++) s = stepperReducer(s, { type: 'tick' });
    expect(s).toMatchObject({ index: last, playing: false, awaitingPass: false });
    expect(stepperReducer(s, { type: 'tick' })).toBe(s);
  });
  test('ticks do nothing while paused; a manual step pauses', () => {
    const s = at(2);
    expect(stepperReducer(s, { type: 'tick' })).toBe(s);
    expect(run([{ type: 'play' }, { type: 'next' }], s)).toMatchObject({ index: 3, playing: false });
    expect(run([{ type: 'play' }, { type: 'pause' }, { type: 'tick' }], s)).toMatchObject({ index: 2, playing: false });
  });
  test('play from the last step starts the pass over', () => {
    expect(run([{ type: 'play' }], at(last))).toMatchObject({ index: 0, playing: true });
  });
});
