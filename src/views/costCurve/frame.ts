/**
 * Everything one cost-curve frame needs, computed from the series and the plot size, and the pure
 * drawing of it onto a 2-D context (canvas in the app, a recording fake in tests).
 */
import { type ScaleContinuousNumeric, area, scaleLinear, scaleLog } from 'd3';
import { type Columns, CostEnvelope, envelopeColumns } from './envelope';

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
}

export interface CostFrame {
  box: PlotBox;
  scale: CostScale;
  /** epochs 1 … span across the plot */
  span: number;
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

/** y domain over all series: linear from min(0, lowest) to highest; log from lowest positive to highest. */
export function costDomain(series: readonly { envelope: CostEnvelope }[], scale: CostScale): [number, number] {
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
): CostFrame {
  const w = plotWidth(box);
  const h = plotHeight(box);
  let span = 1;
  for (const s of inputs) {
    s.envelope.sync(s.costs, s.length);
    span = Math.max(span, s.envelope.length);
  }
  const x = scaleLinear().domain([1, Math.max(2, span)]).range([box.margin.left, box.margin.left + w]);
  const domain = costDomain(inputs, scale);
  const range = [box.margin.top + h, box.margin.top];
  // log: a little headroom instead of nice(), which would round 0.7 up to 10 and waste a third of the plot
  const y = scale === 'log' ? scaleLog().domain([domain[0] / 1.25, domain[1] * 1.25]).range(range) : scaleLinear().domain(domain).range(range).nice();
  const columnCount = Math.max(1, Math.round(w * ratio));
  const series = inputs.map((s) => ({
    id: s.id,
    label: s.label,
    color: s.color,
    length: s.envelope.length,
    columns: envelopeColumns(s.envelope, columnCount, span, reuse?.get(s.id)),
  }));
  if (reuse) for (const s of series) reuse.set(s.id, s.columns);
  const current = Math.round(currentEpoch);
  const hover = Math.round(hoverEpoch);
  return {
    box,
    scale,
    span,
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
  const e = Math.round(frame.x.invert(Math.min(right, Math.max(left, px))));
  return Math.min(frame.span, Math.max(1, e));
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
  for (const s of frame.series) drawEnvelope(ctx, frame, s);
  ctx.restore();

  for (const s of frame.series) drawDivergence(ctx, frame, s);
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
  ctx.globalAlpha = 0.28;
  ctx.fillStyle = s.color;
  ctx.beginPath();
  band(indices);
  ctx.fill();
  ctx.globalAlpha = 1;
  ctx.strokeStyle = s.color;
  ctx.lineWidth = 1.5;
  ctx.lineJoin = 'round';
  ctx.beginPath();
  band.lineY1()(indices);
  ctx.stroke();
  ctx.beginPath();
  band.lineY0()(indices);
  ctx.stroke();
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
      ctx.font = '10.5px system-ui, sans-serif';
      ctx.textBaseline = 'top';
      ctx.fillText('cost not finite', x0 + 2, top - 1);
      labelled = true;
    }
    c = end;
  }
}

/** Log axes label whole decades only (1, 0.1, 0.01 …), at most `count` of them. */
export function decadeTicks(domain: readonly number[], count: number): number[] {
  const lo = Math.ceil(Math.log10(Math.min(domain[0], domain[1])) - 1e-9);
  const hi = Math.floor(Math.log10(Math.max(domain[0], domain[1])) + 1e-9);
  if (!(hi >= lo)) return [];
  const step = Math.max(1, Math.ceil((hi - lo + 1) / Math.max(1, count)));
  const ticks: number[] = [];
  // parsed, not 10 ** e: 10 ** −5 is 9.999…e−6 in floating point
  for (let e = hi; e >= lo; e -= step) ticks.push(Number(`1e${e}`));
  return ticks.reverse();
}

/** Tick values of the y axis (shared by the grid lines and the axis). */
export function costTicks(frame: Pick<CostFrame, 'y' | 'scale' | 'box'>): number[] {
  const rows = Math.max(2, Math.floor(plotHeight(frame.box) / 28));
  return frame.scale === 'log' ? decadeTicks(frame.y.domain(), rows) : frame.y.ticks(Math.min(6, rows));
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
    if (!Number.isFinite(cost)) return;
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
