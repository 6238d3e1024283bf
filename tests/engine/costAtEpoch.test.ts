/**
 * One meaning of "the cost at epoch N" (README, Notation): the whole dataset's cost with the weights
 * after N epochs. The trainer's per-epoch costs (the curve and the CSV), the worker's snapshot (the
 * status line) and the CLI's final cost are that same number, bit for bit, on full and mini-batches.
 */
import { describe, expect, test } from 'vitest';
import { type LabConfig, DEFAULT_CONFIG, buildRun, evaluate, inspectPass, passEvaluation, questionConfig } from '../../src/engine';
import { PassWorkspace, applyUpdate, backward, forward } from '../../src/engine/pass';
import { cli, cliJson } from '../cli/helpers';
import { fastWorkerStarter } from '../worker/harness';

const miniBatch: LabConfig = {
  ...DEFAULT_CONFIG,
  dataset: 'circle',
  dataSeed: 3,
  hidden: [5],
  learningRate: 0.5,
  batchSize: 10,
  derivative: 'correct',
  gradientDivisor: 'samples',
};
const fullBatch: LabConfig = questionConfig('XOR');

describe('the cost at epoch N is the cost after N epochs', () => {
  test.each([
    ['mini-batches of 10', miniBatch],
    ['the full batch', fullBatch],
  ])('%s: the per-epoch cost at N equals evaluate() and inspectPass() on the network after N epochs', (_name, config) => {
    const { trainer, net, data } = buildRun(config);
    const costs = new Float64Array(40);
    for (let n = 1; n <= 40; n++) {
      trainer.train(1, costs, n - 1);
      const after = evaluate(net, data, trainer.options).cost;
      expect(costs[n - 1]).toBe(after);
      expect(passEvaluation(inspectPass(net, data, trainer.options)).cost).toBe(after);
    }
  });

  test('the full-batch trainer reuses the measuring pass, and its weights equal a plain forward–backward–update loop bit for bit (also across option changes and a typed weight)', () => {
    const { trainer, net, data } = buildRun(fullBatch);
    const reference = { ...net, params: net.params.slice() };
    const ws = new PassWorkspace(reference, data.count);
    let options = { ...trainer.options };
    const plainEpoch = () => {
      forward(reference, ws, data.inputs, data.count, options.sigmoidForm === 'naive');
      backward(reference, ws, data.targets, data.count, options);
      applyUpdate(reference, ws, options.learningRate, options.freezeBiases);
    };
    for (let k = 0; k < 300; k++) plainEpoch();
    trainer.train(300);
    options = { ...options, derivative: 'correct', learningRate: 2 };
    trainer.setOptions(options);
    for (let k = 0; k < 300; k++) plainEpoch();
    trainer.train(300);
    net.params[0] = 1.5;
    reference.params[0] = 1.5;
    trainer.paramsChanged();
    for (let k = 0; k < 300; k++) plainEpoch();
    trainer.train(300);
    expect(Array.from(net.params)).toEqual(Array.from(reference.params));
  });

  test('the worker streams, for a mini-batch run, the same cost at epoch N that its snapshot (the status line) shows', () => {
    const env = fastWorkerStarter()(miniBatch);
    env.runUntilIdle();
    env.send({ type: 'trainEpochs', epochs: 25 });
    env.runUntilIdle();
    const snapshot = env.last('snapshot').snapshot;
    const costs = env.costsOf(snapshot.runId);
    expect(snapshot.epoch).toBe(25);
    expect(costs).toHaveLength(25);
    expect(costs[24]).toBe(snapshot.cost);
  });
});

describe('a diverged run reports one cost', () => {
  test("naive sigmoid at learning rate 1000: the CLI says diverged and its final cost is not finite, as the trainer's last cost", async () => {
    const run = await cli('train', '--sigmoid', 'naive', '--learning-rate', '1000');
    expect(run.code).toBe(0);
    const diverged = /diverged at epoch (\d+)/.exec(run.stdout);
    expect(diverged).not.toBeNull();
    expect(run.stdout).toMatch(new RegExp(`final cost (NaN|Infinity) \\(not finite\\) at epoch ${diverged![1]}\\b`));
    const report = await cliJson<{ finalCost: number | null; epochs: number }>('train', '--sigmoid', 'naive', '--learning-rate', '1000');
    expect(report.finalCost).toBeNull();
    expect(report.epochs).toBe(Number(diverged![1]));
    const { trainer } = buildRun({ ...DEFAULT_CONFIG, sigmoidForm: 'naive', learningRate: 1000 });
    expect(trainer.train(DEFAULT_CONFIG.epochs).reason).toBe('diverged');
    expect(Number.isFinite(trainer.lastCost)).toBe(false);
    expect(trainer.epoch).toBe(report.epochs);
  });

  test('a network whose cost is already not finite diverges at epoch 0 without an update', () => {
    const { trainer, net } = buildRun({ ...DEFAULT_CONFIG, sigmoidForm: 'naive', cost: 'crossEntropy' });
    net.params.fill(1e6);
    const before = net.params.slice();
    const costs = new Float64Array(5).fill(-1);
    expect(trainer.train(5, costs)).toEqual({ ran: 0, reason: 'diverged' });
    expect(trainer.divergence?.epoch).toBe(0);
    expect(Array.from(costs)).toEqual([-1, -1, -1, -1, -1]);
    expect(Array.from(net.params)).toEqual(Array.from(before));
  });
});
