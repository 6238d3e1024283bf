/**
 * The WebAssembly kernel of the lockstep (wasm/lockstep.ts, built into wasmBinary.ts): one epoch of
 * sigmoid layers with cross-entropy over lanes two at a time (f64x2), with pass.ts's operations and
 * exp.ts's exp to the bit. Lanes' arrays live in the kernel's memory. Where WebAssembly or its SIMD
 * is missing, kernelModule() is null and the lanes train in JavaScript (lanePass.ts), to the same bits.
 */
import { A, BIASES, D, SIZES, WEIGHTS, Z } from './descriptorSlots';
import type { Lanes } from './lanes';
import { LOCKSTEP_WASM_BASE64 } from './wasmBinary';

interface KernelExports {
  memory: WebAssembly.Memory;
  epoch(desc: number, doUpdate: number, learningRate: number, freezeBiases: number, scale: number, buggy: number): void;
  expInPlace(values: number, count: number): void;
}

let compiled: WebAssembly.Module | null | undefined;

/** The compiled kernel, or null where this engine cannot run it. */
function kernelModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      const text = atob(LOCKSTEP_WASM_BASE64);
      const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
      compiled = new WebAssembly.Module(bytes);
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/** A WebAssembly memory page, in bytes. */
const PAGE = 65536;
/** The kernel's descriptor and arrays start above its first page (its own static data, if any). */
const DESCRIPTOR = PAGE;
const DESCRIPTOR_BYTES = 512;

/** Whether the kernel trains this network: every layer a sigmoid, at most 15 layers (its descriptor's tables). */
export function kernelFits(activations: readonly string[]): boolean {
  return activations.length <= 15 && activations.every((name) => name === 'sigmoid');
}

export class WasmEpoch {
  private readonly memory: WebAssembly.Memory;
  private readonly exports: KernelExports;
  private next = DESCRIPTOR + DESCRIPTOR_BYTES;
  readonly input: Float64Array;
  readonly target: Float64Array;

  /** null where the kernel cannot run here. */
  static create(sizes: readonly number[], count: number, lanes: number): WasmEpoch | null {
    const module = kernelModule();
    if (!module) return null;
    try {
      return new WasmEpoch(module, sizes, count, lanes);
    } catch {
      return null; // no memory for these lanes: JavaScript trains them
    }
  }

  private constructor(module: WebAssembly.Module, sizes: readonly number[], count: number, lanes: number) {
    this.exports = new WebAssembly.Instance(module, {}).exports as unknown as KernelExports;
    this.memory = this.exports.memory;
    // every array Lanes allocates, plus the data, each rounded up to 16 bytes
    let parameters = 0;
    let values = 0;
    for (let l = 1; l < sizes.length; l++) {
      parameters += sizes[l] * (sizes[l - 1] + 1);
      values += sizes[l] * count;
    }
    const doubles = 2 * parameters * lanes + 3 * values * lanes + 3 * lanes + count * (sizes[0] + sizes[sizes.length - 1]);
    const bytes = this.next + 8 * doubles + 16 * (3 * sizes.length + 8);
    const have = this.memory.buffer.byteLength;
    if (bytes > have) this.memory.grow(Math.ceil((bytes - have) / PAGE)); // throws RangeError where it cannot: create() returns null
    this.input = this.alloc(count * sizes[0]);
    this.target = this.alloc(count * sizes[sizes.length - 1]);
  }

  /** A Float64Array of `length` in the kernel's memory, 16-byte aligned. */
  readonly alloc = (length: number): Float64Array => {
    const array = new Float64Array(this.memory.buffer, this.next, length);
    this.next += Math.ceil((8 * length) / 16) * 16;
    return array;
  };

  /** Writes where the lanes' arrays are (call again after the lane count changes). */
  describe(lanes: Lanes): void {
    const desc = new Int32Array(this.memory.buffer, DESCRIPTOR, DESCRIPTOR_BYTES / 4);
    const L = lanes.sizes.length - 1;
    desc.set([L, lanes.count, lanes.n, this.input.byteOffset, this.target.byteOffset, lanes.params.byteOffset, lanes.grad.byteOffset]);
    desc[7] = lanes.check.byteOffset;
    desc[8] = lanes.sampleCost.byteOffset;
    for (let l = 0; l <= L; l++) {
      desc[SIZES + l] = lanes.sizes[l];
      desc[WEIGHTS + l] = lanes.layout.weightOffset[l];
      desc[BIASES + l] = lanes.layout.biasOffset[l];
      desc[Z + l] = lanes.z[l].byteOffset;
      desc[A + l] = lanes.a[l].byteOffset;
      desc[D + l] = lanes.delta[l].byteOffset;
    }
  }

  /** e^x of each value by the kernel's own exp (for tests against math/exp.ts); null where the kernel cannot run. */
  static exp(values: Float64Array): Float64Array | null {
    // a kernel for one input per sample and as many samples as values: its input array holds them
    const kernel = WasmEpoch.create([1, 1], values.length + (values.length % 2), 2);
    if (!kernel) return null;
    const buffer = kernel.input;
    buffer.set(values);
    kernel.exports.expInPlace(buffer.byteOffset, buffer.length);
    return buffer.slice(0, values.length);
  }

  /** The update (when asked), forward, output and backward for every lane; lanes.sampleCost[r] = 1 where lane r's cost needs computing exactly. */
  epoch(doUpdate: boolean, learningRate: number, freezeBiases: boolean, scale: number, buggy: boolean): void {
    this.exports.epoch(DESCRIPTOR, doUpdate ? 1 : 0, learningRate, freezeBiases ? 1 : 0, scale, buggy ? 1 : 0);
  }
}
