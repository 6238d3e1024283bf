/**
 * Where every neuron, weight and thumbnail of the network graph goes: one column per layer
 * (l = 0 inputs … L output), neurons centred in their column, one node radius for the whole
 * graph so sizes compare, and heatmap thumbnails under the nodes only where they fit.
 */
import { layoutOf } from '../../engine';

interface NodePosition {
  layer: number;
  j: number;
  x: number;
  y: number;
  /** index of b^l_j in params, −1 for inputs */
  biasIndex: number;
}

export interface EdgePosition {
  /** W^l[j][i]: from neuron i of layer l − 1 to neuron j of layer l */
  layer: number;
  j: number;
  i: number;
  /** index into params */
  index: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface GraphLayout {
  width: number;
  height: number;
  sizes: readonly number[];
  radius: number;
  /** bias ring: drawn between radius and radius + ring */
  ring: number;
  /** side of each neuron's heatmap thumbnail, 0 when hidden */
  thumb: number;
  /** x of each layer's column */
  columns: number[];
  nodes: NodePosition[][];
  edges: EdgePosition[];
  /** widest edge stroke allowed at this density */
  maxEdgeWidth: number;
  /** 'svg': one line element per weight; 'canvas': too many for the DOM, drawn on a canvas behind the neurons */
  edgeMode: 'svg' | 'canvas';
  /** in canvas mode, how many of each layer's weights are drawn (the largest |w|; all of a smaller layer) */
  edgesPerLayer: number;
  /** neuron values printed inside nodes when there is room */
  showValues: boolean;
  top: number;
}

const GRAPH_MARGIN = { top: 44, right: 34, bottom: 10, left: 34 };
const MAX_RADIUS = 21;
const MIN_THUMB = 30;
const MAX_THUMB = 60;
/** space between a node's bias ring and its thumbnail */
export const THUMB_GAP = 5;
/**
 * Up to this many weights each get an SVG line (every network the layer editor can build, up to
 * 8 layers of 16); beyond it thousands of lines would block the page, so a canvas draws them.
 */
export const SVG_EDGE_LIMIT = 2_500;
/** In canvas mode each layer shows its strongest weights: this many per neuron of its wider side. */
const EDGES_PER_NEURON = 3;

export function computeLayout(sizes: readonly number[], width: number, height: number): GraphLayout {
  const L = sizes.length - 1;
  const paramLayout = layoutOf(sizes);
  const innerW = Math.max(40, width - GRAPH_MARGIN.left - GRAPH_MARGIN.right);
  const innerH = Math.max(40, height - GRAPH_MARGIN.top - GRAPH_MARGIN.bottom);
  const gap = L > 0 ? innerW / L : innerW;
  const widest = Math.max(...sizes);
  const slot = innerH / widest;
  const radius = Math.max(3, Math.min(MAX_RADIUS, slot * 0.3, gap * 0.16));
  const ring = Math.max(1.5, Math.min(4, radius * 0.22));
  // a thumbnail needs its own room under the node in the tightest column, and across the column gap
  const thumbRoom = Math.min(slot - 2 * (radius + ring) - THUMB_GAP - 6, gap * 0.55);
  const thumb = thumbRoom >= MIN_THUMB ? Math.min(MAX_THUMB, Math.floor(thumbRoom)) : 0;
  const columns = sizes.map((_, l) => GRAPH_MARGIN.left + (L > 0 ? l * gap : innerW / 2));
  const nodes: NodePosition[][] = sizes.map((n, l) => {
    // each layer centred, spaced by the same slot as the widest (so rows line up)
    const spacing = Math.min(slot, innerH / n);
    const blockHeight = spacing * n;
    const start = GRAPH_MARGIN.top + (innerH - blockHeight) / 2;
    // with a thumbnail, the node and the thumbnail under it are centred together in the slot
    const content = thumb > 0 ? 2 * (radius + ring) + THUMB_GAP + thumb : 0;
    return Array.from({ length: n }, (_, j) => ({
      layer: l,
      j,
      x: columns[l],
      y: start + j * spacing + (content > 0 ? (spacing - content) / 2 + radius + ring : spacing / 2),
      biasIndex: l === 0 ? -1 : paramLayout.biasOffset[l] + j,
    }));
  });
  const edges: EdgePosition[] = [];
  for (let l = 1; l <= L; l++) {
    const nIn = sizes[l - 1];
    for (let j = 0; j < sizes[l]; j++) {
      for (let i = 0; i < nIn; i++) {
        const from = nodes[l - 1][i];
        const to = nodes[l][j];
        edges.push({ layer: l, j, i, index: paramLayout.weightOffset[l] + j * nIn + i, x1: from.x, y1: from.y, x2: to.x, y2: to.y });
      }
    }
  }
  const densest = Math.max(...sizes.slice(1).map((n, k) => n * sizes[k]), 1);
  const maxEdgeWidth = Math.max(1.5, Math.min(7, (slot * 0.22) / Math.sqrt(Math.max(1, densest / 8))));
  const edgeMode = edges.length > SVG_EDGE_LIMIT ? 'canvas' : 'svg';
  const edgesPerLayer = EDGES_PER_NEURON * widest;
  return {
    width,
    height,
    sizes: [...sizes],
    radius,
    ring,
    thumb,
    columns,
    nodes,
    edges,
    maxEdgeWidth,
    edgeMode,
    edgesPerLayer,
    showValues: radius >= 13,
    top: GRAPH_MARGIN.top,
  };
}

export type GraphItem =
  | { kind: 'neuron'; layer: number; j: number }
  | { kind: 'weight'; layer: number; j: number; i: number }
  | { kind: 'bias'; layer: number; j: number };

export function sameItem(a: GraphItem | null, b: GraphItem | null): boolean {
  if (!a || !b) return a === b;
  return a.kind === b.kind && a.layer === b.layer && a.j === b.j && (a.kind !== 'weight' || (b.kind === 'weight' && a.i === b.i));
}

function distanceToSegment(px: number, py: number, e: EdgePosition): number {
  const dx = e.x2 - e.x1;
  const dy = e.y2 - e.y1;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.max(0, Math.min(1, ((px - e.x1) * dx + (py - e.y1) * dy) / len2)) : 0;
  return Math.hypot(px - (e.x1 + t * dx), py - (e.y1 + t * dy));
}

/**
 * What the pointer is on: a neuron body, its bias ring, else the nearest weight within `tolerance`
 * pixels (hit-testing in code keeps one SVG element per weight and makes hairlines easy to hover).
 */
export function hitTest(layout: GraphLayout, px: number, py: number, tolerance = 5): GraphItem | null {
  const outer = layout.radius + layout.ring;
  for (const column of layout.nodes) {
    for (const node of column) {
      const d = Math.hypot(px - node.x, py - node.y);
      if (d <= layout.radius - 0.5 || (node.layer === 0 && d <= outer)) return { kind: 'neuron', layer: node.layer, j: node.j };
      if (d <= outer + 1.5) return { kind: 'bias', layer: node.layer, j: node.j };
    }
  }
  let best: EdgePosition | null = null;
  let bestDistance = tolerance;
  for (const e of layout.edges) {
    if (px < Math.min(e.x1, e.x2) - tolerance || px > Math.max(e.x1, e.x2) + tolerance) continue;
    const d = distanceToSegment(px, py, e);
    if (d < bestDistance) {
      bestDistance = d;
      best = e;
    }
  }
  return best ? { kind: 'weight', layer: best.layer, j: best.j, i: best.i } : null;
}

/** Tall enough for a thumbnail under each neuron while the widest layer has up to 6; compact beyond. */
export function defaultHeight(sizes: readonly number[]): number {
  const widest = Math.max(...sizes);
  const slot = widest <= 6 ? 104 : 36;
  return Math.round(Math.max(300, Math.min(640, widest * slot + GRAPH_MARGIN.top + GRAPH_MARGIN.bottom)));
}

/**
 * The weights that get an SVG line: every one, or in canvas mode only the incoming weights of the
 * item the keyboard is on (so Enter can step into them); W^l[j][·] sit together in layout.edges.
 */
export function lineEdges(layout: GraphLayout, layer: number, j: number): readonly EdgePosition[] {
  if (layout.edgeMode === 'svg') return layout.edges;
  if (layer < 1) return [];
  let start = 0;
  for (let l = 1; l < layer; l++) start += layout.sizes[l] * layout.sizes[l - 1];
  const nIn = layout.sizes[layer - 1];
  return layout.edges.slice(start + j * nIn, start + (j + 1) * nIn);
}

/** A point an item's tooltip points at, and half the width of what is there (the tooltip keeps clear of it). */
export interface ItemAnchor {
  x: number;
  y: number;
  clearance: number;
}

/** Where the tooltip of an item points, in SVG pixels. */
export function anchorOf(layout: GraphLayout, item: GraphItem): ItemAnchor {
  if (item.kind === 'weight') {
    const e = layout.edges.find((d) => d.layer === item.layer && d.j === item.j && d.i === item.i);
    return e ? { x: (e.x1 + e.x2) / 2, y: (e.y1 + e.y2) / 2, clearance: 6 } : { x: 0, y: 0, clearance: 0 };
  }
  const n = layout.nodes[item.layer][item.j];
  return { x: n.x, y: n.y, clearance: layout.radius + layout.ring + 2 };
}
