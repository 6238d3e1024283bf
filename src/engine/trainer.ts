/**
 * Gradient descent over epochs: full batch by default, or mini-batches whose order the seeded
 * generator shuffles each epoch. Stops on a non-finite cost or parameter with a reason.
 */
import type { Dataset } from './datasets';
import type { Network } from './network';
import type { TrainOptions } from './options';
import { PassWorkspace, applyUpdate, backward, forward } from './pass';
import { Rng, RngStream } from './rng';

export interface Divergence {
  /** 1-based epoch whose pass produced the first non-finite value */
  epoch: number;
  /** layer l (1 … L) where it first appeared; L when only the cost was non-finite (it is computed from a^L) */
  layer: number;
  quantity: 'weights' | 'biases' | 'z' | 'a' | 'cost';
  message: string;
}

export interface StopConditions {
  /** Stop once the epoch count reaches this (0 = no limit). */
  maxEpochs?: number;
  /** Stop once an epoch's cost is at or below this (0 = no target). */
  targetCost?: number;
}

export type StopReason = 'epochs' | 'maxEpochs' | 'targetCost' | 'diverged';

export class Trainer {
  readonly net: Network;
  readonly data: Dataset;
  options: TrainOptions;
  /** Epochs completed so far. */
  epoch = 0;
  /** Cost of the last completed epoch (mean of its batches' cost terms, each before its update). */
  lastCost = NaN;
  /** Naive-sigmoid overflows counted during the last epoch. */
  lastOverflows = 0;
  divergence: Divergence | null = null;
  private readonly shuffleRng: Rng;
  private readonly order: Uint32Array;
  private workspace: PassWorkspace;
  private batchInput: Float64Array;
  private batchTarget: Float64Array;

  constructor(net: Network, data: Dataset, options: TrainOptions, seed: number) {
    if (data.inputSize !== net.sizes[0]) throw new RangeError(`data: ${data.inputSize} inputs per sample but the network takes ${net.sizes[0]}`);
    if (data.outputSize !== net.sizes[net.sizes.length - 1]) throw new RangeError(`data: ${data.outputSize} targets per sample but the network has ${net.sizes[net.sizes.length - 1]} outputs`);
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
    const size = this.batchSize();
    if (size !== this.workspace.capacity) {
      this.workspace = new PassWorkspace(this.net, size);
      this.batchInput = new Float64Array(size * this.data.inputSize);
      this.batchTarget = new Float64Array(size * this.data.outputSize);
    }
  }

  private batchSize(): number {
    const b = this.options.batchSize;
    return b <= 0 || b >= this.data.count ? this.data.count : b;
  }

  /** One epoch; returns its cost. Sets `divergence` (and returns the non-finite cost) when it blows up. */
  trainEpoch(): number {
    const { net, data, workspace: ws, options } = this;
    const size = ws.capacity;
    const lr = options.learningRate;
    const naive = options.sigmoidForm === 'naive';
    let costSum = 0;
    let check = 0;
    let overflows = 0;
    if (size === data.count) {
      forward(net, ws, data.inputs, size, naive);
      costSum = backward(net, ws, data.targets, size, options);
      overflows = ws.overflows;
      check = applyUpdate(net, ws, lr, options.freezeBiases);
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
        forward(net, ws, this.batchInput, count, naive);
        costSum += backward(net, ws, this.batchTarget, count, options);
        overflows += ws.overflows;
        check = applyUpdate(net, ws, lr, options.freezeBiases);
        if (!Number.isFinite(check)) break;
      }
    }
    this.epoch++;
    const cost = costSum / data.count;
    this.lastCost = cost;
    this.lastOverflows = overflows;
    if (!Number.isFinite(cost) || !Number.isFinite(check)) this.divergence = locateDivergence(this.net, this.data, this.epoch, naive);
    return cost;
  }

  /**
   * Up to `epochs` epochs, writing each epoch's cost to costs[offset + k].
   * Returns how many ran and why it stopped.
   */
  train(epochs: number, costs?: Float64Array, offset = 0, stop: StopConditions = {}): { ran: number; reason: StopReason } {
    const maxEpochs = stop.maxEpochs ?? 0;
    const target = stop.targetCost ?? 0;
    if (this.divergence) return { ran: 0, reason: 'diverged' };
    for (let k = 0; k < epochs; k++) {
      if (maxEpochs > 0 && this.epoch >= maxEpochs) return { ran: k, reason: 'maxEpochs' };
      const cost = this.trainEpoch();
      if (costs) costs[offset + k] = cost;
      if (this.divergence) return { ran: k + 1, reason: 'diverged' };
      if (target > 0 && cost <= target) return { ran: k + 1, reason: 'targetCost' };
    }
    return { ran: epochs, reason: 'epochs' };
  }
}

/** Finds the first layer holding a non-finite parameter, z or a, after a blow-up. */
export function locateDivergence(net: Network, data: Dataset, epoch: number, naiveSigmoid = false): Divergence {
  const ws = new PassWorkspace(net, data.count);
  const L = net.sizes.length - 1;
  const p = net.params;
  const make = (layer: number, quantity: Divergence['quantity']): Divergence => ({
    epoch,
    layer,
    quantity,
    message:
      quantity === 'cost'
        ? `diverged at epoch ${epoch}: the cost overflowed at the output, layer ${layer} (every W, b, z and a is still finite, but the cost of a^${layer} is not)`
        : `diverged at epoch ${epoch}: first non-finite value in layer ${layer} (${quantity === 'weights' ? 'W' : quantity === 'biases' ? 'b' : quantity}^${layer})`,
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
