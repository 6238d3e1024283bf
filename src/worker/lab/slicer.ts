/**
 * Training in time-boxed slices. Epochs run in chunks of about CHUNK_MS, with a look at the clock
 * between chunks, so a slice ends by its deadline whatever the network's size. Each chunk ends on
 * the next checkpoint, and its costs go straight into the outgoing batch.
 */
import type { Run, StopReason, StopSettings } from '../../engine';
import type { Checkpoints } from './checkpoints';
import type { CostBuffer } from './costBuffer';

/** A training chunk aims at this long, so the clock is read about eight times a slice. */
const CHUNK_MS = 1;

export class Slicer {
  /** ms per epoch, measured on chunks long enough for the clock; 0 until measured */
  private msPerEpoch = 0;
  private chunk = 1;
  private measuredEpochs = 0;
  private measuredMs = 0;

  constructor(
    private readonly now: () => number,
    private readonly costs: CostBuffer,
    private readonly checkpoints: Checkpoints,
    /** sends the outgoing batch when it is full */
    private readonly flush: () => void,
  ) {}

  /** Forget the measured speed (a new network trains at its own). */
  reset(): void {
    this.msPerEpoch = 0;
    this.chunk = 1;
    this.measuredEpochs = 0;
    this.measuredMs = 0;
  }

  /** Trains until the deadline, `owed` epochs, or a stop condition; returns that condition, if any. */
  trainSlice(run: Run, owed: number, deadline: number, stop: StopSettings): StopReason | null {
    let left = owed;
    while (left > 0) {
      const t0 = this.now();
      const remaining = deadline - t0;
      if (remaining <= 0) break;
      let n = Math.min(this.chunk, left);
      if (this.msPerEpoch > 0) n = Math.min(n, Math.floor(remaining / this.msPerEpoch));
      // an epoch longer than the slice (a big network on big data) still trains one per slice
      if (n < 1 && left < owed) break;
      n = Math.max(n, 1);
      const { ran, reason } = this.trainChunk(run, n, stop);
      left -= ran;
      this.measure(ran, this.now() - t0);
      if (reason !== 'epochs') return reason;
    }
    return null;
  }

  /** Up to n epochs, ending on the next checkpoint; their costs go to the outgoing batch. */
  trainChunk(run: Run, n: number, stop: StopSettings): { ran: number; reason: StopReason } {
    const trainer = run.trainer;
    if (this.costs.room === 0) this.flush();
    const count = Math.min(n, this.checkpoints.nextAfter(trainer.epoch) - trainer.epoch, this.costs.room);
    const result = trainer.train(count, this.costs.array, this.costs.length, stop);
    this.costs.length += result.ran;
    this.checkpoints.offer(trainer.epoch, run.net.params, trainer.options);
    return result;
  }

  /**
   * Sizes the next chunk to ~CHUNK_MS. Short chunks are summed until the clock can resolve
   * them (a browser's clock ticks in 0.1 ms), and until then the chunk doubles.
   */
  private measure(epochs: number, ms: number): void {
    this.measuredEpochs += epochs;
    this.measuredMs += ms;
    if (this.measuredMs >= CHUNK_MS / 4 && this.measuredEpochs > 0) {
      const perEpoch = this.measuredMs / this.measuredEpochs;
      this.msPerEpoch = this.msPerEpoch > 0 ? 0.7 * this.msPerEpoch + 0.3 * perEpoch : perEpoch;
      this.chunk = Math.max(1, Math.round(CHUNK_MS / this.msPerEpoch));
      this.measuredEpochs = 0;
      this.measuredMs = 0;
    } else if (this.msPerEpoch === 0) this.chunk = Math.min(this.chunk * 2, 1 << 16);
  }
}
