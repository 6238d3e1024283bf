// The lockstep kernel's descriptor: where each table starts, in 32-bit slots. Plain constants, so both
// the host (wasmKernel.ts) and the AssemblyScript kernel (wasm/lockstep.ts, which imports this file) read them.
//   [0] L, [1] samples, [2] lane stride n (even), [3] input, [4] target, [5] params, [6] grad,
//   [7] check, [8] large; then 16-slot tables: sizes, weight offsets, bias offsets, z, a, δ pointers.
export const SIZES = 16;
export const WEIGHTS = 32;
export const BIASES = 48;
export const Z = 64;
export const A = 80;
export const D = 96;
