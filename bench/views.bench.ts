/**
 * `node --import tsx bench/views.bench.ts`: the views' pure drawing paths in Node (medians in ms).
 * Browser timings of the same paths on real canvases come from the gallery
 * (tests/visual/gallery.html?only=bench, or `node --import tsx tests/visual/shoot.ts bench`).
 */
import { GridEvaluator, buildRun, questionConfig } from '../src/engine';
import { boundaryContour, paintBoundaryPixels } from '../src/views/boundary/drawBoundary';
import { CostEnvelope, envelopeColumns, reduceColumns } from '../src/views/costCurve/envelope';
import { buildCostFrame } from '../src/views/costCurve/frame';
import { drawPlotPixels, plotPixelsOf } from '../src/views/costCurve/raster';
import { computeLayout } from '../src/views/graph/layout';
import { machine, median } from './measure';

function time(work: () => void, repeats: number, warmups = 3): number {
  for (let k = 0; k < warmups; k++) work();
  const all: number[] = [];
  for (let k = 0; k < repeats; k++) {
    const t0 = performance.now();
    work();
    all.push(performance.now() - t0);
  }
  return median(all);
}

const EPOCHS = 1_000_000;
const COLUMNS = 1800; // a 900 px plot at devicePixelRatio 2
const run = buildRun(questionConfig('XOR'));
const costs = new Float64Array(EPOCHS);
run.trainer.train(EPOCHS, costs);

const rows: [string, number][] = [];
rows.push(['cost: reduce 1,000,000 epochs from scratch (envelope)', time(() => new CostEnvelope().sync(costs, EPOCHS), 10)]);
const envelope = new CostEnvelope();
let length = EPOCHS - 200_000;
envelope.sync(costs, length);
rows.push([
  'cost: append 1,000 epochs to a 800,000+ history',
  time(() => {
    length += 1000;
    envelope.sync(costs, length);
  }, 100),
]);
rows.push([`cost: envelope → ${COLUMNS} columns`, time(() => envelopeColumns(envelope, COLUMNS), 50)]);
rows.push([`cost: exact batch reduce 1,000,000 → ${COLUMNS} columns`, time(() => reduceColumns(costs, EPOCHS, COLUMNS), 10)]);

// the whole cost-curve frame (what the page rebuilds per animation frame while training)
const frameBox = { width: 900, height: 150, margin: { top: 14, right: 16, bottom: 34, left: 60 } };
const live = { id: 'live', label: 'Cost', color: '#0072B2', costs, length: EPOCHS, envelope: new CostEnvelope() };
const ghost = { id: 'ghost', label: 'Previous run', color: '#8A8A8A', costs: costs.slice(), length: EPOCHS, envelope: new CostEnvelope(), faint: true };
const reuse = new Map();
rows.push(['cost frame: 1,000,000 epochs, whole run', time(() => buildCostFrame([live], frameBox, 'log', EPOCHS, 400_000, 2, reuse), 200)]);
rows.push(['cost frame: same, with a 1,000,000-epoch ghost', time(() => buildCostFrame([live, ghost], frameBox, 'log', EPOCHS, 400_000, 2, reuse), 200)]);
rows.push([
  'cost frame: zoomed to 100,000 of 1,000,000 epochs',
  time(() => buildCostFrame([live], frameBox, 'log', EPOCHS, 400_000, 2, reuse, { zoom: [400_000, 500_000] }), 200),
]);
rows.push([
  'cost frame: 1,000,000 epochs on a log epoch axis',
  time(() => buildCostFrame([live], frameBox, 'log', EPOCHS, 400_000, 2, reuse, { logX: true }), 200),
]);

// the plot's pixels of that frame (what the canvas gets instead of paths to rasterise)
const wholeFrame = buildCostFrame([live, ghost], frameBox, 'log', EPOCHS, 400_000, 2, reuse);
const plot = plotPixelsOf(wholeFrame);
const image = { data: new Uint8ClampedArray(plot.width * plot.height * 4), width: plot.width, height: plot.height };
rows.push(['cost pixels: 1,000,000 epochs and a ghost → plot pixels', time(() => drawPlotPixels(wholeFrame, plot, image), 200)]);

const grids = new GridEvaluator(run.net, run.data.domain, 100, 32).evaluate(run.net);
const pixels = new Uint32Array(100 * 100);
rows.push([
  'boundary: 100×100 cells → pixels (colour table)',
  time(() => paintBoundaryPixels(grids, { low: 0, high: 1, rounded: false, threshold: 0.5 }, pixels), 200),
]);
rows.push(['boundary: a = ½ contour of 100×100', time(() => boundaryContour(grids, 0.5), 50)]);
rows.push(['graph: layout of [2, 16×8, 1]', time(() => computeLayout([2, 16, 16, 16, 16, 16, 16, 16, 16, 1], 980, 600), 50)]);

const m = machine();
console.log(`views bench · ${m.cpu} · ${m.cores} cores · Node ${m.node} · load ${m.load} · ${m.date}`);
for (const [name, ms] of rows) console.log(`${name.padEnd(58)} ${ms.toFixed(3).padStart(9)} ms`);
