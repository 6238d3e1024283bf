// @vitest-environment happy-dom
/**
 * Big networks on the graph: beyond SVG_EDGE_LIMIT the weights go to a canvas (each layer's
 * strongest, with a note saying so) while neurons stay SVG and the keyboard still reaches every
 * weight; a record without per-sample gradients or later samples' values shows "not kept", never
 * a wrong number.
 */
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_TRAIN_OPTIONS, initializeNetwork, inspectPass, namedDataset } from '../../src/engine';
import { formatNumber } from '../../src/views/format';
import { describeItem, weightIndexOf } from '../../src/views/graph/details';
import { drawEdges, shownEdgesNote, strokeGroups, strongestEdges } from '../../src/views/graph/edgeCanvas';
import { SVG_EDGE_LIMIT, computeLayout, hitTest } from '../../src/views/graph/layout';
import { NetworkGraph } from '../../src/views/graph/NetworkGraph';
import { edgeStyler } from '../../src/views/graph/paintGraph';
import { activationValue, layerValue, layerSpread } from '../../src/views/graph/values';
import { type Rendered, nextFrame, render } from './render';

const BIGGEST = [2, 64, 64, 64, 64, 64, 64, 64, 64, 1];
const big = initializeNetwork(BIGGEST, [...Array<'tanh'>(8).fill('tanh'), 'sigmoid'], 'xavier', 7);

let rendered: Rendered | null = null;
afterEach(async () => {
  await rendered?.unmount();
  rendered = null;
});

describe('layout of a big network', () => {
  it('every network the layer editor builds (up to 8 × 16) keeps one SVG line per weight', () => {
    const sizes = [2, 16, 16, 16, 16, 16, 16, 16, 16, 1];
    const layout = computeLayout(sizes, 980, 600);
    expect(layout.edges.length).toBeLessThanOrEqual(SVG_EDGE_LIMIT);
    expect(layout.edgeMode).toBe('svg');
    expect(shownEdgesNote(layout)).toBeNull();
  });

  it('8 × 64 draws its weights on a canvas, each layer its strongest, and says how many', () => {
    const layout = computeLayout(BIGGEST, 640, 600);
    expect(layout.edgeMode).toBe('canvas');
    expect(layout.edges).toHaveLength(2 * 64 + 7 * 64 * 64 + 64);
    const perLayer = [128, ...Array<number>(7).fill(Math.min(layout.edgesPerLayer, 4096)), 64];
    const shown = perLayer.reduce((a, b) => a + b, 0);
    expect(shownEdgesNote(layout)).toBe(`Showing the ${shown.toLocaleString('en')} largest |w| of 28,864 weights (each layer's strongest)`);
    // hit-testing stays geometric: any weight, drawn or not, can be hovered
    const e = layout.edges[5000];
    expect(hitTest(layout, (e.x1 * 3 + e.x2) / 4, (e.y1 * 3 + e.y2) / 4, 0.5)).toMatchObject({ kind: 'weight', layer: e.layer });
  });
});

describe('strongest weights', () => {
  const layout = computeLayout(BIGGEST, 640, 600);
  const shown = strongestEdges(layout, big.params, layout.edgesPerLayer);

  it("are exactly each layer's largest |w| (all of a small layer), drawn weakest first", () => {
    let start = 0;
    for (let l = 1; l < BIGGEST.length; l++) {
      const count = BIGGEST[l] * BIGGEST[l - 1];
      const positions = Array.from({ length: count }, (_, k) => start + k);
      const inLayer = shown.edges.filter((p) => p >= start && p < start + count);
      expect(inLayer).toHaveLength(Math.min(count, layout.edgesPerLayer));
      const magnitude = (p: number) => Math.abs(big.params[layout.edges[p].index]);
      const weakestShown = Math.min(...inLayer.map(magnitude));
      const strongestHidden = Math.max(0, ...positions.filter((p) => !inLayer.includes(p)).map(magnitude));
      expect(weakestShown).toBeGreaterThanOrEqual(strongestHidden);
      start += count;
    }
    const sizes = shown.edges.map((p) => Math.abs(big.params[layout.edges[p].index]));
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
  });

  it('a NaN weight is always drawn', () => {
    const params = big.params.slice();
    const hidden = layout.edges.findIndex((e, k) => e.layer === 4 && !shown.edges.includes(k));
    params[layout.edges[hidden].index] = NaN;
    expect(strongestEdges(layout, params, layout.edgesPerLayer).edges).toContain(hidden);
  });

  it('are drawn in few strokes: one path per colour and width', () => {
    const style = edgeStyler(0.5, layout.maxEdgeWidth, {});
    const groups = strokeGroups(layout, big.params, shown.edges, style);
    expect(groups.reduce((n, g) => n + g.edges.length, 0)).toBe(shown.edges.length);
    expect(groups.length).toBeLessThanOrEqual(257);
    const calls: string[] = [];
    const ctx = new Proxy({} as Record<string, unknown>, {
      get: (_target, key) =>
        typeof key === 'string' && ['clearRect', 'beginPath', 'moveTo', 'lineTo', 'stroke'].includes(key) ? () => calls.push(key) : undefined,
      set: () => true,
    }) as unknown as CanvasRenderingContext2D;
    drawEdges(ctx, layout.width, layout.height, groups);
    expect(calls.filter((c) => c === 'stroke')).toHaveLength(groups.length);
    expect(calls.filter((c) => c === 'lineTo')).toHaveLength(shown.edges.length);
  });
});

describe('NetworkGraph of 2-64×8-1', () => {
  const data = namedDataset('XOR', 0);
  const pass = inspectPass(big, data, DEFAULT_TRAIN_OPTIONS, { sampleGradients: false, sampleLimit: 2 });

  it('renders neurons as SVG, weights on a canvas, a note, and no line per weight', async () => {
    rendered = await render(<NetworkGraph network={big} pass={pass} grids={null} sample="mean" width={640} height={600} />);
    await nextFrame();
    const f = rendered.container.querySelector<HTMLElement>('figure[aria-label="Network graph"]')!;
    expect(f.querySelectorAll('[data-node]')).toHaveLength(2 + 8 * 64 + 1);
    expect(f.querySelectorAll('canvas.bl-graph__edge-canvas')).toHaveLength(1);
    expect(f.querySelectorAll('line[data-edge]').length).toBeLessThanOrEqual(64);
    expect(f.querySelector('.bl-graph__edges-note')?.textContent).toMatch(/^Showing the [\d,]+ largest \|w\| of 28,864 weights/);
    expect(f.querySelector('figcaption')?.textContent).toMatch(/only each layer’s strongest are drawn/);
  });

  it('the keyboard still steps from a neuron into its incoming weights', async () => {
    rendered = await render(<NetworkGraph network={big} pass={pass} grids={null} sample={0} width={640} height={600} />);
    const svg = rendered.container.querySelector('svg')!;
    const node = rendered.container.querySelector<SVGGElement>('[data-node="3:5"]')!;
    await act(async () => node.focus());
    const press = (key: string) => act(async () => (document.activeElement ?? svg).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true })));
    await press('Enter');
    const focused = document.activeElement as Element;
    expect(focused.getAttribute('data-edge')).toBe(String(weightIndexOf(big, 3, 5, 0)));
    await press('ArrowDown');
    expect((document.activeElement as Element).getAttribute('data-edge')).toBe(String(weightIndexOf(big, 3, 5, 1)));
    expect(rendered.container.querySelectorAll('line[data-edge]')).toHaveLength(64);
    const tooltip = rendered.container.querySelector<HTMLElement>('.bl-graph__tooltip')!;
    expect(tooltip.hidden).toBe(false);
    expect(tooltip.textContent).toContain('not kept for a network and data this size');
  });

  it('the sample field offers the kept samples only', async () => {
    const many = inspectPass(initializeNetwork([2, 3, 1], ['tanh', 'sigmoid'], 'xavier', 1), namedDataset('spiral', 0), DEFAULT_TRAIN_OPTIONS, {
      sampleLimit: 50,
    });
    const network = initializeNetwork([2, 3, 1], ['tanh', 'sigmoid'], 'xavier', 1);
    rendered = await render(<NetworkGraph network={network} pass={many} grids={null} sample={0} onSampleChange={() => undefined} width={560} height={320} />);
    const field = rendered.container.querySelector<HTMLInputElement>('.bl-graph__sample-field input')!;
    expect(field.max).toBe('50');
    expect(rendered.container.querySelector('.bl-graph__sample-of')?.textContent).toBe(`of 50 kept (${many.count} in all)`);
  });
});

describe('a record without per-sample parts', () => {
  const network = initializeNetwork([2, 4, 1], ['tanh', 'sigmoid'], 'xavier', 2);
  const data = namedDataset('circle', 0);
  const full = inspectPass(network, data, DEFAULT_TRAIN_OPTIONS);
  const limited = inspectPass(network, data, DEFAULT_TRAIN_OPTIONS, { sampleGradients: false, sampleLimit: 10 });

  it('reads kept samples exactly, later ones as NaN, and the mean over every sample', () => {
    expect(activationValue(limited, 1, 2, 3)).toBe(full.layers[0].a[3 * 4 + 2]);
    expect(activationValue(limited, 1, 2, 10)).toBeNaN();
    expect(layerValue(limited, 'delta', 2, 0, 50)).toBeNaN();
    expect(activationValue(limited, 0, 1, 50)).toBe(full.inputs[50 * 2 + 1]);
    expect(activationValue(limited, 1, 2, 'mean')).toBe(activationValue(full, 1, 2, 'mean'));
    expect(layerSpread(limited, 1)).toBeGreaterThan(0);
  });

  it("a weight tooltip leaves out this sample's gradient term and says why; the batch rows stay exact", () => {
    const index = weightIndexOf(network, 1, 2, 1);
    const d = describeItem({ kind: 'weight', layer: 1, j: 2, i: 1 }, network, limited, 4, formatNumber);
    expect(d.rows.map((r) => r.symbol)).not.toContain('δ·a');
    expect(d.rows.find((r) => r.name.startsWith('gradient'))?.value).toBe(full.gradient[index]);
    expect(d.note).toMatch(/own term of the gradient is not kept/);
    const withTerm = describeItem({ kind: 'weight', layer: 1, j: 2, i: 1 }, network, full, 4, formatNumber);
    expect(withTerm.rows.find((r) => r.symbol === 'δ·a')?.value).toBe(full.sampleGradients![4 * network.params.length + index]);
    expect(withTerm.note).toBeUndefined();
  });

  it('a neuron tooltip for a sample beyond the kept ones shows no z, a, δ and names the kept samples', () => {
    const d = describeItem({ kind: 'neuron', layer: 1, j: 0 }, network, limited, 40, formatNumber);
    expect(d.rows.some((r) => r.name === 'weighted input')).toBe(false);
    expect(d.rows.some((r) => Number.isNaN(r.value))).toBe(false);
    expect(d.note).toBe(
      `Sample 41's z, a and δ are not kept for a network and data this size (the views keep samples 1–10 of ${data.count}); the batch numbers above are exact.`,
    );
  });
});
