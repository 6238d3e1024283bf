import { describe, expect, test } from 'vitest';
import { buildRun, inspectPass, questionConfig } from '../../src/engine';
import type { StepReport } from '../../src/cli/commands/step';
import { cli, cliJson } from './helpers';

describe('backprop-lab step', () => {
  test("--json prints {cost, layers: [{z, a, delta, gradWeights, gradBiases}], network} from the engine's inspectPass", async () => {
    const report = await cliJson<StepReport>('step', '--preset', 'question-xor', '--seed', '3');
    expect(Object.keys(report).sort()).toEqual(['cost', 'layers', 'network']);
    const run = buildRun({ ...questionConfig('XOR'), seed: 3 });
    const record = inspectPass(run.net, run.data, run.trainer.options);
    expect(report.cost).toBe(record.cost);
    expect(report.layers).toHaveLength(2);
    report.layers.forEach((layer, k) => {
      expect(Object.keys(layer).sort()).toEqual(['a', 'delta', 'gradBiases', 'gradWeights', 'z']);
      const n = record.layers[k].size;
      expect(layer.z.flat()).toEqual(Array.from(record.layers[k].z));
      expect(layer.a.flat()).toEqual(Array.from(record.layers[k].a));
      expect(layer.delta.flat()).toEqual(Array.from(record.layers[k].delta));
      expect(layer.z).toHaveLength(4);
      expect(layer.z.every((row) => row.length === n)).toBe(true);
      expect(layer.gradWeights.flat()).toEqual(Array.from(record.layers[k].gradWeights));
      expect(layer.gradBiases).toEqual(Array.from(record.layers[k].gradBiases));
    });
    const after = [...report.network.weights.flatMap((matrix, k) => [...matrix.flat(), ...report.network.biases[k]])];
    expect(after).toEqual(Array.from(record.paramsAfter));
  });

  test('gradWeights is [j][i]: the batch mean of δ^l_j · a^(l−1)_i (BP4), and the network is θ − η∇C', async () => {
    const report = await cliJson<StepReport>('step', '--dataset', 'XOR', '--hidden', '3', '--derivative', 'correct', '--learning-rate', '0.5', '--seed', '2');
    const run = buildRun({ ...questionConfig('XOR'), hidden: [3], derivative: 'correct', gradientDivisor: 'samples', learningRate: 0.5, seed: 2 });
    const inputs = [
      [1, 1],
      [0, 1],
      [1, 0],
      [0, 0],
    ];
    const [hidden, output] = report.layers;
    expect(hidden.gradWeights).toHaveLength(3);
    expect(hidden.gradWeights[0]).toHaveLength(2);
    expect(output.gradWeights).toHaveLength(1);
    expect(output.gradWeights[0]).toHaveLength(3);
    for (let j = 0; j < 3; j++) {
      for (let i = 0; i < 2; i++) {
        const mean = inputs.reduce((sum, x, s) => sum + hidden.delta[s][j] * x[i], 0) / 4;
        expect(hidden.gradWeights[j][i]).toBeCloseTo(mean, 14);
      }
      const mean = hidden.a.reduce((sum, a, s) => sum + output.delta[s][0] * a[j], 0) / 4;
      expect(output.gradWeights[0][j]).toBeCloseTo(mean, 14);
    }
    const before = Array.from(run.net.params);
    const flatAfter = report.network.weights.flatMap((matrix, k) => [...matrix.flat(), ...report.network.biases[k]]);
    const flatGrad = report.layers.flatMap((layer) => [...layer.gradWeights.flat(), ...layer.gradBiases]);
    flatAfter.forEach((value, k) => {
      expect(value).toBeCloseTo(before[k] - 0.5 * flatGrad[k], 14);
    });
  });

  test("the readable report shows each layer's z, a, δ per sample and its gradients", async () => {
    const run = await cli('step', '--preset', 'question-xor');
    expect(run.code).toBe(0);
    for (const text of ['layer 1 (sigmoid, 2 neurons)', 'layer 2 (sigmoid, 1 neuron)', 'z^1', 'a^2', 'δ^1', '∂C/∂w^2_ji', '∂C/∂b^1_j', 'cost C ='])
      expect(run.stdout).toContain(text);
  });

  test('the readable tables count samples and neurons j from 1, as the app does', async () => {
    const run = await cli('step', '--preset', 'question-xor');
    expect(run.stdout).toContain('j, i and samples count from 1');
    const firstCells = (header: RegExp) => {
      const lines = run.stdout.split('\n');
      const start = lines.findIndex((line) => header.test(line));
      const rows: string[] = [];
      for (let k = start + 2; k < lines.length && lines[k].trim() !== ''; k++) rows.push(lines[k].trim().split(/\s+/)[0]);
      return rows;
    };
    expect(firstCells(/^sample\s+x\s+z\^1/)).toEqual(['1', '2', '3', '4']);
    expect(firstCells(/^j\s+∂C\/∂w\^1_ji/)).toEqual(['1', '2']);
    expect(firstCells(/^j\s+∂C\/∂w\^2_ji/)).toEqual(['1']);
  });
});
