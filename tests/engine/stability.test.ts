/** Numerical stability at the extremes: the question's np.exp overflow cannot happen in the engine. */
import { describe, expect, test } from 'vitest';
import {
  DEFAULT_TRAIN_OPTIONS,
  NAIVE_SIGMOID_OVERFLOW_Z,
  analyticGradient,
  createNetwork,
  crossEntropyFromZ,
  derivative,
  evaluate,
  inspectPass,
  naiveSigmoid,
  naiveSigmoidOverflows,
  predict,
  sigmoid,
  softplus,
} from '../../src/engine';
import { datasetOf } from './arbitraries';

const EXTREMES = [1e3, -1e3, 1e308, -1e308];
const inUnitInterval = (a: number) => Number.isFinite(a) && a >= 0 && a <= 1;

describe('stable sigmoid', () => {
  test.each(EXTREMES)('σ(%d) is finite and in [0, 1], and so is σ′', (z) => {
    expect(inUnitInterval(sigmoid(z))).toBe(true);
    expect(sigmoid(z)).toBe(z > 0 ? 1 : 0);
    const slope = derivative('sigmoid', z);
    expect(Number.isFinite(slope) && slope >= 0 && slope <= 0.25).toBe(true);
  });

  test('σ keeps its precision deep in the tail, where the naive form has already rounded to 0', () => {
    // e^740 overflows, so 1/(1 + e^740) is 0; the stable e^z/(1 + e^z) is the subnormal e^(−740)
    expect(naiveSigmoid(-740)).toBe(0);
    expect(sigmoid(-740)).toBe(Math.exp(-740));
    expect(sigmoid(-740)).toBeGreaterThan(0);
    const net = createNetwork([1, 1], ['sigmoid'], Float64Array.from([1, 0]));
    expect(predict(net, Float64Array.from([-740, -30]), 2)).toEqual(Float64Array.from([Math.exp(-740), sigmoid(-30)]));
  });

  test('σ(−z) = 1 − σ(z) across the range, and σ(0) = ½', () => {
    expect(sigmoid(0)).toBe(0.5);
    for (const z of [1e-9, 0.3, 2, 15, 36]) expect(sigmoid(-z)).toBeCloseTo(1 - sigmoid(z), 15);
  });

  test('the naive form overflows e^(−z) below z ≈ −709.78 and nowhere else', () => {
    expect(naiveSigmoidOverflows(-1e3)).toBe(true);
    expect(naiveSigmoidOverflows(-1e308)).toBe(true);
    expect(naiveSigmoidOverflows(1e3)).toBe(false);
    expect(naiveSigmoidOverflows(-709)).toBe(false);
    expect(naiveSigmoidOverflows(NAIVE_SIGMOID_OVERFLOW_Z - 1e-9)).toBe(true);
    expect(naiveSigmoidOverflows(NAIVE_SIGMOID_OVERFLOW_Z + 1e-9)).toBe(false);
    // JavaScript's 1/(1+∞) is 0, so the naive value stays in range: the overflow itself is the slip shown
    expect(naiveSigmoid(-1e3)).toBe(0);
  });
});

describe("the engine's forward pass at extreme pre-activations", () => {
  test('a [1,1] sigmoid layer maps z = ±1e3, ±1e308 to finite outputs in [0, 1]', () => {
    const net = createNetwork([1, 1], ['sigmoid'], Float64Array.from([1, 0]));
    const outputs = predict(net, Float64Array.from(EXTREMES), EXTREMES.length);
    expect(Array.from(outputs)).toEqual([1, 0, 1, 0]);
  });

  test('a [1,2,1] sigmoid net driven to z = ±1e308 through its biases stays finite everywhere', () => {
    // W¹ = 0, b¹ = (1e308, −1e308); W² = (1, 1), b² = −1e308
    const net = createNetwork([1, 2, 1], ['sigmoid', 'sigmoid'], Float64Array.from([0, 0, 1e308, -1e308, 1, 1, -1e308]));
    const data = datasetOf([[0], [1]], [[0], [1]]);
    const record = inspectPass(net, data, DEFAULT_TRAIN_OPTIONS);
    for (const layer of record.layers) {
      layer.a.forEach((a) => {
        expect(inUnitInterval(a)).toBe(true);
      });
      layer.delta.forEach((d) => {
        expect(Number.isFinite(d)).toBe(true);
      });
    }
    expect(Number.isFinite(record.cost)).toBe(true);
    record.gradient.forEach((g) => {
      expect(Number.isFinite(g)).toBe(true);
    });
    expect(record.overflows).toBe(0);
  });
});

describe('cross-entropy stays finite when a rounds to 0 or 1', () => {
  test.each(EXTREMES.flatMap((z) => [0, 0.5, 1].map((y) => [z, y] as const)))('term at z = %d, y = %d is finite and ≥ 0', (z, y) => {
    const term = crossEntropyFromZ(z, y);
    expect(Number.isFinite(term)).toBe(true);
    expect(term).toBeGreaterThanOrEqual(0);
  });

  test('the term is the true −ln value, not a clipped one: z = 1e3 against y = 0 costs exactly 1000', () => {
    expect(crossEntropyFromZ(1e3, 0)).toBe(1e3);
    expect(crossEntropyFromZ(-1e3, 1)).toBe(1e3);
    expect(crossEntropyFromZ(1e3, 1)).toBe(0);
    expect(crossEntropyFromZ(1e308, 0)).toBe(1e308);
    expect(softplus(-1e308)).toBe(0);
  });

  test("σ(40) rounds to exactly 1, yet the engine's cost for target 0 is ≈ 40 and the gradient is finite", () => {
    expect(sigmoid(40)).toBe(1);
    const net = createNetwork([1, 1], ['sigmoid'], Float64Array.from([40, 0]));
    const data = datasetOf([[1]], [[0]]);
    expect(evaluate(net, data, DEFAULT_TRAIN_OPTIONS).cost).toBeCloseTo(40, 12);
    analyticGradient(net, data, DEFAULT_TRAIN_OPTIONS).forEach((g) => {
      expect(g).toBe(1);
    });
  });

  test("the engine's cost over samples at z = ±1e3 is finite (wrong targets cost 1000 each)", () => {
    const net = createNetwork([1, 1], ['sigmoid'], Float64Array.from([1, 0]));
    const data = datasetOf([[1e3], [-1e3], [1e3], [-1e3]], [[1], [0], [0], [1]]);
    expect(evaluate(net, data, DEFAULT_TRAIN_OPTIONS).cost).toBe(500);
  });

  test("only the naive sigmoid form reports the overflow and an infinite cost (the question's failure)", () => {
    const net = createNetwork([1, 1], ['sigmoid'], Float64Array.from([1, 0]));
    const data = datasetOf([[-1e3]], [[1]]);
    const naive = inspectPass(net, data, { ...DEFAULT_TRAIN_OPTIONS, sigmoidForm: 'naive' });
    expect(naive.overflows).toBe(1);
    expect(naive.cost).toBe(Infinity);
    const stable = inspectPass(net, data, DEFAULT_TRAIN_OPTIONS);
    expect(stable.overflows).toBe(0);
    expect(stable.cost).toBe(1e3);
  });
});
