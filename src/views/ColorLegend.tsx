/** A small horizontal colour bar for the value ramp, with its end values. */
import { interpolateValue } from './palette';
import { formatNumber } from './format';
import { useT } from '../i18n/setup';

export interface ColorLegendProps {
  low: number;
  high: number;
  title: string;
  /** show two flat halves instead of the ramp */
  rounded?: boolean;
  width?: number;
  interpolate?: (t: number) => string;
}

const STOPS = 9;

export function ColorLegend({ low, high, title, rounded = false, width = 96, interpolate = interpolateValue }: ColorLegendProps) {
  const t = useT();
  const stops = rounded
    ? `${interpolate(0)} 0%, ${interpolate(0)} 50%, ${interpolate(1)} 50%, ${interpolate(1)} 100%`
    : Array.from({ length: STOPS }, (_, k) => `${interpolate(k / (STOPS - 1))} ${(100 * k) / (STOPS - 1)}%`).join(', ');
  return (
    <span className="bl-legend" aria-label={t('legend.label', { title, low: formatNumber(low), high: formatNumber(high) })} role="img">
      <span className="bl-legend__title">{title}</span>
      <span className="bl-legend__end">{formatNumber(low)}</span>
      <span className="bl-legend__bar" style={{ width, background: `linear-gradient(to right, ${stops})` }} />
      <span className="bl-legend__end">{formatNumber(high)}</span>
    </span>
  );
}
