import { describe, expect, test } from 'vitest';
import {
  TwinRun,
  gateDataset,
  initializeNetwork,
  largestDifference,
  layoutOf,
  parameterLabels,
  questionConfig,
  runStart,
  twinRun,
  DEFAULT_TRAIN_OPTIONS,
} from '../../src/engine';
import { thrownText } from '../englishText';

const maxAbs = (values: Float64Array): number => values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);

describe('twin run: correct and buggy derivative in lockstep', () => {
  test('at epoch 0 both twins hold the same weights as the initial network', () => {
    const twin = TwinRun.fromConfig(questionConfig('AND'));
    expect(twin.epoch).toBe(0);
    expect(maxAbs(twin.difference())).toBe(0);
    expect(Array.from(twin.net('correct').params)).toEqual(Array.from(twin.initial.params));
    expect(Array.from(twin.net('buggy').params)).toEqual(Array.from(twin.initial.params));
    expect(twin.net('correct').params).not.toBe(twin.net('buggy').params);
  });

  test('with a sigmoid hidden layer, epoch 1 changes only W¹ and b¹ apart (BP2), then everything drifts apart', () => {
    const twin = TwinRun.fromConfig(questionConfig('XOR'));
    twin.step(1);
    const layout = layoutOf(twin.initial.sizes);
    const d = twin.difference();
    // epoch 1's output-layer gradient reads only a¹ and δ², which are still the same in both
    expect(maxAbs(d.subarray(layout.weightOffset[2]))).toBe(0);
    expect(maxAbs(d.subarray(0, layout.weightOffset[2]))).toBeGreaterThan(0);
    // the cost at epoch 1 is measured after its update, on hidden weights that already differ
    twin.step(1);
    expect(twin.costs('correct')[0]).not.toBe(twin.costs('buggy')[0]);
    expect(twin.costs('correct')[1]).not.toBe(twin.costs('buggy')[1]);
    twin.step(1000);
    expect(twin.epoch).toBe(1002);
    expect(twin.costs('correct')).toHaveLength(1002);
    expect(maxAbs(twin.difference().subarray(layout.weightOffset[2]))).toBeGreaterThan(0.01);
  });

  test('a network without hidden layers trains identically in both modes: BP2 never runs', () => {
    const data = gateDataset('OR');
    const net = initializeNetwork([2, 1], ['sigmoid'], 'normal', 7);
    const twin = new TwinRun(net, data, { ...DEFAULT_TRAIN_OPTIONS, learningRate: 0.5 }, 7);
    twin.step(5000);
    expect(maxAbs(twin.difference())).toBe(0);
    expect(Array.from(twin.costs('buggy'))).toEqual(Array.from(twin.costs('correct')));
  });

  test('mini-batches see the same shuffled order in both twins (a [2,1] net stays identical)', () => {
    const data = gateDataset('AND');
    const net = initializeNetwork([2, 1], ['sigmoid'], 'normal', 3);
    const twin = new TwinRun(net, data, { ...DEFAULT_TRAIN_OPTIONS, batchSize: 1 }, 3);
    twin.step(200);
    expect(maxAbs(twin.difference())).toBe(0);
  });

  test('the history grows past its first capacity without losing costs', () => {
    const data = gateDataset('XOR');
    const net = initializeNetwork([2, 2, 1], ['sigmoid', 'sigmoid'], 'normal', 1);
    const twin = new TwinRun(net, data, DEFAULT_TRAIN_OPTIONS, 1, 4);
    twin.step(3);
    const firstThree = Array.from(twin.costs('correct'));
    twin.step(10);
    expect(Array.from(twin.costs('correct').subarray(0, 3))).toEqual(firstThree);
    expect(twin.costs('buggy')).toHaveLength(13);
  });

  test("each twin ends exactly where the sweep's single start of that mode ends", () => {
    const config = { ...questionConfig('AND'), epochs: 3000, seed: 5 };
    const result = twinRun(config);
    for (const mode of ['correct', 'buggy'] as const) {
      const single = runStart({ ...config, derivative: mode }, 5);
      expect(result[mode].finalCost).toBe(single.finalCost);
      expect(result[mode].solved).toBe(single.solved);
      expect(result[mode].costs).toHaveLength(3000);
    }
    expect(result.difference).toHaveLength(result.labels.length);
    const biggest = result.largestDifference!;
    expect(Math.abs(biggest.value)).toBe(maxAbs(result.difference));
    expect(result.correct.outputs).toHaveLength(4);
  });

  test('the largest difference counts a NaN (a diverged twin) as the largest', () => {
    expect(largestDifference(Float64Array.from([0.5, -2, 1]))).toEqual({ index: 1, value: -2 });
    expect(largestDifference(Float64Array.from([0.5, NaN, 1e9]))!.index).toBe(1);
    expect(largestDifference(new Float64Array(0))).toBeNull();
  });

  test('a bad configuration or epoch count is refused with a message', () => {
    expect(thrownText(() => twinRun({ ...questionConfig('AND'), learningRate: -1 }))).toMatch(/learning rate/);
    expect(() => twinRun(questionConfig('AND'), 0)).toThrow(/epochs/);
  });
});

describe('parameter labels', () => {
  test('follow the params layout: W^l row by row, then b^l', () => {
    const labels = parameterLabels([2, 2, 1]);
    expect(labels.map((p) => p.name)).toEqual(['w¹₁₁', 'w¹₁₂', 'w¹₂₁', 'w¹₂₂', 'b¹₁', 'b¹₂', 'w²₁₁', 'w²₁₂', 'b²₁']);
    expect(labels.map((p) => p.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(labels[5]).toMatchObject({ layer: 1, kind: 'bias', j: 1, i: -1 });
  });
});
