/** Text of the sweep panel: rates as percentages, time left, and the validated start count. */
import { type RateInterval, type TypedNumber, readTypedNumber } from '../../engine';
import { t } from '../../i18n/setup';

/**
 * 0.973 → "97%". Within 1% of 0 or 100 (but not at them) one decimal, rounded away from the end,
 * so 2 of 1,000 reads "0.2%" and 998 of 1,000 "99.8%", never a misleading "0%" or "100%".
 */
export function formatPercent(share: number): string {
  if (!Number.isFinite(share)) return '–';
  const p = share * 100;
  if (p > 0 && p < 1) return `${(Math.ceil(p * 10) / 10).toFixed(1)}%`;
  if (p > 99 && p < 100) return `${(Math.floor(p * 10) / 10).toFixed(1)}%`;
  return `${Math.round(p)}%`;
}

/** "97% (92–99%)": the rate with its 95% interval. */
export function formatRateInterval(rate: Pick<RateInterval, 'rate' | 'low' | 'high'>): string {
  return `${formatPercent(rate.rate)} (${formatPercent(rate.low).replace('%', '')}–${formatPercent(rate.high)})`;
}

/** "about 12 s left", "about 2 min 5 s left"; while unknown, "estimating time left…". */
export function formatTimeLeft(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return t('time.estimating');
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  if (seconds < 60) return t('time.seconds', { s: seconds });
  const minutes = Math.floor(seconds / 60);
  return seconds % 60 === 0 ? t('time.minutes', { m: minutes }) : t('time.minutesSeconds', { m: minutes, s: seconds % 60 });
}

/** The typed number of starts: a whole number from 1 to max, read by the page's one rule for typed numbers (its message names the field). */
export function parseStartCount(text: string, max: number, name: string, example: number): TypedNumber {
  return readTypedNumber(text, { whole: true, min: 1, max }, name, String(example));
}
