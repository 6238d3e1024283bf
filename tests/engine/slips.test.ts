/**
 * The slip library: the probe tells every slip and pair of slips apart (the engine's one backward
 * pass with the slips as options), and the diagnosis names exactly the slips an outside, learner-style
 * implementation (slipReference.ts, with each slip injected) made; correct gradients read as correct
 * and perturbed ones as no known slip.
 */
import { describe, expect, test } from 'vitest';
import {
  SLIPS,
  SLIP_IDS,
  type SlipId,
  analyticGradient,
  layoutOf,
  Rng,
  Trainer,
  cloneNetwork,
  singlesAndPairs,
  slipsOf,
  slipsOfOptions,
  withSlips,
} from '../../src/engine';
import { PROBE_LEARNING_RATE, PROBE_OPTIONS, probeData, probeNetwork } from '../../src/engine/probe';
import { diagnosableSlips, diagnose, gradientDistance, gradientWithSlips } from '../../src/engine/diagnosis';
import { referenceCostAndGradient, type ReferenceNetwork } from './scalarReference';
import { slippedReferenceGradients } from './slipReference';

const net = probeNetwork();
const data = probeData();

function referenceNetwork(): ReferenceNetwork {
  const layout = layoutOf(net.sizes);
  const sizes = [...net.sizes];
  return {
    sizes,
    activations: ['sigmoid', 'sigmoid', 'sigmoid'],
    leakySlope: 0.01,
    weights: sizes
      .slice(1)
      .map((n, k) =>
        Array.from({ length: n }, (_, j) => Array.from({ length: sizes[k] }, (_, i) => net.params[layout.weightOffset[k + 1] + j * sizes[k] + i])),
      ),
    biases: sizes.slice(1).map((n, k) => Array.from({ length: n }, (_, j) => net.params[layout.biasOffset[k + 1] + j])),
  };
}
const rows = (flat: Float64Array, width: number) =>
  Array.from({ length: flat.length / width }, (_, s) => Array.from(flat.subarray(s * width, (s + 1) * width)));
const inputs = rows(data.inputs, data.inputSize);
const targets = rows(data.targets, data.outputSize);

/** The reference's nested gradients in the engine's flat params layout, by explicit index arithmetic. */
function referenceFlat(slips: readonly string[]): Float64Array {
  const g = slippedReferenceGradients(referenceNetwork(), inputs, targets, slips, PROBE_LEARNING_RATE);
  const layout = layoutOf(net.sizes);
  const flat = new Float64Array(layout.parameterCount);
  for (let l = 1; l < net.sizes.length; l++) {
    g.gradWeights[l - 1].forEach((row, j) => {
      row.forEach((v, i) => {
        flat[layout.weightOffset[l] + j * net.sizes[l - 1] + i] = v;
      });
    });
    g.gradBiases[l - 1].forEach((v, j) => {
      flat[layout.biasOffset[l] + j] = v;
    });
  }
  return flat;
}

const candidates: SlipId[][] = [[], ...singlesAndPairs(diagnosableSlips(net.sizes, 'crossEntropy'))];

describe('the slip library', () => {
  test('the old switches are entries of the library, read from and written to the settings fields', () => {
    expect(slipsOfOptions({ derivative: 'buggy', gradientDivisor: 'features', sigmoidForm: 'naive' })).toEqual([
      'derivativeAtA',
      'divideByFeatures',
      'naiveSigmoid',
    ]);
    const options = withSlips(PROBE_OPTIONS, ['derivativeAtA', 'divideByFeatures', 'answerBp1']);
    expect([options.derivative, options.gradientDivisor, options.sigmoidForm, options.slips]).toEqual(['buggy', 'features', 'stable', ['answerBp1']]);
    expect(slipsOf(options)).toEqual(['derivativeAtA', 'divideByFeatures', 'answerBp1']);
    for (const id of SLIP_IDS) expect(SLIPS[id].wrong).not.toBe(SLIPS[id].fix);
  });

  test('the learner-style reference without slips agrees with the scalar autodiff reference', () => {
    const auto = referenceCostAndGradient(referenceNetwork(), inputs, targets, 'crossEntropy');
    const flat = referenceFlat([]);
    const layout = layoutOf(net.sizes);
    auto.gradWeights.forEach((m, k) => {
      m.forEach((row, j) => {
        row.forEach((v, i) => {
          expect(Math.abs(flat[layout.weightOffset[k + 1] + j * net.sizes[k] + i] - v)).toBeLessThan(1e-15);
        });
      });
    });
  });

  test('with no slips the pass gives the analytic gradient bit for bit', () => {
    expect(Array.from(gradientWithSlips(net, data, PROBE_OPTIONS, []))).toEqual(Array.from(analyticGradient(net, data, PROBE_OPTIONS)));
  });

  test(`the probe tells apart all ${candidates.length} sets (correct, every slip, every pair) by more than 1e-6 relative`, () => {
    expect(candidates.length).toBeGreaterThan(40);
    const grads = candidates.map((ids) => gradientWithSlips(net, data, PROBE_OPTIONS, ids));
    let closest = Infinity;
    for (let a = 0; a < grads.length; a++)
      for (let b = 0; b < grads.length; b++) if (a !== b) closest = Math.min(closest, gradientDistance(grads[a], grads[b]));
    expect(closest).toBeGreaterThan(1e-6);
  });

  test('the pass with each slip and pair agrees with the reference with the same slips injected', () => {
    for (const ids of candidates)
      expect(gradientDistance(gradientWithSlips(net, data, PROBE_OPTIONS, ids), referenceFlat(ids)), ids.join('+')).toBeLessThan(1e-12);
  });
});

describe('the diagnosis', () => {
  test('correct gradients from the reference are correct', () => {
    const diagnosis = diagnose(net, data, PROBE_OPTIONS, referenceFlat([]));
    expect(diagnosis.verdict).toBe('correct');
    expect(diagnosis.firstDepartingLayer).toBeNull();
  });

  test('every slip and pair made by the reference is diagnosed as exactly that set', () => {
    for (const ids of candidates.slice(1)) {
      const diagnosis = diagnose(net, data, PROBE_OPTIONS, referenceFlat(ids));
      expect(diagnosis.matches, ids.join('+')).toEqual([ids]);
    }
  });

  test("the question's two slips read as σ′ at a and ÷ input features, with the lines to change", () => {
    const diagnosis = diagnose(net, data, PROBE_OPTIONS, referenceFlat(['derivativeAtA', 'divideByFeatures']));
    expect(diagnosis.message).toContain('Your gradients are exactly those of: σ′ taken at a, and ÷ input features.');
    expect(diagnosis.message).toContain('Change `n = len(X)` to `n = X.shape[1]`.');
    // ÷ n₀ = 2 instead of 5: the output layer already departs, pointing the right way, 2.5× too large
    expect(diagnosis.firstDepartingLayer).toBe(3);
    expect(diagnosis.layers[2].cosine).toBeCloseTo(1, 12);
    expect(diagnosis.layers[2].scale).toBeCloseTo(2.5, 12);
  });

  test('randomly perturbed gradients are no known slip', () => {
    const rng = new Rng(7);
    const random = () => rng.uniform();
    for (let trial = 0; trial < 30; trial++) {
      const ids = candidates[Math.floor(random() * candidates.length)];
      const g = referenceFlat(ids);
      const k = Math.floor(random() * g.length);
      // a zero entry (the bias-gradient slip's) moves off zero; any other by a random factor
      g[k] = g[k] === 0 ? 1e-3 : g[k] * (1 + (random() < 0.5 ? -1 : 1) * (1e-6 + random() * 0.5));
      const diagnosis = diagnose(net, data, PROBE_OPTIONS, g);
      expect(diagnosis.verdict, `${ids.join('+')} with entry ${k} moved`).toBe('unknown');
      expect(diagnosis.message).toMatch(/^No known slip/);
    }
  });
});

describe('training under slips (the same pass)', () => {
  test('with the bias gradient left out the biases never move; with δᴸ = y − a the cost climbs', () => {
    const layout = layoutOf(net.sizes);
    const frozen = new Trainer(cloneNetwork(net), data, withSlips(PROBE_OPTIONS, ['noBiasGradient']), 1);
    for (let e = 0; e < 50; e++) frozen.trainEpoch();
    for (let l = 1; l < net.sizes.length; l++)
      for (let j = 0; j < net.sizes[l]; j++) expect(frozen.net.params[layout.biasOffset[l] + j]).toBe(net.params[layout.biasOffset[l] + j]);
    expect(frozen.net.params[layout.weightOffset[1]]).not.toBe(net.params[layout.weightOffset[1]]);
    const uphill = new Trainer(cloneNetwork(net), data, withSlips(PROBE_OPTIONS, ['flippedSign']), 1);
    const first = uphill.trainEpoch();
    for (let e = 0; e < 50; e++) uphill.trainEpoch();
    expect(uphill.lastCost).toBeGreaterThan(first);
    const correct = new Trainer(cloneNetwork(net), data, PROBE_OPTIONS, 1);
    const start = correct.trainEpoch();
    for (let e = 0; e < 50; e++) correct.trainEpoch();
    expect(correct.lastCost).toBeLessThan(start);
  });
});
