import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { type Network, initializeNetwork } from '../../src/engine';
import { MAX_NETWORK_FILE_BYTES, toNetworkFile } from '../../src/engine/networkFile';
import { errorText, exportNetworkText, importNetworkText } from '../../src/app/files/files';

const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
afterEach(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

const net = initializeNetwork([2, 3, 1], ['tanh', 'sigmoid'], 'xavier', 7);
const goodFile = () => toNetworkFile(net) as unknown as Record<string, unknown>;

function errorOf(text: string): string {
  const result = importNetworkText(text);
  if (result.ok) throw new Error('expected an error');
  return errorText(result.error);
}

describe('network file import', () => {
  it('an exported network imports to the same network', () => {
    const result = importNetworkText(exportNetworkText(net));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.sizes).toEqual(net.sizes);
    expect(result.value.activations).toEqual(net.activations);
    expect(result.value.params).toEqual(net.params);
  });

  it('random networks round-trip through the file bit for bit (300 runs)', () => {
    const shape = fc.record({
      hidden: fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 3 }),
      activation: fc.constantFrom('sigmoid', 'tanh', 'relu', 'leakyRelu', 'linear' as const),
      init: fc.constantFrom('normal', 'xavier', 'he' as const),
      seed: fc.integer({ min: 0, max: 0xffffffff }),
    });
    fc.assert(
      fc.property(shape, ({ hidden, activation, init, seed }) => {
        const sizes = [2, ...hidden, 1];
        const original: Network = initializeNetwork(sizes, [...hidden.map(() => activation), 'sigmoid'], init, seed, 0.2);
        const result = importNetworkText(exportNetworkText(original));
        if (!result.ok) throw new Error(errorText(result.error));
        expect(result.value.params).toEqual(original.params);
        expect(result.value.leakySlope).toBe(activation === 'leakyRelu' && hidden.length > 0 ? 0.2 : 0.01);
      }),
      { seed: 6201, numRuns: 300 },
    );
  });

  it.each([
    ['{', /^Network file: not valid JSON: .*\(line 1, column 2\)$/],
    ['{\n  "format": "backprop-lab/network",\n  "version": 1,\n  oops\n}', /^Network file: not valid JSON: .*\(line 4, column 3\)$/],
    ['[]', /^Network file: expected a JSON object$/],
    ['{"format": "other"}', /^Network file: format: expected "backprop-lab\/network", got "other"$/],
  ])('syntax and format errors name the line or the field: %j', (text, pattern) => {
    expect(errorOf(text)).toMatch(pattern);
  });

  it('a wrong weight names its place', () => {
    const file = goodFile();
    (file.weights as number[][][])[1][0][2] = Number.NaN;
    expect(errorOf(JSON.stringify(file))).toBe('Network file: weights[1][0][2]: expected a finite number, got null');
  });

  it('a missing bias vector names the field', () => {
    const file = goodFile();
    (file.biases as unknown[]).pop();
    expect(errorOf(JSON.stringify(file))).toBe('Network file: biases: expected 2 vectors (one per non-input layer)');
  });

  it('a file over the size limit is refused before parsing', () => {
    expect(errorOf(' '.repeat(MAX_NETWORK_FILE_BYTES + 1))).toBe(
      `Network file: too large (${MAX_NETWORK_FILE_BYTES + 1} characters, limit ${MAX_NETWORK_FILE_BYTES})`,
    );
  });

  it('deep nesting, valid or not, is an error and never a crash', () => {
    for (const text of ['['.repeat(200_000), `${'['.repeat(50_000)}${']'.repeat(50_000)}`, `{"format": ${'['.repeat(20_000)}1${']'.repeat(20_000)}}`]) {
      const result = importNetworkText(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(errorText(result.error).length).toBeLessThanOrEqual(300);
    }
  });

  it('pathological nesting becomes a plain, short message', () => {
    const result = importNetworkText('['.repeat(200_000));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(errorText(result.error)).toMatch(/^Network file: not valid JSON: .*nesting too deep/);
      expect(errorText(result.error).length).toBeLessThanOrEqual(300);
    }
  });

  it('something that is not text is refused', () => {
    const notText = importNetworkText(new Uint8Array(4));
    expect(notText.ok ? '' : errorText(notText.error)).toBe('Network file: expected text');
  });

  it('a huge string value is reported briefly', () => {
    const error = errorOf(JSON.stringify({ format: 'x'.repeat(100_000) }));
    expect(error.length).toBeLessThanOrEqual(300);
    expect(error.startsWith('Network file: format: expected "backprop-lab/network", got "xxx')).toBe(true);
  });

  it('prototype-pollution keys in the file do nothing', () => {
    const text = `{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}, ${exportNetworkText(net).trim().slice(1)}`;
    const result = importNetworkText(text);
    expect(result.ok).toBe(true);
  });
});

describe('network file importer under hostile input', () => {
  const hostile = fc.oneof(
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1, 0, 1e308, 2 ** 53, 'sigmoid', null, true, [], {}, [[[]]], '__proto__', { __proto__: null }),
    fc.jsonValue({ maxDepth: 4 }),
  );
  const fields = ['format', 'version', 'layers', 'activations', 'weights', 'biases', 'leakySlope', '__proto__', 'constructor'];

  /** A good file with one field (or one deep element) replaced by something hostile. */
  const mutatedFile = fc.tuple(fc.constantFrom(...fields), hostile, fc.nat(), fc.boolean()).map(([field, value, index, deep]) => {
    const file = goodFile();
    const target = file[field];
    if (deep && Array.isArray(target) && target.length > 0) {
      const inner = target[index % target.length];
      if (Array.isArray(inner) && inner.length > 0) inner[index % inner.length] = value;
      else target[index % target.length] = value;
    } else Object.defineProperty(file, field, { value, enumerable: true, configurable: true, writable: true });
    return JSON.stringify(file) ?? 'undefined';
  });

  const text = fc.oneof(
    mutatedFile,
    fc.jsonValue().map((value) => JSON.stringify(value)),
    fc.string({ maxLength: 300 }),
    fc.string({ unit: 'binary', maxLength: 300 }),
  );

  it('4,000 hostile files: a whole network or one short error, never a throw', () => {
    fc.assert(
      fc.property(text, (input) => {
        const result = importNetworkText(input);
        if (result.ok) {
          const { sizes, params } = result.value;
          expect(sizes.length).toBeGreaterThanOrEqual(2);
          for (const value of params) expect(Number.isFinite(value)).toBe(true);
        } else {
          expect(errorText(result.error)).toMatch(/^Network file: /);
          expect(errorText(result.error).length).toBeLessThanOrEqual(300);
        }
      }),
      { seed: 6202, numRuns: 4000 },
    );
  });

  it('importing never touches the network that is currently loaded', () => {
    const current = initializeNetwork([2, 2, 1], ['sigmoid', 'sigmoid'], 'normal', 3);
    const before = Float64Array.from(current.params);
    fc.assert(
      fc.property(text, (input) => {
        importNetworkText(input);
        expect(current.params).toEqual(before);
      }),
      { seed: 6203, numRuns: 500 },
    );
  });
});
