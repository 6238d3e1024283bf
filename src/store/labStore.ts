/**
 * The lab's vanilla Zustand store, built from slices. React reads it through the hooks in
 * hooks.ts; tests and the worker bridge use it directly, without React.
 */
import { type StoreApi, createStore } from 'zustand/vanilla';
import type { LabCommand, LabEvent } from '../worker/protocol';
import { createConfigSlice } from './configSlice';
import { appendCosts, createHistorySlice, markSettingChange, startHistory } from './historySlice';
import { createInspectSlice } from './inspectSlice';
import { createRunSlice } from './runSlice';
import { createSnapshotSlice } from './snapshotSlice';
import { createShareSlice } from './shareSlice';
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
    ...createInspectSlice(set, get, api),
    ...createShareSlice(set, get, api),
    ...createStepSlice(set, get, api),
    ...createBugLabSlice(set, get, api),
    ...createExerciseSlice(set, get, api),
    ...createStorySlice(set, get, api),
    send: (_command: LabCommand) => {},
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

/** What one worker event changes. Events of an earlier run (still in flight after a reset) are dropped. */
export function applyEvent(state: LabState, event: LabEvent): Partial<LabState> {
  if (event.type === 'error') return { run: { ...state.run, error: event.message } };
  if (isStepEvent(event)) return applyStepEvent(state, event);
  if (event.type === 'run') {
    if (event.runId < state.run.runId) return {};
    const sample = state.inspect.sample;
    return {
      config: event.config,
      data: event.data,
      initialNetwork: event.network,
      snapshot: null,
      scrubSnapshot: null,
      ...startHistory(state, event.runId, event.config),
      run: { ...state.run, runId: event.runId, running: false, epoch: 0, epochsPerSecond: 0, stopReason: null, message: null, error: null, limitOffer: false, carriedOver: null },
      inspect: { ...state.inspect, scrubEpoch: null, sample: sample === 'mean' || sample < event.data.count ? sample : 'mean' },
    };
  }
  if (event.runId !== state.run.runId) return {};
  switch (event.type) {
    case 'configured':
      // options changed, weights kept: the next epochs train on from these, and the curve marks the change
      return { ...markSettingChange(state, event.config), ...(state.run.epoch > 0 ? { run: { ...state.run, carriedOver: state.run.epoch } } : {}) };
    case 'costs':
      return { history: appendCosts(state.history, event.startEpoch, event.costs) };
    case 'snapshot':
      if (event.snapshot.scrubbed) return state.inspect.scrubEpoch === null ? {} : { scrubSnapshot: event.snapshot };
      return { snapshot: event.snapshot, run: { ...state.run, epoch: Math.max(state.run.epoch, event.snapshot.epoch) } };
    case 'status': {
      const { running, epoch, epochsPerSecond, stopReason, message } = event.status;
      const finished = stopReason !== null && stopReason !== 'paused' && stopReason !== 'step';
      const limitOffer = state.run.limitOffer && !running;
      return { run: { ...state.run, running, epoch, epochsPerSecond, stopReason, message, limitOffer, carriedOver: finished ? null : state.run.carriedOver } };
    }
  }
}
