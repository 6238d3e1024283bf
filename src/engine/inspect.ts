/**
 * The inspectable pass: everything of one forward and backward pass over the whole dataset,
 * for every sample, plus the parameters before and after the update. The live views, the
 * step-through and `cli step` all read this record; none of them recompute a number.
 *
 * A big network on big data makes the per-sample parts huge (each sample's gradient alone is
 * count × parameterCount numbers), so a caller may leave them out (InspectOptions). The batch
 * numbers (cost, gradient, update, batch-mean activations) are always exact and complete.
 */
import { derivative } from './activations';
import type { Dataset } from './datasets';
import { type Evaluation, scoreOutputs } from './evaluate';
import { type Network, layoutOf } from './network';
import type { TrainOptions } from './options';
import { PassWorkspace, applyUpdate, backward, forward } from './pass';

interface LayerRecord {
  /** layer index l (1 … L) */
  layer: number;
  size: number;
  /** keptSamples × n_l, sample-major (the first keptSamples samples of the batch) */
  z: Float64Array;
  a: Float64Array;
  delta: Float64Array;
  /** f_l′(z^l) and f_l′(a^l) per sample and neuron: BP2 uses the first (correct) or second (buggy) */
  fPrimeAtZ: Float64Array;
  fPrimeAtA: Float64Array;
  /** a^l_j averaged over every sample of the batch (kept or not) */
  meanActivation: Float64Array;
  /** ∂C/∂W^l, n_l × n_(l−1) row-major, averaged over the batch (BP4) */
  gradWeights: Float64Array;
  /** ∂C/∂b^l averaged over the batch (BP3) */
  gradBiases: Float64Array;
}

/** Which of a PassRecord's samples a reader shows: one by its index in the batch, or the batch mean. */
export type SampleSelection = number | 'mean';

export interface PassRecord {
  count: number;
  /** count × n_0 */
  inputs: Float64Array;
  /** count × n_L */
  targets: Float64Array;
  /** count × n_L: the output a^L of every sample (kept whatever keptSamples is) */
  outputs: Float64Array;
  /** mean cost over the batch, before the update */
  cost: number;
  /** each sample's cost term */
  sampleCosts: Float64Array;
  layers: LayerRecord[];
  /** ∂C/∂params, same layout as params */
  gradient: Float64Array;
  /** how many samples (the first ones) the layers' z, a, δ, f′ arrays hold: count unless limited */
  keptSamples: number;
  /** count × parameterCount: each sample's own gradient (its term of the sum before averaging); null when not kept */
  sampleGradients: Float64Array | null;
  /** the divisor the gradient was scaled by (count, or n_0 under the question's slip) */
  divisor: number;
  learningRate: number;
  paramsBefore: Float64Array;
  paramsAfter: Float64Array;
  /** naive-sigmoid overflows in this pass */
  overflows: number;
}

export interface InspectOptions {
  /** keep each sample's own gradient (count × parameterCount numbers); default true */
  sampleGradients?: boolean;
  /** keep z, a, δ, f′ of at most this many samples (the first ones); default all */
  sampleLimit?: number;
}

export function inspectPass(net: Network, data: Dataset, options: TrainOptions, keep: InspectOptions = {}): PassRecord {
  const count = data.count;
  const kept = Math.max(0, Math.min(count, Math.floor(keep.sampleLimit ?? count)));
  const ws = new PassWorkspace(net, count);
  const naive = options.sigmoidForm === 'naive';
  forward(net, ws, data.inputs, count, naive);
  const total = backward(net, ws, data.targets, count, options);
  const L = net.sizes.length - 1;
  const layout = layoutOf(net.sizes);
  const layers: LayerRecord[] = [];
  for (let l = 1; l <= L; l++) {
    const n = net.sizes[l];
    const z = ws.z[l].slice(0, kept * n);
    const a = ws.a[l].slice(0, kept * n);
    const name = net.activations[l - 1];
    const meanActivation = new Float64Array(n);
    const all = ws.a[l];
    for (let s = 0; s < count; s++) for (let j = 0; j < n; j++) meanActivation[j] += all[s * n + j];
    if (count > 0) for (let j = 0; j < n; j++) meanActivation[j] /= count;
    const fPrimeAtZ = z.map((v) => derivative(name, v, net.leakySlope));
    const fPrimeAtA = a.map((v) => derivative(name, v, net.leakySlope));
    layers.push({
      layer: l,
      size: n,
      z,
      a,
      delta: ws.delta[l].slice(0, kept * n),
      fPrimeAtZ,
      fPrimeAtA,
      meanActivation,
      gradWeights: ws.grad.slice(layout.weightOffset[l], layout.biasOffset[l]),
      gradBiases: ws.grad.slice(layout.biasOffset[l], layout.biasOffset[l] + n),
    });
  }
  const P = layout.parameterCount;
  const sampleGradients = keep.sampleGradients === false ? null : new Float64Array(count * P);
  for (let s = 0; sampleGradients && s < count; s++) {
    for (let l = 1; l <= L; l++) {
      const nIn = net.sizes[l - 1];
      const nOut = net.sizes[l];
      for (let j = 0; j < nOut; j++) {
        const d = ws.delta[l][s * nOut + j];
        sampleGradients[s * P + layout.biasOffset[l] + j] = d;
        for (let i = 0; i < nIn; i++) sampleGradients[s * P + layout.weightOffset[l] + j * nIn + i] = d * ws.a[l - 1][s * nIn + i];
      }
    }
  }
  const gradient = ws.grad.slice();
  const paramsBefore = net.params.slice();
  // the trainer's own update, on a copy: the record shows the step training takes
  const updated: Network = { ...net, params: paramsBefore.slice() };
  applyUpdate(updated, ws, options.learningRate, options.freezeBiases);
  const paramsAfter = updated.params;
  return {
    count,
    inputs: data.inputs.slice(),
    targets: data.targets.slice(),
    outputs: ws.a[L].slice(0, count * net.sizes[L]),
    cost: total / count,
    sampleCosts: ws.sampleCost.slice(0, count),
    layers,
    gradient,
    keptSamples: kept,
    sampleGradients,
    divisor: options.gradientDivisor === 'features' ? net.sizes[0] : count,
    learningRate: options.learningRate,
    paramsBefore,
    paramsAfter,
    overflows: ws.overflows,
  };
}

/** The evaluation of the network the pass ran on (what `evaluate` computes, from the same forward pass). */
export function passEvaluation(pass: PassRecord): Evaluation {
  const nL = pass.targets.length / Math.max(1, pass.count);
  return { cost: pass.cost, outputs: pass.outputs, ...scoreOutputs(pass.outputs, pass.targets, pass.count, nL) };
}
