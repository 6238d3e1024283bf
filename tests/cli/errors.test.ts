import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readChoice, readIntList, readNumber } from '../../src/cli/flags';
import { cli, isOneCleanLine, spawnCli } from './helpers';

const scratch = mkdtempSync(join(tmpdir(), 'backprop-cli-errors-'));
const file = (name: string, text: string): string => {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
};
const badJson = file('bad.json', '{"format": "backprop-lab/network", ');
const badWeights = file(
  'weights.json',
  JSON.stringify({
    format: 'backprop-lab/network',
    version: 1,
    layers: [2, 2, 1],
    activations: ['sigmoid', 'sigmoid'],
    weights: [[[1, 2], [3]], [[1, 1]]],
    biases: [[0, 0], [0]],
  }),
);
const threeInputs = file(
  'three.json',
  JSON.stringify({ format: 'backprop-lab/network', version: 1, layers: [3, 1], activations: ['sigmoid'], weights: [[[1, 2, 3]]], biases: [[0]] }),
);
const badData = file('data.json', JSON.stringify({ inputs: [[0, 1]], targets: [['x']] }));

const CASES: [string[], RegExp][] = [
  [[], /missing command/],
  [['trian'], /unknown command "trian" \(did you mean train\?\)/],
  [['train', '--epoch', '5'], /unknown flag --epoch for train \(did you mean --epochs\?\)/],
  [['train', '--lr', '0.5'], /unknown flag --lr for train: "lr" is the setting's key in a link; its flag is --learning-rate/],
  [['probe', '--out', '/etc/hostname/probe'], /--out \/etc\/hostname\/probe: cannot make this folder/],
  [['train', '--seed'], /--seed needs a value/],
  [['train', '--seed', 'abc'], /--seed: expected a whole number/],
  [['train', '--learning-rate=-1'], /--learning-rate: expected a number above 0/],
  [['train', '--dataset', 'xorr'], /--dataset: unknown value "xorr" \(did you mean XOR\?\)/],
  [['train', '--derivative', 'wrong'], /--derivative: unknown value "wrong"; expected one of correct, buggy/],
  [['train', '--gradient-divisor', 'batch'], /--gradient-divisor: unknown value/],
  [['train', '--layers', '3,4,1'], /--layers: XOR has 2 input\(s\) and 1 output\(s\)/],
  [['train', '--cost', 'crossEntropy', '--output-activation', 'tanh'], /cross-entropy needs a sigmoid output/],
  [['train', 'extra'], /unexpected argument "extra"/],
  [['train', '--json=yes'], /--json is a switch/],
  [['train', '--data', join(scratch, 'missing.json')], /--data .*missing\.json: no such file/],
  [['train', '--data', badData], /targets\[0\]\[0\]: expected a finite number/],
  [['train', '--network', badJson], /--network .*bad\.json: not valid JSON/],
  [['train', '--network', badWeights], /weights\[0\]\[1\]: expected 2 numbers/],
  [['train', '--network', threeInputs], /takes 3 input\(s\).*XOR has 2 input\(s\)/],
  [['train', '--network', badWeights, '--hidden', '4'], /--hidden: the network's shape and weights come from --network/],
  [['train', '--out', join(scratch, 'no-folder', 'net.json')], /--out .*: cannot write there \(no such folder\)/],
  [['step', '--epochs', '3'], /--epochs does not apply to step/],
  [['sweep', '--inits', '0'], /--inits: expected a whole number from 1/],
  [['gradcheck', '--preset', 'nope'], /--preset: unknown value "nope"/],
];

describe('bad input: one clear line on stderr, exit code 2, no stack trace', () => {
  test.each(CASES)('%j', async (args, message) => {
    const run = await cli(...args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(isOneCleanLine(run.stderr)).toBe(true);
  });

  test('a real process through the npm script and the bin (from another folder) behaves the same', async () => {
    const [script, bin] = await Promise.all([spawnCli('script', ['train', '--network', badJson]), spawnCli('bin', ['sweep', '--threads', 'many'], tmpdir())]);
    expect(script.code).toBe(2);
    expect(script.stderr).toMatch(/^backprop-lab train: --network .*not valid JSON/);
    expect(isOneCleanLine(script.stderr)).toBe(true);
    expect(bin.code).toBe(2);
    expect(bin.stderr).toMatch(/^backprop-lab sweep: --threads: expected a whole number/);
    expect(isOneCleanLine(bin.stderr)).toBe(true);
  });

  test('--help works for every command and exits 0', async () => {
    for (const command of ['train', 'sweep', 'step', 'gradcheck']) {
      const run = await cli(command, '--help');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`usage: backprop-lab ${command}`);
    }
    const main = await cli('--help');
    expect(main.stdout).toMatch(/commands:[\s\S]*train[\s\S]*gradcheck/);
  });
});

describe('flag values', () => {
  test('names are matched without regard to case or dashes', () => {
    expect(readChoice('cost', 'cross-entropy', ['crossEntropy', 'quadratic'])).toBe('crossEntropy');
    expect(readChoice('dataset', 'xor', ['OR', 'XOR'])).toBe('XOR');
    expect(readChoice('hidden-activation', 'leaky-relu', ['relu', 'leakyRelu'])).toBe('leakyRelu');
  });

  test("numbers accept exponents but not separators, junk or out-of-range values (the links' grammar)", () => {
    expect(() => readNumber('epochs', '60_000', { integer: true, min: 1 })).toThrow(/--epochs: expected a whole number/);
    expect(readNumber('epochs', '6e4', { integer: true, min: 1 })).toBe(60000);
    expect(() => readNumber('epochs', '1.5', { integer: true })).toThrow(/--epochs: expected a whole number/);
    expect(() => readNumber('learning-rate', '0', { min: 0, minExclusive: true })).toThrow(/above 0/);
    expect(() => readNumber('seed', '', {})).toThrow(/--seed/);
  });

  test('layer lists: comma-separated sizes, "none" for no hidden layer', () => {
    expect(readIntList('layers', '2, 4,1', 1, 64)).toEqual([2, 4, 1]);
    expect(readIntList('hidden', 'none', 1, 64)).toEqual([]);
    expect(() => readIntList('hidden', '4,,4', 1, 64)).toThrow(/--hidden/);
  });
});
