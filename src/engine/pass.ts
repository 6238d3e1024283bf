/**
 * One forward and backward pass over a batch, on preallocated buffers (no allocation per epoch).
 *   forward: z^l = W^l a^(l−1) + b^l, a^l = f_l(z^l)
 *   BP1: δ^L = ∇_a C ⊙ f_L′(z^L)   (sigmoid with cross-entropy: δ^L = a^L − y)
 *   BP2: δ^l = ((W^(l+1))ᵀ δ^(l+1)) ⊙ f_l′(z^l)   (buggy: f_l′(a^l))
 *   BP3: ∂C/∂b^l = δ^l,  BP4: ∂C/∂W^l = δ^l (a^(l−1))ᵀ, averaged over the batch
 * Each slip of the library (slipLibrary.ts) is one option read at its own line in backward.
 * The trainer runs fastPass.ts instead where no slip is made: the same numbers in fewer steps.
 */
import { ACTIVATION_KERNELS, type ActivationKernel, NAIVE_SIGMOID_KERNEL } from './activations';
import { COST_KERNELS } from './costs';
import { type Layout, type Network, layoutOf } from './network';
import type { TrainOptions } from './options';
import { type PassSlips, type SlippedOptions, passSlipsOf } from './slipLibrary';

/** Below this z the naive sigmoid's e^(−z) overflows to Infinity. */
export const NAIVE_SIGMOID_OVERFLOW_Z = -709.782712893384;

/**
 * d ⊙= f′(z), or f′(a) for the buggy mode. f′(z) comes from the stored a where the kernel can
 * read it there bit for bit (σ′ = a(1 − a): no second exp).
 */
function scaleByDerivative(kernel: ActivationKernel, d: Float64Array, z: Float64Array, a: Float64Array, n: number, slope: number, buggy: boolean): void {
  if (buggy) kernel.scaleByDerivative(d, a, n, slope);
  else if (kernel.scaleByDerivativeOfValue) kernel.scaleByDerivativeOfValue(d, a, n);
  else kernel.scaleByDerivative(d, z, n, slope);
}

/** Buffers for one network shape and up to `capacity` samples per batch. Index l = 0 … L. */
export class PassWorkspace {
  readonly sizes: readonly number[];
  readonly layout: Layout;
  /** kernels[l]: f_l's kernel (index 0 unused); naiveKernels has the naive sigmoid form in place of σ */
  readonly kernels: readonly ActivationKernel[];
  readonly naiveKernels: readonly ActivationKernel[];
  readonly capacity: number;
  readonly z: Float64Array[];
  readonly a: Float64Array[];
  readonly delta: Float64Array[];
  /** ∂C/∂params, same layout as Network.params */
  readonly grad: Float64Array;
  /** Each sample's cost term of the last batch */
  readonly sampleCost: Float64Array;
  /** Naive-sigmoid overflows in the last forward pass */
  overflows = 0;

  constructor(net: Network, capacity: number) {
    this.sizes = [...net.sizes];
    this.layout = layoutOf(net.sizes);
    this.kernels = [ACTIVATION_KERNELS.linear, ...net.activations.map((name) => ACTIVATION_KERNELS[name])];
    this.naiveKernels = [ACTIVATION_KERNELS.linear, ...net.activations.map((name) => (name === 'sigmoid' ? NAIVE_SIGMOID_KERNEL : ACTIVATION_KERNELS[name]))];
    this.capacity = capacity;
    this.z = net.sizes.map((n) => new Float64Array(n * capacity));
    this.a = net.sizes.map((n) => new Float64Array(n * capacity));
    this.delta = net.sizes.map((n) => new Float64Array(n * capacity));
    this.grad = new Float64Array(this.layout.parameterCount);
    this.sampleCost = new Float64Array(capacity);
  }
}

/** Forward pass of `count` samples whose inputs are rows of `input`. Fills ws.z, ws.a (a^0 = input). */
export function forward(net: Network, ws: PassWorkspace, input: Float64Array, count: number, naiveSigmoid = false): void {
  const p = net.params;
  const sizes = ws.sizes;
  const L = sizes.length - 1;
  ws.a[0].set(input.subarray(0, count * sizes[0]));
  ws.overflows = 0;
  const kernels = naiveSigmoid ? ws.naiveKernels : ws.kernels;
  for (let l = 1; l <= L; l++) {
    const nIn = sizes[l - 1];
    const nOut = sizes[l];
    const w0 = ws.layout.weightOffset[l];
    const b0 = ws.layout.biasOffset[l];
    const prev = ws.a[l - 1];
    const z = ws.z[l];
    for (let s = 0; s < count; s++) {
      const inBase = s * nIn;
      const outBase = s * nOut;
      for (let j = 0; j < nOut; j++) {
        let sum = p[b0 + j];
        const row = w0 + j * nIn;
        for (let i = 0; i < nIn; i++) sum += p[row + i] * prev[inBase + i];
        z[outBase + j] = sum;
      }
    }
    ws.overflows += kernels[l].forward(z, ws.a[l], count * nOut, net.leakySlope);
  }
}

/**
 * Cost terms and BP1–BP4 for the batch last run through `forward`. Fills ws.delta, ws.sampleCost
 * and ws.grad (∂C/∂params for the batch-mean cost, or as the slips in `options` make it).
 * Works from the output back, layer by layer: BP3 and BP4 of layer l, then BP2 for δ^(l−1), the
 * order a learner's loop takes (so the update-order slip can read weights already moved).
 * Returns the sum of the batch's cost terms.
 */
export function backward(
  net: Network,
  ws: PassWorkspace,
  target: Float64Array,
  count: number,
  options: SlippedOptions,
  slips: PassSlips = passSlipsOf(options),
): number {
  const p = net.params;
  const sizes = ws.sizes;
  const L = sizes.length - 1;
  const slope = net.leakySlope;
  const nL = sizes[L];
  const zL = ws.z[L];
  const aL = ws.a[L];
  const dL = ws.delta[L];
  const naive = options.sigmoidForm === 'naive';
  const kernels = naive ? ws.naiveKernels : ws.kernels;
  const cost = COST_KERNELS[options.cost];
  // the cost, and BP1: δ^L = ∇_a C ⊙ f_L′(z^L), or the cost's closed form of it
  const total = cost.costAndGradient(aL, zL, target, dL, ws.sampleCost, count, nL, naive);
  // slip: the answer's BP1, (a − y)·f′(z) although the closed form a − y already holds f′
  if (!cost.outputDelta || slips.answerBp1) scaleByDerivative(kernels[L], dL, zL, aL, count * nL, slope, false);
  // slip: δ^L = y − a
  if (slips.flippedSign) for (let k = 0; k < count * nL; k++) dL[k] = -dL[k];
  const g = ws.grad;
  g.fill(0);
  // slips: no ÷ at all, or ÷ n_0 (the question's 1/len(x)); correct: ÷ the samples
  const scale = slips.sumNotMean ? 1 : 1 / (options.gradientDivisor === 'features' || slips.divideByFeatures ? sizes[0] : count);
  const buggy = options.derivative === 'buggy' || slips.derivativeAtA;
  for (let l = L; l >= 1; l--) {
    // BP3 and BP4 for layer l
    const nIn = sizes[l - 1];
    const nOut = sizes[l];
    const w0 = ws.layout.weightOffset[l];
    const b0 = ws.layout.biasOffset[l];
    // slip: BP4 with a^l instead of a^(l−1), where the shapes allow
    const prev = slips.bp4WrongLayer && nOut === nIn ? ws.a[l] : ws.a[l - 1];
    const d = ws.delta[l];
    for (let s = 0; s < count; s++) {
      for (let j = 0; j < nOut; j++) {
        const dj = d[s * nOut + j];
        // slip: the bias gradient left out
        if (!slips.noBiasGradient) g[b0 + j] += dj;
        const row = w0 + j * nIn;
        const inBase = s * nIn;
        for (let i = 0; i < nIn; i++) g[row + i] += dj * prev[inBase + i];
      }
    }
    for (let k = w0; k < b0 + nOut; k++) g[k] *= scale;
    if (l === 1) break;
    // BP2: δ^(l−1) = ((W^l)ᵀ δ^l) ⊙ f′(z^(l−1)), or f′(a^(l−1)) when buggy
    const n = nIn;
    const dPrev = ws.delta[l - 1];
    // slip: W^l already moved by η ∂C/∂W^l in this pass
    const eta = slips.updateOrder ? slips.learningRate : 0;
    for (let s = 0; s < count; s++) {
      for (let j = 0; j < n; j++) {
        let sum = 0;
        if (eta === 0) for (let k = 0; k < nOut; k++) sum += p[w0 + k * n + j] * d[s * nOut + k];
        else for (let k = 0; k < nOut; k++) sum += (p[w0 + k * n + j] - eta * g[w0 + k * n + j]) * d[s * nOut + k];
        dPrev[s * n + j] = sum;
      }
    }
    // slip: f′ of layer l (the next one) in place of layer l−1's, where the shapes allow
    if (slips.bp2WrongLayer && nOut === n) kernels[l - 1].scaleByDerivative(dPrev, buggy ? ws.a[l] : ws.z[l], count * n, slope);
    else scaleByDerivative(kernels[l - 1], dPrev, ws.z[l - 1], ws.a[l - 1], count * n, slope, buggy);
  }
  return total;
}

/**
 * The cost terms of the batch last run through `forward`, added to `total` sample by sample, without
 * BP1–BP4: a dataset's cost summed over chunks this way equals `backward`'s total in one batch, bit for bit.
 */
export function addCostTerms(ws: PassWorkspace, target: Float64Array, count: number, options: TrainOptions, total: number): number {
  const L = ws.sizes.length - 1;
  const nL = ws.sizes[L];
  const zL = ws.z[L];
  const aL = ws.a[L];
  const cost = COST_KERNELS[options.cost];
  const term = options.sigmoidForm === 'naive' ? cost.textbookTerm : cost.term;
  for (let s = 0; s < count; s++) {
    let c = 0;
    for (let j = 0; j < nL; j++) {
      const k = s * nL + j;
      c += term(aL[k], zL[k], target[k]);
    }
    total += c;
  }
  return total;
}

/**
 * w ← w − η ∂C/∂w for every parameter (biases skipped when frozen).
 * Returns the sum of the new parameters: non-finite exactly when some parameter is (or overflowed).
 */
export function applyUpdate(net: Network, ws: PassWorkspace, learningRate: number, freezeBiases: boolean): number {
  const p = net.params;
  const g = ws.grad;
  let check = 0;
  if (!freezeBiases) {
    for (let k = 0; k < p.length; k++) {
      const v = p[k] - learningRate * g[k];
      p[k] = v;
      check += v;
    }
    return check;
  }
  const sizes = ws.sizes;
  for (let l = 1; l < sizes.length; l++) {
    const w0 = ws.layout.weightOffset[l];
    const b0 = ws.layout.biasOffset[l];
    for (let k = w0; k < b0; k++) {
      const v = p[k] - learningRate * g[k];
      p[k] = v;
      check += v;
    }
    for (let k = b0; k < b0 + sizes[l]; k++) check += p[k];
  }
  return check;
}
