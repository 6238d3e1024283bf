import { describe, expect, test } from 'vitest';
import { DEFAULT_GRADCHECK_TOLERANCE, type GradientCheck, PRESETS, type SlippedOptions, buildRun, gradientCheck } from '../../src/engine';
import {
  errorPosition,
  gradCheckLegend,
  gradCheckParamColor,
  gradCheckVerdict,
  layerAgreementText,
  relativeErrorColor,
  worstFirst,
} from '../../src/views/gradcheck/colors';
import { loadShippedExample } from './fixtures';

// the question's [2,2,1] on XOR with its fixed weights; the mean gradient so only the derivative differs
const example = loadShippedExample('question-xor');
const checkWith = (derivative: 'correct' | 'buggy', gradientDivisor: 'samples' | 'features' = 'samples') =>
  gradientCheck(example.network, example.data, { ...example.options, derivative, gradientDivisor });
const HIDDEN = [0, 1, 2, 3, 4, 5];
const OUTPUT = [6, 7, 8];
const isRed = (p: { relativeError: number }) => errorPosition(p.relativeError) > 0.5;

describe('gradient check of the question’s network', () => {
  test('the correct derivative passes: every parameter in the blue half', () => {
    const check = checkWith('correct');
    expect(gradCheckVerdict(check)).toMatchObject({ passed: true, failing: 0, total: 9, failingLayers: [] });
    for (const p of check.parameters) expect(isRed(p)).toBe(false);
  });

  test('the buggy derivative fails, and exactly the hidden layer lights up red', () => {
    const check = checkWith('buggy');
    const verdict = gradCheckVerdict(check);
    expect(verdict).toMatchObject({ passed: false, failing: 6, failingLayers: [1] });
    const color = gradCheckParamColor(check);
    const byIndex = new Map(check.parameters.map((p) => [p.index, p]));
    for (const index of HIDDEN) {
      expect(isRed(byIndex.get(index)!)).toBe(true);
      expect(color(index)).toBe(relativeErrorColor(byIndex.get(index)!.relativeError));
    }
    for (const index of OUTPUT) expect(isRed(byIndex.get(index)!)).toBe(false);
    expect(verdict.worst!.layer).toBe(1);
  });

  test('the question’s 1/len(x) divisor fails every layer (the gradient is twice the mean)', () => {
    expect(gradCheckVerdict(checkWith('correct', 'features')).failingLayers).toEqual([1, 2]);
  });
});

describe('direction and scale apart', () => {
  test('the pure ÷ n₀ slip reads "right direction, 2× too large" in every layer, with no direction error left', () => {
    const check = checkWith('correct', 'features');
    const verdict = gradCheckVerdict(check);
    for (const layer of check.layers) {
      expect(layer.cosine).toBeCloseTo(1, 9);
      expect(layer.scale).toBeCloseTo(2, 9); // N / n₀ = 4 / 2
    }
    expect(verdict.layers.map(layerAgreementText)).toEqual(['right direction, 2× too large', 'right direction, 2× too large']);
    for (const p of check.parameters) expect(p.directionError).toBeLessThanOrEqual(DEFAULT_GRADCHECK_TOLERANCE);
  });

  test('with the question’s two slips the real bug (layer 1) fills the top of the worst-first list; the scaled output layer sinks', () => {
    const check = checkWith('buggy', 'features');
    // by raw relative error the output layer's uniform 2× (error 0.5) would outrank some hidden parameters
    const rawOrder = [...check.parameters].sort((a, b) => b.relativeError - a.relativeError).slice(0, 6);
    expect(rawOrder.some((p) => p.layer === 2)).toBe(true);
    expect(
      worstFirst(check)
        .slice(0, 6)
        .map((p) => p.layer),
    ).toEqual([1, 1, 1, 1, 1, 1]);
    const [hidden, output] = gradCheckVerdict(check).layers;
    expect(hidden).toMatchObject({ rightDirection: false, rightScale: false });
    expect(hidden.cosine).toBeLessThan(0.9);
    expect(output).toMatchObject({ rightDirection: true, rightScale: false });
    expect(layerAgreementText(output)).toBe('right direction, 2× too large');
  });

  test('the correct derivative with the mean gradient is right in direction and size in every layer', () => {
    const verdict = gradCheckVerdict(checkWith('correct'));
    expect(verdict.layers.map(layerAgreementText)).toEqual(['right direction, right size', 'right direction, right size']);
  });
});

describe('colour scale', () => {
  test('errors grow from blue to vermillion on a log scale with the tolerance in the middle', () => {
    expect(errorPosition(0)).toBe(0);
    expect(errorPosition(1e-12)).toBe(0);
    expect(errorPosition(DEFAULT_GRADCHECK_TOLERANCE)).toBeCloseTo(0.5, 12);
    expect(errorPosition(1)).toBe(1);
    expect(errorPosition(NaN)).toBe(1);
    expect(errorPosition(1e-3)).toBeGreaterThan(errorPosition(1e-5));
    expect(errorPosition(1e-4, 1e-4)).toBeCloseTo(0.5, 12);
    expect(relativeErrorColor(1e-12)).not.toBe(relativeErrorColor(1));
  });
  test('the legend lists the decades and the tolerance, in order', () => {
    const legend = gradCheckLegend(1e-4);
    expect(legend.map((s) => s.value)).toEqual([1e-12, 1e-9, 1e-6, 1e-4, 1e-3, 1]);
    expect(legend.find((s) => s.value === 1e-4)!.position).toBeCloseTo(0.5, 12);
  });
  test('parameters without a check have no colour; an absent check colours nothing', () => {
    expect(gradCheckParamColor(checkWith('correct'))(99)).toBeUndefined();
    expect(gradCheckParamColor(null)(0)).toBeUndefined();
  });
  test('worst first by direction error, NaN at the very top', () => {
    const check = checkWith('buggy');
    const withNaN: GradientCheck = {
      ...check,
      parameters: [...check.parameters, { ...check.parameters[0], index: 42, relativeError: NaN, directionError: NaN }],
    };
    const sorted = worstFirst(withNaN);
    expect(sorted[0].index).toBe(42);
    const rest = sorted.slice(1).map((p) => p.directionError);
    expect(rest).toEqual([...rest].sort((a, b) => b - a));
    expect(gradCheckVerdict(withNaN).passed).toBe(false);
  });
});

describe('ReLU kinks', () => {
  // the answer's 2-4-1 ReLU network (preset "The answer: 2-4-1 ReLU"), its own seed, after `epochs` epochs of training
  const answerRun = (epochs: number) => {
    const run = buildRun(PRESETS.find((p) => p.id === 'answer')!.config);
    for (let e = 0; e < epochs; e++) run.trainer.trainEpoch();
    return run;
  };

  test('the answer’s correct network passes: parameters whose ±h crosses a ReLU kink are marked, not failed', () => {
    for (const epochs of [0, 50, 250]) {
      const { net, data, trainer } = answerRun(epochs);
      const check = gradientCheck(net, data, trainer.options);
      const verdict = gradCheckVerdict(check);
      // before, these failed "in size only, 1× too small": the kinks' difference quotients dragged each layer's scale off by ~1e-5
      expect(verdict, `epoch ${epochs}`).toMatchObject({ passed: true, failing: 0 });
      expect(verdict.kinks, `epoch ${epochs}`).toBeGreaterThan(0);
      expect(verdict.total + verdict.kinks).toBe(check.parameters.length);
      expect(verdict.layers.map(layerAgreementText)).toEqual(['right direction, right size', 'right direction, right size']);
      // the kink parameters are the ones whose difference quotient misses: their numeric estimate is no derivative
      expect(check.parameters.filter((p) => !p.kink && p.relativeError > DEFAULT_GRADCHECK_TOLERANCE)).toEqual([]);
      for (const p of check.parameters.filter((p) => p.kink)) expect(gradCheckParamColor(check)(p.index)).toBeUndefined();
      expect(
        worstFirst(check)
          .slice(-verdict.kinks)
          .every((p) => p.kink),
      ).toBe(true);
    }
  });

  test('at the start every kink is a zero bias feeding a unit whose z is exactly 0 for the input (0, 0)', () => {
    const { net, data, trainer } = answerRun(0);
    const kinks = gradientCheck(net, data, trainer.options).parameters.filter((p) => p.kink);
    expect(kinks.map((p) => p.kind)).toEqual(kinks.map(() => 'bias'));
    for (const p of kinks) expect(net.params[p.index]).toBe(0);
  });

  test('a real slip on the same network still fails', () => {
    for (const epochs of [0, 50]) {
      const { net, data, trainer } = answerRun(epochs);
      const slipped = (options: Partial<SlippedOptions>) => gradCheckVerdict(gradientCheck(net, data, { ...trainer.options, ...options }));
      // ÷ n₀: 2× too large in every layer
      expect(slipped({ gradientDivisor: 'features' })).toMatchObject({ passed: false, failingLayers: [1, 2] });
      // the output error's sign flipped: every gradient points uphill
      expect(slipped({ slips: ['flippedSign'] }).passed).toBe(false);
    }
  });

  test('a sigmoid network has no kink: every parameter is checked', () => {
    expect(checkWith('correct').parameters.every((p) => !p.kink)).toBe(true);
    expect(gradCheckVerdict(checkWith('correct')).kinks).toBe(0);
  });
});
