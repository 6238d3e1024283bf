import { describe, expect, it } from 'vitest';
import { layoutOf } from '../../src/engine';
import { type GraphLayout, THUMB_GAP, computeLayout, hitTest } from '../../src/views/graph/layout';
import { nextItem } from '../../src/views/graph/keyboard';

function expectInsideAndApart(layout: GraphLayout) {
  const outer = layout.radius + layout.ring;
  const boxes: { x0: number; y0: number; x1: number; y1: number }[] = [];
  for (const column of layout.nodes) {
    for (const n of column) {
      // node with its bias ring, and its thumbnail under it
      expect(n.x - outer).toBeGreaterThanOrEqual(0);
      expect(n.x + outer).toBeLessThanOrEqual(layout.width);
      expect(n.y - outer).toBeGreaterThanOrEqual(layout.top - 1e-9);
      const bottom = layout.thumb > 0 ? n.y + outer + THUMB_GAP + layout.thumb : n.y + outer;
      expect(bottom).toBeLessThanOrEqual(layout.height);
      const halfWidth = Math.max(outer, layout.thumb / 2);
      boxes.push({ x0: n.x - halfWidth, y0: n.y - outer, x1: n.x + halfWidth, y1: bottom });
    }
  }
  for (let a = 0; a < boxes.length; a++) {
    for (let b = a + 1; b < boxes.length; b++) {
      const p = boxes[a];
      const q = boxes[b];
      const overlap = p.x0 < q.x1 && q.x0 < p.x1 && p.y0 < q.y1 && q.y0 < p.y1;
      expect(overlap, `boxes ${a} and ${b} overlap`).toBe(false);
    }
  }
}

describe('graph layout', () => {
  it('[2,1]: three nodes, two weights, thumbnails shown, all inside and apart', () => {
    const layout = computeLayout([2, 1], 380, 260);
    expect(layout.nodes.map((c) => c.length)).toEqual([2, 1]);
    expect(layout.edges).toHaveLength(2);
    expect(layout.thumb).toBeGreaterThan(0);
    expectInsideAndApart(layout);
  });

  it('[2,2,1] at the default size shows thumbnails and values', () => {
    const layout = computeLayout([2, 2, 1], 560, 300);
    expect(layout.thumb).toBeGreaterThanOrEqual(30);
    expect(layout.showValues).toBe(true);
    expectInsideAndApart(layout);
  });

  it('8 hidden layers of 16: every node separate and inside, thumbnails hidden, nodes still big enough to hit', () => {
    const sizes = [2, 16, 16, 16, 16, 16, 16, 16, 16, 1];
    const layout = computeLayout(sizes, 980, 600);
    expect(layout.nodes.flat()).toHaveLength(2 + 8 * 16 + 1);
    expect(layout.edges).toHaveLength(2 * 16 + 7 * 256 + 16);
    expect(layout.thumb).toBe(0);
    expect(layout.radius).toBeGreaterThanOrEqual(6);
    expectInsideAndApart(layout);
  });

  it('edges carry the params index of W^l[j][i] (row j = weights into neuron j)', () => {
    const sizes = [2, 3, 1];
    const layout = computeLayout(sizes, 500, 300);
    const params = layoutOf(sizes);
    for (const e of layout.edges) expect(e.index).toBe(params.weightOffset[e.layer] + e.j * sizes[e.layer - 1] + e.i);
    expect(layout.nodes[1][2].biasIndex).toBe(params.biasOffset[1] + 2);
    expect(layout.nodes[0][0].biasIndex).toBe(-1);
  });

  it('hit-testing finds neurons, bias rings and the nearest weight', () => {
    const layout = computeLayout([2, 2, 1], 560, 300);
    const n = layout.nodes[1][0];
    expect(hitTest(layout, n.x, n.y)).toEqual({ kind: 'neuron', layer: 1, j: 0 });
    expect(hitTest(layout, n.x + layout.radius + layout.ring / 2, n.y)).toEqual({ kind: 'bias', layer: 1, j: 0 });
    const e = layout.edges[3];
    expect(hitTest(layout, (e.x1 + e.x2) / 2, (e.y1 + e.y2) / 2)).toMatchObject({ kind: 'weight', layer: e.layer, j: e.j, i: e.i });
    expect(hitTest(layout, 1, 1)).toBeNull();
  });
});

describe('graph keyboard', () => {
  const sizes = [2, 3, 1];
  it('arrows move between neurons and layers, clamped at the ends', () => {
    expect(nextItem({ kind: 'neuron', layer: 1, j: 0 }, 'ArrowDown', sizes)).toEqual({ kind: 'neuron', layer: 1, j: 1 });
    expect(nextItem({ kind: 'neuron', layer: 1, j: 0 }, 'ArrowUp', sizes)).toEqual({ kind: 'neuron', layer: 1, j: 0 });
    expect(nextItem({ kind: 'neuron', layer: 1, j: 2 }, 'ArrowRight', sizes)).toEqual({ kind: 'neuron', layer: 2, j: 0 });
    expect(nextItem({ kind: 'neuron', layer: 0, j: 1 }, 'ArrowLeft', sizes)).toBeNull();
  });
  it('Enter steps into the incoming weights, then the bias, and Escape returns', () => {
    let item = nextItem({ kind: 'neuron', layer: 1, j: 2 }, 'Enter', sizes);
    expect(item).toEqual({ kind: 'weight', layer: 1, j: 2, i: 0 });
    item = nextItem(item!, 'ArrowDown', sizes);
    expect(item).toEqual({ kind: 'weight', layer: 1, j: 2, i: 1 });
    item = nextItem(item!, 'ArrowDown', sizes);
    expect(item).toEqual({ kind: 'bias', layer: 1, j: 2 });
    expect(nextItem(item!, 'ArrowDown', sizes)).toEqual({ kind: 'bias', layer: 1, j: 2 });
    expect(nextItem(item!, 'Escape', sizes)).toEqual({ kind: 'neuron', layer: 1, j: 2 });
    expect(nextItem({ kind: 'neuron', layer: 0, j: 0 }, 'Enter', sizes)).toBeNull();
  });
});
