/**
 * The decision boundary: the network's output a^L over the input plane (from the engine's grid),
 * the a = ½ contour, the data points coloured by target, and axes x1, x2.
 */
import { axisBottom, axisLeft, scaleLinear, select } from 'd3';
import { type PointerEvent, memo, useEffect, useMemo, useRef, useState } from 'react';
import { Caption } from '../Caption';
import type { BoundaryGrids, Dataset } from '../../engine';
import { frameThrottle, prepareCanvas } from '../canvas';
import { formatEpoch, formatNumber } from '../format';
import { t as translate, useT } from '../../i18n/setup';
import { classColor, interpolateBoundary } from '../palette';
import { ColorLegend } from '../ColorLegend';
import { type BoundaryStyle, DEFAULT_BOUNDARY_STYLE, POINT_SVG_LIMIT, contourPath, drawBoundary, drawPoints, pointRadius } from './drawBoundary';
import { cellAtPixel } from './hoverCell';
import '../views.css';
import './boundary.css';

export interface DecisionBoundaryProps {
  grids: BoundaryGrids | null;
  data: Dataset | null;
  /** the network's output per sample (a^L, sample-major), shown with the points */
  outputs?: Float64Array | null;
  rounded: boolean;
  onRoundedChange?(rounded: boolean): void;
  /** default "Decision boundary" */
  label?: string;
  /** a visible title over the plot (the twin run names its two networks) */
  title?: string;
  /** side of the square plot in CSS pixels */
  size?: number;
  /** output values at the two ends of the colour ramp, default [0, 1] */
  outputRange?: readonly [number, number];
}

const MARGIN = { top: 8, right: 10, bottom: 34, left: 40 };
/** The hover tooltip's widest (boundary.css keeps it to this). */
const HOVER_WIDTH = 190;
/** Grids below this resolution come from a big network (the worker trades detail for speed). */
const COARSE_GRID = 50;

type Domain = readonly [number, number, number, number];

export function DecisionBoundary({
  grids,
  data,
  outputs = null,
  rounded,
  onRoundedChange,
  label,
  title,
  size = 300,
  outputRange = [0, 1],
}: DecisionBoundaryProps) {
  const t = useT();
  /** the plot pixel under the pointer, or null */
  const [pointer, setPointer] = useState<[number, number] | null>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const pointsRef = useRef<HTMLCanvasElement>(null);
  const xAxisRef = useRef<SVGGElement>(null);
  const yAxisRef = useRef<SVGGElement>(null);
  const contourRef = useRef<SVGPathElement>(null);
  const shownRef = useRef<{ pixels: Uint32Array | null }>({ pixels: null });
  const domain: Domain = grids?.domain ?? data?.domain ?? [0, 1, 0, 1];
  const [x1min, x1max, x2min, x2max] = domain;
  const x = useMemo(() => scaleLinear().domain([x1min, x1max]).range([0, size]), [x1min, x1max, size]);
  const y = useMemo(() => scaleLinear().domain([x2min, x2max]).range([size, 0]), [x2min, x2max, size]);
  const [low, high] = outputRange;
  const style: BoundaryStyle = useMemo(() => ({ ...DEFAULT_BOUNDARY_STYLE, low, high, rounded, threshold: (low + high) / 2 }), [low, high, rounded]);

  // the latest props for the frame-throttled draw
  const latest = useRef({ grids, style, size });
  const throttle = useMemo(
    () =>
      frameThrottle(() => {
        const { grids: g, style: s, size: px } = latest.current;
        const canvas = canvasRef.current;
        const contour = contourRef.current;
        if (!canvas) return;
        let ctx: CanvasRenderingContext2D | null = null;
        try {
          ctx = canvas.getContext('2d');
        } catch {
          ctx = null;
        }
        if (!g) {
          ctx?.clearRect(0, 0, canvas.width, canvas.height);
          shownRef.current.pixels = null;
          contour?.setAttribute('d', '');
          return;
        }
        if (ctx && typeof ctx.createImageData === 'function') drawBoundary(ctx, g, s, shownRef.current);
        contour?.setAttribute('d', contourPath(g, s.threshold, px));
      }),
    [],
  );
  useEffect(() => () => throttle.cancel(), [throttle]);
  useEffect(() => {
    latest.current = { grids, style, size };
    throttle.request();
  }, [throttle, grids, style, size]);

  // many samples: drawn once per data and scale on a canvas instead of one SVG group each
  const pointsOnCanvas = (data?.count ?? 0) > POINT_SVG_LIMIT;
  useEffect(() => {
    const canvas = pointsRef.current;
    if (!canvas || !data || !pointsOnCanvas) return;
    const ctx = prepareCanvas(canvas, size, size);
    if (!ctx) return;
    ctx.clearRect(0, 0, size, size);
    drawPoints(ctx, data, x, y, pointRadius(data.count, size));
  }, [data, x, y, size, pointsOnCanvas]);

  useEffect(() => {
    if (xAxisRef.current) select(xAxisRef.current).call(axisBottom(x).ticks(5).tickSizeOuter(0));
    if (yAxisRef.current) select(yAxisRef.current).call(axisLeft(y).ticks(5).tickSizeOuter(0));
  }, [x, y]);

  const isGate = data?.kind === 'gate';
  const large = isGate || (data?.count ?? 0) <= 16;

  const width = size + MARGIN.left + MARGIN.right;
  const height = size + MARGIN.top + MARGIN.bottom;
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const px = event.clientX - rect.left - MARGIN.left;
    const py = event.clientY - rect.top - MARGIN.top;
    setPointer(px >= 0 && px < size && py >= 0 && py < size ? [px, py] : null);
  };
  // read from the current grid on every render, so the value follows the training under a still pointer
  const hover = grids && pointer ? cellAtPixel(grids, pointer[0], pointer[1], size) : null;
  return (
    <figure className="bl-view bl-boundary" aria-label={label ?? t('boundary.label')} style={{ width }}>
      {title && <h3 className="bl-boundary__title">{title}</h3>}
      <div className="bl-boundary__bar">
        <label className="bl-check">
          <input type="checkbox" checked={rounded} onChange={(e) => onRoundedChange?.(e.currentTarget.checked)} disabled={!onRoundedChange} />
          {t('boundary.rounded')}
        </label>
        <ColorLegend low={low} high={high} title="aᴸ" rounded={rounded} interpolate={interpolateBoundary} />
      </div>
      <div className="bl-boundary__plot" style={{ width, height }} onPointerMove={onPointerMove} onPointerLeave={() => setPointer(null)}>
        <canvas
          ref={canvasRef}
          aria-hidden="true"
          style={{ left: MARGIN.left, top: MARGIN.top, width: size, height: size, imageRendering: rounded ? 'pixelated' : 'auto' }}
          className={grids ? undefined : 'bl-boundary__empty'}
        />
        {pointsOnCanvas && <canvas ref={pointsRef} aria-hidden="true" className="bl-boundary__points" style={{ left: MARGIN.left, top: MARGIN.top }} />}
        <svg width={width} height={height} role="img" aria-label={pointsSummary(data, outputs)}>
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            <rect className="bl-boundary__frame" width={size} height={size} />
            <path ref={contourRef} className="bl-boundary__contour" />
            {isGate && <rect className="bl-boundary__unit" x={x(0)} y={y(1)} width={x(1) - x(0)} height={y(0) - y(1)} />}
            <g ref={xAxisRef} transform={`translate(0,${size})`} />
            <g ref={yAxisRef} />
            {/* outputs only matter for labelled (large) points: small ones must not re-render every frame */}
            {!pointsOnCanvas && <DataPoints data={data} outputs={large ? outputs : null} x={x} y={y} large={large} plotWidth={size} />}
          </g>
          <text className="bl-axis-label" x={MARGIN.left + size} y={height - 3} textAnchor="end">
            x₁
          </text>
          <text className="bl-axis-label" x={4} y={MARGIN.top + 10}>
            x₂
          </text>
        </svg>
        {!grids && <p className="bl-boundary__note">{t('boundary.noOutput')}</p>}
        {hover && grids && (
          <div
            className="bl-tooltip bl-boundary__hover"
            role="status"
            style={{
              // beside the pointer on the side where the tooltip (at most HOVER_WIDTH wide) fits, never past the figure's edges
              left: Math.max(
                0,
                Math.min(width - HOVER_WIDTH, MARGIN.left + (pointer![0] + 12 + HOVER_WIDTH > size ? pointer![0] - 12 - HOVER_WIDTH : pointer![0] + 12)),
              ),
              ...(pointer![1] > size * 0.6 ? { bottom: height - MARGIN.top - pointer![1] + 12 } : { top: MARGIN.top + pointer![1] + 12 }),
            }}
          >
            <div className="bl-tooltip__head">aᴸ = {formatNumber(hover.value)}</div>
            <div>
              x₁ = {formatNumber(hover.x1)}, x₂ = {formatNumber(hover.x2)}
            </div>
            <div className="bl-boundary__hover-note">{t('boundary.hoverNote', { n: grids.resolution })}</div>
          </div>
        )}
      </div>
      <BoundaryCaption
        text={t('boundary.caption', {
          grid: grids ? t(grids.resolution < COARSE_GRID ? 'boundary.captionGridCoarse' : 'boundary.captionGrid', { n: grids.resolution }) : '',
          rounded: rounded ? t('boundary.captionRounded') : '',
          threshold: formatNumber((low + high) / 2),
          count: formatEpoch(data ? data.count : 0),
        })}
      />
    </figure>
  );
}

/** The caption, re-rendered only when its words change: a new grid comes every frame, and each caption render measures the text's layout. */
const BoundaryCaption = memo(function BoundaryCaption({ text }: { text: string }) {
  return <Caption>{text}</Caption>;
});

function pointsSummary(data: Dataset | null, outputs: Float64Array | null): string {
  if (!data) return translate('boundary.noData');
  if (data.kind !== 'gate' || data.count > 8) return translate('boundary.sampleCount', { count: data.count, samples: formatEpoch(data.count) });
  const rows: string[] = [];
  for (let s = 0; s < data.count; s++) {
    const output = outputs && s < outputs.length ? translate('boundary.sampleOutput', { value: formatNumber(outputs[s * data.outputSize]) }) : '';
    rows.push(
      translate('boundary.sample', {
        x1: formatNumber(data.inputs[s * data.inputSize]),
        x2: formatNumber(data.inputs[s * data.inputSize + 1]),
        target: formatNumber(data.targets[s * data.outputSize]),
        output,
      }),
    );
  }
  return translate('boundary.samples', { list: rows.join(translate('boundary.sampleSeparator')) });
}

interface DataPointsProps {
  data: Dataset | null;
  outputs: Float64Array | null;
  x: (v: number) => number;
  y: (v: number) => number;
  large: boolean;
  plotWidth: number;
}

/** The samples; re-rendered only when the data, the outputs or the scales change. */
const DataPoints = memo(function DataPoints({ data, outputs, x, y, large, plotWidth }: DataPointsProps) {
  if (!data || data.inputSize < 1) return null;
  const points = [];
  const n0 = data.inputSize;
  const nL = data.outputSize;
  for (let s = 0; s < data.count; s++) {
    const px = x(data.inputs[s * n0]);
    const py = y(n0 > 1 ? data.inputs[s * n0 + 1] : 0);
    const target = data.targets[s * nL];
    const out = outputs && s * nL < outputs.length ? outputs[s * nL] : null;
    points.push(
      <g key={s} className="bl-boundary__point" transform={`translate(${px},${py})`}>
        <circle className="bl-boundary__halo" r={(large ? 7 : 3.6) + 1.6} />
        <circle r={large ? 7 : 3.6} fill={classColor(target)} />
        {large && out !== null && (
          // right-hand points label to their left, so the label stays over the plot
          <text className="bl-boundary__output" x={px > plotWidth * 0.7 ? -11 : 11} y={-9} textAnchor={px > plotWidth * 0.7 ? 'end' : 'start'}>
            {formatNumber(out)}
          </text>
        )}
      </g>,
    );
  }
  return <g>{points}</g>;
});
