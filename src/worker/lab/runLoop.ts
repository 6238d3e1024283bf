/**
 * The lab worker's run loop: play, train N epochs, one epoch, pause, and the scheduled slices in
 * between (at most SLICE_MS each, so a pause waiting in the queue is heard within a frame), with the
 * stop conditions, the speed and the status they report. handler.ts gives it each new run.
 */
import { type Problem, type Run, type StopSettings, engineMessage } from '../../engine';
import type { Checkpoints } from './checkpoints';
import type { CostBuffer } from './costBuffer';
import { type LabEvent, type LabStopReason, NO_STOP, type RunStatus, type Speed } from './protocol';
import { Pacer } from './pacer';
import { Slicer } from './slicer';
import { FRAME_MS, type SnapshotSender } from './snapshotSender';

export interface HandlerDeps {
  post(event: LabEvent, transfer: Transferable[]): void;
  /** milliseconds, monotonic */
  now(): number;
  /** runs fn after ms (0 = as soon as the queue allows); returns a cancel function */
  schedule(fn: () => void, ms: number): () => void;
}

/** Longest stretch of training between two looks at the message queue. */
export const SLICE_MS = 8;

interface RunLoopParts {
  costs: CostBuffer;
  checkpoints: Checkpoints;
  snapshots: SnapshotSender;
  /** the live snapshot of the current run */
  sendSnapshot(): void;
}

export class RunLoop {
  private run: Run | null = null;
  private runId = 0;
  private isRunning = false;
  /** epochs left of a "train N epochs" (Infinity for play) */
  private budget = Infinity;
  private stop: StopSettings = { ...NO_STOP };
  private stopReason: LabStopReason | null = null;
  private message: Problem | null = null;
  private cancelTick: (() => void) | null = null;
  /** when costs last went out */
  private costsAt = -Infinity;
  private readonly slicer: Slicer;
  /** pacing anchor for the slow speeds */
  private readonly pacer = new Pacer();

  constructor(
    private readonly deps: HandlerDeps,
    private readonly parts: RunLoopParts,
  ) {
    this.slicer = new Slicer(deps.now, parts.costs, parts.checkpoints, () => parts.costs.flush(deps.post, this.runId));
  }

  /** Training now (play or train N epochs), not paused or stopped. */
  get running(): boolean {
    return this.isRunning;
  }

  /** A new run: stopped, with no reason and no speed measured yet. */
  restart(run: Run, runId: number): void {
    this.halt();
    this.run = run;
    this.runId = runId;
    this.stopReason = null;
    this.message = null;
    this.pacer.epochsPerSecond = 0;
    this.slicer.reset();
  }

  setSpeed(speed: Speed): void {
    this.pacer.speed = speed;
    this.pacer.anchor(this.deps.now(), this.run?.trainer.epoch ?? 0);
    this.postStatus();
  }

  setStop(stop: StopSettings): void {
    this.stop = stop;
  }

  play(budget: number): void {
    const trainer = this.run!.trainer;
    if (this.isRunning) {
      this.budget = budget;
      return;
    }
    if (trainer.divergence) {
      this.refuse('diverged', engineMessage('divergedReset', { detail: trainer.divergence.message }));
      return;
    }
    if (this.stop.maxEpochs > 0 && trainer.epoch >= this.stop.maxEpochs) {
      this.refuse('maxEpochs', engineMessage('stopEpochLimitPlay', { limit: this.stop.maxEpochs.toLocaleString('en') }));
      return;
    }
    this.isRunning = true;
    this.budget = budget;
    this.stopReason = null;
    this.message = null;
    this.pacer.anchor(this.deps.now(), trainer.epoch, 1);
    this.pacer.startMeasuring(this.deps.now(), trainer.epoch);
    this.postStatus();
    this.cancelTick = this.deps.schedule(this.tick, 0);
  }

  pause(): void {
    if (this.isRunning) this.finish('paused', null);
  }

  trainOneEpoch(): void {
    this.pause();
    const trainer = this.run!.trainer;
    if (trainer.divergence) {
      this.refuse('diverged', engineMessage('divergedReset', { detail: trainer.divergence.message }));
      return;
    }
    const { reason } = this.slicer.trainChunk(this.run!, 1, NO_STOP);
    this.parts.costs.flush(this.deps.post, this.runId);
    this.stopReason = reason === 'diverged' ? 'diverged' : null;
    this.message = reason === 'diverged' ? trainer.divergence!.message : null;
    this.postStatus();
    this.parts.sendSnapshot();
  }

  /** Stops any scheduled slice. */
  halt(): void {
    this.isRunning = false;
    this.cancelTick?.();
    this.cancelTick = null;
  }

  postStatus(): void {
    const status: RunStatus = {
      running: this.isRunning,
      epoch: this.run?.trainer.epoch ?? 0,
      epochsPerSecond: this.isRunning ? this.pacer.epochsPerSecond : 0,
      speed: this.pacer.speed,
      stopReason: this.stopReason,
      message: this.message,
    };
    this.deps.post({ type: 'status', runId: this.runId, status }, []);
  }

  private refuse(reason: LabStopReason, message: Problem): void {
    this.stopReason = reason;
    this.message = message;
    this.postStatus();
  }

  /** One slice of a running training: as many epochs as the speed and SLICE_MS allow. */
  private readonly tick = (): void => {
    this.cancelTick = null;
    if (!this.isRunning || !this.run) return;
    const { costs, snapshots } = this.parts;
    const trainer = this.run.trainer;
    const start = this.deps.now();
    const owed = Math.min(this.budget, this.pacer.owed(start, trainer.epoch));
    const before = trainer.epoch;
    const reason = owed > 0 ? this.slicer.trainSlice(this.run, owed, start + SLICE_MS, this.stop) : null;
    const trained = trainer.epoch - before;
    if (this.budget !== Infinity) this.budget -= trained;
    const now = this.deps.now();
    this.pacer.measure(now, trainer.epoch);
    if (reason === 'diverged') {
      this.finish('diverged', trainer.divergence!.message);
      return;
    }
    if (reason === 'maxEpochs') {
      this.finish('maxEpochs', engineMessage('stopEpochLimit', { limit: this.stop.maxEpochs.toLocaleString('en') }));
      return;
    }
    if (reason === 'targetCost') {
      this.finish('targetCost', engineMessage('stopTargetCost', { target: String(this.stop.targetCost), epoch: trainer.epoch.toLocaleString('en') }));
      return;
    }
    if (this.budget <= 0) {
      this.finish('ranEpochs', null);
      return;
    }
    // slow speeds show every epoch; fast ones at most one snapshot a frame, fewer when snapshots are costly
    const speed = this.pacer.speed;
    const slow = speed !== 'max' && speed <= 1000 / FRAME_MS;
    const snapshotDue = snapshots.due(now, trainer.epoch, slow);
    // costs go out at most once a frame too (two slices a message at full speed): fewer messages for the page
    if (snapshotDue || now - this.costsAt >= FRAME_MS) {
      costs.flush(this.deps.post, this.runId);
      this.costsAt = now;
      if (!snapshotDue && snapshots.costMs > SLICE_MS) this.postStatus(); // costly snapshots come seldom: the epoch count still moves
    }
    if (snapshotDue) {
      this.postStatus();
      this.parts.sendSnapshot();
    }
    this.cancelTick = this.deps.schedule(this.tick, this.pacer.delay(this.deps.now(), trainer.epoch));
  };

  private finish(reason: LabStopReason, message: Problem | null): void {
    this.halt();
    this.parts.costs.flush(this.deps.post, this.runId);
    this.stopReason = reason;
    this.message = message;
    this.pacer.epochsPerSecond = 0;
    this.postStatus();
    if (this.run && this.run.trainer.epoch !== this.parts.snapshots.epoch) this.parts.sendSnapshot();
  }
}
