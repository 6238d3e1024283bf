import type { DerivativeMode, LabConfig } from '../engine';
import type { LabEvent } from '../worker/lab/protocol';
import type { RunSlice } from './runSlice';
import { type SettingChange, settingChanges } from './settingMarkers';
import type { SliceCreator } from './sliceCreator';
import type { SnapshotSlice } from './snapshotSlice';

export interface CostHistory {
  runId: number;
  /** costs[k] is the cost at epoch k + 1 (after its update), valid for k < length (the array has spare capacity) */
  costs: Float64Array;
  length: number;
}

/** The cost history of the run before the current one, kept for comparison until cleared. */
interface GhostHistory {
  /** the run it came from */
  runId: number;
  /** the derivative its last epochs trained with (the curve names it) */
  derivative: DerivativeMode;
  costs: Float64Array;
  length: number;
}

/** A training setting changed mid-run: the epochs after `epoch` trained with it. */
interface SettingMarker {
  epoch: number;
  changes: SettingChange[];
}

export interface HistorySlice {
  history: CostHistory;
  ghost: GhostHistory | null;
  /** this run's mid-run setting changes, in epoch order */
  costMarkers: SettingMarker[];
  /** the settings the worker trains the current run with (from its run and configured events) */
  trainedConfig: LabConfig | null;
  /** the settings the history's last epoch trained with (a change after it trained nothing yet) */
  lastEpochConfig: LabConfig | null;
  clearGhost(): void;
}

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

export const createHistorySlice: SliceCreator<HistorySlice> = (set) => ({
  history: { runId: 0, costs: growableCosts(1 << 14), length: 0 },
  ghost: null,
  costMarkers: [],
  trainedConfig: null,
  lastEpochConfig: null,
  clearGhost: () => set({ ghost: null }),
});

/**
 * A new run's history: the run before it, if it trained at all, becomes the ghost (its buffer changes
 * hands, no copy) and the new run takes the old ghost's buffer or a fresh one.
 */
function startHistory(
  state: Pick<HistorySlice, 'history' | 'ghost' | 'trainedConfig' | 'lastEpochConfig'>,
  runId: number,
  config: LabConfig,
): Pick<HistorySlice, 'history' | 'ghost' | 'costMarkers' | 'trainedConfig' | 'lastEpochConfig'> {
  const { history, ghost } = state;
  if (history.length === 0)
    return { history: { runId, costs: history.costs, length: 0 }, ghost, costMarkers: [], trainedConfig: config, lastEpochConfig: null };
  // named for what its last epochs trained with: a switch made after them (then Reset) trained nothing
  const { derivative } = state.lastEpochConfig ?? state.trainedConfig ?? config;
  return {
    history: { runId, costs: ghost?.costs ?? growableCosts(1 << 14), length: 0 },
    ghost: { runId: history.runId, derivative, costs: history.costs, length: history.length },
    costMarkers: [],
    trainedConfig: config,
    lastEpochConfig: null,
  };
}

/** After a "configured" event (same weights, new options): a marker at the epoch the history has reached, if a training setting changed. */
function markSettingChange(
  state: Pick<HistorySlice, 'history' | 'costMarkers' | 'trainedConfig'>,
  config: LabConfig,
): Pick<HistorySlice, 'costMarkers' | 'trainedConfig'> {
  const changes = state.trainedConfig ? settingChanges(state.trainedConfig, config) : [];
  const epoch = state.history.length;
  if (changes.length === 0 || epoch === 0) return { costMarkers: state.costMarkers, trainedConfig: config };
  const last = state.costMarkers[state.costMarkers.length - 1];
  // two changes between the same epochs are one marker
  const markers =
    last?.epoch === epoch ? [...state.costMarkers.slice(0, -1), { epoch, changes: [...last.changes, ...changes] }] : [...state.costMarkers, { epoch, changes }];
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
export function costAtEpoch(state: Pick<HistorySlice, 'history'> & Pick<SnapshotSlice, 'snapshot'> & Pick<RunSlice, 'run'>, epoch: number): number | null {
  const { history, snapshot } = state;
  if (snapshot && snapshot.runId === state.run.runId && snapshot.epoch === epoch) return snapshot.cost;
  if (history.runId === state.run.runId && epoch >= 1 && epoch <= history.length) return history.costs[epoch - 1];
  return null;
}

/** A new run starts the history again; costs extend it; changed options mark the curve. */
export function historyOnEvent(
  state: Pick<HistorySlice, 'history' | 'ghost' | 'costMarkers' | 'trainedConfig' | 'lastEpochConfig'>,
  event: LabEvent,
): Partial<HistorySlice> {
  switch (event.type) {
    case 'runStarted':
      return startHistory(state, event.runId, event.config);
    case 'configured':
      return markSettingChange(state, event.config);
    case 'costs':
      return { history: appendCosts(state.history, event.startEpoch, event.costs), lastEpochConfig: state.trainedConfig };
    default:
      return {};
  }
}
