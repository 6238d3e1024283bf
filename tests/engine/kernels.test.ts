/**
 * The kernel tables of src/engine/activations.ts and costs.ts: each kernel's loops give exactly what
 * its own f, f′, term and gradient give one number at a time, and the shortcuts the pass takes (f′(z)
 * read from a = f(z), the cross-entropy's δ^L = a − y) are the identities they claim.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ACTIVATIONS, ACTIVATION_KERNELS, COSTS, COST_KERNELS, NAIVE_SIGMOID_KERNEL, sigmoid } from '../../src/engine';

const values = fc.float64Array({ minLength: 1, maxLength: 40, noNaN: true, min: -800, max: 800 });
const slopes = fc.constantFrom(0, 0.01, 0.3);
const same = (x: Float64Array, y: Float64Array) => x.length === y.length && x.every((v, k) => Object.is(v, y[k]));

describe('activation kernels', () => {
  test.each(ACTIVATIONS)('%s: forward and both f′ loops equal f and f′ one value at a time, to the bit', (name) => {
    const kernel = ACTIVATION_KERNELS[name];
    fc.assert(
      fc.property(values, slopes, (z, slope) => {
        const n = z.length;
        const a = new Float64Array(n);
        expect(kernel.forward(z, a, n, slope)).toBe(0);
        expect(
          same(
            a,
            z.map((v) => kernel.value(v, slope)),
          ),
        ).toBe(true);
        const d = z.map((_, k) => 1 + k / 8);
        const atZ = d.slice();
        kernel.scaleByDerivative(atZ, z, n, slope);
        expect(
          same(
            atZ,
            d.map((v, k) => v * kernel.derivative(z[k], slope)),
          ),
        ).toBe(true);
        if (kernel.scaleByDerivativeOfValue) {
          // f′(z) read from a = f(z): the same bits as f′ evaluated at z
          const fromA = d.slice();
          kernel.scaleByDerivativeOfValue(fromA, a, n);
          expect(same(fromA, atZ)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('the naive sigmoid counts e^(−z) overflows and keeps the stable σ′', () => {
    const z = Float64Array.from([-800, -710, -709, 0, 3]);
    const a = new Float64Array(5);
    expect(NAIVE_SIGMOID_KERNEL.forward(z, a, 5, 0)).toBe(2);
    expect(a[0]).toBe(0);
    expect(NAIVE_SIGMOID_KERNEL.derivative(-800, 0)).toBe(ACTIVATION_KERNELS.sigmoid.derivative(-800, 0));
    expect(NAIVE_SIGMOID_KERNEL.scaleByDerivativeOfValue).toBeNull();
  });
});

describe('cost kernels', () => {
  const batch = fc.integer({ min: 1, max: 6 }).chain((count) =>
    fc.record({
      count: fc.constant(count),
      outputs: fc.integer({ min: 1, max: 3 }),
      z: fc.float64Array({ minLength: 18, maxLength: 18, noNaN: true, noDefaultInfinity: true, min: -40, max: 40 }),
      y: fc.array(fc.constantFrom(0, 1, 0.25), { minLength: 18, maxLength: 18 }),
    }),
  );

  test.each(COSTS)('%s: the batch loop sums the terms per sample and fills δ^L from the table', (name) => {
    const cost = COST_KERNELS[name];
    fc.assert(
      fc.property(batch, fc.boolean(), ({ count, outputs, z, y }, textbook) => {
        const n = count * outputs;
        const a = z.map(sigmoid);
        const target = Float64Array.from(y);
        const delta = new Float64Array(n);
        const sampleCost = new Float64Array(count);
        const total = cost.costAndGradient(a, z, target, delta, sampleCost, count, outputs, textbook);
        let expectedTotal = 0;
        for (let s = 0; s < count; s++) {
          let c = 0;
          for (let j = 0; j < outputs; j++) {
            const k = s * outputs + j;
            c += (textbook ? cost.textbookTerm : cost.term)(a[k], z[k], target[k]);
            expect(Object.is(delta[k], (cost.outputDelta ?? cost.gradient)(a[k], target[k]))).toBe(true);
          }
          expect(Object.is(sampleCost[s], c)).toBe(true);
          expectedTotal += c;
        }
        expect(Object.is(total, expectedTotal)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test('cross-entropy after a sigmoid: ∇_a C ⊙ σ′(z) is a − y, the closed form BP1 takes', () => {
    const ce = COST_KERNELS.crossEntropy;
    fc.assert(
      fc.property(fc.double({ min: -20, max: 20, noNaN: true }), fc.constantFrom(0, 1, 0.3), (z, y) => {
        const a = sigmoid(z);
        const chain = ce.gradient(a, y) * ACTIVATION_KERNELS.sigmoid.derivative(z, 0);
        return Math.abs(chain - ce.outputDelta!(a, y)) <= 1e-12;
      }),
    );
    expect(COST_KERNELS.quadratic.outputDelta).toBeNull();
  });
});
