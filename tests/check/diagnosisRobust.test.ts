/**
 * The diagnosis' per-layer direction and scale hold at any scale a gradient file can carry (a norm
 * that underflowed to 0 once made a correct direction read NaN), an undefined cosine says which
 * gradient is zero, and a transposed square weight gradient is named with its layers.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { diagnose, gradientWithSlips, layerCells } from '../../src/engine/diagnosis';
import { layoutOf } from '../../src/engine/network';
import { PROBE_OPTIONS, probeData, probeNetwork } from '../../src/engine/probe';
import { diagnosableSlips } from '../../src/engine/diagnosis';
import { singlesAndPairs } from '../../src/engine/slipLibrary';

const net = probeNetwork();
const data = probeData();
const correct = gradientWithSlips(net, data, PROBE_OPTIONS, []);

describe('direction and scale per layer', () => {
  test('are finite and scale-invariant for gradients scaled by 1e-300 … 1e300', () => {
    const base = diagnose(
      net,
      data,
      PROBE_OPTIONS,
      correct.map((g, k) => g * (1 + 0.1 * Math.sin(k))),
    );
    fc.assert(
      fc.property(fc.integer({ min: -300, max: 300 }), fc.double({ min: 1, max: 9.99, noNaN: true }), (exponent, mantissa) => {
        const c = mantissa * 10 ** exponent;
        const scaled = diagnose(
          net,
          data,
          PROBE_OPTIONS,
          correct.map((g) => g * c),
        );
        const bent = diagnose(
          net,
          data,
          PROBE_OPTIONS,
          correct.map((g, k) => g * (1 + 0.1 * Math.sin(k)) * c),
        );
        for (let k = 0; k < scaled.layers.length; k++) {
          expect(scaled.layers[k].cosine).toBeCloseTo(1, 12);
          expect(scaled.layers[k].scale / c).toBeCloseTo(1, 12);
          expect(Math.abs(bent.layers[k].cosine - base.layers[k].cosine)).toBeLessThan(1e-12);
          expect(Math.abs(bent.layers[k].scale / c / base.layers[k].scale - 1)).toBeLessThan(1e-12);
        }
      }),
      { numRuns: 60 },
    );
  });

  test('one huge entry leaves the direction measured and the ratio named as beyond the doubles', () => {
    const huge = Float64Array.from(correct);
    huge[0] = 1e308;
    const layer1 = diagnose(net, data, PROBE_OPTIONS, huge).layers[0];
    const rest = Array.from(correct.subarray(0, layoutOf(net.sizes).biasOffset[1] + 2));
    const norm = Math.sqrt(rest.reduce((sum, g) => sum + g * g, 0));
    expect(layer1.cosine).toBeCloseTo(Math.sign(correct[0]) * (Math.abs(correct[0]) / norm), 12);
    expect(layerCells(layer1).scale).toEqual({ kind: 'overflow' });
  });

  test('an all-zero gradient has no cosine, and the cell says it is yours that is zero', () => {
    const zero = diagnose(net, data, PROBE_OPTIONS, new Float64Array(correct.length));
    for (const layer of zero.layers) {
      expect(layer.zero).toBe('yours');
      expect(layerCells(layer)).toEqual({ cosine: { kind: 'zero', zero: 'yours' }, scale: { kind: 'number', value: 0 } });
    }
  });
});

test('every set of the probe’s layers written transposed, alone or with any known slip set, is named as exactly that', () => {
  const { weightOffset } = layoutOf(net.sizes);
  const sets = [[], ...singlesAndPairs(diagnosableSlips(net.sizes, PROBE_OPTIONS.cost))];
  for (let mask = 1; mask < 8; mask++) {
    const layers = [1, 2, 3].filter((l) => (mask >> (l - 1)) & 1);
    for (const ids of sets) {
      const g = gradientWithSlips(net, data, PROBE_OPTIONS, ids);
      const written = Float64Array.from(g);
      for (const l of layers) for (let j = 0; j < 2; j++) for (let i = 0; i < 2; i++) written[weightOffset[l] + j * 2 + i] = g[weightOffset[l] + i * 2 + j];
      const found = diagnose(net, data, PROBE_OPTIONS, written);
      expect({ verdict: found.verdict, transposed: found.transposed, matches: found.matches }).toEqual({
        verdict: 'transposed',
        transposed: layers,
        matches: ids.length === 0 ? [] : [ids],
      });
    }
  }
});
