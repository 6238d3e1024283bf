/** In-browser timings of the views' drawing paths, on real canvases. */
import { type BoundaryGrids, type Network, type PassRecord, buildRun, cloneNetwork, inspectPass, trainOptionsOf } from '../../src/engine';
import { spiralConfig } from './galleryData';
import { computeLayout } from '../../src/views/graph/layout';
import { type GraphElements, paintGraph } from '../../src/views/graph/paintGraph';
import { DEFAULT_BOUNDARY_STYLE, contourPath, drawBoundary } from '../../src/views/boundary/drawBoundary';
import { prepareCanvas } from '../../src/views/canvas';
import { CostEnvelope } from '../../src/views/costCurve/envelope';
import { drawCostFrame } from '../../src/views/costCurve/drawFrame';
import { buildCostFrame } from '../../src/views/costCurve/frame';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export function measureViews(history: Float64Array, grids: BoundaryGrids, big: { network: Network; pass: PassRecord; grids: BoundaryGrids }) {
  const ratio = window.devicePixelRatio || 1;
  const box = { width: 900, height: 220, margin: { top: 14, right: 16, bottom: 34, left: 60 } };
  const canvas = document.createElement('canvas');
  document.body.append(canvas);
  const ctx = prepareCanvas(canvas, box.width, box.height, ratio);
  if (!ctx) return { error: 'no canvas' };
  const series = (envelope: CostEnvelope) => [{ id: 'a', label: 'a', color: '#0072B2', costs: history, length: history.length, envelope }];

  // first frame of a 1,000,000-epoch history: reduce everything, then draw
  const coldTimes: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    drawCostFrame(ctx, buildCostFrame(series(new CostEnvelope()), box, 'linear', 500_000, 0, ratio));
    coldTimes.push(performance.now() - t0);
  }
  // steady frames: the envelope is up to date, 1,000 new epochs arrive per frame
  const envelope = new CostEnvelope();
  envelope.sync(history, history.length - 60_000);
  const warmTimes: number[] = [];
  for (let k = 0; k < 60; k++) {
    const input = [{ id: 'a', label: 'a', color: '#0072B2', costs: history, length: history.length - 60_000 + (k + 1) * 1000, envelope }];
    const t0 = performance.now();
    drawCostFrame(ctx, buildCostFrame(input, box, k % 2 ? 'log' : 'linear', 500_000, 400_000, ratio));
    warmTimes.push(performance.now() - t0);
  }
  canvas.remove();

  const size = 300;
  const boundaryCanvas = document.createElement('canvas');
  document.body.append(boundaryCanvas);
  const bctx = boundaryCanvas.getContext('2d');
  if (!bctx) return { error: 'no canvas' };
  const contour = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  const boundaryTimes: number[] = [];
  for (let k = 0; k < 60; k++) {
    const t0 = performance.now();
    // alternate the style so every frame really paints (unchanged pixels are skipped)
    drawBoundary(bctx, grids, { ...DEFAULT_BOUNDARY_STYLE, rounded: k % 2 === 1 }, { pixels: null });
    contour.setAttribute('d', contourPath(grids, 0.5, size));
    boundaryTimes.push(performance.now() - t0);
  }
  boundaryCanvas.remove();

  // one paint of the 8×16 graph (1,840 weights, 131 neurons) into real SVG elements
  const layout = computeLayout(big.network.sizes, 980, 600);
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  document.body.append(svg);
  const make = <K extends 'line' | 'circle' | 'text'>(tag: K) => svg.appendChild(document.createElementNS('http://www.w3.org/2000/svg', tag));
  const freshElements = (): GraphElements => {
    svg.replaceChildren();
    return {
      edges: layout.edges.map(() => make('line')),
      bodies: layout.nodes.map((c) => c.map(() => make('circle'))),
      rings: layout.nodes.map((c) => c.map(() => make('circle'))),
      values: layout.nodes.map((c) => c.map(() => make('text'))),
      thumbs: layout.nodes.map((c) => c.map(() => null)),
    };
  };
  // every attribute written (a new shape, or weights that all moved) …
  const graphTimes: number[] = [];
  for (let k = 0; k < 15; k++) {
    const elements = freshElements();
    const t0 = performance.now();
    paintGraph(elements, { layout, network: big.network, pass: big.pass, grids: big.grids, sample: k });
    graphTimes.push(performance.now() - t0);
  }
  // … and a repaint for another sample (the weights unchanged)
  const elements = freshElements();
  const repaintTimes: number[] = [];
  for (let k = 0; k < 30; k++) {
    const t0 = performance.now();
    paintGraph(elements, { layout, network: big.network, pass: big.pass, grids: big.grids, sample: k % 2 ? 'mean' : k });
    repaintTimes.push(performance.now() - t0);
  }
  // … and while training: a few epochs between paints, as at max speed (the weights all move a little)
  const run = buildRun(spiralConfig);
  run.trainer.train(300);
  const live = freshElements();
  const trainingTimes: number[] = [];
  for (let k = 0; k < 20; k++) {
    run.trainer.train(3);
    const network = cloneNetwork(run.net);
    const pass = inspectPass(network, run.data, trainOptionsOf(spiralConfig));
    const t0 = performance.now();
    paintGraph(live, { layout, network, pass, grids: big.grids, sample: 0 });
    if (k > 0) trainingTimes.push(performance.now() - t0);
  }
  svg.remove();
  return {
    devicePixelRatio: ratio,
    costCurve1MFirstFrameMs: { median: median(coldTimes), max: Math.max(...coldTimes) },
    costCurve1MSteadyFrameMs: { median: median(warmTimes), max: Math.max(...warmTimes) },
    boundary100x100FrameMs: { median: median(boundaryTimes), max: Math.max(...boundaryTimes) },
    graph8x16FullPaintMs: { median: median(graphTimes), max: Math.max(...graphTimes) },
    graph8x16WhileTrainingPaintMs: { median: median(trainingTimes), max: Math.max(...trainingTimes) },
    graph8x16SampleRepaintMs: { median: median(repaintTimes), max: Math.max(...repaintTimes) },
  };
}
