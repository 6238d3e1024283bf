/**
 * The cost curve's plot drawn as pixels (src/views/costCurve/raster.ts): every column's lowest and
 * highest cost reaches the screen, so a spike is never lost; short histories stay one connected line;
 * a diverged stretch breaks it; an earlier run is faint and dashed under the live one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawCostFrame } from '../../src/views/costCurve/drawFrame';
import { CostEnvelope } from '../../src/views/costCurve/envelope';
import { columnOfEpoch, epochViewOf, isWholeLinear, viewColumns } from '../../src/views/costCurve/epochView';
import { type CostFrame, type PlotBox, buildCostFrame, yOf } from '../../src/views/costCurve/frame';
import { type Pixels, drawPlotPixels, plotPixelsOf } from '../../src/views/costCurve/raster';

const box: PlotBox = { width: 600, height: 150, margin: { top: 14, right: 16, bottom: 34, left: 60 } };
const BLUE = [0x00, 0x72, 0xb2];

function series(costs: ArrayLike<number>, id = 'live', faint = false, color = '#0072B2') {
  return { id, label: id, color, costs, length: costs.length, envelope: new CostEnvelope(), faint };
}

function pixelsOf(frame: CostFrame): Pixels & { rowOf(cost: number): number } {
  const plot = plotPixelsOf(frame);
  const image = { data: new Uint8ClampedArray(plot.width * plot.height * 4), width: plot.width, height: plot.height };
  drawPlotPixels(frame, plot, image);
  const top = frame.y.range()[1];
  return { ...image, rowOf: (cost) => Math.round((yOf(frame, cost) - top) * plot.ratio) + plot.pad };
}

/** Rows of column c painted opaque in the series' own colour (its edge lines). */
function lineRows(image: Pixels, c: number, rgb = BLUE): number[] {
  const rows: number[] = [];
  for (let row = 0; row < image.height; row++) {
    const at = (row * image.width + c) * 4;
    if (image.data[at + 3] === 255 && image.data[at] === rgb[0] && image.data[at + 1] === rgb[1] && image.data[at + 2] === rgb[2]) rows.push(row);
  }
  return rows;
}

describe('cost curve pixels', () => {
  it('a single-epoch spike in a million epochs reaches its own height in its column, on either cost scale', () => {
    const costs = new Float64Array(1_000_000).fill(0.05);
    costs[654_321] = 0.9;
    for (const scale of ['linear', 'log'] as const) {
      const frame = buildCostFrame([series(costs)], box, scale, 0, 0, 2);
      const image = pixelsOf(frame);
      const columns = frame.series[0].columns;
      const spike = columns.max.indexOf(0.9);
      expect(spike).toBeGreaterThan(0);
      // the line climbs to the spike's row and comes back down to the flat cost's row
      expect(Math.min(...lineRows(image, spike))).toBeLessThanOrEqual(image.rowOf(0.9));
      expect(Math.max(...lineRows(image, spike))).toBeGreaterThanOrEqual(image.rowOf(0.05));
      // every other column stays on the flat cost
      expect(Math.min(...lineRows(image, spike - 3))).toBeGreaterThan(image.rowOf(0.5));
    }
  });

  it('every column reaches the rows of its own lowest and highest cost, for any history', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.001, max: 5, noNaN: true }), { minLength: 700, maxLength: 3000 }), (values) => {
        const frame = buildCostFrame([series(values)], box, 'linear', 0, 0, 1);
        const image = pixelsOf(frame);
        const { min, max, count } = frame.series[0].columns;
        for (let c = 0; c < count; c++) {
          if (Number.isNaN(max[c])) continue;
          const rows = lineRows(image, c);
          expect(Math.min(...rows)).toBeLessThanOrEqual(image.rowOf(max[c]));
          expect(Math.max(...rows)).toBeGreaterThanOrEqual(image.rowOf(min[c]));
        }
      }),
      { numRuns: 25 },
    );
  });

  it('a history with fewer epochs than pixel columns is one connected line, from its first column to its last', () => {
    const costs = Float64Array.from({ length: 250 }, (_, k) => 0.7 * Math.exp(-k / 20));
    const frame = buildCostFrame([series(costs)], box, 'log', 250, 0, 2);
    expect(frame.columnCount).toBeGreaterThan(costs.length);
    const image = pixelsOf(frame);
    let previous: number[] | null = null;
    for (let c = 0; c < frame.columnCount; c++) {
      const rows = lineRows(image, c);
      expect(rows.length).toBeGreaterThan(0);
      // neighbouring columns touch: no vertical gap between their runs of line pixels
      if (previous) expect(Math.min(...rows) <= Math.max(...previous) + 1 && Math.max(...rows) >= Math.min(...previous) - 1).toBe(true);
      previous = rows;
    }
  });

  it('a stretch of non-finite costs breaks the line instead of bridging it', () => {
    const costs = [...new Array(200).fill(0.5), ...new Array(200).fill(Infinity), ...new Array(200).fill(0.5)];
    const frame = buildCostFrame([series(costs)], box, 'linear', 0, 0, 1);
    const image = pixelsOf(frame);
    const { nonFinite, count } = frame.series[0].columns;
    const broken = Array.from({ length: count }, (_, c) => c).filter((c) => nonFinite[c] > 0 && Number.isNaN(frame.series[0].columns.max[c]));
    expect(broken.length).toBeGreaterThan(100);
    for (const c of broken) expect(lineRows(image, c)).toEqual([]);
  });

  it('the previous run is drawn faintly and dashed, and the live run over it is opaque', () => {
    const live = Float64Array.from({ length: 500 }, () => 0.3);
    const ghost = Float64Array.from({ length: 1000 }, () => 0.55);
    const frame = buildCostFrame([series(live), series(ghost, 'ghost-1', true, '#8A8A8A')], box, 'linear', 0, 0, 1);
    const image = pixelsOf(frame);
    const ghostRow = image.rowOf(0.55);
    const alphas = Array.from({ length: frame.columnCount }, (_, c) => image.data[(ghostRow * image.width + c) * 4 + 3]);
    // never opaque, and dashed: some columns show its edge line, the others only its faint band
    expect(Math.max(...alphas)).toBeLessThan(255);
    expect(alphas.filter((a) => a > 100).length).toBeGreaterThan(frame.columnCount / 4);
    expect(alphas.filter((a) => a > 0 && a < 40).length).toBeGreaterThan(frame.columnCount / 8);
    // the live run, at half the span, is opaque blue in its columns
    expect(lineRows(image, 10)).toContain(image.rowOf(0.3));
  });

  it('drawCostFrame puts the plot pixels on the canvas where the plot is, in device pixels', () => {
    const frame = buildCostFrame([series([0.7, 0.5, 0.4])], box, 'linear', 0, 0, 2);
    const puts: { x: number; y: number; width: number; height: number }[] = [];
    const ctx = new Proxy({} as Record<string, unknown>, {
      get(target, key: string) {
        if (key in target) return target[key];
        if (key === 'createImageData') return (w: number, h: number) => ({ data: new Uint8ClampedArray(w * h * 4), width: w, height: h });
        if (key === 'putImageData') return (image: ImageData, x: number, y: number) => puts.push({ x, y, width: image.width, height: image.height });
        return () => ({ width: 0 });
      },
      set(target, key: string, value) {
        target[key] = value;
        return true;
      },
    }) as unknown as CanvasRenderingContext2D;
    drawCostFrame(ctx, frame);
    expect(puts).toEqual([{ ...plotPixelsOf(frame), x: 120, y: 24 }].map(({ x, y, width, height }) => ({ x, y, width, height })));
    expect(puts[0].width).toBe(frame.columnCount);
  });
});

describe('zoomed and log views read fine blocks, not every epoch, and stay exact', () => {
  it('every column of any zoom equals the exact reduction of its epochs, spikes and non-finite costs included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3_000, max: 40_000 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(9, 1e-6, Infinity, NaN)), { maxLength: 12 }),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 7, max: 700 }),
        fc.boolean(),
        (length, spikes, a, b, columns, log) => {
          const costs = Float64Array.from({ length }, (_, k) => 0.5 + 0.1 * Math.sin(k / 7));
          for (const [at, v] of spikes) costs[at % length] = v;
          // a small envelope capacity: buckets of many epochs even for a short history
          const envelope = new CostEnvelope(64);
          envelope.sync(costs, length);
          const from = 1 + (a % length);
          const to = 1 + (b % length);
          const view = epochViewOf(length, from === to ? null : [from, to], log);
          // the whole run on a linear axis is the envelope's own reduction (a bucket to its middle's column; envelope tests)
          fc.pre(!isWholeLinear(view, length));
          const fast = viewColumns(envelope, costs, view, columns, length);
          const exact = { min: new Float64Array(columns).fill(NaN), max: new Float64Array(columns).fill(NaN), nonFinite: new Uint32Array(columns) };
          for (let e = Math.ceil(view.from); e <= view.to; e++) {
            const c = columnOfEpoch(view, e, columns);
            const v = costs[e - 1];
            if (!Number.isFinite(v)) exact.nonFinite[c]++;
            else {
              if (!(exact.min[c] <= v)) exact.min[c] = v;
              if (!(exact.max[c] >= v)) exact.max[c] = v;
            }
          }
          expect(Array.from(fast.min)).toEqual(Array.from(exact.min));
          expect(Array.from(fast.max)).toEqual(Array.from(exact.max));
          expect(Array.from(fast.nonFinite)).toEqual(Array.from(exact.nonFinite));
        },
      ),
      { numRuns: 60 },
    );
  });
});
