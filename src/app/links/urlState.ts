/**
 * Settings ↔ URL query. Every LabConfig setting (so a link reproduces a run bit for bit) plus the
 * caller's own table of UI settings. Reading never throws: a bad value keeps the fallback for that
 * setting and adds a note naming it; settings that do not work together fall back one by one.
 */
import {
  CONFIG_SETTINGS,
  DEFAULT_CONFIG,
  type EngineMessage,
  type LabConfig,
  type MessageValue,
  STOP_SETTINGS,
  configError,
  engineMessage,
} from '../../engine';
import { SPEEDS } from '../../worker/lab/protocol';
import { PAGE_LINK_KEYS } from '../embed/pageLinkKeys';
import {
  type Property,
  type PropertyTable,
  type ValuesOf,
  choiceProperty,
  copyValue,
  propertyOf,
  quote,
  settingProperty,
  readProperty,
  switchProperty,
} from './properties';

/** Links longer than this are refused whole (browsers and chat apps mangle very long links anyway). */
export const MAX_QUERY_LENGTH = 2000;
/** The version this code writes; a link from another version is read as far as it goes. */
const URL_STATE_VERSION = 1;
const VERSION_KEY = 'v';
/** At most this many notes; a hostile link cannot flood the banner. */
export const MAX_NOTES = 12;

/** Every LabConfig field's link codec, derived from the engine's settings table. */
export const CONFIG_PROPERTIES = Object.fromEntries(
  Object.entries(CONFIG_SETTINGS).map(([field, setting]) => [field, settingProperty(setting)]),
) as unknown as {
  readonly [K in keyof LabConfig]: Property<LabConfig[K]>;
};

const CONFIG_FIELDS = Object.keys(CONFIG_PROPERTIES) as (keyof LabConfig)[];

/**
 * The page's own settings, matching the store (src/store/types.ts): speed, the boundary's rounded
 * output, the cost curve's scale, and the stop conditions. A page may pass its own table instead.
 */
export const LAB_UI_PROPERTIES = {
  speed: choiceProperty('speed', 'Speed', SPEEDS, 1000),
  rounded: switchProperty('round', 'Rounded output', false),
  costScale: choiceProperty('scale', 'Cost scale', ['linear', 'log'], 'log'),
  /** stop.maxEpochs: 0 = no limit */
  stopAfter: propertyOf<number>(STOP_SETTINGS.maxEpochs),
  /** stop.targetCost: 0 = none */
  targetCost: propertyOf<number>(STOP_SETTINGS.targetCost),
} as const satisfies PropertyTable;

export interface Settings<U extends PropertyTable> {
  config: LabConfig;
  ui: ValuesOf<U>;
}

export interface SettingNote {
  /** the URL key the note is about ('' for the link as a whole) */
  key: string;
  /** one coded sentence for the notes banner (worded in the page's language, shown as text) */
  message: EngineMessage;
}

/** Where settings were read from, for the notes: a link, or what this browser saved. */
export type SettingsOrigin = 'link' | 'saved';

export interface DecodedSettings<U extends PropertyTable> extends Settings<U> {
  notes: SettingNote[];
  /** URL keys that were present and accepted */
  accepted: string[];
}

export function defaultSettings<U extends PropertyTable>(uiTable: U): Settings<U> {
  const ui = {} as Record<string, unknown>;
  for (const field of Object.keys(uiTable)) ui[field] = copyValue(uiTable[field].defaultValue);
  return { config: { ...DEFAULT_CONFIG, hidden: [...DEFAULT_CONFIG.hidden] }, ui: ui as ValuesOf<U> };
}

type Slot = { group: 'config'; field: keyof LabConfig; property: Property<unknown> } | { group: 'ui'; field: string; property: Property<unknown> };

/** Key → where its value goes. A Map, so keys like "__proto__" are just unknown keys. */
function slotsOf(uiTable: PropertyTable): Map<string, Slot> {
  const slots = new Map<string, Slot>();
  for (const field of CONFIG_FIELDS)
    slots.set(CONFIG_PROPERTIES[field].key, { group: 'config', field, property: CONFIG_PROPERTIES[field] as Property<unknown> });
  for (const field of Object.keys(uiTable)) {
    const property = uiTable[field];
    // a programming error in the caller's table, not user input
    if (slots.has(property.key) || property.key === VERSION_KEY) throw new TypeError(`UI setting key "${property.key}" is already used`);
    slots.set(property.key, { group: 'ui', field, property });
  }
  return slots;
}

/** Settings → URL query with every setting written out (so later default changes cannot alter a shared run). */
export function encodeSettings<U extends PropertyTable>(settings: Settings<U>, uiTable: U): URLSearchParams {
  const params = new URLSearchParams();
  params.set(VERSION_KEY, String(URL_STATE_VERSION));
  for (const field of CONFIG_FIELDS) {
    const property = CONFIG_PROPERTIES[field] as Property<unknown>;
    params.set(property.key, property.format(settings.config[field]));
  }
  for (const field of Object.keys(uiTable)) {
    const property = uiTable[field];
    params.set(property.key, property.format((settings.ui as Record<string, unknown>)[field]));
  }
  return params;
}

/** The full address of a link to these settings: `base` with its query replaced and no fragment. */
export function settingsLink<U extends PropertyTable>(base: string, settings: Settings<U>, uiTable: U): string {
  const url = new URL(base);
  url.search = encodeSettings(settings, uiTable).toString();
  url.hash = '';
  return url.toString();
}

/** A setting's value as the notes show it (our own formatted text, so no quoting needed). */
function shownValue(property: Property<unknown>, value: unknown): MessageValue {
  const text = property.format(value);
  return text === '' ? engineMessage('linkNone') : text;
}

/** A setting's name in a note: the table's label, said in the page's language by its link key. */
const labelOf = (property: Property<unknown>): EngineMessage => engineMessage('linkLabel', { key: property.key, label: property.label });

class NoteList {
  readonly notes: SettingNote[] = [];
  private dropped = 0;
  add(key: string, message: EngineMessage) {
    if (this.notes.length < MAX_NOTES) this.notes.push({ key, message });
    else this.dropped++;
  }
  finish(): SettingNote[] {
    if (this.dropped > 0) this.notes.push({ key: '', message: engineMessage('linkMore', { count: this.dropped }) });
    return this.notes;
  }
}

/**
 * URL query → settings. `fallback` fills every setting the query leaves out or gets wrong
 * (the saved settings, else the defaults). `origin` names the source in notes (the link, or the saved settings).
 * Never throws and never changes its arguments.
 */
export function decodeSettings<U extends PropertyTable>(
  query: string | URLSearchParams,
  uiTable: U,
  fallback: Settings<U> = defaultSettings(uiTable),
  origin: SettingsOrigin = 'link',
): DecodedSettings<U> {
  const slots = slotsOf(uiTable);
  const base = configError(fallback.config) === null ? fallback : { ...fallback, config: DEFAULT_CONFIG };
  const config = { ...base.config, hidden: [...base.config.hidden] } as Record<keyof LabConfig, unknown>;
  const ui = {} as Record<string, unknown>;
  for (const field of Object.keys(uiTable)) ui[field] = copyValue((base.ui as Record<string, unknown>)[field]);
  const notes = new NoteList();
  const accepted: string[] = [];
  const result = (): DecodedSettings<U> => ({ config: config as unknown as LabConfig, ui: ui as ValuesOf<U>, notes: notes.finish(), accepted });

  let params: URLSearchParams;
  try {
    const text = typeof query === 'string' ? query : query instanceof URLSearchParams ? query.toString() : null;
    if (text === null) {
      notes.add('', engineMessage('linkUnreadable', { origin }));
      return result();
    }
    if (text.length > MAX_QUERY_LENGTH) {
      notes.add('', engineMessage('linkTooLong', { origin, count: text.length, max: MAX_QUERY_LENGTH }));
      return result();
    }
    params = new URLSearchParams(text);
  } catch {
    notes.add('', engineMessage('linkUnreadable', { origin }));
    return result();
  }

  const seen = new Set<string>();
  const unknown: string[] = [];
  const fromQuery: (keyof LabConfig)[] = [];
  for (const [key, value] of params) {
    if (key === VERSION_KEY) {
      if (value !== String(URL_STATE_VERSION)) notes.add(key, engineMessage('linkVersion', { origin, version: quote(value, 12), current: URL_STATE_VERSION }));
      continue;
    }
    const slot = slots.get(key);
    if (!slot) {
      if (!unknown.includes(key) && !PAGE_LINK_KEYS.has(key)) unknown.push(key);
      continue;
    }
    const label = labelOf(slot.property);
    if (seen.has(key)) {
      notes.add(key, engineMessage('linkTwice', { label, key, origin }));
      continue;
    }
    seen.add(key);
    const read = readProperty(slot.property, value);
    const kept = slot.group === 'config' ? config[slot.field] : ui[slot.field];
    if (!read.ok) {
      notes.add(key, engineMessage('linkBadValue', { label, key, origin, reason: read.reason, kept: shownValue(slot.property, kept) }));
      continue;
    }
    if (slot.group === 'config') {
      config[slot.field] = read.value;
      fromQuery.push(slot.field);
    } else ui[slot.field] = read.value;
    accepted.push(key);
  }
  if (unknown.length > 0) {
    const shown = unknown
      .slice(0, 5)
      .map((key) => quote(key, 20))
      .join(', ');
    notes.add('', engineMessage('linkUnknown', { origin, count: unknown.length, shown, more: Math.max(0, unknown.length - 5) }));
  }
  reconcile(config as unknown as LabConfig, base.config, fromQuery, accepted, notes, origin);
  return result();
}

/**
 * The engine's cross-field check: if the combination does not work, put back the query's
 * settings one at a time (first any single one that fixes it, else in table order) and say so.
 */
function reconcile(config: LabConfig, base: LabConfig, fromQuery: (keyof LabConfig)[], accepted: string[], notes: NoteList, origin: SettingsOrigin) {
  const problem = configError(config);
  if (problem === null) return;
  const target = config as unknown as Record<keyof LabConfig, unknown>;
  const putBack = (field: keyof LabConfig) => {
    const property = CONFIG_PROPERTIES[field] as Property<unknown>;
    target[field] = copyValue(base[field]);
    accepted.splice(accepted.indexOf(property.key), 1);
    notes.add(
      property.key,
      engineMessage('linkConflict', { label: labelOf(property), key: property.key, origin, problem, kept: shownValue(property, base[field]) }),
    );
  };
  const single = fromQuery.find((field) => configError({ ...config, [field]: base[field] }) === null);
  if (single !== undefined) {
    putBack(single);
    return;
  }
  for (const field of fromQuery) {
    putBack(field);
    if (configError(config) === null) return;
  }
}
