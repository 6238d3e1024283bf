/** The bits of a double, exact scaling by 2^k, and the constants the elementary functions share. */
// One double viewed as two 32-bit halves; the index of the high half depends on byte order.
export const bits = new Float64Array(1);
export const words = new Int32Array(bits.buffer);
const HI = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f ? 1 : 0;
export const LO = 1 - HI;

export function highWord(x: number): number {
  bits[0] = x;
  return words[HI];
}

export function lowWord(x: number): number {
  bits[0] = x;
  return words[LO];
}

/** x with its high 32 bits replaced (the low 32 kept). */
export function withHighWord(x: number, hi: number): number {
  bits[0] = x;
  words[HI] = hi;
  return bits[0];
}

/** The double whose high half is `hi` and low half 0. */
export function fromHighWord(hi: number): number {
  words[HI] = hi;
  words[LO] = 0;
  return bits[0];
}

/** 2^k for k = −1022 … 1023 at POWERS_OF_TWO[k + 1022]: a load is faster than writing bits. */
export const POWERS_OF_TWO = new Float64Array(2046);
POWERS_OF_TWO[1022] = 1;
for (let k = 1; k <= 1023; k++) POWERS_OF_TWO[1022 + k] = POWERS_OF_TWO[1021 + k] * 2; // exact
for (let k = 1; k <= 1022; k++) POWERS_OF_TWO[1022 - k] = POWERS_OF_TWO[1023 - k] / 2; // exact

/** y · 2^k, exact while the result is a normal double (k in −1022 … 1024). */
export function scaleByPowerOfTwo(y: number, k: number): number {
  if (k > 1023) return y * 2 * POWERS_OF_TWO[2045];
  return y * POWERS_OF_TWO[k + 1022];
}

export const LN2_HI = 6.9314718036912381649e-1; // the first 32 bits of ln 2: k·LN2_HI is exact for |k| < 2^11
export const LN2_LO = 1.90821492927058770002e-10; // ln 2 − LN2_HI
export const INV_LN2 = 1.442695040888963387;
export const TWO54 = 1.8014398509481984e16;
export const TWO_M1000 = 9.3326361850321887899e-302; // 2^−1000
export const HUGE = 1e300;
export const TINY = 1e-300;
export const EXP_OVERFLOW = 7.09782712893383973096e2; // above it e^x overflows
export const EXP_UNDERFLOW = -7.4513321910194110842e2; // below it e^x underflows to 0
