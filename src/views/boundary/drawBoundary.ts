/**
 * Drawing the network's output over the input plane: grid values → colour-table pixels → a
 * resolution² image, scaled onto the plot, with the a = ½ contour on top. Pure functions of
 * (grids, options, context) so tests and benches can call them without React.
 */
import { contours, geoPath } from 'd3';
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

/** Re-usable pixel buffer for one resolution. */
export class BoundaryImage {
  readonly canvas: HTMLCanvasElement | OffscreenCanvas | null;
  private readonly context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
  private readonly image: ImageData | null;
  private readonly pixels: Uint32Array;

  constructor(readonly resolution: number, makeCanvas: (w: number, h: number) => HTMLCanvasElement | OffscreenCanvas | null) {
    this.canvas = makeCanvas(resolution, resolution);
    const ctx = this.canvas ? (this.canvas.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null) : null;
    this.context = ctx && typeof ctx.createImageData === 'function' ? ctx : null;
    this.image = this.context ? this.context.createImageData(resolution, resolution) : null;
    this.pixels = this.image ? new Uint32Array(this.image.data.buffer) : new Uint32Array(resolution * resolution);
  }

  /** Paints the grid into the image; returns the canvas to draw from (null without canvas support). */
  update(grids: BoundaryGrids, style: BoundaryStyle): HTMLCanvasElement | OffscreenCanvas | null {
    paintBoundaryPixels(grids, style, this.pixels);
    if (!this.context || !this.image) return null;
    this.context.putImageData(this.image, 0, 0);
    return this.canvas;
  }
}

export function makeCanvas(width: number, height: number): HTMLCanvasElement | OffscreenCanvas | null {
  if (typeof OffscreenCanvas === 'function') return new OffscreenCanvas(width, height);
  if (typeof document === 'undefined') return null;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas;
}

/** Draws the painted image stretched over `size` × `size` CSS pixels, and the threshold contour. */
export function drawBoundary(ctx: CanvasRenderingContext2D, grids: BoundaryGrids, style: BoundaryStyle, image: BoundaryImage, size: number): void {
  ctx.clearRect(0, 0, size, size);
  const source = image.update(grids, style);
  if (source) {
    // smooth scaling for the continuous output; crisp cells when showing 0/1
    ctx.imageSmoothingEnabled = !style.rounded;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(source as CanvasImageSource, 0, 0, size, size);
  }
  const contour = boundaryContour(grids, style.threshold);
  if (!contour || contour.coordinates.length === 0) return;
  const k = size / grids.resolution;
  ctx.save();
  ctx.scale(k, k);
  ctx.beginPath();
  geoPath(null, ctx)(contour);
  ctx.restore();
  ctx.strokeStyle = 'rgba(20, 20, 20, 0.75)';
  ctx.lineWidth = 1.25;
  ctx.stroke();
}
