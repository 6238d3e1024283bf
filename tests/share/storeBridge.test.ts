import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/engine';
import { createLabStore } from '../../src/store/labStore';
import { type SettingsStorage, initialSettings } from '../../src/app/storage/persist';
import { applySettings, keepSettings, settingsOfState } from '../../src/app/storage/storeBridge';
import { LAB_UI_PROPERTIES, decodeSettings, defaultSettings, encodeSettings } from '../../src/app/links/urlState';
import { wordedNote } from '../englishText';

class MemoryStorage implements SettingsStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('store ↔ settings', () => {
  it("the store's opening state is the default settings", () => {
    expect(settingsOfState(createLabStore().getState())).toStrictEqual(defaultSettings(LAB_UI_PROPERTIES));
  });

  it('settings put into the store read back the same', () => {
    const store = createLabStore();
    const settings = decodeSettings('data=spiral&hidden=8,8&act=tanh&lr=0.03&seed=12&speed=max&round=1&scale=linear&stop=500&target=0.01', LAB_UI_PROPERTIES);
    expect(settings.notes).toEqual([]);
    expect(applySettings(store, settings)).toEqual([]);
    expect(settingsOfState(store.getState())).toStrictEqual({ config: settings.config, ui: settings.ui });
  });
});

describe('keeping settings while the lab runs', () => {
  it('a change is saved and written to the address bar once it rests', () => {
    const store = createLabStore();
    const storage = new MemoryStorage();
    const queries: string[] = [];
    const stop = keepSettings(store, { storage, writeQuery: (query) => queries.push(query.toString()) });
    store.getState().setConfig({ ...DEFAULT_CONFIG, learningRate: 0.5 });
    store.getState().setConfig({ ...DEFAULT_CONFIG, learningRate: 0.7 });
    expect(queries).toEqual([]);
    vi.advanceTimersByTime(300);
    expect(queries).toHaveLength(1);
    expect(new URLSearchParams(queries[0]).get('lr')).toBe('0.7');
    // a reload opens with what was saved
    const reopened = initialSettings('', storage, LAB_UI_PROPERTIES);
    expect(reopened.config.learningRate).toBe(0.7);
    expect(reopened.source).toBe('saved');
    stop();
  });

  it('changes outside the settings (training events) write nothing', () => {
    const store = createLabStore();
    const writeQuery = vi.fn();
    const stop = keepSettings(store, { storage: new MemoryStorage(), writeQuery });
    store.setState({ run: { ...store.getState().run, epoch: 10 } });
    vi.advanceTimersByTime(1000);
    expect(writeQuery).not.toHaveBeenCalled();
    stop();
  });

  it('a full storage reports one note, not one per change', () => {
    const store = createLabStore();
    const full: SettingsStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
    };
    const onNote = vi.fn();
    const stop = keepSettings(store, { storage: full, onNote });
    for (const speed of [1, 10, 100] as const) {
      store.getState().setSpeed(speed);
      vi.advanceTimersByTime(300);
    }
    expect(onNote).toHaveBeenCalledTimes(1);
    expect(onNote).toHaveBeenCalledTimes(1);
    expect(wordedNote(onNote.mock.calls[0][0])).toEqual({ key: '', message: 'Settings could not be saved: browser storage is full.' });
    stop();
  });

  it('stopping writes a pending change at once', () => {
    const store = createLabStore();
    const storage = new MemoryStorage();
    const stop = keepSettings(store, { storage });
    store.getState().setUi({ rounded: true, costScale: 'linear' });
    stop();
    expect(initialSettings('', storage, LAB_UI_PROPERTIES).ui.rounded).toBe(true);
  });

  it('a link written by the bridge opens the same settings in a fresh store', () => {
    const store = createLabStore();
    applySettings(store, decodeSettings('data=AND&hidden=3&deriv=buggy&seed=77', LAB_UI_PROPERTIES));
    const query = encodeSettings(settingsOfState(store.getState()), LAB_UI_PROPERTIES);
    const fresh = createLabStore();
    applySettings(fresh, decodeSettings(query, LAB_UI_PROPERTIES));
    expect(settingsOfState(fresh.getState())).toStrictEqual(settingsOfState(store.getState()));
  });
});
