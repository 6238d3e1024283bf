import { describe, expect, test } from 'vitest';
import { Trainer, evaluate } from '../../src/engine';
import { parseDatasetJson } from '../../src/engine/csv';
import { parseNetworkFile } from '../../src/engine/networkFile';
import { exampleFromTexts, loadExample, parseExampleIndex } from '../../src/views/stepper/examples';
import { loadShippedExample, readExampleFile } from './fixtures';

describe('the shipped worked examples', () => {
  const index = parseExampleIndex(readExampleFile('index.json'));

  test('the index lists the three examples and every file parses with the engine’s parsers', () => {
    expect(index.ok).toBe(true);
    if (!index.ok) return;
    expect(index.value.map((e) => e.id)).toEqual(['question-xor', 'two-outputs', 'answer-relu']);
    for (const entry of index.value) {
      expect(parseNetworkFile(readExampleFile(entry.network)).ok, entry.network).toBe(true);
      expect(parseDatasetJson(readExampleFile(entry.dataset)).ok, entry.dataset).toBe(true);
      expect(exampleFromTexts(entry, readExampleFile(entry.network), readExampleFile(entry.dataset)).ok, entry.id).toBe(true);
    }
  });

  test('the question’s [2,2,1] sigmoid net on XOR in the question’s order, with its slips', () => {
    const e = loadShippedExample('question-xor');
    expect(e.network.sizes).toEqual([2, 2, 1]);
    expect(e.network.activations).toEqual(['sigmoid', 'sigmoid']);
    expect(Array.from(e.data.inputs)).toEqual([1, 1, 0, 1, 1, 0, 0, 0]);
    expect(Array.from(e.data.targets)).toEqual([0, 1, 1, 0]);
    expect(e.options).toMatchObject({ cost: 'crossEntropy', derivative: 'buggy', learningRate: 0.35, gradientDivisor: 'features' });
  });

  test('two outputs with the quadratic cost and frozen biases', () => {
    const e = loadShippedExample('two-outputs');
    expect(e.network.sizes.at(-1)).toBe(2);
    expect(e.data.outputSize).toBe(2);
    expect(e.options).toMatchObject({ cost: 'quadratic', freezeBiases: true });
  });

  test('the answer’s 2-4-1: ReLU hidden, leaky-ReLU output with slope 0.1, and it solves XOR in 250 epochs', () => {
    const e = loadShippedExample('answer-relu');
    expect(e.network.sizes).toEqual([2, 4, 1]);
    expect(e.network.activations).toEqual(['relu', 'leakyRelu']);
    expect(e.network.leakySlope).toBe(0.1);
    expect(e.options.cost).toBe('quadratic');
    new Trainer(e.network, e.data, e.options, 1).train(250);
    expect(evaluate(e.network, e.data, e.options).solved).toBe(true);
  });
});

describe('bad example files are refused with the field named', () => {
  const entry = (() => {
    const index = parseExampleIndex(readExampleFile('index.json'));
    if (!index.ok) throw new Error(index.error);
    return index.value[0];
  })();

  test('an index with a bad cost names the field', () => {
    const raw = JSON.parse(readExampleFile('index.json'));
    raw.examples[1].settings.cost = 'hinge';
    const result = parseExampleIndex(JSON.stringify(raw));
    expect(result).toEqual({ ok: false, error: expect.stringContaining('examples.1.settings.cost') });
  });
  test('an index entry may not point outside the examples folder', () => {
    const raw = JSON.parse(readExampleFile('index.json'));
    raw.examples[0].network = '../secret.json';
    expect(parseExampleIndex(JSON.stringify(raw)).ok).toBe(false);
  });
  test('broken JSON and duplicate ids are refused', () => {
    expect(parseExampleIndex('{').ok).toBe(false);
    const raw = JSON.parse(readExampleFile('index.json'));
    raw.examples[1].id = raw.examples[0].id;
    expect(parseExampleIndex(JSON.stringify(raw))).toEqual({ ok: false, error: expect.stringContaining('appears twice') });
  });
  test('a dataset that does not fit the network is refused', () => {
    const result = exampleFromTexts(entry, readExampleFile(entry.network), readExampleFile('two-outputs.dataset.json'));
    expect(result).toEqual({ ok: false, error: expect.stringContaining('2 values but the network has 1 outputs') });
  });
  test('a network file with a bad weight names it', () => {
    const raw = JSON.parse(readExampleFile(entry.network));
    raw.weights[1][0][1] = 'x';
    expect(exampleFromTexts(entry, JSON.stringify(raw), readExampleFile(entry.dataset))).toEqual({
      ok: false,
      error: expect.stringContaining('weights[1][0][1]'),
    });
  });
  test('settings the engine would refuse (cross-entropy on a ReLU output) are refused', () => {
    const relu = parseExampleIndex(readExampleFile('index.json'));
    if (!relu.ok) throw new Error(relu.error);
    const answer = { ...relu.value[2], settings: { ...relu.value[2].settings, cost: 'crossEntropy' as const } };
    expect(exampleFromTexts(answer, readExampleFile(answer.network), readExampleFile(answer.dataset))).toEqual({
      ok: false,
      error: expect.stringContaining('cross-entropy needs a sigmoid output'),
    });
  });
  test('a file that cannot be read gives a message, not a throw', async () => {
    const result = await loadExample(entry, async () => {
      throw new Error('HTTP 404');
    });
    expect(result).toEqual({ ok: false, error: expect.stringContaining('HTTP 404') });
  });
});
