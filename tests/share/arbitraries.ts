/** fast-check generators shared by the sharing tests: valid settings and hostile query text. */
import fc from 'fast-check';
import { ACTIVATIONS, COSTS, DATASETS, DERIVATIVE_MODES, GRADIENT_DIVISORS, INIT_METHODS, type LabConfig, SIGMOID_FORMS } from '../../src/engine';
import { SPEEDS } from '../../src/worker/protocol';
import { CONFIG_PROPERTIES, LAB_UI_PROPERTIES, type Settings } from '../../src/app/share/urlState';

const positiveDouble = fc.double({ min: Number.MIN_VALUE, max: 1e6, noNaN: true, noDefaultInfinity: true });

const config: fc.Arbitrary<LabConfig> = fc
  .record({
    dataset: fc.constantFrom(...DATASETS),
    hidden: fc.array(fc.integer({ min: 1, max: 64 }), { maxLength: 8 }),
    hiddenActivation: fc.constantFrom(...ACTIVATIONS),
    outputActivation: fc.constantFrom(...ACTIVATIONS),
    cost: fc.constantFrom(...COSTS),
    derivative: fc.constantFrom(...DERIVATIVE_MODES),
    learningRate: positiveDouble,
    batchSize: fc.integer({ min: 0, max: 10_000 }),
    init: fc.constantFrom(...INIT_METHODS),
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    dataSeed: fc.integer({ min: 0, max: 0xffffffff }),
    epochs: fc.integer({ min: 1, max: 100_000_000 }),
    gradientDivisor: fc.constantFrom(...GRADIENT_DIVISORS),
    sigmoidForm: fc.constantFrom(...SIGMOID_FORMS),
    freezeBiases: fc.boolean(),
    leakySlope: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  // cross-entropy needs a sigmoid output: the engine's only cross-field rule
  .map((c) => (c.cost === 'crossEntropy' ? { ...c, outputActivation: 'sigmoid' as const } : c));

export const validSettings: fc.Arbitrary<Settings<typeof LAB_UI_PROPERTIES>> = fc.record({
  config,
  ui: fc.record({
    speed: fc.constantFrom(...SPEEDS),
    rounded: fc.boolean(),
    costScale: fc.constantFrom('linear', 'log' as const),
    stopAfter: fc.integer({ min: 0, max: 10_000_000 }),
    targetCost: fc.double({ min: 0, max: 1e6, noNaN: true }),
  }),
});

const realKeys = [...Object.values(CONFIG_PROPERTIES), ...Object.values(LAB_UI_PROPERTIES)].map((property) => property.key);

/** Keys a hostile or sloppy link might carry. */
export const hostileKey = fc.oneof(
  fc.constantFrom(...realKeys, 'v', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__', ''),
  fc.string({ maxLength: 12 }),
);

/** Values a hostile or sloppy link might carry. */
export const hostileValue = fc.oneof(
  fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e309', '-1e309', '1e-400', '-0', '0', '', ' ', '1,2,3', '64,64,64,64,64,64,64,64,64', '{"a":1}', '[[[[[[1]]]]]]', 'true', 'null', 'undefined', '__proto__', '<script>alert(1)</script>', '9'.repeat(400), '0x1F', '1_000', '٣', '１'),
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.double().map(String),
  fc.integer().map(String),
  fc.array(fc.integer({ min: -2, max: 80 }), { maxLength: 12 }).map((items) => items.join(',')),
);

/** A query string built from hostile pairs, percent-encoded the way a browser would send it. */
export const hostileQuery = fc.oneof(
  fc.array(fc.tuple(hostileKey, hostileValue), { maxLength: 30 }).map((pairs) => new URLSearchParams(pairs).toString()),
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(fc.constantFrom('&', '=', '%', '%2', '%E0%A4%A', '+', '?', '#', 'lr', 'data', '1'), { maxLength: 60 }).map((parts) => parts.join('')),
);
