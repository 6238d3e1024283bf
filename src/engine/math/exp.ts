/** e^x, e^x − 1 and tanh x (fdlibm e_exp.c, s_expm1.c, s_tanh.c). */
import { EXP_OVERFLOW, EXP_UNDERFLOW, HUGE, INV_LN2, LN2_HI, LN2_LO, POWERS_OF_TWO, TINY, TWO_M1000, scaleByPowerOfTwo } from './bits';

// exp: the Remez polynomial of R(r²) ≈ r·(e^r + 1)/(e^r − 1) − 2 on |r| ≤ ln2/2
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.6533902205465251539e-6;
const P5 = 4.13813679705723846039e-8;

// fdlibm tests the high 32 bits of |x| against these; the same tests on the double itself are exact
// (each bound is the smallest double with that high word) and cheaper than reading the bits.
const HALF_LN2_BOUND = 0.3465735912322998; // high word 0x3fd62e43: |x| ≥ it ⇔ |x| > ln2/2 in fdlibm's test
const THREE_HALVES_LN2_BOUND = 1.0397205352783203; // 0x3ff0a2b2: about 1.5·ln2
const EXP_LARGE_BOUND = 709.7822265625; // 0x40862e42
const EXPM1_LARGE_BOUND = 38.81622314453125; // 0x4043687a: about 56·ln2
const TWO_M28 = 3.725290298461914e-9;
const TWO_M54 = 5.551115123125783e-17;
const TWO_M55 = 2.7755575615628914e-17;

/** e^x, below 1 ulp (fdlibm e_exp.c). Short, so that V8 inlines it into the hot loops. */
export function exp(x: number): number {
  if (!(x < EXP_LARGE_BOUND && x > -EXP_LARGE_BOUND)) return expOfLarge(x);
  const ax = x < 0 ? -x : x;
  if (ax < HALF_LN2_BOUND) {
    if (ax < TWO_M28) return 1 + x; // e^x = 1 + x to within half an ulp
    const t = x * x;
    const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
    return 1 - ((x * c) / (c - 2) - x);
  }
  if (x === 1) return Math.E; // the one place the formula below misses correct rounding by a bit
  // x = k·ln2 + r with |r| ≤ ln2/2, r = hi − lo; | 0 truncates, so ±½ rounds to nearest
  const k = ax < THREE_HALVES_LN2_BOUND ? (x < 0 ? -1 : 1) : (INV_LN2 * x + (x < 0 ? -0.5 : 0.5)) | 0;
  const hi = x - k * LN2_HI;
  const lo = k * LN2_LO;
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  const y = 1 - (lo - (r * c) / (2 - c) - hi);
  if (k > 1023 || k < -1021) return k > 0 ? y * 2 * POWERS_OF_TWO[2045] : y * POWERS_OF_TWO[k + 2022] * TWO_M1000;
  return y * POWERS_OF_TWO[k + 1022];
}

/** e^x for NaN, ±∞ and |x| ≥ 709.78 … (a little below the overflow threshold: those still go through `exp`'s reduction). */
function expOfLarge(x: number): number {
  if (x !== x) return x + x; // NaN
  if (x === Infinity) return x;
  if (x === -Infinity) return 0;
  if (x > EXP_OVERFLOW) return HUGE * HUGE;
  if (x < EXP_UNDERFLOW) return TWO_M1000 * TWO_M1000;
  /* jscpd:ignore-start: the large-|x| path repeats the reduction rather than adding its branches to exp's common path (docs/architecture.md) */
  const k = (INV_LN2 * x + (x < 0 ? -0.5 : 0.5)) | 0;
  const hi = x - k * LN2_HI;
  const lo = k * LN2_LO;
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  const y = 1 - (lo - (r * c) / (2 - c) - hi);
  /* jscpd:ignore-end */
  if (k > 1023) return y * 2 * POWERS_OF_TWO[2045];
  if (k >= -1021) return y * POWERS_OF_TWO[k + 1022];
  return y * POWERS_OF_TWO[k + 2022] * TWO_M1000; // subnormal result: round once, at the end
}

// expm1: the Remez polynomial in x² for the rational form of (e^x − 1) on |x| ≤ ln2/2
const Q1 = -3.33333333333331316428e-2;
const Q2 = 1.58730158725481460165e-3;
const Q3 = -7.93650757867487942473e-5;
const Q4 = 4.00821782732936239552e-6;
const Q5 = -2.01099218183624371326e-7;

/**
 * e^x − 1, below 1 ulp and without the cancellation of exp(x) − 1 near 0 (fdlibm s_expm1.c). Its
 * common path is short, and the series and the scaling by 2^k are small functions, so that V8
 * inlines it into tanh and tanh into the layers' loops.
 */
export function expm1(x: number): number {
  const ax = x < 0 ? -x : x;
  if (!(ax < EXPM1_LARGE_BOUND)) {
    const saturated = expm1Saturated(x, ax);
    if (saturated !== 0) return saturated;
  }
  if (ax < HALF_LN2_BOUND) {
    if (ax < TWO_M54) return x;
    const hfx = 0.5 * x;
    const hxs = x * hfx;
    return x - (x * expm1Series(x, hfx, hxs) - hxs);
  }
  // |x| > ln2/2: x = k·ln2 + r, r = hi − lo, with c the rounding error of r
  const k = ax < THREE_HALVES_LN2_BOUND ? (x < 0 ? -1 : 1) : (INV_LN2 * x + (x < 0 ? -0.5 : 0.5)) | 0;
  const hi = x - k * LN2_HI;
  const lo = k * LN2_LO;
  const r = hi - lo;
  const c = hi - r - lo;
  const hfx = 0.5 * r;
  const hxs = r * hfx;
  const e = r * (expm1Series(r, hfx, hxs) - c) - c - hxs;
  return expm1Scaled(r, e, k);
}

/** NaN, ±∞, overflow, and e^x < 2^−56 where the result rounds to −1; 0 where none of them (no such x gives 0). */
function expm1Saturated(x: number, ax: number): number {
  if (x !== x) return x + x; // NaN
  if (ax === Infinity) return x < 0 ? -1 : x;
  if (x > EXP_OVERFLOW) return HUGE * HUGE;
  if (x < 0 && x + TINY < 0) return TINY - 1;
  return 0;
}

/** The rational correction of expm1 at the reduced argument x (hfx = x/2, hxs = x·x/2). */
function expm1Series(x: number, hfx: number, hxs: number): number {
  const r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
  const t = 3 - r1 * hfx;
  return hxs * ((r1 - t) / (6 - x * t));
}

/**
 * 2^k·(1 + r − e) − 1 for k ≠ 0, in the form that keeps the last bit for each range of k; 2^k as a
 * table load where k ≤ 56 (what scaleByPowerOfTwo does there, without its test for k > 1023).
 */
function expm1Scaled(r: number, e: number, k: number): number {
  if (k === -1) return 0.5 * (r - e) - 0.5;
  if (k === 1) return r < -0.25 ? -2 * (e - (r + 0.5)) : 1 + 2 * (r - e);
  if (k <= -2) return (1 - (e - r)) * POWERS_OF_TWO[k + 1022] - 1; // the −1 costs nothing here
  if (k > 56) return scaleByPowerOfTwo(1 - (e - r), k) - 1;
  const twoToMinusK = POWERS_OF_TWO[1022 - k];
  // 1 − 2^−k is exact below k = 20
  return (k < 20 ? 1 - twoToMinusK - (e - r) : r - (e + twoToMinusK) + 1) * POWERS_OF_TWO[k + 1022];
}

/**
 * tanh x from expm1 (fdlibm s_tanh.c): about 1 ulp, not below it everywhere; the division
 * −t/(t + 2) for |x| < 1 can add a little to expm1's error (1.05 ulp at x = 0.99, the worst
 * of the reference points in tests/engine/math.test.ts). Every engine still computes the same bits.
 */
export function tanh(x: number): number {
  const ax = x < 0 ? -x : x;
  if (!(ax < 22)) {
    if (x !== x) return x + x; // NaN
    return x < 0 ? TINY - 1 : 1 - TINY; // |x| ≥ 22: ±1
  }
  if (ax < TWO_M55) return x * (1 + x); // tanh x = x (keeps −0)
  let z: number;
  if (ax >= 1) {
    const t = expm1(2 * ax);
    z = 1 - 2 / (t + 2);
  } else {
    const t = expm1(-2 * ax);
    z = -t / (t + 2);
  }
  return x < 0 ? -z : z;
}
