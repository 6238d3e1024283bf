/** sin x and cos x (fdlibm k_sin.c, k_cos.c, e_rem_pio2.c, s_sin.c, s_cos.c). */
import { fromHighWord, highWord } from './bits';

// sin and cos on [−π/4, π/4]: Remez polynomials in x²
const S1 = -1.66666666666666324348e-1;
const S2 = 8.33333333332248946124e-3;
const S3 = -1.98412698298579493134e-4;
const S4 = 2.75573137070700676789e-6;
const S5 = -2.50507602534068634195e-8;
const S6 = 1.58969099521155010221e-10;
const C1 = 4.16666666666666019037e-2;
const C2 = -1.38888888888741095749e-3;
const C3 = 2.48015872894767294178e-5;
const C4 = -2.75573143513906633035e-7;
const C5 = 2.0875723212981748279e-9;
const C6 = -1.13596475577881948265e-11;

/** sin(x + y) for |x| ≤ π/4 where y is a tiny tail of x (0 when there is none). */
function sinKernel(x: number, y: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e400000) return x; // |x| < 2^−27
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  if (y === 0) return x + v * (S1 + z * r);
  return x - (z * (0.5 * y - v * r) - y - v * S1);
}

/** cos(x + y) for |x| ≤ π/4. */
function cosKernel(x: number, y: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e400000) return 1; // |x| < 2^−27
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  if (ix < 0x3fd33333) return 1 - (0.5 * z - (z * r - x * y)); // |x| < 0.3
  // 1 − qx is exact and carries most of 1 − x²/2, so the rest loses nothing
  const qx = ix > 0x3fe90000 ? 0.28125 : fromHighWord(ix - 0x00200000);
  const hz = 0.5 * z - qx;
  return 1 - qx - (hz - (z * r - x * y));
}

const INV_PIO2 = 6.36619772367581382433e-1;
const PIO2_1 = 1.57079632673412561417; // the first 33 bits of π/2
const PIO2_1T = 6.07710050650619224932e-11; // π/2 − PIO2_1
const PIO2_2 = 6.0771005063039659766e-11; // the next 33 bits
const PIO2_2T = 2.02226624879595063154e-21;
const PIO2_3 = 2.0222662487111664558e-21; // and the next 33
const PIO2_3T = 8.47842766036889956997e-32;

// the reduced argument r = reducedHead + reducedTail, |r| ≤ π/4
let reducedHead = 0;
let reducedTail = 0;

/**
 * x = n·π/2 + r: returns n and leaves r in reducedHead/Tail (fdlibm e_rem_pio2.c, medium sizes).
 * n·PIO2_1 is exact only while n < 2^20, so |x| above 2^20·π/2 (1,647,099) is refused: the
 * engine's angles stay below 3π, and a wrong answer would be worse than a clear error.
 */
function reduceByHalfPi(x: number): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix > 0x413921fb) throw new RangeError(`sin/cos: |x| = ${Math.abs(x)} is above the engine's limit of 2^20·π/2`);
  const t0 = x < 0 ? -x : x;
  const n = (t0 * INV_PIO2 + 0.5) | 0;
  const fn = n;
  let r = t0 - fn * PIO2_1; // exact: fn·PIO2_1 has at most 53 bits
  let w = fn * PIO2_1T;
  let y0 = r - w;
  const exponent = ix >> 20;
  if (exponent - ((highWord(y0) >> 20) & 0x7ff) > 16) {
    // x is close to a multiple of π/2: a second (and maybe third) 33 bits of π/2
    let t = r;
    w = fn * PIO2_2;
    r = t - w;
    w = fn * PIO2_2T - (t - r - w);
    y0 = r - w;
    if (exponent - ((highWord(y0) >> 20) & 0x7ff) > 49) {
      t = r;
      w = fn * PIO2_3;
      r = t - w;
      w = fn * PIO2_3T - (t - r - w);
      y0 = r - w;
    }
  }
  const y1 = r - y0 - w;
  if (x < 0) {
    reducedHead = -y0;
    reducedTail = -y1;
    return -n;
  }
  reducedHead = y0;
  reducedTail = y1;
  return n;
}

/** sin x, below 1 ulp, for |x| ≤ 2^20·π/2 (fdlibm s_sin.c); a RangeError above. */
export function sin(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) return sinKernel(x, 0); // |x| ≤ π/4
  if (ix >= 0x7ff00000) return x - x; // NaN
  const n = reduceByHalfPi(x);
  switch (n & 3) {
    case 0:
      return sinKernel(reducedHead, reducedTail);
    case 1:
      return cosKernel(reducedHead, reducedTail);
    case 2:
      return -sinKernel(reducedHead, reducedTail);
    default:
      return -cosKernel(reducedHead, reducedTail);
  }
}

/** cos x, below 1 ulp, for |x| ≤ 2^20·π/2 (fdlibm s_cos.c); a RangeError above. */
export function cos(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) return cosKernel(x, 0);
  if (ix >= 0x7ff00000) return x - x;
  const n = reduceByHalfPi(x);
  switch (n & 3) {
    case 0:
      return cosKernel(reducedHead, reducedTail);
    case 1:
      return -sinKernel(reducedHead, reducedTail);
    case 2:
      return -cosKernel(reducedHead, reducedTail);
    default:
      return sinKernel(reducedHead, reducedTail);
  }
}
