// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { layoutOf } from '../../src/engine';
import { DecisionBoundary } from '../../src/views/boundary/DecisionBoundary';
import { type CostSeries, type CostSource, CostCurve } from '../../src/views/costCurve/CostCurve';
import { formatNumber } from '../../src/views/format';
import { NetworkGraph } from '../../src/views/graph/NetworkGraph';
import { questionXor, trained } from './fixtures';
import { type Rendered, nextFrame, render } from './render';

let rendered: Rendered | null = null;
afterEach(async () => {
  await rendered?.unmount();
  rendered = null;
});

const xor = trained(questionXor, 300);

function figure(container: HTMLElement, label: string): HTMLElement {
  const f = container.querySelector<HTMLElement>(`figure[aria-label="${label}"]`);
  expect(f, `figure ${label}`).not.toBeNull();
  expect(f!.querySelector('figcaption')?.textContent?.length).toBeGreaterThan(20);
  return f!;
}

describe('NetworkGraph', () => {
  it('renders every neuron and weight of the network, with sample buttons from the pass', async () => {
    const onSampleChange = vi.fn();
    rendered = await render(
      <NetworkGraph network={xor.network} pass={xor.pass} grids={xor.grids} sample={0} onSampleChange={onSampleChange} width={560} height={320} />,
    );
    await nextFrame();
    const f = figure(rendered.container, 'Network graph');
    expect(f.querySelectorAll('line[data-edge]')).toHaveLength(2 * 2 + 2 * 1);
    expect(f.querySelectorAll('[data-node]')).toHaveLength(5);
    expect(f.querySelectorAll('[data-bias]')).toHaveLength(3);
    expect(f.querySelectorAll('canvas[data-thumb]')).toHaveLength(5);
    const buttons = Array.from(f.querySelectorAll<HTMLButtonElement>('[aria-label="Sample shown"] button'));
    // each sample says whether the network's rounded output equals its target
    const marks = Array.from(xor.pass.targets, (y, s) => ((xor.pass.outputs[s] >= 0.5 ? 1 : 0) === y ? '✓' : '✗'));
    expect(buttons.map((b) => b.textContent)).toEqual([
      'Mean',
      `(1, 1) → 0${marks[0]}`,
      `(0, 1) → 1${marks[1]}`,
      `(1, 0) → 1${marks[2]}`,
      `(0, 0) → 0${marks[3]}`,
    ]);
    expect(f.querySelector('[data-right]')?.textContent).toBe(`${marks.filter((m) => m === '✓').length} of 4 right`);
    expect(buttons[1].getAttribute('aria-pressed')).toBe('true');
    await act(async () => buttons[0].click());
    expect(onSampleChange).toHaveBeenCalledWith('mean');
  });

  it('paints edge colours and neuron values from the network and the pass', async () => {
    rendered = await render(<NetworkGraph network={xor.network} pass={xor.pass} grids={xor.grids} sample={1} width={560} height={320} />);
    await nextFrame();
    const edge = rendered.container.querySelector('line[data-edge="0"]')!;
    expect(edge.getAttribute('stroke')).not.toBe('#d9d6d0');
    expect(Number(edge.getAttribute('stroke-width'))).toBeGreaterThan(0);
    const value = rendered.container.querySelector('[data-node-value="2:0"]')!;
    expect(value.textContent).not.toBe('');
  });

  it('focus on a neuron shows a tooltip with its numbers from the PassRecord', async () => {
    rendered = await render(<NetworkGraph network={xor.network} pass={xor.pass} grids={xor.grids} sample={2} width={560} height={320} />);
    const node = rendered.container.querySelector<SVGGElement>('[data-node="1:1"]')!;
    await act(async () => node.focus());
    const tooltip = rendered.container.querySelector<HTMLElement>('.bl-graph__tooltip')!;
    expect(tooltip.hidden).toBe(false);
    const text = tooltip.textContent ?? '';
    const layer = xor.pass.layers[0];
    expect(text).toContain('Neuron a¹₂');
    expect(text).toContain(formatNumber(layer.z[2 * 2 + 1]));
    expect(text).toContain(formatNumber(layer.a[2 * 2 + 1]));
    expect(text).toContain(formatNumber(layer.delta[2 * 2 + 1]));
    expect(text).toContain(formatNumber(layer.gradBiases[1]));
  });

  it('keyboard: one tab stop, arrows move, Enter enters the weights, Enter on a weight clicks it', async () => {
    const onParamClick = vi.fn();
    rendered = await render(
      <NetworkGraph network={xor.network} pass={xor.pass} grids={xor.grids} sample={0} onParamClick={onParamClick} width={560} height={320} />,
    );
    const svg = rendered.container.querySelector('svg[role="group"]')!;
    expect(svg.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
    const press = (key: string) => act(async () => (document.activeElement ?? svg).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true })));
    await act(async () => svg.querySelector<SVGGElement>('[tabindex="0"]')!.focus());
    await press('ArrowRight');
    expect(document.activeElement?.getAttribute('data-node')).toBe('1:0');
    await press('ArrowDown');
    expect(document.activeElement?.getAttribute('data-node')).toBe('1:1');
    await press('Enter');
    const index = layoutOf(xor.network.sizes).weightOffset[1] + 1 * 2 + 0;
    expect(document.activeElement?.getAttribute('data-edge')).toBe(String(index));
    const tooltip = rendered.container.querySelector<HTMLElement>('.bl-graph__tooltip')!;
    expect(tooltip.textContent).toContain('Weight w¹₂₁');
    expect(document.activeElement?.getAttribute('aria-describedby')).toBe(tooltip.id);
    expect(tooltip.textContent).toContain(formatNumber(xor.pass.gradient[index]));
    await press('Enter');
    expect(onParamClick).toHaveBeenCalledWith(index);
    expect(svg.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
  });

  it('8 hidden layers of 16 render without thumbnails and with a sample field for 200 samples', async () => {
    const big = trained(
      {
        ...questionXor,
        dataset: 'spiral',
        hidden: Array(8).fill(16),
        hiddenActivation: 'tanh',
        gradientDivisor: 'samples',
        derivative: 'correct',
        learningRate: 0.05,
      },
      2,
      32,
    );
    rendered = await render(
      <NetworkGraph network={big.network} pass={big.pass} grids={big.grids} sample={5} onSampleChange={() => {}} width={980} height={600} />,
    );
    await nextFrame();
    expect(rendered.container.querySelectorAll('line[data-edge]')).toHaveLength(2 * 16 + 7 * 256 + 16);
    expect(rendered.container.querySelectorAll('canvas[data-thumb]')).toHaveLength(0);
    const field = rendered.container.querySelector<HTMLInputElement>('input[type="number"]')!;
    expect(field.value).toBe('6');
  });

  it('highlight and paramColor are honoured', async () => {
    rendered = await render(
      <NetworkGraph
        network={xor.network}
        pass={xor.pass}
        grids={null}
        sample={0}
        highlight={{ neurons: [[2, 0]], params: [0] }}
        paramColor={(i) => (i === 0 ? '#ff00ff' : undefined)}
        width={560}
        height={320}
      />,
    );
    await nextFrame();
    expect(rendered.container.querySelector('line[data-edge="0"]')!.getAttribute('stroke')).toBe('#ff00ff');
    expect(rendered.container.querySelector('line[data-edge="1"]')!.getAttribute('stroke-opacity')).toBe('0.16');
    expect(rendered.container.querySelectorAll('.bl-graph__hl-edge')).toHaveLength(1);
    expect(rendered.container.querySelectorAll('.bl-graph__hl-node')).toHaveLength(1);
  });

  it('paints highlighted weights before the neurons and their values, the rings after them', async () => {
    rendered = await render(
      <NetworkGraph network={xor.network} pass={xor.pass} grids={null} sample={0} highlight={{ neurons: [[1, 0]], params: [0, 1] }} width={560} height={320} />,
    );
    await nextFrame();
    const f = rendered.container;
    const precedes = (a: Element, b: Element) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
    const value = f.querySelector('[data-node-value="1:0"]')!;
    const disc = f.querySelector('[data-node="1:0"]')!;
    for (const edge of f.querySelectorAll('.bl-graph__hl-edge')) {
      expect(precedes(edge, disc)).toBe(true);
      expect(precedes(edge, value)).toBe(true);
    }
    // the ring around a neuron (no fill, outside the disc) comes after it
    expect(precedes(value, f.querySelector('.bl-graph__hl-node')!)).toBe(true);
  });
});

describe('DecisionBoundary', () => {
  it('renders the figure, the four gate points with their outputs, axes and the Rounded toggle', async () => {
    const onRoundedChange = vi.fn();
    const outputs = xor.pass.layers[1].a;
    rendered = await render(<DecisionBoundary grids={xor.grids} data={xor.data} outputs={outputs} rounded={false} onRoundedChange={onRoundedChange} />);
    await nextFrame();
    const f = figure(rendered.container, 'Decision boundary');
    expect(f.querySelectorAll('.bl-boundary__point')).toHaveLength(4);
    expect(f.querySelector('.bl-boundary__unit')).not.toBeNull();
    expect(f.querySelectorAll('.tick').length).toBeGreaterThan(4);
    expect(f.textContent).toContain(formatNumber(outputs[0]));
    expect(f.querySelector('figcaption')?.textContent).toContain('100×100');
    expect(f.querySelector('.bl-boundary__contour')?.getAttribute('d')).toMatch(/^M/);
    const toggle = f.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    await act(async () => toggle.click());
    expect(onRoundedChange).toHaveBeenCalledWith(true);
  });

  it('renders with no grids and no data', async () => {
    rendered = await render(<DecisionBoundary grids={null} data={null} rounded />);
    const f = figure(rendered.container, 'Decision boundary');
    expect(f.textContent).toContain('No network output yet');
  });
});

describe('CostCurve', () => {
  function source(series: CostSeries[], currentEpoch: number): CostSource & { emit(): void } {
    const listeners = new Set<() => void>();
    return {
      get: () => ({ series, currentEpoch }),
      subscribe: (l) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
      emit: () =>
        listeners.forEach((l) => {
          l();
        }),
    };
  }

  it('renders the legend, axes, scale toggle and a count of the epochs, and follows new costs', async () => {
    const costs = new Float64Array(1_000_000);
    for (let k = 0; k < costs.length; k++) costs[k] = 0.7 / (1 + k / 100);
    const series: CostSeries[] = [
      { id: 'run', label: 'Run', costs, length: 500_000 },
      { id: 'twin', label: 'Twin', costs: costs.map((c) => c * 2), length: 400_000 },
    ];
    const listeners = new Set<() => void>();
    let currentEpoch = 1000;
    const src: CostSource = {
      get: () => ({ series, currentEpoch }),
      subscribe: (l) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
    };
    const onScaleChange = vi.fn();
    rendered = await render(<CostCurve source={src} scale="linear" onScaleChange={onScaleChange} />);
    const f = figure(rendered.container, 'Cost curve');
    expect(Array.from(f.querySelectorAll('.bl-cost__name')).map((n) => n.textContent)).toEqual(['Run', 'Twin']);
    expect(f.querySelectorAll('.tick').length).toBeGreaterThan(4);
    const value = () => f.querySelector('.bl-cost__value')?.textContent ?? '';
    expect(value()).toBe(`${formatNumber(costs[999])} at epoch 1,000`);
    const lastTick = () =>
      Array.from(f.querySelectorAll('.tick text'))
        .map((t) => t.textContent)
        .filter((t) => t?.includes(','));
    expect(lastTick().at(-1)).toBe('500,000');
    series[0] = { ...series[0], length: 1_000_000 };
    currentEpoch = 1_000_000;
    listeners.forEach((l) => {
      l();
    });
    await nextFrame();
    expect(value()).toBe(`${formatNumber(costs[999_999])} at epoch 1,000,000`);
    expect(lastTick().at(-1)).toBe('1,000,000');
    const log = Array.from(f.querySelectorAll('button')).find((b) => b.textContent === 'Log')!;
    await act(async () => log.click());
    expect(onScaleChange).toHaveBeenCalledWith('log');
  });

  it('keyboard cursor shows epoch and cost, Enter picks the epoch', async () => {
    const costs = Float64Array.from({ length: 100 }, (_, k) => 1 / (k + 1));
    const onPickEpoch = vi.fn();
    rendered = await render(<CostCurve source={source([{ id: 'a', label: 'A', costs, length: 100 }], 50)} onPickEpoch={onPickEpoch} />);
    const plot = rendered.container.querySelector<HTMLElement>('.bl-cost__plot')!;
    await act(async () => plot.focus());
    const press = (key: string) => act(async () => plot.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true })));
    await press('Home');
    await nextFrame();
    const tooltip = rendered.container.querySelector<HTMLElement>('.bl-tooltip')!;
    expect(tooltip.hidden).toBe(false);
    expect(tooltip.textContent).toContain('Epoch 1');
    expect(tooltip.textContent).toContain(`A: ${formatNumber(costs[0])}`);
    await press('Enter');
    expect(onPickEpoch).toHaveBeenCalledWith(1);
  });

  it('a diverged series and an empty one do not break it', async () => {
    const costs = new Float64Array([0.7, 0.6, Infinity, NaN]);
    rendered = await render(
      <CostCurve
        source={source(
          [
            { id: 'd', label: 'Diverged', costs, length: 4 },
            { id: 'e', label: 'Empty', costs: new Float64Array(0), length: 0 },
          ],
          0,
        )}
        scale="log"
      />,
    );
    await nextFrame();
    const f = figure(rendered.container, 'Cost curve');
    expect(f.textContent).toContain('no epochs yet');
  });
});
