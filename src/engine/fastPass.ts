/**
 * The trainer's fast pass for runs without slips (the stable sigmoid, no slip of the library): the
 * same numbers as pass.ts's forward and backward, bit for bit, in fewer steps. Every value is
 * computed by the very operations in the very order pass.ts uses; what changes is only which loop
 * does them:
 *   - the inputs are read where they lie (no copy into a^0, no allocation per pass);
 *   - a sigmoid output with cross-entropy computes e^(−|z|) once for a, the cost term and δ^L = a − y;
 *   - each gradient row is summed over the samples in place and scaled as the row ends (no zero fill
 *     of the whole gradient, no second pass for ÷ n);
 *   - the dense and BP2 sums run two samples at a time (independent chains sharing each weight's load);
 *   - no slip is read anywhere; each layer's f and f′ run as their kernel's own loops (activations.ts).
 * The cost of a mini-batch epoch's dataset (forward only) skips a sigmoid output's a when the cost reads z alone.
 */
import { sigmoid } from './activations';
import { COST_KERNELS, crossEntropyFromZ } from './costs';
import { exp, log1p } from './math';
import type { Network } from './network';
import type { PassWorkspace } from './pass';
import type { SlippedOptions } from './slipLibrary';

/** Whether the fast pass computes these options' gradient (no slips beyond the switches, the stable sigmoid). */
export function fastPassApplies(options: SlippedOptions): boolean {
  return options.sigmoidForm === 'stable' && (options.slips === undefined || options.slips.length === 0);
}

/**
 * z = W a + b for `count` samples whose inputs are rows of x from row `first`: each sum from the
 * bias, then in input order. Two samples at a time, so that two independent sums share each
 * weight's load and neither waits for the other's additions.
 */
function dense(p: Float64Array, w0: number, b0: number, nIn: number, nOut: number, x: Float64Array, first: number, z: Float64Array, count: number): void {
  let s = 0;
  for (; s + 1 < count; s += 2) {
    const in0 = (first + s) * nIn;
    const in1 = in0 + nIn;
    for (let j = 0; j < nOut; j++) {
      let sum0 = p[b0 + j];
      let sum1 = sum0;
      const row = w0 + j * nIn;
      for (let i = 0; i < nIn; i++) {
        const w = p[row + i];
        sum0 += w * x[in0 + i];
        sum1 += w * x[in1 + i];
      }
      z[s * nOut + j] = sum0;
      z[(s + 1) * nOut + j] = sum1;
    }
  }
  if (s < count) {
    const inBase = (first + s) * nIn;
    for (let j = 0; j < nOut; j++) {
      let sum = p[b0 + j];
      const row = w0 + j * nIn;
      for (let i = 0; i < nIn; i++) sum += p[row + i] * x[inBase + i];
      z[s * nOut + j] = sum;
    }
  }
}

/** z^l and a^l (a^L only when asked) of `count` samples whose inputs are rows of x from row `first`. */
function forwardLayers(net: Network, ws: PassWorkspace, x: Float64Array, first: number, count: number, outputActivation: boolean): void {
  const p = net.params;
  const sizes = ws.sizes;
  const L = sizes.length - 1;
  ws.overflows = 0;
  for (let l = 1; l <= L; l++) {
    const prev = l === 1 ? x : ws.a[l - 1];
    dense(p, ws.layout.weightOffset[l], ws.layout.biasOffset[l], sizes[l - 1], sizes[l], prev, l === 1 ? first : 0, ws.z[l], count);
    if (l < L || outputActivation) ws.kernels[l].forward(ws.z[l], ws.a[l], count * sizes[l], net.leakySlope);
  }
}

/**
 * BP3 and BP4 of one layer: ∂C/∂b_j = scale · Σ_s δ_sj and ∂C/∂W_ji = scale · Σ_s δ_sj a_si, each sum
 * from 0 in sample order as pass.ts adds into its zeroed gradient; a row's sums are independent, so
 * they advance together.
 */
function layerGradient(
  g: Float64Array,
  w0: number,
  b0: number,
  nIn: number,
  nOut: number,
  d: Float64Array,
  prev: Float64Array,
  count: number,
  scale: number,
): void {
  for (let j = 0; j < nOut; j++) {
    const row = w0 + j * nIn;
    for (let i = 0; i < nIn; i++) g[row + i] = 0;
    let bias = 0;
    for (let s = 0; s < count; s++) {
      const dj = d[s * nOut + j];
      bias += dj;
      const inBase = s * nIn;
      for (let i = 0; i < nIn; i++) g[row + i] += dj * prev[inBase + i];
    }
    g[b0 + j] = bias * scale;
    for (let i = 0; i < nIn; i++) g[row + i] *= scale;
  }
}

/** BP2's sums: dPrev_sj = Σ_k W_kj δ_sk from 0 in k order, two samples at a time (as dense). */
function backpropagate(p: Float64Array, w0: number, nIn: number, nOut: number, d: Float64Array, dPrev: Float64Array, count: number): void {
  let s = 0;
  for (; s + 1 < count; s += 2) {
    const o0 = s * nOut;
    const o1 = o0 + nOut;
    for (let j = 0; j < nIn; j++) {
      let sum0 = 0;
      let sum1 = 0;
      for (let k = 0; k < nOut; k++) {
        const w = p[w0 + k * nIn + j];
        sum0 += w * d[o0 + k];
        sum1 += w * d[o1 + k];
      }
      dPrev[s * nIn + j] = sum0;
      dPrev[(s + 1) * nIn + j] = sum1;
    }
  }
  if (s < count) {
    for (let j = 0; j < nIn; j++) {
      let sum = 0;
      for (let k = 0; k < nOut; k++) sum += p[w0 + k * nIn + j] * d[s * nOut + k];
      dPrev[s * nIn + j] = sum;
    }
  }
}

/**
 * Cross-entropy after a sigmoid output: a = σ(z), each sample's cost and δ^L = a − y from one
 * e^(−|z|) (σ's own exp: e^(−z) for z ≥ 0, e^z below). Returns the sum of the cost terms.
 */
function sigmoidCrossEntropy(ws: PassWorkspace, y: Float64Array, count: number, nL: number): number {
  const L = ws.sizes.length - 1;
  const z = ws.z[L];
  const a = ws.a[L];
  const d = ws.delta[L];
  let total = 0;
  for (let s = 0; s < count; s++) {
    let c = 0;
    for (let j = 0; j < nL; j++) {
      const k = s * nL + j;
      const zk = z[k];
      const yk = y[k];
      const e = exp(-Math.abs(zk));
      const ak = zk >= 0 ? 1 / (1 + e) : zk < 0 ? e / (1 + e) : sigmoid(zk); // NaN: σ's own path
      a[k] = ak;
      const softplus = log1p(e);
      c += yk * ((zk < 0 ? -zk : 0) + softplus) + (1 - yk) * ((zk > 0 ? zk : 0) + softplus);
      d[k] = ak - yk;
    }
    ws.sampleCost[s] = c;
    total += c;
  }
  return total;
}

/** The quadratic cost (its kernel's own loop), and δ^L = (a − y) ⊙ f_L′(z) (f′ read from a where the kernel can). */
function quadratic(net: Network, ws: PassWorkspace, y: Float64Array, count: number, nL: number): number {
  const L = ws.sizes.length - 1;
  const a = ws.a[L];
  const d = ws.delta[L];
  const total = COST_KERNELS.quadratic.costAndGradient(a, ws.z[L], y, d, ws.sampleCost, count, nL, false);
  const kernel = ws.kernels[L];
  if (kernel.scaleByDerivativeOfValue) kernel.scaleByDerivativeOfValue(d, a, count * nL);
  else kernel.scaleByDerivative(d, ws.z[L], count * nL, net.leakySlope);
  return total;
}

/**
 * Forward, the cost and BP1–BP4 of the first `count` samples (rows) of x and y, as pass.ts's forward
 * then backward compute them without slips: fills z, a, δ, sampleCost and grad; returns the sum of the cost terms.
 */
export function fastPass(net: Network, ws: PassWorkspace, x: Float64Array, y: Float64Array, count: number, options: SlippedOptions): number {
  const sizes = ws.sizes;
  const L = sizes.length - 1;
  const nL = sizes[L];
  const crossEntropy = options.cost === 'crossEntropy';
  forwardLayers(net, ws, x, 0, count, !crossEntropy);
  const total = crossEntropy ? sigmoidCrossEntropy(ws, y, count, nL) : quadratic(net, ws, y, count, nL);
  const scale = 1 / (options.gradientDivisor === 'features' ? sizes[0] : count);
  const buggy = options.derivative === 'buggy';
  const p = net.params;
  const g = ws.grad;
  for (let l = L; l >= 1; l--) {
    const nIn = sizes[l - 1];
    const nOut = sizes[l];
    const w0 = ws.layout.weightOffset[l];
    const d = ws.delta[l];
    layerGradient(g, w0, ws.layout.biasOffset[l], nIn, nOut, d, l === 1 ? x : ws.a[l - 1], count, scale);
    if (l === 1) break;
    // BP2: δ^(l−1) = ((W^l)ᵀ δ^l) ⊙ f′(z^(l−1)), or f′(a^(l−1)) when buggy
    const dPrev = ws.delta[l - 1];
    backpropagate(p, w0, nIn, nOut, d, dPrev, count);
    const kernel = ws.kernels[l - 1];
    if (buggy) kernel.scaleByDerivative(dPrev, ws.a[l - 1], count * nIn, net.leakySlope);
    else if (kernel.scaleByDerivativeOfValue) kernel.scaleByDerivativeOfValue(dPrev, ws.a[l - 1], count * nIn);
    else kernel.scaleByDerivative(dPrev, ws.z[l - 1], count * nIn, net.leakySlope);
  }
  return total;
}

/**
 * The cost terms of `count` samples (rows `first` … of x and y) added to `total` sample by sample,
 * forward only: what pass.ts's forward and addCostTerms give, bit for bit. A sigmoid output's
 * cross-entropy reads z alone, so its a is not computed.
 */
export function fastCostTerms(
  net: Network,
  ws: PassWorkspace,
  x: Float64Array,
  y: Float64Array,
  first: number,
  count: number,
  options: SlippedOptions,
  total: number,
): number {
  const L = ws.sizes.length - 1;
  const nL = ws.sizes[L];
  const crossEntropy = options.cost === 'crossEntropy';
  forwardLayers(net, ws, x, first, count, !crossEntropy);
  if (crossEntropy) {
    const z = ws.z[L];
    for (let s = 0; s < count; s++) {
      let c = 0;
      for (let j = 0; j < nL; j++) c += crossEntropyFromZ(z[s * nL + j], y[(first + s) * nL + j]);
      total += c;
    }
    return total;
  }
  const a = ws.a[L];
  for (let s = 0; s < count; s++) {
    let c = 0;
    for (let j = 0; j < nL; j++) {
      const diff = a[s * nL + j] - y[(first + s) * nL + j];
      c += 0.5 * diff * diff;
    }
    total += c;
  }
  return total;
}
