/**
 * Settings that survive a reload: the same query text a link holds, saved in localStorage under a
 * versioned key and read back through the same validation. Precedence: link > saved > defaults.
 * Storage that is missing, blocked, full or corrupted costs a note, never a throw.
 */
import * as v from 'valibot';
import { type EngineMessage, engineMessage } from '../../engine';
import { type DecodedSettings, MAX_QUERY_LENGTH, type SettingNote, type Settings, decodeSettings, defaultSettings, encodeSettings } from '../links/urlState';
import type { PropertyTable } from '../links/properties';

/** Bump the suffix when the saved shape changes incompatibly; old keys are then simply ignored. */
export const STORAGE_KEY = 'backprop-lab/settings/v1';

/** What the app needs of window.localStorage (tests pass a Map-backed fake). */
export interface SettingsStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The saved record: the settings as a query string, the same text a link holds. */
const SavedRecord = v.object({
  query: v.pipe(v.string(), v.maxLength(MAX_QUERY_LENGTH)),
});

export interface LoadedSettings<U extends PropertyTable> extends DecodedSettings<U> {
  /** true if saved settings were found and read (even partly) */
  found: boolean;
}

/** Reads the saved settings; anything wrong falls back to `fallback` (the defaults) with a note. */
export function loadSettings<U extends PropertyTable>(
  storage: SettingsStorage | null,
  uiTable: U,
  fallback: Settings<U> = defaultSettings(uiTable),
): LoadedSettings<U> {
  const unread = (message: EngineMessage | null): LoadedSettings<U> => ({
    ...decodeSettings('', uiTable, fallback),
    notes: message ? [{ key: '', message }] : [],
    found: false,
  });
  if (!storage) return unread(null);
  let text: string | null;
  try {
    text = storage.getItem(STORAGE_KEY);
  } catch {
    return unread(engineMessage('savedBlocked'));
  }
  if (text === null) return unread(null);
  let record: unknown;
  try {
    record = text.length > 4 * MAX_QUERY_LENGTH ? null : JSON.parse(text);
  } catch {
    record = null;
  }
  const parsed = v.safeParse(SavedRecord, record);
  if (!parsed.success) return unread(engineMessage('savedDamaged'));
  return { ...decodeSettings(parsed.output.query, uiTable, fallback, 'saved'), found: true };
}

/** Saves the settings; returns a note if they could not be saved (blocked or full storage). */
export function saveSettings<U extends PropertyTable>(storage: SettingsStorage | null, settings: Settings<U>, uiTable: U): SettingNote | null {
  if (!storage) return { key: '', message: engineMessage('saveNoStorage') };
  let query: string;
  try {
    query = encodeSettings(settings, uiTable).toString();
  } catch {
    return { key: '', message: engineMessage('saveFailed') };
  }
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify({ query }));
    return null;
  } catch (err) {
    const full = err instanceof Error && /quota/i.test(err.name + err.message);
    return { key: '', message: engineMessage(full ? 'saveFull' : 'saveBlocked') };
  }
}

export interface InitialSettings<U extends PropertyTable> extends DecodedSettings<U> {
  /** where the settings came from, for the banner ("opened from a link") */
  source: 'link' | 'saved' | 'defaults';
}

/**
 * The settings the page opens with: each setting from the link if it is there and valid, else the
 * saved one, else the default. Notes from both sources, saved first.
 */
export function initialSettings<U extends PropertyTable>(search: string, storage: SettingsStorage | null, uiTable: U): InitialSettings<U> {
  const saved = loadSettings(storage, uiTable);
  const fromLink = decodeSettings(search, uiTable, saved);
  const source = fromLink.accepted.length > 0 ? 'link' : saved.found ? 'saved' : 'defaults';
  return { ...fromLink, notes: [...saved.notes, ...fromLink.notes], source };
}
