/** The gradients file: every bad input is refused with the field named; a good file lands in the params layout. */
import { describe, expect, test } from 'vitest';
import { layoutOf } from '../../src/engine';
import { MAX_GRADIENTS_FILE_BYTES, parseGradientsFile, toGradientsFile } from '../../src/engine/gradientFile';

const sizes = [2, 2, 1];
const good = {
  format: 'backprop-lab/gradients',
  version: 1,
  gradWeights: [
    [
      [1, 2],
      [3, 4],
    ],
    [[5, 6]],
  ],
  gradBiases: [[7, 8], [9]],
};
const parse = (value: unknown) => parseGradientsFile(typeof value === 'string' ? value : JSON.stringify(value), sizes);
const errorOf = (value: unknown) => {
  const result = parse(value);
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
};

describe('the gradients file', () => {
  test('a good file lands in the engine layout and writes back the same', () => {
    const result = parse(good);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const layout = layoutOf(sizes);
    expect(result.value[layout.weightOffset[2] + 1]).toBe(6);
    expect(result.value[layout.biasOffset[1] + 1]).toBe(8);
    expect(toGradientsFile(sizes, result.value)).toEqual(good);
  });

  test('wrong format, wrong version and a missing field are named', () => {
    expect(errorOf({ ...good, format: 'backprop-lab/network' })).toBe('format must be "backprop-lab/gradients", got "backprop-lab/network"');
    expect(errorOf({ ...good, version: 2 })).toBe('version must be 1, got 2');
    const { gradBiases: _, ...missing } = good;
    expect(errorOf(missing)).toBe('gradBiases is missing');
    expect(errorOf('{"format": ')).toMatch(/^not valid JSON/);
  });

  test('a wrong shape names the expected shape', () => {
    expect(
      errorOf({
        ...good,
        gradWeights: [
          [
            [1, 2],
            [3, 4],
          ],
          [[5, 6, 7]],
        ],
      }),
    ).toBe('gradWeights[1] must be 1×2 (n_2 × n_1), got 1×3');
    // a non-square matrix written transposed is named as such
    expect(errorOf({ ...good, gradWeights: [good.gradWeights[0], [[5], [6]]] })).toBe(
      'gradWeights[1] must be 1×2 (n_2 × n_1), got 2×1, the transpose: row j must hold the gradients of the weights into neuron j',
    );
    expect(
      errorOf({
        ...good,
        gradBiases: [
          [7, 8],
          [9, 10],
        ],
      }),
    ).toBe('gradBiases[1] must hold 1 numbers (n_2), got 2');
    expect(
      errorOf({
        ...good,
        gradWeights: [
          [
            [1, 2],
            [3, 4],
          ],
        ],
      }),
    ).toMatch(/^gradWeights must hold 2 matrices/);
  });

  test('blank text (what a failed harness leaves) is named as blank, not as bad JSON', () => {
    for (const blank of ['', '\n', '  \t\r\n'])
      expect(errorOf(blank)).toBe('there are no gradients, only blank text (a harness that fails prints its error, not the gradients)');
  });

  test("NaN and Infinity (Python's json.dumps) and null (JavaScript's) name the entry", () => {
    const text = JSON.stringify(good).replace('[5,6]', '[5,NaN]');
    expect(parse(text)).toEqual({ ok: false, error: 'gradWeights[1][0][1] is NaN; every entry must be a finite number' });
    expect(errorOf(JSON.stringify(good).replace('[7,8]', '[-Infinity,8]'))).toBe('gradBiases[0][0] is -Infinity; every entry must be a finite number');
    expect(errorOf(JSON.stringify(good).replace('[9]', '[null]'))).toMatch(/^gradBiases\[1\]\[0\] is null/);
    expect(errorOf({ ...good, gradBiases: [[7, '8'], [9]] })).toBe('gradBiases[0][1] must be a finite number, got "8"');
  });

  test('a file over 1 MB is refused before parsing', () => {
    expect(errorOf(' '.repeat(MAX_GRADIENTS_FILE_BYTES + 1) + JSON.stringify(good))).toMatch(/over the 1 MB limit/);
  });
});
