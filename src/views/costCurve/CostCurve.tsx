/**
 * The cost curve: every epoch's cost of every series, reduced to one min–max span per device-pixel
 * column, on a linear or log axis. React lays out the figure; drawing happens in a subscription to
 * the source, at most once per animation frame, straight onto a canvas.
 */
import { axisBottom, axisLeft, format, select } from 'd3';
import { Caption } from '../Caption';
import { type KeyboardEvent, type PointerEvent, useEffect, useMemo, useRef, useState } from 'react';
import { devicePixelRatioOf, frameThrottle, prepareCanvas } from '../canvas';
import { formatEpoch, formatNumber } from '../format';
import { SERIES_COLORS } from '../palette';
import { useElementWidth } from '../useElementWidth';
import { type Columns, CostEnvelope } from './envelope';
import { type CostFrame, type CostScale, type PlotBox, buildCostFrame, costTicks, drawCostFrame, epochAt, epochTicks } from './frame';
import '../views.css';
import './costCurve.css';

export interface CostSeries {
  id: string;
  label: string;
  color?: string;
  /** costs[k] is the cost of epoch k + 1, valid for k < length; may be longer (capacity) and may be replaced */
  costs: Float64Array;
  length: number;
}

export interface CostSource {
  get(): { series: CostSeries[]; currentEpoch: number };
  subscribe(listener: () => void): () => void;
}

export interface CostCurveProps {
  source: CostSource;
  scale?: CostScale;
  onScaleChange?(scale: CostScale): void;
  /** click (or Enter on the focused plot) picks an epoch, e.g. to scrub back */
  onPickEpoch?(epoch: number): void;
  height?: number;
  /** figure label, default "Cost curve" */
  label?: string;
}

const MARGIN = { top: 14, right: 16, bottom: 34, left: 60 };

interface LegendEntry {
  id: string;
  label: string;
  color: string;
}

function seriesColor(series: CostSeries, k: number): string {
  return series.color ?? SERIES_COLORS[k % SERIES_COLORS.length];
}

function legendOf(series: CostSeries[]): LegendEntry[] {
  return series.map((s, k) => ({ id: s.id, label: s.label, color: seriesColor(s, k) }));
}

const legendKey = (entries: LegendEntry[]) => entries.map((e) => `${e.id}\u0000${e.label}\u0000${e.color}`).join('\u0001');

export function CostCurve({ source, scale: scaleProp, onScaleChange, onPickEpoch, height = 220, label = 'Cost curve' }: CostCurveProps) {
  const [ownScale, setOwnScale] = useState<CostScale>('linear');
  const scale = scaleProp ?? ownScale;
  const plotRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const xAxisRef = useRef<SVGGElement>(null);
  const yAxisRef = useRef<SVGGElement>(null);
  const tooltipRef = useRef<HTMLDivElement>(null);
  const legendValuesRef = useRef<Map<string, HTMLElement>>(new Map());
  const width = useElementWidth(plotRef, 640);
  const [legend, setLegend] = useState<LegendEntry[]>(() => legendOf(source.get().series));

  // state the drawing reads between frames, kept out of React so pointer moves do not re-render
  const live = useRef({
    hoverEpoch: 0,
    frame: null as CostFrame | null,
    envelopes: new Map<string, CostEnvelope>(),
    columns: new Map<string, Columns>(),
    legendKey: '',
    axesKey: '',
    redraw: null as (() => void) | null,
  });
  const box: PlotBox = useMemo(() => ({ width: Math.max(120, width), height, margin: MARGIN }), [width, height]);

  const draw = useMemo(() => {
    return () => {
      const state = live.current;
      const { series, currentEpoch } = source.get();
      const entries = legendOf(series);
      const key = legendKey(entries);
      if (key !== state.legendKey) {
        state.legendKey = key;
        setLegend(entries);
      }
      for (const id of state.envelopes.keys()) if (!series.some((s) => s.id === id)) state.envelopes.delete(id);
      const inputs = series.map((s, k) => {
        let envelope = state.envelopes.get(s.id);
        if (!envelope) state.envelopes.set(s.id, (envelope = new CostEnvelope()));
        return { id: s.id, label: s.label, color: entries[k].color, costs: s.costs, length: s.length, envelope };
      });
      const ratio = devicePixelRatioOf();
      const frame = buildCostFrame(inputs, box, scale, currentEpoch, state.hoverEpoch, ratio, state.columns);
      state.frame = frame;
      const canvas = canvasRef.current;
      const ctx = canvas ? prepareCanvas(canvas, box.width, box.height, ratio) : null;
      if (ctx) drawCostFrame(ctx, frame);
      // axes only when their scales changed (a paused curve redraws on hover without touching the DOM)
      const axesKey = `${frame.x.domain()}|${frame.x.range()}|${frame.y.domain()}|${frame.y.range()}|${scale}`;
      if (axesKey !== state.axesKey) {
        state.axesKey = axesKey;
        if (xAxisRef.current) select(xAxisRef.current).call(axisBottom(frame.x).tickValues(epochTicks(frame.x, Math.max(2, Math.floor(box.width / 110)))).tickFormat(format(',d')).tickSizeOuter(0));
        if (yAxisRef.current) select(yAxisRef.current).call(axisLeft(frame.y).tickValues(costTicks(frame)).tickFormat((v) => formatNumber(Number(v))).tickSizeOuter(0));
      }
      updateLegendValues(frame, legendValuesRef.current);
      updateTooltip(frame, tooltipRef.current);
    };
  }, [source, box, scale]);

  useEffect(() => {
    const throttle = frameThrottle(draw);
    draw();
    const unsubscribe = source.subscribe(() => throttle.request());
    live.current.redraw = () => throttle.request();
    return () => {
      live.current.redraw = null;
      unsubscribe();
      throttle.cancel();
    };
  }, [source, draw]);

  const setScale = (s: CostScale) => {
    if (scaleProp === undefined) setOwnScale(s);
    onScaleChange?.(s);
  };

  const hoverAt = (clientX: number) => {
    const frame = live.current.frame;
    const canvas = canvasRef.current;
    if (!frame || !canvas) return;
    const rect = canvas.getBoundingClientRect();
    live.current.hoverEpoch = epochAt(frame, clientX - rect.left);
    live.current.redraw?.();
  };

  const onPointerMove = (event: PointerEvent) => hoverAt(event.clientX);
  const onPointerLeave = () => {
    live.current.hoverEpoch = 0;
    live.current.redraw?.();
  };
  const onClick = () => {
    const e = live.current.hoverEpoch;
    if (e > 0) onPickEpoch?.(e);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const frame = live.current.frame;
    if (!frame) return;
    const span = frame.span;
    const stepSize = Math.max(1, Math.round(span / frame.columnCount)) * (event.shiftKey ? 10 : 1);
    const from = live.current.hoverEpoch || frame.currentEpoch || span;
    let next = from;
    if (event.key === 'ArrowRight') next = from + stepSize;
    else if (event.key === 'ArrowLeft') next = from - stepSize;
    else if (event.key === 'Home') next = 1;
    else if (event.key === 'End') next = span;
    else if ((event.key === 'Enter' || event.key === ' ') && live.current.hoverEpoch > 0) {
      onPickEpoch?.(live.current.hoverEpoch);
      event.preventDefault();
      return;
    } else if (event.key === 'Escape') next = 0;
    else return;
    event.preventDefault();
    live.current.hoverEpoch = next === 0 ? 0 : Math.min(span, Math.max(1, next));
    live.current.redraw?.();
  };

  const plotLeft = MARGIN.left;
  const plotBottom = height - MARGIN.bottom;
  return (
    <figure className="bl-view bl-cost" aria-label={label}>
      <div className="bl-cost__bar">
        <ul className="bl-cost__legend" aria-label="Series">
          {legend.map((entry) => (
            <li key={entry.id}>
              <span className="bl-cost__swatch" style={{ background: entry.color }} aria-hidden="true" />
              <span className="bl-cost__name">{entry.label}</span>{' '}
              <span
                className="bl-cost__value"
                ref={(el) => {
                  if (el) legendValuesRef.current.set(entry.id, el);
                  else legendValuesRef.current.delete(entry.id);
                }}
              />
            </li>
          ))}
        </ul>
        <div className="bl-toggle" role="group" aria-label="Cost axis scale">
          <button type="button" aria-pressed={scale === 'linear'} onClick={() => setScale('linear')}>Linear</button>
          <button type="button" aria-pressed={scale === 'log'} onClick={() => setScale('log')}>Log</button>
        </div>
      </div>
      <div
        className="bl-cost__plot"
        ref={plotRef}
        style={{ height }}
        tabIndex={0}
        role="group"
        aria-label="Cost per epoch. Arrow keys move the cursor, Enter picks the epoch."
        onPointerMove={onPointerMove}
        onPointerLeave={onPointerLeave}
        onClick={onClick}
        onKeyDown={onKeyDown}
        onBlur={onPointerLeave}
      >
        <canvas ref={canvasRef} aria-hidden="true" />
        <svg className="bl-cost__axes" width={box.width} height={height} aria-hidden="true">
          <g ref={xAxisRef} transform={`translate(0,${plotBottom})`} />
          <g ref={yAxisRef} transform={`translate(${plotLeft},0)`} />
          <text className="bl-axis-label" x={box.width - MARGIN.right} y={height - 4} textAnchor="end">epoch</text>
          <text className="bl-axis-label" x={-MARGIN.top} y={12} transform="rotate(-90)" textAnchor="end">
            cost{scale === 'log' ? ' (log)' : ''}
          </text>
        </svg>
        <div className="bl-tooltip" ref={tooltipRef} role="status" aria-live="polite" hidden />
      </div>
      <Caption>
        Cost per epoch over the whole run: each pixel column spans the lowest to the highest
        cost of its epochs; the dashed line marks the epoch shown. {scale === 'log' ? 'Log scale: zero sits on the bottom edge.' : ''} An orange strip on
        top marks epochs whose cost is not finite.
      </Caption>
    </figure>
  );
}

function updateLegendValues(frame: CostFrame, cells: Map<string, HTMLElement>): void {
  frame.series.forEach((s, k) => {
    const cell = cells.get(s.id);
    if (!cell) return;
    const epoch = frame.currentEpoch > 0 ? frame.currentEpoch : s.length;
    const cost = frame.currentEpoch > 0 ? frame.currentCosts[k] : NaN;
    cell.textContent = s.length === 0 ? 'no epochs yet' : frame.currentEpoch > 0 ? `${formatNumber(cost)} at epoch ${formatEpoch(epoch)}` : `${formatEpoch(s.length)} epochs`;
  });
}

function updateTooltip(frame: CostFrame, tooltip: HTMLDivElement | null): void {
  if (!tooltip) return;
  if (frame.hoverEpoch <= 0) {
    tooltip.hidden = true;
    return;
  }
  tooltip.hidden = false;
  const rows = frame.series.map((s, k) => `${s.label}: ${Number.isNaN(frame.hoverCosts[k]) && frame.hoverEpoch > s.length ? '—' : formatNumber(frame.hoverCosts[k])}`);
  const text = [`Epoch ${formatEpoch(frame.hoverEpoch)}`, ...rows].join('\n');
  // rebuild only when the words change: the tooltip is a live region, and frames come 60 times a second
  if (tooltip.dataset.text !== text) {
    tooltip.dataset.text = text;
    const head = document.createElement('div');
    head.className = 'bl-tooltip__head';
    head.textContent = `Epoch ${formatEpoch(frame.hoverEpoch)}`;
    tooltip.replaceChildren(head);
    frame.series.forEach((s, k) => {
      const row = document.createElement('div');
      const swatch = document.createElement('span');
      swatch.className = 'bl-cost__swatch';
      swatch.style.background = s.color;
      row.append(swatch, rows[k]);
      tooltip.append(row);
    });
  }
  const px = frame.x(frame.hoverEpoch);
  const flip = px > frame.box.width * 0.62;
  tooltip.style.left = flip ? '' : `${px + 10}px`;
  tooltip.style.right = flip ? `${frame.box.width - px + 10}px` : '';
  tooltip.style.top = `${frame.box.margin.top + 4}px`;
}
