/**
 * Gradient check on the graph: each weight and bias coloured by the relative error between its
 * analytic gradient (BP1–BP4) and the engine's numeric estimate, on a log scale. Blue = agrees,
 * grey = at the tolerance, vermillion/dark red = wrong (the blue–vermillion pair stays distinct under
 * every common colour-vision deficiency, and lightness runs dark–light–dark so it reads in greyscale).
 */
import { interpolateLab, piecewise, scaleLinear } from 'd3';
import { DEFAULT_GRADCHECK_TOLERANCE, type GradientCheck, type LayerAgreement, type ParameterCheck } from '../../engine';
import { formatNumber } from '../format';
import { t } from '../../i18n/setup';

/** log10 of the smallest and largest relative error the colour scale distinguishes. */
const ERROR_LOG_MIN = -12;
const ERROR_LOG_MAX = 0;

const RAMP = ['#003F6B', '#0072B2', '#8CC4E8', '#BDB8B0', '#F5B56B', '#D55E00', '#8A2300'];
const interpolateError = piecewise(interpolateLab, RAMP);

/** log10 of a relative error, clamped to the scale (0 → the bottom, NaN → the top: a NaN gradient is a failure). */
function errorLog(relativeError: number): number {
  if (Number.isNaN(relativeError)) return ERROR_LOG_MAX;
  if (relativeError <= 0) return ERROR_LOG_MIN;
  return Math.min(ERROR_LOG_MAX, Math.max(ERROR_LOG_MIN, Math.log10(relativeError)));
}

/** The scale position t ∈ [0, 1] of an error: the tolerance sits at ½, so pass and fail never share a hue. */
export function errorPosition(relativeError: number, tolerance = DEFAULT_GRADCHECK_TOLERANCE): number {
  const mid = Math.min(ERROR_LOG_MAX - 1, Math.max(ERROR_LOG_MIN + 1, Math.log10(tolerance)));
  return scaleLinear().domain([ERROR_LOG_MIN, mid, ERROR_LOG_MAX]).range([0, 0.5, 1]).clamp(true)(errorLog(relativeError));
}

export function relativeErrorColor(relativeError: number, tolerance = DEFAULT_GRADCHECK_TOLERANCE): string {
  return interpolateError(errorPosition(relativeError, tolerance));
}

export function passes(relativeError: number, tolerance = DEFAULT_GRADCHECK_TOLERANCE): boolean {
  return relativeError <= tolerance; // NaN fails
}

/** The NetworkGraph's `paramColor`: every checked parameter's colour by its error, undefined for the rest. */
export function gradCheckParamColor(check: GradientCheck | null, tolerance = DEFAULT_GRADCHECK_TOLERANCE): (index: number) => string | undefined {
  const colors = new Map<number, string>();
  // a parameter at a kink is not checked, so it gets no colour
  for (const p of check?.parameters ?? []) if (!p.kink) colors.set(p.index, relativeErrorColor(p.relativeError, tolerance));
  return (index) => colors.get(index);
}

export interface LegendStop {
  /** relative error at this stop */
  value: number;
  label: string;
  color: string;
  /** the stop's place along the bar, 0 … 1 */
  position: number;
}

/** Ticks of the legend bar, one per three decades, the tolerance included. */
export function gradCheckLegend(tolerance = DEFAULT_GRADCHECK_TOLERANCE): LegendStop[] {
  const values = [1e-12, 1e-9, 1e-6, 1e-3, 1];
  if (!values.includes(tolerance) && tolerance > 1e-12 && tolerance < 1) values.push(tolerance);
  return values
    .sort((a, b) => a - b)
    .map((value) => ({ value, label: formatNumber(value), color: relativeErrorColor(value, tolerance), position: errorPosition(value, tolerance) }));
}

/** CSS gradient of the legend bar (the tolerance always sits in the middle). */
export function gradCheckLegendGradient(stops = 13): string {
  const parts = Array.from({ length: stops }, (_, k) => {
    const t = k / (stops - 1);
    return `${interpolateError(t)} ${(100 * t).toFixed(1)}%`;
  });
  return `linear-gradient(to right, ${parts.join(', ')})`;
}

/**
 * Parameters sorted worst first by direction error (what is wrong beyond its layer's uniform scale),
 * NaN first of all; so a pure scale slip does not push a real bug's parameters down the list. Those
 * at a kink (not checked) come last.
 */
export function worstFirst(check: GradientCheck): ParameterCheck[] {
  const key = (p: ParameterCheck) => (p.kink ? -1 : Number.isNaN(p.directionError) ? Infinity : p.directionError);
  return [...check.parameters].sort((a, b) => key(b) - key(a) || a.index - b.index);
}

/** A layer's verdict: direction (cosine ≈ 1) and scale (norm ratio ≈ 1), each within the tolerance. */
export interface LayerVerdict extends LayerAgreement {
  rightDirection: boolean;
  rightScale: boolean;
}

function layerVerdicts(check: GradientCheck, tolerance = DEFAULT_GRADCHECK_TOLERANCE): LayerVerdict[] {
  return check.layers.map((layer) => {
    const own = check.parameters.filter((p) => p.layer === layer.layer && !p.kink);
    // both gradients zero (NaN cosine and scale): the parameters' own errors decide
    const ownPass = own.every((p) => passes(p.relativeError, tolerance));
    return {
      ...layer,
      rightDirection: Number.isNaN(layer.cosine) ? ownPass : 1 - layer.cosine <= tolerance,
      rightScale: Number.isNaN(layer.scale) ? ownPass : Math.abs(layer.scale - 1) <= tolerance,
    };
  });
}

/** "right direction, 2× too large", "direction off, 1.44× too large", "right direction, right size" (the cosine is in the layer's detail, once) */
export function layerAgreementText(layer: LayerVerdict): string {
  const size = layer.rightScale || Number.isNaN(layer.scale) ? 'right' : layer.scale > 1 ? 'large' : 'small';
  const factor = String(Number((layer.scale > 1 ? layer.scale : 1 / layer.scale).toPrecision(3)));
  return t('gradcheck.agreement', { direction: layer.rightDirection ? 'right' : 'off', size, factor });
}

export interface GradCheckVerdict {
  passed: boolean;
  /** parameters whose direction error is above the tolerance, or whose layer has the wrong scale */
  failing: number;
  /** parameters checked: every one not at a kink */
  total: number;
  /** parameters at a ReLU kink, where the difference quotient is no derivative: not checked */
  kinks: number;
  /** layers l with a failing parameter */
  failingLayers: number[];
  worst: ParameterCheck | null;
  layers: LayerVerdict[];
}

export function gradCheckVerdict(check: GradientCheck, tolerance = DEFAULT_GRADCHECK_TOLERANCE): GradCheckVerdict {
  const layers = layerVerdicts(check, tolerance);
  const scaleOff = new Set(layers.filter((l) => !l.rightScale).map((l) => l.layer));
  const checked = check.parameters.filter((p) => !p.kink);
  const failed = checked.filter((p) => !passes(p.directionError, tolerance) || scaleOff.has(p.layer));
  const worst = worstFirst({ ...check, parameters: checked })[0] ?? null;
  return {
    passed: failed.length === 0,
    failing: failed.length,
    total: checked.length,
    kinks: check.parameters.length - checked.length,
    failingLayers: [...new Set(failed.map((p) => p.layer))].sort((a, b) => a - b),
    worst,
    layers,
  };
}
