/**
 * Gradient check: the analytic gradient (BP1–BP4) beside a numeric estimate of ∂C/∂θ per parameter.
 * The estimate is a central difference refined by one Richardson step,
 *   D(h) = (C(θ+h) − C(θ−h)) / 2h,  estimate = (4·D(h/2) − D(h)) / 3,
 * whose error is O(h⁴), so agreement to ~1e-9 is normal for smooth functions.
 * Per layer it also reports direction (the cosine between the two gradients) and scale (the ratio
 * of their norms) apart, so a pure scale slip (the question's ÷ n₀) reads "right direction, 2× too
 * large" and each parameter's direction error (after that layer's scale) shows the real bugs.
 */
import type { Dataset } from './datasets';
import { datasetCost } from './evaluate';
import { hasKink } from './activations';
import { type Network, type ParameterPlace, cloneNetwork, layoutOf, parameterPlace } from './network';
import type { TrainOptions } from './options';
import { PassWorkspace, backward, forward } from './pass';

export interface ParameterCheck extends ParameterPlace {
  analytic: number;
  numeric: number;
  relativeError: number;
  /** the relative error of analytic ÷ its layer's scale against numeric: what is wrong beyond a uniform factor */
  directionError: number;
  /**
   * A ReLU or leaky-ReLU unit's z changed side of 0 for some sample while θ moved within ±h: the cost
   * has a corner there, the difference quotient is not its derivative, and the parameter is not checked.
   */
  kink: boolean;
}

/** How a layer's analytic gradient (weights and biases together) compares with the numeric one. */
export interface LayerAgreement {
  layer: number;
  /** cos of the angle between the two gradients (1 = the same direction; NaN when either is zero) */
  cosine: number;
  /** ‖analytic‖ / ‖numeric‖ (1 = the right size; NaN when the numeric gradient is zero; Infinity only beyond 1.8e308) */
  scale: number;
}

/** Relative errors at or below this pass (a correct backprop agrees to ~1e-9 with the engine's estimate): the page's and the CLI's default. */
export const DEFAULT_GRADCHECK_TOLERANCE = 1e-6;

export interface GradientCheck {
  parameters: ParameterCheck[];
  /** the largest relative error among the parameters checked (those at a kink left out) */
  maxRelativeError: number;
  /** the checked parameter with the largest relative error */
  worst: ParameterCheck | null;
  /** the gradient scale below which differences are taken relative to this floor (see relativeError) */
  floor: number;
  /** direction and scale per layer l = 1 … L */
  layers: LayerAgreement[];
}

/** The smallest gradient scale a difference is measured against. */
const GRADIENT_FLOOR = 1e-8;

/**
 * Rounding in C(θ ± h) leaves the numeric estimate an absolute noise of roughly 1e-12·C (h = 1e-3),
 * so gradients below this fraction of the cost are measured against it, not against themselves:
 * a correct 1e-8 gradient would otherwise show a "relative error" of 1e-5 from noise alone.
 */
const NUMERIC_NOISE_FRACTION = 1e-5;

/** |a − n| / max(|a|, |n|, floor): below the floor the difference is taken relative to the floor. */
function relativeError(analytic: number, numeric: number, floor = GRADIENT_FLOOR): number {
  const scale = Math.max(Math.abs(analytic), Math.abs(numeric), floor);
  return Math.abs(analytic - numeric) / scale;
}

/** The analytic full-batch gradient under the options (correct or buggy). */
export function analyticGradient(net: Network, data: Dataset, options: TrainOptions): Float64Array {
  const ws = new PassWorkspace(net, data.count);
  forward(net, ws, data.inputs, data.count, options.sigmoidForm === 'naive');
  backward(net, ws, data.targets, data.count, options);
  return ws.grad.slice();
}

/** `onParameter(done, total)` is told after each parameter, so a long check can show its progress. */
export function gradientCheck(
  net: Network,
  data: Dataset,
  options: TrainOptions,
  h = 1e-3,
  onParameter?: (done: number, total: number) => void,
): GradientCheck {
  // The gradient exactly as training would use it, so the question's 1/n_0 slip shows up too.
  const analytic = analyticGradient(net, data, options);
  const probe = cloneNetwork(net);
  const ws = new PassWorkspace(probe, data.count);
  const cost = (): number => datasetCost(probe, data, options, ws);
  const baseCost = cost();
  const sides = kinkSides(probe, ws, data.count);
  const floor = Number.isFinite(baseCost) ? Math.max(GRADIENT_FLOOR, NUMERIC_NOISE_FRACTION * Math.abs(baseCost) * (1e-3 / h)) : GRADIENT_FLOOR;
  const layout = layoutOf(net.sizes);
  const parameters: ParameterCheck[] = [];
  let worst: ParameterCheck | null = null;
  // params order: W^l row by row, then b^l, for l = 1 … L
  for (let index = 0; index < layout.parameterCount; index++) {
    const theta = probe.params[index];
    let kink = false;
    const costAt = (value: number): number => {
      probe.params[index] = value;
      const c = cost();
      kink ||= sides.crossed(ws);
      return c;
    };
    const central = (step: number): number => {
      const up = costAt(theta + step);
      const down = costAt(theta - step);
      probe.params[index] = theta;
      return (up - down) / (2 * step);
    };
    const numeric = (4 * central(h / 2) - central(h)) / 3;
    const check: ParameterCheck = {
      ...parameterPlace(net.sizes, index, layout)!,
      analytic: analytic[index],
      numeric,
      relativeError: relativeError(analytic[index], numeric, floor),
      directionError: NaN,
      kink,
    };
    parameters.push(check);
    // a parameter at a kink is not checked: it is neither the worst nor part of the largest error
    if (!kink && (!worst || check.relativeError > worst.relativeError)) worst = check;
    onParameter?.(index + 1, layout.parameterCount);
  }
  const layers = layerAgreements(parameters, net.sizes.length - 1);
  for (const p of parameters) {
    const scale = layers[p.layer - 1].scale;
    // a zero or non-finite scale carries no factor to take out
    p.directionError = relativeError(Number.isFinite(scale) && scale > 0 ? p.analytic / scale : p.analytic, p.numeric, floor);
  }
  return { parameters, maxRelativeError: worst?.relativeError ?? 0, worst, floor, layers };
}

/**
 * The side of 0 each kinked unit's z is on (z > 0, as the kernels branch) at θ, for every sample;
 * `crossed` says whether a later forward pass in `ws` put any of them on the other side.
 */
function kinkSides(net: Network, ws: PassWorkspace, count: number): { crossed(ws: PassWorkspace): boolean } {
  const layers = net.activations.flatMap((name, k) => (hasKink(name) ? [k + 1] : []));
  const base = layers.map((l) => ws.z[l].slice(0, net.sizes[l] * count));
  return {
    crossed: (now) =>
      layers.some((l, k) => {
        const z = now.z[l];
        return base[k].some((before, m) => before > 0 !== z[m] > 0);
      }),
  };
}

/** Cosine and norm ratio of the analytic against the numeric gradient, layer by layer (parameters at a kink left out). */
export function layerAgreements(parameters: readonly ParameterCheck[], layerCount: number): LayerAgreement[] {
  return Array.from({ length: layerCount }, (_, k) => {
    const own = parameters.filter((p) => p.layer === k + 1 && !p.kink);
    return {
      layer: k + 1,
      ...directionAndScale(
        own.map((p) => p.analytic),
        own.map((p) => p.numeric),
      ),
    };
  });
}

/**
 * The cosine between a and b and the ratio ‖a‖ / ‖b‖, each side first divided by its largest |entry|,
 * so that squares neither underflow (gradients of 1e-300) nor overflow (an entry of 1e308): the answer
 * is the same for a and for c·a at any c the numbers can hold.
 */
function directionAndScale(a: readonly number[], b: readonly number[]): { cosine: number; scale: number } {
  let aMax = 0;
  let bMax = 0;
  for (let k = 0; k < a.length; k++) {
    aMax = Math.max(aMax, Math.abs(a[k]));
    bMax = Math.max(bMax, Math.abs(b[k]));
  }
  if (aMax === 0 || bMax === 0) return { cosine: NaN, scale: bMax === 0 ? NaN : 0 };
  let dot = 0;
  let a2 = 0;
  let b2 = 0;
  for (let k = 0; k < a.length; k++) {
    const x = a[k] / aMax;
    const y = b[k] / bMax;
    dot += x * y;
    a2 += x * x;
    b2 += y * y;
  }
  // a ratio beyond the largest double is Infinity: the one case it cannot be held
  return { cosine: dot / Math.sqrt(a2 * b2), scale: (aMax / bMax) * Math.sqrt(a2 / b2) };
}
