/**
 * Per-frame styling of the graph, outside React: edge colour and width by weight, neuron fill by
 * activation, bias rings, values inside nodes, and the per-neuron heatmap thumbnails.
 */
import { type BoundaryGrids, type Network, type PassRecord, type SampleSelection, gridCellCentre } from '../../engine';
import { prepareCanvas } from '../canvas';
import { type ColorTable, buildColorTable, paintCells } from '../colorTable';
import { formatCompact } from '../format';
import { activationColorScale, activationDomain, interpolateValue, interpolateWeight, weightWidthScale } from '../palette';
import { type EdgeStyle, type EdgeStyler, drawEdges, strokeGroups, strongestEdges } from './edgeCanvas';
import type { GraphLayout } from './layout';
import { activationValue, layerSpread, maxAbsWeight, passMatches } from './values';

export interface GraphElements {
  /** one <line> per weight, in layout.edges order (svg mode; empty in canvas mode) */
  edges: (SVGLineElement | null)[];
  /** the canvas the weights are drawn on in canvas mode */
  edgeCanvas?: HTMLCanvasElement | null;
  /** per layer, per neuron */
  bodies: SVGCircleElement[][];
  rings: (SVGCircleElement | null)[][];
  values: (SVGTextElement | null)[][];
  thumbs: (HTMLCanvasElement | null)[][];
}

export interface GraphPaintInput {
  layout: GraphLayout;
  network: Network;
  pass: PassRecord | null;
  grids: BoundaryGrids | null;
  sample: SampleSelection;
  paramColor?: (index: number) => string | undefined;
  /** params highlighted; when non-empty, the other weights are dimmed */
  highlightedParams?: ReadonlySet<number>;
}

const WEIGHT_STEPS = 256;
let weightTable: string[] | null = null;
/** The weight ramp as 256 colour strings: painting 1,840 weights must not interpolate 1,840 colours. */
function weightColors(): string[] {
  weightTable ??= Array.from({ length: WEIGHT_STEPS }, (_, k) => interpolateWeight(k / (WEIGHT_STEPS - 1)));
  return weightTable;
}

/** Styles weights for one paint: colour by w on ±maxAbs, width by |w|, dimmed when others are highlighted. */
export function edgeStyler(maxAbs: number, maxWidth: number, input: Pick<GraphPaintInput, 'paramColor' | 'highlightedParams'>): EdgeStyler {
  const m = Number.isFinite(maxAbs) && maxAbs > 0 ? maxAbs : 1;
  const colors = weightColors();
  const width = weightWidthScale(m, maxWidth);
  const dimming = input.highlightedParams !== undefined && input.highlightedParams.size > 0;
  return (weight, index) => {
    const override = input.paramColor?.(index);
    let color = override ?? '#D55E00';
    if (override === undefined && Number.isFinite(weight)) {
      const t = Math.round(((weight / m + 1) / 2) * (WEIGHT_STEPS - 1));
      color = colors[t < 0 ? 0 : t > WEIGHT_STEPS - 1 ? WEIGHT_STEPS - 1 : t];
    }
    return {
      color,
      width: Number.isFinite(weight) ? width(Math.abs(weight)) : maxWidth,
      opacity: dimming && !input.highlightedParams!.has(index) ? 0.16 : 0.9,
    };
  };
}

/** Colour, width and opacity of weight `index` (one-off; painting uses a shared `edgeStyler`). */
export function edgeStyle(
  weight: number,
  index: number,
  maxAbs: number,
  maxWidth: number,
  input: Pick<GraphPaintInput, 'paramColor' | 'highlightedParams'>,
): EdgeStyle {
  return edgeStyler(maxAbs, maxWidth, input)(weight, index);
}

/** Sets an attribute only when it changes (most weights barely move between frames). */
function setIfChanged(el: Element, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/** Colour of a neuron's activation value in layer l (domain by its activation function). */
export function neuronColor(network: Network, l: number, value: number, pass: PassRecord | null): string {
  if (!Number.isFinite(value)) return '#FFFFFF';
  return activationColorScale(layerDomain(network, pass, l))(value);
}

/**
 * [low, middle, high] of layer l's colours: the activation's own range, ±the largest |a| for
 * unbounded ones, and for inputs 0 … max x when no input is negative (gates: 0 orange, 1 blue).
 */
export function layerDomain(network: Network, pass: PassRecord | null, l: number): [number, number, number] {
  const spread = layerSpread(pass, l);
  if (l > 0) return activationDomain(network.activations[l - 1], spread);
  if (pass?.inputs.every((x) => x >= 0)) return [0, spread / 2, spread];
  return activationDomain('input', spread);
}

let table: ColorTable | null = null;
const valueTable = () => (table ??= buildColorTable(interpolateValue));

export function paintGraph(elements: GraphElements, input: GraphPaintInput): void {
  const { layout, network, sample } = input;
  const pass = passMatches(network, input.pass) ? input.pass : null;
  const maxAbs = maxAbsWeight(network);
  const params = network.params;
  const styleEdge = edgeStyler(maxAbs, layout.maxEdgeWidth, input);
  const styleRing = edgeStyler(maxAbs, layout.ring, input);
  if (layout.edgeMode === 'canvas' && elements.edgeCanvas)
    paintEdgeCanvas(elements.edgeCanvas, input, edgeStyler(maxAbs, Math.min(layout.maxEdgeWidth, CANVAS_EDGE_WIDTH), input));
  for (let k = 0; k < elements.edges.length && k < layout.edges.length; k++) {
    const line = elements.edges[k];
    if (!line) continue;
    const e = layout.edges[k];
    const style = styleEdge(params[e.index], e.index);
    setIfChanged(line, 'stroke', style.color);
    setIfChanged(line, 'stroke-width', style.width.toFixed(1));
    setIfChanged(line, 'stroke-opacity', String(style.opacity));
  }
  for (let l = 0; l < layout.nodes.length; l++) {
    const domain = layerDomain(network, pass, l);
    const fill = activationColorScale(domain);
    for (const node of layout.nodes[l]) {
      const value = pass ? activationValue(pass, l, node.j, sample) : NaN;
      const body = elements.bodies[l]?.[node.j];
      if (body) setIfChanged(body, 'fill', Number.isFinite(value) ? fill(value) : '#FFFFFF');
      const text = elements.values[l]?.[node.j];
      if (text) {
        const label = pass ? formatCompact(value) : '';
        if (text.textContent !== label) text.textContent = label;
        // dark text on light fills, light text on the dark ends of the ramp
        setIfChanged(text, 'fill', isDarkFill(domain, value) ? '#FFFFFF' : '#1A1A1A');
      }
      const ring = elements.rings[l]?.[node.j];
      if (ring && node.biasIndex >= 0) {
        const style = styleRing(params[node.biasIndex], node.biasIndex);
        setIfChanged(ring, 'stroke', style.color);
        setIfChanged(ring, 'stroke-opacity', String(Math.max(style.opacity, 0.3)));
      }
    }
  }
  if (layout.thumb > 0) paintThumbnails(elements, input, pass);
}

/** Widest weight line on the edge canvas: hundreds of lines per layer read better thin. */
const CANVAS_EDGE_WIDTH = 1.2;

/** What the edge canvas last drew, so a repaint with the same weights and styling draws nothing. */
const drawnEdges = new WeakMap<HTMLCanvasElement, { layout: GraphLayout; params: Float64Array; paramColor: unknown; highlighted: unknown }>();

function paintEdgeCanvas(canvas: HTMLCanvasElement, input: GraphPaintInput, styleEdge: EdgeStyler): void {
  const { layout, network } = input;
  const last = drawnEdges.get(canvas);
  if (last && last.layout === layout && last.params === network.params && last.paramColor === input.paramColor && last.highlighted === input.highlightedParams)
    return;
  const ctx = prepareCanvas(canvas, layout.width, layout.height);
  if (!ctx) return;
  const shown = strongestEdges(layout, network.params, layout.edgesPerLayer);
  drawEdges(ctx, layout.width, layout.height, strokeGroups(layout, network.params, shown.edges, styleEdge));
  drawnEdges.set(canvas, { layout, params: network.params, paramColor: input.paramColor, highlighted: input.highlightedParams });
}

function isDarkFill([lo, , hi]: [number, number, number], value: number): boolean {
  if (!Number.isFinite(value)) return false;
  const t = (value - lo) / (hi - lo);
  return t < 0.17 || t > 0.8;
}

function paintThumbnails(elements: GraphElements, input: GraphPaintInput, pass: PassRecord | null): void {
  const { layout, network, grids } = input;
  for (let l = 0; l < layout.nodes.length; l++) {
    const [lo, , hi] = layerDomain(network, pass, l);
    for (const node of layout.nodes[l]) {
      const canvas = elements.thumbs[l]?.[node.j];
      if (!canvas) continue;
      let values: ArrayLike<number> | null = null;
      let resolution = 0;
      if (grids && l > 0 && grids.neurons.length === layout.nodes.length - 1 && grids.neurons[l - 1]?.length === layout.nodes[l].length) {
        values = grids.neurons[l - 1][node.j];
        resolution = grids.neuronResolution;
      } else if (grids && l === 0) {
        resolution = grids.neuronResolution;
        values = inputPlane(grids.domain, resolution, node.j);
      }
      drawThumbnail(canvas, values, resolution, lo, hi);
    }
  }
}

const planes = new Map<string, Float32Array>();
/** The input x_j itself over the plane (what an input neuron "outputs"), from the grid's cell centres. */
function inputPlane(domain: BoundaryGrids['domain'], resolution: number, j: number): Float32Array {
  const key = `${domain.join(',')}:${resolution}:${j}`;
  let plane = planes.get(key);
  if (!plane) {
    plane = new Float32Array(resolution * resolution);
    for (let r = 0; r < resolution; r++)
      for (let c = 0; c < resolution; c++) plane[r * resolution + c] = j < 2 ? gridCellCentre(domain, resolution, r, c)[j] : 0;
    planes.set(key, plane);
  }
  return plane;
}

const shownPixels = new WeakMap<HTMLCanvasElement, Uint32Array>();

function drawThumbnail(canvas: HTMLCanvasElement, values: ArrayLike<number> | null, resolution: number, lo: number, hi: number): void {
  let ctx: CanvasRenderingContext2D | null = null;
  try {
    ctx = canvas.getContext('2d');
  } catch {
    ctx = null;
  }
  if (!ctx || typeof ctx.createImageData !== 'function') return;
  if (!values || resolution < 1) {
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    shownPixels.delete(canvas);
    return;
  }
  if (canvas.width !== resolution || canvas.height !== resolution) {
    // resizing clears the canvas
    canvas.width = resolution;
    canvas.height = resolution;
    shownPixels.delete(canvas);
  }
  const image = ctx.createImageData(resolution, resolution);
  const pixels = new Uint32Array(image.data.buffer);
  paintCells(values, pixels, valueTable(), lo, hi);
  // unchanged colours (a slow or paused run): leave the canvas alone, so the browser repaints nothing
  const shown = shownPixels.get(canvas);
  if (shown && shown.length === pixels.length && shown.every((p, k) => p === pixels[k])) return;
  shownPixels.set(canvas, pixels);
  ctx.putImageData(image, 0, 0);
}
