/**
 * One set of limits for every way in (issue 16, defect 6): what typing, a file, a link, storage,
 * the worker or the CLI accepts, every other one accepts too, and it survives link → reload and
 * storage → reload unchanged. Property-tested over every number of the engine's settings table.
 */
import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import { type AnySetting, CONFIG_SETTINGS, DEFAULT_CONFIG, type LabConfig, type NumberSetting, STOP_SETTINGS, initializeNetwork } from '../../src/engine';
import { parseNetworkFile, serializeNetwork } from '../../src/engine/networkFile';
import { createLabStore } from '../../src/store/labStore';
import { type SettingsStorage, loadSettings, saveSettings } from '../../src/app/storage/persist';
import { formatNumber } from '../../src/app/links/properties';
import { createSharedLabStore } from '../../src/app/storage/startup';
import { settingsOfState } from '../../src/app/storage/storeBridge';
import { LAB_UI_PROPERTIES, decodeSettings, encodeSettings } from '../../src/app/links/urlState';
import { readSetup } from '../../src/cli/setup';
import { checkedStop } from '../../src/worker/lab/commandChecks';
import { parseStartCount } from '../../src/views/sweep/sweepFormat';
import { said } from '../englishText';

function memoryStorage(): SettingsStorage {
  const items = new Map<string, string>();
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

const numberFields = (Object.keys(CONFIG_SETTINGS) as (keyof LabConfig)[]).filter(
  (field) => (CONFIG_SETTINGS[field] as AnySetting).kind === 'number',
) as (keyof LabConfig & string)[];

/** Values around a setting's limits, typical ones, and far-out finite doubles. */
function valuesFor(setting: NumberSetting): fc.Arbitrary<number> {
  const { min, max } = setting;
  return fc.oneof(
    fc.constantFrom(
      min,
      max,
      min - 1,
      max + 1,
      max * 2,
      -0,
      0,
      0.5,
      1,
      5,
      -1,
      -1e300,
      1e300,
      4294967296,
      Number.MIN_VALUE,
      1e-300,
      max - 0.5,
      min + Number.EPSILON,
    ),
    fc.integer({ min: -1000, max: 1000 }),
    fc.double({ min: min - 10, max: max * 2 + 10, noNaN: true, noDefaultInfinity: true }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
  );
}

/** The same value as a setting keeps it: a whole number has no −0. */
const same = (setting: NumberSetting, a: unknown, b: number) => (setting.whole ? a === b : Object.is(a, b));

/** Is `value` accepted through each way in, and does an accepted one survive a link and a reload? */
function throughEveryWay(field: keyof LabConfig & string, value: number) {
  const setting = CONFIG_SETTINGS[field] as NumberSetting;
  const text = formatNumber(value);
  // typing: the store's action behind every control
  const store = createLabStore();
  const typed = store.getState().setConfig({ [field]: value } as Partial<LabConfig>) === null;
  // a link
  const fromLink = decodeSettings(`${setting.key}=${encodeURIComponent(text)}`, LAB_UI_PROPERTIES);
  const linked = fromLink.notes.length === 0 && same(setting, fromLink.config[field], value);
  // the CLI
  let cli = false;
  try {
    cli = same(setting, readSetup({ [setting.flag as string]: text }).config[field], value);
  } catch {
    cli = false;
  }
  return { typed, linked, cli, store };
}

describe('one set of limits for every LabConfig number', () => {
  test.each(numberFields)('%s: typing, a link and the CLI accept the same values, and what is typed survives link and storage reloads', (field) => {
    const setting = CONFIG_SETTINGS[field] as NumberSetting;
    fc.assert(
      fc.property(valuesFor(setting), (value) => {
        const { typed, linked, cli, store } = throughEveryWay(field, value);
        expect({ typed, cli }).toEqual({ typed: linked, cli: linked });
        if (!typed) return;
        const settings = settingsOfState(store.getState());
        const reloaded = decodeSettings(encodeSettings(settings, LAB_UI_PROPERTIES), LAB_UI_PROPERTIES);
        expect(reloaded.notes).toEqual([]);
        expect(same(setting, reloaded.config[field], value)).toBe(true);
        const storage = memoryStorage();
        expect(saveSettings(storage, settings, LAB_UI_PROPERTIES)).toBeNull();
        const loaded = loadSettings(storage, LAB_UI_PROPERTIES);
        expect(loaded.notes).toEqual([]);
        expect(same(setting, loaded.config[field], value)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a leaky slope of 5 or −1e300 is refused by the file parser, the CLI and the store alike (a link refuses it)', () => {
    const net = initializeNetwork([2, 2, 1], ['leakyRelu', 'sigmoid'], 'he', 1, 0.2);
    for (const slope of [5, -1e300, -0.01, 1.0000001]) {
      const file = serializeNetwork({ ...net, leakySlope: slope });
      const parsed = parseNetworkFile(file);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(said(parsed.error)).toMatch(/^leakySlope: expected a number from 0 to 1/);
      expect(throughEveryWay('leakySlope', slope)).toMatchObject({ typed: false, linked: false, cli: false });
    }
    for (const slope of [0, 0.3, 1]) expect(parseNetworkFile(serializeNetwork({ ...net, leakySlope: slope })).ok).toBe(true);
  });
});

describe('one set of limits for the stop conditions', () => {
  const uiField = { maxEpochs: 'stopAfter', targetCost: 'targetCost' } as const;
  test.each(['maxEpochs', 'targetCost'] as const)('%s: typing, a link and the worker accept the same values, and what is typed survives a reload', (field) => {
    const setting = STOP_SETTINGS[field];
    fc.assert(
      fc.property(valuesFor(setting), (value) => {
        const store = createLabStore();
        const typed = store.getState().setStop({ [field]: value }) === null;
        const fromLink = decodeSettings(`${setting.key}=${encodeURIComponent(formatNumber(value))}`, LAB_UI_PROPERTIES);
        const linked = fromLink.notes.length === 0 && same(setting, fromLink.ui[uiField[field]], value);
        let worker = true;
        try {
          checkedStop({ [field]: value });
        } catch {
          worker = false;
        }
        expect({ typed, worker }).toEqual({ typed: linked, worker: linked });
        if (!typed) return;
        const storage = memoryStorage();
        expect(saveSettings(storage, settingsOfState(store.getState()), LAB_UI_PROPERTIES)).toBeNull();
        const loaded = loadSettings(storage, LAB_UI_PROPERTIES);
        expect(loaded.notes).toEqual([]);
        expect(same(setting, loaded.ui[uiField[field]], value)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a target cost of 4294967296 typed in the page is refused, so it is never saved and dropped after a reload', () => {
    const store = createLabStore();
    expect(said(store.getState().setStop({ targetCost: 4294967296 }))).toMatch(/^target cost: expected a number from 0 to 1,000,000/);
    expect(store.getState().stop.targetCost).toBe(0);
  });
});

describe('small things a link or a field said oddly (issue 16, defect 12)', () => {
  it('seed=-0 opens as seed 0 and the rewritten link says 0', () => {
    const decoded = decodeSettings('seed=-0&dseed=-0', LAB_UI_PROPERTIES);
    expect(decoded.notes).toEqual([]);
    expect(Object.is(decoded.config.seed, 0)).toBe(true);
    // the page rewrites its address from the store it opened with (startup.ts, keepPageSettings)
    const store = createSharedLabStore({ search: '?seed=-0&dseed=-0&stop=-0', storage: memoryStorage() });
    const query = encodeSettings(settingsOfState(store.getState()), LAB_UI_PROPERTIES);
    expect([query.get('seed'), query.get('dseed'), query.get('stop')]).toEqual(['0', '0', '0']);
  });

  it('a 5,000-digit start count is refused in plain words, not "Infinity is outside …"', () => {
    const read = parseStartCount('9'.repeat(5000), 1000, 'Starts', 100);
    expect(read.ok || said(read.problem)).toBe(`Starts: “${'9'.repeat(40)}…” is not a number; try e.g. 100`);
    const long = parseStartCount('12345678901234567890', 1000, 'Starts', 100);
    expect(long.ok || said(long.problem)).toBe('Starts: expected a whole number from 1 to 1,000, got 12,345,678,901,234,567,000');
  });
});

describe('the table is the defaults', () => {
  it("DEFAULT_CONFIG holds each setting's declared default", () => {
    for (const [field, setting] of Object.entries(CONFIG_SETTINGS) as [keyof LabConfig, AnySetting][])
      expect(DEFAULT_CONFIG[field]).toEqual(setting.defaultValue);
  });
});
