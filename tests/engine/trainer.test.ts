/** The trainer: divergence reasons, stop conditions, option changes mid-run, frozen biases, the 1/n_0 slip. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  EngineError,
  DEFAULT_CONFIG,
  DEFAULT_TRAIN_OPTIONS,
  type Dataset,
  type LabConfig,
  type Network,
  Trainer,
  analyticGradient,
  buildRun,
  cloneNetwork,
  datasetFromRows,
  evaluate,
  gateDataset,
  initializeNetwork,
  inspectPass,
  layoutOf,
  planeDataset,
} from '../../src/engine';
import { said } from '../englishText';
import { caseArbitrary } from './arbitraries';

function sameBits(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (!Object.is(a[k], b[k])) return false;
  return true;
}

function rows(inputs: number[][], targets: number[][]): Dataset {
  const result = datasetFromRows(inputs, targets);
  if (!result.ok) throw new EngineError(result.error);
  return result.value;
}

const biasesOf = (net: Network) => {
  const layout = layoutOf(net.sizes);
  return net.sizes.slice(1).flatMap((n, k) => Array.from(net.params.subarray(layout.biasOffset[k + 1], layout.biasOffset[k + 1] + n)));
};
const weightsOf = (net: Network) => {
  const layout = layoutOf(net.sizes);
  return net.sizes.slice(1).flatMap((_, k) => Array.from(net.params.subarray(layout.weightOffset[k + 1], layout.biasOffset[k + 1])));
};

/** The divergence names a layer whose reported quantity is non-finite while every earlier layer's parameters are finite. */
function expectConsistentDivergence(trainer: Trainer): void {
  const d = trainer.divergence;
  expect(d).not.toBeNull();
  if (!d) return;
  const L = trainer.net.sizes.length - 1;
  expect(d.epoch).toBe(trainer.epoch);
  expect(d.layer).toBeGreaterThanOrEqual(1);
  expect(d.layer).toBeLessThanOrEqual(L);
  expect(said(d.message)).toContain(`epoch ${d.epoch}`);
  expect(said(d.message)).toContain(`layer ${d.layer}`);
  const layout = layoutOf(trainer.net.sizes);
  const p = trainer.net.params;
  for (let l = 1; l < d.layer; l++) {
    for (let k = layout.weightOffset[l]; k < layout.biasOffset[l] + trainer.net.sizes[l]; k++) expect(Number.isFinite(p[k])).toBe(true);
  }
  if (d.quantity === 'weights')
    expect(Array.from(p.subarray(layout.weightOffset[d.layer], layout.biasOffset[d.layer])).some((v) => !Number.isFinite(v))).toBe(true);
}

describe('divergence', () => {
  test('η = 1e6 on a ReLU net stops with a reason naming the epoch and the layer', () => {
    const config: LabConfig = {
      ...DEFAULT_CONFIG,
      dataset: 'XOR',
      hidden: [4],
      hiddenActivation: 'relu',
      outputActivation: 'linear',
      cost: 'quadratic',
      learningRate: 1e6,
      init: 'he',
      seed: 1,
    };
    const { trainer } = buildRun(config);
    const costs = new Float64Array(10_000);
    const { ran, reason } = trainer.train(10_000, costs);
    expect(reason).toBe('diverged');
    expect(ran).toBe(trainer.epoch);
    expect(ran).toBeLessThan(100);
    expectConsistentDivergence(trainer);
    // every epoch before the one that blew up had a finite cost
    expect(Array.from(costs.subarray(0, ran - 1)).every(Number.isFinite)).toBe(true);
    expect(Number.isFinite(costs[ran - 1])).toBe(false);
  });

  test('inputs of 1e6 on a linear net: the quadratic cost overflows at the output while every weight is still finite, and the reason says so', () => {
    const data = rows(
      [
        [1e6, 1e6],
        [-1e6, 1e6],
        [1e6, -1e6],
        [-1e6, -1e6],
      ],
      [[1], [0], [0], [1]],
    );
    const trainer = new Trainer(
      initializeNetwork([2, 3, 1], ['linear', 'linear'], 'normal', 1),
      data,
      { ...DEFAULT_TRAIN_OPTIONS, cost: 'quadratic', learningRate: 0.1 },
      1,
    );
    expect(trainer.train(1000).reason).toBe('diverged');
    expectConsistentDivergence(trainer);
    expect(trainer.divergence).toMatchObject({ layer: 2, quantity: 'cost' });
    expect(Array.from(trainer.net.params).every(Number.isFinite)).toBe(true);
    // one more update from here would overflow W¹, which is what the old reason named
    expect(said(trainer.divergence?.message)).toMatch(/^diverged at epoch \d+: the cost overflowed at the output, layer 2/);
  });

  test('a diverged trainer runs no further epochs', () => {
    const data = rows(
      [
        [1e6, 1e6],
        [-1e6, 1e6],
      ],
      [[1], [0]],
    );
    const trainer = new Trainer(initializeNetwork([2, 1], ['linear'], 'normal', 2), data, { ...DEFAULT_TRAIN_OPTIONS, cost: 'quadratic', learningRate: 1 }, 1);
    trainer.train(1000);
    const epoch = trainer.epoch;
    expect(trainer.train(10)).toEqual({ ran: 0, reason: 'diverged' });
    expect(trainer.epoch).toBe(epoch);
  });

  test('mini-batch training diverges with the same kind of reason', () => {
    const data = rows(
      [
        [1e6, 1e6],
        [-1e6, 1e6],
        [1e6, -1e6],
        [-1e6, -1e6],
      ],
      [[1], [0], [0], [1]],
    );
    const trainer = new Trainer(
      initializeNetwork([2, 3, 1], ['relu', 'linear'], 'he', 4),
      data,
      { ...DEFAULT_TRAIN_OPTIONS, cost: 'quadratic', learningRate: 0.1, batchSize: 1 },
      1,
    );
    expect(trainer.train(1000).reason).toBe('diverged');
    expectConsistentDivergence(trainer);
  });
});

describe('stop conditions', () => {
  test('maxEpochs stops at that epoch count, counting epochs already run', () => {
    const { trainer } = buildRun({ ...DEFAULT_CONFIG, dataset: 'AND', hidden: [2] });
    expect(trainer.train(25)).toEqual({ ran: 25, reason: 'epochs' });
    expect(trainer.train(1000, undefined, 0, { maxEpochs: 40 })).toEqual({ ran: 15, reason: 'maxEpochs' });
    expect(trainer.epoch).toBe(40);
    expect(trainer.train(5, undefined, 0, { maxEpochs: 40 })).toEqual({ ran: 0, reason: 'maxEpochs' });
  });

  test('targetCost stops at the first epoch whose cost is at or below it', () => {
    const { trainer } = buildRun({ ...DEFAULT_CONFIG, dataset: 'OR', hidden: [3], learningRate: 1 });
    const costs = new Float64Array(20_000);
    const { ran, reason } = trainer.train(20_000, costs, 0, { targetCost: 0.05 });
    expect(reason).toBe('targetCost');
    expect(costs[ran - 1]).toBeLessThanOrEqual(0.05);
    expect(Array.from(costs.subarray(0, ran - 1)).every((c) => c > 0.05)).toBe(true);
    expect(trainer.lastCost).toBe(costs[ran - 1]);
  });

  test('costs are written at the offset, one per epoch', () => {
    const { trainer } = buildRun({ ...DEFAULT_CONFIG, dataset: 'AND', hidden: [2] });
    const costs = new Float64Array(10).fill(-1);
    trainer.train(4, costs, 3);
    expect(Array.from(costs.subarray(0, 3))).toEqual([-1, -1, -1]);
    expect(Array.from(costs.subarray(3, 7)).every((c) => c > 0)).toBe(true);
    expect(Array.from(costs.subarray(7))).toEqual([-1, -1, -1]);
  });

  test("the cost at an epoch is the whole dataset's cost after its update, and the update matches inspectPass's paramsAfter", () => {
    const { trainer, net, data } = buildRun({ ...DEFAULT_CONFIG, dataset: 'XOR', hidden: [3] });
    trainer.train(10);
    const record = inspectPass(net, data, trainer.options);
    const cost = trainer.trainEpoch();
    expect(sameBits(net.params, record.paramsAfter)).toBe(true);
    expect(cost).toBe(evaluate(net, data, trainer.options).cost);
    expect(trainer.lastCost).toBe(cost);
  });
});

describe('options', () => {
  test('setOptions keeps the weights and training goes on from them (also when the batch size changes)', () => {
    const { trainer, net, data } = buildRun({ ...DEFAULT_CONFIG, dataset: 'circle', hidden: [5], dataSeed: 2 });
    trainer.train(50);
    const snapshot = net.params.slice();
    trainer.setOptions({ learningRate: 0.1, batchSize: 20, derivative: 'buggy' });
    expect(sameBits(net.params, snapshot)).toBe(true);
    expect(trainer.epoch).toBe(50);
    // a fresh trainer from the same weights with the same options and shuffle seed runs identically
    const twin = new Trainer(cloneNetwork(net), data, trainer.options, DEFAULT_CONFIG.seed);
    const a = new Float64Array(30);
    const b = new Float64Array(30);
    trainer.train(30, a);
    twin.train(30, b);
    expect(sameBits(a, b)).toBe(true);
    expect(sameBits(net.params, twin.net.params)).toBe(true);
  });

  test('freezeBiases keeps every bias bit for bit while the weights learn', () => {
    const { trainer, net } = buildRun({ ...DEFAULT_CONFIG, dataset: 'XOR', hidden: [4], freezeBiases: true });
    const biases = biasesOf(net);
    const weights = weightsOf(net);
    trainer.train(200);
    expect(sameBits(biasesOf(net), biases)).toBe(true);
    expect(sameBits(weightsOf(net), weights)).toBe(false);
  });

  test('freezeBiases in inspectPass leaves the biases of paramsAfter unchanged too', () => {
    const { net, data, trainer } = buildRun({ ...DEFAULT_CONFIG, dataset: 'XOR', hidden: [4], freezeBiases: true });
    const record = inspectPass(net, data, trainer.options);
    const layout = layoutOf(net.sizes);
    for (let l = 1; l < net.sizes.length; l++) {
      for (let k = layout.biasOffset[l]; k < layout.biasOffset[l] + net.sizes[l]; k++) expect(record.paramsAfter[k]).toBe(record.paramsBefore[k]);
    }
  });

  test('the "features" divisor scales every gradient by count/n₀ (×2 on a gate, exactly)', () => {
    const data = gateDataset('AND');
    const net = initializeNetwork([2, 2, 1], ['sigmoid', 'sigmoid'], 'normal', 5);
    const samples = analyticGradient(net, data, DEFAULT_TRAIN_OPTIONS);
    const features = analyticGradient(net, data, { ...DEFAULT_TRAIN_OPTIONS, gradientDivisor: 'features' });
    samples.forEach((g, k) => {
      expect(features[k]).toBe(2 * g);
    });
    expect(inspectPass(net, data, { ...DEFAULT_TRAIN_OPTIONS, gradientDivisor: 'features' }).divisor).toBe(2);
  });

  test('the "features" divisor equals the per-sample sum divided by n₀, for any shape and sample count', () => {
    fc.assert(
      fc.property(caseArbitrary(), (c) => {
        const options = { ...c.options, gradientDivisor: 'features' as const };
        const record = inspectPass(c.net, c.data, options);
        const samples = analyticGradient(c.net, c.data, c.options);
        const n0 = c.net.sizes[0];
        const P = samples.length;
        expect(record.divisor).toBe(n0);
        for (let k = 0; k < P; k++) {
          let sum = 0;
          for (let s = 0; s < c.data.count; s++) sum += record.sampleGradients![s * P + k];
          expect(record.gradient[k]).toBe(sum * (1 / n0));
          const scaled = (samples[k] * c.data.count) / n0;
          expect(Math.abs(record.gradient[k] - scaled)).toBeLessThanOrEqual(1e-14 * Math.abs(scaled) + 1e-300);
        }
      }),
      { seed: 8, numRuns: 200 },
    );
  });

  test('training with the "features" divisor on a gate is training with η × count/n₀, bit for bit', () => {
    const data = gateDataset('AND');
    const start = initializeNetwork([2, 2, 1], ['sigmoid', 'sigmoid'], 'normal', 11);
    const slip = new Trainer(cloneNetwork(start), data, { ...DEFAULT_TRAIN_OPTIONS, gradientDivisor: 'features', learningRate: 0.35 }, 1);
    const doubled = new Trainer(cloneNetwork(start), data, { ...DEFAULT_TRAIN_OPTIONS, learningRate: 0.7 }, 1);
    slip.train(2000);
    doubled.train(2000);
    expect(sameBits(slip.net.params, doubled.net.params)).toBe(true);
  });

  test('a batch size of 0 or ≥ the sample count is full batch', () => {
    const data = planeDataset('gaussians', 40, 1);
    const start = initializeNetwork([2, 3, 1], ['tanh', 'sigmoid'], 'xavier', 2);
    const run = (batchSize: number) => {
      const trainer = new Trainer(cloneNetwork(start), data, { ...DEFAULT_TRAIN_OPTIONS, batchSize }, 1);
      trainer.train(20);
      return trainer.net.params;
    };
    expect(sameBits(run(0), run(40))).toBe(true);
    expect(sameBits(run(0), run(100))).toBe(true);
    expect(sameBits(run(0), run(8))).toBe(false);
  });

  test('the trainer refuses a dataset whose widths do not fit the network', () => {
    const net = initializeNetwork([3, 1], ['sigmoid'], 'normal', 1);
    expect(() => new Trainer(net, gateDataset('AND'), DEFAULT_TRAIN_OPTIONS, 1)).toThrow(/data: 2 inputs/);
  });
});

describe('learning', () => {
  test('a 2-4-1 sigmoid network with the correct derivative solves XOR from seed 1', () => {
    const data = gateDataset('XOR');
    const net = initializeNetwork([2, 4, 1], ['sigmoid', 'sigmoid'], 'normal', 1);
    const trainer = new Trainer(net, data, { ...DEFAULT_TRAIN_OPTIONS, learningRate: 1 }, 1);
    trainer.train(10_000);
    expect(evaluate(net, data, trainer.options).solved).toBe(true);
  });

  test("the answer's 2-4-1 ReLU net with a leaky-ReLU output lowers its quadratic cost on XOR", () => {
    const { trainer, net, data } = buildRun({
      ...DEFAULT_CONFIG,
      dataset: 'XOR',
      hidden: [4],
      hiddenActivation: 'relu',
      outputActivation: 'leakyRelu',
      leakySlope: 0.1,
      cost: 'quadratic',
      init: 'he',
      learningRate: 0.4,
      seed: 3,
    });
    const before = evaluate(net, data, trainer.options).cost;
    trainer.train(250);
    expect(trainer.lastCost).toBeLessThan(before);
  });
});
