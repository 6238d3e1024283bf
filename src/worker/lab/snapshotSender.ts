/**
 * Sends the training worker's snapshots: the live run's, timed so the handler can keep them within
 * their share of the worker's time, and a checkpoint's while the page scrubs.
 */
import type { GridEvaluator, Run } from '../../engine';
import type { Checkpoint } from './checkpoints';
import type { LabEvent } from './protocol';
import { buildSnapshot, postSnapshot } from './snapshot';

/** At most one snapshot per frame. */
export const FRAME_MS = 16;
/** Snapshots may take at most this share of the worker's time (big networks snapshot less often). */
const SNAPSHOT_SHARE = 0.08;

type Post = (event: LabEvent, transfer: Transferable[]) => void;

export class SnapshotSender {
  /** the epoch of the last live snapshot sent (−1: none yet in this run), and when, and what it cost */
  epoch = -1;
  private at = -Infinity;
  private ms = 0;

  constructor(
    private readonly post: Post,
    private readonly now: () => number,
  ) {}

  /** What the last live snapshots cost to build and send, in ms (a running mean). */
  get costMs(): number {
    return this.ms;
  }

  /** A new run: its first snapshot is due whatever the clock says. */
  restart(): void {
    this.epoch = -1;
  }

  /** Whether a running lab should send one now: the epoch moved on and (unless every epoch is shown) a frame has passed and the last one's cost is paid off. */
  due(now: number, epoch: number, everyEpoch: boolean): boolean {
    return epoch !== this.epoch && (everyEpoch || now - this.at >= Math.max(FRAME_MS, this.ms / SNAPSHOT_SHARE));
  }

  /** The live network as it is now. */
  sendLive(run: Run, runId: number, grid: GridEvaluator): void {
    const t0 = this.now();
    const snapshot = buildSnapshot({
      runId,
      epoch: run.trainer.epoch,
      network: run.net,
      data: run.data,
      options: run.trainer.options,
      grid,
      overflows: run.trainer.lastOverflows,
      divergence: run.trainer.divergence,
      scrubbed: false,
    });
    postSnapshot(this.post, runId, snapshot);
    const t1 = this.now();
    this.ms = 0.5 * this.ms + 0.5 * (t1 - t0);
    this.at = t1;
    this.epoch = run.trainer.epoch;
  }

  /** The network as it was at a checkpoint (scrubbing); does not count as the live snapshot. */
  sendCheckpoint(run: Run, runId: number, grid: GridEvaluator, checkpoint: Checkpoint): void {
    const snapshot = buildSnapshot({
      runId,
      epoch: checkpoint.epoch,
      network: run.net,
      params: checkpoint.params,
      data: run.data,
      options: checkpoint.options,
      grid,
      overflows: 0,
      divergence: null,
      scrubbed: true,
    });
    postSnapshot(this.post, runId, snapshot);
  }
}
