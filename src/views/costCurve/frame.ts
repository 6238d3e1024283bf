/**
 * Everything one cost-curve frame needs, computed from the series and the plot size (its pure
 * drawing onto a 2-D context is drawFrame.ts).
 */
import { type ScaleContinuousNumeric, scaleLinear, scaleLog } from 'd3';
import type { Columns, CostEnvelope } from './envelope';
import { type EpochRange, type EpochView, columnExtremes, epochViewOf, isWholeLinear, viewColumns } from './epochView';
import { logTicks } from './ticks';

export { decadeTicks } from './ticks';

export type CostScale = 'linear' | 'log';

export interface PlotBox {
  /** CSS pixels of the whole canvas */
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export interface SeriesFrame {
  id: string;
  label: string;
  color: string;
  columns: Columns;
  length: number;
  /** an earlier run kept for comparison: drawn faintly */
  faint: boolean;
}

/** A setting that changed mid-run: the epochs after `epoch` trained with the new value. */
export interface CostMarker {
  epoch: number;
  label: string;
}

/** What else a frame shows besides the series: the zoom, a log epoch axis, markers, a drag in progress. */
export interface FrameExtras {
  zoom?: EpochRange;
  logX?: boolean;
  markers?: readonly CostMarker[];
  /** epochs under a zoom drag in progress */
  selection?: EpochRange;
}

export interface CostFrame {
  box: PlotBox;
  scale: CostScale;
  /** epochs 1 … span in the longest series */
  span: number;
  /** the epochs across the plot (the whole run, or the zoom) and whether the epoch axis is log */
  view: EpochView;
  markers: CostMarker[];
  selection: EpochRange;
  x: ScaleContinuousNumeric<number, number>;
  y: ScaleContinuousNumeric<number, number>;
  /** pixel columns in device pixels, and CSS pixels per column */
  columnCount: number;
  columnWidth: number;
  series: SeriesFrame[];
  /** the marked epoch (0 = none) and each series' cost there */
  currentEpoch: number;
  currentCosts: number[];
  /** the epoch under the pointer (0 = none) and each series' cost there */
  hoverEpoch: number;
  hoverCosts: number[];
}

export interface SeriesInput {
  id: string;
  label: string;
  color: string;
  costs: ArrayLike<number>;
  length: number;
  envelope: CostEnvelope;
  faint?: boolean;
}

function plotWidth(box: PlotBox): number {
  return Math.max(1, box.width - box.margin.left - box.margin.right);
}

function plotHeight(box: PlotBox): number {
  return Math.max(1, box.height - box.margin.top - box.margin.bottom);
}

/** The cost of epoch e of a series (1-based), NaN outside its history. */
function costAt(costs: ArrayLike<number>, length: number, epoch: number): number {
  const k = Math.round(epoch) - 1;
  return k >= 0 && k < length && k < costs.length ? costs[k] : NaN;
}

type Extremes = Pick<CostEnvelope, 'globalMin' | 'globalMax' | 'globalMinPositive'>;

/** y domain over all series: linear from min(0, lowest) to highest; log from lowest positive to highest. */
export function costDomain(series: readonly { envelope: Extremes }[], scale: CostScale): [number, number] {
  let lo = NaN;
  let hi = NaN;
  let loPositive = NaN;
  for (const s of series) {
    const e = s.envelope;
    if (!(lo <= e.globalMin)) lo = Number.isNaN(e.globalMin) ? lo : e.globalMin;
    if (!(hi >= e.globalMax)) hi = Number.isNaN(e.globalMax) ? hi : e.globalMax;
    if (!(loPositive <= e.globalMinPositive)) loPositive = Number.isNaN(e.globalMinPositive) ? loPositive : e.globalMinPositive;
  }
  if (scale === 'log') {
    if (!(loPositive > 0) || !(hi > 0)) return [1e-3, 1];
    if (hi <= loPositive) return [loPositive / 10, loPositive * 10];
    return [loPositive, hi];
  }
  if (Number.isNaN(hi)) return [0, 1];
  const bottom = Math.min(0, lo);
  return hi > bottom ? [bottom, hi] : [bottom, bottom + 1];
}

/** Builds one frame. `ratio` is the devicePixelRatio: one column per device pixel. */
export function buildCostFrame(
  inputs: readonly SeriesInput[],
  box: PlotBox,
  scale: CostScale,
  currentEpoch: number,
  hoverEpoch: number,
  ratio: number,
  reuse?: Map<string, Columns>,
  extras: FrameExtras = {},
): CostFrame {
  const w = plotWidth(box);
  const h = plotHeight(box);
  let span = 1;
  for (const s of inputs) {
    s.envelope.sync(s.costs, s.length);
    span = Math.max(span, s.envelope.length);
  }
  const view = epochViewOf(span, extras.zoom ?? null, extras.logX ?? false);
  const xRange = [box.margin.left, box.margin.left + w];
  const x = view.log ? scaleLog().domain([view.from, view.to]).range(xRange) : scaleLinear().domain([view.from, view.to]).range(xRange);
  const columnCount = Math.max(1, Math.round(w * ratio));
  const series = inputs.map((s) => ({
    id: s.id,
    label: s.label,
    color: s.color,
    length: s.envelope.length,
    faint: s.faint ?? false,
    columns: viewColumns(s.envelope, s.costs, view, columnCount, span, reuse?.get(s.id)),
  }));
  if (reuse) for (const s of series) reuse.set(s.id, s.columns);
  // a zoom or a log epoch axis scales the costs to what is on show
  const domain = costDomain(isWholeLinear(view, span) ? inputs : series.map((s) => ({ envelope: columnExtremes(s.columns) })), scale);
  const range = [box.margin.top + h, box.margin.top];
  // log: a little headroom instead of nice(), which would round 0.7 up to 10 and waste a third of the plot
  const y =
    scale === 'log'
      ? scaleLog()
          .domain([domain[0] / 1.25, domain[1] * 1.25])
          .range(range)
      : scaleLinear().domain(domain).range(range).nice();
  const current = Math.round(currentEpoch);
  const hover = Math.round(hoverEpoch);
  return {
    box,
    scale,
    span,
    view,
    markers: (extras.markers ?? []).filter((m) => m.epoch >= view.from && m.epoch <= view.to),
    selection: extras.selection ?? null,
    x,
    y,
    columnCount,
    columnWidth: w / columnCount,
    series,
    currentEpoch: current,
    currentCosts: inputs.map((s) => costAt(s.costs, s.length, current)),
    hoverEpoch: hover,
    hoverCosts: inputs.map((s) => costAt(s.costs, s.length, hover)),
  };
}

/** Vertical pixel of a cost; on a log scale zero and below sit on the bottom edge. */
export function yOf(frame: CostFrame, cost: number): number {
  const [bottom, top] = frame.y.range();
  if (frame.scale === 'log' && !(cost > 0)) return bottom;
  const v = frame.y(cost);
  return v > bottom ? bottom : v < top ? top : v;
}

/** The epoch at a horizontal CSS pixel inside the plot, 0 outside. */
export function epochAt(frame: Pick<CostFrame, 'x' | 'span' | 'box'>, px: number): number {
  const [left, right] = frame.x.range();
  if (px < left - 2 || px > right + 2 || frame.span < 1) return 0;
  const [from, to] = frame.x.domain();
  const e = Math.round(frame.x.invert(Math.min(right, Math.max(left, px))));
  return Math.min(frame.span, Math.ceil(to), Math.max(1, Math.floor(from), e));
}

/** Tick values of the y axis (shared by the grid lines and the axis). */
export function costTicks(frame: Pick<CostFrame, 'y' | 'scale' | 'box'>): number[] {
  const rows = Math.max(2, Math.floor(plotHeight(frame.box) / 28));
  return frame.scale === 'log' ? logTicks(frame.y.domain(), rows) : frame.y.ticks(Math.min(6, rows));
}

/** Epoch ticks: whole epochs only, so a run of two epochs is not labelled 1 1 1 2 2. */
export function epochTicks(x: { ticks(count: number): number[] }, count: number): number[] {
  return x.ticks(count).filter((t) => Number.isInteger(t));
}

/** The epoch axis's ticks: whole epochs; on a log axis decades (1, 10, 100 …), or 1-2-5 steps over a short range. */
export function frameEpochTicks(frame: Pick<CostFrame, 'x' | 'view'>, count: number): number[] {
  if (!frame.view.log) return epochTicks(frame.x, count);
  return logTicks(frame.x.domain(), count).filter((t) => Number.isInteger(t));
}
