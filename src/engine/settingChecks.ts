/**
 * The checks every front end runs on a setting, read from its declaration in settings.ts: the
 * range and its wording, the one error message, and the one grammar of typed numbers.
 */
import { type EngineMessage, engineMessage } from './messages';
import type { AnySetting, NumberSetting } from './settingKinds';
import { STOP_SETTINGS, type StopSettings } from './settings';

/** Plain decimal or exponent notation only (no hex, no "Infinity", no "NaN", no blanks): the one number syntax the lab reads, in CSV cells, links and typed fields. */
export const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** The name a message starts with: "learning rate". */
export function settingName(setting: AnySetting): string {
  return setting.name ?? setting.label.charAt(0).toLowerCase() + setting.label.slice(1);
}

/** A number's limit as people read it: 4294967295 → "4,294,967,295", 1e6 → "1,000,000", 0.01 stays. */
function readableNumber(value: number): string {
  return Number.isInteger(value) && Math.abs(value) >= 1000 && Math.abs(value) < 1e21 ? value.toLocaleString('en') : String(value);
}

/** The limits a number is checked against: a setting's, or a field's own (a sweep's starts, a weight). */
export type NumberRule = Pick<NumberSetting, 'whole' | 'min' | 'max' | 'minExclusive'>;

/** "a whole number from 0 to 4,294,967,295", "a number above 0 and at most 1,000,000". */
export function describeRange(setting: NumberRule): EngineMessage {
  return engineMessage('range', {
    whole: setting.whole ? 'yes' : 'no',
    exclusive: setting.minExclusive ? 'yes' : 'no',
    min: readableNumber(setting.min),
    max: readableNumber(setting.max),
  });
}

/** "<name>: expected <range> (<what 0 means>), got <value>": a number outside its setting's range. */
function rangeError(setting: NumberSetting, value: unknown, name: MessageName = settingName(setting), zero = setting.zero): EngineMessage {
  return outOfRange(setting, value, name, zero);
}

/** A number's name in a message: words, or a coded message the page words ("weight or bias"). */
type MessageName = string | EngineMessage;

function outOfRange(rule: NumberRule, value: unknown, name: MessageName, zero?: string): EngineMessage {
  return engineMessage('settingNumber', {
    name,
    range: describeRange(rule),
    zero: zero ? engineMessage('rangeZero', { zero }) : '',
    value: typeof value === 'number' ? readableNumber(value) : String(value),
  });
}

/** "<name>: expected <range>, got <value>" for a number outside a rule that is no setting (a weight), or null. */
export function ruleError(rule: NumberRule, value: unknown, name: MessageName): EngineMessage | null {
  return typeof value === 'number' && inRange(rule, value) ? null : outOfRange(rule, value, name);
}

/** Whether a number lies in a setting's range (whole where it must be). */
export function inRange(setting: NumberRule, value: number): boolean {
  if (!Number.isFinite(value) || (setting.whole && !Number.isInteger(value))) return false;
  return (setting.minExclusive ? value > setting.min : value >= setting.min) && value <= setting.max;
}

/** What is wrong with a value of one setting, as "<name>: expected …, got …", or null. */
export function settingError(setting: AnySetting, value: unknown): EngineMessage | null {
  const name = settingName(setting);
  switch (setting.kind) {
    case 'number':
      if (typeof value === 'number' && inRange(setting, value)) return null;
      return rangeError(setting, value);
    case 'choice':
      if (typeof value === 'string' && setting.choices.includes(value)) return null;
      return engineMessage('settingChoice', { name, choices: setting.choices.join(', '), value: JSON.stringify(value) ?? String(value) });
    case 'switch':
      return typeof value === 'boolean'
        ? null
        : engineMessage('settingSwitch', { name, value: typeof value === 'number' ? readableNumber(value) : String(value) });
    case 'list': {
      if (!Array.isArray(value)) return engineMessage('settingList', { name });
      if (value.length > setting.maxItems) return engineMessage('settingListLength', { name, max: setting.maxItems, count: value.length });
      const k = value.findIndex((n) => !(typeof n === 'number' && Number.isInteger(n) && n >= setting.min && n <= setting.max));
      return k < 0
        ? null
        : engineMessage('settingListItem', {
            item: engineMessage('hiddenLayer', { layer: k + 1 }),
            min: setting.min,
            max: setting.max,
            value: String(value[k]),
          });
    }
  }
}

/** The first setting of `values` that is out of its declared range or choices, or null. */
function tableError<T extends Readonly<Record<string, AnySetting>>>(table: T, values: Record<keyof T, unknown>): EngineMessage | null {
  for (const field of Object.keys(table)) {
    const problem = settingError(table[field], values[field]);
    if (problem) return problem;
  }
  return null;
}

/** A reason the page's stop conditions are not allowed, or null. */
export function stopSettingsError(stop: StopSettings): EngineMessage | null {
  return tableError(STOP_SETTINGS, stop as unknown as Record<keyof StopSettings, unknown>);
}

export type NumberTextRead = { ok: true; value: number } | { ok: false; reason: 'notNumber' | 'tooLarge' };

/**
 * Text → number by the one grammar of numbers typed, written in links, read from the CLI or from
 * files: NUMBER_TEXT, plain decimal or exponent notation with an optional sign (no hex, binary,
 * separators or "Infinity").
 */
export function readNumberText(text: string): NumberTextRead {
  if (!NUMBER_TEXT.test(text)) return { ok: false, reason: 'notNumber' };
  const value = Number(text);
  if (!Number.isFinite(value)) return { ok: false, reason: 'tooLarge' };
  return { ok: true, value };
}

export type TypedNumber = { ok: true; value: number } | { ok: false; problem: EngineMessage };

/** Longer text is no number anyone typed (and is not echoed whole). */
const MAX_TYPED_LENGTH = 400;
const SHOWN_LENGTH = 40;

/**
 * A number typed into a page field (a setting, a sweep's starts, a weight), by one rule for every
 * field: trimmed, every typographic minus (−, as the page prints exponents: 5.9e−5) read as "-", then the one grammar (readNumberText), then the
 * field's range. Its refusals are one set of messages naming the field: empty, not a number, too large
 * (1e999), or out of range; `example` is suggested, `zero` says what 0 means.
 */
export function readTypedNumber(text: string, rule: NumberRule, name: string, example: string, zero?: string): TypedNumber {
  const trimmed = text.trim().replace(/\u2212/g, '-');
  if (trimmed === '') return { ok: false, problem: engineMessage('typedEmpty', { name, example }) };
  const shown = trimmed.length > SHOWN_LENGTH ? `${trimmed.slice(0, SHOWN_LENGTH)}…` : trimmed;
  const read: NumberTextRead = trimmed.length > MAX_TYPED_LENGTH ? { ok: false, reason: 'notNumber' } : readNumberText(trimmed);
  if (!read.ok) return { ok: false, problem: engineMessage(read.reason === 'tooLarge' ? 'typedTooLarge' : 'typedNotNumber', { name, text: shown, example }) };
  const value = normalizeNumber(rule, read.value);
  if (!inRange(rule, value)) return { ok: false, problem: outOfRange(rule, value, name, zero) };
  return { ok: true, value };
}

/** A whole number's −0 is 0 (so `seed=-0` is written back as 0); decimals keep their sign bit. */
export function normalizeNumber(setting: Pick<NumberSetting, 'whole'>, value: number): number {
  return setting.whole && value === 0 ? 0 : value;
}
