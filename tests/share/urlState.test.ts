import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type LabConfig, configError } from '../../src/engine';
import { switchProperty, wholeListProperty } from '../../src/app/links/properties';
import {
  CONFIG_PROPERTIES,
  LAB_UI_PROPERTIES,
  MAX_NOTES,
  MAX_QUERY_LENGTH,
  type Settings,
  decodeSettings,
  defaultSettings,
  encodeSettings,
  settingsLink,
} from '../../src/app/links/urlState';
import { validSettings } from './arbitraries';
import { said, wordedNote } from '../englishText';

const U = LAB_UI_PROPERTIES;
type LabSettings = Settings<typeof U>;

function withConfig(patch: Partial<LabConfig>): LabSettings {
  const base = defaultSettings(U);
  return { ...base, config: { ...base.config, ...patch } };
}

function linkOf(query: string) {
  return decodeSettings(query, U);
}

function messages(query: string): (string | null)[] {
  return linkOf(query).notes.map((note) => said(note.message));
}

describe('URL keys', () => {
  it('every LabConfig field has a distinct short key, and the UI keys do not collide with them', () => {
    const fields = Object.keys(DEFAULT_CONFIG).sort();
    expect(Object.keys(CONFIG_PROPERTIES).sort()).toEqual(fields);
    const keys = [...Object.values(CONFIG_PROPERTIES), ...Object.values(U)].map((property) => property.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-z]{1,8}$/);
  });

  it('each property default is the engine default', () => {
    for (const [field, property] of Object.entries(CONFIG_PROPERTIES)) expect(property.defaultValue).toEqual(DEFAULT_CONFIG[field as keyof LabConfig]);
  });

  it('the default settings encode to a short readable query with a version', () => {
    const query = encodeSettings(defaultSettings(U), U).toString();
    expect(query).toMatch(/^v=1&data=XOR&hidden=4&act=sigmoid&out=sigmoid&cost=crossEntropy&deriv=correct&lr=0\.35&/);
    expect(query.length).toBeLessThan(260);
  });

  it('a table whose UI key repeats a config key is refused when used (a programming error)', () => {
    const bad = { clash: switchProperty('lr', 'Clash', false) };
    expect(() => decodeSettings('', bad)).toThrow(TypeError);
  });
});

describe('round trip', () => {
  it('decode(encode(s)) gives back exactly s, with no notes (2,000 random valid settings)', () => {
    fc.assert(
      fc.property(validSettings, (settings) => {
        const decoded = decodeSettings(encodeSettings(settings, U), U);
        expect(decoded.notes).toEqual([]);
        // spreads: fast-check may build null-prototype records
        expect(decoded.config).toStrictEqual({ ...settings.config });
        expect(decoded.ui).toStrictEqual({ ...settings.ui });
        for (const field of ['learningRate', 'leakySlope'] as const) expect(Object.is(decoded.config[field], settings.config[field])).toBe(true);
      }),
      { seed: 6001, numRuns: 2000 },
    );
  });

  it('survives a full link through new URL()', () => {
    const settings = withConfig({ learningRate: 1e-7, hidden: [16, 8, 3], seed: 4294967295, leakySlope: 0.1 });
    const link = settingsLink('https://lab.example/app/?old=1#frag', settings, U);
    expect(link.startsWith('https://lab.example/app/?v=1&')).toBe(true);
    expect(link).not.toContain('#');
    expect(decodeSettings(new URL(link).search, U).config).toStrictEqual(settings.config);
  });

  it('a query without the learner-irrelevant keys takes them from the fallback', () => {
    const fallback = withConfig({ seed: 42, learningRate: 2 });
    const decoded = decodeSettings('?data=AND', U, fallback);
    expect(decoded.config).toStrictEqual({ ...fallback.config, dataset: 'AND' });
    expect(decoded.accepted).toEqual(['data']);
    expect(decoded.notes).toEqual([]);
  });

  it('an empty hidden list means no hidden layers and round-trips', () => {
    const settings = withConfig({ hidden: [] });
    expect(encodeSettings(settings, U).get('hidden')).toBe('');
    expect(decodeSettings(encodeSettings(settings, U), U).config.hidden).toEqual([]);
  });
});

describe('notes for every kind of bad value', () => {
  it.each([
    ['lr=abc', 'Learning rate (lr) in the link: "abc" is not a number; kept 0.35.'],
    ['lr=0', 'Learning rate (lr) in the link: 0 is outside the allowed range (above 0 and at most 1000000); kept 0.35.'],
    ['lr=-1', 'Learning rate (lr) in the link: -1 is outside the allowed range (above 0 and at most 1000000); kept 0.35.'],
    ['lr=NaN', 'Learning rate (lr) in the link: "NaN" is not a number; kept 0.35.'],
    ['lr=Infinity', 'Learning rate (lr) in the link: "Infinity" is not a number; kept 0.35.'],
    ['lr=0x10', 'Learning rate (lr) in the link: "0x10" is not a number; kept 0.35.'],
    ['seed=1e400', 'Seed (seed) in the link: "1e400" is too large to be a number; kept 1.'],
    ['seed=4294967296', 'Seed (seed) in the link: 4294967296 is outside the allowed range (from 0 to 4294967295); kept 1.'],
    ['epochs=2.5', 'Epochs (epochs) in the link: 2.5 is not a whole number; kept 60000.'],
    ['batch=-1', 'Batch size (batch) in the link: -1 is outside the allowed range (from 0 to 10000); kept 0.'],
    ['leak=2', 'Leaky ReLU slope (leak) in the link: 2 is outside the allowed range (from 0 to 1); kept 0.01.'],
    ['data=MNIST', 'Dataset (data) in the link: "MNIST" is not one of OR, AND, XOR, NAND, NOR, XNOR, circle, gaussians, spiral, quadrants; kept XOR.'],
    ['act=%3Cimg%20src%3Dx%3E', 'Hidden activation (act) in the link: "<img src=x>" is not one of sigmoid, tanh, relu, leakyRelu, linear; kept sigmoid.'],
    ['freeze=yes', 'Freeze biases (freeze) in the link: "yes" is not 1 or 0; kept 0.'],
    ['hidden=4;4', 'Hidden layers (hidden) in the link: "4;4" is not a list of whole numbers like 4,4; kept 4.'],
    ['hidden=4,0', 'Hidden layers (hidden) in the link: 4,0 has an item outside 1 to 64; kept 4.'],
    ['hidden=1,1,1,1,1,1,1,1,1', 'Hidden layers (hidden) in the link: 9 items is too many (at most 8); kept 4.'],
    ['speed=7', 'Speed (speed) in the link: "7" is not one of 1, 10, 100, 1000, max; kept 1000.'],
    ['stop=-5', 'Stop after (stop) in the link: -5 is outside the allowed range (from 0 to 10000000); kept 60000.'],
    ['target=abc', 'Target cost (target) in the link: "abc" is not a number; kept 0.'],
    ['lr=1&lr=2', 'Learning rate (lr) is given more than once in the link; used the first.'],
    ['v=2', 'Settings in the link are from format version "2" (this lab reads version 1); read what matched.'],
    ['__proto__=1&constructor=2', 'Ignored unknown settings in the link: "__proto__", "constructor".'],
    ['a=1&b=1&c=1&d=1&e=1&f=1&g=1', 'Ignored unknown settings in the link: "a", "b", "c", "d", "e" and 2 more.'],
    ['zz=1', 'Ignored unknown setting in the link: "zz".'],
  ])('%s', (query, message) => {
    expect(messages(query)).toEqual([message]);
  });

  it('a value longer than 64 characters is refused, and the note quotes only its start', () => {
    const [message] = messages(`lr=${'1'.repeat(65)}`);
    expect(message).toBe(`Learning rate (lr) in the link: "${'1'.repeat(40)}…" is too long (at most 64 characters); kept 0.35.`);
  });

  it('control characters in a bad value are escaped in the note', () => {
    const [message] = messages(`data=${encodeURIComponent('a\nb\u0000c')}`);
    expect(message).toContain('"a\\nb\\u0000c"');
  });

  it('a query longer than the limit is refused whole', () => {
    const decoded = linkOf(`data=AND&x=${'a'.repeat(MAX_QUERY_LENGTH)}`);
    expect(decoded.config).toStrictEqual(DEFAULT_CONFIG);
    expect(decoded.notes.map((note) => said(note.message))).toEqual([
      `Settings in the link are too long (${MAX_QUERY_LENGTH + 11} characters, at most ${MAX_QUERY_LENGTH}); using the current settings.`,
    ]);
  });

  it('something that is not a query at all gives the fallback and a note', () => {
    const decoded = decodeSettings(42 as unknown as string, U);
    expect(decoded.config).toStrictEqual(DEFAULT_CONFIG);
    expect(decoded.notes.map(wordedNote)).toEqual([{ key: '', message: 'Settings in the link could not be read; using the current settings.' }]);
  });

  it('notes stop at the cap and say how many more there were', () => {
    const query = Array.from({ length: 20 }, (_, k) => `lr=${k}x`).join('&');
    const notes = linkOf(query).notes;
    expect(notes).toHaveLength(MAX_NOTES + 1);
    expect(said(notes[MAX_NOTES].message)).toBe(`…and ${20 - MAX_NOTES} more problems.`);
  });

  it("the origin named in notes is the caller's", () => {
    const notes = decodeSettings('lr=x', U, defaultSettings(U), 'saved').notes;
    expect(said(notes[0].message)).toBe('Learning rate (lr) in the saved settings: "x" is not a number; kept 0.35.');
  });

  it('a good value next to a bad one is still taken', () => {
    const decoded = linkOf('data=AND&lr=abc&seed=7');
    expect(decoded.config).toStrictEqual({ ...DEFAULT_CONFIG, dataset: 'AND', seed: 7 });
    expect(decoded.accepted).toEqual(['data', 'seed']);
  });
});

describe('settings that do not work together', () => {
  it("an output activation that cross-entropy cannot use falls back and the note gives the engine's reason", () => {
    const decoded = linkOf('out=relu');
    expect(decoded.config.outputActivation).toBe('sigmoid');
    expect(decoded.notes).toHaveLength(1);
    expect(decoded.notes[0].key).toBe('out');
    expect(said(decoded.notes[0].message)).toMatch(
      /^Output activation \(out\) in the link does not work with the other settings \(cost: cross-entropy needs a sigmoid output layer.*\); kept sigmoid\.$/,
    );
    expect(configError(decoded.config)).toBeNull();
  });

  it('the same pair is fine when the cost is quadratic', () => {
    const decoded = linkOf('out=relu&cost=quadratic');
    expect(decoded.notes).toEqual([]);
    expect(decoded.config.outputActivation).toBe('relu');
  });

  it('the field put back is the one that fixes the combination', () => {
    // fallback uses quadratic + relu; the link asks for cross-entropy only: the cost goes back
    const fallback = withConfig({ cost: 'quadratic', outputActivation: 'relu' });
    const decoded = decodeSettings('cost=crossEntropy', U, fallback);
    expect(decoded.config.cost).toBe('quadratic');
    expect(decoded.notes[0].key).toBe('cost');
    expect(decoded.accepted).toEqual([]);
  });

  it('an invalid fallback is replaced by the engine defaults', () => {
    const broken = withConfig({ learningRate: -1 });
    expect(decodeSettings('', U, broken).config).toStrictEqual(DEFAULT_CONFIG);
  });
});

describe('list property', () => {
  it('reads leading zeros as the same numbers', () => {
    const decoded = linkOf('hidden=04,002');
    expect(decoded.config.hidden).toEqual([4, 2]);
  });

  it('a standalone list property keeps its own default as a copy', () => {
    const defaults = [3, 3];
    const property = wholeListProperty('h', 'H', { maxItems: 4, min: 1, max: 9 }, defaults);
    expect(property.defaultValue).toEqual([3, 3]);
    expect(property.defaultValue).not.toBe(defaults);
  });
});
