/**
 * Many starts of one configuration trained in lockstep (lanes.ts, lanePass.ts): each start's
 * record is exactly what runStart (engine/config.ts: Trainer over pass.ts) gives for its seed, bit
 * for bit, at a fraction of the cost per start, because every loop runs over the starts. Only the
 * full batch without extra slips in the stable sigmoid form trains this way; sweep.ts runs the rest
 * start by start.
 */
import { type LabConfig, type StartResult, activationsOf, buildRun, sizesOf, trainOptionsOf } from '../config';
import type { Dataset } from '../datasets';
import { evaluate } from '../evaluate';
import { createNetwork, layoutOf } from '../network';
import type { SlippedConfig } from '../slipLibrary';
import {
  MAX_FUSED_TERMS,
  lanesBackward,
  lanesCostAndOutputDelta,
  lanesExactCrossEntropy,
  lanesForward,
  lanesSigmoidCrossEntropy,
  lanesUpdate,
} from './lanePass';
import { Lanes } from './lanes';
import { WasmEpoch, kernelFits } from './wasmKernel';

/** Whether `runLockstep` can train this configuration on data of `count` samples. */
export function lockstepSupports(config: LabConfig, count: number): boolean {
  const slips = (config as LabConfig & SlippedConfig).slips;
  return (config.batchSize <= 0 || config.batchSize >= count) && config.sigmoidForm === 'stable' && (slips === undefined || slips.length === 0);
}

/** Lanes side by side at most: 16 already amortise the loops (and fill the kernel's f64x2 pairs). */
const MAX_LANES = 16;
/** The lanes' arrays stay within this many bytes (a big network on big data trains fewer side by side, at least one). */
const LANES_MEMORY = 64 * 1024 * 1024;

/** How many starts of this configuration train side by side at a time. */
export function lockstepLanes(config: LabConfig, data: Dataset): number {
  const sizes = sizesOf(config, data);
  const { parameterCount } = layoutOf(sizes);
  const values = sizes.slice(1).reduce((sum, n) => sum + n * data.count, 0);
  const bytesPerLane = 8 * (2 * parameterCount + 3 * values + 3);
  return Math.max(1, Math.min(MAX_LANES, Math.floor(LANES_MEMORY / bytesPerLane)));
}

/** Which code trains the lanes: the WebAssembly kernel where it fits and runs (auto), or JavaScript alone. */
export type LockstepKernel = 'auto' | 'javascript';

/**
 * One StartResult per seed, as runStart(config, seed, data) gives it. Throws what buildRun throws
 * for a configuration it cannot build, and RangeError for one lockstep cannot train.
 */
export function runLockstep(config: LabConfig, seeds: readonly number[], data: Dataset, kernel: LockstepKernel = 'auto'): StartResult[] {
  if (!lockstepSupports(config, data.count)) throw new RangeError('lockstep: full batch, stable sigmoid and no slips only');
  // each start's initial network as its single run builds it (and checks the configuration); only the weights are kept
  const runs = seeds.map((seed) => buildRun({ ...config, seed }, data).net);
  if (runs.length === 0) return [];
  const sizes = runs[0].sizes;
  const activations = activationsOf(config);
  const options = trainOptionsOf(config);
  const slope = config.leakySlope;
  const L = sizes.length - 1;
  // the fused output's cost shortcut needs targets in [0, 1] (configError asks that of cross-entropy's) and a bounded sum
  const fusedOutput =
    options.cost === 'crossEntropy' &&
    activations[L - 1] === 'sigmoid' &&
    data.targets.every((y) => y >= 0 && y <= 1) &&
    data.count * sizes[L] <= MAX_FUSED_TERMS;
  // the kernel takes lanes two at a time: an odd count gets a lane that trains no start
  const laneCount = runs.length + (runs.length % 2);
  const wasm = kernel === 'auto' && fusedOutput && kernelFits(activations) ? WasmEpoch.create(sizes, data.count, laneCount) : null;
  const lanes = new Lanes(sizes, activations, data.count, wasm ? laneCount : runs.length, wasm?.alloc);
  runs.forEach((net, r) => {
    lanes.setParams(r, net.params);
  });
  if (wasm && laneCount > runs.length) lanes.start[runs.length] = -1;
  const divisor = options.gradientDivisor === 'features' ? sizes[0] : data.count;
  const buggy = options.derivative === 'buggy';
  const results: StartResult[] = new Array(seeds.length);
  const finish = (r: number, epochs: number, diverged: boolean): void => {
    const start = lanes.start[r];
    const net = createNetwork(sizes, activations, lanes.paramsOf(r), slope);
    const evaluation = evaluate(net, data, options);
    results[start] = { seed: seeds[start], finalCost: evaluation.cost, solved: evaluation.solved, epochs, diverged };
  };
  /** The Trainer's epoch after the first: the update, then the pass on the new weights (the first pass has no update). */
  const step = (doUpdate: boolean): void => {
    if (wasm) {
      wasm.epoch(doUpdate, options.learningRate, options.freezeBiases, 1 / divisor, buggy);
      for (let r = 0; r < lanes.n; r++) lanes.cost[r] = lanes.sampleCost[r] === 0 ? 0 : lanesExactCrossEntropy(lanes, data.targets, r);
      return;
    }
    if (doUpdate) lanesUpdate(lanes, options.learningRate, options.freezeBiases);
    if (fusedOutput) {
      lanesForward(lanes, data.inputs, slope, L - 1);
      lanesSigmoidCrossEntropy(lanes, data.targets);
    } else {
      lanesForward(lanes, data.inputs, slope);
      lanesCostAndOutputDelta(lanes, data.targets, options, slope);
    }
    lanesBackward(lanes, data.inputs, divisor, buggy, slope);
  };
  if (wasm) {
    wasm.input.set(data.inputs);
    wasm.target.set(data.targets);
    wasm.describe(lanes);
  }
  const keep = new Uint8Array(lanes.n);
  /** Finishes the lanes whose cost (and, after an update, parameter sum) is not finite, where the Trainer stops. */
  const dropDiverged = (epoch: number): void => {
    let dropped = false;
    let kept = 0;
    let padKept = -1;
    for (let r = 0; r < lanes.n; r++) {
      const finite = lanes.start[r] < 0 || (Number.isFinite(lanes.cost[r]) && (epoch === 0 || Number.isFinite(lanes.check[r])));
      keep[r] = finite ? 1 : 0;
      if (finite) kept++;
      if (lanes.start[r] < 0) padKept = r;
      if (!finite) {
        finish(r, epoch, true);
        dropped = true;
      }
    }
    if (!dropped) return;
    // the kernel's lane count stays even: drop the idle lane, or add one
    const needPad = wasm !== null && kept % 2 === 1;
    if (needPad && padKept >= 0) keep[padKept] = 0;
    lanes.retain(keep);
    if (needPad && padKept < 0) lanes.addPadLane();
    wasm?.describe(lanes);
  };
  step(false);
  // the Trainer looks at the starting cost only when asked for an epoch
  if (config.epochs > 0) dropDiverged(0);
  for (let epoch = 1; epoch <= config.epochs && lanes.n > 0; epoch++) {
    if (wasm) lanes.clearPadLanes();
    step(true);
    dropDiverged(epoch);
  }
  for (let r = 0; r < lanes.n; r++) if (lanes.start[r] >= 0) finish(r, config.epochs, false);
  return results;
}
