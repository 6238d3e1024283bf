/** Same seed and configuration give the same run bit for bit; different seeds give different runs. */
import { describe, expect, test } from 'vitest';
import {
  DEFAULT_CONFIG,
  DEFAULT_TRAIN_OPTIONS,
  INIT_METHODS,
  type LabConfig,
  Rng,
  RngStream,
  Trainer,
  buildRun,
  cloneNetwork,
  initializeNetwork,
  planeDataset,
  questionConfig,
} from '../../src/engine';

function sameBits(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (!Object.is(a[k], b[k])) return false;
  return true;
}

/** Trains a fresh run of the config; returns its initial params, final params and every epoch's cost. */
function trainRun(config: LabConfig, epochs: number) {
  const run = buildRun(config);
  const initial = run.net.params.slice();
  const costs = new Float64Array(epochs);
  run.trainer.train(epochs, costs);
  return { initial, final: run.net.params.slice(), costs };
}

const SPIRAL_MINI_BATCH: LabConfig = {
  ...DEFAULT_CONFIG,
  dataset: 'spiral',
  hidden: [6, 6],
  hiddenActivation: 'tanh',
  batchSize: 16,
  learningRate: 0.1,
  seed: 12,
  dataSeed: 4,
};

describe('determinism from a seed', () => {
  test.each([
    ["the question's AND setup", questionConfig('AND')],
    ['2-6-6-1 tanh on the spiral with mini-batches of 16', SPIRAL_MINI_BATCH],
    [
      "the answer's ReLU net",
      {
        ...DEFAULT_CONFIG,
        dataset: 'XOR',
        hidden: [4],
        hiddenActivation: 'relu',
        outputActivation: 'leakyRelu',
        cost: 'quadratic',
        init: 'he',
        learningRate: 0.4,
      } as LabConfig,
    ],
  ])('%s: same seed and config give identical params and cost history', (_, config) => {
    const first = trainRun(config, 300);
    const second = trainRun(config, 300);
    expect(sameBits(first.initial, second.initial)).toBe(true);
    expect(sameBits(first.costs, second.costs)).toBe(true);
    expect(sameBits(first.final, second.final)).toBe(true);
    expect(first.costs.every(Number.isFinite)).toBe(true);
  });

  test('resetting with the same seed restores the initial weights after training', () => {
    const first = buildRun(questionConfig('XOR'));
    const initial = first.net.params.slice();
    first.trainer.train(500);
    expect(sameBits(first.net.params, initial)).toBe(false);
    const reset = buildRun(questionConfig('XOR'));
    expect(sameBits(reset.net.params, initial)).toBe(true);
  });

  test.each(INIT_METHODS)('%s init: same seed identical, different seeds differ', (method) => {
    const a = initializeNetwork([3, 5, 2], ['tanh', 'sigmoid'], method, 7);
    const b = initializeNetwork([3, 5, 2], ['tanh', 'sigmoid'], method, 7);
    const c = initializeNetwork([3, 5, 2], ['tanh', 'sigmoid'], method, 8);
    expect(sameBits(a.params, b.params)).toBe(true);
    expect(sameBits(a.params, c.params)).toBe(false);
  });

  test('different seeds give different runs of the same config', () => {
    const one = trainRun({ ...questionConfig('AND'), seed: 1 }, 100);
    const two = trainRun({ ...questionConfig('AND'), seed: 2 }, 100);
    expect(sameBits(one.initial, two.initial)).toBe(false);
    expect(sameBits(one.costs, two.costs)).toBe(false);
  });

  test('mini-batch shuffling is reproducible from the trainer seed and changes with it', () => {
    const data = planeDataset('circle', 120, 3);
    const net = initializeNetwork([2, 5, 1], ['tanh', 'sigmoid'], 'xavier', 1);
    const options = { ...DEFAULT_TRAIN_OPTIONS, batchSize: 10, learningRate: 0.2 };
    const history = (shuffleSeed: number) => {
      const trainer = new Trainer(cloneNetwork(net), data, options, shuffleSeed);
      const costs = new Float64Array(50);
      trainer.train(50, costs);
      return { costs, params: trainer.net.params };
    };
    const a = history(5);
    const b = history(5);
    const c = history(6);
    expect(sameBits(a.costs, b.costs)).toBe(true);
    expect(sameBits(a.params, b.params)).toBe(true);
    // same start, same data: only the batch order differs
    expect(sameBits(a.params, c.params)).toBe(false);
  });

  test('the batch size never changes the initial weights (init and shuffle are separate streams)', () => {
    const full = buildRun({ ...SPIRAL_MINI_BATCH, batchSize: 0 });
    const mini = buildRun(SPIRAL_MINI_BATCH);
    expect(sameBits(full.net.params, mini.net.params)).toBe(true);
  });

  test('the generator gives the same stream for the same seed and stream, and independent streams otherwise', () => {
    const draw = (seed: number, stream: number) => {
      const rng = new Rng(seed, stream);
      return Array.from({ length: 64 }, () => rng.nextUint32());
    };
    expect(draw(42, RngStream.init)).toEqual(draw(42, RngStream.init));
    expect(draw(42, RngStream.init)).not.toEqual(draw(42, RngStream.shuffle));
    expect(draw(42, RngStream.init)).not.toEqual(draw(43, RngStream.init));
  });

  test("the generator's uniform lies in [0, 1) and its normal has mean ≈ 0 and variance ≈ 1", () => {
    const rng = new Rng(2026);
    let sum = 0;
    let sumSquares = 0;
    const n = 20_000;
    for (let k = 0; k < n; k++) {
      const u = rng.uniform();
      expect(u >= 0 && u < 1).toBe(true);
      const x = rng.normal();
      sum += x;
      sumSquares += x * x;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.03);
    expect(Math.abs(sumSquares / n - 1)).toBeLessThan(0.05);
  });
});
