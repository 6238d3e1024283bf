/**
 * The diagnosis of a pasted gradient: compared with the lab's correct gradient on the same network
 * and data, parameter by parameter and layer by layer, and with the gradient of every slip and every
 * pair of slips of the library (all computed by the one backward pass). The verdict names the set
 * that reproduces it within MATCH_TOLERANCE, or says no known slip does.
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

export interface Diagnosis {
  /** correct: within MATCH_TOLERANCE of the lab's gradient; slips: a known set reproduces it; unknown: none does */
  verdict: 'correct' | 'slips' | 'unknown';
  /** the sets of slips that reproduce it (one on the probe; more only where a network cannot tell them apart) */
  matches: SlipId[][];
  /** each parameter: yours (analytic), the lab's (numeric), and the relative error */
  parameters: ParameterDeparture[];
  /** the first layer, counting back from the output, with an entry off by more than MATCH_TOLERANCE (null: none) */
  firstDepartingLayer: number | null;
  /** direction (cosine) and scale (‖yours‖ / ‖correct‖) per layer l = 1 … L */
  layers: LayerAgreement[];
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
  const layers = layerAgreements(parameters, L);
  let firstDepartingLayer: number | null = null;
  for (let l = L; l >= 1 && firstDepartingLayer === null; l--)
    if (parameters.some((p) => p.layer === l && p.relativeError > MATCH_TOLERANCE)) firstDepartingLayer = l;
  const distance = gradientDistance(mine, correct);
  if (distance <= MATCH_TOLERANCE)
    return {
      verdict: 'correct',
      matches: [],
      parameters,
      firstDepartingLayer,
      layers,
      distance,
      message: `Your gradients are correct: every entry is within ${MATCH_TOLERANCE} relative of the lab's.`,
    };
  const matches = singlesAndPairs(diagnosableSlips(net.sizes, base.cost)).filter(
    (ids) => gradientDistance(mine, gradientWithSlips(net, data, base, ids)) <= MATCH_TOLERANCE,
  );
  const where =
    firstDepartingLayer === null
      ? ''
      : ` They first depart at layer ${firstDepartingLayer}${firstDepartingLayer === L ? ', the output layer' : `, ${L - firstDepartingLayer} layer${L - firstDepartingLayer === 1 ? '' : 's'} back from the output`}.`;
  if (matches.length === 0)
    return {
      verdict: 'unknown',
      matches,
      parameters,
      firstDepartingLayer,
      layers,
      distance,
      message: `No known slip, and no pair of known slips, reproduces your gradients.${where}`,
    };
  return {
    verdict: 'slips',
    matches,
    parameters,
    firstDepartingLayer,
    layers,
    distance,
    message: `${matches.map(matchSentence).join(' Or equally: ')}${where}`,
  };
}

/** "Your gradients are exactly those of: σ′ taken at a, and ÷ input features. Change `…` to `…`. Change …" */
function matchSentence(ids: readonly SlipId[]): string {
  return `Your gradients are exactly those of: ${slipSetName(ids)}. ${ids.map((id) => `Change \`${SLIPS[id].wrong}\` to \`${SLIPS[id].fix}\`.`).join(' ')}`;
}
