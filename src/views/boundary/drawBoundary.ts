/**
 * Drawing the network's output over the input plane: grid values → colour-table pixels → a
 * resolution² canvas that CSS scales onto the plot, and the a = ½ contour as an SVG path. Pure
 * functions of (grids, options, context) so tests and benches can call them without React.
 */
import { contours, geoIdentity, geoPath } from 'd3';
import type { BoundaryGrids } from '../../engine';
import { type ColorTable, buildColorTable, paintCells } from '../colorTable';
import { interpolateBoundary } from '../palette';

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
export function paintBoundaryPixels(grids: Pick<BoundaryGrids, 'output' | 'resolution'>, style: BoundaryStyle, out: Uint32Array, table = boundaryColorTable()): void {
  paintCells(grids.output, out, table, style.low, style.high, style.rounded ? style.threshold : null);
}

/** The threshold contour in grid units (x = column, y = row), for drawing over the image. */
export function boundaryContour(grids: Pick<BoundaryGrids, 'output' | 'resolution'>, threshold: number) {
  const n = grids.resolution;
  return contours().size([n, n]).thresholds([threshold]).smooth(true)(Array.from(grids.output, (v) => (Number.isFinite(v) ? v : 0)))[0];
}

/** geoPath in plot pixels for grids of `resolution` cells drawn over `size` pixels. */
export function contourPath(grids: Pick<BoundaryGrids, 'output' | 'resolution'>, threshold: number, size: number): string {
  const contour = boundaryContour(grids, threshold);
  if (!contour || contour.coordinates.length === 0) return '';
  return geoPath(geoIdentity().scale(size / grids.resolution))(contour) ?? '';
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
