/**
 * The cost curve's redraw at 10⁶ epochs on a real canvas, for bench/browser.bench.ts (bundled, run in
 * a blank Chromium page). Each timed frame appends the epochs a frame brings at Max, rebuilds the
 * frame, draws it, and reads one pixel back so the canvas's recorded drawing is rasterised inside the
 * timing (Chromium defers it to the compositor commit otherwise). Only the view's public functions.
 */
import { DEFAULT_CONFIG, buildRun } from '../src/engine';
import { prepareCanvas } from '../src/views/canvas';
import { type Columns, CostEnvelope } from '../src/views/costCurve/envelope';
import { drawCostFrame } from '../src/views/costCurve/drawFrame';
import { type FrameExtras, buildCostFrame } from '../src/views/costCurve/frame';

const EPOCHS = 1_000_000;
/** Epochs a frame brings at Max on the default network (≈ 450,000 epochs/s). */
const PER_FRAME = 7_500;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))];
}

/** The page's plot at 1400×900: the cost card's width, 150 px high. */
export function measure(width: number, ratio: number): Record<string, { median: number; p95: number; build: number; draw: number; raster: number }> {
  const run = buildRun({ ...DEFAULT_CONFIG, seed: 1 });
  const costs = new Float64Array(EPOCHS + 80 * PER_FRAME);
  run.trainer.train(costs.length, costs);
  const ghostCosts = costs.slice(0, EPOCHS);
  const box = { width, height: 150, margin: { top: 14, right: 16, bottom: 34, left: 60 } };
  const canvas = document.createElement('canvas');
  document.body.append(canvas);
  const ctx = prepareCanvas(canvas, box.width, box.height, ratio);
  if (!ctx) throw new Error('no 2-D canvas');
  const cases: [string, boolean, FrameExtras][] = [
    ['whole run', false, {}],
    ['whole run with a 10⁶-epoch ghost', true, {}],
    ['log epoch axis', false, { logX: true }],
    ['zoomed to 100,000 epochs', false, { zoom: [400_000, 500_000] }],
  ];
  const out: Record<string, { median: number; p95: number; build: number; draw: number; raster: number }> = {};
  for (const [name, withGhost, extras] of cases) {
    const live = new CostEnvelope();
    const ghost = new CostEnvelope();
    const reuse = new Map<string, Columns>();
    const times: number[] = [];
    const parts = { build: [] as number[], draw: [] as number[], raster: [] as number[] };
    for (let k = 0; k < 70; k++) {
      const length = EPOCHS + k * PER_FRAME;
      const inputs = [{ id: 'live', label: 'Cost', color: '#0072B2', costs, length, envelope: live }];
      if (withGhost)
        inputs.push({ id: 'ghost', label: 'Previous run', color: '#8A8A8A', costs: ghostCosts, length: EPOCHS, envelope: ghost, faint: true } as never);
      const t0 = performance.now();
      const frame = buildCostFrame(inputs, box, 'log', length, 0, ratio, reuse, extras);
      const t1 = performance.now();
      drawCostFrame(ctx, frame);
      const t2 = performance.now();
      ctx.getImageData(0, 0, 1, 1);
      const t3 = performance.now();
      // the first frames reduce the whole history once (a new envelope); steady frames follow
      if (k < 10) continue;
      times.push(t3 - t0);
      parts.build.push(t1 - t0);
      parts.draw.push(t2 - t1);
      parts.raster.push(t3 - t2);
    }
    out[name] = { median: median(times), p95: p95(times), build: median(parts.build), draw: median(parts.draw), raster: median(parts.raster) };
  }
  canvas.remove();
  return out;
}

(globalThis as unknown as { costCurveRedraw: typeof measure }).costCurveRedraw = measure;
