/**
 * A multilayer perceptron: sizes n_0 … n_L, one activation per non-input layer, and all
 * parameters in one flat Float64Array. For each layer l = 1 … L the array holds W^l
 * (n_l × n_(l−1), row-major: row j = the weights into neuron j) followed by b^l (n_l).
 * Plain data (no class) so it crosses a worker boundary by structured clone.
 */
import { EngineError, type EngineMessage, type MessageValue, engineMessage } from './messages';
import { type ActivationName, DEFAULT_LEAKY_SLOPE } from './activations';
import { Rng, RngStream } from './rng';

export interface Network {
  /** n_0 (inputs) … n_L (outputs) */
  readonly sizes: readonly number[];
  /** activations[l − 1] is f_l, the activation of layer l */
  readonly activations: readonly ActivationName[];
  readonly leakySlope: number;
  readonly params: Float64Array;
}

export interface Layout {
  /** weightOffset[l] is where W^l starts in params (index 0 unused) */
  readonly weightOffset: readonly number[];
  /** biasOffset[l] is where b^l starts in params (index 0 unused) */
  readonly biasOffset: readonly number[];
  readonly parameterCount: number;
}

export const INIT_METHODS = ['normal', 'xavier', 'he'] as const;
export type InitMethod = (typeof INIT_METHODS)[number];

export const SHAPE_LIMITS = { maxHiddenLayers: 8, maxHiddenNeurons: 64, maxInputs: 64, maxOutputs: 64 } as const;

export function layoutOf(sizes: readonly number[]): Layout {
  const weightOffset = [0];
  const biasOffset = [0];
  let offset = 0;
  for (let l = 1; l < sizes.length; l++) {
    weightOffset.push(offset);
    offset += sizes[l] * sizes[l - 1];
    biasOffset.push(offset);
    offset += sizes[l];
  }
  return { weightOffset, biasOffset, parameterCount: offset };
}

/** Which parameter an index into params is: W^l[j][i] (from neuron i of layer l−1 to neuron j of layer l) or b^l[j]. */
export interface ParameterPlace {
  /** index into params */
  index: number;
  /** layer l (1 … L) */
  layer: number;
  kind: 'weight' | 'bias';
  /** neuron j of layer l (0-based) */
  j: number;
  /** neuron i of layer l − 1 (weights only; −1 for biases) */
  i: number;
}

/** The place of params[index], or null when the index is outside the network. */
export function parameterPlace(sizes: readonly number[], index: number, layout: Layout = layoutOf(sizes)): ParameterPlace | null {
  for (let l = 1; l < sizes.length; l++) {
    const biases = layout.biasOffset[l];
    if (index < layout.weightOffset[l] || index >= biases + sizes[l]) continue;
    if (index >= biases) return { index, layer: l, kind: 'bias', j: index - biases, i: -1 };
    const offset = index - layout.weightOffset[l];
    return { index, layer: l, kind: 'weight', j: Math.floor(offset / sizes[l - 1]), i: offset % sizes[l - 1] };
  }
  return null;
}

/** A reason the shape is not allowed, or null; `where` names layer l in the message (a file's layers[l] by default). */
export function shapeError(
  sizes: readonly number[],
  activations: readonly string[],
  where: (l: number) => MessageValue = (l) => `layers[${l}]`,
): EngineMessage | null {
  if (!Array.isArray(sizes) || sizes.length < 2) return engineMessage('shapeTooFew');
  for (let l = 0; l < sizes.length; l++) {
    const n = sizes[l];
    if (!Number.isInteger(n) || n < 1) return engineMessage('shapeSize', { where: where(l), value: String(n) });
  }
  const hidden = sizes.length - 2;
  if (hidden > SHAPE_LIMITS.maxHiddenLayers) return engineMessage('shapeHiddenLayers', { max: SHAPE_LIMITS.maxHiddenLayers, count: hidden });
  for (let l = 1; l <= hidden; l++) {
    if (sizes[l] > SHAPE_LIMITS.maxHiddenNeurons)
      return engineMessage('shapeHiddenNeurons', { where: where(l), max: SHAPE_LIMITS.maxHiddenNeurons, count: sizes[l] });
  }
  if (sizes[0] > SHAPE_LIMITS.maxInputs) return engineMessage('shapeInputs', { where: where(0), max: SHAPE_LIMITS.maxInputs, count: sizes[0] });
  if (sizes[sizes.length - 1] > SHAPE_LIMITS.maxOutputs) return engineMessage('shapeOutputs', { where: where(sizes.length - 1), max: SHAPE_LIMITS.maxOutputs });
  if (activations.length !== sizes.length - 1) return engineMessage('shapeActivations', { expected: sizes.length - 1, count: activations.length });
  return null;
}

export function createNetwork(
  sizes: readonly number[],
  activations: readonly ActivationName[],
  params?: Float64Array,
  leakySlope = DEFAULT_LEAKY_SLOPE,
): Network {
  const problem = shapeError(sizes, activations);
  if (problem) throw new EngineError(problem);
  const count = layoutOf(sizes).parameterCount;
  if (params && params.length !== count) throw new RangeError(`params: expected ${count} values, got ${params.length}`);
  return { sizes: [...sizes], activations: [...activations], leakySlope, params: params ?? new Float64Array(count) };
}

/**
 * Draw every parameter from the seeded generator:
 * normal = N(0, 1) for weights and biases (the question's np.random.randn);
 * xavier = U(±√(6/(n_in+n_out))) weights, zero biases; he = N(0, 2/n_in) weights, zero biases.
 */
export function initializeNetwork(
  sizes: readonly number[],
  activations: readonly ActivationName[],
  method: InitMethod,
  seed: number,
  leakySlope = DEFAULT_LEAKY_SLOPE,
): Network {
  const net = createNetwork(sizes, activations, undefined, leakySlope);
  const rng = new Rng(seed, RngStream.init);
  const layout = layoutOf(sizes);
  const p = net.params;
  for (let l = 1; l < sizes.length; l++) {
    const nIn = sizes[l - 1];
    const nOut = sizes[l];
    const w0 = layout.weightOffset[l];
    const b0 = layout.biasOffset[l];
    for (let k = 0; k < nIn * nOut; k++) {
      if (method === 'normal') p[w0 + k] = rng.normal();
      else if (method === 'xavier') {
        const limit = Math.sqrt(6 / (nIn + nOut));
        p[w0 + k] = rng.range(-limit, limit);
      } else p[w0 + k] = rng.normal() * Math.sqrt(2 / nIn);
    }
    for (let j = 0; j < nOut; j++) p[b0 + j] = method === 'normal' ? rng.normal() : 0;
  }
  return net;
}

export function cloneNetwork(net: Network): Network {
  return { sizes: [...net.sizes], activations: [...net.activations], leakySlope: net.leakySlope, params: net.params.slice() };
}

/** W^l as nested rows [j][i], for files and display. */
export function weightRows(net: Network, l: number): number[][] {
  const layout = layoutOf(net.sizes);
  const nIn = net.sizes[l - 1];
  const rows: number[][] = [];
  for (let j = 0; j < net.sizes[l]; j++) {
    const start = layout.weightOffset[l] + j * nIn;
    rows.push(Array.from(net.params.subarray(start, start + nIn)));
  }
  return rows;
}

export function biasVector(net: Network, l: number): number[] {
  const layout = layoutOf(net.sizes);
  return Array.from(net.params.subarray(layout.biasOffset[l], layout.biasOffset[l] + net.sizes[l]));
}
