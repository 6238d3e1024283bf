/**
 * Statistics of a sweep over many starts (engine/sweep.ts): success rates with Wilson 95% intervals,
 * medians, and a log-scale histogram of final costs that keeps exact zeros and non-finite costs in bins of their own.
 * Views show these numbers as they are; nothing here touches the DOM.
 */
import { exp10, log10 } from './math';

/** z with P(|Z| ≤ z) = 0.95 for a standard normal Z. */
export const Z_95 = 1.959963984540054;

export interface RateInterval {
  successes: number;
  trials: number;
  /** successes / trials (NaN with no trials) */
  rate: number;
  low: number;
  high: number;
}

/**
 * Wilson score interval for a success rate. Unlike the normal approximation it stays inside [0, 1]
 * and is not empty at 0 or all successes, which matters for rates like 2 of 50.
 */
export function wilsonInterval(successes: number, trials: number, z = Z_95): RateInterval {
  if (!Number.isInteger(trials) || trials < 0) throw new RangeError(`trials: expected a whole number ≥ 0, got ${String(trials)}`);
  if (!Number.isInteger(successes) || successes < 0 || successes > trials)
    throw new RangeError(`successes: expected a whole number from 0 to ${trials}, got ${String(successes)}`);
  if (trials === 0) return { successes, trials, rate: NaN, low: 0, high: 1 };
  const p = successes / trials;
  const z2n = (z * z) / trials;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / trials + z2n / (4 * trials));
  // exact ends where the formula only rounds to them (0 successes gives low = −1e-17 otherwise)
  const low = successes === 0 ? 0 : Math.max(0, centre - half);
  const high = successes === trials ? 1 : Math.min(1, centre + half);
  return { successes, trials, rate: p, low, high };
}

/** Median of the values; NaN counts as +Infinity (a diverged run is the worst outcome). NaN when empty. */
export function median(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return NaN;
  const sorted = Float64Array.from(values, (v) => (Number.isNaN(v) ? Infinity : v)).sort();
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export type HistogramBinKind = 'zero' | 'range' | 'nonFinite';

export interface HistogramBin {
  /** zero: values ≤ 0 (a cost that rounded to exactly 0); range: low ≤ v < high (the last bin also holds v = high); nonFinite: NaN or ±∞ */
  kind: HistogramBinKind;
  low: number;
  high: number;
  /** counts[s]: how many values of series s fall in this bin */
  counts: number[];
  /** members[s]: the indices (into series s) of those values, ascending */
  members: number[][];
}

export interface LogHistogram {
  /** the zero bin first (if any value is ≤ 0), then the log-spaced range bins, then the non-finite bin (if any) */
  bins: HistogramBin[];
  binsPerDecade: number;
  /** log10 of the first range bin's low edge and of the last one's high edge (both 0 when no positive finite value) */
  lowExponent: number;
  highExponent: number;
  /** the tallest count of any bin and series, for a shared y scale */
  maxCount: number;
}

export interface LogHistogramOptions {
  /** range bins per factor of 10 (default 4) */
  binsPerDecade?: number;
  /** fewer bins per decade when the values span many decades (default 48 range bins at most) */
  maxBins?: number;
}

/**
 * Histogram on a log10 scale shared by several series (e.g. the correct and the buggy derivative),
 * with edges at 10^(k / binsPerDecade) so they read as round numbers.
 */
export function logHistogram(series: readonly ArrayLike<number>[], options: LogHistogramOptions = {}): LogHistogram {
  const maxBins = Math.max(1, Math.floor(options.maxBins ?? 48));
  let perDecade = Math.max(1, Math.floor(options.binsPerDecade ?? 4));
  let minPositive = Infinity;
  let maxFinite = -Infinity;
  let anyZero = false;
  let anyNonFinite = false;
  for (const values of series) {
    for (let k = 0; k < values.length; k++) {
      const v = values[k];
      if (!Number.isFinite(v)) anyNonFinite = true;
      else if (v <= 0) anyZero = true;
      else {
        if (v < minPositive) minPositive = v;
        if (v > maxFinite) maxFinite = v;
      }
    }
  }
  const hasRange = minPositive !== Infinity;
  let low = 0;
  let high = 0;
  let rangeBins = 0;
  if (hasRange) {
    const spanDecades = Math.max(1, Math.ceil(log10(maxFinite)) - Math.floor(log10(minPositive)));
    perDecade = Math.max(1, Math.min(perDecade, Math.floor(maxBins / spanDecades)));
    low = Math.floor(log10(minPositive) * perDecade);
    high = Math.ceil(log10(maxFinite) * perDecade);
    // log10 rounds (log10(999.9999999999994) = 3): make the edges really enclose the values
    if (exp10(low / perDecade) > minPositive) low--;
    if (exp10(high / perDecade) < maxFinite) high++;
    if (high <= low) high = low + 1;
    rangeBins = high - low;
  }
  const empty = (): Pick<HistogramBin, 'counts' | 'members'> => ({ counts: series.map(() => 0), members: series.map(() => []) });
  const bins: HistogramBin[] = [];
  if (anyZero) bins.push({ kind: 'zero', low: 0, high: 0, ...empty() });
  const firstRange = bins.length;
  for (let b = 0; b < rangeBins; b++) bins.push({ kind: 'range', low: exp10((low + b) / perDecade), high: exp10((low + b + 1) / perDecade), ...empty() });
  if (anyNonFinite) bins.push({ kind: 'nonFinite', low: NaN, high: NaN, ...empty() });
  series.forEach((values, s) => {
    for (let k = 0; k < values.length; k++) {
      const v = values[k];
      let b: number;
      if (!Number.isFinite(v)) b = bins.length - 1;
      else if (v <= 0) b = 0;
      else {
        // the edges are 10^(k/perDecade) rounded; test against them so a value on an edge goes up
        let r = Math.min(rangeBins - 1, Math.max(0, Math.floor(log10(v) * perDecade - low)));
        while (r > 0 && v < bins[firstRange + r].low) r--;
        while (r < rangeBins - 1 && v >= bins[firstRange + r + 1].low) r++;
        b = firstRange + r;
      }
      bins[b].counts[s]++;
      bins[b].members[s].push(k);
    }
  });
  let maxCount = 0;
  for (const bin of bins) for (const c of bin.counts) if (c > maxCount) maxCount = c;
  return { bins, binsPerDecade: perDecade, lowExponent: hasRange ? low / perDecade : 0, highExponent: hasRange ? high / perDecade : 0, maxCount };
}
