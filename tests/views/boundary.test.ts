import { describe, expect, it } from 'vitest';
import { geoIdentity, geoPath } from 'd3';
import { DEFAULT_BOUNDARY_STYLE, boundaryColorTable, boundaryContour, contourPath, drawBoundary } from '../../src/views/boundary/drawBoundary';
import { trained, xorConfig } from './fixtures';

/** Just enough of a 2-D context for drawBoundary: image data and a put counter. */
function fakeContext() {
  const canvas = { width: 0, height: 0 };
  let puts = 0;
  const ctx = {
    canvas,
    createImageData: (w: number, h: number) => ({ width: w, height: h, data: new Uint8ClampedArray(w * h * 4) }),
    putImageData: () => {
      puts++;
    },
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, canvas, puts: () => puts };
}

describe('decision boundary drawing', () => {
  const { grids } = trained(xorConfig, 3000);

  it('paints a resolution² canvas from the colour table and skips frames whose pixels did not change', () => {
    const { ctx, canvas, puts } = fakeContext();
    const shown = { pixels: null as Uint32Array | null };
    expect(drawBoundary(ctx, grids, DEFAULT_BOUNDARY_STYLE, shown)).toBe(true);
    expect([canvas.width, canvas.height]).toEqual([100, 100]);
    const table = boundaryColorTable();
    // cell 0 is the top-left corner of the plane
    const k = Math.round(grids.output[0] * 255);
    expect(shown.pixels![0]).toBe(table.pixels[k]);
    expect(drawBoundary(ctx, grids, DEFAULT_BOUNDARY_STYLE, shown)).toBe(false);
    expect(drawBoundary(ctx, grids, { ...DEFAULT_BOUNDARY_STYLE, rounded: true }, shown)).toBe(true);
    expect(puts()).toBe(2);
  });

  it('the a = ½ contour of a solved XOR is a path inside the plot', () => {
    const d = contourPath(grids, 0.5, 300);
    expect(d).toMatch(/^M/);
    const numbers = d.match(/-?\d+(\.\d+)?/g)!.map(Number);
    expect(Math.min(...numbers)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...numbers)).toBeLessThanOrEqual(300);
  });

  it('draws the same path as d3-geo’s geoPath with an identity projection, on solved and unsolved grids', () => {
    const shapes = [grids, { output: Float32Array.from({ length: 400 }, (_, k) => 0.5 + 0.45 * Math.sin(k * 0.37) * Math.cos(k * 0.11)), resolution: 20 }];
    for (const g of shapes)
      for (const size of [300, 217]) expect(contourPath(g, 0.5, size)).toBe(geoPath(geoIdentity().scale(size / g.resolution))(boundaryContour(g, 0.5)) ?? '');
  });

  it('no contour when the output never crosses the threshold', () => {
    const flat = { output: new Float32Array(100).fill(0.2), resolution: 10 };
    expect(contourPath(flat, 0.5, 300)).toBe('');
  });
});
