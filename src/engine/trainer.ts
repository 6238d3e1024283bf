/**
 * Gradient descent over epochs: full batch by default, or mini-batches whose order the seeded
 * generator shuffles each epoch. Stops on a non-finite cost or parameter with a reason.
 */
import { type EngineMessage, engineMessage } from './messages';
import type { Dataset } from './datasets';
import type { Network } from './network';
import type { TrainOptions } from './options';
import type { StopSettings } from './settings';
import { fastCostTerms, fastPass, fastPassApplies } from './fastPass';
import { PassWorkspace, addCostTerms, applyUpdate, backward, forward } from './pass';
import { Rng, RngStream } from './rng';

export interface Divergence {
  /** the epoch at which the network first holds a non-finite value or cost (0: the starting network already does) */
  epoch: number;
  /** layer l (1 … L) where it first appeared; L when only the cost was non-finite (it is computed from a^L) */
  layer: number;
  quantity: 'weights' | 'biases' | 'z' | 'a' | 'cost';
  message: EngineMessage;
}

export type StopReason = 'epochs' | 'maxEpochs' | 'targetCost' | 'diverged';

export class Trainer {
  readonly net: Network;
  readonly data: Dataset;
  options: TrainOptions;
  /** Epochs completed so far. */
  epoch = 0;
  /**
   * The cost at the current epoch: C over the whole dataset with the weights as they are now, after
   * `epoch` updates (the README's "cost at epoch N"; NaN before the first epoch on mini-batches).
   */
  lastCost = NaN;
  /** Naive-sigmoid overflows counted during the last epoch's training passes. */
  lastOverflows = 0;
  divergence: Divergence | null = null;
  private readonly shuffleRng: Rng;
  private readonly order: Uint32Array;
  private workspace: PassWorkspace;
  private batchInput: Float64Array;
  private batchTarget: Float64Array;
  /**
   * Full batch: the workspace already holds the current weights' forward and backward pass (the one
   * that measured lastCost), so the next epoch updates from it instead of running it again.
   */
  private passReady = false;
  /** overflows of that ready pass (they belong to the epoch that will use it) */
  private readyOverflows = 0;

  constructor(net: Network, data: Dataset, options: TrainOptions, seed: number) {
    if (data.inputSize !== net.sizes[0]) throw new RangeError(`data: ${data.inputSize} inputs per sample but the network takes ${net.sizes[0]}`);
    if (data.outputSize !== net.sizes[net.sizes.length - 1])
      throw new RangeError(`data: ${data.outputSize} targets per sample but the network has ${net.sizes[net.sizes.length - 1]} outputs`);
    this.net = net;
    this.data = data;
    this.options = { ...options };
    this.shuffleRng = new Rng(seed, RngStream.shuffle);
    this.order = Uint32Array.from({ length: data.count }, (_, s) => s);
    const size = this.batchSize();
    this.workspace = new PassWorkspace(net, size);
    this.batchInput = new Float64Array(size * data.inputSize);
    this.batchTarget = new Float64Array(size * data.outputSize);
  }

  /** Change learning rate, derivative, cost … mid-run; the weights stay as they are. */
  setOptions(options: Partial<TrainOptions>): void {
    this.options = { ...this.options, ...options };
    this.passReady = false;
    const size = this.batchSize();
    if (size !== this.workspace.capacity) {
      this.workspace = new PassWorkspace(this.net, size);
      this.batchInput = new Float64Array(size * this.data.inputSize);
      this.batchTarget = new Float64Array(size * this.data.outputSize);
    }
  }

  /** Call after writing net.params from outside (a weight typed on the page): the pass held for the old weights is dropped. */
  paramsChanged(): void {
    this.passReady = false;
  }

  private batchSize(): number {
    const b = this.options.batchSize;
    return b <= 0 || b >= this.data.count ? this.data.count : b;
  }

  /**
   * One epoch; returns the cost after it (lastCost). Sets `divergence` (and returns the non-finite
   * cost) when it blows up; a network whose cost is already not finite is not trained at all.
   */
  trainEpoch(): number {
    const { net, data, options } = this;
    const ws = this.workspace;
    const size = ws.capacity;
    const lr = options.learningRate;
    const naive = options.sigmoidForm === 'naive';
    let check = 0;
    let overflows = 0;
    if (size === data.count) {
      // the pass that measures the cost at this epoch is the next epoch's pass: run it once, use it twice
      if (!this.passReady) this.runFullPass(naive);
      if (!Number.isFinite(this.lastCost)) {
        this.divergence = locateDivergence(net, data, this.epoch, naive);
        return this.lastCost;
      }
      overflows = this.readyOverflows;
      check = applyUpdate(net, ws, lr, options.freezeBiases);
      this.runFullPass(naive);
    } else {
      this.shuffleRng.shuffle(this.order);
      const nIn = data.inputSize;
      const nOut = data.outputSize;
      for (let start = 0; start < data.count; start += size) {
        const count = Math.min(size, data.count - start);
        for (let r = 0; r < count; r++) {
          const s = this.order[start + r];
          for (let i = 0; i < nIn; i++) this.batchInput[r * nIn + i] = data.inputs[s * nIn + i];
          for (let j = 0; j < nOut; j++) this.batchTarget[r * nOut + j] = data.targets[s * nOut + j];
        }
        if (fastPassApplies(options)) fastPass(net, ws, this.batchInput, this.batchTarget, count, options);
        else {
          forward(net, ws, this.batchInput, count, naive);
          backward(net, ws, this.batchTarget, count, options);
        }
        overflows += ws.overflows;
        check = applyUpdate(net, ws, lr, options.freezeBiases);
        if (!Number.isFinite(check)) break;
      }
      this.lastCost = this.chunkedCost(naive);
    }
    this.epoch++;
    this.lastOverflows = overflows;
    if (!Number.isFinite(this.lastCost) || !Number.isFinite(check)) this.divergence = locateDivergence(this.net, this.data, this.epoch, naive);
    return this.lastCost;
  }

  /** Full batch: forward and backward on the current weights; sets lastCost and keeps the gradient for the next update. */
  private runFullPass(naive: boolean): void {
    const { net, data, options, workspace: ws } = this;
    if (fastPassApplies(options)) this.lastCost = fastPass(net, ws, data.inputs, data.targets, data.count, options) / data.count;
    else {
      forward(net, ws, data.inputs, data.count, naive);
      this.lastCost = backward(net, ws, data.targets, data.count, options) / data.count;
    }
    this.readyOverflows = ws.overflows;
    this.passReady = true;
  }

  /** Mini-batches: the whole dataset's cost on the current weights, forward only, in batch-sized chunks in data order. */
  private chunkedCost(naive: boolean): number {
    const { net, data, workspace: ws } = this;
    const size = ws.capacity;
    const nIn = data.inputSize;
    const nOut = data.outputSize;
    let total = 0;
    for (let start = 0; start < data.count; start += size) {
      const count = Math.min(size, data.count - start);
      if (fastPassApplies(this.options)) {
        total = fastCostTerms(net, ws, data.inputs, data.targets, start, count, this.options, total);
        continue;
      }
      for (let k = 0; k < count * nIn; k++) this.batchInput[k] = data.inputs[start * nIn + k];
      for (let k = 0; k < count * nOut; k++) this.batchTarget[k] = data.targets[start * nOut + k];
      forward(net, ws, this.batchInput, count, naive);
      total = addCostTerms(ws, this.batchTarget, count, this.options, total);
    }
    return total / data.count;
  }

  /**
   * Up to `epochs` epochs, writing the cost at each epoch reached to costs[offset + k]
   * (the cost at epoch this.epoch + k + 1, counted from the call). Returns how many ran and why it stopped.
   */
  train(epochs: number, costs?: Float64Array, offset = 0, stop: Partial<StopSettings> = {}): { ran: number; reason: StopReason } {
    const maxEpochs = stop.maxEpochs ?? 0;
    const target = stop.targetCost ?? 0;
    if (this.divergence) return { ran: 0, reason: 'diverged' };
    const first = this.epoch;
    for (let k = 0; k < epochs; k++) {
      if (maxEpochs > 0 && this.epoch >= maxEpochs) return { ran: k, reason: 'maxEpochs' };
      const cost = this.trainEpoch();
      const ran = this.epoch - first;
      if (costs && ran > k) costs[offset + k] = cost;
      if (this.divergence) return { ran, reason: 'diverged' };
      if (target > 0 && cost <= target) return { ran, reason: 'targetCost' };
    }
    return { ran: epochs, reason: 'epochs' };
  }
}

/** Finds the first layer holding a non-finite parameter, z or a, after a blow-up. */
function locateDivergence(net: Network, data: Dataset, epoch: number, naiveSigmoid = false): Divergence {
  const ws = new PassWorkspace(net, data.count);
  const L = net.sizes.length - 1;
  const p = net.params;
  const make = (layer: number, quantity: Divergence['quantity']): Divergence => ({
    epoch,
    layer,
    quantity,
    message:
      quantity === 'cost'
        ? engineMessage('divergedCost', { epoch, layer })
        : engineMessage('divergedValue', { epoch, layer, symbol: quantity === 'weights' ? 'W' : quantity === 'biases' ? 'b' : quantity }),
  });
  for (let l = 1; l <= L; l++) {
    for (let k = ws.layout.weightOffset[l]; k < ws.layout.biasOffset[l]; k++) if (!Number.isFinite(p[k])) return make(l, 'weights');
    for (let k = ws.layout.biasOffset[l]; k < ws.layout.biasOffset[l] + net.sizes[l]; k++) if (!Number.isFinite(p[k])) return make(l, 'biases');
  }
  forward(net, ws, data.inputs, data.count, naiveSigmoid);
  for (let l = 1; l <= L; l++) {
    if (ws.z[l].some((v) => !Number.isFinite(v))) return make(l, 'z');
    if (ws.a[l].some((v) => !Number.isFinite(v))) return make(l, 'a');
  }
  return make(L, 'cost');
}
