import type { StateCreator } from 'zustand/vanilla';
import type { LabConfig } from '../engine';
import { previousRunLabel, settingChangeLabel } from './settingMarkers';
import type { CostHistory, HistorySlice, LabState } from './types';

/** Epochs the history can hold without ever copying (the address space is reserved, memory is used as it fills). */
const GROWABLE_HISTORY_EPOCHS = 1 << 25;

interface ResizableBuffer extends ArrayBuffer {
  readonly resizable: boolean;
  readonly maxByteLength: number;
  resize(byteLength: number): void;
}

/**
 * A cost array on a resizable ArrayBuffer where the platform has one, so growing it to millions
 * of epochs never copies (a 64 MB copy would be a long task on the page); a plain array elsewhere.
 */
export function growableCosts(capacity: number): Float64Array {
  try {
    const Buffer = ArrayBuffer as unknown as new (byteLength: number, options: { maxByteLength: number }) => ResizableBuffer;
    const buffer = new Buffer(capacity * 8, { maxByteLength: GROWABLE_HISTORY_EPOCHS * 8 });
    if (buffer.resizable) return new Float64Array(buffer, 0, capacity);
  } catch {
    // no resizable buffers here: the array grows by copying
  }
  return new Float64Array(capacity);
}

export const createHistorySlice: StateCreator<LabState, [], [], HistorySlice> = (set) => ({
  history: { runId: 0, costs: growableCosts(1 << 14), length: 0 },
  ghost: null,
  costMarkers: [],
  trainedConfig: null,
  clearGhost: () => set({ ghost: null }),
});

/**
 * A new run's history: the run before it, if it trained at all, becomes the ghost (its buffer changes
 * hands, no copy) and the new run takes the old ghost's buffer or a fresh one.
 */
export function startHistory(state: Pick<LabState, 'history' | 'ghost' | 'trainedConfig'>, runId: number, config: LabConfig): Pick<HistorySlice, 'history' | 'ghost' | 'costMarkers' | 'trainedConfig'> {
  const { history, ghost } = state;
  if (history.length === 0) return { history: { runId, costs: history.costs, length: 0 }, ghost, costMarkers: [], trainedConfig: config };
  const label = previousRunLabel(state.trainedConfig ?? config);
  return {
    history: { runId, costs: ghost?.costs ?? growableCosts(1 << 14), length: 0 },
    ghost: { runId: history.runId, label, costs: history.costs, length: history.length },
    costMarkers: [],
    trainedConfig: config,
  };
}

/** After a "configured" event (same weights, new options): a marker at the epoch the history has reached, if a training setting changed. */
export function markSettingChange(state: Pick<LabState, 'history' | 'costMarkers' | 'trainedConfig'>, config: LabConfig): Pick<HistorySlice, 'costMarkers' | 'trainedConfig'> {
  const label = state.trainedConfig ? settingChangeLabel(state.trainedConfig, config) : null;
  const epoch = state.history.length;
  if (!label || epoch === 0) return { costMarkers: state.costMarkers, trainedConfig: config };
  const last = state.costMarkers[state.costMarkers.length - 1];
  // two changes between the same epochs are one marker
  const markers = last?.epoch === epoch ? [...state.costMarkers.slice(0, -1), { epoch, label: `${last.label}, ${label}` }] : [...state.costMarkers, { epoch, label }];
  return { costMarkers: markers, trainedConfig: config };
}

/**
 * The history with `costs` written from epoch index `start` on. The array doubles when full:
 * in place on a resizable buffer, else by one copy (about twenty copies for a million epochs).
 */
export function appendCosts(history: CostHistory, start: number, costs: Float64Array): CostHistory {
  const end = start + costs.length;
  let array = history.costs;
  if (end > array.length) {
    let capacity = Math.max(array.length, 1);
    while (capacity < end) capacity *= 2;
    const buffer = array.buffer as ResizableBuffer;
    if (buffer.resizable && capacity * 8 <= buffer.maxByteLength) {
      buffer.resize(capacity * 8);
      array = new Float64Array(buffer, 0, capacity);
    } else {
      const grown = new Float64Array(capacity);
      grown.set(array.subarray(0, Math.min(history.length, start)));
      array = grown;
    }
  }
  array.set(costs, start);
  return { runId: history.runId, costs: array, length: end };
}

/**
 * The cost at `epoch` (the whole dataset's cost after that epoch's update): the live snapshot's when it
 * shows that epoch (the same number as the history's, bit for bit, unless a weight was typed since),
 * else the history's while the snapshot lags behind a running lab. Null when neither has it.
 */
export function costAtEpoch(state: Pick<LabState, 'history' | 'snapshot' | 'run'>, epoch: number): number | null {
  const { history, snapshot } = state;
  if (snapshot && snapshot.runId === state.run.runId && snapshot.epoch === epoch) return snapshot.cost;
  if (history.runId === state.run.runId && epoch >= 1 && epoch <= history.length) return history.costs[epoch - 1];
  return null;
}
