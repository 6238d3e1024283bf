/**
 * The engine's own elementary functions (src/engine/math/): below 1 ulp against an outside
 * reference (mpmath at 60 digits, tests/engine/mathReference.json), within 1 ulp of the host's
 * Math.* over many values, and right at the special values.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cos, exp, exp10, expm1, log, log10, log1p, sin, tanh } from '../../src/engine/math';
import reference from './mathReference.json';

const ENGINE = { exp, log, log1p, expm1, tanh, sin, cos, log10, exp10 } as const;
const HOST: Record<Exclude<keyof typeof ENGINE, 'exp10'>, (x: number) => number> = {
  exp: Math.exp,
  log: Math.log,
  log1p: Math.log1p,
  expm1: Math.expm1,
  tanh: Math.tanh,
  sin: Math.sin,
  cos: Math.cos,
  log10: Math.log10,
};

const bits = new Float64Array(1);
const words = new BigInt64Array(bits.buffer);

/** The double next to |v| on the side away from zero, or toward it. */
function neighbour(v: number, away: boolean): number {
  bits[0] = Math.abs(v);
  words[0] += away ? 1n : -1n;
  return bits[0];
}

/** The smaller spacing of doubles around v: the strictest unit for an error at v. */
function ulp(v: number): number {
  const a = Math.abs(v);
  if (a === 0) return 5e-324;
  return Math.min(neighbour(a, true) - a, a - neighbour(a, false));
}

/** Signed distance from y to x in doubles (0 = same bits, ±1 = neighbours). */
function doublesApart(x: number, y: number): bigint {
  const order = (v: number): bigint => {
    bits[0] = v;
    const w = words[0];
    return w < 0n ? -(w & 0x7fffffffffffffffn) : w;
  };
  return order(x) - order(y);
}

/** fdlibm's tanh divides expm1's result once more: about 1 ulp, 1.05 at worst on these points. */
const BOUND: Partial<Record<keyof typeof ENGINE, number>> = { tanh: 1.1 };

describe('below 1 ulp (tanh: about 1) against mpmath at 60 digits', () => {
  const table = reference as Record<keyof typeof ENGINE, [number, number, number][]>;
  test.each(Object.keys(ENGINE) as (keyof typeof ENGINE)[])('%s', (name) => {
    const f = ENGINE[name];
    let worst = 0;
    for (const [x, nearest, rest] of table[name]) {
      // (f(x) − nearest) is exact (the two are a few doubles apart); rest = true − nearest
      const error = Math.abs(f(x) - nearest - rest) / ulp(nearest);
      expect(error, `${name}(${x}) = ${f(x)}, the nearest double is ${nearest}`).toBeLessThan(BOUND[name] ?? 1);
      worst = Math.max(worst, error);
    }
    expect(table[name].length).toBeGreaterThan(80);
    expect(worst).toBeGreaterThan(0); // the table really measured something
  });
});

const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const DOMAINS: Record<keyof typeof HOST, fc.Arbitrary<number>> = {
  exp: fc.oneof(finite(-746, 710), finite(-2, 2)),
  log: fc.oneof(finite(0, Number.MAX_VALUE), finite(0.5, 2), finite(0, 1e-300)),
  log1p: fc.oneof(finite(-1, Number.MAX_VALUE), finite(-0.5, 0.5), finite(-1e-10, 1e-10)),
  expm1: fc.oneof(finite(-50, 710), finite(-1, 1), finite(-1e-10, 1e-10)),
  tanh: fc.oneof(finite(-30, 30), finite(-1, 1), finite(-1e-10, 1e-10)),
  sin: fc.oneof(finite(-10, 10), finite(-1_600_000, 1_600_000)),
  cos: fc.oneof(finite(-10, 10), finite(-1_600_000, 1_600_000)),
  log10: fc.oneof(finite(0, Number.MAX_VALUE), finite(0.5, 20)),
};

/**
 * How many doubles apart the engine and the host may be: 1, except log10, where V8's own (the older
 * fdlibm formula) is off by up to about 1.5 ulp: V8's log10(1.7039611004059494) is 0.2314596760692508,
 * the true value 0.23145967606925084718…, the engine's 0.23145967606925086.
 */
const HOST_SLACK: Record<keyof typeof HOST, bigint> = { exp: 1n, log: 1n, log1p: 1n, expm1: 1n, tanh: 1n, sin: 1n, cos: 1n, log10: 2n };

describe('within 1 ulp of the host Math.* over many values', () => {
  test.each(Object.keys(HOST) as (keyof typeof HOST)[])('%s', (name) => {
    fc.assert(
      fc.property(DOMAINS[name], (x) => {
        const apart = doublesApart(ENGINE[name](x), HOST[name](x));
        return apart >= -HOST_SLACK[name] && apart <= HOST_SLACK[name];
      }),
      { numRuns: 20_000 },
    );
  });

  test('10^x is exact at whole x where 10^x is a double, and within 1 ulp of 10 ** x elsewhere', () => {
    for (let k = -22; k <= 22; k++) expect(exp10(k)).toBe(Number(`1e${k}`));
    fc.assert(
      fc.property(finite(-300, 300), (x) => {
        const apart = doublesApart(exp10(x), 10 ** x);
        return apart >= -1n && apart <= 1n;
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('special values', () => {
  const MAX = Number.MAX_VALUE;
  const MIN_NORMAL = 2.2250738585072014e-308;
  const MIN_SUBNORMAL = 5e-324;

  test('exp: ±0, ±∞, NaN, the overflow and underflow thresholds, subnormal results', () => {
    expect(exp(0)).toBe(1);
    expect(exp(-0)).toBe(1);
    expect(exp(Infinity)).toBe(Infinity);
    expect(Object.is(exp(-Infinity), 0)).toBe(true);
    expect(exp(NaN)).toBeNaN();
    expect(exp(709.782712893384)).toBe(1.7976931348622732e308); // the largest x with a finite e^x
    expect(exp(709.7827128933841)).toBe(Infinity);
    expect(exp(-745.1332191019411)).toBe(MIN_SUBNORMAL); // rounds up to the smallest subnormal
    expect(exp(-745.1332191019412)).toBe(0);
    expect(exp(-708.4) < MIN_NORMAL * 2 && exp(-708.4) > 0).toBe(true);
    expect(exp(-740)).toBe(Math.exp(-740)); // a subnormal: rounded once
    expect(exp(1)).toBe(Math.E);
    expect(exp(Math.LN2)).toBe(2);
    expect(exp(1e-300)).toBe(1);
  });

  test('log and log10: ±0, negatives, ±∞, NaN, 1, powers of two and ten, subnormals', () => {
    for (const f of [log, log10]) {
      expect(f(0)).toBe(-Infinity);
      expect(f(-0)).toBe(-Infinity);
      expect(f(-1)).toBeNaN();
      expect(f(-Infinity)).toBeNaN();
      expect(f(Infinity)).toBe(Infinity);
      expect(f(NaN)).toBeNaN();
      expect(Object.is(f(1), 0)).toBe(true);
    }
    expect(log(2)).toBe(Math.LN2);
    expect(log(MIN_SUBNORMAL)).toBe(-744.4400719213812);
    expect(log(MAX)).toBe(709.782712893384);
    expect(log(2 ** -1030)).toBe(-1030 * Math.LN2);
    for (let k = -307; k <= 308; k++) expect(log10(Number(`1e${k}`))).toBe(k);
    expect(log10(MIN_SUBNORMAL)).toBe(-323.3062153431158);
  });

  test('log1p: −1, below −1, ±0, ±∞, NaN, tiny x', () => {
    expect(log1p(-1)).toBe(-Infinity);
    expect(log1p(-1.5)).toBeNaN();
    expect(log1p(-Infinity)).toBeNaN();
    expect(log1p(Infinity)).toBe(Infinity);
    expect(log1p(NaN)).toBeNaN();
    expect(Object.is(log1p(0), 0)).toBe(true);
    expect(Object.is(log1p(-0), -0)).toBe(true);
    expect(log1p(1e-300)).toBe(1e-300);
    expect(log1p(MIN_SUBNORMAL)).toBe(MIN_SUBNORMAL);
    expect(log1p(MAX)).toBe(709.782712893384);
  });

  test('expm1 and tanh: ±0 keep their sign, ±∞ and NaN, tiny x, saturation', () => {
    for (const f of [expm1, tanh]) {
      expect(Object.is(f(0), 0)).toBe(true);
      expect(Object.is(f(-0), -0)).toBe(true);
      expect(f(NaN)).toBeNaN();
      expect(f(1e-300)).toBe(1e-300);
      expect(f(MIN_SUBNORMAL)).toBe(MIN_SUBNORMAL);
    }
    expect(expm1(Infinity)).toBe(Infinity);
    expect(expm1(-Infinity)).toBe(-1);
    expect(expm1(-40)).toBe(-1); // e^−40 is below half an ulp of 1
    expect(expm1(710)).toBe(Infinity);
    expect(tanh(Infinity)).toBe(1);
    expect(tanh(-Infinity)).toBe(-1);
    expect(tanh(22)).toBe(1);
    expect(tanh(-1e300)).toBe(-1);
    fc.assert(fc.property(finite(-50, 50), (x) => tanh(-x) === -tanh(x) && Math.abs(tanh(x)) <= 1));
  });

  test('sin and cos: ±0, ±∞, NaN, multiples of π/2, and a clear refusal beyond 2^20·π/2', () => {
    expect(Object.is(sin(-0), -0)).toBe(true);
    expect(cos(-0)).toBe(1);
    for (const f of [sin, cos]) {
      expect(f(Infinity)).toBeNaN();
      expect(f(NaN)).toBeNaN();
      expect(() => f(1.7e6)).toThrow(/above the engine's limit/);
      expect(Number.isFinite(f(1.6e6))).toBe(true);
    }
    expect(sin(Math.PI)).toBe(1.2246467991473532e-16); // π's own rounding error, to every bit
    expect(cos(Math.PI)).toBe(-1);
    expect(cos(Math.PI / 2)).toBe(6.123233995736766e-17);
    fc.assert(fc.property(finite(-100, 100), (x) => Math.abs(sin(x) ** 2 + cos(x) ** 2 - 1) < 4e-16));
  });
});
