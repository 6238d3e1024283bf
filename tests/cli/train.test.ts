import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildRun, evaluate, questionConfig, runStart } from '../../src/engine';
import { parseNetworkFile, toNetworkFile } from '../../src/engine/networkFile';
import type { TrainReport } from '../../src/cli/commands/train';
import { cli, cliJson } from './helpers';

const scratch = mkdtempSync(join(tmpdir(), 'backprop-cli-train-'));

describe('backprop-lab train', () => {
  test('--json prints exactly epochs, finalCost, predictions, success, elapsedMs, epochsPerSecond, network', async () => {
    const report = await cliJson<TrainReport>('train', '--preset', 'question-xor', '--epochs', '2000');
    expect(Object.keys(report).sort()).toEqual(['elapsedMs', 'epochs', 'epochsPerSecond', 'finalCost', 'network', 'predictions', 'success'].sort());
    expect(report.epochs).toBe(2000);
    expect(report.predictions).toHaveLength(4);
    expect(report.predictions.every((row) => row.length === 1)).toBe(true);
    expect(typeof report.success).toBe('boolean');
    expect(report.elapsedMs).toBeGreaterThan(0);
    expect(report.epochsPerSecond).toBeCloseTo(report.epochs / (report.elapsedMs / 1000), 3);
    expect(report.network.format).toBe('backprop-lab/network');
    expect(report.network.layers).toEqual([2, 2, 1]);
  });

  test("the same seed gives the engine's run bit for bit (final cost, predictions, weights)", async () => {
    const report = await cliJson<TrainReport>('train', '--preset', 'question-and', '--seed', '7', '--epochs', '5000');
    const config = { ...questionConfig('AND'), seed: 7, epochs: 5000 };
    const run = buildRun(config);
    run.trainer.train(config.epochs);
    const evaluation = evaluate(run.net, run.data, run.trainer.options);
    expect(report.finalCost).toBe(evaluation.cost);
    expect(report.predictions.flat()).toEqual(Array.from(evaluation.outputs));
    expect(report.network).toEqual(toNetworkFile(run.net));
    expect(report.finalCost).toBe(runStart(config, 7).finalCost);
    expect(report.success).toBe(runStart(config, 7).solved);
  });

  test('flags set every part of the configuration', async () => {
    const report = await cliJson<TrainReport>(
      'train',
      '--dataset',
      'xor',
      '--layers',
      '2,3,3,1',
      '--hidden-activation',
      'tanh',
      '--output-activation',
      'linear',
      '--cost',
      'quadratic',
      '--learning-rate',
      '0.05',
      '--epochs',
      '300',
      '--init',
      'xavier',
      '--seed',
      '4',
      '--derivative',
      'correct',
    );
    const run = buildRun({
      ...questionConfig('XOR'),
      hidden: [3, 3],
      hiddenActivation: 'tanh',
      outputActivation: 'linear',
      cost: 'quadratic',
      learningRate: 0.05,
      epochs: 300,
      init: 'xavier',
      seed: 4,
      derivative: 'correct',
      gradientDivisor: 'samples',
    });
    run.trainer.train(300);
    expect(report.network).toEqual(toNetworkFile(run.net));
    expect(report.network.activations).toEqual(['tanh', 'tanh', 'linear']);
  });

  test('--out writes a network file that --network continues from, bit for bit like one long run', async () => {
    const half = join(scratch, 'half.json');
    await cliJson('train', '--preset', 'fixed', '--epochs', '1000', '--out', half);
    const parsed = parseNetworkFile(readFileSync(half, 'utf8'));
    expect(parsed.ok).toBe(true);
    const continued = await cliJson<TrainReport>('train', '--preset', 'fixed', '--network', half, '--epochs', '1000');
    const whole = await cliJson<TrainReport>('train', '--preset', 'fixed', '--epochs', '2000');
    expect(continued.network).toEqual(whole.network);
    expect(continued.finalCost).toBe(whole.finalCost);
  });

  test('--data trains on the user\'s own {"inputs", "targets"} file', async () => {
    const file = join(scratch, 'majority.json');
    const inputs = [
      [0, 0, 0],
      [0, 0, 1],
      [0, 1, 1],
      [1, 1, 1],
      [1, 0, 1],
      [1, 0, 0],
    ];
    writeFileSync(file, JSON.stringify({ inputs, targets: inputs.map((x) => [x[0] + x[1] + x[2] >= 2 ? 1 : 0]) }));
    const report = await cliJson<TrainReport>('train', '--data', file, '--hidden', '3', '--learning-rate', '1', '--epochs', '3000', '--derivative', 'correct');
    expect(report.network.layers).toEqual([3, 3, 1]);
    expect(report.predictions).toHaveLength(6);
    expect(report.success).toBe(true);
  });

  test('the readable report shows the predictions table, final cost, solved and speed', async () => {
    const run = await cli('train', '--preset', 'question-or', '--epochs', '3000');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/input x\s+target y\s+output a\^L\s+right/);
    expect(run.stdout.split('\n').filter((line) => /^\s+[01] [01]\s+[01]\s+[0-9.]+\s+(yes|no)$/.test(line))).toHaveLength(4);
    expect(run.stdout).toMatch(/final cost [0-9.e-]+ at epoch 3,000/);
    expect(run.stdout).toMatch(/solved: (yes|no)/);
    expect(run.stdout).toMatch(/epochs\/s/);
  });

  test('--help lists the flags and exits 0', async () => {
    const run = await cli('train', '--help');
    expect(run.code).toBe(0);
    for (const flag of ['--dataset', '--layers', '--gradient-divisor', '--sigmoid', '--freeze-biases', '--preset', '--network', '--data', '--out', '--json'])
      expect(run.stdout).toContain(flag);
  });
});
