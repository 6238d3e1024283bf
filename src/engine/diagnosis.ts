/**
 * The diagnosis of a pasted gradient: compared with the lab's correct gradient on the same network
 * and data, parameter by parameter and layer by layer, and with the gradient of every slip and every
 * pair of slips of the library (all computed by the one backward pass). The verdict names the set
 * that reproduces it within MATCH_TOLERANCE, or says no known slip does. A square weight matrix
 * written transposed (gradWeights[k][i][j] where [j][i] belongs) has the right shape, so the
 * diagnosis also tries each set of square layers transposed back, and names the layers.
 */
import type { Dataset } from './datasets';
import { type LayerAgreement, type ParameterCheck, analyticGradient, layerAgreements } from './gradcheck';
import { type Network, layoutOf, parameterPlace } from './network';
import type { TrainOptions } from './settings';
import { SLIPS, SLIP_IDS, type SlipId, singlesAndPairs, slipApplies, slipSetName, withSlips } from './slipLibrary';

/** Gradients this close (relative, entry by entry) are the same gradient. */
export const MATCH_TOLERANCE = 1e-9;
/** Entries smaller than this fraction of the gradient's largest entry are compared against that fraction. */
const ENTRY_FLOOR_FRACTION = 1e-6;

/**
 * max over entries of |a − b| / max(|a|, |b|, 1e-6·‖b‖∞): the relative difference, where entries far
 * below the rest of the gradient are measured against it (rounding alone moves them by more).
 */
export function gradientDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let largest = 0;
  for (let k = 0; k < b.length; k++) largest = Math.max(largest, Math.abs(b[k]));
  const floor = Math.max(ENTRY_FLOOR_FRACTION * largest, Number.MIN_VALUE);
  let worst = 0;
  for (let k = 0; k < a.length; k++) {
    const d = Math.abs(a[k] - b[k]) / Math.max(Math.abs(a[k]), Math.abs(b[k]), floor);
    // NaN (from a non-finite entry) counts as the largest difference
    worst = d > worst || Number.isNaN(d) ? (Number.isNaN(d) ? Infinity : d) : worst;
  }
  return worst;
}

/** The full-batch gradient of `options` (its cost, η) with exactly the slips `ids` made: the one backward pass's. */
export function gradientWithSlips(net: Network, data: Dataset, options: TrainOptions, ids: readonly SlipId[]): Float64Array {
  return analyticGradient(net, data, withSlips(options, ids));
}

/** The slips a gradient file can tell apart on this network and cost. */
export function diagnosableSlips(sizes: readonly number[], cost: TrainOptions['cost']): SlipId[] {
  return SLIP_IDS.filter((id) => SLIPS[id].showsInGradients && slipApplies(id, sizes, cost));
}

export interface ParameterDeparture extends ParameterCheck {}

/** A layer's direction and scale, and which gradient is all zeros there when the cosine is undefined (NaN). */
export interface LayerComparison extends LayerAgreement {
  /** whose gradient is all zeros in this layer (null: neither) */
  zero: 'yours' | 'lab' | 'both' | null;
}

function layerComparisons(parameters: readonly ParameterDeparture[], L: number): LayerComparison[] {
  return layerAgreements(parameters, L).map((agreement) => {
    const own = parameters.filter((p) => p.layer === agreement.layer);
    const yoursZero = own.every((p) => p.analytic === 0);
    const labZero = own.every((p) => p.numeric === 0);
    return { ...agreement, zero: yoursZero ? (labZero ? 'both' : 'yours') : labZero ? 'lab' : null };
  });
}

/** What a cell of the layer table holds: a number; nothing, as the named gradient is all zeros; or a ratio beyond 1.8e308. */
export type LayerCell = { kind: 'number'; value: number } | { kind: 'zero'; zero: 'yours' | 'lab' | 'both' } | { kind: 'overflow' };

/** The cosine and norm-ratio cells of a layer, for the page and the CLI to word alike. */
export function layerCells(layer: LayerComparison): { cosine: LayerCell; scale: LayerCell } {
  const cell = (x: number): LayerCell =>
    Number.isFinite(x) ? { kind: 'number', value: x } : Number.isNaN(x) ? { kind: 'zero', zero: layer.zero ?? 'both' } : { kind: 'overflow' };
  return { cosine: cell(layer.cosine), scale: cell(layer.scale) };
}

export interface Diagnosis {
  /**
   * correct: within MATCH_TOLERANCE of the lab's gradient; slips: a known set reproduces it;
   * transposed: with the weight gradients of `transposed` layers transposed back, it is correct or
   * a known set (`matches`, maybe none) reproduces it; unknown: none of these does
   */
  verdict: 'correct' | 'slips' | 'transposed' | 'unknown';
  /** the sets of slips that reproduce it (one on the probe; more only where a network cannot tell them apart) */
  matches: SlipId[][];
  /** the layers l whose ∂C/∂W^l was written transposed (empty unless the verdict is transposed) */
  transposed: number[];
  /** each parameter: yours (analytic), the lab's (numeric), and the relative error */
  parameters: ParameterDeparture[];
  /** the first layer, counting back from the output, with an entry off by more than MATCH_TOLERANCE (null: none) */
  firstDepartingLayer: number | null;
  /** direction (cosine) and scale (‖yours‖ / ‖correct‖) per layer l = 1 … L */
  layers: LayerComparison[];
  /** the distance to the lab's correct gradient (gradientDistance) */
  distance: number;
  /** one paragraph: the verdict and the lines to change */
  message: string;
}

export function diagnose(net: Network, data: Dataset, options: TrainOptions, mine: Float64Array): Diagnosis {
  const base: TrainOptions = withSlips(options, []);
  const correct = gradientWithSlips(net, data, base, []);
  const layout = layoutOf(net.sizes);
  let largest = 0;
  for (const g of correct) largest = Math.max(largest, Math.abs(g));
  const floor = Math.max(ENTRY_FLOOR_FRACTION * largest, Number.MIN_VALUE);
  const parameters: ParameterDeparture[] = Array.from(correct, (c, index) => {
    const u = mine[index];
    const error = Math.abs(u - c) / Math.max(Math.abs(u), Math.abs(c), floor);
    return {
      ...parameterPlace(net.sizes, index, layout)!,
      analytic: u,
      numeric: c,
      relativeError: Number.isNaN(error) ? Infinity : error,
      directionError: NaN,
      // two exact gradients side by side: no finite difference, no kink
      kink: false,
    };
  });
  const L = net.sizes.length - 1;
  const layers = layerComparisons(parameters, L);
  let firstDepartingLayer: number | null = null;
  for (let l = L; l >= 1 && firstDepartingLayer === null; l--)
    if (parameters.some((p) => p.layer === l && p.relativeError > MATCH_TOLERANCE)) firstDepartingLayer = l;
  const distance = gradientDistance(mine, correct);
  if (distance <= MATCH_TOLERANCE)
    return {
      verdict: 'correct',
      matches: [],
      transposed: [],
      parameters,
      firstDepartingLayer,
      layers,
      distance,
      message: `Your gradients are correct: every entry is within ${MATCH_TOLERANCE} relative of the lab's.`,
    };
  const known = singlesAndPairs(diagnosableSlips(net.sizes, base.cost)).map((ids) => ({ ids, gradient: gradientWithSlips(net, data, base, ids) }));
  const matchesOf = (g: Float64Array) => known.filter((set) => gradientDistance(g, set.gradient) <= MATCH_TOLERANCE).map((set) => set.ids);
  const matches = matchesOf(mine);
  const where =
    firstDepartingLayer === null
      ? ''
      : ` They first depart at layer ${firstDepartingLayer}${firstDepartingLayer === L ? ', the output layer' : `, ${L - firstDepartingLayer} layer${L - firstDepartingLayer === 1 ? '' : 's'} back from the output`}.`;
  if (matches.length === 0) {
    const found = transposedMatch(net.sizes, mine, (g) => (gradientDistance(g, correct) <= MATCH_TOLERANCE ? [[]] : matchesOf(g)));
    if (found)
      return {
        verdict: 'transposed',
        matches: found.matches.filter((ids) => ids.length > 0),
        transposed: found.layers,
        parameters,
        firstDepartingLayer,
        layers,
        distance,
        message: `${transposedSentence(found.layers)} ${found.matches[0].length === 0 ? 'Transposed back, they are correct.' : found.matches.map((ids) => matchSentence(ids, 'Transposed back, they are')).join(' Or equally: ')}${where}`,
      };
    return {
      verdict: 'unknown',
      matches,
      transposed: [],
      parameters,
      firstDepartingLayer,
      layers,
      distance,
      message: `No known slip, and no pair of known slips, reproduces your gradients.${where}`,
    };
  }
  return {
    verdict: 'slips',
    matches,
    transposed: [],
    parameters,
    firstDepartingLayer,
    layers,
    distance,
    message: `${matches.map((ids) => matchSentence(ids)).join(' Or equally: ')}${where}`,
  };
}

/** "Your gradients are exactly those of: σ′ taken at a, and ÷ input features. Change `…` to `…`. Change …" */
function matchSentence(ids: readonly SlipId[], lead = 'Your gradients are'): string {
  return `${lead} exactly those of: ${slipSetName(ids)}. ${ids.map((id) => `Change \`${SLIPS[id].wrong}\` to \`${SLIPS[id].fix}\`.`).join(' ')}`;
}

/** "Your weight gradients of layers 1 and 3 are transposed: row j of gradWeights[k] must hold …" */
function transposedSentence(layers: readonly number[]): string {
  const list = layers.length === 1 ? `layer ${layers[0]}` : `layers ${layers.slice(0, -1).join(', ')} and ${layers[layers.length - 1]}`;
  return `Your weight gradients of ${list} are transposed: row j of gradWeights[k] must hold the gradients of the weights into neuron j.`;
}

/**
 * The fewest square layers whose weight gradients, transposed back, make `mine` a gradient `matchesOf`
 * recognises (its sets of slips, [[]] for correct): null when no set of layers does.
 */
function transposedMatch(
  sizes: readonly number[],
  mine: Float64Array,
  matchesOf: (g: Float64Array) => SlipId[][],
): { layers: number[]; matches: SlipId[][] } | null {
  const layout = layoutOf(sizes);
  const square = sizes.slice(1).flatMap((n, k) => (n === sizes[k] && n > 1 ? [k + 1] : []));
  const subsets = Array.from({ length: (1 << square.length) - 1 }, (_, m) => square.filter((_, bit) => ((m + 1) >> bit) & 1));
  subsets.sort((a, b) => a.length - b.length);
  for (const layers of subsets) {
    const g = Float64Array.from(mine);
    for (const l of layers) {
      const n = sizes[l];
      const at = layout.weightOffset[l];
      for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) g[at + j * n + i] = mine[at + i * n + j];
    }
    const matches = matchesOf(g);
    if (matches.length > 0) return { layers, matches };
  }
  return null;
}
