// @vitest-environment happy-dom
/**
 * The graph's element registry and painter: elements come and go by ref, the painter paints what is
 * mounted now (a new shape's lines by their new param indices), and the tab stop follows its item.
 */
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { layoutOf } from '../../src/engine';
import { switchLanguage } from '../../src/i18n/setup';
import { createGraphElements } from '../../src/views/graph/graphElements';
import { createGraphPainter } from '../../src/views/graph/graphPainter';
import { computeLayout } from '../../src/views/graph/layout';
import { NetworkGraph } from '../../src/views/graph/NetworkGraph';
import { edgeStyler } from '../../src/views/graph/paintGraph';
import { questionXor, trained } from './fixtures';
import { type Rendered, nextFrame, render } from './render';

const svgElement = <K extends keyof SVGElementTagNameMap>(name: K) => document.createElementNS('http://www.w3.org/2000/svg', name);

describe('the element registry', () => {
  it('maps an item to its element and back (from a child too), and forgets an element that unmounts', () => {
    const elements = createGraphElements();
    const node = svgElement('g');
    const body = svgElement('circle');
    node.append(body);
    const item = { kind: 'neuron', layer: 1, j: 0 } as const;
    elements.item(item)(node);
    expect(elements.elementOf(item)).toBe(node);
    expect(elements.itemOf(body)).toEqual(item);
    elements.item(item)(null);
    expect(elements.elementOf(item)).toBeNull();
    expect(elements.itemOf(body)).toBeNull();
  });

  it('gives the same ref for the same item while mounted, so React keeps it attached', () => {
    const elements = createGraphElements();
    const item = { kind: 'bias', layer: 1, j: 1 } as const;
    const ref = elements.item(item);
    ref(svgElement('circle'));
    expect(elements.item(item)).toBe(ref);
  });

  it('puts the tab stop on its item, including one that mounts later, and takes it off the last one', () => {
    const elements = createGraphElements();
    const first = svgElement('g');
    elements.item({ kind: 'neuron', layer: 0, j: 0 })(first);
    elements.setTabStop({ kind: 'neuron', layer: 0, j: 0 }, 'tip');
    expect(first.getAttribute('tabindex')).toBe('0');
    expect(first.getAttribute('aria-describedby')).toBe('tip');
    elements.setTabStop({ kind: 'weight', layer: 1, j: 0, i: 1 }, 'tip');
    expect(first.getAttribute('tabindex')).toBe('-1');
    expect(first.hasAttribute('aria-describedby')).toBe(false);
    const line = svgElement('line');
    elements.item({ kind: 'weight', layer: 1, j: 0, i: 1 }, 7)(line);
    expect(line.getAttribute('tabindex')).toBe('0');
  });

  it('the painter paints the lines registered for the layout, by param index, and nothing after destroy', async () => {
    const { network, pass, grids } = trained(questionXor, 10);
    const layout = computeLayout(network.sizes, 560, 320);
    const elements = createGraphElements();
    const lines = layout.edges.map((e) => {
      const line = svgElement('line');
      elements.item({ kind: 'weight', layer: e.layer, j: e.j, i: e.i }, e.index)(line);
      return line;
    });
    const painter = createGraphPainter(elements);
    painter.paint({ layout, network, pass, grids, sample: 0 });
    await new Promise((resolve) => setTimeout(resolve, 40));
    const style = edgeStyler(Math.max(...layout.edges.map((e) => Math.abs(network.params[e.index]))), layout.maxEdgeWidth, {});
    expect(lines.map((line) => line.getAttribute('stroke'))).toEqual(layout.edges.map((e) => style(network.params[e.index], e.index).color));
    painter.destroy();
    lines[0].removeAttribute('stroke');
    painter.paint({ layout, network, pass, grids, sample: 0 });
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(lines[0].hasAttribute('stroke')).toBe(false);
  });
});

describe('NetworkGraph with a new shape', () => {
  let rendered: Rendered | null = null;
  afterEach(async () => {
    await rendered?.unmount();
    rendered = null;
  });

  it('paints each line of the new shape by its own weight (the weights moved in params)', async () => {
    const small = trained(questionXor, 5);
    const wide = trained({ ...questionXor, hidden: [3] }, 5);
    rendered = await render(<NetworkGraph network={small.network} pass={small.pass} grids={null} sample={0} width={560} height={320} />);
    await nextFrame();
    await rendered.rerender(<NetworkGraph network={wide.network} pass={wide.pass} grids={null} sample={0} width={560} height={320} />);
    await nextFrame();
    const layout = computeLayout(wide.network.sizes, 560, 320);
    const offset = layoutOf(wide.network.sizes).weightOffset[2];
    // an output weight: its param index differs between the two shapes
    const line = rendered.container.querySelector(`line[data-edge="${offset}"]`)!;
    const maxAbs = Math.max(...layout.edges.map((e) => Math.abs(wide.network.params[e.index])));
    expect(line.getAttribute('stroke')).toBe(edgeStyler(maxAbs, layout.maxEdgeWidth, {})(wide.network.params[offset], offset).color);
    expect(rendered.container.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
  });
});

describe('NetworkGraph in 简体中文', () => {
  let rendered: Rendered | null = null;
  afterEach(async () => {
    await rendered?.unmount();
    rendered = null;
    await switchLanguage('en');
  });

  it('names the figure, the layers, the samples and a focused neuron in Chinese, and switches back to English', async () => {
    const { network, pass, grids } = trained(questionXor, 5);
    await switchLanguage('zh-CN');
    rendered = await render(<NetworkGraph network={network} pass={pass} grids={grids} sample={0} onSampleChange={() => {}} width={560} height={320} />);
    const figure = rendered.container.querySelector('figure')!;
    expect(figure.getAttribute('aria-label')).toBe('网络图');
    expect(figure.querySelector('.bl-graph__headings')?.textContent).toContain('隐藏层 1');
    expect(figure.querySelector('[role="group"][aria-label="显示的样本"]')).not.toBeNull();
    expect(figure.querySelector('[data-right]')?.textContent).toMatch(/^4 个中 \d 个正确$/);
    await act(async () => figure.querySelector<SVGGElement>('[data-node="1:1"]')!.focus());
    const tooltip = figure.querySelector<HTMLElement>('.bl-graph__tooltip')!;
    expect(tooltip.textContent).toContain('神经元 a¹₂');
    expect(tooltip.textContent).toContain('带权输入');
    expect(figure.querySelector('figcaption')?.textContent).toMatch(/^线条是权重/);
    await act(() => switchLanguage('en'));
    expect(figure.getAttribute('aria-label')).toBe('Network graph');
    expect(figure.querySelector('.bl-graph__headings')?.textContent).toContain('Hidden 1');
    expect(tooltip.textContent).toContain('Neuron a¹₂');
  });
});
