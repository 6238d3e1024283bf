/**
 * Where a JSON text goes wrong, as "line L, column C": JSON.parse only sometimes names a position
 * ("Unexpected end of JSON input" and "Unexpected token …" do not), so the offset comes from a
 * strict scan with jsonc-parser, which reports the first syntax error's offset for every case.
 */
import { type ParseError, parse, printParseErrorCode } from 'jsonc-parser';
import { type EngineCode, type EngineMessage, type MessageValue, engineMessage } from './messages';

/**
 * A text without its leading UTF-8 byte-order mark: the browser's File.text() drops it, Node's
 * readFileSync keeps it, and JSON.parse refuses it; every reader strips it so a file reads alike everywhere.
 */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Line and column (both 1-based) of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: before.length - lastBreak };
}

/** The first syntax error under strict JSON (no comments, no trailing commas, no empty text), or null. */
function firstJsonError(text: string): ParseError | null {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  return errors[0] ?? null;
}

/** A JSON.parse failure as "<what> (line L, column C)"; the wording is the scan's (V8's may quote a snippet of the text). */
function jsonErrorWithLine(text: string, err: Error): EngineMessage {
  let error: ParseError | null = null;
  try {
    error = firstJsonError(text);
  } catch {
    // the scan recurses: absurdly deep nesting overflows the stack, so say where JSON.parse gave up instead
    return engineMessage('jsonTooDeep', { message: err.message.slice(0, 200) });
  }
  const { line, column } = lineAndColumn(text, error ? error.offset : text.length);
  return engineMessage('jsonAt', { what: error ? describeError(error) : err.message, line, column });
}

/** "not valid JSON: …" for a text JSON.parse refused. */
export function invalidJson(text: string, err: Error): EngineMessage {
  return engineMessage('jsonInvalid', { detail: jsonErrorWithLine(text, err) });
}

/** jsonc-parser's error codes that have a message (error.json<Code>); any other prints as its code. */
const WORDED = new Set([
  'InvalidSymbol',
  'InvalidNumberFormat',
  'PropertyNameExpected',
  'ValueExpected',
  'ColonExpected',
  'CommaExpected',
  'CloseBraceExpected',
  'CloseBracketExpected',
  'EndOfFileExpected',
  'InvalidCommentToken',
  'UnexpectedEndOfComment',
  'UnexpectedEndOfString',
  'UnexpectedEndOfNumber',
  'InvalidUnicode',
  'InvalidEscapeCharacter',
  'InvalidCharacter',
]);

function describeError(error: ParseError): MessageValue {
  const code = printParseErrorCode(error.error);
  return WORDED.has(code) ? engineMessage(`json${code}` as EngineCode) : code;
}

/** A short, safe description of a value for an error message: never recurses, never huge. */
export function describeValue(value: unknown): MessageValue {
  if (value === undefined) return engineMessage('valueNothing');
  if (value === null) return 'null';
  if (Array.isArray(value)) return engineMessage('valueArray', { count: value.length });
  if (typeof value === 'object') return engineMessage('valueObject');
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
