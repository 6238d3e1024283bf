/**
 * The outgoing batch of per-epoch costs. Each flush transfers its buffer to the page and starts
 * another, sized to the last batch, so a frame's training usually fits in one message. The page
 * hands buffers back once it has copied them (`recycle`), so at full speed the worker keeps
 * reusing a few buffers instead of allocating megabytes a second for the garbage collector.
 */
import type { LabEvent } from './protocol';

const MIN_CAPACITY = 64;
const MAX_CAPACITY = 1 << 16;
const POOL_SIZE = 4;

export class CostBuffer {
  array: Float64Array<ArrayBuffer> = new Float64Array(MIN_CAPACITY);
  /** costs held */
  length = 0;
  /** epochs completed before array[0]'s epoch */
  start = 0;
  private readonly pool: ArrayBuffer[] = [];

  get room(): number {
    return this.array.length - this.length;
  }

  restart(epoch: number): void {
    this.start = epoch;
    this.length = 0;
  }

  /** Takes back a buffer the page no longer needs. */
  recycle(buffer: ArrayBuffer): void {
    if (buffer instanceof ArrayBuffer && buffer.byteLength >= MIN_CAPACITY * 8 && buffer.byteLength <= MAX_CAPACITY * 8 && this.pool.length < POOL_SIZE)
      this.pool.push(buffer);
  }

  flush(post: (event: LabEvent, transfer: Transferable[]) => void, runId: number): void {
    if (this.length === 0) return;
    const costs = this.array.subarray(0, this.length);
    post({ type: 'costs', runId, startEpoch: this.start, costs }, [this.array.buffer]);
    this.start += this.length;
    let capacity = MIN_CAPACITY;
    while (capacity < this.length * 1.5 && capacity < MAX_CAPACITY) capacity *= 2;
    this.array = this.take(capacity);
    this.length = 0;
  }

  private take(capacity: number): Float64Array<ArrayBuffer> {
    const k = this.pool.findIndex((buffer) => buffer.byteLength >= capacity * 8);
    if (k >= 0) return new Float64Array(this.pool.splice(k, 1)[0]);
    return new Float64Array(capacity);
  }
}
