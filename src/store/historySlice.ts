import type { StateCreator } from 'zustand/vanilla';
import type { CostHistory, HistorySlice, LabState } from './types';

/** Epochs the history can hold without ever copying (the address space is reserved, memory is used as it fills). */
export const GROWABLE_HISTORY_EPOCHS = 1 << 25;

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

export const createHistorySlice: StateCreator<LabState, [], [], HistorySlice> = () => ({
  history: { runId: 0, costs: growableCosts(1 << 14), length: 0 },
});

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
