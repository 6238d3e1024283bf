/**
 * The cost curve's plot area as pixels: grid lines, each series' min–max band and its upper and lower
 * edge lines, the zoom drag's shading. One device-pixel column per frame column, written straight into
 * an RGBA buffer: the work is one pass over the columns and the pixels they cover, whatever the number
 * of epochs, and the canvas gets one image instead of long anti-aliased paths to rasterise every frame.
 */
import { rgb } from 'd3';
import { type CostFrame, type SeriesFrame, costTicks, yOf } from './frame';

/** RGBA pixels, row-major, as in ImageData. */
export interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** Where the plot's pixels sit on the canvas, in device pixels, and CSS → device pixels. */
export interface PlotPixels {
  /** canvas pixel of the buffer's top-left corner */
  x: number;
  y: number;
  width: number;
  height: number;
  ratio: number;
  /** rows above and below the plot, so an edge line at the top or bottom is drawn whole */
  pad: number;
}

const rgba = (color: string, opacity: number): Rgba => {
  const { r, g, b } = rgb(color);
  return { r, g, b, opacity };
};
const GRID = rgba('#ECEAE6', 1);
const SELECTION = rgba('#0072B2', 0.14);
interface Rgba {
  r: number;
  g: number;
  b: number;
  opacity: number;
}

/** Line widths in CSS pixels, and the band's and lines' opacity for the live run and an earlier one. */
const LINE_WIDTH = 1.5;
const LIVE = { band: 0.28, line: 1 };
const FAINT = { band: 0.1, line: 0.55 };
/** The earlier run's edge lines are dashed: this many CSS pixels drawn, then this many left out. */
const DASH_ON = 5;
const DASH_OFF = 3;

/** The frame's plot area in device pixels (the buffer drawPlotPixels fills). */
export function plotPixelsOf(frame: CostFrame): PlotPixels {
  const [left, right] = frame.x.range();
  const [bottom, top] = frame.y.range();
  const ratio = frame.columnCount / Math.max(1e-9, right - left);
  const pad = Math.max(1, Math.round(2 * ratio));
  const height = Math.max(1, Math.round((bottom - top) * ratio)) + 2 * pad;
  return { x: Math.round(left * ratio), y: Math.round(top * ratio) - pad, width: frame.columnCount, height, ratio, pad };
}

/** Source-over of one colour onto one pixel (straight alpha, as ImageData holds it). */
function blend(data: Uint8ClampedArray, at: number, c: Rgba): void {
  const a = c.opacity;
  const below = data[at + 3] / 255;
  const out = a + below * (1 - a);
  if (out <= 0) return;
  const keep = (below * (1 - a)) / out;
  const take = a / out;
  data[at] = c.r * take + data[at] * keep;
  data[at + 1] = c.g * take + data[at + 1] * keep;
  data[at + 2] = c.b * take + data[at + 2] * keep;
  data[at + 3] = out * 255;
}

/** Rows from..to (inclusive, clamped to the buffer; none when from > to) of one column. */
function fillColumn(image: Pixels, column: number, from: number, to: number, c: Rgba): void {
  const lo = Math.max(0, from);
  const hi = Math.min(image.height - 1, to);
  for (let row = lo; row <= hi; row++) blend(image.data, (row * image.width + column) * 4, c);
}

/** Fills `image` (cleared first) with the plot area of `frame`, laid out as `plot`. */
export function drawPlotPixels(frame: CostFrame, plot: PlotPixels, image: Pixels): void {
  image.data.fill(0);
  const [bottom, top] = frame.y.range();
  const rowOf = (py: number) => Math.round((py - top) * plot.ratio) + plot.pad;
  for (const t of costTicks(frame)) {
    const py = Math.round(frame.y(t)) + 0.5;
    if (py < top - 0.5 || py > bottom + 0.5) continue;
    const row = Math.min(image.height - 1, Math.floor((py - top) * plot.ratio) + plot.pad);
    for (let c = 0; c < image.width; c++) blend(image.data, (row * image.width + c) * 4, GRID);
  }
  // earlier runs first, under the live one
  for (const s of frame.series) if (s.faint) drawSeries(frame, s, image, rowOf, plot.ratio);
  for (const s of frame.series) if (!s.faint) drawSeries(frame, s, image, rowOf, plot.ratio);
  if (frame.selection) {
    const a = Math.round((frame.x(Math.min(frame.selection[0], frame.selection[1])) - frame.x.range()[0]) * plot.ratio);
    const b = Math.round((frame.x(Math.max(frame.selection[0], frame.selection[1])) - frame.x.range()[0]) * plot.ratio);
    for (let c = Math.max(0, a); c <= Math.min(image.width - 1, Math.max(a, b)); c++) fillColumn(image, c, plot.pad, image.height - 1 - plot.pad, SELECTION);
  }
}

/** The row a fraction f of the way from row a to row b. */
const across = (a: number, b: number, f: number) => Math.round(a + (b - a) * f);

/** Whether column c falls in a gap of an earlier run's dashed edge lines. */
const dashed = (c: number, faint: boolean, ratio: number) => faint && (c / ratio) % (DASH_ON + DASH_OFF) >= DASH_ON;

/**
 * One series: each column's band from its lowest to its highest cost, and the two edge lines joining
 * neighbouring columns. Columns without epochs (a history shorter than the plot is wide) are bridged
 * by a straight line; a column holding only non-finite costs breaks the line, as a diverged run does.
 */
function drawSeries(frame: CostFrame, s: SeriesFrame, image: Pixels, rowOf: (py: number) => number, ratio: number): void {
  const { columns } = s;
  const style = s.faint ? FAINT : LIVE;
  const color = rgb(s.color);
  const band = { r: color.r, g: color.g, b: color.b, opacity: style.band };
  const line = { r: color.r, g: color.g, b: color.b, opacity: style.line };
  const thick = Math.max(1, Math.round(LINE_WIDTH * ratio));
  const up = Math.floor((thick - 1) / 2);
  const down = thick - 1 - up;
  const n = Math.min(columns.count, image.width);
  let prev = -1;
  let prevHigh = 0;
  let prevLow = 0;
  for (let c = 0; c < n; c++) {
    const max = columns.max[c];
    if (Number.isNaN(max)) {
      if (columns.nonFinite[c] > 0) prev = -1;
      continue;
    }
    const min = columns.min[c];
    const high = rowOf(yOf(frame, max));
    const low = rowOf(yOf(frame, frame.scale === 'log' && !(min > 0) ? 0 : min));
    // a gap of empty columns since the last one: the straight line across it
    const first = prev < 0 ? c : prev + 1;
    for (let g = first; g <= c; g++) {
      const h = prev < 0 ? high : across(prevHigh, high, (g - prev) / (c - prev));
      const l = prev < 0 ? low : across(prevLow, low, (g - prev) / (c - prev));
      const h0 = prev < 0 ? h : across(prevHigh, high, (g - 1 - prev) / (c - prev));
      const l0 = prev < 0 ? l : across(prevLow, low, (g - 1 - prev) / (c - prev));
      fillColumn(image, g, h, l, band);
      if (dashed(g, s.faint, ratio)) continue;
      const highEnd = Math.max(h0, h) + down;
      fillColumn(image, g, Math.min(h0, h) - up, highEnd, line);
      // the lower edge, without going over the upper edge's pixels again
      fillColumn(image, g, Math.max(Math.min(l0, l) - up, highEnd + 1), Math.max(l0, l) + down, line);
    }
    prev = c;
    prevHigh = high;
    prevLow = low;
  }
}
