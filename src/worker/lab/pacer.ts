/**
 * Paces training at a set speed (epochs per second) and measures the speed reached.
 * At 'max' every slice trains as much as it can; slower speeds owe epochs as time passes.
 */
import type { Speed } from './protocol';

const RATE_WINDOW_MS = 500;
/** Slices come at most this often at paced speeds above 60 epochs a second. */
const PACED_SLICE_MS = 16;

export class Pacer {
  speed: Speed = 'max';
  /** measured over the last RATE_WINDOW_MS */
  epochsPerSecond = 0;
  private anchorAt = 0;
  private anchorEpoch = 0;
  private rateAt = 0;
  private rateEpoch = 0;

  /** Counts from now on: `ahead` epochs are due at once (Play trains its first epoch straight away). */
  anchor(now: number, epoch: number, ahead = 0): void {
    this.anchorAt = now;
    this.anchorEpoch = epoch + ahead;
  }

  startMeasuring(now: number, epoch: number): void {
    this.rateAt = now;
    this.rateEpoch = epoch;
    this.epochsPerSecond = 0;
  }

  /** How many epochs are due at `now` when `epoch` are done (Infinity at max speed). */
  owed(now: number, epoch: number): number {
    if (this.speed === 'max') return Infinity;
    // fallen far behind (a slow network, a sleeping tab): carry on from now instead of bursting
    if (this.due(now) - epoch > this.speed / 4 + 1) this.anchor(now, epoch, 1);
    return Math.max(0, this.due(now) - epoch);
  }

  /** Milliseconds until the next slice: 0 at max speed, else when the next epoch falls due. */
  delay(now: number, epoch: number): number {
    if (this.speed === 'max') return 0;
    const dueAt = this.anchorAt + ((epoch + 1 - this.anchorEpoch) * 1000) / this.speed;
    return Math.max(this.speed > 1000 / PACED_SLICE_MS ? PACED_SLICE_MS : 0, dueAt - now);
  }

  measure(now: number, epoch: number): void {
    if (now - this.rateAt < RATE_WINDOW_MS) return;
    this.epochsPerSecond = ((epoch - this.rateEpoch) * 1000) / (now - this.rateAt);
    this.rateAt = now;
    this.rateEpoch = epoch;
  }

  private due(now: number): number {
    return this.anchorEpoch + Math.floor(((now - this.anchorAt) * (this.speed as number)) / 1000);
  }
}
