/**
 * Lockstep training (engine/lockstep/) against the single run (runStart: Trainer over pass.ts), bit
 * for bit: every field of each start's record, for random seeds, shapes, activations, costs,
 * derivative modes, divisors, frozen biases and learning rates large enough to diverge.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  ACTIVATIONS,
  DEFAULT_CONFIG,
  DERIVATIVE_MODES,
  type Dataset,
  GRADIENT_DIVISORS,
  INIT_METHODS,
  type LabConfig,
  MAX_SEED,
  type StartResult,
  namedDataset,
  questionConfig,
  runStart,
} from '../../src/engine';
import { lockstepLanes, lockstepSupports, runLockstep } from '../../src/engine/lockstep/lockstep';

/** A record with each number as its exact bits (so −0 and ±∞ compare too; a NaN is NaN, whatever its payload). */
function bitsOf(result: StartResult): Record<string, unknown> {
  const bits = (x: number) => (Number.isNaN(x) ? 'NaN' : new BigUint64Array(new Float64Array([x]).buffer)[0].toString(16));
  return { ...result, finalCost: bits(result.finalCost) };
}

/** Both lockstep kernels (WebAssembly where it fits, and JavaScript alone) against runStart per seed. */
function expectSameAsSingleRuns(config: LabConfig, seeds: readonly number[], data: Dataset): StartResult[] {
  const single = seeds.map((seed) => runStart(config, seed, data)).map(bitsOf);
  const lockstep = runLockstep(config, seeds, data);
  expect(lockstep.map(bitsOf)).toEqual(single);
  expect(runLockstep(config, seeds, data, 'javascript').map(bitsOf)).toEqual(single);
  return lockstep;
}

/** Random data of a size the configuration fits: inputs and targets in ranges that may push a run to diverge. */
const dataArbitrary = (inputs: number, outputs: number, crossEntropy: boolean): fc.Arbitrary<Dataset> =>
  fc.integer({ min: 1, max: 6 }).chain((count) =>
    fc
      .record({
        x: fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: count * inputs, maxLength: count * inputs }),
        y: fc.array(crossEntropy ? fc.double({ min: 0, max: 1, noNaN: true }) : fc.double({ min: -2, max: 2, noNaN: true }), {
          minLength: count * outputs,
          maxLength: count * outputs,
        }),
      })
      .map(
        ({ x, y }): Dataset => ({
          name: 'random',
          kind: 'custom',
          count,
          inputSize: inputs,
          outputSize: outputs,
          inputs: Float64Array.from(x),
          targets: Float64Array.from(y),
          domain: [-3, 3, -3, 3],
        }),
      ),
  );

const configArbitrary = fc
  .record({
    hidden: fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 3 }),
    hiddenActivation: fc.constantFrom(...ACTIVATIONS),
    outputActivation: fc.constantFrom(...ACTIVATIONS),
    crossEntropy: fc.boolean(),
    derivative: fc.constantFrom(...DERIVATIVE_MODES),
    gradientDivisor: fc.constantFrom(...GRADIENT_DIVISORS),
    freezeBiases: fc.boolean(),
    init: fc.constantFrom(...INIT_METHODS),
    // up to 500: many of these runs blow up, some at once, some after a while
    learningRate: fc.oneof(fc.double({ min: 0.01, max: 3, noNaN: true }), fc.double({ min: 3, max: 500, noNaN: true })),
    epochs: fc.integer({ min: 1, max: 60 }),
    leakySlope: fc.constantFrom(0, 0.01, 0.3, 1),
  })
  .map(({ crossEntropy, ...rest }): LabConfig => {
    const cost = crossEntropy && rest.outputActivation === 'sigmoid' ? 'crossEntropy' : 'quadratic';
    return { ...DEFAULT_CONFIG, ...rest, cost, batchSize: 0 };
  });

const seedsArbitrary = fc.array(fc.integer({ min: 0, max: MAX_SEED }), { minLength: 1, maxLength: 7 });

describe('lockstep = single runs, bit for bit', () => {
  test('random configurations on random data', () => {
    const seen = { atOnce: 0, later: 0, finished: 0 };
    fc.assert(
      fc.property(
        configArbitrary.chain((config) =>
          fc.record({
            config: fc.constant(config),
            data: fc
              .record({ inputs: fc.integer({ min: 1, max: 3 }), outputs: fc.integer({ min: 1, max: 3 }) })
              .chain(({ inputs, outputs }) => dataArbitrary(inputs, outputs, config.cost === 'crossEntropy')),
            seeds: seedsArbitrary,
          }),
        ),
        ({ config, data, seeds }) => {
          for (const r of expectSameAsSingleRuns(config, seeds, data)) seen[r.diverged ? (r.epochs === 0 ? 'atOnce' : 'later') : 'finished']++;
        },
      ),
      { numRuns: 300 },
    );
    // the draws reach every way a lane ends
    expect(seen.atOnce + seen.later).toBeGreaterThan(20);
    expect(seen.finished).toBeGreaterThan(300);
  });

  test('cross-entropy with |z^L| beyond 10^300: the exact cost decides, finite or not', () => {
    const ends = new Set<string>();
    for (const x of [1e299, 1e300, 3e303, 1e307]) {
      const data: Dataset = { ...namedDataset('AND'), kind: 'custom', inputs: new Float64Array(8).fill(x) };
      // η = 0.35 blows up in the first update; η = 10^−300 keeps the huge but finite cost for all 30 epochs
      for (const learningRate of [0.35, 1e-300]) {
        const config: LabConfig = { ...questionConfig('AND'), hidden: [2], hiddenActivation: 'linear', learningRate, epochs: 30 };
        for (const r of expectSameAsSingleRuns(config, [1, 2, 3, 4, 5], data)) ends.add(`${r.epochs} ${r.diverged} ${Number.isFinite(r.finalCost)}`);
      }
    }
    expect(ends).toContain('30 false true');
    expect(ends).toContain('1 true false');
  });

  test('sigmoid layers with cross-entropy (what the WebAssembly kernel trains), random shapes, data and steps', () => {
    const seen = { diverged: 0, finished: 0 };
    fc.assert(
      fc.property(
        configArbitrary.chain((config) =>
          fc.record({
            config: fc.constant<LabConfig>({ ...config, hiddenActivation: 'sigmoid', outputActivation: 'sigmoid', cost: 'crossEntropy' }),
            data: fc
              .record({ inputs: fc.integer({ min: 1, max: 3 }), outputs: fc.integer({ min: 1, max: 3 }), scale: fc.constantFrom(1, 100, 1e6, 1e306) })
              .chain(({ inputs, outputs, scale }) =>
                dataArbitrary(inputs, outputs, true).map((data) => ({ ...data, inputs: data.inputs.map((x) => x * scale) })),
              ),
            seeds: seedsArbitrary,
          }),
        ),
        ({ config, data, seeds }) => {
          for (const r of expectSameAsSingleRuns(config, seeds, data)) seen[r.diverged ? 'diverged' : 'finished']++;
        },
      ),
      { numRuns: 300 },
    );
    expect(seen.diverged).toBeGreaterThan(10);
    expect(seen.finished).toBeGreaterThan(300);
  });

  test('random configurations on the named datasets', () => {
    fc.assert(
      fc.property(configArbitrary, fc.constantFrom('XOR', 'AND', 'circle', 'spiral' as const), seedsArbitrary, (config, name, seeds) => {
        expectSameAsSingleRuns({ ...config, dataset: name }, seeds, namedDataset(name, config.dataSeed));
      }),
      { numRuns: 60 },
    );
  });

  test("the question's preset, both modes, 3,000 epochs from 16 seeds", () => {
    for (const derivative of DERIVATIVE_MODES) {
      const config = { ...questionConfig('AND'), derivative, epochs: 3000 };
      const seeds = Array.from({ length: 16 }, (_, k) => 100 + k);
      const results = expectSameAsSingleRuns(config, seeds, namedDataset('AND'));
      expect(results.every((r) => r.epochs === 3000 && !r.diverged)).toBe(true);
    }
  });

  test('lanes that diverge at different epochs leave and the others train on unchanged', () => {
    // linear layers and a large step: each start blows up after its own number of epochs
    const config: LabConfig = {
      ...DEFAULT_CONFIG,
      dataset: 'XOR',
      hidden: [3],
      hiddenActivation: 'linear',
      outputActivation: 'linear',
      cost: 'quadratic',
      learningRate: 0.5,
      epochs: 400,
    };
    const seeds = Array.from({ length: 12 }, (_, k) => k);
    const results = expectSameAsSingleRuns(config, seeds, namedDataset('XOR'));
    const divergedAt = results.filter((r) => r.diverged).map((r) => r.epochs);
    expect(new Set(divergedAt).size).toBeGreaterThan(2);
    expect(results.some((r) => !r.diverged)).toBe(true);
  });

  test('sigmoid lanes (the WebAssembly kernel) that diverge at different epochs, odd and even counts', () => {
    // inputs near 10^155: z·x products overflow after a seed-dependent number of steps
    const base = namedDataset('XOR');
    const data: Dataset = { ...base, kind: 'custom', inputs: base.inputs.map((x, i) => (x - 0.5) * 1e155 * (1 + i / 10)) };
    const config: LabConfig = { ...questionConfig('XOR'), hidden: [3], epochs: 50 };
    for (const count of [9, 8, 3]) {
      const results = expectSameAsSingleRuns(
        config,
        Array.from({ length: count }, (_, k) => k),
        data,
      );
      expect(results.filter((r) => r.diverged).length).toBeGreaterThan(1);
    }
    const results = runLockstep(
      config,
      Array.from({ length: 9 }, (_, k) => k),
      data,
    );
    expect(new Set(results.map((r) => r.epochs)).size).toBeGreaterThan(5);
    expect(results.some((r) => !r.diverged)).toBe(true);
  });

  test('big networks on big data train fewer starts side by side, at least one', () => {
    expect(lockstepLanes(questionConfig('AND'), namedDataset('AND'))).toBe(16);
    const big = { ...questionConfig('spiral'), hidden: [64, 64, 64, 64, 64, 64, 64, 64] };
    const rows = (count: number): Dataset => ({
      ...namedDataset('spiral'),
      kind: 'custom',
      count,
      inputs: new Float64Array(2 * count),
      targets: new Float64Array(count),
    });
    // 2-64×8-1 keeps 3 × 513 values a sample: 24.6 MB a lane for 2,000 rows, 123 MB for 10,000
    expect(lockstepLanes(big, rows(2000))).toBe(2);
    expect(lockstepLanes(big, rows(10_000))).toBe(1);
  });

  test('a start whose first cost is already infinite stops at epoch 0, as the Trainer does', () => {
    // z = w₁·10^308 + w₂·10^308 overflows for these seeds' weights, and so does the quadratic cost
    const data: Dataset = { ...namedDataset('AND'), kind: 'custom', inputs: new Float64Array(8).fill(1e308) };
    const config: LabConfig = { ...DEFAULT_CONFIG, hidden: [2], hiddenActivation: 'linear', outputActivation: 'linear', cost: 'quadratic', epochs: 5 };
    const results = expectSameAsSingleRuns(config, [1, 2, 3], data);
    expect(results.map((r) => [r.epochs, r.diverged])).toEqual([
      [0, true],
      [0, true],
      [0, true],
    ]);
  });

  test('what lockstep trains: the full batch, the stable sigmoid, no slips beyond the switches', () => {
    const config = questionConfig('AND');
    expect(lockstepSupports(config, 4)).toBe(true);
    expect(lockstepSupports({ ...config, batchSize: 4 }, 4)).toBe(true);
    expect(lockstepSupports({ ...config, batchSize: 2 }, 4)).toBe(false);
    expect(lockstepSupports({ ...config, sigmoidForm: 'naive' }, 4)).toBe(false);
    expect(lockstepSupports({ ...config, slips: ['flippedSign'] } as LabConfig, 4)).toBe(false);
    expect(() => runLockstep({ ...config, batchSize: 2 }, [1], namedDataset('AND'))).toThrow(RangeError);
  });
});
