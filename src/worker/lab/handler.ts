/**
 * The training worker's brain, as a pure message handler: no `self`, no timers of its own.
 * It is given `post`, `now` and `schedule`, so tests drive it in Node with a fake clock and
 * the worker file only wires it to the real ones.
 *
 * Training runs in slices of at most SLICE_MS so a "pause" waiting in the queue is heard
 * within a frame. Every epoch's cost goes out (batched, no gaps); the full snapshot goes out at
 * most once per frame while running (less often when it is expensive), after every step, and
 * whenever the user changes something that changes what the views show.
 *
 * Its parts: what runs are built from (runSetup.ts), checks on command arguments
 * (commandChecks.ts), snapshots and their timing (snapshotSender.ts), training in time-boxed
 * slices (slicer.ts) at a set speed (pacer.ts), costs (costBuffer.ts), checkpoints for scrubbing
 * (checkpoints.ts), and the step-through's and the weight editor's commands (inspectCommands.ts, paramEdit.ts).
 */
import {
  type GridEvaluator,
  type LabConfig,
  type Problem,
  type Run,
  type StopSettings,
  cloneNetwork,
  engineMessage,
  needsNewRun,
  problemOf,
  trainOptionsOf,
} from '../../engine';
import { Checkpoints } from './checkpoints';
import { checkedEpochs, checkedScrubEpoch, checkedSeed, checkedSpeed, checkedStop, nextSeed } from './commandChecks';
import { CostBuffer } from './costBuffer';
import { runInspectCommand } from './inspectCommands';
import { type LabCommand, type LabEvent, type LabStopReason, NO_STOP, type RunStartReason, type RunStatus } from './protocol';
import { Pacer } from './pacer';
import { setParameter } from './paramEdit';
import { RunSetup } from './runSetup';
import { Slicer } from './slicer';
import { gridFor } from './snapshot';
import { FRAME_MS, SnapshotSender } from './snapshotSender';
export { FRAME_MS } from './snapshotSender';

export interface HandlerDeps {
  post(event: LabEvent, transfer: Transferable[]): void;
  /** milliseconds, monotonic */
  now(): number;
  /** runs fn after ms (0 = as soon as the queue allows); returns a cancel function */
  schedule(fn: () => void, ms: number): () => void;
}

/** Longest stretch of training between two looks at the message queue. */
export const SLICE_MS = 8;

export class LabHandler {
  private readonly setup = new RunSetup();
  private run: Run | null = null;
  private grid: GridEvaluator | null = null;
  private runId = 0;
  private running = false;
  /** epochs left of a "run N" (Infinity for play) */
  private budget = Infinity;
  private stop: StopSettings = { ...NO_STOP };
  private stopReason: LabStopReason | null = null;
  private message: Problem | null = null;
  private readonly costs = new CostBuffer();
  private readonly checkpoints = new Checkpoints();
  private readonly snapshots: SnapshotSender;
  private cancelTick: (() => void) | null = null;
  /** when costs last went out */
  private costsAt = -Infinity;
  private readonly slicer: Slicer;
  /** pacing anchor for the slow speeds */
  private readonly pacer = new Pacer();

  constructor(private readonly deps: HandlerDeps) {
    this.slicer = new Slicer(deps.now, this.costs, this.checkpoints, () => this.costs.flush(deps.post, this.runId));
    this.snapshots = new SnapshotSender(deps.post, deps.now);
  }

  handle(command: LabCommand): void {
    const requestId = requestIdOf(command);
    try {
      this.dispatch(command);
      if (requestId !== null) this.deps.post({ type: 'answered', requestId, error: null }, []);
    } catch (err) {
      // a failure is reported in words; the handler's state is left as it was
      const message = problemOf(err);
      this.deps.post(requestId === null ? { type: 'error', message } : { type: 'answered', requestId, error: message }, []);
    }
  }

  /** Stops any scheduled slice (the worker is going away). */
  dispose(): void {
    this.halt();
  }

  private dispatch(command: LabCommand): void {
    if (command === null || typeof command !== 'object') throw new TypeError('expected a command object');
    switch (command.type) {
      case 'configure':
        this.configure(command.config, command.dropData === true);
        return;
      case 'setSpeed':
        this.pacer.speed = checkedSpeed(command.speed);
        this.pacer.anchor(this.deps.now(), this.run?.trainer.epoch ?? 0);
        this.postStatus();
        return;
      case 'setStop':
        this.stop = checkedStop(command.stop);
        return;
      case 'recycle':
        this.costs.recycle(command.buffer);
        return;
      case 'loadData':
        this.setup.loadData(command.data, (config) => this.startRun(config, 'loadData'));
        return;
      case 'loadNetwork':
        this.setup.loadNetwork(command.network, (config) => this.startRun(config, 'loadNetwork'));
        return;
    }
    const run = this.run;
    if (!run) throw new Error('no configuration yet: send configure first');
    const config = this.setup.config!;
    switch (command.type) {
      case 'reset':
        this.startRun(config, 'reset');
        return;
      case 'newSeed': {
        const seed = checkedSeed(command.seed ?? nextSeed(config.seed));
        this.setup.forgetNetwork();
        this.startRun({ ...config, seed }, 'newSeed');
        return;
      }
      case 'play':
        this.play(Infinity);
        return;
      case 'trainEpochs':
        this.play(checkedEpochs(command.epochs));
        return;
      case 'pause':
        if (this.running) this.finish('paused', null);
        return;
      case 'trainOneEpoch':
        this.step();
        return;
      case 'scrub':
        this.scrub(command.epoch);
        return;
      case 'inspectPass':
      case 'gradientCheck':
        runInspectCommand(command, { run, runId: this.runId, post: this.deps.post, step: () => this.step() });
        return;
      case 'setParam':
        setParameter(run, command, () => this.sendSnapshot());
        return;
      default:
        throw new TypeError(`unknown command ${JSON.stringify((command as { type: unknown }).type)}`);
    }
  }

  private configure(config: LabConfig, dropData: boolean): void {
    const before = this.setup.config;
    this.setup.checkConfig(config, dropData);
    if (!before || !this.run || dropData || needsNewRun(before, config)) {
      this.setup.forgetNetwork();
      this.startRun(config, 'configure');
      return;
    }
    // same network: new options, same weights
    const adopted = this.setup.adopt(config);
    this.run.trainer.setOptions(trainOptionsOf(config));
    // every cost trained with the old options goes first, so the page marks the change at the right epoch
    this.costs.flush(this.deps.post, this.runId);
    this.deps.post({ type: 'configured', runId: this.runId, config: adopted }, []);
    if (!this.running) this.sendSnapshot();
  }

  /** Builds the run first (it may throw), then swaps it in: a refused config changes nothing. */
  private startRun(config: LabConfig, reason: RunStartReason): void {
    const { run, data } = this.setup.build(config);
    this.halt();
    const adopted = this.setup.adopt(config);
    this.run = run;
    this.grid = gridFor(run.net, data);
    this.runId++;
    this.running = false;
    this.stopReason = null;
    this.message = null;
    this.pacer.epochsPerSecond = 0;
    this.slicer.reset();
    this.costs.restart(0);
    this.checkpoints.clear();
    this.checkpoints.offer(0, run.net.params, run.trainer.options);
    this.snapshots.restart();
    this.deps.post({ type: 'runStarted', runId: this.runId, reason, config: adopted, data, network: cloneNetwork(run.net) }, []);
    this.postStatus();
    this.sendSnapshot();
  }

  private play(budget: number): void {
    const trainer = this.run!.trainer;
    if (this.running) {
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
    this.running = true;
    this.budget = budget;
    this.stopReason = null;
    this.message = null;
    this.pacer.anchor(this.deps.now(), trainer.epoch, 1);
    this.pacer.startMeasuring(this.deps.now(), trainer.epoch);
    this.postStatus();
    this.cancelTick = this.deps.schedule(this.tick, 0);
  }

  private refuse(reason: LabStopReason, message: Problem): void {
    this.stopReason = reason;
    this.message = message;
    this.postStatus();
  }

  private step(): void {
    if (this.running) this.finish('paused', null);
    const trainer = this.run!.trainer;
    if (trainer.divergence) {
      this.refuse('diverged', engineMessage('divergedReset', { detail: trainer.divergence.message }));
      return;
    }
    const { reason } = this.slicer.trainChunk(this.run!, 1, NO_STOP);
    this.costs.flush(this.deps.post, this.runId);
    this.stopReason = reason === 'diverged' ? 'diverged' : null;
    this.message = reason === 'diverged' ? trainer.divergence!.message : null;
    this.postStatus();
    this.sendSnapshot();
  }

  private scrub(epoch: number | null): void {
    if (epoch === null) {
      this.sendSnapshot();
      return;
    }
    const checkpoint = this.checkpoints.at(Math.min(checkedScrubEpoch(epoch), this.run!.trainer.epoch));
    if (checkpoint) this.snapshots.sendCheckpoint(this.run!, this.runId, this.grid!, checkpoint);
  }

  /** One slice of a running training: as many epochs as the speed and SLICE_MS allow. */
  private readonly tick = (): void => {
    this.cancelTick = null;
    if (!this.running || !this.run) return;
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
    const snapshotDue = this.snapshots.due(now, trainer.epoch, slow);
    // costs go out at most once a frame too (two slices a message at full speed): fewer messages for the page
    if (snapshotDue || now - this.costsAt >= FRAME_MS) {
      this.costs.flush(this.deps.post, this.runId);
      this.costsAt = now;
      if (!snapshotDue && this.snapshots.costMs > SLICE_MS) this.postStatus(); // costly snapshots come seldom: the epoch count still moves
    }
    if (snapshotDue) {
      this.postStatus();
      this.sendSnapshot();
    }
    this.cancelTick = this.deps.schedule(this.tick, this.pacer.delay(this.deps.now(), trainer.epoch));
  };

  private finish(reason: LabStopReason, message: Problem | null): void {
    this.halt();
    this.costs.flush(this.deps.post, this.runId);
    this.stopReason = reason;
    this.message = message;
    this.pacer.epochsPerSecond = 0;
    this.postStatus();
    if (this.run && this.run.trainer.epoch !== this.snapshots.epoch) this.sendSnapshot();
  }

  private halt(): void {
    this.running = false;
    this.cancelTick?.();
    this.cancelTick = null;
  }

  private postStatus(): void {
    const status: RunStatus = {
      running: this.running,
      epoch: this.run?.trainer.epoch ?? 0,
      epochsPerSecond: this.running ? this.pacer.epochsPerSecond : 0,
      speed: this.pacer.speed,
      stopReason: this.stopReason,
      message: this.message,
    };
    this.deps.post({ type: 'status', runId: this.runId, status }, []);
  }

  private sendSnapshot(): void {
    if (this.run && this.grid) this.snapshots.sendLive(this.run, this.runId, this.grid);
  }
}

/** The id a command asks to be answered with, or null (a command without one is answered only when it fails, by an 'error'). */
function requestIdOf(command: unknown): number | null {
  const id = typeof command === 'object' && command !== null ? (command as { requestId?: unknown }).requestId : undefined;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : null;
}

export function createLabHandler(deps: HandlerDeps): LabHandler {
  return new LabHandler(deps);
}
