/**
 * The engine's own elementary functions, so every JavaScript engine computes the same bits.
 * Math.exp, Math.log, Math.tanh, Math.sin … are only "implementation-approximated" by the
 * standard: Node's V8 and Chromium's V8 differ in their last bit, and a training run amplifies
 * one bit into a different outcome. These use only IEEE basic operations (+ − × ÷, comparisons)
 * and exact reads and writes of a double's 32-bit halves, which every engine does identically.
 *
 * The algorithms are those of Sun's fdlibm 5.3 (e_exp.c, e_log.c, s_log1p.c, s_expm1.c,
 * s_tanh.c, k_sin.c, k_cos.c, e_rem_pio2.c) and FreeBSD msun's e_log10.c, re-written here: argument
 * reduction by k·ln2 (or n·π/2) split into a high part exact in double and a low part, then a
 * minimax polynomial on the reduced interval (a rational form for exp), then an exact scaling
 * by 2^k. Each is below 1 ulp of error except tanh (about 1 ulp; see there). 10^x, used only
 * for histogram edges, is carried in double-double (Dekker's exact product) and is correctly rounded.
 */

// One double viewed as two 32-bit halves; the index of the high half depends on byte order.
const bits = new Float64Array(1);
const words = new Int32Array(bits.buffer);
const HI = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f ? 1 : 0;
const LO = 1 - HI;

function highWord(x: number): number {
  bits[0] = x;
  return words[HI];
}

function lowWord(x: number): number {
  bits[0] = x;
  return words[LO];
}

/** x with its high 32 bits replaced (the low 32 kept). */
function withHighWord(x: number, hi: number): number {
  bits[0] = x;
  words[HI] = hi;
  return bits[0];
}

/** The double whose high half is `hi` and low half 0. */
function fromHighWord(hi: number): number {
  words[HI] = hi;
  words[LO] = 0;
  return bits[0];
}

/** 2^k for k = −1022 … 1023 at POWERS_OF_TWO[k + 1022]: a load is faster than writing bits. */
const POWERS_OF_TWO = new Float64Array(2046);
POWERS_OF_TWO[1022] = 1;
for (let k = 1; k <= 1023; k++) POWERS_OF_TWO[1022 + k] = POWERS_OF_TWO[1021 + k] * 2; // exact
for (let k = 1; k <= 1022; k++) POWERS_OF_TWO[1022 - k] = POWERS_OF_TWO[1023 - k] / 2; // exact

/** y · 2^k, exact while the result is a normal double (k in −1022 … 1024). */
function scaleByPowerOfTwo(y: number, k: number): number {
  if (k > 1023) return y * 2 * POWERS_OF_TWO[2045];
  return y * POWERS_OF_TWO[k + 1022];
}

const LN2_HI = 6.93147180369123816490e-1; // the first 32 bits of ln 2: k·LN2_HI is exact for |k| < 2^11
const LN2_LO = 1.90821492927058770002e-10; // ln 2 − LN2_HI
const INV_LN2 = 1.44269504088896338700e0;
const TWO54 = 1.80143985094819840000e16;
const TWO_M1000 = 9.33263618503218878990e-302; // 2^−1000
const HUGE = 1e300;
const TINY = 1e-300;
const EXP_OVERFLOW = 7.09782712893383973096e2; // above it e^x overflows
const EXP_UNDERFLOW = -7.45133219101941108420e2; // below it e^x underflows to 0

// exp: the Remez polynomial of R(r²) ≈ r·(e^r + 1)/(e^r − 1) − 2 on |r| ≤ ln2/2
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6;
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
  const y = 1 - ((lo - (r * c) / (2 - c)) - hi);
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
  const k = (INV_LN2 * x + (x < 0 ? -0.5 : 0.5)) | 0;
  const hi = x - k * LN2_HI;
  const lo = k * LN2_LO;
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  const y = 1 - ((lo - (r * c) / (2 - c)) - hi);
  if (k > 1023) return y * 2 * POWERS_OF_TWO[2045];
  if (k >= -1021) return y * POWERS_OF_TWO[k + 1022];
  return y * POWERS_OF_TWO[k + 2022] * TWO_M1000; // subnormal result: round once, at the end
}

// log and log1p: the Remez polynomial of R(s) ≈ ln((1+s)/(1−s)) − 2s on s² ≤ 0.0294
const LG1 = 6.666666666666735130e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/** ln x, below 1 ulp (fdlibm e_log.c). */
export function log(x: number): number {
  let hx = highWord(x);
  let k = 0;
  if (hx < 0x00100000) {
    // x < 2^−1022: zero, negative, or subnormal
    if (((hx & 0x7fffffff) | lowWord(x)) === 0) return -TWO54 / 0; // ln ±0 = −∞
    if (hx < 0) return (x - x) / 0; // NaN
    k -= 54;
    x *= TWO54; // scale a subnormal up
    hx = highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x; // +∞ or NaN
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  // x = 2^k·m with m in [√2/2, √2)
  const half = (hx + 0x95f64) & 0x100000;
  x = withHighWord(x, hx | (half ^ 0x3ff00000));
  k += half >> 20;
  const f = x - 1;
  const dk = k;
  if ((0x000fffff & (2 + hx)) < 3) {
    // |f| < 2^−20
    if (f === 0) return k === 0 ? 0 : dk * LN2_HI + dk * LN2_LO;
    const r = f * f * (0.5 - 0.33333333333333333 * f);
    return k === 0 ? f - r : dk * LN2_HI - ((r - dk * LN2_LO) - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    // m in about [1.38, 1.44): the ½f² form keeps the last bit
    const hfsq = 0.5 * f * f;
    if (k === 0) return f - (hfsq - s * (hfsq + r));
    return dk * LN2_HI - ((hfsq - (s * (hfsq + r) + dk * LN2_LO)) - f);
  }
  if (k === 0) return f - s * (f - r);
  return dk * LN2_HI - ((s * (f - r) - dk * LN2_LO) - f);
}

const LOG1P_DIRECT_ABOVE = -0.2928934097290039; // high word 0xbfd2bec4: fdlibm's −0.2929
const LOG1P_DIRECT_BELOW = 0.4142136573791504; // 0x3fda827a: fdlibm's 0.41422
const TWO_M29 = 1.862645149230957e-9;

/**
 * ln(1 + x), below 1 ulp (fdlibm s_log1p.c). The cost calls it with x = e^(−|z|) in (0, 1] every
 * epoch, so that range has short paths (no bit access) that V8 inlines: −0.2929 < x < 0.41422 needs
 * no reduction, and 0.41422 ≤ x < 0.9999 one halving of 1 + x; the rest goes to the general code.
 */
export function log1p(x: number): number {
  if (x < LOG1P_DIRECT_BELOW && x > LOG1P_DIRECT_ABOVE && (x >= TWO_M29 || x <= -TWO_M29)) {
    const hfsq = 0.5 * x * x;
    const s = x / (2 + x);
    return x - (hfsq - s * (hfsq + logSeries(s * s)));
  }
  if (x >= LOG1P_DIRECT_BELOW && x < 0.9999) {
    // 1 + x = u in [√2, 2): ln(1 + x) = ln2 + ln(u/2), with c the rounding error of u as a correction
    const u = 1 + x;
    const c = (x - (u - 1)) / u;
    const f = u * 0.5 - 1;
    const hfsq = 0.5 * f * f;
    const s = f / (2 + f);
    return LN2_HI - ((hfsq - (s * (hfsq + logSeries(s * s)) + (LN2_LO + c))) - f);
  }
  return log1pReduced(x);
}

/** R(z) of log1p for z = s². */
function logSeries(z: number): number {
  return z * (LG1 + z * (LG2 + z * (LG3 + z * (LG4 + z * (LG5 + z * (LG6 + z * LG7))))));
}

/** ln(1 + x) for tiny x, x ≤ −0.2929, x ≥ 0.41422, and the special values. */
function log1pReduced(x: number): number {
  const hx = highWord(x);
  const ax = hx & 0x7fffffff;
  let k = 1;
  let f = 0;
  let hu = 0;
  let c = 0;
  if (hx < 0x3fda827a) {
    // x < 0.41422
    if (ax >= 0x3ff00000) {
      // x ≤ −1
      if (x === -1) return -TWO54 / 0;
      return (x - x) / (x - x); // NaN
    }
    if (ax < 0x3e200000) {
      // |x| < 2^−29
      if (TWO54 + x > 0 && ax < 0x3c900000) return x; // |x| < 2^−54
      return x - x * x * 0.5;
    }
    if (hx > 0 || hx <= (0xbfd2bec3 | 0)) {
      // −0.2929 < x < 0.41422: no reduction, f = x
      k = 0;
      f = x;
      hu = 1;
    }
  }
  if (hx >= 0x7ff00000) return x + x;
  if (k !== 0) {
    let u: number;
    if (hx < 0x43400000) {
      u = 1 + x;
      hu = highWord(u);
      k = (hu >> 20) - 1023;
      c = k > 0 ? 1 - (u - x) : x - (u - 1); // the rounding error of 1 + x …
      c /= u; // … as a correction to ln u
    } else {
      u = x;
      hu = highWord(u);
      k = (hu >> 20) - 1023;
      c = 0;
    }
    hu &= 0x000fffff;
    if (hu < 0x6a09e) {
      u = withHighWord(u, hu | 0x3ff00000); // u in [1, √2)
    } else {
      k += 1;
      u = withHighWord(u, hu | 0x3fe00000); // u/2 in [√2/2, 1)
      hu = (0x00100000 - hu) >> 2;
    }
    f = u - 1;
  }
  const hfsq = 0.5 * f * f;
  const dk = k;
  if (hu === 0) {
    // |f| < 2^−20
    if (f === 0) {
      if (k === 0) return 0;
      c += dk * LN2_LO;
      return dk * LN2_HI + c;
    }
    const r = hfsq * (1 - 0.66666666666666666 * f);
    if (k === 0) return f - r;
    return dk * LN2_HI - ((r - (dk * LN2_LO + c)) - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const r = z * (LG1 + z * (LG2 + z * (LG3 + z * (LG4 + z * (LG5 + z * (LG6 + z * LG7))))));
  if (k === 0) return f - (hfsq - s * (hfsq + r));
  return dk * LN2_HI - ((hfsq - (s * (hfsq + r) + (dk * LN2_LO + c))) - f);
}

// expm1: the Remez polynomial in x² for the rational form of (e^x − 1) on |x| ≤ ln2/2
const Q1 = -3.33333333333331316428e-2;
const Q2 = 1.58730158725481460165e-3;
const Q3 = -7.93650757867487942473e-5;
const Q4 = 4.00821782732936239552e-6;
const Q5 = -2.01099218183624371326e-7;

/** e^x − 1, below 1 ulp and without the cancellation of exp(x) − 1 near 0 (fdlibm s_expm1.c). */
export function expm1(x: number): number {
  const ax = x < 0 ? -x : x;
  if (!(ax < EXPM1_LARGE_BOUND)) {
    if (x !== x) return x + x; // NaN
    if (!(ax < EXP_LARGE_BOUND)) {
      if (ax === Infinity) return x < 0 ? -1 : x;
      if (x > EXP_OVERFLOW) return HUGE * HUGE;
    }
    if (x < 0 && x + TINY < 0) return TINY - 1; // e^x < 2^−56: the result rounds to −1
  }
  let k = 0;
  let c = 0;
  if (ax >= HALF_LN2_BOUND) {
    // |x| > ln2/2: x = k·ln2 + r, with c the rounding error of r = hi − lo
    let hi: number;
    let lo: number;
    if (ax < THREE_HALVES_LN2_BOUND) {
      hi = x < 0 ? x + LN2_HI : x - LN2_HI;
      lo = x < 0 ? -LN2_LO : LN2_LO;
      k = x < 0 ? -1 : 1;
    } else {
      k = (INV_LN2 * x + (x < 0 ? -0.5 : 0.5)) | 0;
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    }
    x = hi - lo;
    c = hi - x - lo;
  } else if (ax < TWO_M54) {
    return x;
  }
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
  const t = 3 - r1 * hfx;
  let e = hxs * ((r1 - t) / (6 - x * t));
  if (k === 0) return x - (x * e - hxs);
  e = x * (e - c) - c;
  e -= hxs;
  if (k === -1) return 0.5 * (x - e) - 0.5;
  if (k === 1) return x < -0.25 ? -2 * (e - (x + 0.5)) : 1 + 2 * (x - e);
  if (k <= -2 || k > 56) return scaleByPowerOfTwo(1 - (e - x), k) - 1; // the −1 costs nothing here
  if (k < 20) return scaleByPowerOfTwo(1 - POWERS_OF_TWO[1022 - k] - (e - x), k); // 1 − 2^−k is exact
  return scaleByPowerOfTwo(x - (e + POWERS_OF_TWO[1022 - k]) + 1, k);
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
const C5 = 2.08757232129817482790e-9;
const C6 = -1.13596475577881948265e-11;

/** sin(x + y) for |x| ≤ π/4 where y is a tiny tail of x (0 when there is none). */
function sinKernel(x: number, y: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e400000) return x; // |x| < 2^−27
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  if (y === 0) return x + v * (S1 + z * r);
  return x - ((z * (0.5 * y - v * r) - y) - v * S1);
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
const PIO2_1 = 1.57079632673412561417e0; // the first 33 bits of π/2
const PIO2_1T = 6.07710050650619224932e-11; // π/2 − PIO2_1
const PIO2_2 = 6.07710050630396597660e-11; // the next 33 bits
const PIO2_2T = 2.02226624879595063154e-21;
const PIO2_3 = 2.02226624871116645580e-21; // and the next 33
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
    w = fn * PIO2_2T - ((t - r) - w);
    y0 = r - w;
    if (exponent - ((highWord(y0) >> 20) & 0x7ff) > 49) {
      t = r;
      w = fn * PIO2_3;
      r = t - w;
      w = fn * PIO2_3T - ((t - r) - w);
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

const IVLN10_HI = 4.34294481878168880939e-1; // 1/ln10 in 33 bits …
const IVLN10_LO = 2.50829467116452752298e-11; // … and the rest
const LOG10_2_HI = 3.01029995663611771306e-1;
const LOG10_2_LO = 3.69423907715893078616e-13;

/** log10 x, below 1 ulp, exact at powers of ten that are doubles (FreeBSD msun e_log10.c). */
export function log10(x: number): number {
  let hx = highWord(x);
  let k = 0;
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | lowWord(x)) === 0) return -TWO54 / 0;
    if (hx < 0) return (x - x) / 0;
    k -= 54;
    x *= TWO54;
    hx = highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x;
  if (hx === 0x3ff00000 && lowWord(x) === 0) return 0; // log10(1) = +0
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const half = (hx + 0x95f64) & 0x100000;
  x = withHighWord(x, hx | (half ^ 0x3ff00000));
  k += half >> 20;
  const f = x - 1;
  // ln(1 + f) = f − ½f² + s·(½f² + R), split so that f − ½f² has a short head
  const hfsq = 0.5 * f * f;
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const r = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7))) + w * (LG2 + w * (LG4 + w * LG6));
  const tail = s * (hfsq + r);
  bits[0] = f - hfsq;
  words[LO] = 0;
  const head = bits[0];
  const rest = f - head - hfsq + tail;
  let valueHi = head * IVLN10_HI;
  const y = k * LOG10_2_HI;
  let valueLo = k * LOG10_2_LO + (rest + head) * IVLN10_LO + rest * IVLN10_HI;
  const sum = y + valueHi;
  valueLo += y - sum + valueHi;
  valueHi = sum;
  return valueLo + valueHi;
}

// Double-double numbers (hi + lo, |lo| ≤ ½ulp(hi)) for 10^x, which needs more than one double of x·ln10.
type DoubleDouble = readonly [number, number];
const SPLITTER = 134217729; // 2^27 + 1: Dekker's split of a double into two 26-bit halves

function quickTwoSum(hi: number, lo: number): DoubleDouble {
  const s = hi + lo;
  return [s, lo - (s - hi)];
}

/** a·b exactly, as a double-double (Dekker's product: no fused multiply-add needed). */
function twoProduct(a: number, b: number): DoubleDouble {
  const p = a * b;
  const as = SPLITTER * a;
  const aHi = as - (as - a);
  const aLo = a - aHi;
  const bs = SPLITTER * b;
  const bHi = bs - (bs - b);
  const bLo = b - bHi;
  return [p, aHi * bHi - p + aHi * bLo + aLo * bHi + aLo * bLo];
}

function ddAdd(a: DoubleDouble, b: DoubleDouble): DoubleDouble {
  const s = a[0] + b[0];
  const v = s - a[0];
  const e = a[0] - (s - v) + (b[0] - v) + a[1] + b[1];
  return quickTwoSum(s, e);
}

function ddMul(a: DoubleDouble, b: DoubleDouble): DoubleDouble {
  const [p, e] = twoProduct(a[0], b[0]);
  return quickTwoSum(p, e + (a[0] * b[1] + a[1] * b[0]));
}

function ddDivideByInteger(a: DoubleDouble, n: number): DoubleDouble {
  const q = a[0] / n;
  const [p, e] = twoProduct(q, n); // q·n exactly
  return quickTwoSum(q, (a[0] - p - e + a[1]) / n);
}

const LN10: DoubleDouble = [2.302585092994046, -2.1707562233822494e-16]; // ln 10 to 106 bits
const LN2_DD: DoubleDouble = [6.931471805599453e-1, 2.3190468138462996e-17];

/**
 * 10^x, correctly rounded but for the rarest near-ties: x·ln10 = k·ln2 + r in double-double,
 * e^(r/2^10) by its Taylor series in double-double, squared back ten times, then scaled by 2^k.
 * Slow (some hundred operations); the engine uses it only for histogram edges.
 */
export function exp10(x: number): number {
  if (Number.isInteger(x) && x >= -22 && x <= 22) {
    let p = 1;
    for (let i = 0; i < (x < 0 ? -x : x); i++) p *= 10; // every step is exact: 10^22 < 2^53·2^22
    return x < 0 ? 1 / p : p;
  }
  const estimate = x * LN10[0];
  if (!(estimate > -760 && estimate < 720)) return exp(estimate); // NaN, ±∞, certain over/underflow
  const y = ddMul([x, 0], LN10);
  const k = Math.round(y[0] / LN2_DD[0]);
  const r = ddAdd(y, ddMul([-k, 0], LN2_DD)); // |r| ≤ ln2/2 + a hair
  const s: DoubleDouble = [r[0] / 1024, r[1] / 1024]; // exact
  // e^s − 1 = s(1 + s/2(1 + s/3(1 + …))): |s| < 2^−11, so nine terms reach 2^−110
  let u: DoubleDouble = [1, 0];
  for (let n = 9; n >= 2; n--) u = ddAdd([1, 0], ddMul(ddDivideByInteger(s, n), u));
  u = ddMul(s, u);
  // (1 + u)² = 1 + (2u + u²), kept as u so that nothing rounds against the 1
  for (let i = 0; i < 10; i++) u = ddAdd([2 * u[0], 2 * u[1]], ddMul(u, u));
  const m = ddAdd([1, 0], u);
  if (k < -1021) return scaleByPowerOfTwo(m[0] + m[1], k + 1000) * TWO_M1000;
  return scaleByPowerOfTwo(m[0] + m[1], k);
}
