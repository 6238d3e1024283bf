/**
 * The cost axis's ticks and their labels. A log axis labels whole decades when it spans enough of
 * them, else 1-2-5 or 1…9 steps, else evenly spaced values, so it always carries at least three
 * labelled ticks; every label on an axis is written in one format.
 */
import { format, scaleLinear } from 'd3';

/** Fewest labelled ticks on a cost axis. */
export const MIN_TICKS = 3;

/** Log axes label whole decades only (1, 0.1, 0.01 …), at most `count` of them. */
export function decadeTicks(domain: readonly number[], count: number): number[] {
  const lo = Math.ceil(Math.log10(Math.min(domain[0], domain[1])) - 1e-9);
  const hi = Math.floor(Math.log10(Math.max(domain[0], domain[1])) + 1e-9);
  if (!(hi >= lo)) return [];
  const step = Math.max(1, Math.ceil((hi - lo + 1) / Math.max(1, count)));
  const ticks: number[] = [];
  // parsed, not 10 ** e: 10 ** −5 is 9.999…e−6 in floating point
  for (let e = hi; e >= lo; e -= step) ticks.push(Number(`1e${e}`));
  return ticks.reverse();
}

/** m × 10^e for each mantissa m and every decade e, inside [lo, hi]. */
function mantissaTicks(lo: number, hi: number, mantissas: readonly number[]): number[] {
  const ticks: number[] = [];
  for (let e = Math.floor(Math.log10(lo)) - 1; e <= Math.ceil(Math.log10(hi)); e++) {
    for (const m of mantissas) {
      const v = Number(`${m}e${e}`);
      if (v >= lo && v <= hi) ticks.push(v);
    }
  }
  return ticks;
}

/** Exactly max(MIN_TICKS, count) of `ticks` when there are more, evenly picked, keeping the first and the last. */
function thin(ticks: number[], count: number): number[] {
  const room = Math.max(MIN_TICKS, count);
  if (ticks.length <= room) return ticks;
  return Array.from({ length: room }, (_, k) => ticks[Math.round((k * (ticks.length - 1)) / (room - 1))]);
}

/** Ticks of a log cost axis over `domain`: at least MIN_TICKS of them, at most about `count`. */
export function logTicks(domain: readonly number[], count: number): number[] {
  const lo = Math.min(domain[0], domain[1]);
  const hi = Math.max(domain[0], domain[1]);
  if (!(lo > 0) || !(hi > lo)) return [];
  const decades = decadeTicks(domain, Infinity);
  if (decades.length >= MIN_TICKS) return thin(decades, count);
  for (const mantissas of [
    [1, 2, 5],
    [1, 2, 3, 4, 5, 6, 7, 8, 9],
  ]) {
    const ticks = mantissaTicks(lo, hi, mantissas);
    if (ticks.length >= MIN_TICKS) return thin(ticks, count);
  }
  // less than a factor of two or so: evenly spaced round values
  const even = scaleLinear()
    .domain([lo, hi])
    .ticks(Math.max(MIN_TICKS, count) + 1)
    .filter((v) => v >= lo && v <= hi && v > 0);
  return thin(even, Math.max(MIN_TICKS, count));
}

const MINUS = '\u2212';

/**
 * One label format for all of an axis's ticks: plain decimals (no trailing zeros) while every tick lies
 * in [0.001, 10 000), else exponent form for all of them (1e−5, 2.5e−4), never the two mixed.
 */
export function tickFormatter(ticks: readonly number[]): (value: number) => string {
  const plain = ticks.every((v) => v === 0 || (Math.abs(v) >= 1e-3 && Math.abs(v) < 1e4));
  if (plain) {
    // digits after the point: enough for the finest tick (0.025 needs 3), none for whole numbers
    let digits = 0;
    for (const v of ticks) {
      const text = String(Number(v.toPrecision(6)));
      const dot = text.indexOf('.');
      if (dot >= 0) digits = Math.max(digits, text.length - dot - 1);
    }
    // trailing zeros trimmed: 1, 0.1, 0.01 rather than 1.00, 0.10, 0.01
    const fixed = format(`,.${Math.min(digits, 6)}~f`);
    return (v) => fixed(v).replace('-', MINUS);
  }
  const exponent = format('.2~e');
  return (v) => (v === 0 ? '0' : exponent(v).replace('e+', 'e').replace(/-/g, MINUS));
}
