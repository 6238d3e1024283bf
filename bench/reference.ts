/**
 * The plain flat-array reference of issue 13, written in the bench: full-batch gradient descent of a
 * sigmoid network with the cross-entropy cost on Float64Arrays, each epoch's cost computed, nothing
 * else (no options, no slips, no divergence checks): one function per epoch over flat typed arrays,
 * the way one would write it by hand. It calls the engine's own exp and log1p with the same arguments
 * in the same order as the engine, so its final weights must equal the engine's bit for bit; the bench
 * checks that, then compares their speeds.
 */
import { exp, log1p } from '../src/engine/math';

export interface ReferenceRun {
  /** final parameters, in the engine's layout (W^l row-major, then b^l, for l = 1 … L) */
  params: Float64Array;
  /** the cost at the last epoch (the mean over the data after the last update) */
  lastCost: number;
}

/** The run's buffers and settings, one object of one shape (so the epoch's loads are monomorphic). */
class ReferenceState {
  constructor(
    readonly sizes: Int32Array,
    readonly w0: Int32Array,
    readonly b0: Int32Array,
    readonly p: Float64Array,
    readonly g: Float64Array,
    readonly z: Float64Array[],
    readonly a: Float64Array[],
    readonly d: Float64Array[],
    readonly y: Float64Array,
    readonly count: number,
    readonly scale: number,
    readonly lr: number,
    readonly buggy: boolean,
  ) {}
}
/** One epoch: the update from the last gradient (none at epoch 0), forward, the cost, δ^L = a − y, BP1–BP4. Returns the cost. */
function epoch(n: ReferenceState, update: boolean): number {
  const { sizes, w0, b0, p, g, z, a, d, y, count, scale, lr, buggy } = n;
  const L = sizes.length - 1;
  if (update) for (let k = 0; k < p.length; k++) p[k] = p[k] - lr * g[k];
  for (let l = 1; l <= L; l++) {
    const nIn = sizes[l - 1],
      nOut = sizes[l],
      W = w0[l],
      B = b0[l];
    const prev = a[l - 1],
      zl = z[l],
      al = a[l];
    for (let s = 0; s < count; s++) {
      for (let j = 0; j < nOut; j++) {
        let sum = p[B + j];
        for (let i = 0; i < nIn; i++) sum += p[W + j * nIn + i] * prev[s * nIn + i];
        zl[s * nOut + j] = sum;
        if (sum >= 0) al[s * nOut + j] = 1 / (1 + exp(-sum));
        else {
          const e = exp(sum);
          al[s * nOut + j] = e / (1 + e);
        }
      }
    }
  }
  const nL = sizes[L],
    zL = z[L],
    aL = a[L],
    dL = d[L];
  let total = 0;
  for (let s = 0; s < count; s++) {
    let c = 0;
    for (let j = 0; j < nL; j++) {
      const k = s * nL + j,
        zk = zL[k];
      const e = log1p(exp(-Math.abs(zk)));
      c += y[k] * ((zk < 0 ? -zk : 0) + e) + (1 - y[k]) * ((zk > 0 ? zk : 0) + e);
      dL[k] = aL[k] - y[k];
    }
    total += c;
  }
  g.fill(0);
  for (let l = L; l >= 1; l--) {
    const nIn = sizes[l - 1],
      nOut = sizes[l],
      W = w0[l],
      B = b0[l];
    const prev = a[l - 1],
      dl = d[l];
    for (let s = 0; s < count; s++) {
      for (let j = 0; j < nOut; j++) {
        const dj = dl[s * nOut + j];
        g[B + j] += dj;
        for (let i = 0; i < nIn; i++) g[W + j * nIn + i] += dj * prev[s * nIn + i];
      }
    }
    for (let k = W; k < B + nOut; k++) g[k] *= scale;
    if (l === 1) break;
    const dp = d[l - 1];
    for (let s = 0; s < count; s++) {
      for (let j = 0; j < nIn; j++) {
        let sum = 0;
        for (let k = 0; k < nOut; k++) sum += p[W + k * nIn + j] * dl[s * nOut + k];
        const x = prev[s * nIn + j];
        if (buggy) {
          const sx = 1 / (1 + exp(-x));
          dp[s * nIn + j] = sum * (sx * (1 - sx));
        } else dp[s * nIn + j] = sum * (x * (1 - x));
      }
    }
  }
  return total / count;
}
/**
 * `epochs` epochs of full-batch descent from `initial` (copied), sizes n_0 … n_L, every layer sigmoid.
 * buggy: BP2 multiplies by σ′(a) instead of σ′(z) (the question's slip); divisor: what the summed
 * gradient is divided by (count, or n_0 in the question).
 */
export function referenceTrain(
  sizes: readonly number[],
  initial: Float64Array,
  inputs: Float64Array,
  targets: Float64Array,
  count: number,
  epochs: number,
  lr: number,
  buggy: boolean,
  divisor: number,
): ReferenceRun {
  const L = sizes.length - 1;
  const w0 = new Int32Array(L + 1),
    b0 = new Int32Array(L + 1);
  for (let l = 1, off = 0; l <= L; l++) {
    w0[l] = off;
    off += sizes[l] * sizes[l - 1];
    b0[l] = off;
    off += sizes[l];
  }
  const a = sizes.map((n) => new Float64Array(n * count));
  a[0].set(inputs.subarray(0, count * sizes[0]));
  const net = new ReferenceState(
    Int32Array.from(sizes),
    w0,
    b0,
    initial.slice(),
    new Float64Array(initial.length),
    sizes.map((n) => new Float64Array(n * count)),
    a,
    sizes.map((n) => new Float64Array(n * count)),
    targets,
    count,
    1 / divisor,
    lr,
    buggy,
  );
  let cost = NaN;
  for (let e = 0; e <= epochs; e++) cost = epoch(net, e > 0);
  return { params: net.p, lastCost: cost };
}
