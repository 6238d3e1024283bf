/**
 * Twin run: the correct and the buggy derivative trained in lockstep, epoch by epoch, from the
 * same initial weights, the same data and the same shuffle seed. Everything that differs between
 * the two networks is then the derivative's doing. Only BP2 (hidden layers) reads the derivative
 * mode, so a network without hidden layers trains identically in both.
 */
import { type LabConfig, activationsOf, configError, sizesOf, trainOptionsOf } from './config';
import { type Dataset, namedDataset } from './datasets';
import { evaluate } from './evaluate';
import { EngineError } from './messages';
import { type Network, type ParameterPlace, cloneNetwork, initializeNetwork, layoutOf, parameterPlace } from './network';
import { DERIVATIVE_MODES, type DerivativeMode, type TrainOptions } from './options';
import { Trainer } from './trainer';

export interface ParameterLabel extends ParameterPlace {
  /** w^l_ji or b^l_j written out with 1-based j, i (the app's notation), e.g. "w¹₁₂" */
  name: string;
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUBSCRIPT = '₀₁₂₃₄₅₆₇₈₉';
const superscript = (n: number): string => [...String(n)].map((d) => SUPERSCRIPT[Number(d)]).join('');
const subscript = (n: number): string => [...String(n)].map((d) => SUBSCRIPT[Number(d)]).join('');
/** j, i from 1, with a comma once either has two digits (w¹₁₀,₂ is not w¹₁₀₂) */
const pairSubscript = (j: number, i: number): string => (j > 9 || i > 9 ? `${subscript(j)},${subscript(i)}` : subscript(j) + subscript(i));

/** Every parameter's place in the network, in params order (W^l row by row, then b^l, for l = 1 … L). */
export function parameterLabels(sizes: readonly number[]): ParameterLabel[] {
  const layout = layoutOf(sizes);
  return Array.from({ length: layout.parameterCount }, (_, index) => {
    const p = parameterPlace(sizes, index, layout)!;
    return { ...p, name: p.kind === 'weight' ? `w${superscript(p.layer)}${pairSubscript(p.j + 1, p.i + 1)}` : `b${superscript(p.layer)}${subscript(p.j + 1)}` };
  });
}

/** The two modes in the order every twin structure uses. */
const TWIN_MODES: readonly DerivativeMode[] = DERIVATIVE_MODES;

/** Two trainers on two clones of one network; `step` advances both by the same epochs. */
export class TwinRun {
  readonly data: Dataset;
  readonly trainers: Readonly<Record<DerivativeMode, Trainer>>;
  /** The network both started from (kept apart, never trained). */
  readonly initial: Network;
  private costBuffers: Record<DerivativeMode, Float64Array>;
  private lengths: Record<DerivativeMode, number> = { correct: 0, buggy: 0 };

  /** `options.derivative` is ignored: one twin trains with each mode. */
  constructor(net: Network, data: Dataset, options: TrainOptions, seed: number, capacity = 1024) {
    this.data = data;
    this.initial = cloneNetwork(net);
    this.trainers = {
      correct: new Trainer(cloneNetwork(net), data, { ...options, derivative: 'correct' }, seed),
      buggy: new Trainer(cloneNetwork(net), data, { ...options, derivative: 'buggy' }, seed),
    };
    const size = Math.max(1, Math.floor(capacity));
    this.costBuffers = { correct: new Float64Array(size), buggy: new Float64Array(size) };
  }

  /** A twin of the configuration's run (its seed, data and options). Throws an EngineError (a RangeError) on a bad config. */
  static fromConfig(config: LabConfig, data: Dataset = namedDataset(config.dataset, config.dataSeed), capacity = Math.min(config.epochs, 1 << 20)): TwinRun {
    const problem = configError(config, data);
    if (problem) throw new EngineError(problem);
    const net = initializeNetwork(sizesOf(config, data), activationsOf(config), config.init, config.seed, config.leakySlope);
    return new TwinRun(net, data, trainOptionsOf(config), config.seed, capacity);
  }

  /** Epochs completed by the twin that has run longest (a diverged twin stops where it blew up). */
  get epoch(): number {
    return Math.max(this.lengths.correct, this.lengths.buggy);
  }

  net(mode: DerivativeMode): Network {
    return this.trainers[mode].net;
  }

  /** Epoch k+1's cost at index k, for the epochs this twin has run (a view, valid until the next step). */
  costs(mode: DerivativeMode): Float64Array {
    return this.costBuffers[mode].subarray(0, this.lengths[mode]);
  }

  /** Up to `epochs` more epochs for each twin, one epoch of each at a time; returns how many the longer one ran. */
  step(epochs = 1): number {
    const before = this.epoch;
    for (let k = 0; k < epochs; k++) {
      let ran = false;
      for (const mode of TWIN_MODES) {
        const trainer = this.trainers[mode];
        if (trainer.divergence) continue;
        const before = trainer.epoch;
        const cost = trainer.trainEpoch();
        // a network whose cost is already not finite diverges without running an epoch
        if (trainer.epoch > before) this.push(mode, cost);
        ran = true;
      }
      if (!ran) break;
    }
    return this.epoch - before;
  }

  private push(mode: DerivativeMode, cost: number): void {
    let buffer = this.costBuffers[mode];
    const n = this.lengths[mode];
    if (n === buffer.length) {
      const grown = new Float64Array(buffer.length * 2);
      grown.set(buffer);
      this.costBuffers[mode] = buffer = grown;
    }
    buffer[n] = cost;
    this.lengths[mode] = n + 1;
  }

  /** Per parameter, buggy minus correct (same layout as Network.params). */
  difference(out = new Float64Array(this.initial.params.length)): Float64Array {
    const c = this.trainers.correct.net.params;
    const b = this.trainers.buggy.net.params;
    for (let k = 0; k < out.length; k++) out[k] = b[k] - c[k];
    return out;
  }
}

interface TwinModeResult {
  derivative: DerivativeMode;
  /** exactly the epochs run: epoch k+1's cost at index k */
  costs: Float64Array;
  params: Float64Array;
  finalCost: number;
  solved: boolean;
  /** a^L per sample at the end (sample-major) */
  outputs: Float64Array;
  /** naive-sigmoid overflows in the last epoch */
  lastOverflows: number;
  divergence: Trainer['divergence'];
}

export interface TwinResult {
  sizes: number[];
  initialParams: Float64Array;
  correct: TwinModeResult;
  buggy: TwinModeResult;
  /** buggy − correct per parameter */
  difference: Float64Array;
  /** the parameter whose |difference| is largest (null when there are none) */
  largestDifference: LargestDifference | null;
  labels: ParameterLabel[];
}

export interface LargestDifference {
  index: number;
  /** the signed difference there */
  value: number;
}

/** Where the two twins differ most; a non-finite difference (a diverged twin) counts as largest. */
export function largestDifference(difference: Float64Array): LargestDifference | null {
  let best: LargestDifference | null = null;
  let size = -1;
  for (let k = 0; k < difference.length; k++) {
    const v = difference[k];
    const s = Number.isNaN(v) ? Infinity : Math.abs(v);
    if (s > size) {
      size = s;
      best = { index: k, value: v };
    }
  }
  return best;
}

/** The longest twin run kept whole (two cost histories of this many doubles each). */
export const MAX_TWIN_EPOCHS = 2_000_000;

/**
 * Trains a twin of the configuration for `epochs` (default config.epochs) and reports both sides.
 * With `onProgress`, it trains in about 100 chunks and reports the epoch after each (same numbers).
 */
export function twinRun(config: LabConfig, epochs = config.epochs, data?: Dataset, onProgress?: (epoch: number) => void): TwinResult {
  if (!Number.isInteger(epochs) || epochs < 1 || epochs > MAX_TWIN_EPOCHS)
    throw new RangeError(`twin run: epochs must be a whole number from 1 to ${MAX_TWIN_EPOCHS}, got ${String(epochs)}`);
  const twin = TwinRun.fromConfig(config, data, epochs);
  const chunk = onProgress ? Math.max(1, Math.ceil(epochs / 100)) : epochs;
  for (let done = 0; done < epochs; done += chunk) {
    if (twin.step(Math.min(chunk, epochs - done)) === 0) break;
    onProgress?.(twin.epoch);
  }
  const side = (mode: DerivativeMode): TwinModeResult => {
    const trainer = twin.trainers[mode];
    const evaluation = evaluate(trainer.net, twin.data, trainer.options);
    return {
      derivative: mode,
      costs: twin.costs(mode).slice(),
      params: trainer.net.params.slice(),
      finalCost: evaluation.cost,
      solved: evaluation.solved,
      outputs: evaluation.outputs,
      lastOverflows: trainer.lastOverflows,
      divergence: trainer.divergence,
    };
  };
  const difference = twin.difference();
  return {
    sizes: [...twin.initial.sizes],
    initialParams: twin.initial.params.slice(),
    correct: side('correct'),
    buggy: side('buggy'),
    difference,
    largestDifference: largestDifference(difference),
    labels: parameterLabels(twin.initial.sizes),
  };
}
