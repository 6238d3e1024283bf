/** Lab configurations: presets are valid, and a bad setting is named before anything is built. */
import { describe, expect, test } from 'vitest';
import {
  type AnySetting,
  CONFIG_SETTINGS,
  DEFAULT_CONFIG,
  type LabConfig,
  PRESETS,
  STOP_SETTINGS,
  answerConfig,
  buildRun,
  configError,
  questionConfig,
  readNumberText,
  runStart,
  settingError,
  sizesOf,
} from '../../src/engine';
import { said } from '../englishText';

describe('configurations', () => {
  test.each(PRESETS.map((p) => [p.id, p.config] as const))('preset %s is valid and builds', (_, config) => {
    expect(configError(config)).toBeNull();
    const run = buildRun(config);
    expect(run.net.sizes).toEqual(sizesOf(config, run.data));
  });

  test("the question's config carries both slips; the answer's is the 2-4-1 ReLU net", () => {
    expect(questionConfig('XOR')).toMatchObject({ derivative: 'buggy', gradientDivisor: 'features', hidden: [2] });
    expect(answerConfig()).toMatchObject({ hidden: [4], hiddenActivation: 'relu', outputActivation: 'leakyRelu', cost: 'quadratic', derivative: 'correct' });
  });

  test.each([
    ['dataset', { dataset: 'XAND' }, /^dataset: /],
    ['hidden activation', { hiddenActivation: 'softsign' }, /^hidden activation: /],
    ['output activation', { outputActivation: 'step' }, /^output activation: /],
    ['cross-entropy on a linear output', { outputActivation: 'linear' }, /^cost: cross-entropy needs a sigmoid output/],
    ['learning rate 0', { learningRate: 0 }, /^learning rate: /],
    ['learning rate NaN', { learningRate: Number.NaN }, /^learning rate: /],
    ['init', { init: 'zeros' }, /^init: /],
    ['negative seed', { seed: -1 }, /^seed: /],
    ['fractional data seed', { dataSeed: 0.5 }, /^data seed: /],
    ['zero epochs', { epochs: 0 }, /^epochs: /],
    ['nine hidden layers', { hidden: [2, 2, 2, 2, 2, 2, 2, 2, 2] }, /hidden layers/],
    ['a hidden layer of 0', { hidden: [3, 0] }, /^hidden layer 2: /],
    ['a negative batch size', { batchSize: -1 }, /^batch size: /],
    ['derivative', { derivative: 'sloppy' }, /^derivative: /],
  ])('%s is named', (_, change, message) => {
    const config = { ...DEFAULT_CONFIG, ...change } as LabConfig;
    expect(said(configError(config))).toMatch(message);
    expect(() => buildRun(config)).toThrow(RangeError);
  });

  test('one sweep start reports its seed, epochs and outcome', () => {
    const result = runStart({ ...DEFAULT_CONFIG, dataset: 'OR', hidden: [2], epochs: 3000, learningRate: 1 }, 4);
    expect(result).toMatchObject({ seed: 4, epochs: 3000, diverged: false, solved: true });
    expect(result.finalCost).toBeLessThan(0.1);
  });
});

describe('the settings table', () => {
  const all: AnySetting[] = [...Object.values(CONFIG_SETTINGS), ...Object.values(STOP_SETTINGS)];

  test('each link key, CLI flag and label is used once', () => {
    for (const name of ['key', 'flag', 'label'] as const) {
      const used = all.map((setting) => setting[name]).filter((value) => value !== null);
      expect(new Set(used).size, name).toBe(used.length);
    }
  });

  test('each default is allowed by its own declaration, and the defaults are valid together', () => {
    for (const setting of all) expect(settingError(setting, setting.defaultValue)).toBeNull();
    expect(configError(DEFAULT_CONFIG)).toBeNull();
  });

  test('a value just outside a range is named with the range in words', () => {
    expect(said(configError({ ...DEFAULT_CONFIG, seed: 2 ** 32 }))).toBe('seed: expected a whole number from 0 to 4,294,967,295, got 4,294,967,296');
    expect(said(configError({ ...DEFAULT_CONFIG, leakySlope: 5 }))).toBe('leaky ReLU slope: expected a number from 0 to 1, got 5');
    expect(said(configError({ ...DEFAULT_CONFIG, batchSize: 10_001 }))).toMatch(/^batch size: expected a whole number from 0 to 10,000 \(0 = full batch\)/);
  });

  test('one number grammar: plain decimal or exponent notation, nothing else', () => {
    for (const text of ['0', '-0', '6e4', '0.35', '.5', '1E-7', '+2']) expect(readNumberText(text).ok, text).toBe(true);
    for (const text of ['0x10', '0b101', '0o7', '1_0', '60,000', 'Infinity', 'NaN', '', ' 1', '1.2.3', '٣']) expect(readNumberText(text).ok, text).toBe(false);
    expect(readNumberText('1e999')).toEqual({ ok: false, reason: 'tooLarge' });
  });
});
