/**
 * Everything one cost-curve frame needs, computed from the series and the plot size, and the pure
 * drawing of it onto a 2-D context (canvas in the app, a recording fake in tests).
 */
import { type ScaleContinuousNumeric, area, scaleLinear, scaleLog } from 'd3';
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

export function plotWidth(box: PlotBox): number {
  return Math.max(1, box.width - box.margin.left - box.margin.right);
}

export function plotHeight(box: PlotBox): number {
  return Math.max(1, box.height - box.margin.top - box.margin.bottom);
}

/** The cost of epoch e of a series (1-based), NaN outside its history. */
export function costAt(costs: ArrayLike<number>, length: number, epoch: number): number {
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
  const y = scale === 'log' ? scaleLog().domain([domain[0] / 1.25, domain[1] * 1.25]).range(range) : scaleLinear().domain(domain).range(range).nice();
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

const DIVERGED_COLOR = '#D55E00';

/** Draws the whole frame: grid, each series' min–max envelope, divergence marks, current and hover epochs. */
export function drawCostFrame(ctx: CanvasRenderingContext2D, frame: CostFrame): void {
  const { box } = frame;
  ctx.clearRect(0, 0, box.width, box.height);
  const [left, right] = frame.x.range();
  const [bottom, top] = frame.y.range();
  // horizontal grid lines at the y ticks
  ctx.strokeStyle = '#ECEAE6';
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const t of costTicks(frame)) {
    const py = Math.round(frame.y(t)) + 0.5;
    if (py < top - 0.5 || py > bottom + 0.5) continue;
    ctx.moveTo(left, py);
    ctx.lineTo(right, py);
  }
  ctx.stroke();

  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top - 2, right - left, bottom - top + 4);
  ctx.clip();
  // earlier runs first, under the live one
  for (const s of frame.series) if (s.faint) drawEnvelope(ctx, frame, s);
  for (const s of frame.series) if (!s.faint) drawEnvelope(ctx, frame, s);
  drawSelection(ctx, frame);
  ctx.restore();

  drawMarkers(ctx, frame);
  for (const s of frame.series) if (!s.faint) drawDivergence(ctx, frame, s);
  if (frame.currentEpoch > 0) drawEpochMark(ctx, frame, frame.currentEpoch, frame.currentCosts, '#333333', [4, 3]);
  if (frame.hoverEpoch > 0) drawEpochMark(ctx, frame, frame.hoverEpoch, frame.hoverCosts, '#777777', []);
}

function drawEnvelope(ctx: CanvasRenderingContext2D, frame: CostFrame, s: SeriesFrame): void {
  const { columns } = s;
  const left = frame.x.range()[0];
  // columns holding costs, and the non-finite ones (which break the line); empty columns are skipped,
  // so a history shorter than the plot is wide still draws as one connected line
  const indices: number[] = [];
  for (let c = 0; c < columns.count; c++) if (!Number.isNaN(columns.max[c]) || columns.nonFinite[c] > 0) indices.push(c);
  const xOf = (c: number) => left + (c + 0.5) * frame.columnWidth;
  const band = area<number>()
    .defined((c) => !Number.isNaN(columns.max[c]))
    .x(xOf)
    .y0((c) => yOf(frame, frame.scale === 'log' && !(columns.min[c] > 0) ? 0 : columns.min[c]))
    .y1((c) => yOf(frame, columns.max[c]))
    .context(ctx);
  ctx.globalAlpha = s.faint ? 0.1 : 0.28;
  ctx.fillStyle = s.color;
  ctx.beginPath();
  band(indices);
  ctx.fill();
  ctx.globalAlpha = s.faint ? 0.55 : 1;
  ctx.strokeStyle = s.color;
  ctx.lineWidth = 1.5;
  ctx.lineJoin = 'round';
  if (s.faint) ctx.setLineDash([5, 3]);
  ctx.beginPath();
  band.lineY1()(indices);
  ctx.stroke();
  ctx.beginPath();
  band.lineY0()(indices);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.globalAlpha = 1;
}

const MARKER_COLOR = '#7B4F9D';

/** A dotted line at each setting change, labelled at the top while the labels have room. */
function drawMarkers(ctx: CanvasRenderingContext2D, frame: CostFrame): void {
  if (frame.markers.length === 0) return;
  const [bottom, top] = frame.y.range();
  const right = frame.x.range()[1];
  ctx.strokeStyle = MARKER_COLOR;
  ctx.fillStyle = MARKER_COLOR;
  ctx.lineWidth = 1;
  ctx.font = '12px system-ui, sans-serif';
  ctx.textBaseline = 'top';
  let labelEnd = -Infinity;
  for (const marker of frame.markers) {
    const px = Math.round(frame.x(marker.epoch)) + 0.5;
    ctx.setLineDash([2, 2]);
    ctx.beginPath();
    ctx.moveTo(px, top);
    ctx.lineTo(px, bottom);
    ctx.stroke();
    ctx.setLineDash([]);
    const width = ctx.measureText?.(marker.label)?.width ?? marker.label.length * 6.5;
    const flip = px + 3 + width > right;
    const x0 = flip ? px - 3 - width : px + 3;
    if (x0 < labelEnd + 6) continue;
    ctx.fillText(marker.label, x0, top + 2);
    labelEnd = x0 + width;
  }
}

/** The epochs under a zoom drag, shaded. */
function drawSelection(ctx: CanvasRenderingContext2D, frame: CostFrame): void {
  if (!frame.selection) return;
  const [bottom, top] = frame.y.range();
  const a = frame.x(Math.min(frame.selection[0], frame.selection[1]));
  const b = frame.x(Math.max(frame.selection[0], frame.selection[1]));
  ctx.fillStyle = 'rgba(0, 114, 178, 0.14)';
  ctx.fillRect(a, top, Math.max(1, b - a), bottom - top);
}

function drawDivergence(ctx: CanvasRenderingContext2D, frame: CostFrame, s: SeriesFrame): void {
  const { columns } = s;
  const left = frame.x.range()[0];
  const top = frame.y.range()[1];
  ctx.fillStyle = DIVERGED_COLOR;
  let labelled = false;
  // one strip above the plot per run of columns holding a non-finite cost (∞ or NaN: off any scale)
  for (let c = 0; c < columns.count; c++) {
    if (columns.nonFinite[c] === 0) continue;
    let end = c;
    while (end + 1 < columns.count && columns.nonFinite[end + 1] > 0) end++;
    const x0 = left + c * frame.columnWidth;
    const x1 = Math.max(x0 + 2, left + (end + 1) * frame.columnWidth);
    ctx.globalAlpha = 0.85;
    ctx.fillRect(x0, top - 9, x1 - x0, 5);
    ctx.globalAlpha = 1;
    if (!labelled && x1 - x0 > 70) {
      ctx.font = '12px system-ui, sans-serif';
      ctx.textBaseline = 'top';
      ctx.fillText('cost not finite', x0 + 2, top - 1);
      labelled = true;
    }
    c = end;
  }
}

/** Tick values of the y axis (shared by the grid lines and the axis). */
export function costTicks(frame: Pick<CostFrame, 'y' | 'scale' | 'box'>): number[] {
  const rows = Math.max(2, Math.floor(plotHeight(frame.box) / 28));
  return frame.scale === 'log' ? logTicks(frame.y.domain(), rows) : frame.y.ticks(Math.min(6, rows));
}

function drawEpochMark(ctx: CanvasRenderingContext2D, frame: CostFrame, epoch: number, costs: number[], color: string, dash: number[]): void {
  const px = Math.round(frame.x(epoch)) + 0.5;
  const [bottom, top] = frame.y.range();
  ctx.strokeStyle = color;
  ctx.lineWidth = 1;
  ctx.setLineDash(dash);
  ctx.beginPath();
  ctx.moveTo(px, top);
  ctx.lineTo(px, bottom);
  ctx.stroke();
  ctx.setLineDash([]);
  frame.series.forEach((s, k) => {
    const cost = costs[k];
    if (!Number.isFinite(cost) || s.faint) return;
    ctx.beginPath();
    ctx.arc(px, yOf(frame, cost), 3.5, 0, 2 * Math.PI);
    ctx.fillStyle = '#FFFFFF';
    ctx.fill();
    ctx.lineWidth = 2;
    ctx.strokeStyle = s.color;
    ctx.stroke();
  });
}

/** Epoch ticks: whole epochs only, so a run of two epochs is not labelled 1 1 1 2 2. */
export function epochTicks(x: { ticks(count: number): number[] }, count: number): number[] {
  return x.ticks(count).filter((t) => Number.isInteger(t));
}
