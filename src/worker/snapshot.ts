/**
 * The full picture of a network at one epoch, built only from engine calls: the inspectable
 * pass (z, a, δ, f′, gradients of every sample), the boundary grids and the evaluation.
 * Every array is fresh, so all of them can be transferred to the page.
 */
import { type Dataset, type Divergence, evaluate, GridEvaluator, inspectPass, type Network, reluHealth, type TrainOptions } from '../engine';
import { overflowSummaryOf } from './overflowLog';
import type { LabSnapshot } from './protocol';

/** Resolution of the output grid and of each neuron's small heatmap. */
export const GRID_RESOLUTION = 100;
export const NEURON_GRID_RESOLUTION = 32;

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

export function buildSnapshot(input: SnapshotInput): LabSnapshot {
  const { network, data, options } = input;
  const net: Network = { sizes: [...network.sizes], activations: [...network.activations], leakySlope: network.leakySlope, params: (input.params ?? network.params).slice() };
  const pass = inspectPass(net, data, options);
  const grids = input.grid.evaluate(net);
  const evaluation = evaluate(net, data, options);
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
    health: reluHealth(net, pass),
    overflowLog: input.scrubbed ? null : overflowSummaryOf(network),
    scrubbed: input.scrubbed,
  };
}

export function gridFor(network: Network, data: Dataset): GridEvaluator {
  return new GridEvaluator(network, data.domain, GRID_RESOLUTION, NEURON_GRID_RESOLUTION);
}
