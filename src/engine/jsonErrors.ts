/**
 * Where a JSON text goes wrong, as "line L, column C": JSON.parse only sometimes names a position
 * ("Unexpected end of JSON input" and "Unexpected token …" do not), so the offset comes from a
 * strict scan with jsonc-parser, which reports the first syntax error's offset for every case.
 */
import { type ParseError, parse, printParseErrorCode } from 'jsonc-parser';
import { withoutByteOrderMark } from './json';
import { type EngineCode, type EngineMessage, type MessageValue, engineMessage, foreignErrorText } from './messages';

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

/** Where and why JSON.parse failed: the scan's error code (null when only JSON.parse's message is known), line and column; null place when nesting is too deep to locate. */
export interface JsonSyntaxError {
  code: string | null;
  /** the English wording: the code's, else JSON.parse's message */
  what: string;
  place: { line: number; column: number } | null;
}

export function jsonSyntaxError(text: string, err: Error): JsonSyntaxError {
  let error: ParseError | null = null;
  try {
    error = firstJsonError(text);
  } catch {
    // the scan recurses: absurdly deep nesting overflows the stack, so say where JSON.parse gave up instead
    return { code: null, what: foreignErrorText(err.message), place: null };
  }
  const place = lineAndColumn(text, error ? error.offset : text.length);
  return error ? { code: printParseErrorCode(error.error), what: describeError(error), place } : { code: null, what: err.message, place };
}

/** A JSON.parse failure as "<what> (line L, column C)"; the wording is the scan's (V8's may quote a snippet of the text). */
export function jsonErrorWithLine(text: string, err: Error): string {
  const { what, place } = jsonSyntaxError(text, err);
  return place ? `${what} (line ${place.line}, column ${place.column})` : `${what} (nesting too deep to locate)`;
}

const WORDING: Partial<Record<string, string>> = {
  InvalidSymbol: 'unexpected character or word',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":"',
  CommaExpected: 'expected ","',
  CloseBraceExpected: 'expected "}"',
  CloseBracketExpected: 'expected "]"',
  EndOfFileExpected: 'unexpected text after the end',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unfinished comment',
  UnexpectedEndOfString: 'unfinished string',
  UnexpectedEndOfNumber: 'unfinished number',
  InvalidUnicode: 'malformed \\u escape',
  InvalidEscapeCharacter: 'invalid escape in a string',
  InvalidCharacter: 'control character in a string',
};

function describeError(error: ParseError): string {
  const code = printParseErrorCode(error.error);
  return WORDING[code] ?? code;
}

/** jsonc-parser's error codes that have a coded message (error.json<Code> in the catalogs). */
const WORDED_CODES = new Set(Object.keys(WORDING));

/** "not valid JSON: <what> (line L, column C)" for a text JSON.parse refused, as a coded message. */
function invalidJson(text: string, err: Error): EngineMessage {
  const { code, what, place } = jsonSyntaxError(text, err);
  const worded: MessageValue = code !== null && WORDED_CODES.has(code) ? engineMessage(`json${code}` as EngineCode) : what;
  const detail = place ? engineMessage('jsonAt', { what: worded, line: place.line, column: place.column }) : engineMessage('jsonTooDeep', { message: what });
  return engineMessage('jsonInvalid', { detail });
}

/** A user file's JSON text read: its value, or why JSON.parse refused it (line and column), coded. A leading byte-order mark is dropped first. */
export function readJsonText(text: string): { ok: true; value: unknown } | { ok: false; error: EngineMessage } {
  const json = withoutByteOrderMark(text);
  try {
    return { ok: true, value: JSON.parse(json) };
  } catch (err) {
    return { ok: false, error: invalidJson(json, err as Error) };
  }
}
