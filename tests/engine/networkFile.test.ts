/** The versioned network file: exact round trips, and a named field for every way a file can be wrong. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { EngineError, createNetwork, initializeNetwork } from '../../src/engine';
import { MAX_NETWORK_FILE_BYTES, NETWORK_FORMAT, parseNetworkFile, serializeNetwork, toNetworkFile } from '../../src/engine/networkFile';
import { englishText } from '../../src/cli/english';
import { caseArbitrary } from './arbitraries';

/** The question's [2,2,1] net as a file, with a leaky-ReLU output so leakySlope is present too. */
function validFile(): Record<string, unknown> {
  return {
    format: NETWORK_FORMAT,
    version: 1,
    layers: [2, 2, 1],
    activations: ['sigmoid', 'leakyRelu'],
    weights: [
      [
        [0.5, -1.25],
        [2, 0.75],
      ],
      [[1.5, -0.5]],
    ],
    biases: [[0.1, -0.2], [0.3]],
    leakySlope: 0.1,
  };
}

/** A valid file with one field replaced (a value of `undefined` removes the field). */
function withField(path: (string | number)[], value: unknown): string {
  const file = validFile();
  let node: Record<string | number, unknown> = file;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
  return JSON.stringify(file, null, 2);
}

function expectError(text: string, field: RegExp): string {
  const result = parseNetworkFile(text);
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('unreachable');
  const message = englishText(result.error);
  expect(message).toMatch(field);
  return message;
}

const positiveZero = (params: Float64Array) => Array.from(params, (v) => v + 0);

describe('round trip', () => {
  test('serialize → parse gives the same sizes, activations and every parameter bit for bit', () => {
    fc.assert(
      fc.property(caseArbitrary(), ({ net }) => {
        const parsed = parseNetworkFile(serializeNetwork(net));
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        expect(parsed.value.sizes).toEqual(net.sizes);
        expect(parsed.value.activations).toEqual(net.activations);
        // JSON has no −0: it comes back as 0, which computes the same
        expect(positiveZero(parsed.value.params)).toEqual(positiveZero(net.params));
        if (net.activations.includes('leakyRelu')) expect(parsed.value.leakySlope).toBe(net.leakySlope);
      }),
      { seed: 404, numRuns: 200 },
    );
  });

  test('the file spells weights[l][j][i] from neuron i of layer l to neuron j of layer l+1', () => {
    // [2,2,1] params: W¹ rows (into hidden neuron 0, then 1), b¹, W², b²
    const net = createNetwork([2, 2, 1], ['sigmoid', 'sigmoid'], Float64Array.from([11, 12, 21, 22, 1, 2, 31, 32, 3]));
    const file = toNetworkFile(net);
    expect(file).toEqual({
      format: NETWORK_FORMAT,
      version: 1,
      layers: [2, 2, 1],
      activations: ['sigmoid', 'sigmoid'],
      weights: [
        [
          [11, 12],
          [21, 22],
        ],
        [[31, 32]],
      ],
      biases: [[1, 2], [3]],
    });
  });

  test('the smallest and largest doubles survive the trip', () => {
    const net = createNetwork([1, 1], ['linear'], Float64Array.from([5e-324, -1.7976931348623157e308]));
    const parsed = parseNetworkFile(serializeNetwork(net));
    expect(parsed.ok && Array.from(parsed.value.params)).toEqual([5e-324, -1.7976931348623157e308]);
  });

  test('a parsed file is a new network, independent of the one serialized', () => {
    const net = initializeNetwork([2, 3, 1], ['tanh', 'sigmoid'], 'normal', 3);
    const parsed = parseNetworkFile(serializeNetwork(net));
    if (!parsed.ok) throw new EngineError(parsed.error);
    parsed.value.params[0] += 1;
    expect(parsed.value.params[0]).not.toBe(net.params[0]);
  });
});

describe('a byte-order mark', () => {
  test('a file that starts with a UTF-8 byte-order mark reads as the same network (the page accepts it, so does every path)', () => {
    const net = initializeNetwork([2, 3, 1], ['tanh', 'sigmoid'], 'normal', 4);
    const plain = parseNetworkFile(serializeNetwork(net));
    const marked = parseNetworkFile(`\uFEFF${serializeNetwork(net)}`);
    expect(marked.ok).toBe(true);
    expect(marked).toEqual(plain);
  });

  test('a syntax error after the mark still names the line and column of the text without it', () => {
    const result = parseNetworkFile('\uFEFF{\n  "format": ,\n}');
    expect(result.ok ? '' : englishText(result.error)).toMatch(/not valid JSON: expected a value \(line 2, column 13\)/);
  });
});

describe('rejection names the field', () => {
  test('the valid base file parses', () => {
    expect(parseNetworkFile(JSON.stringify(validFile())).ok).toBe(true);
  });

  test.each([
    ['format wrong', ['format'], 'backprop-lab/model', /^format: /],
    ['format missing', ['format'], undefined, /^format: .*nothing/],
    ['version 2', ['version'], 2, /^version: /],
    ['version as a string', ['version'], '1', /^version: /],
    ['version missing', ['version'], undefined, /^version: /],
    ['layers not an array', ['layers'], '2,2,1', /^layers: /],
    ['layers too short', ['layers'], [2], /^layers: /],
    ['a layer of 0 neurons', ['layers', 1], 0, /^layers\[1\]: /],
    ['a fractional layer size', ['layers', 1], 1.5, /^layers\[1\]: /],
    ['a layer size as a string', ['layers', 0], '2', /^layers\[0\]: /],
    ['a hidden layer of 65', ['layers', 1], 65, /^layers\[1\]: /],
    ['activations not an array', ['activations'], 'sigmoid', /^activations: /],
    ['an unknown activation', ['activations', 1], 'softmax', /^activations\[1\]: .*softmax/],
    ['an activation that is not a string', ['activations', 0], 3, /^activations\[0\]: /],
    ['one activation too few', ['activations'], ['sigmoid'], /^activations: /],
    ['weights missing', ['weights'], undefined, /^weights: /],
    [
      'one weight matrix too few',
      ['weights'],
      [
        [
          [0.5, -1.25],
          [2, 0.75],
        ],
      ],
      /^weights: /,
    ],
    ['a matrix with a row too few', ['weights', 0], [[0.5, -1.25]], /^weights\[0\]: /],
    ['a row one number short', ['weights', 1, 0], [1.5], /^weights\[1\]\[0\]: /],
    ['a row that is a number', ['weights', 0, 1], 2, /^weights\[0\]\[1\]: /],
    ['a weight as a string', ['weights', 0, 1, 0], '2', /^weights\[0\]\[1\]\[0\]: /],
    ['NaN as a string', ['weights', 1, 0, 1], 'NaN', /^weights\[1\]\[0\]\[1\]: .*"NaN"/],
    ['a null weight', ['weights', 0, 0, 0], null, /^weights\[0\]\[0\]\[0\]: /],
    ['biases not an array', ['biases'], 0, /^biases: /],
    ['one bias vector too few', ['biases'], [[0.1, -0.2]], /^biases: /],
    ['a bias vector too long', ['biases', 1], [0.3, 0.4], /^biases\[1\]: /],
    ['a bias as a string', ['biases', 0, 1], '-0.2', /^biases\[0\]\[1\]: /],
    ['a bias that is an object', ['biases', 0, 0], { value: 1 }, /^biases\[0\]\[0\]: /],
    ['leakySlope as a string', ['leakySlope'], '0.1', /^leakySlope: /],
    ['leakySlope null', ['leakySlope'], null, /^leakySlope: /],
  ] as const)('%s', (_, path, value, field) => {
    expectError(withField([...path], value), field);
  });

  test('a number too large for a double (1e400 parses as Infinity) is refused by its field', () => {
    expectError(JSON.stringify(validFile()).replace('0.75', '1e400'), /^weights\[0\]\[1\]\[1\]: expected a finite number/);
  });

  test.each([['[]'], ['42'], ['null'], ['"network"']])('%s is not a JSON object', (text) => {
    expectError(text, /expected a JSON object/);
  });

  test.each([
    ['a trailing comma', '{\n  "format": "backprop-lab/network",\n  "version": 1,\n}', 4],
    ['a bare word', '{\n  "format": "backprop-lab/network",\n  "version": tru\n}', 3],
    ['a cut-off file', '{\n  "format": "backprop-lab/network",\n  "layers": [2, 2', 3],
    ['an empty file', '', 1],
    ['NaN as a number', '{\n\n  "weights": [NaN]\n}', 3],
  ])('invalid JSON (%s) names the line', (_, text, line) => {
    expectError(text, new RegExp(`^not valid JSON: .*\\(line ${line}, column \\d+\\)$`));
  });

  test('a file over the size limit is refused before parsing', () => {
    expectError(' '.repeat(MAX_NETWORK_FILE_BYTES + 1), /too large/);
  });

  test('parsing never throws, whatever the text or the structure', () => {
    const field = fc.constantFrom('format', 'version', 'layers', 'activations', 'weights', 'biases', 'leakySlope');
    const mutatedFile = fc.tuple(field, fc.jsonValue()).map(([key, value]) => JSON.stringify({ ...validFile(), [key]: value }));
    const text = fc.oneof(
      fc.string(),
      fc.json(),
      mutatedFile,
      fc.string().map((s) => JSON.stringify(validFile()).slice(0, s.length * 3)),
    );
    fc.assert(
      fc.property(text, (t) => {
        const result = parseNetworkFile(t);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(englishText(result.error).length).toBeGreaterThan(0);
      }),
      { seed: 17, numRuns: 1000 },
    );
  });
});

describe('absurd nesting', () => {
  test('200,000 open brackets or a deeply nested field give an error, never a throw', async () => {
    const { parseNetworkFile } = await import('../../src/engine/networkFile');
    const { parseDatasetJson } = await import('../../src/engine/csv');
    const deep = '['.repeat(200_000);
    for (const text of [deep, `{"format": ${deep}`, `{"format": ${'['.repeat(5000)}${']'.repeat(5000)}}`]) {
      const network = parseNetworkFile(text);
      expect(network.ok).toBe(false);
      const dataset = parseDatasetJson(text);
      expect(dataset.ok).toBe(false);
    }
    const nested = parseNetworkFile(`{"format": ${'['.repeat(5000)}${']'.repeat(5000)}}`);
    expect(!nested.ok && englishText(nested.error).length).toBeLessThan(200);
  });
});
