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
 * (commandChecks.ts), the run loop (runLoop.ts: time-boxed slices in slicer.ts at a set speed in
 * pacer.ts), snapshots and their timing (snapshotSender.ts), costs (costBuffer.ts), checkpoints for
 * scrubbing (checkpoints.ts), and the step-through's and the weight editor's commands (inspectCommands.ts, paramEdit.ts).
 */
import { type GridEvaluator, type LabConfig, type Run, cloneNetwork, needsNewRun, problemOf, trainOptionsOf } from '../../engine';
import { Checkpoints } from './checkpoints';
import { checkedEpochs, checkedScrubEpoch, checkedSeed, checkedSpeed, checkedStop, nextSeed } from './commandChecks';
import { CostBuffer } from './costBuffer';
import { runInspectCommand } from './inspectCommands';
import type { LabCommand, RunStartReason } from './protocol';
import { setParameter } from './paramEdit';
import { type HandlerDeps, RunLoop } from './runLoop';
import { RunSetup } from './runSetup';
import { gridFor } from './snapshot';
import { SnapshotSender } from './snapshotSender';
export { FRAME_MS } from './snapshotSender';
export { type HandlerDeps, SLICE_MS } from './runLoop';

export class LabHandler {
  private readonly setup = new RunSetup();
  private run: Run | null = null;
  private grid: GridEvaluator | null = null;
  private runId = 0;
  private readonly costs = new CostBuffer();
  private readonly checkpoints = new Checkpoints();
  private readonly snapshots: SnapshotSender;
  private readonly loop: RunLoop;

  constructor(private readonly deps: HandlerDeps) {
    this.snapshots = new SnapshotSender(deps.post, deps.now);
    const { costs, checkpoints, snapshots } = this;
    this.loop = new RunLoop(deps, { costs, checkpoints, snapshots, sendSnapshot: () => this.sendSnapshot() });
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
    this.loop.halt();
  }

  private dispatch(command: LabCommand): void {
    if (command === null || typeof command !== 'object') throw new TypeError('expected a command object');
    switch (command.type) {
      case 'configure':
        this.configure(command.config, command.dropData === true);
        return;
      case 'setSpeed':
        this.loop.setSpeed(checkedSpeed(command.speed));
        return;
      case 'setStop':
        this.loop.setStop(checkedStop(command.stop));
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
        this.loop.play(Infinity);
        return;
      case 'trainEpochs':
        this.loop.play(checkedEpochs(command.epochs));
        return;
      case 'pause':
        this.loop.pause();
        return;
      case 'trainOneEpoch':
        this.loop.trainOneEpoch();
        return;
      case 'scrub':
        this.scrub(command.epoch);
        return;
      case 'inspectPass':
      case 'gradientCheck':
        runInspectCommand(command, { run, runId: this.runId, post: this.deps.post, trainOneEpoch: () => this.loop.trainOneEpoch() });
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
    if (!this.loop.running) this.sendSnapshot();
  }

  /** Builds the run first (it may throw), then swaps it in: a refused config changes nothing. */
  private startRun(config: LabConfig, reason: RunStartReason): void {
    const { run, data } = this.setup.build(config);
    const adopted = this.setup.adopt(config);
    this.run = run;
    this.grid = gridFor(run.net, data);
    this.runId++;
    this.loop.restart(run, this.runId);
    this.costs.restart(0);
    this.checkpoints.clear();
    this.checkpoints.offer(0, run.net.params, run.trainer.options);
    this.snapshots.restart();
    this.deps.post({ type: 'runStarted', runId: this.runId, reason, config: adopted, data, network: cloneNetwork(run.net) }, []);
    this.loop.postStatus();
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
