/**
 * The cost curve's bar above the plot: the legend (one entry per series, its value written by the
 * frame straight into the DOM, a Clear button on an earlier run) and the tools (Whole run, the cost
 * axis scale, log epochs).
 */
import type { RefObject } from 'react';
import { useT } from '../../i18n/setup';
import { SERIES_COLORS } from '../palette';
import type { CostScale } from './frame';

export interface LegendEntry {
  id: string;
  label: string;
  color: string;
  faint: boolean;
}

/** An earlier run's colour: grey, whatever colour it had. */
const FAINT_COLOR = '#8A8A8A';

export function legendOf(series: readonly { id: string; label: string; color?: string; faint?: boolean }[]): LegendEntry[] {
  return series.map((s, k) => ({
    id: s.id,
    label: s.label,
    color: s.faint ? FAINT_COLOR : (s.color ?? SERIES_COLORS[k % SERIES_COLORS.length]),
    faint: s.faint ?? false,
  }));
}

export const legendKey = (entries: LegendEntry[]) => entries.map((e) => `${e.id}\u0000${e.label}\u0000${e.color}`).join('\u0001');

interface CurveBarProps {
  legend: LegendEntry[];
  /** the legend's value cells, by series id */
  valueCells: RefObject<Map<string, HTMLElement>>;
  onClearFaint?(): void;
  zoomed: boolean;
  onWholeRun(): void;
  scale: CostScale;
  onScale(scale: CostScale): void;
  logX: boolean;
  onLogX(logX: boolean): void;
}

export function CurveBar({ legend, valueCells, onClearFaint, zoomed, onWholeRun, scale, onScale, logX, onLogX }: CurveBarProps) {
  const t = useT();
  return (
    <div className="bl-cost__bar">
      <ul className="bl-cost__legend" aria-label={t('curve.series')}>
        {legend.map((entry) => (
          <li key={entry.id}>
            <span className="bl-cost__swatch" style={{ background: entry.color }} aria-hidden="true" />
            <span className="bl-cost__name">{entry.label}</span>{' '}
            <span
              className="bl-cost__value"
              ref={(el) => {
                if (el) valueCells.current.set(entry.id, el);
                else valueCells.current.delete(entry.id);
              }}
            />
            {entry.faint && onClearFaint && (
              <button type="button" className="bl-cost__clear" onClick={onClearFaint} aria-label={t('curve.clearSeries', { label: entry.label })}>
                {t('curve.clear')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <div className="bl-cost__tools">
        {zoomed && (
          <button type="button" className="bl-cost__whole" onClick={onWholeRun} title={t('curve.wholeRunHint')}>
            {t('curve.wholeRun')}
          </button>
        )}
        <div className="bl-toggle" role="group" aria-label={t('curve.scale')}>
          <button type="button" aria-pressed={scale === 'linear'} onClick={() => onScale('linear')}>
            {t('curve.linear')}
          </button>
          <button type="button" aria-pressed={scale === 'log'} onClick={() => onScale('log')}>
            {t('curve.log')}
          </button>
        </div>
        <div className="bl-toggle">
          <button type="button" aria-pressed={logX} onClick={() => onLogX(!logX)} title={t('curve.logEpochsHint')}>
            {t('curve.logEpochs')}
          </button>
        </div>
      </div>
    </div>
  );
}
