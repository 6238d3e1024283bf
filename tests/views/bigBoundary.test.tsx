// @vitest-environment happy-dom
/** The decision boundary with big data (up to 10,000 rows) and a big network's coarse grid. */
import { afterEach, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/engine';
import { DecisionBoundary } from '../../src/views/boundary/DecisionBoundary';
import { POINT_SVG_LIMIT, drawPoints } from '../../src/views/boundary/drawBoundary';
import { trained, xorConfig } from './fixtures';
import { type Rendered, nextFrame, render } from './render';

function rows(count: number): Dataset {
  const inputs = new Float64Array(count * 2);
  const targets = new Float64Array(count);
  for (let s = 0; s < count; s++) {
    inputs[2 * s] = Math.sin(s);
    inputs[2 * s + 1] = Math.cos(s * 1.3);
    targets[s] = s % 3 === 0 ? 1 : 0;
  }
  return { name: 'custom', kind: 'custom', count, inputSize: 2, outputSize: 1, inputs, targets, domain: [-1, 1, -1, 1] };
}

let rendered: Rendered | null = null;
afterEach(async () => {
  await rendered?.unmount();
  rendered = null;
});

describe('many samples', () => {
  it('beyond the limit the points go on one canvas instead of an SVG group each', async () => {
    const data = rows(POINT_SVG_LIMIT + 1);
    rendered = await render(<DecisionBoundary grids={null} data={data} rounded={false} />);
    expect(rendered.container.querySelectorAll('.bl-boundary__point')).toHaveLength(0);
    expect(rendered.container.querySelectorAll('canvas.bl-boundary__points')).toHaveLength(1);
    expect(rendered.container.querySelector('svg[role="img"]')?.getAttribute('aria-label')).toBe(`${data.count.toLocaleString('en')} samples`);
  });

  it('up to the limit they stay SVG, as before', async () => {
    rendered = await render(<DecisionBoundary grids={null} data={rows(200)} rounded={false} />);
    expect(rendered.container.querySelectorAll('.bl-boundary__point')).toHaveLength(200);
    expect(rendered.container.querySelectorAll('canvas.bl-boundary__points')).toHaveLength(0);
  });

  it('drawPoints draws every sample in one path per colour', () => {
    const calls: string[] = [];
    const ctx = new Proxy({} as Record<string, unknown>, {
      get: (_t, key) => (typeof key === 'string' && ['beginPath', 'moveTo', 'arc', 'fill'].includes(key) ? () => calls.push(key) : undefined),
      set: () => true,
    }) as unknown as CanvasRenderingContext2D;
    const data = rows(10_000);
    expect(
      drawPoints(
        ctx,
        data,
        (v) => v * 100,
        (v) => v * 100,
        2,
      ),
    ).toBe(10_000);
    expect(calls.filter((c) => c === 'arc')).toHaveLength(10_000);
    expect(calls.filter((c) => c === 'fill')).toHaveLength(2);
  });
});

describe('a coarse grid', () => {
  it('the caption says why the grid is coarse', async () => {
    const coarse = trained(xorConfig, 10, 23);
    rendered = await render(<DecisionBoundary grids={coarse.grids} data={coarse.data} rounded={false} />);
    await nextFrame();
    expect(rendered.container.querySelector('figcaption')?.textContent).toContain('(23×23 cells, coarser for a network this big so the lab stays quick)');
    const fine = trained(xorConfig, 10, 100);
    await rendered.rerender(<DecisionBoundary grids={fine.grids} data={fine.data} rounded={false} />);
    expect(rendered.container.querySelector('figcaption')?.textContent).toContain('(100×100 cells)');
  });
});
