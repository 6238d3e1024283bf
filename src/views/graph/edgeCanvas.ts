/**
 * The weights of a big network, on a canvas behind the SVG neurons: tens of thousands of SVG
 * lines would block the page for a second and paint as a grey mat, so each layer shows its
 * strongest weights (the largest |w|), coloured and sized like the SVG lines. Hover and focus
 * still reach every weight: hit-testing is geometric (layout.ts), not by element.
 */
import type { EdgePosition, GraphLayout } from './layout';
import { t } from '../../i18n/setup';

/** How one weight's edge is drawn. */
export interface EdgeStyle {
  color: string;
  width: number;
  opacity: number;
}

/** The style of the edge of params[index] holding `weight` (paintGraph.ts makes one per paint). */
export type EdgeStyler = (weight: number, index: number) => EdgeStyle;

export interface ShownEdges {
  /** positions in layout.edges of the weights drawn, weakest first (the strong ones paint on top) */
  edges: number[];
  /** weights in all */
  total: number;
}

/** Each layer's `perLayer` weights of largest |w| (all of a layer with fewer), as positions in layout.edges. */
export function strongestEdges(layout: Pick<GraphLayout, 'edges' | 'sizes'>, params: ArrayLike<number>, perLayer: number): ShownEdges {
  const total = layout.edges.length;
  // |w| per edge position; a NaN weight is the most important thing to see
  const size = new Float64Array(total);
  for (let k = 0; k < total; k++) {
    const w = Math.abs(params[layout.edges[k].index]);
    size[k] = Number.isNaN(w) ? Infinity : w;
  }
  const shown: number[] = [];
  let start = 0;
  for (let l = 1; l < layout.sizes.length; l++) {
    const count = layout.sizes[l] * layout.sizes[l - 1];
    if (count <= perLayer) {
      for (let k = start; k < start + count; k++) shown.push(k);
    } else if (perLayer > 0) {
      // the perLayer-th largest |w| (a native numeric sort of a copy), then the edges above it, ties up to the count
      const threshold = size.slice(start, start + count).sort()[count - perLayer];
      let ties = perLayer;
      for (let k = start; k < start + count; k++) if (size[k] > threshold) ties--;
      for (let k = start; k < start + count; k++) {
        if (size[k] > threshold) shown.push(k);
        else if (size[k] === threshold && ties > 0) {
          shown.push(k);
          ties--;
        }
      }
    }
    start += count;
  }
  shown.sort((a, b) => size[a] - size[b]);
  return { edges: shown, total };
}

const CANVAS_OPACITY = 0.8;

interface StrokeGroup {
  color: string;
  width: number;
  opacity: number;
  edges: EdgePosition[];
}

/** The shown weights grouped by identical stroke, in drawing order: one path per group keeps the canvas calls few. */
export function strokeGroups(layout: Pick<GraphLayout, 'edges'>, params: ArrayLike<number>, shown: readonly number[], style: EdgeStyler): StrokeGroup[] {
  const groups = new Map<string, StrokeGroup>();
  for (const position of shown) {
    const edge = layout.edges[position];
    const s = style(params[edge.index], edge.index);
    // widths to a quarter pixel: invisible steps, far fewer groups
    const width = Math.round(s.width * 4) / 4;
    const key = `${s.color}|${width}|${s.opacity}`;
    let group = groups.get(key);
    if (!group) {
      group = { color: s.color, width, opacity: s.opacity, edges: [] };
      groups.set(key, group);
    }
    group.edges.push(edge);
  }
  // thin (weak) first, so strong weights are drawn over them
  return [...groups.values()].sort((a, b) => a.width - b.width);
}

/** Clears the canvas (in CSS pixels) and draws the groups. */
export function drawEdges(ctx: CanvasRenderingContext2D, width: number, height: number, groups: readonly StrokeGroup[]): void {
  ctx.clearRect(0, 0, width, height);
  ctx.lineCap = 'round';
  for (const group of groups) {
    ctx.beginPath();
    for (const e of group.edges) {
      ctx.moveTo(e.x1, e.y1);
      ctx.lineTo(e.x2, e.y2);
    }
    ctx.strokeStyle = group.color;
    // overlapping lines build up: a little translucency shows where many strong weights meet
    ctx.globalAlpha = group.opacity * CANVAS_OPACITY;
    ctx.lineWidth = group.width;
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
}

/** "Showing the 2,944 largest |w| of 28,864 weights", or null when every weight is drawn. */
export function shownEdgesNote(layout: Pick<GraphLayout, 'edges' | 'sizes' | 'edgeMode' | 'edgesPerLayer'>): string | null {
  if (layout.edgeMode !== 'canvas') return null;
  let shown = 0;
  for (let l = 1; l < layout.sizes.length; l++) shown += Math.min(layout.edgesPerLayer, layout.sizes[l] * layout.sizes[l - 1]);
  if (shown >= layout.edges.length) return null;
  return t('graph.edgesShown', { shown: shown.toLocaleString('en'), total: layout.edges.length.toLocaleString('en') });
}
