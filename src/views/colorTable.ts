/**
 * A precomputed colour table: 256 RGBA entries packed as 32-bit pixels, so painting a grid is
 * one table look-up per cell into an ImageData buffer (no colour parsing per cell).
 */
import { rgb } from 'd3';

export const LUT_SIZE = 256;

export interface ColorTable {
  /** one packed pixel per entry, in the byte order of ImageData on this machine */
  readonly pixels: Uint32Array;
  /** the same entries as [r, g, b, a] bytes, for tests and for exports */
  readonly bytes: Uint8ClampedArray;
}

const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Samples the interpolator at t = k / 255 for k = 0 … 255. */
export function buildColorTable(interpolate: (t: number) => string): ColorTable {
  const bytes = new Uint8ClampedArray(LUT_SIZE * 4);
  for (let k = 0; k < LUT_SIZE; k++) {
    const c = rgb(interpolate(k / (LUT_SIZE - 1)));
    bytes[4 * k] = c.r;
    bytes[4 * k + 1] = c.g;
    bytes[4 * k + 2] = c.b;
    bytes[4 * k + 3] = 255;
  }
  const pixels = new Uint32Array(LUT_SIZE);
  for (let k = 0; k < LUT_SIZE; k++) {
    const [r, g, b, a] = [bytes[4 * k], bytes[4 * k + 1], bytes[4 * k + 2], bytes[4 * k + 3]];
    pixels[k] = littleEndian ? ((a << 24) | (b << 16) | (g << 8) | r) >>> 0 : ((r << 24) | (g << 16) | (b << 8) | a) >>> 0;
  }
  return { pixels, bytes };
}

/** Table index of a value on [low, high]: clamped, NaN → the middle entry. */
export function tableIndex(value: number, low: number, high: number): number {
  if (Number.isNaN(value)) return LUT_SIZE >> 1;
  const t = (value - low) / (high - low);
  if (!(t > 0)) return 0;
  if (t >= 1) return LUT_SIZE - 1;
  return Math.round(t * (LUT_SIZE - 1));
}

/**
 * Paints `values` (row-major, row 0 at the top) into `out` (one Uint32 per pixel, e.g. a view of
 * ImageData.data.buffer). `threshold` set: each cell shows only which side of it the value is on.
 */
export function paintCells(values: ArrayLike<number>, out: Uint32Array, table: ColorTable, low: number, high: number, threshold: number | null = null): void {
  const n = Math.min(values.length, out.length);
  const pixels = table.pixels;
  const scale = (LUT_SIZE - 1) / (high - low);
  if (threshold !== null) {
    const below = pixels[0];
    const above = pixels[LUT_SIZE - 1];
    for (let k = 0; k < n; k++) out[k] = values[k] >= threshold ? above : below;
    return;
  }
  const last = LUT_SIZE - 1;
  for (let k = 0; k < n; k++) {
    const v = values[k];
    let t = (v - low) * scale;
    // NaN fails both comparisons and lands on the middle entry
    if (t > 0) t = t < last ? Math.round(t) : last;
    else t = t <= 0 ? 0 : LUT_SIZE >> 1;
    out[k] = pixels[t];
  }
}
