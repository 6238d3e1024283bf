// @vitest-environment happy-dom
/** Hovering the decision boundary: x₁, x₂ and the engine's output there; the twin run's two titled plots. */
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { predict } from '../../src/engine';
import { DecisionBoundary } from '../../src/views/boundary/DecisionBoundary';
import { cellAtPixel } from '../../src/views/boundary/hoverCell';
import { formatNumber } from '../../src/views/format';
import { TwinView } from '../../src/views/twin/TwinView';
import { twinCostSource } from '../../src/views/twin/twinCostSource';
import { trained, xorConfig } from './fixtures';
import { type Rendered, render } from './render';

let rendered: Rendered | null = null;
afterEach(async () => {
  await rendered?.unmount();
  rendered = null;
});

describe('the cell under the pointer', () => {
  const { grids, network } = trained(xorConfig, 3000);

  it('is the grid cell at that pixel, with its centre and the output the engine computes at that centre (stored as float32 in the grid)', () => {
    for (const [px, py] of [
      [0, 0],
      [299.9, 299.9],
      [150, 75],
      [12.3, 280],
    ]) {
      const cell = cellAtPixel(grids, px, py, 300)!;
      expect(cell.column).toBe(Math.floor((px / 300) * grids.resolution));
      expect(cell.row).toBe(Math.floor((py / 300) * grids.resolution));
      const [x1min, x1max, x2min, x2max] = grids.domain;
      expect(cell.x1).toBeGreaterThan(x1min);
      expect(cell.x1).toBeLessThan(x1max);
      expect(cell.x2).toBeGreaterThan(x2min);
      expect(cell.x2).toBeLessThan(x2max);
      expect(cell.value).toBe(Math.fround(predict(network, Float64Array.of(cell.x1, cell.x2), 1)[0]));
    }
  });

  it('is none outside the plot', () => {
    expect(cellAtPixel(grids, -1, 10, 300)).toBeNull();
    expect(cellAtPixel(grids, 10, 300, 300)).toBeNull();
  });

  it("the plot shows x₁, x₂ and aᴸ while the pointer is over it, and says the value is the grid cell's", async () => {
    rendered = await render(<DecisionBoundary grids={grids} data={null} rounded={false} size={300} />);
    const plot = rendered.container.querySelector<HTMLElement>('.bl-boundary__plot')!;
    plot.getBoundingClientRect = () => ({ left: 0, top: 0, right: 350, bottom: 342, width: 350, height: 342, x: 0, y: 0, toJSON: () => ({}) });
    // margin: 40 px left, 8 px top
    await act(async () => plot.dispatchEvent(new PointerEvent('pointermove', { clientX: 40 + 150, clientY: 8 + 75, bubbles: true })));
    const hover = rendered.container.querySelector('.bl-boundary__hover');
    const cell = cellAtPixel(grids, 150, 75, 300)!;
    expect(hover?.textContent).toContain(`aᴸ = ${formatNumber(cell.value)}`);
    expect(hover?.textContent).toContain(`x₁ = ${formatNumber(cell.x1)}, x₂ = ${formatNumber(cell.x2)}`);
    expect(hover?.textContent).toContain('grid cell');
    await act(async () => plot.dispatchEvent(new PointerEvent('pointerout', { bubbles: true, relatedTarget: document.body })));
    expect(rendered.container.querySelector('.bl-boundary__hover')).toBeNull();
  });
});

describe('twin run', () => {
  it('titles its two boundary plots "Correct f′(z)" and "Buggy f′(a)"', async () => {
    const { grids, data } = trained(xorConfig, 100);
    rendered = await render(
      <TwinView
        costs={twinCostSource(new Float64Array(0), new Float64Array(0))}
        data={data}
        grids={{ correct: grids, buggy: grids }}
        labels={[]}
        params={null}
        difference={null}
        largest={null}
        epoch={0}
        rounded={false}
      />,
    );
    const titles = Array.from(rendered.container.querySelectorAll('.bl-twin__boundaries h3')).map((h) => h.textContent);
    expect(titles).toEqual(['Correct f′(z)', 'Buggy f′(a)']);
  });
});
