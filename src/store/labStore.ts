/**
 * The lab's vanilla Zustand store, built from slices. React reads it through the hooks in
 * hooks.ts; tests and the worker bridge use it directly, without React.
 */
import { type StoreApi, createStore } from 'zustand/vanilla';
import type { LabCommand, LabEvent } from '../worker/lab/protocol';
import { configOnEvent, createConfigSlice } from './configSlice';
import { createHistorySlice, historyOnEvent } from './historySlice';
import { createHoverSlice, hoverOnEvent } from './hoverSlice';
import { noWorker } from './pendingRequests';
import { createRunSlice, runOnEvent } from './runSlice';
import { createShareSlice } from './shareSlice';
import { createSnapshotSlice, snapshotOnEvent } from './snapshotSlice';
import { applyStepEvent, createStepSlice, isStepEvent } from './stepSlice';
import { createBugLabSlice } from './bugLabSlice';
import { createExerciseSlice } from './exerciseSlice';
import { createStorySlice } from './storySlice';
import type { LabState } from './types';

export type LabStore = StoreApi<LabState>;

export function createLabStore(): LabStore {
  return createStore<LabState>()((set, get, api) => ({
    ...createConfigSlice(set, get, api),
    ...createRunSlice(set, get, api),
    ...createHistorySlice(set, get, api),
    ...createSnapshotSlice(set, get, api),
    ...createHoverSlice(set, get, api),
    ...createShareSlice(set, get, api),
    ...createStepSlice(set, get, api),
    ...createBugLabSlice(set, get, api),
    ...createExerciseSlice(set, get, api),
    ...createStorySlice(set, get, api),
    send: (_command: LabCommand) => {},
    request: noWorker,
    receive: (event: LabEvent) => set(applyEvent(get(), event)),
    receiveAll: (events: readonly LabEvent[]) => {
      // fold the events over a working copy, then publish once
      let state = get();
      const changes: Partial<LabState> = {};
      for (const event of events) {
        const change = applyEvent(state, event);
        state = { ...state, ...change };
        Object.assign(changes, change);
      }
      set(changes);
    },
  }));
}

/**
 * What one worker event changes: each slice's reducer gives its own part. Events of an earlier run
 * (still in flight after a reset) are dropped here, once for all of them.
 */
export function applyEvent(state: LabState, event: LabEvent): Partial<LabState> {
  if (event.type === 'error' || event.type === 'answered') return runOnEvent(state, event);
  if (isStepEvent(event)) return applyStepEvent(state, event);
  if (event.type === 'runStarted' ? event.runId < state.run.runId : event.runId !== state.run.runId) return {};
  return {
    ...configOnEvent(event),
    ...runOnEvent(state, event),
    ...historyOnEvent(state, event),
    ...snapshotOnEvent(state, event),
    ...hoverOnEvent(state, event),
  };
}
