/**
 * The link codec of a setting, TensorFlow-Playground style: each property has its key in the URL,
 * a label for messages, a valibot schema that reads the URL text, a formatter that writes it back,
 * and a default. `propertyOf` derives one from a setting of the engine's table (engine/settings.ts);
 * the URL decoder and the saved settings both read through these schemas.
 */
import * as v from 'valibot';
import {
  type AnySetting,
  type ChoiceSetting,
  type ListSetting,
  type NumberSetting,
  type Setting,
  type EngineCode,
  type EngineMessage,
  type MessageValue,
  type SwitchSetting,
  engineMessage,
  isEngineMessage,
  normalizeNumber,
} from '../../engine';
import { NUMBER_TEXT } from '../../engine';

/** Longest value any setting may have in a link (the longest real one, a hidden-layer list, is ~23). */
const MAX_VALUE_LENGTH = 64;

export interface Property<T> {
  /** the short key in the URL query, e.g. "lr" */
  readonly key: string;
  /** the name people see in notes, e.g. "Learning rate" */
  readonly label: string;
  /** reads the URL text; its issue messages are coded reasons (`coded`), worded by readProperty's caller */
  readonly schema: v.GenericSchema<string, T>;
  /** writes a value as URL text that `schema` reads back to the same value */
  format(value: T): string;
  readonly defaultValue: T;
}

export type PropertyTable = Readonly<Record<string, Property<unknown>>>;

/** The values a table describes: { speed: Property<'max' | …> } → { speed: 'max' | … }. */
export type ValuesOf<T extends PropertyTable> = { -readonly [K in keyof T]: T[K] extends Property<infer V> ? V : never };

/** Quotes untrusted text for a message: escaped (control characters shown) and cut to a readable length. */
export function quote(text: unknown, max = 40): string {
  const raw = typeof text === 'string' ? text : String(text);
  const cut = raw.length > max ? `${raw.slice(0, max)}…` : raw;
  return JSON.stringify(cut);
}

/** Shortest text that reads back to the same double (String() already is), keeping −0 and avoiding "+". */
export function formatNumber(value: number): string {
  if (Object.is(value, -0)) return '-0';
  return String(value).replace('e+', 'e');
}

/** A reason as a schema issue's message: valibot carries text, so the coded message travels as JSON (readProperty reads it back). */
const coded = (code: EngineCode, values: Record<string, MessageValue>) => JSON.stringify(engineMessage(code, values));

const tooLong = (issue: { input: string }) => coded('valueTooLong', { input: quote(issue.input), max: MAX_VALUE_LENGTH });
const notNumber = (issue: { input: string }) => coded('valueNotNumber', { input: quote(issue.input) });
const tooLarge = (issue: { input: string }) => coded('valueTooLarge', { input: quote(issue.input) });

/** A number in the setting's range, e.g. the learning rate or (whole) the seed. */
function numberProperty(setting: NumberSetting): Property<number> {
  const outside = (issue: { input: number }) =>
    coded('valueOutside', {
      value: formatNumber(issue.input),
      exclusive: setting.minExclusive ? 'yes' : 'no',
      min: formatNumber(setting.min),
      max: formatNumber(setting.max),
    });
  const schema = v.pipe(
    v.string(),
    v.maxLength(MAX_VALUE_LENGTH, tooLong),
    v.regex(NUMBER_TEXT, notNumber),
    v.check((text: string) => Number.isFinite(Number(text)), tooLarge),
    v.transform((text: string) => normalizeNumber(setting, Number(text))),
    v.check(
      (x: number) => !setting.whole || Number.isInteger(x),
      (issue) => coded('valueNotWhole', { value: formatNumber(issue.input) }),
    ),
    v.check((x: number) => (setting.minExclusive ? x > setting.min : x >= setting.min), outside),
    v.maxValue(setting.max, outside),
  );
  return { key: setting.key, label: setting.label, schema, format: formatNumber, defaultValue: setting.defaultValue };
}

/** One of a fixed list of names or numbers, e.g. an activation or a speed; written as String(value). */
export function choiceProperty<const O extends readonly [string | number, ...(string | number)[]]>(
  key: string,
  label: string,
  options: O,
  defaultValue: O[number],
): Property<O[number]> {
  const texts = options.map(String) as [string, ...string[]];
  const schema = v.pipe(
    v.string(),
    v.maxLength(MAX_VALUE_LENGTH, tooLong),
    v.picklist(texts, (issue) => coded('valueNotChoice', { input: quote(issue.input), choices: texts.join(', ') })),
    v.transform((text: string): O[number] => options[texts.indexOf(text)]),
  );
  return { key, label, schema, format: (value) => String(value), defaultValue };
}

/** On or off: written as 1 or 0; true and false are read too. */
export function switchProperty(key: string, label: string, defaultValue: boolean): Property<boolean> {
  const schema = v.pipe(
    v.string(),
    v.maxLength(MAX_VALUE_LENGTH, tooLong),
    v.picklist(['1', '0', 'true', 'false'], (issue) => coded('valueNotSwitch', { input: quote(issue.input) })),
    v.transform((text) => text === '1' || text === 'true'),
  );
  return { key, label, schema, format: (value) => (value ? '1' : '0'), defaultValue };
}

/** A comma-separated list of whole numbers, e.g. hidden layer sizes "4,4" (empty: no items). */
export function wholeListProperty(
  key: string,
  label: string,
  limits: Pick<ListSetting, 'maxItems' | 'min' | 'max'>,
  defaultValue: readonly number[],
): Property<number[]> {
  return listProperty({ kind: 'list', key, label, flag: null, help: '', itemName: 'item', ...limits, defaultValue });
}

function listProperty(setting: ListSetting): Property<number[]> {
  const schema = v.pipe(
    v.string(),
    v.maxLength(MAX_VALUE_LENGTH, tooLong),
    v.regex(/^(?:\d{1,6}(?:,\d{1,6})*)?$/, (issue) => coded('valueNotList', { input: quote(issue.input) })),
    v.transform((text) => (text === '' ? [] : text.split(',').map(Number))),
    v.maxLength(setting.maxItems, (issue) => coded('valueListTooMany', { count: issue.input.length, max: setting.maxItems })),
    v.check(
      (items: number[]) => items.every((n) => n >= setting.min && n <= setting.max),
      (issue) => coded('valueListOutside', { items: issue.input.join(','), min: setting.min, max: setting.max }),
    ),
  );
  return { key: setting.key, label: setting.label, schema, format: (value) => value.join(','), defaultValue: [...setting.defaultValue] };
}

/** The link codec of one setting of the engine's table: the same limits, key, label and default. */
export function propertyOf<T>(setting: Setting<T>): Property<T> {
  return settingProperty(setting as AnySetting) as Property<T>;
}

/** propertyOf for a setting whose value type is not known here (a walk over the whole table). */
export function settingProperty(setting: AnySetting): Property<unknown> {
  switch (setting.kind) {
    case 'number':
      return numberProperty(setting);
    case 'choice': {
      const choice: ChoiceSetting<string> = setting;
      return choiceProperty(choice.key, choice.label, choice.choices as [string, ...string[]], choice.defaultValue);
    }
    case 'switch': {
      const on: SwitchSetting = setting;
      return switchProperty(on.key, on.label, on.defaultValue);
    }
    case 'list':
      return listProperty(setting);
  }
}

export type ReadResult<T> = { ok: true; value: T } | { ok: false; reason: EngineMessage };

/** Reads one URL value through a property's schema; never throws. */
export function readProperty<T>(property: Property<T>, text: string): ReadResult<T> {
  try {
    const result = v.safeParse(property.schema, text);
    if (result.success) return { ok: true, value: result.output };
    const reason: unknown = JSON.parse(result.issues[0].message);
    return { ok: false, reason: isEngineMessage(reason) ? reason : engineMessage('valueUnreadable', { input: quote(text) }) };
  } catch {
    // a schema is ours and should not throw; if one does, the value is still just refused
    return { ok: false, reason: engineMessage('valueUnreadable', { input: quote(text) }) };
  }
}

/** A copy of a value that shares no array with the original (settings must not alias a caller's arrays). */
export function copyValue<T>(value: T): T {
  return (Array.isArray(value) ? [...value] : value) as T;
}
