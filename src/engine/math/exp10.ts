/** 10^x in double-double arithmetic, for histogram edges. */
import { TWO_M1000, scaleByPowerOfTwo } from './bits';
import { exp } from './exp';

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
