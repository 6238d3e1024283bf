/** fast-check generators shared by the sharing tests: valid settings and hostile query text. */
import fc from 'fast-check';
import { CONFIG_SETTINGS, type LabConfig, type NumberSetting, STOP_SETTINGS } from '../../src/engine';
import { SPEEDS } from '../../src/worker/lab/protocol';
import { CONFIG_PROPERTIES, LAB_UI_PROPERTIES, type Settings } from '../../src/app/links/urlState';

const S = CONFIG_SETTINGS;

/** Any value a number setting of the table allows (above its minimum where that is excluded). */
function numberIn(setting: NumberSetting): fc.Arbitrary<number> {
  if (setting.whole) return fc.integer({ min: setting.min, max: setting.max });
  const min = setting.minExclusive ? Number.MIN_VALUE + setting.min : setting.min;
  return fc.double({ min, max: setting.max, noNaN: true, noDefaultInfinity: true });
}

const config: fc.Arbitrary<LabConfig> = fc
  .record({
    dataset: fc.constantFrom(...S.dataset.choices),
    hidden: fc.array(fc.integer({ min: S.hidden.min, max: S.hidden.max }), { maxLength: S.hidden.maxItems }),
    hiddenActivation: fc.constantFrom(...S.hiddenActivation.choices),
    outputActivation: fc.constantFrom(...S.outputActivation.choices),
    cost: fc.constantFrom(...S.cost.choices),
    derivative: fc.constantFrom(...S.derivative.choices),
    learningRate: numberIn(S.learningRate),
    batchSize: numberIn(S.batchSize),
    init: fc.constantFrom(...S.init.choices),
    seed: numberIn(S.seed),
    dataSeed: numberIn(S.dataSeed),
    epochs: numberIn(S.epochs),
    gradientDivisor: fc.constantFrom(...S.gradientDivisor.choices),
    sigmoidForm: fc.constantFrom(...S.sigmoidForm.choices),
    freezeBiases: fc.boolean(),
    leakySlope: numberIn(S.leakySlope),
  })
  // cross-entropy needs a sigmoid output: the engine's only cross-field rule
  .map((c) => (c.cost === 'crossEntropy' ? { ...c, outputActivation: 'sigmoid' as const } : c));

export const validSettings: fc.Arbitrary<Settings<typeof LAB_UI_PROPERTIES>> = fc.record({
  config,
  ui: fc.record({
    speed: fc.constantFrom(...SPEEDS),
    rounded: fc.boolean(),
    costScale: fc.constantFrom('linear', 'log' as const),
    stopAfter: numberIn(STOP_SETTINGS.maxEpochs),
    targetCost: numberIn(STOP_SETTINGS.targetCost),
  }),
});

const realKeys = [...Object.values(CONFIG_PROPERTIES), ...Object.values(LAB_UI_PROPERTIES)].map((property) => property.key);

/** Keys a hostile or sloppy link might carry. */
const hostileKey = fc.oneof(
  fc.constantFrom(...realKeys, 'v', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__', ''),
  fc.string({ maxLength: 12 }),
);

/** Values a hostile or sloppy link might carry. */
const hostileValue = fc.oneof(
  fc.constantFrom(
    'NaN',
    'Infinity',
    '-Infinity',
    '1e309',
    '-1e309',
    '1e-400',
    '-0',
    '0',
    '',
    ' ',
    '1,2,3',
    '64,64,64,64,64,64,64,64,64',
    '{"a":1}',
    '[[[[[[1]]]]]]',
    'true',
    'null',
    'undefined',
    '__proto__',
    '<script>alert(1)</script>',
    '9'.repeat(400),
    '0x1F',
    '1_000',
    '٣',
    '１',
  ),
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
