/**
 * A small horizontal colour bar for a value ramp: its end values beside it, or tick labels under it
 * (the gradient check's log scale). Tick labels never overlap: where two would touch, the strong one
 * (the tolerance) and the ends keep theirs and the tick between shows its mark alone.
 */
import { interpolateValue } from './palette';
import { formatNumber } from './format';
import { useT } from '../i18n/setup';
import './colorLegend.css';

export interface LegendTick {
  /** the tick's place along the bar, 0 … 1 */
  position: number;
  label: string;
  /** drawn bold, and its label is placed first */
  strong?: boolean;
}

export interface ColorLegendProps {
  low: number;
  high: number;
  title: string;
  /** show two flat halves instead of the ramp */
  rounded?: boolean;
  width?: number;
  interpolate?: (t: number) => string;
  /** labelled ticks under the bar instead of the end values */
  ticks?: readonly LegendTick[];
  /** what a screen reader hears instead of "title: orange low to blue high" */
  label?: string;
  /** the bar's CSS background, for a ramp `interpolate` does not describe */
  background?: string;
}

const STOPS = 9;
/** A 12 px label's width per character, a little over the widest digit and the minus sign. */
const TICK_CHAR_PX = 8;
/** The least room between two tick labels. */
const TICK_GAP_PX = 6;

const labelWidth = (tick: LegendTick) => tick.label.length * TICK_CHAR_PX;

/** Which tick labels fit: strong ticks first, then the ends, then the rest in order, each only clear of those placed. */
export function visibleTickLabels(ticks: readonly LegendTick[], width: number): boolean[] {
  const rank = (k: number) => (ticks[k].strong ? 0 : k === 0 || k === ticks.length - 1 ? 1 : 2);
  const order = ticks.map((_, k) => k).sort((a, b) => rank(a) - rank(b) || a - b);
  const placed: Array<[number, number]> = [];
  const shown = ticks.map(() => false);
  for (const k of order) {
    const centre = ticks[k].position * width;
    const half = labelWidth(ticks[k]) / 2 + TICK_GAP_PX / 2;
    const [left, right] = [centre - half, centre + half];
    if (placed.every(([l, r]) => right <= l || left >= r)) {
      placed.push([left, right]);
      shown[k] = true;
    }
  }
  return shown;
}

export function ColorLegend({ low, high, title, rounded = false, width = 96, interpolate = interpolateValue, ticks, label, background }: ColorLegendProps) {
  const t = useT();
  const stops = rounded
    ? `${interpolate(0)} 0%, ${interpolate(0)} 50%, ${interpolate(1)} 50%, ${interpolate(1)} 100%`
    : Array.from({ length: STOPS }, (_, k) => `${interpolate(k / (STOPS - 1))} ${(100 * k) / (STOPS - 1)}%`).join(', ');
  const bar = <span className="bl-legend__bar" style={{ width, background: background ?? `linear-gradient(to right, ${stops})` }} />;
  const spoken = label ?? t('legend.label', { title, low: formatNumber(low), high: formatNumber(high) });
  if (ticks && ticks.length > 0) {
    const shown = visibleTickLabels(ticks, width);
    // the end labels hang past the bar by half their width: room for them, so they meet neither the title nor the next item
    const first = ticks[0];
    const last = ticks[ticks.length - 1];
    const marginLeft = Math.max(0, labelWidth(first) / 2 - first.position * width);
    const marginRight = Math.max(0, labelWidth(last) / 2 - (1 - last.position) * width);
    return (
      <span className="bl-legend bl-legend--ticks" aria-label={spoken} role="img">
        <span className="bl-legend__title">{title}</span>
        <span className="bl-legend__scale" style={{ width, marginLeft, marginRight }}>
          {bar}
          {ticks.map((tick, k) => (
            <span key={tick.label} className={tick.strong ? 'bl-legend__tick is-strong' : 'bl-legend__tick'} style={{ left: `${tick.position * 100}%` }}>
              {shown[k] ? tick.label : ''}
            </span>
          ))}
        </span>
      </span>
    );
  }
  return (
    <span className="bl-legend" aria-label={spoken} role="img">
      <span className="bl-legend__title">{title}</span>
      <span className="bl-legend__end">{formatNumber(low)}</span>
      {bar}
      <span className="bl-legend__end">{formatNumber(high)}</span>
    </span>
  );
}
