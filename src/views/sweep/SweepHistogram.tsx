/**
 * Histogram of a sweep's final costs on a log axis, the correct and buggy derivative side by side
 * in each bin, with a bin of its own for costs that rounded to 0 and one for diverged (non-finite)
 * runs. D3 gives the scales and axes; the bars are buttons (click or Enter picks that bin's starts).
 */
import { axisBottom, axisLeft, scaleLinear, scaleLog, select } from 'd3';
import { useEffect, useMemo, useRef } from 'react';
import type { DerivativeMode, HistogramBin, LogHistogram } from '../../engine';
import { formatNumber } from '../format';
import { useElementWidth } from '../useElementWidth';
import { t as translate, useT } from '../../i18n/setup';
import { formatEpoch } from '../format';

export interface BinPick {
  bin: number;
  derivative: DerivativeMode;
}

export interface SweepHistogramProps {
  histogram: LogHistogram;
  /** series colours, correct then buggy */
  colors: readonly [string, string];
  selected: BinPick | null;
  onSelect(pick: BinPick): void;
  height?: number;
}

const MARGIN = { top: 10, right: 12, bottom: 38, left: 42 };
const GAP = 12;
const MODES: readonly DerivativeMode[] = ['correct', 'buggy'];
const MODE_NAMES = { correct: 'gates.correct', buggy: 'gates.buggy' } as const;

export function binRangeText(bin: HistogramBin): string {
  if (bin.kind === 'zero') return translate('bl.hist.zero');
  if (bin.kind === 'nonFinite') return translate('bl.hist.nonFinite');
  return translate('bl.hist.range', { low: formatNumber(bin.low), high: formatNumber(bin.high) });
}

interface BarLayout {
  bin: number;
  x: number;
  width: number;
}

export function SweepHistogram({ histogram, colors, selected, onSelect, height = 190 }: SweepHistogramProps) {
  const t = useT();
  const boxRef = useRef<HTMLDivElement>(null);
  const xAxisRef = useRef<SVGGElement>(null);
  const yAxisRef = useRef<SVGGElement>(null);
  const width = useElementWidth(boxRef, 560);
  const innerW = Math.max(120, width - MARGIN.left - MARGIN.right);
  const innerH = Math.max(60, height - MARGIN.top - MARGIN.bottom);
  const { bins } = histogram;
  const hasZero = bins[0]?.kind === 'zero';
  const hasNonFinite = bins.at(-1)?.kind === 'nonFinite';
  const rangeCount = bins.filter((b) => b.kind === 'range').length;

  const layout = useMemo(() => {
    const slots = rangeCount + (hasZero ? 1 : 0) + (hasNonFinite ? 1 : 0);
    const gaps = (hasZero ? GAP : 0) + (hasNonFinite ? GAP : 0);
    const slot = slots > 0 ? (innerW - gaps) / slots : innerW;
    const x0 = hasZero ? slot + GAP : 0;
    const x1 = innerW - (hasNonFinite ? slot + GAP : 0);
    const x =
      rangeCount > 0
        ? scaleLog()
            .domain([10 ** histogram.lowExponent, 10 ** histogram.highExponent])
            .range([x0, x1])
        : null;
    const bars: BarLayout[] = bins.map((b, k) => {
      if (b.kind === 'zero') return { bin: k, x: 0, width: slot };
      if (b.kind === 'nonFinite') return { bin: k, x: innerW - slot, width: slot };
      const left = x!(b.low);
      return { bin: k, x: left, width: x!(b.high) - left };
    });
    return { x, bars };
  }, [bins, hasZero, hasNonFinite, rangeCount, innerW, histogram.lowExponent, histogram.highExponent]);

  const y = useMemo(
    () =>
      scaleLinear()
        .domain([0, Math.max(1, histogram.maxCount)])
        .nice()
        .range([innerH, 0]),
    [histogram.maxCount, innerH],
  );

  useEffect(() => {
    if (xAxisRef.current) {
      const g = select(xAxisRef.current);
      if (layout.x) {
        const [lo, hi] = [Math.ceil(histogram.lowExponent), Math.floor(histogram.highExponent)];
        const step = Math.max(1, Math.ceil((hi - lo + 1) / 8));
        const decades: number[] = [];
        for (let e = lo; e <= hi; e += step) decades.push(10 ** e);
        g.call(
          axisBottom(layout.x)
            .tickValues(decades)
            .tickFormat((v) => formatNumber(Number(v))),
        );
      } else g.selectAll('*').remove();
    }
    if (yAxisRef.current)
      select(yAxisRef.current).call(
        axisLeft(y)
          .ticks(4)
          .tickFormat((v) => (Number.isInteger(Number(v)) ? String(v) : '')),
      );
  }, [layout, y, histogram.lowExponent, histogram.highExponent]);

  return (
    <div ref={boxRef} className="bl-sweep__histogram">
      <svg width={width} height={height} role="group" aria-label={t('bl.hist.label')}>
        <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
          <g ref={yAxisRef} />
          <g ref={xAxisRef} transform={`translate(0,${innerH})`} />
          {layout.bars.map(({ bin, x, width: w }) => {
            const b = bins[bin];
            const half = Math.max(1, (w - 2) / 2);
            return (
              <g key={bin}>
                {MODES.map((mode, s) => {
                  const count = b.counts[s];
                  const top = y(count);
                  const isSelected = selected?.bin === bin && selected.derivative === mode;
                  const label = t('bl.hist.bar', { mode: t(MODE_NAMES[mode]), count, n: formatEpoch(count), range: binRangeText(b) });
                  return (
                    <rect
                      key={mode}
                      className="bl-sweep__bar"
                      x={x + 1 + s * half}
                      y={count > 0 ? top : innerH - 1}
                      width={half}
                      height={count > 0 ? innerH - top : 1}
                      fill={colors[s]}
                      stroke={isSelected ? '#111' : 'none'}
                      strokeWidth={isSelected ? 2 : 0}
                      role="button"
                      tabIndex={count > 0 ? 0 : -1}
                      aria-label={label}
                      aria-pressed={isSelected}
                      aria-disabled={count === 0}
                      onClick={() => count > 0 && onSelect({ bin, derivative: mode })}
                      onKeyDown={(event) => {
                        if ((event.key === 'Enter' || event.key === ' ') && count > 0) {
                          event.preventDefault();
                          onSelect({ bin, derivative: mode });
                        }
                      }}
                    >
                      <title>{label}</title>
                    </rect>
                  );
                })}
              </g>
            );
          })}
          {hasZero && (
            <text className="bl-axis-label" x={layout.bars[0].x + layout.bars[0].width / 2} y={innerH + 16} textAnchor="middle">
              0
            </text>
          )}
          {hasNonFinite && (
            <text className="bl-axis-label" x={innerW - layout.bars.at(-1)!.width / 2} y={innerH + 16} textAnchor="middle">
              {t('bl.hist.diverged')}
            </text>
          )}
          <text className="bl-axis-label" x={innerW / 2} y={innerH + 33} textAnchor="middle">
            {t('bl.hist.axis')}
          </text>
          <text className="bl-axis-label" transform={`translate(${-32},${innerH / 2}) rotate(-90)`} textAnchor="middle">
            {t('bl.hist.starts')}
          </text>
        </g>
      </svg>
    </div>
  );
}
