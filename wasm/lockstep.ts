// AssemblyScript source of the lockstep kernel (src/engine/lockstep/wasmKernel.ts loads its build).
// Rebuild with `npm run build:wasm`; tests/engine/lockstepWasm.test.ts checks the committed build is current.
//
// One full-batch epoch for networks whose every layer is a sigmoid, with the cross-entropy cost, over
// lanes side by side two at a time (f64x2), with exactly the floating-point operations, in the same
// order, of src/engine/pass.ts, activations.ts and math/exp.ts (fdlibm e_exp.c): WebAssembly has no
// implicit fused multiply-add and rounds every operation to double, as JavaScript does.
//
// The descriptor at `desc` holds i32 fields, laid out in src/engine/lockstep/descriptorSlots.ts
// (byte addresses; offsets count parameters).

import { A, BIASES, D, SIZES, WEIGHTS, Z } from '../src/engine/lockstep/descriptorSlots';

@inline function field(desc: usize, k: i32): i32 {
  return load<i32>(desc + ((<usize>k) << 2));
}

// exp: fdlibm e_exp.c as in src/engine/math/exp.ts
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.6533902205465251539e-6;
const P5 = 4.13813679705723846039e-8;
const HALF_LN2_BOUND = 0.3465735912322998;
const THREE_HALVES_LN2_BOUND = 1.0397205352783203;
const EXP_LARGE_BOUND = 709.7822265625;
const TWO_M28 = 3.725290298461914e-9;
const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.442695040888963387;
const TWO_M1000 = 9.3326361850321887899e-302;
const HUGE = 1e300;
const EXP_OVERFLOW = 7.09782712893383973096e2;
const EXP_UNDERFLOW = -7.4513321910194110842e2;
const E = 2.718281828459045;
// below this |x| the vector path's 2^k is a normal double (k in −1020 … 1020)
const VECTOR_EXP_BOUND = 707.0;

/** 2^k for k in −1022 … 1023 (POWERS_OF_TWO[k + 1022] of math/bits.ts). */
@inline function powerOfTwo(k: i32): f64 {
  return reinterpret<f64>((<i64>(k + 1023)) << 52);
}

/** exp.ts's exp and expOfLarge, scalar, for the lanes the vector path leaves out. */
function expScalar(x: f64): f64 {
  if (!(x < EXP_LARGE_BOUND && x > -EXP_LARGE_BOUND)) {
    if (x != x) return x + x;
    if (x == Infinity) return x;
    if (x == -Infinity) return 0;
    if (x > EXP_OVERFLOW) return HUGE * HUGE;
    if (x < EXP_UNDERFLOW) return TWO_M1000 * TWO_M1000;
    const kl = <i32>(INV_LN2 * x + (x < 0 ? -0.5 : 0.5));
    const hil = x - <f64>kl * LN2_HI;
    const lol = <f64>kl * LN2_LO;
    const rl = hil - lol;
    const tl = rl * rl;
    const cl = rl - tl * (P1 + tl * (P2 + tl * (P3 + tl * (P4 + tl * P5))));
    const yl = 1 - (lol - (rl * cl) / (2 - cl) - hil);
    if (kl > 1023) return yl * 2 * powerOfTwo(1023);
    if (kl >= -1021) return yl * powerOfTwo(kl);
    return yl * powerOfTwo(kl + 1000) * TWO_M1000;
  }
  const ax = x < 0 ? -x : x;
  if (ax < HALF_LN2_BOUND) {
    if (ax < TWO_M28) return 1 + x;
    const t = x * x;
    const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
    return 1 - ((x * c) / (c - 2) - x);
  }
  if (x == 1) return E;
  const k = ax < THREE_HALVES_LN2_BOUND ? (x < 0 ? -1 : 1) : <i32>(INV_LN2 * x + (x < 0 ? -0.5 : 0.5));
  const hi = x - <f64>k * LN2_HI;
  const lo = <f64>k * LN2_LO;
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  const y = 1 - (lo - (r * c) / (2 - c) - hi);
  if (k > 1023 || k < -1021) return k > 0 ? y * 2 * powerOfTwo(1023) : y * powerOfTwo(k + 1000) * TWO_M1000;
  return y * powerOfTwo(k);
}

/**
 * exp of two lanes. For ln2/2 ≤ |x| the formula is exp.ts's reduction; below it exp.ts's own
 * branch computes 1 − ((x·c)/(c − 2) − x), which is the same formula with k = 0 to the bit
 * (hi = x, lo = 0, and (x·c)/(c − 2) = −(x·c)/(2 − c) exactly), so one formula serves both.
 */
function expVector(x: v128): v128 {
  const ax = f64x2.abs(x);
  const negative = f64x2.lt(x, f64x2.splat(0));
  const half = v128.bitselect(f64x2.splat(-0.5), f64x2.splat(0.5), negative);
  const kFar = f64x2.convert_low_i32x4_s(i32x4.trunc_sat_f64x2_s_zero(f64x2.add(f64x2.mul(f64x2.splat(INV_LN2), x), half)));
  const kNear = v128.bitselect(f64x2.splat(-1), f64x2.splat(1), negative);
  const k = v128.bitselect(
    f64x2.splat(0),
    v128.bitselect(kNear, kFar, f64x2.lt(ax, f64x2.splat(THREE_HALVES_LN2_BOUND))),
    f64x2.lt(ax, f64x2.splat(HALF_LN2_BOUND)),
  );
  const hi = f64x2.sub(x, f64x2.mul(k, f64x2.splat(LN2_HI)));
  const lo = f64x2.mul(k, f64x2.splat(LN2_LO));
  const r = f64x2.sub(hi, lo);
  const t = f64x2.mul(r, r);
  let poly = f64x2.add(f64x2.splat(P4), f64x2.mul(t, f64x2.splat(P5)));
  poly = f64x2.add(f64x2.splat(P3), f64x2.mul(t, poly));
  poly = f64x2.add(f64x2.splat(P2), f64x2.mul(t, poly));
  poly = f64x2.add(f64x2.splat(P1), f64x2.mul(t, poly));
  const c = f64x2.sub(r, f64x2.mul(t, poly));
  const q = f64x2.div(f64x2.mul(r, c), f64x2.sub(f64x2.splat(2), c));
  const y = f64x2.sub(f64x2.splat(1), f64x2.sub(f64x2.sub(lo, q), hi));
  const scale = i64x2.shl(i64x2.add(i64x2.extend_low_i32x4_s(i32x4.trunc_sat_f64x2_s_zero(k)), i64x2.splat(1023)), 52);
  let result = f64x2.mul(y, scale);
  result = v128.bitselect(f64x2.add(f64x2.splat(1), x), result, f64x2.lt(ax, f64x2.splat(TWO_M28)));
  result = v128.bitselect(f64x2.splat(E), result, f64x2.eq(x, f64x2.splat(1)));
  const inRange = f64x2.lt(ax, f64x2.splat(VECTOR_EXP_BOUND));
  if (!i64x2.all_true(inRange)) {
    // NaN, ±∞ and |x| ≥ 707: exp.ts's other branches, lane by lane
    if (!(f64x2.extract_lane(ax, 0) < VECTOR_EXP_BOUND)) result = f64x2.replace_lane(result, 0, expScalar(f64x2.extract_lane(x, 0)));
    if (!(f64x2.extract_lane(ax, 1) < VECTOR_EXP_BOUND)) result = f64x2.replace_lane(result, 1, expScalar(f64x2.extract_lane(x, 1)));
  }
  return result;
}

/** σ of two lanes as activations.ts's sigmoid: 1/(1 + e^(−z)) for z ≥ 0, e^z/(1 + e^z) below; both exps are e^(−|z|). */
@inline function sigmoidVector(z: v128): v128 {
  const e = expVector(f64x2.neg(f64x2.abs(z)));
  const numerator = v128.bitselect(f64x2.splat(1), e, f64x2.ge(z, f64x2.splat(0)));
  return f64x2.div(numerator, f64x2.add(f64x2.splat(1), e));
}

@inline function at(base: i32, index: i32): usize {
  return <usize>base + ((<usize>index) << 3);
}

/** z^l = W^l a^(l−1) + b^l, a^l = σ(z^l) for l < L (pass.ts's forward); the output layer's z only. */
function forward(desc: usize): void {
  const L = field(desc, 0);
  const count = field(desc, 1);
  const n = field(desc, 2);
  const input = field(desc, 3);
  const p = field(desc, 5);
  for (let l = 1; l <= L; l++) {
    const nIn = field(desc, SIZES + l - 1);
    const nOut = field(desc, SIZES + l);
    const w0 = field(desc, WEIGHTS + l);
    const b0 = field(desc, BIASES + l);
    const z = field(desc, Z + l);
    const a = field(desc, A + l);
    const prev = field(desc, A + l - 1);
    for (let s = 0; s < count; s++) {
      for (let j = 0; j < nOut; j++) {
        const zb = (s * nOut + j) * n;
        const bb = (b0 + j) * n;
        const row = w0 + j * nIn;
        for (let r = 0; r < n; r += 2) {
          let sum = v128.load(at(p, bb + r));
          for (let i = 0; i < nIn; i++) {
            const w = v128.load(at(p, (row + i) * n + r));
            const x = l == 1 ? f64x2.splat(load<f64>(at(input, s * nIn + i))) : v128.load(at(prev, (s * nIn + i) * n + r));
            sum = f64x2.add(sum, f64x2.mul(w, x));
          }
          v128.store(at(z, zb + r), sum);
          if (l < L) v128.store(at(a, zb + r), sigmoidVector(sum));
        }
      }
    }
  }
}

/**
 * The sigmoid output with cross-entropy (lanePass.ts's lanesSigmoidCrossEntropy): a^L, δ^L = a − y,
 * and large[r] = 1 where some |z^L| is not below 10^300 (there JavaScript computes the exact cost).
 */
function output(desc: usize): void {
  const L = field(desc, 0);
  const count = field(desc, 1);
  const n = field(desc, 2);
  const target = field(desc, 4);
  const large = field(desc, 8);
  const nL = field(desc, SIZES + L);
  const z = field(desc, Z + L);
  const a = field(desc, A + L);
  const d = field(desc, D + L);
  for (let r = 0; r < n; r += 2) v128.store(at(large, r), f64x2.splat(0));
  for (let q = 0; q < count * nL; q++) {
    const y = f64x2.splat(load<f64>(at(target, q)));
    for (let r = 0; r < n; r += 2) {
      const zk = v128.load(at(z, q * n + r));
      const ak = sigmoidVector(zk);
      v128.store(at(a, q * n + r), ak);
      v128.store(at(d, q * n + r), f64x2.sub(ak, y));
      const small = f64x2.lt(f64x2.abs(zk), f64x2.splat(1e300));
      const flags = v128.load(at(large, r));
      v128.store(at(large, r), v128.bitselect(flags, f64x2.splat(1), small));
    }
  }
}

/** BP2–BP4 (pass.ts's backward without slips): the gradient ÷ divisor into grad; buggy takes σ′(a) for σ′(z). */
function backward(desc: usize, scale: f64, buggy: bool): void {
  const L = field(desc, 0);
  const count = field(desc, 1);
  const n = field(desc, 2);
  const input = field(desc, 3);
  const p = field(desc, 5);
  const g = field(desc, 6);
  const parameters = field(desc, BIASES + L) + field(desc, SIZES + L);
  memory.fill(<usize>g, 0, (<usize>(parameters * n)) << 3);
  const scaleVector = f64x2.splat(scale);
  for (let l = L; l >= 1; l--) {
    const nIn = field(desc, SIZES + l - 1);
    const nOut = field(desc, SIZES + l);
    const w0 = field(desc, WEIGHTS + l);
    const b0 = field(desc, BIASES + l);
    const prev = field(desc, A + l - 1);
    const d = field(desc, D + l);
    for (let s = 0; s < count; s++) {
      for (let j = 0; j < nOut; j++) {
        const db = (s * nOut + j) * n;
        const gb = (b0 + j) * n;
        const row = w0 + j * nIn;
        for (let r = 0; r < n; r += 2) {
          const dj = v128.load(at(d, db + r));
          v128.store(at(g, gb + r), f64x2.add(v128.load(at(g, gb + r)), dj));
          for (let i = 0; i < nIn; i++) {
            const gw = (row + i) * n + r;
            const x = l == 1 ? f64x2.splat(load<f64>(at(input, s * nIn + i))) : v128.load(at(prev, (s * nIn + i) * n + r));
            v128.store(at(g, gw), f64x2.add(v128.load(at(g, gw)), f64x2.mul(dj, x)));
          }
        }
      }
    }
    for (let k = w0 * n; k < (b0 + nOut) * n; k += 2) v128.store(at(g, k), f64x2.mul(v128.load(at(g, k)), scaleVector));
    if (l == 1) break;
    // BP2: δ^(l−1) = ((W^l)ᵀ δ^l) ⊙ σ′(z^(l−1)) = … ⊙ a(1 − a), or σ′(a^(l−1)) when buggy
    const dPrev = field(desc, D + l - 1);
    const aPrev = field(desc, A + l - 1);
    for (let s = 0; s < count; s++) {
      for (let j = 0; j < nIn; j++) {
        const ob = (s * nIn + j) * n;
        for (let r = 0; r < n; r += 2) {
          let sum = f64x2.splat(0);
          for (let k = 0; k < nOut; k++) sum = f64x2.add(sum, f64x2.mul(v128.load(at(p, (w0 + k * nIn + j) * n + r)), v128.load(at(d, (s * nOut + k) * n + r))));
          const av = v128.load(at(aPrev, ob + r));
          if (buggy) {
            const f = sigmoidVector(av);
            v128.store(at(dPrev, ob + r), f64x2.mul(sum, f64x2.mul(f, f64x2.sub(f64x2.splat(1), f))));
          } else {
            v128.store(at(dPrev, ob + r), f64x2.mul(sum, f64x2.mul(av, f64x2.sub(f64x2.splat(1), av))));
          }
        }
      }
    }
  }
}

/** w ← w − η ∂C/∂w in every lane (biases kept when frozen); each lane's parameter sum into check (pass.ts's applyUpdate). */
function update(desc: usize, learningRate: f64, freezeBiases: bool): void {
  const L = field(desc, 0);
  const n = field(desc, 2);
  const p = field(desc, 5);
  const g = field(desc, 6);
  const check = field(desc, 7);
  const eta = f64x2.splat(learningRate);
  for (let r = 0; r < n; r += 2) v128.store(at(check, r), f64x2.splat(0));
  for (let l = 1; l <= L; l++) {
    const w0 = field(desc, WEIGHTS + l);
    const b0 = field(desc, BIASES + l);
    const end = b0 + field(desc, SIZES + l);
    for (let k = w0; k < end; k++) {
      for (let r = 0; r < n; r += 2) {
        const at_k = at(p, k * n + r);
        let v = v128.load(at_k);
        if (!freezeBiases || k < b0) {
          v = f64x2.sub(v, f64x2.mul(eta, v128.load(at(g, k * n + r))));
          v128.store(at_k, v);
        }
        v128.store(at(check, r), f64x2.add(v128.load(at(check, r)), v));
      }
    }
  }
}

/** One epoch's work for every lane: the update (when asked), then the pass that measures the new weights and holds their gradient. */
export function epoch(desc: usize, doUpdate: bool, learningRate: f64, freezeBiases: bool, scale: f64, buggy: bool): void {
  if (doUpdate) update(desc, learningRate, freezeBiases);
  forward(desc);
  output(desc);
  backward(desc, scale, buggy);
}

/** e^x in place for `count` (even) doubles at `values`, two at a time: the tests compare it with exp.ts bit for bit. */
export function expInPlace(values: usize, count: i32): void {
  for (let k = 0; k < count; k += 2) v128.store(values + ((<usize>k) << 3), expVector(v128.load(values + ((<usize>k) << 3))));
}
