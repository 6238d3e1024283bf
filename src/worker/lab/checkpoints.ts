/**
 * Copies of the parameters every k epochs, so the page can scrub back through a run.
 * Memory stays bounded: when more than `capacity` are held, k doubles and every checkpoint
 * off the new grid is dropped, which keeps the kept epochs evenly spread over the whole run.
 */
import type { TrainOptions } from '../../engine';

export interface Checkpoint {
  epoch: number;
  params: Float64Array;
  /** the options the next epoch trains with (a scrubbed pass is shown with these) */
  options: TrainOptions;
}

const DEFAULT_CHECKPOINT_CAPACITY = 256;

export class Checkpoints {
  /** keep a checkpoint at every multiple of this epoch count */
  interval = 1;
  private list: Checkpoint[] = [];

  constructor(readonly capacity = DEFAULT_CHECKPOINT_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 2) throw new RangeError(`capacity: expected a whole number ≥ 2, got ${capacity}`);
  }

  get size(): number {
    return this.list.length;
  }

  get epochs(): number[] {
    return this.list.map((c) => c.epoch);
  }

  /** The first epoch after `epoch` that falls on the grid (training chunks end there). */
  nextAfter(epoch: number): number {
    return (Math.floor(epoch / this.interval) + 1) * this.interval;
  }

  /** Keeps a copy when `epoch` is on the grid and later than the last one kept. */
  offer(epoch: number, params: Float64Array, options: TrainOptions): void {
    if (epoch % this.interval !== 0) return;
    const last = this.list[this.list.length - 1];
    if (last && last.epoch >= epoch) return;
    this.list.push({ epoch, params: params.slice(), options });
    while (this.list.length > this.capacity) {
      this.interval *= 2;
      this.list = this.list.filter((c) => c.epoch % this.interval === 0);
    }
  }

  /** The latest checkpoint at or before `epoch` (the first one when `epoch` is earlier). */
  at(epoch: number): Checkpoint | null {
    const list = this.list;
    if (list.length === 0) return null;
    let lo = 0;
    let hi = list.length - 1;
    if (epoch <= list[0].epoch) return list[0];
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (list[mid].epoch <= epoch) lo = mid;
      else hi = mid - 1;
    }
    return list[lo];
  }

  clear(): void {
    this.interval = 1;
    this.list = [];
  }
}
