/**
 * The trainer's fast pass (fastPass.ts) against pass.ts's forward and backward, which compute every
 * slip: on random networks, data and options without slips, every z, a, δ, cost term and gradient
 * is the same double, and the forward-only cost of a chunk of rows equals addCostTerms'.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fastCostTerms, fastPass, fastPassApplies } from '../../src/engine/fastPass';
import { PassWorkspace, addCostTerms, backward, forward } from '../../src/engine/pass';
import { caseArbitrary } from './arbitraries';

const same = (x: Float64Array, y: Float64Array) => x.length === y.length && x.every((v, k) => Object.is(v, y[k]));
const switches = fc.record({ buggy: fc.boolean(), features: fc.boolean() });

describe('fast pass', () => {
  test('applies exactly where no slip is made and the sigmoid is the stable one', () => {
    const options = {
      learningRate: 0.5,
      cost: 'crossEntropy',
      derivative: 'buggy',
      gradientDivisor: 'features',
      sigmoidForm: 'stable',
      batchSize: 0,
      freezeBiases: false,
    } as const;
    expect(fastPassApplies(options)).toBe(true);
    expect(fastPassApplies({ ...options, slips: [] })).toBe(true);
    expect(fastPassApplies({ ...options, slips: ['flippedSign'] })).toBe(false);
    expect(fastPassApplies({ ...options, sigmoidForm: 'naive' })).toBe(false);
  });

  test('fills z, a, δ, the cost terms and the gradient with the very doubles of forward and backward', () => {
    fc.assert(
      fc.property(caseArbitrary(), switches, ({ net, data, options: base }, { buggy, features }) => {
        const options = { ...base, derivative: buggy ? 'buggy' : 'correct', gradientDivisor: features ? 'features' : 'samples' } as const;
        const slow = new PassWorkspace(net, data.count);
        forward(net, slow, data.inputs, data.count);
        const slowTotal = backward(net, slow, data.targets, data.count, options);
        const fast = new PassWorkspace(net, data.count);
        const fastTotal = fastPass(net, fast, data.inputs, data.targets, data.count, options);
        expect(Object.is(fastTotal, slowTotal)).toBe(true);
        expect(same(fast.grad, slow.grad)).toBe(true);
        expect(same(fast.sampleCost, slow.sampleCost)).toBe(true);
        for (let l = 1; l < net.sizes.length; l++) {
          expect(same(fast.z[l], slow.z[l])).toBe(true);
          expect(same(fast.a[l], slow.a[l])).toBe(true);
          expect(same(fast.delta[l], slow.delta[l])).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  test('the cost of rows first … first + count − 1, forward only, equals addCostTerms on a copy of those rows', () => {
    fc.assert(
      fc.property(caseArbitrary(), fc.nat(), fc.double({ min: -5, max: 5, noNaN: true }), ({ net, data, options }, start, total) => {
        const first = start % data.count;
        const count = data.count - first;
        const nIn = data.inputSize;
        const nOut = data.outputSize;
        const slow = new PassWorkspace(net, count);
        forward(net, slow, data.inputs.slice(first * nIn), count);
        const expected = addCostTerms(slow, data.targets.slice(first * nOut), count, options, total);
        const fast = new PassWorkspace(net, count);
        expect(Object.is(fastCostTerms(net, fast, data.inputs, data.targets, first, count, options, total), expected)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
