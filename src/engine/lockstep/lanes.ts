/**
 * The state of many starts of one configuration trained side by side, in a structure-of-arrays
 * layout: quantity q of lane r lives at [q · n + r], where n is the number of lanes still training,
 * so every inner loop runs over the lanes. A lane that stops leaves, and the rest close ranks.
 */
import { ACTIVATION_KERNELS, type ActivationKernel } from '../activations';
import { type Layout, layoutOf } from '../network';

export class Lanes {
  readonly sizes: readonly number[];
  readonly layout: Layout;
  readonly parameterCount: number;
  /** samples per pass (the whole dataset: lockstep is full batch only) */
  readonly count: number;
  /** kernels[l]: f_l's kernel (index 0 unused) */
  readonly kernels: readonly ActivationKernel[];
  /** lanes still training: the stride of every array */
  n: number;
  /** which start each lane trains (index into the caller's list) */
  readonly start: Int32Array;
  readonly params: Float64Array;
  readonly grad: Float64Array;
  /** z[l], a[l], delta[l] for l = 1 … L: sample s, neuron j, lane r at [(s · n_l + j) · n + r] */
  readonly z: Float64Array[];
  readonly a: Float64Array[];
  readonly delta: Float64Array[];
  /** each lane's cost at the current weights (lastCost of its Trainer) */
  readonly cost: Float64Array;
  /** each lane's sum of the parameters after the last update (applyUpdate's check) */
  readonly check: Float64Array;
  /** one sample's cost term, per lane */
  readonly sampleCost: Float64Array;

  /** `alloc` places the arrays (the WebAssembly kernel's memory, for one). */
  constructor(
    sizes: readonly number[],
    activations: readonly string[],
    count: number,
    lanes: number,
    alloc: (length: number) => Float64Array = (length) => new Float64Array(length),
  ) {
    this.sizes = [...sizes];
    this.layout = layoutOf(sizes);
    this.parameterCount = this.layout.parameterCount;
    this.count = count;
    this.kernels = [ACTIVATION_KERNELS.linear, ...activations.map((name) => ACTIVATION_KERNELS[name as keyof typeof ACTIVATION_KERNELS])];
    this.n = lanes;
    this.start = Int32Array.from({ length: lanes }, (_, r) => r);
    this.params = alloc(this.parameterCount * lanes);
    this.grad = alloc(this.parameterCount * lanes);
    const perLayer = (n: number, l: number) => alloc(l === 0 ? 0 : n * count * lanes);
    this.z = sizes.map(perLayer);
    this.a = sizes.map(perLayer);
    this.delta = sizes.map(perLayer);
    this.cost = alloc(lanes);
    this.check = alloc(lanes);
    this.sampleCost = alloc(lanes);
  }

  /** Writes one network's parameters into lane r. */
  setParams(r: number, params: Float64Array): void {
    const n = this.n;
    for (let k = 0; k < this.parameterCount; k++) this.params[k * n + r] = params[k];
  }

  /** Lane r's parameters, in the Network's own layout. */
  paramsOf(r: number): Float64Array {
    const n = this.n;
    const out = new Float64Array(this.parameterCount);
    for (let k = 0; k < this.parameterCount; k++) out[k] = this.params[k * n + r];
    return out;
  }

  /**
   * Keeps only the lanes where keep[r] is set, in order, closing ranks: parameters and the held
   * gradient move to the new stride (each moves to a lower index, so in place in ascending order).
   */
  retain(keep: Uint8Array): void {
    const n = this.n;
    let kept = 0;
    for (let r = 0; r < n; r++) if (keep[r]) this.start[kept++] = this.start[r];
    if (kept === n) return;
    for (const values of [this.params, this.grad]) {
      let to = 0;
      for (let k = 0; k < this.parameterCount; k++) for (let r = 0; r < n; r++) if (keep[r]) values[to++] = values[k * n + r];
    }
    let to = 0;
    for (let r = 0; r < n; r++) if (keep[r]) this.cost[to++] = this.cost[r];
    this.n = kept;
  }

  /**
   * One more lane at the end, with zero parameters and gradient, training no start (start −1): the
   * WebAssembly kernel takes lanes two at a time. Parameters and gradient move to the wider stride
   * (each to a higher index, so in place in descending order). The arrays must have room for it.
   */
  addPadLane(): void {
    const n = this.n;
    for (const values of [this.params, this.grad]) {
      for (let k = this.parameterCount - 1; k >= 0; k--) {
        values[k * (n + 1) + n] = 0;
        for (let r = n - 1; r >= 0; r--) values[k * (n + 1) + r] = values[k * n + r];
      }
    }
    this.start[n] = -1;
    this.n = n + 1;
  }

  /** Zero parameters in the lanes that train no start, so they never hold a value that slows the kernel. */
  clearPadLanes(): void {
    const n = this.n;
    for (let r = 0; r < n; r++) if (this.start[r] < 0) for (let k = 0; k < this.parameterCount; k++) this.params[k * n + r] = 0;
  }
}
