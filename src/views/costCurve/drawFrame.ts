/**
 * The pure drawing of a cost-curve frame onto a 2-D context (canvas in the app, a recording fake in
 * tests): grid, each series' min–max envelope (an earlier run faintly, underneath), setting-change
 * markers, a zoom drag, divergence strips, and the current and hovered epochs.
 */
import { area } from 'd3';
import { type CostFrame, type SeriesFrame, costTicks, yOf } from './frame';

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
