import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, configError } from '../../src/engine';
import { STORAGE_KEY, type SettingsStorage, initialSettings, loadSettings, saveSettings } from '../../src/app/storage/persist';
import { LAB_UI_PROPERTIES, type Settings, defaultSettings, encodeSettings } from '../../src/app/links/urlState';
import { hostileQuery } from './arbitraries';
import { said, wordedNote } from '../englishText';

const U = LAB_UI_PROPERTIES;

/** A Map-backed stand-in for localStorage. */
class MemoryStorage implements SettingsStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

class BlockedStorage implements SettingsStorage {
  getItem(): string | null {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  }
  setItem() {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  }
}

class FullStorage extends MemoryStorage {
  setItem() {
    throw new DOMException('Setting the value exceeded the quota.', 'QuotaExceededError');
  }
}

function settings(patch: Partial<Settings<typeof U>['config']>, ui: Partial<Settings<typeof U>['ui']> = {}): Settings<typeof U> {
  const base = defaultSettings(U);
  return { config: { ...base.config, ...patch }, ui: { ...base.ui, ...ui } };
}

describe('saving and loading', () => {
  it('what is saved loads back exactly, with no notes', () => {
    const storage = new MemoryStorage();
    const saved = settings({ dataset: 'spiral', hidden: [8, 8], seed: 99, learningRate: 0.03 }, { rounded: true });
    expect(saveSettings(storage, saved, U)).toBeNull();
    const loaded = loadSettings(storage, U);
    expect(loaded.found).toBe(true);
    expect(loaded.notes).toEqual([]);
    expect(loaded.config).toStrictEqual(saved.config);
    expect(loaded.ui).toStrictEqual(saved.ui);
  });

  it('stores the same query text a link holds, under a versioned key', () => {
    const storage = new MemoryStorage();
    saveSettings(storage, defaultSettings(U), U);
    expect([...storage.items.keys()]).toEqual(['backprop-lab/settings/v1']);
    expect(JSON.parse(storage.items.get(STORAGE_KEY) ?? '')).toEqual({ query: encodeSettings(defaultSettings(U), U).toString() });
  });

  it('nothing saved: defaults, no note', () => {
    const loaded = loadSettings(new MemoryStorage(), U);
    expect(loaded).toMatchObject({ found: false, notes: [], config: DEFAULT_CONFIG });
  });

  it('no storage at all: defaults, no note; saving says settings cannot be kept', () => {
    expect(loadSettings(null, U)).toMatchObject({ found: false, notes: [], config: DEFAULT_CONFIG });
    expect(wordedNote(saveSettings(null, defaultSettings(U), U))).toEqual({ key: '', message: 'Settings cannot be kept across reloads here (no storage).' });
  });

  it('blocked storage: defaults and a note, never a throw', () => {
    const loaded = loadSettings(new BlockedStorage(), U);
    expect(loaded.config).toStrictEqual(DEFAULT_CONFIG);
    expect(loaded.notes.map(wordedNote)).toEqual([{ key: '', message: 'Saved settings could not be read (storage is blocked); using the defaults.' }]);
    expect(wordedNote(saveSettings(new BlockedStorage(), defaultSettings(U), U))).toEqual({
      key: '',
      message: 'Settings could not be saved (storage is blocked).',
    });
  });

  it('full storage: saving returns a note saying so', () => {
    expect(wordedNote(saveSettings(new FullStorage(), defaultSettings(U), U))).toEqual({
      key: '',
      message: 'Settings could not be saved: browser storage is full.',
    });
  });

  it.each([
    ['not JSON', '{query: oops'],
    ['JSON of the wrong shape', '{"settings": "lr=1"}'],
    ['a query that is not text', '{"query": 42}'],
    ['a JSON array', '[1,2,3]'],
    ['a prototype-pollution attempt', '{"__proto__": {"polluted": 1}, "query": 1}'],
    ['far too long', JSON.stringify({ query: 'a'.repeat(20_000) })],
  ])('damaged record (%s): defaults and one note', (_, text) => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, text);
    const loaded = loadSettings(storage, U);
    expect(loaded.config).toStrictEqual(DEFAULT_CONFIG);
    expect(loaded.found).toBe(false);
    expect(loaded.notes.map(wordedNote)).toEqual([{ key: '', message: 'Saved settings were damaged and could not be read; using the defaults.' }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a saved record with one bad value keeps the rest and names the bad one', () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, JSON.stringify({ query: 'data=AND&lr=fast' }));
    const loaded = loadSettings(storage, U);
    expect(loaded.config).toStrictEqual({ ...DEFAULT_CONFIG, dataset: 'AND' });
    expect(loaded.notes.map((note) => said(note.message))).toEqual(['Learning rate (lr) in the saved settings: "fast" is not a number; kept 0.35.']);
  });

  it('1,000 random saved texts: valid settings, never a throw', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          hostileQuery.map((query) => JSON.stringify({ query })),
          fc.string({ maxLength: 200 }),
          fc.jsonValue().map((value) => JSON.stringify(value)),
        ),
        (text) => {
          const storage = new MemoryStorage();
          storage.setItem(STORAGE_KEY, text);
          const loaded = loadSettings(storage, U);
          expect(configError(loaded.config)).toBeNull();
          expect(storage.items.get(STORAGE_KEY)).toBe(text);
        },
      ),
      { seed: 6004, numRuns: 1000 },
    );
  });
});

describe('precedence: link > saved > defaults', () => {
  it('each setting comes from the link if given, else from the saved settings, else the default', () => {
    const storage = new MemoryStorage();
    saveSettings(storage, settings({ dataset: 'circle', seed: 5, learningRate: 0.1 }, { costScale: 'linear' }), U);
    const opened = initialSettings('?seed=9&round=1', storage, U);
    expect(initialSettings('?speed=max', storage, U).ui.speed).toBe('max');
    expect(opened.source).toBe('link');
    expect(opened.config).toStrictEqual({ ...DEFAULT_CONFIG, dataset: 'circle', seed: 9, learningRate: 0.1 });
    expect(opened.ui).toStrictEqual({ speed: 1000, rounded: true, costScale: 'linear', stopAfter: 60000, targetCost: 0 });
    expect(opened.notes).toEqual([]);
  });

  it('a bad value in the link falls back to the saved value, not the default', () => {
    const storage = new MemoryStorage();
    saveSettings(storage, settings({ learningRate: 0.1 }), U);
    const opened = initialSettings('?lr=lots', storage, U);
    expect(opened.config.learningRate).toBe(0.1);
    expect(opened.notes.map((note) => said(note.message))).toEqual(['Learning rate (lr) in the link: "lots" is not a number; kept 0.1.']);
    expect(opened.source).toBe('saved');
  });

  it("a teacher's full link overrides every saved setting", () => {
    const storage = new MemoryStorage();
    saveSettings(storage, settings({ dataset: 'spiral', hidden: [16, 16], seed: 3 }), U);
    const teacher = settings({ dataset: 'XOR', hidden: [2], derivative: 'buggy', seed: 11 });
    const opened = initialSettings(`?${encodeSettings(teacher, U)}`, storage, U);
    expect(opened.config).toStrictEqual(teacher.config);
  });

  it('nothing anywhere: defaults', () => {
    expect(initialSettings('', new MemoryStorage(), U)).toMatchObject({ source: 'defaults', config: DEFAULT_CONFIG, notes: [] });
  });

  it('notes from damaged storage and from the link both reach the banner, saved first', () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, 'garbage');
    const opened = initialSettings('?epochs=0', storage, U);
    expect(opened.notes.map((note) => note.key)).toEqual(['', 'epochs']);
  });
});
