/**
 * The full-batch pass of engine/pass.ts over many lanes at once (lanes.ts), with every lane's
 * floating-point operations in exactly the order pass.ts does them, so each lane gets a single
 * run's bits: the same sums started the same way (from b, or from 0), the same kernels for f and f′
 * (elementwise, so they run over all lanes of a layer in one call), the same cost terms.
 */
import { crossEntropyFromZ } from '../costs';
import { exp } from '../math';
import type { TrainOptions } from '../options';
import type { Lanes } from './lanes';

/**
 * z^l = W^l a^(l−1) + b^l and a^l = f_l(z^l) for every lane; a^0 is the data's input rows, the same
 * in every lane. `throughLayer` L − 1 leaves the output layer's f to lanesSigmoidCrossEntropy.
 */
export function lanesForward(lanes: Lanes, input: Float64Array, slope: number, throughLayer = lanes.sizes.length - 1): void {
  const { sizes, count, n, params: p } = lanes;
  const L = sizes.length - 1;
  for (let l = 1; l <= L; l++) {
    const nIn = sizes[l - 1];
    const nOut = sizes[l];
    const w0 = lanes.layout.weightOffset[l];
    const b0 = lanes.layout.biasOffset[l];
    const z = lanes.z[l];
    const prev = lanes.a[l - 1];
    for (let s = 0; s < count; s++) {
      for (let j = 0; j < nOut; j++) {
        const zb = (s * nOut + j) * n;
        const bb = (b0 + j) * n;
        for (let r = 0; r < n; r++) z[zb + r] = p[bb + r];
        const row = w0 + j * nIn;
        for (let i = 0; i < nIn; i++) {
          const wb = (row + i) * n;
          if (l === 1) {
            const x = input[s * nIn + i];
            for (let r = 0; r < n; r++) z[zb + r] += p[wb + r] * x;
          } else {
            const pb = (s * nIn + i) * n;
            for (let r = 0; r < n; r++) z[zb + r] += p[wb + r] * prev[pb + r];
          }
        }
      }
    }
    if (l <= throughLayer) lanes.kernels[l].forward(z, lanes.a[l], count * nOut * n, slope);
  }
}

/** The output layer's index, width and arrays. */
function outputLayer(lanes: Lanes): { L: number; nL: number; z: Float64Array; a: Float64Array; d: Float64Array } {
  const L = lanes.sizes.length - 1;
  return { L, nL: lanes.sizes[L], z: lanes.z[L], a: lanes.a[L], d: lanes.delta[L] };
}

/**
 * A sigmoid output layer with cross-entropy, fused: a^L = σ(z^L) and δ^L = a − y in one loop, from
 * one e^(−|z|), which σ computes too (e^(−z) for z ≥ 0, e^z below: both are e^(−|z|)). The Trainer
 * reads an epoch's cost only to see whether it is finite, and with targets in [0, 1] each term is
 * at most about |z| + ln 2: when every |z^L| < 10^300 (and the data is not huge) the cost is finite,
 * and lanes.cost gets 0 in its place; other lanes get their exact cost (lanesExactCrossEntropy).
 */
export function lanesSigmoidCrossEntropy(lanes: Lanes, target: Float64Array): void {
  const { count, n } = lanes;
  const { nL, z, a, d } = outputLayer(lanes);
  const large = lanes.sampleCost;
  for (let r = 0; r < n; r++) large[r] = 0;
  for (let q = 0; q < count * nL; q++) {
    const base = q * n;
    const y = target[q];
    for (let r = 0; r < n; r++) {
      const k = base + r;
      const zk = z[k];
      const e = exp(-Math.abs(zk));
      const ak = zk >= 0 ? 1 / (1 + e) : e / (1 + e);
      a[k] = ak;
      d[k] = ak - y;
      if (!(Math.abs(zk) < FINITE_COST_BOUND)) large[r] = 1;
    }
  }
  for (let r = 0; r < n; r++) lanes.cost[r] = large[r] === 0 ? 0 : lanesExactCrossEntropy(lanes, target, r);
}

/** Below this |z^L| every cross-entropy term is far from overflowing, summed over up to MAX_FUSED_TERMS terms. */
const FINITE_COST_BOUND = 1e300;
/** count · n_L up to which the fused cost's finiteness shortcut holds (2^20 · 2.1·10^300 < 1.7·10^308). */
export const MAX_FUSED_TERMS = 1_048_576;

/** Lane r's cross-entropy over the batch, term by term as COST_KERNELS.crossEntropy sums it, ÷ count. */
export function lanesExactCrossEntropy(lanes: Lanes, target: Float64Array, r: number): number {
  const { sizes, count, n } = lanes;
  const nL = sizes[sizes.length - 1];
  const z = lanes.z[sizes.length - 1];
  let total = 0;
  for (let s = 0; s < count; s++) {
    let c = 0;
    for (let j = 0; j < nL; j++) c += crossEntropyFromZ(z[(s * nL + j) * n + r], target[s * nL + j]);
    total += c;
  }
  return total / count;
}

/**
 * Each lane's cost (the sum of the sample terms, ÷ count, into lanes.cost) and BP1 into δ^L, as
 * the cost kernel's costAndGradient and pass.ts's backward do it.
 */
export function lanesCostAndOutputDelta(lanes: Lanes, target: Float64Array, options: Pick<TrainOptions, 'cost'>, slope: number): void {
  const { count, n } = lanes;
  const { L, nL, z, a, d } = outputLayer(lanes);
  const c = lanes.sampleCost;
  const total = lanes.cost;
  const crossEntropy = options.cost === 'crossEntropy';
  for (let r = 0; r < n; r++) total[r] = 0;
  for (let s = 0; s < count; s++) {
    for (let r = 0; r < n; r++) c[r] = 0;
    for (let j = 0; j < nL; j++) {
      const base = (s * nL + j) * n;
      const y = target[s * nL + j];
      if (crossEntropy) {
        for (let r = 0; r < n; r++) {
          const k = base + r;
          c[r] += crossEntropyFromZ(z[k], y);
          d[k] = a[k] - y;
        }
      } else {
        for (let r = 0; r < n; r++) {
          const k = base + r;
          const diff = a[k] - y;
          c[r] += 0.5 * diff * diff;
          d[k] = a[k] - y;
        }
      }
    }
    for (let r = 0; r < n; r++) total[r] += c[r];
  }
  for (let r = 0; r < n; r++) total[r] = total[r] / count;
  // cross-entropy's δ^L = a − y already holds σ′; the quadratic cost's is ∇_a C ⊙ f_L′(z^L)
  if (!crossEntropy) {
    const kernel = lanes.kernels[L];
    if (kernel.scaleByDerivativeOfValue) kernel.scaleByDerivativeOfValue(d, a, count * nL * n);
    else kernel.scaleByDerivative(d, z, count * nL * n, slope);
  }
}

/** BP2–BP4 for every lane from δ^L: the gradient into lanes.grad, ÷ `divisor` as pass.ts scales it. */
export function lanesBackward(lanes: Lanes, input: Float64Array, divisor: number, buggy: boolean, slope: number): void {
  const { sizes, count, n, params: p, grad: g } = lanes;
  const L = sizes.length - 1;
  g.fill(0, 0, lanes.parameterCount * n);
  const scale = 1 / divisor;
  for (let l = L; l >= 1; l--) {
    const nIn = sizes[l - 1];
    const nOut = sizes[l];
    const w0 = lanes.layout.weightOffset[l];
    const b0 = lanes.layout.biasOffset[l];
    const prev = lanes.a[l - 1];
    const d = lanes.delta[l];
    for (let s = 0; s < count; s++) {
      for (let j = 0; j < nOut; j++) {
        const db = (s * nOut + j) * n;
        const gb = (b0 + j) * n;
        for (let r = 0; r < n; r++) g[gb + r] += d[db + r];
        const row = w0 + j * nIn;
        for (let i = 0; i < nIn; i++) {
          const gw = (row + i) * n;
          if (l === 1) {
            const x = input[s * nIn + i];
            for (let r = 0; r < n; r++) g[gw + r] += d[db + r] * x;
          } else {
            const pb = (s * nIn + i) * n;
            for (let r = 0; r < n; r++) g[gw + r] += d[db + r] * prev[pb + r];
          }
        }
      }
    }
    for (let k = w0 * n; k < (b0 + nOut) * n; k++) g[k] *= scale;
    if (l === 1) break;
    // BP2: δ^(l−1) = ((W^l)ᵀ δ^l) ⊙ f′(z^(l−1)), or f′(a^(l−1)) when buggy
    const dPrev = lanes.delta[l - 1];
    for (let s = 0; s < count; s++) {
      for (let j = 0; j < nIn; j++) {
        const ob = (s * nIn + j) * n;
        for (let r = 0; r < n; r++) dPrev[ob + r] = 0;
        for (let k = 0; k < nOut; k++) {
          const wb = (w0 + k * nIn + j) * n;
          const db = (s * nOut + k) * n;
          for (let r = 0; r < n; r++) dPrev[ob + r] += p[wb + r] * d[db + r];
        }
      }
    }
    const kernel = lanes.kernels[l - 1];
    const size = count * nIn * n;
    if (buggy) kernel.scaleByDerivative(dPrev, lanes.a[l - 1], size, slope);
    else if (kernel.scaleByDerivativeOfValue) kernel.scaleByDerivativeOfValue(dPrev, lanes.a[l - 1], size);
    else kernel.scaleByDerivative(dPrev, lanes.z[l - 1], size, slope);
  }
}

/** w ← w − η ∂C/∂w in every lane (biases kept when frozen), each lane's parameter sum into lanes.check, as applyUpdate. */
export function lanesUpdate(lanes: Lanes, learningRate: number, freezeBiases: boolean): void {
  const { sizes, n, params: p, grad: g, check } = lanes;
  for (let r = 0; r < n; r++) check[r] = 0;
  for (let l = 1; l < sizes.length; l++) {
    const w0 = lanes.layout.weightOffset[l];
    const b0 = lanes.layout.biasOffset[l];
    const end = freezeBiases ? b0 : b0 + sizes[l];
    for (let k = w0; k < end; k++) {
      const base = k * n;
      for (let r = 0; r < n; r++) {
        const v = p[base + r] - learningRate * g[base + r];
        p[base + r] = v;
        check[r] += v;
      }
    }
    if (freezeBiases) for (let k = b0; k < b0 + sizes[l]; k++) for (let r = 0; r < n; r++) check[r] += p[k * n + r];
  }
}
