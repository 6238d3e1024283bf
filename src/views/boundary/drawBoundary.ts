/**
 * Drawing the network's output over the input plane: grid values → colour-table pixels → a
 * resolution² canvas that CSS scales onto the plot, and the a = ½ contour as an SVG path. Pure
 * functions of (grids, options, context) so tests and benches can call them without React.
 */
import { contours } from 'd3';
import type { BoundaryGrids, Dataset } from '../../engine';
import { type ColorTable, buildColorTable, paintCells } from '../colorTable';
import { classColor, interpolateBoundary } from '../palette';

let valueTable: ColorTable | null = null;
/** The boundary's colour table: the washed value ramp, 0 = orange … 1 = blue (built once). */
export function boundaryColorTable(): ColorTable {
  valueTable ??= buildColorTable(interpolateBoundary);
  return valueTable;
}

export interface BoundaryStyle {
  /** output values mapped to the two ends of the ramp */
  low: number;
  high: number;
  /** show only which side of the threshold each cell is on */
  rounded: boolean;
  threshold: number;
}

export const DEFAULT_BOUNDARY_STYLE: BoundaryStyle = { low: 0, high: 1, rounded: false, threshold: 0.5 };

/** Fills `out` (resolution² packed pixels, row 0 at the top) from the output grid. */
export function paintBoundaryPixels(
  grids: Pick<BoundaryGrids, 'output' | 'resolution'>,
  style: BoundaryStyle,
  out: Uint32Array,
  table = boundaryColorTable(),
): void {
  paintCells(grids.output, out, table, style.low, style.high, style.rounded ? style.threshold : null);
}

/** The threshold contour in grid units (x = column, y = row), for drawing over the image. */
export function boundaryContour(grids: Pick<BoundaryGrids, 'output' | 'resolution'>, threshold: number) {
  const n = grids.resolution;
  return contours().size([n, n]).thresholds([threshold]).smooth(true)(Array.from(grids.output, (v) => (Number.isFinite(v) ? v : 0)))[0];
}

/**
 * The contour as an SVG path in plot pixels, for grids of `resolution` cells drawn over `size`
 * pixels: one closed subpath per ring (d3-contour repeats each ring's first point at its end; `Z`
 * closes it instead). Written here rather than with d3-geo's geoPath, which would add about 8 kB
 * gzip to the first render for this one loop (tests/views/boundary.test.ts checks the two agree).
 */
export function contourPath(grids: Pick<BoundaryGrids, 'output' | 'resolution'>, threshold: number, size: number): string {
  const contour = boundaryContour(grids, threshold);
  if (!contour) return '';
  const scale = size / grids.resolution;
  const pixel = (v: number) => Math.round(v * scale * 1000) / 1000;
  let d = '';
  for (const polygon of contour.coordinates)
    for (const ring of polygon) {
      for (let k = 0; k < ring.length - 1; k++) d += `${k === 0 ? 'M' : 'L'}${pixel(ring[k][0])},${pixel(ring[k][1])}`;
      if (ring.length > 1) d += 'Z';
    }
  return d;
}

/**
 * Paints the grid into a resolution² canvas (the page scales it up: 10,000 pixels to hand to the
 * compositor per frame instead of a full-size image). Skips the canvas when no pixel changed.
 * Returns whether it painted.
 */
export function drawBoundary(ctx: CanvasRenderingContext2D, grids: BoundaryGrids, style: BoundaryStyle, shown: { pixels: Uint32Array | null }): boolean {
  const n = grids.resolution;
  const canvas = ctx.canvas;
  if (canvas.width !== n || canvas.height !== n) {
    canvas.width = n;
    canvas.height = n;
    shown.pixels = null;
  }
  const image = ctx.createImageData(n, n);
  const pixels = new Uint32Array(image.data.buffer);
  paintBoundaryPixels(grids, style, pixels);
  const last = shown.pixels;
  if (last && last.length === pixels.length && last.every((p, k) => p === pixels[k])) return false;
  shown.pixels = pixels;
  ctx.putImageData(image, 0, 0);
  return true;
}

/** Beyond this many samples the points go on a canvas: thousands of SVG circles would stall the page. */
export const POINT_SVG_LIMIT = 1_000;

/** Dot radius on the canvas: smaller as the samples crowd the plot. */
export function pointRadius(count: number, plotSize: number): number {
  return Math.max(1.3, Math.min(2.4, (0.5 * plotSize) / Math.sqrt(Math.max(1, count))));
}

/**
 * Every sample as a small dot coloured by its first target (the canvas version of the SVG points).
 * No ring: at this density rings merge into a white mesh. Returns how many it drew.
 */
export function drawPoints(
  ctx: CanvasRenderingContext2D,
  data: Pick<Dataset, 'count' | 'inputSize' | 'outputSize' | 'inputs' | 'targets'>,
  x: (v: number) => number,
  y: (v: number) => number,
  radius: number,
): number {
  const n0 = data.inputSize;
  const nL = data.outputSize;
  // one path per colour: a few canvas calls for ten thousand dots
  const byColor = new Map<string, number[]>();
  for (let s = 0; s < data.count; s++) {
    const color = classColor(data.targets[s * nL]);
    const list = byColor.get(color);
    if (list) list.push(s);
    else byColor.set(color, [s]);
  }
  let drawn = 0;
  for (const [color, samples] of byColor) {
    ctx.beginPath();
    for (const s of samples) {
      const px = x(data.inputs[s * n0]);
      const py = y(n0 > 1 ? data.inputs[s * n0 + 1] : 0);
      if (!Number.isFinite(px) || !Number.isFinite(py)) continue;
      ctx.moveTo(px + radius, py);
      ctx.arc(px, py, radius, 0, 2 * Math.PI);
      drawn++;
    }
    ctx.fillStyle = color;
    ctx.fill();
  }
  return drawn;
}
