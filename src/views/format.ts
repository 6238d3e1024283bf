/**
 * One way to print numbers in every view: four significant digits, exponent form outside
 * [0.001, 10 000), a true minus sign, and words for the values a diverged run produces.
 */
import { format } from 'd3';

const MINUS = '\u2212';
const fixed = format('.4~g');
const exponent = format('.3~e');
const grouped = format(',');

export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '∞';
  if (value === -Infinity) return `${MINUS}∞`;
  if (value === 0) return '0';
  const size = Math.abs(value);
  if (size >= 1e-3 && size < 1e4) return fixed(value).replace('-', MINUS);
  // d3 writes 1.23e-5 / 1.23e+4; print 1.23e−5 / 1.23e4
  return exponent(value).replace('e+', 'e').replace(/-/g, MINUS);
}

/** Epoch counts with thousands separators: 1,000,000. */
export function formatEpoch(epoch: number): string {
  return Number.isFinite(epoch) ? grouped(Math.round(epoch)) : formatNumber(epoch);
}

/** A signed number with an explicit plus, for updates such as Δw. */
export function formatSigned(value: number): string {
  const text = formatNumber(value);
  return value > 0 ? `+${text}` : text;
}

const short = format('.2~g');
const shortExponent = format('.0e');

/** Two significant digits, for labels inside small shapes (the tooltip has the full number). */
export function formatCompact(value: number): string {
  if (!Number.isFinite(value) || value === 0) return formatNumber(value);
  const size = Math.abs(value);
  if (size >= 0.001 && size < 1000) return short(value).replace('-', MINUS);
  return shortExponent(value).replace('e+', 'e').replace(/-/g, MINUS);
}
