/**
 * The training worker's brain, as a pure message handler: no `self`, no timers of its own.
 * It is given `post`, `now` and `schedule`, so tests drive it in Node with a fake clock and
 * the worker file only wires it to the real ones.
 *
 * Training runs in slices of at most SLICE_MS so a "pause" waiting in the queue is heard
 * within a frame. Every epoch's cost goes out (batched, no gaps); the full snapshot goes out at
 * most once per frame while running (less often when it is expensive), after every step, and
 * whenever the user changes something that changes what the views show.
 */
import { type Dataset, type GridEvaluator, type LabConfig, type Network, type Run, buildRun, cloneNetwork, configError, namedDataset, trainOptionsOf } from '../engine';
import { Checkpoints } from './checkpoints';
import { CostBuffer } from './costBuffer';
import { configForNetwork, datasetError, networkError } from './loading';
import { runInspectCommand } from './inspectCommands';
import { type LabCommand, type LabEvent, type LabStopReason, NO_STOP, needsNewRun, type RunStartReason, type RunStatus, type StopConditions, isSpeed } from './protocol';
import { watchOverflows } from './overflowLog';
import { Pacer } from './pacer';
import { setParameter } from './paramEdit';
import { Slicer } from './slicer';
import { buildSnapshot, gridFor, postSnapshot } from './snapshot';

export interface HandlerDeps {
  post(event: LabEvent, transfer: Transferable[]): void;
  /** milliseconds, monotonic */
  now(): number;
  /** runs fn after ms (0 = as soon as the queue allows); returns a cancel function */
  schedule(fn: () => void, ms: number): () => void;
}

/** Longest stretch of training between two looks at the message queue. */
export const SLICE_MS = 8;
/** At most one snapshot per frame. */
export const FRAME_MS = 16;
/** Snapshots may take at most this share of the worker's time (big networks snapshot less often). */
export const SNAPSHOT_SHARE = 0.08;

/** The seed "New seed" moves to when none is given: a fixed scramble, so it is reproducible. */
export function nextSeed(seed: number): number {
  let s = (seed + 0x9e3779b9) >>> 0;
  s = Math.imul(s ^ (s >>> 16), 0x85ebca6b) >>> 0;
  s = Math.imul(s ^ (s >>> 13), 0xc2b2ae35) >>> 0;
  return (s ^ (s >>> 16)) >>> 0;
}

export class LabHandler {
  private config: LabConfig | null = null;
  /** user data replacing the named dataset, until the dataset setting changes */
  private customData: Dataset | null = null;
  /** a loaded network: Reset returns to it */
  private loadedNetwork: Network | null = null;
  private run: Run | null = null;
  private grid: GridEvaluator | null = null;
  private runId = 0;
  private running = false;
  /** epochs left of a "run N" (Infinity for play) */
  private budget = Infinity;
  private stop: StopConditions = { ...NO_STOP };
  private stopReason: LabStopReason | null = null;
  private message: string | null = null;
  private readonly costs = new CostBuffer();
  private readonly checkpoints = new Checkpoints();
  private cancelTick: (() => void) | null = null;
  /** the epoch of the last snapshot sent, and when */
  private snapshotEpoch = -1;
  private snapshotAt = -Infinity;
  private snapshotMs = 0;
  /** when costs last went out */
  private costsAt = -Infinity;
  private readonly slicer: Slicer;
  /** pacing anchor for the slow speeds */
  private readonly pacer = new Pacer();

  constructor(private readonly deps: HandlerDeps) {
    this.slicer = new Slicer(deps.now, this.costs, this.checkpoints, () => this.costs.flush(deps.post, this.runId));
  }

  handle(command: LabCommand): void {
    try {
      this.dispatch(command);
    } catch (err) {
      // a failure is reported in words; the handler's state is left as it was
      this.deps.post({ type: 'error', message: err instanceof Error ? err.message : String(err) }, []);
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
        return this.configure(command.config);
      case 'setSpeed':
        if (!isSpeed(command.speed)) throw new RangeError(`speed: expected 1, 10, 100, 1000 or max, got ${String(command.speed)}`);
        this.pacer.speed = command.speed;
        this.pacer.anchor(this.deps.now(), this.run?.trainer.epoch ?? 0);
        return this.postStatus();
      case 'setStop':
        return this.setStop(command.stop);
      case 'recycle':
        return this.costs.recycle(command.buffer);
      case 'loadData':
        return this.loadData(command.data);
      case 'loadNetwork':
        return this.loadNetwork(command.network);
    }
    const run = this.run;
    if (!run) throw new Error('no configuration yet: send configure first');
    switch (command.type) {
      case 'reset':
        return this.startRun(this.config!, 'reset');
      case 'newSeed': {
        const seed = command.seed ?? nextSeed(this.config!.seed);
        if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new RangeError(`seed: expected a whole number from 0 to 4294967295, got ${String(seed)}`);
        this.loadedNetwork = null;
        return this.startRun({ ...this.config!, seed }, 'newSeed');
      }
      case 'play':
        return this.play(Infinity);
      case 'run':
        if (!Number.isInteger(command.epochs) || command.epochs < 1) throw new RangeError(`epochs: expected a whole number ≥ 1, got ${String(command.epochs)}`);
        return this.play(command.epochs);
      case 'pause':
        if (this.running) this.finish('paused', null);
        return;
      case 'step':
        return this.step();
      case 'scrub':
        return this.scrub(command.epoch);
      case 'inspect':
      case 'gradientCheck':
        return runInspectCommand(command, { run, runId: this.runId, post: this.deps.post, step: () => this.step() });
      case 'setParam':
        return setParameter(run, command, () => this.sendSnapshot());
      default:
        throw new TypeError(`unknown command ${JSON.stringify((command as { type: unknown }).type)}`);
    }
  }

  private configure(config: LabConfig): void {
    if (config === null || typeof config !== 'object') throw new TypeError('configure: expected a configuration');
    const before = this.config;
    if (before && this.customData && before.dataset !== config.dataset) this.customData = null;
    const problem = configError(config, this.customData ?? undefined);
    if (problem) throw new RangeError(problem);
    if (!before || !this.run || needsNewRun(before, config)) {
      this.loadedNetwork = null;
      return this.startRun(config, 'configure');
    }
    // same network: new options, same weights
    this.config = { ...config, hidden: [...config.hidden] };
    this.run.trainer.setOptions(trainOptionsOf(config));
    this.deps.post({ type: 'configured', runId: this.runId, config: this.config }, []);
    if (!this.running) this.sendSnapshot();
  }

  private setStop(stop: StopConditions): void {
    const maxEpochs = stop?.maxEpochs ?? 0;
    const targetCost = stop?.targetCost ?? 0;
    if (!Number.isInteger(maxEpochs) || maxEpochs < 0) throw new RangeError(`max epochs: expected a whole number ≥ 0 (0 = no limit), got ${String(maxEpochs)}`);
    if (typeof targetCost !== 'number' || !Number.isFinite(targetCost) || targetCost < 0) throw new RangeError(`target cost: expected a number ≥ 0 (0 = none), got ${String(targetCost)}`);
    this.stop = { maxEpochs, targetCost };
  }

  private loadData(data: Dataset): void {
    if (!this.config) throw new Error('no configuration yet: send configure first');
    const problem = datasetError(data);
    if (problem) throw new RangeError(problem);
    const problemWithConfig = configError(this.config, data);
    if (problemWithConfig) throw new RangeError(problemWithConfig);
    const previous = this.customData;
    this.customData = data;
    this.loadedNetwork = null;
    try {
      this.startRun(this.config, 'loadData');
    } catch (err) {
      this.customData = previous;
      throw err;
    }
  }

  private loadNetwork(network: Network): void {
    if (!this.config) throw new Error('no configuration yet: send configure first');
    const data = this.customData ?? namedDataset(this.config.dataset, this.config.dataSeed);
    const problem = networkError(network, data);
    if (problem) throw new RangeError(problem);
    const config = configForNetwork(this.config, network);
    this.loadedNetwork = cloneNetwork(network);
    try {
      this.startRun(config, 'loadNetwork');
    } catch (err) {
      this.loadedNetwork = null;
      throw err;
    }
  }

  /** Builds the run first (it may throw), then swaps it in: a refused config changes nothing. */
  private startRun(config: LabConfig, reason: RunStartReason): void {
    const data = this.customData ?? namedDataset(config.dataset, config.dataSeed);
    const run = buildRun(config, data, this.loadedNetwork ? cloneNetwork(this.loadedNetwork) : undefined);
    watchOverflows(run.trainer);
    this.halt();
    this.config = { ...config, hidden: [...config.hidden] };
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
    this.snapshotEpoch = -1;
    this.deps.post({ type: 'run', runId: this.runId, reason, config: this.config, data, network: cloneNetwork(run.net) }, []);
    this.postStatus();
    this.sendSnapshot();
  }

  private play(budget: number): void {
    const trainer = this.run!.trainer;
    if (this.running) {
      this.budget = budget;
      return;
    }
    if (trainer.divergence) return this.refuse('diverged', `${trainer.divergence.message}; press Reset to start again`);
    if (this.stop.maxEpochs > 0 && trainer.epoch >= this.stop.maxEpochs)
      return this.refuse('maxEpochs', `reached the epoch limit (${this.stop.maxEpochs.toLocaleString('en')}); raise it or press Reset`);
    this.running = true;
    this.budget = budget;
    this.stopReason = null;
    this.message = null;
    this.pacer.anchor(this.deps.now(), trainer.epoch, 1);
    this.pacer.startMeasuring(this.deps.now(), trainer.epoch);
    this.postStatus();
    this.cancelTick = this.deps.schedule(this.tick, 0);
  }

  private refuse(reason: LabStopReason, message: string): void {
    this.stopReason = reason;
    this.message = message;
    this.postStatus();
  }

  private step(): void {
    if (this.running) this.finish('paused', null);
    const trainer = this.run!.trainer;
    if (trainer.divergence) return this.refuse('diverged', `${trainer.divergence.message}; press Reset to start again`);
    const { reason } = this.slicer.trainChunk(this.run!, 1, NO_STOP);
    this.costs.flush(this.deps.post, this.runId);
    this.stopReason = reason === 'diverged' ? 'diverged' : null;
    this.message = reason === 'diverged' ? trainer.divergence!.message : null;
    this.postStatus();
    this.sendSnapshot();
  }

  private scrub(epoch: number | null): void {
    if (epoch === null) return this.sendSnapshot();
    if (typeof epoch !== 'number' || !Number.isFinite(epoch) || epoch < 0) throw new RangeError(`scrub: expected an epoch ≥ 0, got ${String(epoch)}`);
    const checkpoint = this.checkpoints.at(Math.min(epoch, this.run!.trainer.epoch));
    if (!checkpoint) return;
    const run = this.run!;
    const snapshot = buildSnapshot({
      runId: this.runId,
      epoch: checkpoint.epoch,
      network: run.net,
      params: checkpoint.params,
      data: run.data,
      options: checkpoint.options,
      grid: this.grid!,
      overflows: 0,
      divergence: null,
      scrubbed: true,
    });
    postSnapshot(this.deps.post, this.runId, snapshot);
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
    if (reason === 'diverged') return this.finish('diverged', trainer.divergence!.message);
    if (reason === 'maxEpochs') return this.finish('maxEpochs', `reached the epoch limit (${this.stop.maxEpochs.toLocaleString('en')})`);
    if (reason === 'targetCost') return this.finish('targetCost', `reached the target cost ${this.stop.targetCost} at epoch ${trainer.epoch.toLocaleString('en')}`);
    if (this.budget <= 0) return this.finish('ranEpochs', null);
    // slow speeds show every epoch; fast ones at most one snapshot a frame, fewer when snapshots are costly
    const speed = this.pacer.speed;
    const slow = speed !== 'max' && speed <= 1000 / FRAME_MS;
    const snapshotDue = trainer.epoch !== this.snapshotEpoch && (slow || now - this.snapshotAt >= Math.max(FRAME_MS, this.snapshotMs / SNAPSHOT_SHARE));
    // costs go out at most once a frame too (two slices a message at full speed): fewer messages for the page
    if (snapshotDue || now - this.costsAt >= FRAME_MS) {
      this.costs.flush(this.deps.post, this.runId);
      this.costsAt = now;
      if (!snapshotDue && this.snapshotMs > SLICE_MS) this.postStatus(); // costly snapshots come seldom: the epoch count still moves
    }
    if (snapshotDue) {
      this.postStatus();
      this.sendSnapshot();
    }
    this.cancelTick = this.deps.schedule(this.tick, this.pacer.delay(this.deps.now(), trainer.epoch));
  };

  private finish(reason: LabStopReason, message: string | null): void {
    this.halt();
    this.costs.flush(this.deps.post, this.runId);
    this.stopReason = reason;
    this.message = message;
    this.pacer.epochsPerSecond = 0;
    this.postStatus();
    if (this.run && this.run.trainer.epoch !== this.snapshotEpoch) this.sendSnapshot();
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
    const run = this.run;
    if (!run || !this.grid) return;
    const t0 = this.deps.now();
    const snapshot = buildSnapshot({
      runId: this.runId,
      epoch: run.trainer.epoch,
      network: run.net,
      data: run.data,
      options: run.trainer.options,
      grid: this.grid,
      overflows: run.trainer.lastOverflows,
      divergence: run.trainer.divergence,
      scrubbed: false,
    });
    postSnapshot(this.deps.post, this.runId, snapshot);
    const t1 = this.deps.now();
    this.snapshotMs = 0.5 * this.snapshotMs + 0.5 * (t1 - t0);
    this.snapshotAt = t1;
    this.snapshotEpoch = run.trainer.epoch;
  }
}

export function createLabHandler(deps: HandlerDeps): LabHandler {
  return new LabHandler(deps);
}
