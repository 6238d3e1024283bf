/**
 * The cost curve: every epoch's cost of every series, reduced to one min–max span per device-pixel
 * column, on a linear or log axis. React lays out the figure; drawing happens in a subscription to
 * the source, at most once per animation frame, straight onto a canvas.
 */
import { axisBottom, axisLeft, format, select } from 'd3';
import { type KeyboardEvent, type MouseEvent, type PointerEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Caption } from '../Caption';
import { devicePixelRatioOf, frameThrottle, prepareCanvas } from '../canvas';
import { SERIES_COLORS } from '../palette';
import { useElementWidth } from '../useElementWidth';
import { type Columns, CostEnvelope } from './envelope';
import { type EpochRange, zoomFromDrag } from './epochView';
import { drawCostFrame } from './drawFrame';
import { type CostFrame, type CostMarker, type CostScale, type PlotBox, buildCostFrame, costTicks, epochAt, frameEpochTicks } from './frame';
import { tickFormatter } from './ticks';
import { updateLegendValues, updateTooltip } from './curveText';
import '../views.css';
import './costCurve.css';

export interface CostSeries {
  id: string;
  label: string;
  color?: string;
  /** costs[k] is the cost at epoch k + 1, valid for k < length; may be longer (capacity) and may be replaced */
  costs: Float64Array;
  length: number;
  /** an earlier run kept for comparison (drawn faintly, with a Clear button when the curve is given onClearFaint) */
  faint?: boolean;
}

export interface CostSource {
  get(): { series: CostSeries[]; currentEpoch: number; markers?: readonly CostMarker[] };
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
  /** drops the faint series (an earlier run) */
  onClearFaint?(): void;
}

const MARGIN = { top: 14, right: 16, bottom: 34, left: 60 };

interface LegendEntry {
  id: string;
  label: string;
  color: string;
  faint: boolean;
}

/** An earlier run's colour: grey, whatever colour it had. */
const FAINT_COLOR = '#8A8A8A';

function seriesColor(series: CostSeries, k: number): string {
  return series.faint ? FAINT_COLOR : (series.color ?? SERIES_COLORS[k % SERIES_COLORS.length]);
}

function legendOf(series: CostSeries[]): LegendEntry[] {
  return series.map((s, k) => ({ id: s.id, label: s.label, color: seriesColor(s, k), faint: s.faint ?? false }));
}

const legendKey = (entries: LegendEntry[]) => entries.map((e) => `${e.id}\u0000${e.label}\u0000${e.color}`).join('\u0001');

/** A click waits this long for a second one, so a double-click (reset the zoom) does not also pick an epoch. */
const DOUBLE_CLICK_MS = 250;

export function CostCurve({ source, scale: scaleProp, onScaleChange, onPickEpoch, height = 220, label = 'Cost curve', onClearFaint }: CostCurveProps) {
  const [ownScale, setOwnScale] = useState<CostScale>('linear');
  const scale = scaleProp ?? ownScale;
  const [logX, setLogX] = useState(false);
  const [zoom, setZoom] = useState<EpochRange>(null);
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
    /** the pixel a zoom drag started at, and the epochs it covers so far */
    dragFrom: null as number | null,
    selection: null as EpochRange,
    /** the last pointer-up ended a drag: its click is not a pick */
    dragged: false,
    pendingPick: 0 as ReturnType<typeof setTimeout> | 0,
  });
  const box: PlotBox = useMemo(() => ({ width: Math.max(120, width), height, margin: MARGIN }), [width, height]);

  const draw = useMemo(() => {
    return () => {
      const state = live.current;
      const { series, currentEpoch, markers } = source.get();
      const entries = legendOf(series);
      const key = legendKey(entries);
      if (key !== state.legendKey) {
        state.legendKey = key;
        setLegend(entries);
      }
      for (const id of state.envelopes.keys()) if (!series.some((s) => s.id === id)) state.envelopes.delete(id);
      const inputs = series.map((s, k) => {
        const envelope = state.envelopes.get(s.id) ?? new CostEnvelope();
        state.envelopes.set(s.id, envelope);
        return { id: s.id, label: s.label, color: entries[k].color, costs: s.costs, length: s.length, envelope, faint: s.faint };
      });
      const ratio = devicePixelRatioOf();
      const frame = buildCostFrame(inputs, box, scale, currentEpoch, state.hoverEpoch, ratio, state.columns, {
        zoom,
        logX,
        markers,
        selection: state.selection,
      });
      state.frame = frame;
      const canvas = canvasRef.current;
      const ctx = canvas ? prepareCanvas(canvas, box.width, box.height, ratio) : null;
      if (ctx) drawCostFrame(ctx, frame);
      // axes only when their scales changed (a paused curve redraws on hover without touching the DOM)
      const axesKey = `${frame.x.domain()}|${frame.x.range()}|${frame.y.domain()}|${frame.y.range()}|${scale}|${logX}`;
      if (axesKey !== state.axesKey) {
        state.axesKey = axesKey;
        const yTicks = costTicks(frame);
        const yFormat = tickFormatter(yTicks);
        if (xAxisRef.current)
          select(xAxisRef.current).call(
            axisBottom(frame.x)
              .tickValues(frameEpochTicks(frame, Math.max(2, Math.floor(box.width / 110))))
              .tickFormat(format(',d'))
              .tickSizeOuter(0),
          );
        if (yAxisRef.current)
          select(yAxisRef.current).call(
            axisLeft(frame.y)
              .tickValues(yTicks)
              .tickFormat((v) => yFormat(Number(v)))
              .tickSizeOuter(0),
          );
        // the epochs on show, for tests and assistive tools
        plotRef.current?.setAttribute('data-epochs', `${frame.view.from}-${frame.view.to}`);
      }
      updateLegendValues(frame, legendValuesRef.current);
      updateTooltip(frame, tooltipRef.current);
    };
  }, [source, box, scale, zoom, logX]);

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

  const pixelOf = (clientX: number) => clientX - (canvasRef.current?.getBoundingClientRect().left ?? 0);
  const onPointerDown = (event: PointerEvent) => {
    if (event.button !== 0) return;
    live.current.dragFrom = pixelOf(event.clientX);
    live.current.dragged = false;
  };
  const onPointerMove = (event: PointerEvent) => {
    hoverAt(event.clientX);
    const state = live.current;
    const frame = state.frame;
    if (state.dragFrom === null || !frame || (event.buttons & 1) === 0) return;
    const range = zoomFromDrag((px) => epochAt(frame, px), state.dragFrom, pixelOf(event.clientX));
    state.selection = range;
  };
  const endDrag = (event: PointerEvent) => {
    const state = live.current;
    const frame = state.frame;
    if (state.dragFrom !== null && frame) {
      const range = zoomFromDrag((px) => epochAt(frame, px), state.dragFrom, pixelOf(event.clientX));
      if (range) {
        state.dragged = true;
        setZoom(range);
      }
    }
    state.dragFrom = null;
    state.selection = null;
    state.redraw?.();
  };
  const onPointerLeave = () => {
    live.current.hoverEpoch = 0;
    live.current.dragFrom = null;
    live.current.selection = null;
    live.current.redraw?.();
  };
  const onClick = (event: MouseEvent) => {
    const state = live.current;
    if (state.dragged) {
      state.dragged = false;
      return;
    }
    const e = state.hoverEpoch;
    if (e <= 0 || !onPickEpoch || event.detail > 1) return;
    clearTimeout(state.pendingPick);
    state.pendingPick = setTimeout(() => onPickEpoch(e), DOUBLE_CLICK_MS);
  };
  const onDoubleClick = () => {
    clearTimeout(live.current.pendingPick);
    setZoom(null);
  };
  useEffect(() => () => clearTimeout(live.current.pendingPick), []);
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
              {entry.faint && onClearFaint && (
                <button type="button" className="bl-cost__clear" onClick={onClearFaint} aria-label={`Clear ${entry.label}`}>
                  Clear
                </button>
              )}
            </li>
          ))}
        </ul>
        <div className="bl-cost__tools">
          {zoom && (
            <button type="button" className="bl-cost__whole" onClick={() => setZoom(null)} title="Or double-click the plot">
              Whole run
            </button>
          )}
          <div className="bl-toggle" role="group" aria-label="Cost axis scale">
            <button type="button" aria-pressed={scale === 'linear'} onClick={() => setScale('linear')}>
              Linear
            </button>
            <button type="button" aria-pressed={scale === 'log'} onClick={() => setScale('log')}>
              Log
            </button>
          </div>
          <div className="bl-toggle">
            <button type="button" aria-pressed={logX} onClick={() => setLogX(!logX)} title="Epochs on a log axis: the first epochs get room">
              Log epochs
            </button>
          </div>
        </div>
      </div>
      <div
        className="bl-cost__plot"
        ref={plotRef}
        style={{ height }}
        tabIndex={0}
        role="group"
        aria-label="Cost per epoch. Arrow keys move the cursor, Enter picks the epoch."
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerLeave={onPointerLeave}
        onClick={onClick}
        onDoubleClick={onDoubleClick}
        onKeyDown={onKeyDown}
        onBlur={onPointerLeave}
      >
        <canvas ref={canvasRef} aria-hidden="true" />
        <svg className="bl-cost__axes" width={box.width} height={height} aria-hidden="true">
          <g ref={xAxisRef} transform={`translate(0,${plotBottom})`} />
          <g ref={yAxisRef} transform={`translate(${plotLeft},0)`} />
          <text className="bl-axis-label" x={box.width - MARGIN.right} y={height - 4} textAnchor="end">
            epoch{logX ? ' (log)' : ''}
          </text>
          <text className="bl-axis-label" x={-MARGIN.top} y={12} transform="rotate(-90)" textAnchor="end">
            cost{scale === 'log' ? ' (log)' : ''}
          </text>
        </svg>
        <div className="bl-tooltip" ref={tooltipRef} role="status" aria-live="polite" hidden />
      </div>
      <Caption>
        The cost at each epoch (the whole dataset's cost after that epoch's update); each pixel column spans the lowest to the highest of its epochs, and the
        dashed line marks the epoch shown. Drag across the plot to zoom into those epochs, double-click for the whole run.{' '}
        {scale === 'log' ? 'Log scale: zero sits on the bottom edge.' : ''} An orange strip on top marks epochs whose cost is not finite; a purple dotted line,
        a setting changed after that epoch; a grey dashed curve, the previous run.
      </Caption>
    </figure>
  );
}
