/**
 * The pure drawing of a cost-curve frame onto a 2-D context (canvas in the app, a recording fake in
 * tests): the plot's pixels (grid, each series' min–max envelope, an earlier run faintly underneath,
 * a zoom drag; raster.ts), then setting-change markers, divergence strips, and the current and
 * hovered epochs over them.
 */
import { t } from '../../i18n/setup';
import { type CostFrame, type SeriesFrame, yOf } from './frame';
import { drawPlotPixels, plotPixelsOf } from './raster';

const DIVERGED_COLOR = '#D55E00';

/** The plot's pixel buffer of each canvas, kept between frames (a new one only when the plot's size changes). */
const buffers = new WeakMap<object, ImageData>();

/** Draws the whole frame: grid and each series' min–max envelope as pixels, then markers, divergence marks, current and hover epochs. */
export function drawCostFrame(ctx: CanvasRenderingContext2D, frame: CostFrame): void {
  const { box } = frame;
  ctx.clearRect(0, 0, box.width, box.height);
  const plot = plotPixelsOf(frame);
  // a context without pixels (a test's recording fake) still gets the marks drawn over the plot
  let image = buffers.get(ctx);
  if (!image || image.width !== plot.width || image.height !== plot.height) {
    image = typeof ctx.createImageData === 'function' ? ctx.createImageData(plot.width, plot.height) : undefined;
    if (image?.data) buffers.set(ctx, image);
  }
  if (image?.data) {
    drawPlotPixels(frame, plot, image);
    ctx.putImageData(image, plot.x, plot.y);
  }
  drawMarkers(ctx, frame);
  for (const s of frame.series) if (!s.faint) drawDivergence(ctx, frame, s);
  if (frame.currentEpoch > 0) drawEpochMark(ctx, frame, frame.currentEpoch, frame.currentCosts, '#333333', [4, 3]);
  if (frame.hoverEpoch > 0) drawEpochMark(ctx, frame, frame.hoverEpoch, frame.hoverCosts, '#777777', []);
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
      ctx.fillText(t('curve.notFinite'), x0 + 2, top - 1);
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
