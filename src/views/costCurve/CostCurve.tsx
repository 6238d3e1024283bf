/**
 * The cost curve: every epoch's cost of every series, reduced to one min–max span per device-pixel
 * column, on a linear or log axis. React lays out the figure; drawing happens in a subscription to
 * the source, at most once per animation frame, straight onto a canvas.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { currentLanguage, useT } from '../../i18n/setup';
import { Caption } from '../Caption';
import { devicePixelRatioOf, frameThrottle, prepareCanvas } from '../canvas';
import { useElementWidth } from '../useElementWidth';
import { type Columns, CostEnvelope } from './envelope';
import type { EpochRange } from './epochView';
import { drawCostFrame } from './drawFrame';
import { type CostMarker, type CostScale, type PlotBox, buildCostFrame } from './frame';
import { updateAxes } from './curveAxes';
import { updateLegendValues, updateTooltip } from './curveText';
import { CurveBar, type LegendEntry, legendKey, legendOf } from './CurveBar';
import { initialPointerState, useCurvePointer } from './useCurvePointer';
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

export function CostCurve({ source, scale: scaleProp, onScaleChange, onPickEpoch, height = 220, label, onClearFaint }: CostCurveProps) {
  const t = useT();
  const language = currentLanguage();
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
    ...initialPointerState(),
    envelopes: new Map<string, CostEnvelope>(),
    columns: new Map<string, Columns>(),
    legendKey: '',
    axes: { x: '', y: '' },
  });
  const box: PlotBox = useMemo(() => ({ width: Math.max(120, width), height, margin: MARGIN }), [width, height]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a language switch redraws the words the frame writes (legend values, tooltip)
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
      updateAxes(frame, { x: xAxisRef.current, y: yAxisRef.current, plot: plotRef.current }, state.axes);
      updateLegendValues(frame, legendValuesRef.current);
      updateTooltip(frame, tooltipRef.current);
    };
  }, [source, box, scale, zoom, logX, language]);

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
  const pointer = useCurvePointer(live, canvasRef, setZoom, onPickEpoch);

  const plotLeft = MARGIN.left;
  const plotBottom = height - MARGIN.bottom;
  return (
    <figure className="bl-view bl-cost" aria-label={label ?? t('curve.label')}>
      <CurveBar
        legend={legend}
        valueCells={legendValuesRef}
        onClearFaint={onClearFaint}
        zoomed={zoom !== null}
        onWholeRun={() => setZoom(null)}
        scale={scale}
        onScale={setScale}
        logX={logX}
        onLogX={setLogX}
      />
      <div className="bl-cost__plot" ref={plotRef} style={{ height }} tabIndex={0} role="group" aria-label={t('curve.plot')} {...pointer}>
        <canvas ref={canvasRef} aria-hidden="true" />
        <svg className="bl-cost__axes" width={box.width} height={height} aria-hidden="true">
          <g ref={xAxisRef} transform={`translate(0,${plotBottom})`} />
          <g ref={yAxisRef} transform={`translate(${plotLeft},0)`} />
          <text className="bl-axis-label" x={box.width - MARGIN.right} y={height - 4} textAnchor="end">
            {logX ? t('curve.axisEpochLog') : t('curve.axisEpoch')}
          </text>
          <text className="bl-axis-label" x={-MARGIN.top} y={12} transform="rotate(-90)" textAnchor="end">
            {scale === 'log' ? t('curve.axisCostLog') : t('curve.axisCost')}
          </text>
        </svg>
        <div className="bl-tooltip" ref={tooltipRef} role="status" aria-live="polite" hidden />
      </div>
      <Caption>
        {t('curve.caption')} {scale === 'log' ? `${t('curve.captionLog')} ` : ''}
        {t('curve.captionMarks')}
      </Caption>
    </figure>
  );
}
