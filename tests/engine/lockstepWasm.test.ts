/**
 * The lockstep's WebAssembly kernel: its exp is exp.ts's to the bit, and the committed build
 * (src/engine/lockstep/wasmBinary.ts) is what `npm run build:wasm` makes of wasm/lockstep.ts now.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { exp } from '../../src/engine/math';
import { LOCKSTEP_WASM_BASE64 } from '../../src/engine/lockstep/wasmBinary';
import { WasmEpoch } from '../../src/engine/lockstep/wasmKernel';
// @ts-expect-error: a plain JavaScript build script without types
import { buildLockstepWasm, wasmModuleText } from '../../wasm/build.mjs';

/** x and its two neighbouring doubles. */
function around(x: number): number[] {
  const bits = new BigInt64Array(new Float64Array([x]).buffer)[0];
  return [bits - 1n, bits, bits + 1n].map((b) => new Float64Array(new BigInt64Array([b]).buffer)[0]);
}

const bitsOf = (values: ArrayLike<number>) => Array.from(new BigUint64Array(Float64Array.from(values).buffer), (b) => b.toString(16));

describe('the WebAssembly kernel', () => {
  test('runs here (Node has WebAssembly SIMD), so the bit-identity tests cover it', () => {
    expect(WasmEpoch.exp(new Float64Array([0]))).not.toBeNull();
  });

  test("its exp gives exp.ts's bits: the branches' edges, the special values and random doubles", () => {
    // each branch bound of exp.ts, with the doubles just below and above it
    const bounds = [2 ** -28, 0.3465735912322998, 1.0397205352783203, 707, 708.4, 709.08, 709.7822265625, 709.782712893384, 745.1332191019411];
    const edges = [0, -0, 1, -1, 1e-300, Number.MIN_VALUE, Number.MAX_VALUE, Infinity, 0.5, 10, 37.5, ...bounds.flatMap(around)].flatMap((x) => [x, -x]);
    const random = fc.sample(fc.oneof(fc.double({ noNaN: true }), fc.double({ min: -800, max: 800, noNaN: true }), fc.double({ min: -2, max: 2 })), 20_000);
    const values = [...edges, ...random];
    const kernel = WasmEpoch.exp(Float64Array.from(values));
    expect(bitsOf(kernel!)).toEqual(bitsOf(values.map(exp)));
    expect(Number.isNaN(WasmEpoch.exp(new Float64Array([Number.NaN]))![0])).toBe(true);
  });

  test('the committed build is current: npm run build:wasm writes the same file', async () => {
    const text: string = wasmModuleText(await buildLockstepWasm());
    expect(text).toContain(LOCKSTEP_WASM_BASE64);
  }, 60_000);
});
