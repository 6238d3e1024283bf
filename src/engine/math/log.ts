/** ln x, ln(1 + x) and log10 x (fdlibm e_log.c, s_log1p.c; FreeBSD msun e_log10.c). */
import { LN2_HI, LN2_LO, LO, TWO54, bits, highWord, lowWord, withHighWord, words } from './bits';

// log and log1p: the Remez polynomial of R(s) ≈ ln((1+s)/(1−s)) − 2s on s² ≤ 0.0294
const LG1 = 6.66666666666673513e-1;
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
    return k === 0 ? f - r : dk * LN2_HI - (r - dk * LN2_LO - f);
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
    return dk * LN2_HI - (hfsq - (s * (hfsq + r) + dk * LN2_LO) - f);
  }
  if (k === 0) return f - s * (f - r);
  return dk * LN2_HI - (s * (f - r) - dk * LN2_LO - f);
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
    return LN2_HI - (hfsq - (s * (hfsq + logSeries(s * s)) + (LN2_LO + c)) - f);
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
    return dk * LN2_HI - (r - (dk * LN2_LO + c) - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const r = z * (LG1 + z * (LG2 + z * (LG3 + z * (LG4 + z * (LG5 + z * (LG6 + z * LG7))))));
  if (k === 0) return f - (hfsq - s * (hfsq + r));
  return dk * LN2_HI - (hfsq - (s * (hfsq + r) + (dk * LN2_LO + c)) - f);
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
