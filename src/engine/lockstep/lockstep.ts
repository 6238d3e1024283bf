/**
 * Many starts of one configuration trained in lockstep (lanes.ts, lanePass.ts): each start's
 * record is exactly what runStart (engine/config.ts: Trainer over pass.ts) gives for its seed, bit
 * for bit, at a fraction of the cost per start, because every loop runs over the starts. Only the
 * full batch without extra slips in the stable sigmoid form trains this way; sweep.ts runs the rest
 * start by start.
 */
import { type LabConfig, type StartResult, activationsOf, buildRun, trainOptionsOf } from '../config';
import type { Dataset } from '../datasets';
import { evaluate } from '../evaluate';
import { createNetwork } from '../network';
import type { SlippedConfig } from '../slipLibrary';
import { MAX_FUSED_TERMS, lanesBackward, lanesCostAndOutputDelta, lanesForward, lanesSigmoidCrossEntropy, lanesUpdate } from './lanePass';
import { Lanes } from './lanes';

/** Whether `runLockstep` can train this configuration on data of `count` samples. */
export function lockstepSupports(config: LabConfig, count: number): boolean {
  const slips = (config as LabConfig & SlippedConfig).slips;
  return (config.batchSize <= 0 || config.batchSize >= count) && config.sigmoidForm === 'stable' && (slips === undefined || slips.length === 0);
}

/**
 * One StartResult per seed, as runStart(config, seed, data) gives it. Throws what buildRun throws
 * for a configuration it cannot build, and RangeError for one lockstep cannot train.
 */
export function runLockstep(config: LabConfig, seeds: readonly number[], data: Dataset): StartResult[] {
  if (!lockstepSupports(config, data.count)) throw new RangeError('lockstep: full batch, stable sigmoid and no slips only');
  const runs = seeds.map((seed) => buildRun({ ...config, seed }, data));
  if (runs.length === 0) return [];
  const sizes = runs[0].net.sizes;
  const activations = activationsOf(config);
  const options = trainOptionsOf(config);
  const slope = config.leakySlope;
  const lanes = new Lanes(sizes, activations, data.count, runs.length);
  runs.forEach((run, r) => {
    lanes.setParams(r, run.net.params);
  });
  const divisor = options.gradientDivisor === 'features' ? sizes[0] : data.count;
  const buggy = options.derivative === 'buggy';
  const results: StartResult[] = new Array(seeds.length);
  const finish = (r: number, epochs: number, diverged: boolean): void => {
    const start = lanes.start[r];
    const net = createNetwork(sizes, activations, lanes.paramsOf(r), slope);
    const evaluation = evaluate(net, data, options);
    results[start] = { seed: seeds[start], finalCost: evaluation.cost, solved: evaluation.solved, epochs, diverged };
  };
  const L = sizes.length - 1;
  // the fused output's cost shortcut needs targets in [0, 1] (configError asks that of cross-entropy's) and a bounded sum
  const fusedOutput =
    options.cost === 'crossEntropy' &&
    activations[L - 1] === 'sigmoid' &&
    data.targets.every((y) => y >= 0 && y <= 1) &&
    data.count * sizes[L] <= MAX_FUSED_TERMS;
  const pass = (): void => {
    if (fusedOutput) {
      lanesForward(lanes, data.inputs, slope, L - 1);
      lanesSigmoidCrossEntropy(lanes, data.targets);
    } else {
      lanesForward(lanes, data.inputs, slope);
      lanesCostAndOutputDelta(lanes, data.targets, options, slope);
    }
    lanesBackward(lanes, data.inputs, divisor, buggy, slope);
  };
  const keep = new Uint8Array(runs.length);
  /** Finishes the lanes whose cost (and, after an update, parameter sum) is not finite, where the Trainer stops. */
  const dropDiverged = (epoch: number): void => {
    let dropped = false;
    for (let r = 0; r < lanes.n; r++) {
      const finite = Number.isFinite(lanes.cost[r]) && (epoch === 0 || Number.isFinite(lanes.check[r]));
      keep[r] = finite ? 1 : 0;
      if (!finite) {
        finish(r, epoch, true);
        dropped = true;
      }
    }
    if (dropped) lanes.retain(keep);
  };
  pass();
  // the Trainer looks at the starting cost only when asked for an epoch
  if (config.epochs > 0) dropDiverged(0);
  for (let epoch = 1; epoch <= config.epochs && lanes.n > 0; epoch++) {
    lanesUpdate(lanes, options.learningRate, options.freezeBiases);
    pass();
    dropDiverged(epoch);
  }
  for (let r = 0; r < lanes.n; r++) finish(r, config.epochs, false);
  return results;
}
