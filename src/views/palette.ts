/**
 * Shared colours. Every scale here is colour-blind safe:
 * - values (outputs, activations, weights) use one diverging ramp whose two ends are Okabe & Ito's
 *   vermillion/orange and blue, the pair that stays distinct under protanopia, deuteranopia and
 *   tritanopia; it runs through a near-white middle in CIE Lab so lightness grows with |value|
 *   and the ramp still reads in greyscale;
 * - series (cost curves of twin runs) use the Okabe–Ito qualitative set.
 * Orange means low / negative / class 0, blue means high / positive / class 1, everywhere.
 */
import { interpolateLab, piecewise, scaleDiverging, scaleSqrt } from 'd3';
import type { ActivationName } from '../engine';

export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  black: '#000000',
} as const;

/** Colours of the cost-curve series, in order (first run, twin, …). */
export const SERIES_COLORS: readonly string[] = [
  OKABE_ITO.blue,
  OKABE_ITO.vermillion,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.orange,
  OKABE_ITO.skyBlue,
];

/** Ends and middle of the value ramp. */
const LOW_COLOR = '#B84A00';
const HIGH_COLOR = '#005A96';
const MIDDLE_COLOR = '#F4F2EE';

/** t ∈ [0, 1] → colour: 0 = dark orange (low), ½ = near white, 1 = dark blue (high). */
export const interpolateValue = piecewise(interpolateLab, [LOW_COLOR, OKABE_ITO.vermillion, '#F5B56B', MIDDLE_COLOR, '#8CC4E8', OKABE_ITO.blue, HIGH_COLOR]);

/** The same ramp with a light grey middle, so weights near zero still show faintly on white. */
export const interpolateWeight = piecewise(interpolateLab, [LOW_COLOR, OKABE_ITO.vermillion, '#F5B56B', '#D9D6D0', '#8CC4E8', OKABE_ITO.blue, HIGH_COLOR]);

/**
 * The boundary's background: the value ramp washed 22% toward white, so the data points (drawn in
 * the full-strength class colours) stand out on a region of their own colour.
 */
export const interpolateBoundary = (t: number): string => interpolateLab('#FFFFFF', interpolateValue(t))(0.78);

/** Colour of the class (target) of a data point: 0 → orange, 1 → blue, in between by the ramp. */
export function classColor(target: number): string {
  if (!(target > 0)) return OKABE_ITO.vermillion;
  if (target >= 1) return OKABE_ITO.blue;
  return interpolateValue(target);
}

/**
 * The range of values an activation takes, as [low, middle, high] for a diverging scale.
 * Unbounded activations (ReLU, leaky ReLU, linear) use ±`spread`, supplied by the caller.
 */
export function activationDomain(activation: ActivationName | 'input', spread = 1): [number, number, number] {
  if (activation === 'sigmoid') return [0, 0.5, 1];
  if (activation === 'tanh') return [-1, 0, 1];
  const m = Number.isFinite(spread) && spread > 0 ? spread : 1;
  return [-m, 0, m];
}

/** Diverging colour scale for activations of one layer. */
export function activationColorScale(domain: [number, number, number]) {
  return scaleDiverging(interpolateValue).domain(domain).clamp(true);
}

/** Diverging colour scale for weights, symmetric about 0 with ±`maxAbs` at the ends. */
export function weightColorScale(maxAbs: number) {
  const m = Number.isFinite(maxAbs) && maxAbs > 0 ? maxAbs : 1;
  return scaleDiverging(interpolateWeight).domain([-m, 0, m]).clamp(true);
}

/** Stroke width of an edge by |w|: area-true (square root), from hairline to `maxWidth`. */
export function weightWidthScale(maxAbs: number, maxWidth: number) {
  const m = Number.isFinite(maxAbs) && maxAbs > 0 ? maxAbs : 1;
  return scaleSqrt()
    .domain([0, m])
    .range([0.6, Math.max(1, maxWidth)])
    .clamp(true);
}
