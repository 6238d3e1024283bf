import { describe, expect, it } from 'vitest';
import { paintBoundaryPixels } from '../../src/views/boundary/drawBoundary';
import { LUT_SIZE, buildColorTable, paintCells, tableIndex } from '../../src/views/colorTable';
import { interpolateBoundary, interpolateValue } from '../../src/views/palette';
import { rgb } from 'd3';

const grey = (t: number) => `rgb(${Math.round(255 * t)}, ${Math.round(255 * t)}, ${Math.round(255 * t)})`;

/** Reads a packed pixel back as [r, g, b, a] the way ImageData sees it. */
const bytesOf = (pixel: number) => Array.from(new Uint8Array(new Uint32Array([pixel]).buffer));

describe('colour table', () => {
  it('has 256 entries sampled from the interpolator at k / 255', () => {
    const table = buildColorTable(grey);
    expect(table.pixels.length).toBe(LUT_SIZE);
    for (const k of [0, 1, 127, 128, 254, 255]) {
      expect(Array.from(table.bytes.subarray(4 * k, 4 * k + 4))).toEqual([k, k, k, 255]);
      expect(bytesOf(table.pixels[k])).toEqual([k, k, k, 255]);
    }
  });

  it('maps the low end, the middle and the high end of the value range', () => {
    expect(tableIndex(0, 0, 1)).toBe(0);
    expect(tableIndex(1, 0, 1)).toBe(255);
    expect(tableIndex(0.5, 0, 1)).toBe(128);
    expect(tableIndex(-3, -1, 1)).toBe(0);
    expect(tableIndex(7, -1, 1)).toBe(255);
    expect(tableIndex(NaN, 0, 1)).toBe(128);
  });

  it('paintCells writes the entry of each value, clamps outside the range and shows NaN as the middle', () => {
    const table = buildColorTable(grey);
    const values = new Float32Array([0, 0.25, 0.5, 1, -2, 3, NaN, Infinity, -Infinity]);
    const out = new Uint32Array(values.length);
    paintCells(values, out, table, 0, 1);
    const indices = Array.from(out, (p) => bytesOf(p)[0]);
    expect(indices).toEqual([0, 64, 128, 255, 0, 255, 128, 255, 0]);
    for (let k = 0; k < values.length; k++) {
      if (!Number.isNaN(values[k])) expect(indices[k]).toBe(tableIndex(values[k], 0, 1));
    }
  });

  it('rounded output shows only the two ends, split at the threshold', () => {
    const table = buildColorTable(interpolateValue);
    const out = new Uint32Array(4);
    paintBoundaryPixels({ output: new Float32Array([0.1, 0.49, 0.5, 0.97]), resolution: 2 }, { low: 0, high: 1, rounded: true, threshold: 0.5 }, out, table);
    expect(Array.from(out)).toEqual([table.pixels[0], table.pixels[0], table.pixels[255], table.pixels[255]]);
  });

  it('the value ramp runs orange → near white → blue, and the boundary ramp is a lighter copy', () => {
    const low = rgb(interpolateValue(0));
    const mid = rgb(interpolateValue(0.5));
    const high = rgb(interpolateValue(1));
    expect(low.r).toBeGreaterThan(low.b);
    expect(high.b).toBeGreaterThan(high.r);
    expect(Math.min(mid.r, mid.g, mid.b)).toBeGreaterThan(230);
    const washed = rgb(interpolateBoundary(0));
    expect(washed.r + washed.g + washed.b).toBeGreaterThan(low.r + low.g + low.b);
  });

  it('lightness falls monotonically from the middle to each end (reads in greyscale too)', () => {
    const luminance = (t: number) => {
      const c = rgb(interpolateValue(t));
      return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b;
    };
    for (let k = 0; k < 50; k++) {
      expect(luminance(0.5 + (k + 1) / 100)).toBeLessThanOrEqual(luminance(0.5 + k / 100) + 1);
      expect(luminance(0.5 - (k + 1) / 100)).toBeLessThanOrEqual(luminance(0.5 - k / 100) + 1);
    }
  });
});
