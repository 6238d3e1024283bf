/** Reads a number the user typed: plain decimal or exponent notation, a leading − allowed; nothing else. */
import { NUMBER_TEXT } from '../links/properties';

export type NumberRead = { ok: true; value: number } | { ok: false; error: string };

export function readNumber(text: string): NumberRead {
  // people paste a typographic minus (−) as often as a hyphen
  const trimmed = text.trim().replace(/^\u2212/, '-');
  if (trimmed === '') return { ok: false, error: 'type a number' };
  if (trimmed.length > 64 || !NUMBER_TEXT.test(trimmed)) return { ok: false, error: `${JSON.stringify(trimmed.slice(0, 24))} is not a number` };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, error: `${JSON.stringify(trimmed.slice(0, 24))} is too large` };
  return { ok: true, value };
}
