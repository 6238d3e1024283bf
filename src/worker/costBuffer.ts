/**
 * The outgoing batch of per-epoch costs. Each flush transfers its buffer to the page and starts
 * a fresh one sized to the last batch, so a slice at full speed usually fits in one message.
 */
import type { LabEvent } from './protocol';

const MIN_CAPACITY = 64;
const MAX_CAPACITY = 1 << 16;

export class CostBuffer {
  array = new Float64Array(MIN_CAPACITY);
  /** costs held */
  length = 0;
  /** epochs completed before array[0]'s epoch */
  start = 0;

  get room(): number {
    return this.array.length - this.length;
  }

  restart(epoch: number): void {
    this.start = epoch;
    this.length = 0;
  }

  flush(post: (event: LabEvent, transfer: Transferable[]) => void, runId: number): void {
    if (this.length === 0) return;
    const costs = this.array.subarray(0, this.length);
    post({ type: 'costs', runId, startEpoch: this.start, costs }, [this.array.buffer]);
    this.start += this.length;
    let capacity = MIN_CAPACITY;
    while (capacity < this.length * 2 && capacity < MAX_CAPACITY) capacity *= 2;
    this.array = new Float64Array(capacity);
    this.length = 0;
  }
}
