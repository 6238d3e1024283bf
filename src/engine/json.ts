/**
 * Values and texts read from the user's JSON files, described for messages. Where a JSON text goes
 * wrong (line and column) is jsonErrors.ts, which carries jsonc-parser: only the file readers,
 * loaded when a file is read, import it, so the first render does not carry the parser.
 */
import { type MessageValue, engineMessage } from './messages';

/**
 * A text without its leading UTF-8 byte-order mark: the browser's File.text() drops it, Node's
 * readFileSync keeps it, and JSON.parse refuses it; every reader strips it so a file reads alike everywhere.
 */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A short, safe description of a value for an error message: never recurses, never huge. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

/** describeValue for a coded message: the words (nothing, an array of n, an object) coded, text and numbers as they are. */
export function describedValue(value: unknown): MessageValue {
  if (value === undefined) return engineMessage('valueNothing');
  if (Array.isArray(value)) return engineMessage('valueArray', { count: value.length });
  if (value !== null && typeof value === 'object') return engineMessage('valueObject');
  return describeValue(value);
}
