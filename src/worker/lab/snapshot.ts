/**
 * The full picture of a network at one epoch, built only from engine calls: the inspectable
 * pass (z, a, δ, f′, gradients of every sample), the boundary grids and the evaluation.
 * Every array is fresh, so all of them can be transferred to the page.
 *
 * A snapshot goes out up to once a frame, so it is kept within budgets: each sample's own
 * gradient only while count × parameters is small, per-sample values for as many samples as fit,
 * and grids as fine as a few tens of milliseconds of the worker's time allow. The views say what
 * a snapshot left out (src/views/graph/values.ts).
 */
import {
  type Dataset,
  type Divergence,
  type EngineMessage,
  type GridBudget,
  GridEvaluator,
  gridResolutions,
  inspectPass,
  keepWithin,
  type Network,
  type PassBudget,
  type PassRecord,
  passEvaluation,
  reluHealth,
  type ReluHealth,
  type TrainOptions,
  engineMessage,
} from '../../engine';
import { overflowSummaryOf } from './overflowLog';
import { type LabEvent, type LabSnapshot, snapshotBuffers } from './protocol';

/** Resolution of the output grid and of each neuron's small heatmap, for networks that can afford them. */
const GRID_RESOLUTION = 100;
const NEURON_GRID_RESOLUTION = 32;

/** Grid cost of one snapshot: ≈ 16 M multiply-adds is 20–35 ms; a big network gets coarser grids. */
const SNAPSHOT_GRID_BUDGET: GridBudget = {
  multiplyAdds: 16_000_000,
  // 64 neurons at 32²: more neurons than that never get a heatmap on the graph anyway
  neuronCells: 64 * NEURON_GRID_RESOLUTION * NEURON_GRID_RESOLUTION,
  resolution: GRID_RESOLUTION,
  neuronResolution: NEURON_GRID_RESOLUTION,
  minResolution: 16,
};

/** A live snapshot's pass: at most 8 MB of per-sample gradients and 16 MB of per-sample values. */
export const SNAPSHOT_PASS_BUDGET: PassBudget = { sampleGradients: 1_000_000, sampleValues: 2_000_000 };

// the pass budgets and keepWithin live in the engine, shared with the CLI
export { keepWithin } from '../../engine';

export interface SnapshotInput {
  runId: number;
  epoch: number;
  network: Network;
  /** parameters to show (a checkpoint's), defaulting to the network's own */
  params?: Float64Array;
  data: Dataset;
  options: TrainOptions;
  grid: GridEvaluator;
  overflows: number;
  divergence: Divergence | null;
  scrubbed: boolean;
}

export function buildSnapshot(input: SnapshotInput, budget: PassBudget = SNAPSHOT_PASS_BUDGET): LabSnapshot {
  const { network, data, options } = input;
  const net: Network = {
    sizes: [...network.sizes],
    activations: [...network.activations],
    leakySlope: network.leakySlope,
    params: (input.params ?? network.params).slice(),
  };
  let pass: PassRecord;
  try {
    pass = inspectPass(net, data, options, keepWithin(net.sizes, data.count, budget));
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    // out of memory for the per-sample parts: the batch numbers alone still show the network
    pass = inspectPass(net, data, options, { sampleGradients: false, sampleLimit: 0 });
  }
  const grids = input.grid.evaluate(net);
  // the pass's own forward pass: evaluate() would run a second one over all the data
  const evaluation = passEvaluation(pass);
  return {
    runId: input.runId,
    epoch: input.epoch,
    cost: evaluation.cost,
    network: net,
    pass,
    grids,
    evaluation,
    overflows: input.overflows,
    divergence: input.divergence,
    health: healthOf(net, pass),
    overflowLog: input.scrubbed ? null : overflowSummaryOf(network),
    scrubbed: input.scrubbed,
  };
}

/** Dead hidden ReLUs over every sample, also when the pass kept the z of only some of them. */
function healthOf(net: Network, pass: PassRecord): ReluHealth {
  if (pass.keptSamples === pass.count) return reluHealth(net, pass);
  // a ReLU's output is ≥ 0, so its batch mean is 0 exactly when it is 0 (z ≤ 0) for every sample
  return reluHealth(net, { count: 1, layers: pass.layers.map((layer) => ({ ...layer, z: layer.meanActivation })) });
}

export function gridFor(network: Network, data: Dataset): GridEvaluator {
  const { resolution, neuronResolution } = gridResolutions(network.sizes, SNAPSHOT_GRID_BUDGET);
  return new GridEvaluator(network, data.domain, resolution, neuronResolution);
}

/**
 * Posts a snapshot; if it cannot be sent (the page or the worker ran out of memory), the page
 * hears why in words and training goes on. Returns whether it went out.
 */
export function postSnapshot(post: (event: LabEvent, transfer: Transferable[]) => void, runId: number, snapshot: LabSnapshot): boolean {
  try {
    post({ type: 'snapshot', runId, snapshot }, snapshotBuffers(snapshot));
    return true;
  } catch (err) {
    post({ type: 'error', message: snapshotFailure(snapshot, err) }, []);
    return false;
  }
}

function snapshotFailure(snapshot: LabSnapshot, err: unknown): EngineMessage {
  const memory = err instanceof RangeError || (err instanceof Error && /memory|allocat|clone/i.test(err.message));
  const megabytes = Math.ceil(snapshotBuffers(snapshot).reduce((sum, buffer) => sum + buffer.byteLength, 0) / 1e6);
  const why = memory ? engineMessage('snapshotMemory', { megabytes }) : engineMessage('snapshotRefused');
  return engineMessage('snapshotFailed', { epoch: snapshot.epoch.toLocaleString('en'), why });
}
