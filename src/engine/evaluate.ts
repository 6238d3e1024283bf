/** Predictions, cost and the "solved" test on a whole dataset, without training. */
import type { Dataset } from './datasets';
import type { Network } from './network';
import { DEFAULT_TRAIN_OPTIONS, type TrainOptions } from './options';
import { PassWorkspace, backward, forward } from './pass';

export interface Evaluation {
  cost: number;
  /** count × n_L outputs a^L */
  outputs: Float64Array;
  /** samples whose every rounded output equals its target */
  correct: number;
  accuracy: number;
  /** every rounded output equals its target (the question's test of a gate) */
  solved: boolean;
}

/** Mean cost of the dataset under the options' cost (and sigmoid form). */
export function datasetCost(net: Network, data: Dataset, options: Pick<TrainOptions, 'cost' | 'sigmoidForm'>, ws = new PassWorkspace(net, data.count)): number {
  const naive = options.sigmoidForm === 'naive';
  forward(net, ws, data.inputs, data.count, naive);
  return backward(net, ws, data.targets, data.count, { ...DEFAULT_TRAIN_OPTIONS, ...options }) / data.count;
}

export function evaluate(net: Network, data: Dataset, options: Pick<TrainOptions, 'cost' | 'sigmoidForm'>): Evaluation {
  const ws = new PassWorkspace(net, data.count);
  const cost = datasetCost(net, data, options, ws);
  const L = net.sizes.length - 1;
  const nL = net.sizes[L];
  const outputs = ws.a[L].slice(0, data.count * nL);
  return { cost, outputs, ...scoreOutputs(outputs, data.targets, data.count, nL) };
}

/** Samples whose every output, rounded at ½, equals its target (count × nL, sample-major). */
export function scoreOutputs(
  outputs: ArrayLike<number>,
  targets: ArrayLike<number>,
  count: number,
  nL: number,
): Pick<Evaluation, 'correct' | 'accuracy' | 'solved'> {
  let correct = 0;
  for (let s = 0; s < count; s++) {
    let ok = true;
    for (let j = 0; j < nL; j++) {
      const k = s * nL + j;
      if ((outputs[k] >= 0.5 ? 1 : 0) !== targets[k]) ok = false;
    }
    if (ok) correct++;
  }
  return { correct, accuracy: correct / count, solved: correct === count };
}

/** a^L for arbitrary input rows (count × n_0). */
export function predict(net: Network, inputs: Float64Array, count: number): Float64Array {
  const ws = new PassWorkspace(net, count);
  forward(net, ws, inputs, count);
  return ws.a[net.sizes.length - 1].slice(0, count * net.sizes[net.sizes.length - 1]);
}
